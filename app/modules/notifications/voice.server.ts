import { formatsFor } from "~/i18n/format";
import { i18nFor } from "~/i18n/i18n.server";
import { chooseLanguage, type PageLanguage } from "~/i18n/languages";
import { getEnv } from "~/utils/env.server";
import type { Voice } from "./render";

/**
 * The language an email speaks to its recipient: their own choice (`User.language`), else the
 * organisation's (`ORG_LANGUAGE`), else English; `chooseLanguage` with no browser to ask. It is
 * decided when the message is queued, not when it is delivered: the outbox row keeps the words as
 * they are sent, so a retry or an admin's resend says the same thing, and delivery reads nobody's
 * settings. `chosen` is null for a candidate's contact, who has no setting in Rungs.
 */
export function voiceFor(chosen: string | null, timeZone: string): Voice {
  return voiceIn(
    chooseLanguage({ chosen, acceptLanguage: null, organisation: getEnv().ORG_LANGUAGE }),
    timeZone,
  );
}

/** The `email` words of each language, made once: a pass words thousands of emails in a handful of languages. */
const words = new Map<PageLanguage, Voice["t"]>();

/** The words and formatters of one language, on one clock. */
export function voiceIn(language: PageLanguage, timeZone: string): Voice {
  let t = words.get(language);
  if (!t) words.set(language, (t = i18nFor(language).getFixedT(language, "email")));
  return { language, t, f: formatsFor(language, timeZone) };
}
