// Every shipped language has exactly English's keys, and every message is ICU MessageFormat that
// takes the same arguments as English's: a translation can neither lose a message nor ask for a value
// the code does not give.
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, test } from "vitest";
import { LANGUAGES, languages, NAMESPACES, SOURCE_LANGUAGE } from "~/i18n/languages";
import ar from "~/locales/ar";
import de from "~/locales/de";
import en from "~/locales/en";
import es from "~/locales/es";
import fr from "~/locales/fr";

type Tree = { [key: string]: string | Tree };
const shipped: Record<string, Record<string, Tree>> = { en, de, fr, es, ar };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") messages.set(prefix + key, value);
    else
      for (const [inner, message] of flatten(value, `${prefix}${key}.`))
        messages.set(inner, message);
  }
  return messages;
}

const messagesOf = (language: string) =>
  new Map(
    NAMESPACES.flatMap((namespace) =>
      [...flatten(shipped[language]![namespace] ?? {})].map(
        ([key, message]) => [`${namespace}:${key}`, message] as const,
      ),
    ),
  );

type Element = {
  type: number;
  value?: string;
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
};

/** The arguments a message takes, each with its kind (plain, number, date, select, plural…). */
function argumentsOf(elements: Element[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    // Literal text (0) and the plural's # (7) take no argument of their own.
    if (element.type !== 0 && element.type !== 7 && element.value)
      found.add(`${element.value}:${element.type}`);
    for (const option of Object.values(element.options ?? {})) argumentsOf(option.value, found);
    if (element.children) argumentsOf(element.children, found);
  }
  return found;
}

const english = messagesOf(SOURCE_LANGUAGE);

describe("the shipped languages", () => {
  test("the list of languages is the list of message folders", () => {
    expect(Object.keys(shipped).sort()).toEqual([...languages].sort());
  });

  for (const language of languages.filter((language) => language !== SOURCE_LANGUAGE)) {
    test(`${language} has every key English has, and none it lacks`, () => {
      const translated = messagesOf(language);
      expect(
        [...english.keys()].filter((key) => !translated.has(key)),
        "missing",
      ).toEqual([]);
      expect(
        [...translated.keys()].filter((key) => !english.has(key)),
        "not in English",
      ).toEqual([]);
    });
  }

  for (const language of languages) {
    test(`${language}'s messages are ICU MessageFormat with English's arguments`, () => {
      const wrong: string[] = [];
      for (const [key, message] of messagesOf(language)) {
        let parsed: Element[];
        try {
          parsed = new IntlMessageFormat(message, LANGUAGES[language].locale).getAst() as Element[];
        } catch (error) {
          wrong.push(`${key}: ${(error as Error).message}`);
          continue;
        }
        const source = english.get(key);
        if (source === undefined) continue;
        const expected = [
          ...argumentsOf(new IntlMessageFormat(source, "en").getAst() as Element[]),
        ].sort();
        const actual = [...argumentsOf(parsed)].sort();
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          wrong.push(
            `${key}: takes ${actual.join(", ") || "nothing"}, English ${expected.join(", ") || "nothing"}`,
          );
      }
      expect(wrong).toEqual([]);
    });
  }
});
