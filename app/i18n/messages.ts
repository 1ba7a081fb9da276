import { NAMESPACES } from "./languages";

/**
 * What a module or a form says to a person, before it is worded in their language: a key of the
 * English messages (`namespace:dotted.key`, app/locales/en) and the values its ICU message takes.
 * Modules raise and return these (they know no language); the route, or the component showing
 * it, words it with the request's `t`.
 */
export type Message = { key: string; values?: Record<string, string | number | Message> };

const namespaced = new RegExp(`^(${NAMESPACES.join("|")}):[A-Za-z0-9_.]+$`);
/** A key, then optionally "|" and its values as a JSON object: `cycles:errors.tooLong|{"limit":200}`. */
const withValues = new RegExp(`^((?:${NAMESPACES.join("|")}):[A-Za-z0-9_.]+)\\|(\\{.*\\})$`, "s");

/**
 * A message as one string, for where only text travels: a form's errors (conform and zod carry
 * strings), a query parameter. `wordsOf` and `ErrorList` word it with its values.
 */
export function messageText(message: Message): string {
  return message.values ? `${message.key}|${JSON.stringify(message.values)}` : message.key;
}

/** The message a string carries: a key, with its values if `messageText` wrote them; null for English not yet translated. */
export function messageOf(text: string): Message | null {
  if (namespaced.test(text)) return { key: text };
  const match = withValues.exec(text);
  if (!match) return null;
  try {
    // The pattern asks for braces around the values, so what parses is an object.
    return { key: match[1]!, values: JSON.parse(match[2]!) as Message["values"] };
  } catch {
    // Not JSON: English text that happens to start like a key, shown as it is.
    return null;
  }
}

/** A form error or message that is a key (`auth:login.errors.emailRequired`, with values or not) rather than English not yet translated. */
export function isMessageKey(text: string): boolean {
  return messageOf(text) !== null;
}

/**
 * The words of a message in `t`'s language. Text that is not a key is English from a part not
 * yet translated (docs/i18n.md) and is shown as it is.
 */
export function wordsOf(t: AnyT, message: string | Message): string {
  const said = typeof message === "string" ? messageOf(message) : message;
  if (!said) return message as string;
  return String(t(said.key as never, wordedValues(t, said.values) as never));
}

/**
 * Several items as one value of a message ("Testing, System design"), the separator in the
 * reader's language (`common:list.more`); one item is itself.
 */
export function listOf(items: readonly (string | Message)[]): string | Message {
  const [first, ...rest] = items;
  if (first === undefined) return "";
  return rest.length ? { key: "common:list.more", values: { first, rest: listOf(rest) } } : first;
}

/** A message's values with the messages among them (a field's name, a quoted text) worded first. */
function wordedValues(
  t: AnyT,
  values: Message["values"],
): Record<string, string | number> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === "object" ? wordsOf(t, value) : value,
    ]),
  );
}

/** Any namespace's `t`: a message's key is known only when it is said, so it is not checked against English here (test/unit/i18n/messages.test.ts checks the files). */
type AnyT = (key: never, values?: never) => unknown;

/** Several sentences (a to-do item's detail), each worded, one after another. */
export function sentencesOf(t: AnyT, messages: readonly (string | Message)[]): string {
  return messages.map((message) => wordsOf(t, message)).join(" ");
}
