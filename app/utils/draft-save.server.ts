import type { RouterContextProvider } from "react-router";
import { formatsFor } from "~/i18n/format";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";

/**
 * A draft's save as its endpoint answers it, in the author's words, for the status line of the
 * page's draft script (decision 167), which words nothing itself: an accepted save saying when it
 * was saved on their clock (`said`), a refusal's message and field errors worded.
 */
export function answeredSave(
  answer: { status: number; body: unknown },
  context: Readonly<RouterContextProvider>,
  timeZone: string,
): { status: number; body: unknown } {
  const t = translatorOf(context);
  const body = answer.body as {
    ok?: boolean;
    savedAt?: string;
    message?: string | Message;
    fieldErrors?: Record<string, string[]>;
  };
  if (!body.ok) {
    const { message, fieldErrors } = body;
    const worded = (errors: string[]) => errors.map((error) => wordsOf(t, error));
    return {
      ...answer,
      body: {
        ...body,
        ...(message ? { message: wordsOf(t, message) } : {}),
        ...(fieldErrors
          ? {
              fieldErrors: Object.fromEntries(
                Object.entries(fieldErrors).map(([field, errors]) => [field, worded(errors)]),
              ),
            }
          : {}),
      },
    };
  }
  if (!body.savedAt) return answer;
  const time = formatsFor(languageOf(context), timeZone).timeOfDay(body.savedAt);
  return { ...answer, body: { ...body, said: t("assessments:autosave.savedAt", { time }) } };
}
