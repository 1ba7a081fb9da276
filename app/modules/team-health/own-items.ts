import { languages, SOURCE_LANGUAGE, type Language, type PageLanguage } from "~/i18n/languages";

/**
 * The organisation's own items (decision 123): a statement an admin writes in one language, with
 * its wording in any of the others, and whether it is reverse-scored. A check-in asks one by its
 * key, `own-<id>`, and keeps the wording it asked (TeamHealthCheckIn.ownItems), so that a later
 * change or retirement never changes what a past check-in shows. Pure.
 */

export const OWN_PREFIX = "own-";

export const ownKey = (id: string) => `${OWN_PREFIX}${id}`;

export const isOwnKey = (key: string) => key.startsWith(OWN_PREFIX);

/** An own item as a check-in asked it. */
export type AskedOwnItem = {
  language: Language;
  wording: Partial<Record<Language, string>>;
  reversed: boolean;
};

export type AskedOwnItems = Record<string, AskedOwnItem>;

/** An own item's words as a reader sees them: `lang` is the language they are in when it is not the reader's (marked), else null. */
export type ShownOwnItem = { text: string; lang: Language | null; reversed: boolean };

export function parseWording(json: string): Partial<Record<Language, string>> {
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== "object") return {};
  return Object.fromEntries(
    languages.flatMap((language) => {
      const text = (parsed as Record<string, unknown>)[language];
      return typeof text === "string" && text ? [[language, text]] : [];
    }),
  );
}

export function parseAskedOwnItems(json: string | null | undefined): AskedOwnItems {
  if (!json) return {};
  const parsed: unknown = JSON.parse(json);
  if (!parsed || typeof parsed !== "object") return {};
  const asked: AskedOwnItems = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!isOwnKey(key) || !value || typeof value !== "object") continue;
    const item = value as Record<string, unknown>;
    const language = languages.find((code) => code === item.language) ?? SOURCE_LANGUAGE;
    asked[key] = {
      language,
      wording: parseWording(JSON.stringify(item.wording ?? {})),
      reversed: item.reversed === true,
    };
  }
  return asked;
}

/**
 * The words a reader of `language` sees: their own language's wording when it was written, else
 * the statement as written, marked with its language (as a ladder text left untranslated is).
 */
export function shownIn(item: AskedOwnItem, language: PageLanguage): ShownOwnItem {
  const own = (languages as readonly string[]).includes(language)
    ? item.wording[language as Language]
    : undefined;
  if (own) return { text: own, lang: null, reversed: item.reversed };
  const text = item.wording[item.language] ?? Object.values(item.wording)[0] ?? "";
  return { text, lang: item.language === language ? null : item.language, reversed: item.reversed };
}

/** The own items among a check-in's, as the reader sees them, by key. */
export function shownOwnItems(
  asked: AskedOwnItems,
  keys: readonly string[],
  language: PageLanguage,
): Record<string, ShownOwnItem> {
  return Object.fromEntries(
    keys.flatMap((key) => (asked[key] ? [[key, shownIn(asked[key], language)]] : [])),
  );
}
