import { i18nFor, translatorOf } from "~/i18n/i18n.server";
import type { PageLanguage } from "~/i18n/languages";
import { wordsOf, type Message } from "~/i18n/messages";

/** The translator of a request without a language: English, as an English reader's pages word messages. */
export const english = translatorOf(undefined);

/** A message (or text a module returns as it is) in English words. */
export const inEnglishWords = (message: string | Message) => wordsOf(english, message);

const isMessage = (value: object): value is Message =>
  typeof (value as Message).key === "string" &&
  Object.keys(value).every((name) => name === "key" || name === "values") &&
  /^[a-z]+:/i.test((value as Message).key);

/** A module's result with every message inside it in English words, as an English reader's page shows them. */
export function inEnglishDeep<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => inEnglishDeep(item)) as T;
  if (
    value === null ||
    typeof value !== "object" ||
    value instanceof Date ||
    value instanceof Map ||
    value instanceof Set
  )
    return value;
  if (isMessage(value)) return inEnglishWords(value) as T;
  return Object.fromEntries(
    Object.entries(value).map(([name, item]) => [name, inEnglishDeep(item)]),
  ) as T;
}

/** A message in another language's words, as a reader of that language's page reads it. */
export const inWordsOf = (language: PageLanguage, message: string | Message) =>
  wordsOf(i18nFor(language).getFixedT(language), message);
