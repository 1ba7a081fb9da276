import { NAMESPACES } from "./languages";

/**
 * What a module or a form says to a person, before it is worded in their language: a key of the
 * English messages (`namespace:dotted.key`, app/locales/en) and the values its ICU message takes.
 * Modules raise and return these (they know no language); the route, or the component showing
 * it, words it with the request's `t`.
 */
export type Message = { key: string; values?: Record<string, string | number> };

const namespaced = new RegExp(`^(${NAMESPACES.join("|")}):[A-Za-z0-9_.]+$`);

/** A form error or message that is a key (`auth:login.errors.emailRequired`) rather than English not yet translated. */
export function isMessageKey(text: string): boolean {
  return namespaced.test(text);
}

/**
 * The words of a message in `t`'s language. Text that is not a key is English from a part not
 * yet translated (docs/i18n.md) and is shown as it is.
 */
export function wordsOf(t: AnyT, message: string | Message): string {
  if (typeof message !== "string") return String(t(message.key as never, message.values as never));
  return isMessageKey(message) ? String(t(message as never)) : message;
}

/** Any namespace's `t`: a message's key is known only when it is said, so it is not checked against English here (test/unit/i18n/messages.test.ts checks the files). */
type AnyT = (key: never, values?: never) => unknown;
