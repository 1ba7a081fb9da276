// Each language's own punctuation (docs/i18n.md, "Typography"), read in the words of every message,
// never in ICU's syntax (a skeleton such as ::.00 or an escaped brace '{' is not French text).
import { describe, expect, test } from "vitest";
import { languages, type Language } from "~/i18n/languages";
import { LITERAL, PLURAL, messagesOf, offenders, pluralsOf, type Element } from "./texts";

describe("French", () => {
  test("a narrow no-break space (U+202F), never a plain or no-break space, before : ; ? !", () => {
    expect(offenders("fr", /[ \u00a0][:;?!]/u)).toEqual([]);
  });
  test("a narrow no-break space (U+202F) before %, never a plain space or none", () => {
    expect(offenders("fr", /[ \u00a0\d}]%/u)).toEqual([]);
  });
  test("a narrow no-break space inside « »", () => {
    expect(offenders("fr", /«(?!\u202f)|(?<!\u202f)»/u)).toEqual([]);
  });
  test("the typographic apostrophe ’, never a straight one", () => {
    expect(offenders("fr", /'/u)).toEqual([]);
  });
  test("« » quotes, never straight double quotes", () => {
    expect(offenders("fr", /"/u)).toEqual([]);
  });
});

describe("German", () => {
  test("„…“ quotes, never straight double quotes", () => {
    expect(offenders("de", /"/u)).toEqual([]);
  });
});

describe("Spanish", () => {
  test("«…» quotes, never straight double quotes", () => {
    expect(offenders("es", /"/u)).toEqual([]);
  });
});

describe("Arabic", () => {
  test("« » quotes, never straight double quotes", () => {
    expect(offenders("ar", /"/u)).toEqual([]);
  });
  test("Western digits, as the pages' numbers are formatted, never Eastern Arabic ones", () => {
    expect(offenders("ar", /[\u0660-\u0669\u06f0-\u06f9]/u)).toEqual([]);
  });
  test("the Arabic comma and question mark after Arabic words", () => {
    // A comma with no space after it is data (the people import's example CSV row), not a sentence.
    expect(offenders("ar", /\p{Script=Arabic}[,?](?=\s|$)/u)).toEqual([]);
  });
  test("a count of two right after a preposition is in the genitive (…ين), never the nominative (…ان)", () => {
    // «بفارق ساعتين»، «من صفّين»: the dual's nominative ending reads wrong after من، إلى، حتى….
    const preposition = /(?:^|\s)(?:من|إلى|حتى|عن|على|منذ|بعد|قبل|بفارق|بين)\s$|(?:^|\s)[لب]ـ$/u;
    const wrong: string[] = [];
    const walk = (key: string, parts: Element[]) =>
      parts.forEach((part, index) => {
        const before = parts[index - 1];
        const first = part.options?.two?.value[0];
        if (
          part.type === PLURAL &&
          before?.type === LITERAL &&
          preposition.test(before.value ?? "") &&
          first?.type === LITERAL &&
          /^\s*\S+ان(?:\s|$)/u.test(first.value ?? "")
        )
          wrong.push(`${key}: …${(before.value ?? "").slice(-15)}${first.value}`);
        for (const option of Object.values(part.options ?? {})) walk(key, option.value);
      });
    for (const [key, , parsed] of messagesOf("ar")) walk(key, parsed);
    expect(wrong).toEqual([]);
  });
});

// Every form a language's plural rules have (CLDR cardinal categories): a count reads right for
// every number, not only for the ones a translator tried.
const CATEGORIES: Record<Language, string[]> = {
  en: ["one", "other"],
  de: ["one", "other"],
  fr: ["one", "other"],
  es: ["one", "other"],
  ar: ["zero", "one", "two", "few", "many", "other"],
};
// French and Spanish may add `many` (large round numbers); nothing else.
const OPTIONAL: Partial<Record<Language, string[]>> = { fr: ["many"], es: ["many"] };
// Where the words do not change with the number ("and # more"), a language whose forms are
// one and other may write `other` alone. Arabic may not: its words change with every category.
const OTHER_ALONE: Language[] = ["en", "de", "fr", "es"];

describe("times of day", () => {
  // docs/i18n.md, "Glossary answers after the sweep": a time a person reads is a value the page
  // formats (f.timeOfDay, f.dateTime, f.clock), so it reads as every other time in the language
  // (09:30 in French, never 9 h 30 beside it). The one exception shows what to type in a field.
  const typedExample = "calibration:errors.meetingStartInvalid";
  test.each(languages)("no message in %s writes a time of day itself", (language) => {
    const clock = /(?<![\d.-])\d{1,2}(?::\d{2}|\s?h(?:\s?\d{2})?(?!\p{L})|\s?Uhr\b|\s?[ap]m\b)/u;
    expect(
      offenders(language, clock).filter((found) => !found.startsWith(`${typedExample}:`)),
    ).toEqual([]);
  });
});

describe("plurals", () => {
  test.each(languages)(
    "every plural in %s writes each of its categories and no other",
    (language) => {
      const wrong: string[] = [];
      const allowed = [...CATEGORIES[language], ...(OPTIONAL[language] ?? [])];
      for (const [key, , parsed] of messagesOf(language))
        for (const written of pluralsOf(parsed)) {
          const otherAlone = OTHER_ALONE.includes(language) && written.join() === "other";
          const missing = otherAlone
            ? []
            : CATEGORIES[language].filter((category) => !written.includes(category));
          const foreign = written.filter((category) => !allowed.includes(category));
          if (missing.length || foreign.length)
            wrong.push(
              `${key}: ${missing.length ? `lacks ${missing.join(", ")}` : ""}${foreign.length ? ` has ${foreign.join(", ")}` : ""}`,
            );
        }
      expect(wrong).toEqual([]);
    },
  );

  test("the languages' categories are the ones Intl knows", () => {
    for (const language of languages)
      expect([...new Intl.PluralRules(language).resolvedOptions().pluralCategories].sort()).toEqual(
        expect.arrayContaining([...CATEGORIES[language]].sort()),
      );
  });
});
