import IntlMessageFormat from "intl-messageformat";
import { wordsOf, type Message } from "~/i18n/messages";
import english from "~/locales/en/ladderChecks.json";
import { closestMatch } from "./suggest";

/**
 * What the ladder checks say, as messages of the `ladderChecks` namespace: the admin's Ladder
 * status page words them in the admin's language, while `ladders:check`, the server's log and the
 * tests read their English, worded here from the same English messages so the two cannot differ.
 */
export type CheckValues = Record<string, string | number | Message>;

/** Numbers are given as text: line numbers, sizes and scale values read as the file writes them, in every language. */
export function check(key: string, values?: CheckValues): Message {
  if (!values) return { key: `ladderChecks:${key}` };
  return {
    key: `ladderChecks:${key}`,
    values: Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === "number" ? String(value) : value,
      ]),
    ),
  };
}

/** A finding's English and what it says: spread into a `LadderError`. */
export function said(message: string | Message): { message: string; say?: Message } {
  return typeof message === "string" ? { message } : { message: inEnglish(message), say: message };
}

const NAMESPACE = "ladderChecks:";
const compiled = new Map<string, IntlMessageFormat>();

function englishOf(key: string, values?: Record<string, unknown>): string {
  if (!key.startsWith(NAMESPACE)) throw new Error(`${key} is not a ladder check's message`);
  let format = compiled.get(key);
  if (!format) {
    let found: unknown = english;
    for (const part of key.slice(NAMESPACE.length).split("."))
      found = (found as Record<string, unknown> | undefined)?.[part];
    if (typeof found !== "string")
      throw new Error(`${key} is not in app/locales/en/ladderChecks.json`);
    format = new IntlMessageFormat(found, "en", undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  return String(format.format(values as Record<string, string | number>));
}

/** A message in English: what `ladders:check` prints and the server logs. */
export function inEnglish(message: string | Message): string {
  return wordsOf(englishOf as never, message);
}

/** ` (did you mean "code-quality"?)` after a finding, or nothing. */
export function didYouMeanHint(
  match: string | undefined,
  note: string | Message = "",
): Message | "" {
  return match === undefined ? "" : check("hints.didYouMean", { match, note });
}

/** ` (did you mean "code-quality"?)`, or "" when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): Message | "" {
  return didYouMeanHint(closestMatch(word, candidates));
}

/** A finding another one builds on (naming the other places with the same mistake): what it says, else its English. */
export function findingOf(error: { message: string; say?: Message }): string | Message {
  return error.say ?? error.message;
}
