// The pages' `t` (app/i18n/wording.ts) says exactly what i18next with its ICU plugin says, in every
// language: every message without values, and messages with plurals, choices and numbers.
import { createInstance } from "i18next";
import ICU from "i18next-icu";
import { describe, expect, test } from "vitest";
import { i18nFor } from "~/i18n/i18n.server";
import { NAMESPACES, PSEUDO_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { wordingOf } from "~/i18n/wording";
import en from "~/locales/en";

type Tree = { [key: string]: string | Tree };
const keysOf = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[prefix + key, value] as [string, string]]
      : keysOf(value, `${prefix}${key}.`),
  );

const LANGUAGES: PageLanguage[] = ["en", "de", "fr", "es", "ar", PSEUDO_LANGUAGE];

/** Our words without the isolates put around values of the other direction than the page's (checked below). */
const unisolated = (words: string) => words.replace(/[\u2068\u2069]/g, "");

describe("the pages' wording", () => {
  test.each(LANGUAGES)(
    "every message without values reads as i18next reads it (%s)",
    (language) => {
      const instance = i18nFor(language);
      for (const namespace of NAMESPACES) {
        const theirs = instance.getFixedT(language, namespace);
        const ours = wordingOf(instance, language, namespace);
        const plainKeys = keysOf((en as Record<string, Tree>)[namespace] ?? {}).filter(
          ([, message]) => !message.includes("{"),
        );
        for (const [key] of plainKeys)
          expect(ours(key), `${namespace}:${key}`).toBe(theirs(key as never));
      }
    },
  );

  test.each(LANGUAGES)(
    "plurals, choices, numbers and a namespace named in the key read as i18next reads them (%s)",
    (language) => {
      const instance = i18nFor(language);
      const theirs = instance.getFixedT(language, "home");
      const ours = wordingOf(instance, language, "home");
      const cases: [string, Record<string, unknown>][] = [
        ...[0, 1, 2, 3, 11, 100].map(
          (count) =>
            ["todo.managerReview.titleMany", { count, cycle: "Spring" }] as [
              string,
              Record<string, unknown>,
            ],
        ),
        ["todo.facilitate.detail", { state: "live", next: "locked" }],
        ["todo.facilitate.detail", { state: "published", next: "none" }],
        ["todo.hiring.waiting.screen.detail", { days: 0 }],
        ["todo.hiring.waiting.screen.detail", { days: 5 }],
        ["assessments:page.submittedOn", { date: "27.11.2026" }],
        ["calibration:entry.reviews.average", { average: 3 }],
        ["calibration:fairness.signed", { sign: "minus", value: 0.256 }],
      ];
      for (const [key, values] of cases)
        expect(unisolated(ours(key, values)), `${key} ${JSON.stringify(values)}`).toBe(
          theirs(key as never, values as never),
        );
    },
  );

  test("a message a language lacks reads in English, as i18next's fallback does", () => {
    const instance = createInstance({
      fallbackLng: "en",
      resources: { en: { home: { only: "Only in {place}" } }, de: { home: {} } },
      lng: "de",
      initAsync: false,
    });
    instance.use(new ICU()).init();
    expect(wordingOf(instance, "de", "home")("only", { place: "English" })).toBe("Only in English");
    expect(instance.getFixedT("de", "home")("only" as never, { place: "English" } as never)).toBe(
      "Only in English",
    );
  });

  test("a key no language has reads as itself, as i18next's does", () => {
    const instance = i18nFor("de");
    expect(wordingOf(instance, "de", "home")("todo.nothingHere")).toBe(
      instance.getFixedT("de", "home")("todo.nothingHere" as never),
    );
  });

  test("a language's messages arriving after a page was worded are read from then on, as when the browser loads a language's chunk", () => {
    const instance = createInstance({
      fallbackLng: "en",
      resources: { en: { home: { greeting: "Hello {name}", plain: "Welcome" } } },
      lng: "de",
      initAsync: false,
      partialBundledLanguages: true,
    });
    instance.use(new ICU()).init();
    const t = wordingOf(instance, "de", "home");
    expect([t("greeting", { name: "Ada" }), t("plain"), t("later")]).toEqual([
      "Hello Ada",
      "Welcome",
      "later",
    ]);
    instance.addResourceBundle("de", "home", {
      greeting: "Hallo {name}",
      plain: "Willkommen",
      later: "Später",
    });
    expect([t("greeting", { name: "Ada" }), t("plain"), t("later")]).toEqual([
      "Hallo Ada",
      "Willkommen",
      "Später",
    ]);
    instance.removeResourceBundle("de", "home");
    expect(t("plain")).toBe("Welcome");
  });

  test.each(LANGUAGES)(
    "every message of text and plain arguments reads as i18next reads it, with text, numbers and empty values (%s)",
    (language) => {
      const instance = i18nFor(language);
      let checked = 0;
      for (const namespace of NAMESPACES) {
        const theirs = instance.getFixedT(language, namespace);
        const ours = wordingOf(instance, language, namespace);
        const withArguments = keysOf((en as Record<string, Tree>)[namespace] ?? {}).filter(
          ([, message]) => /^[^{}']*(\{\w+\}[^{}']*)+$/.test(message),
        );
        for (const [key, message] of withArguments) {
          const names = [...message.matchAll(/\{(\w+)\}/g)].map(([, name]) => name!);
          for (const value of [(name: string) => `«${name}»`, () => 3.5, () => 0, () => ""]) {
            const values = Object.fromEntries(names.map((name) => [name, value(name)]));
            expect(
              unisolated(ours(key, values)),
              `${namespace}:${key} ${JSON.stringify(values)}`,
            ).toBe(theirs(key as never, values as never));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(400);
    },
  );

  test.each(LANGUAGES)(
    "every message of text, arguments and numbers reads as i18next reads it, for whole, fractional, negative and large numbers (%s)",
    (language) => {
      const instance = i18nFor(language);
      let checked = 0;
      for (const namespace of NAMESPACES) {
        const theirs = instance.getFixedT(language, namespace);
        const ours = wordingOf(instance, language, namespace);
        const withNumbers = keysOf((en as Record<string, Tree>)[namespace] ?? {}).filter(
          ([, message]) =>
            /\{\w+, number/.test(message) &&
            /^[^{}']*(\{\w+(, number(, [^{}']+)?)?\}[^{}']*)+$/.test(message),
        );
        for (const [key, message] of withNumbers) {
          const names = [...message.matchAll(/\{(\w+)/g)].map(([, name]) => name!);
          for (const value of [0, 1, 0.256, -3.5, 12_345.678, 0.005]) {
            const values = Object.fromEntries(names.map((name) => [name, value]));
            expect(
              unisolated(ours(key, values)),
              `${namespace}:${key} ${JSON.stringify(values)}`,
            ).toBe(theirs(key as never, values as never));
            checked++;
          }
          // A number argument given text is left to intl-messageformat, as before.
          const texts = Object.fromEntries(names.map((name) => [name, "n/a"]));
          expect(unisolated(ours(key, texts)), `${namespace}:${key} ${JSON.stringify(texts)}`).toBe(
            theirs(key as never, texts as never),
          );
        }
      }
      expect(checked).toBeGreaterThan(100);
    },
  );

  test("a text value of the other direction than the page's is isolated; one of the page's direction, a number and a choice are not", () => {
    const arabic = wordingOf(i18nFor("ar"), "ar", "home");
    const english = wordingOf(i18nFor("en"), "en", "home");
    const values = { count: 3, cycle: "Spring" };
    expect(arabic("todo.managerReview.titleMany", values)).toContain("\u2068Spring\u2069");
    expect(arabic("todo.managerReview.titleMany", { count: 3, cycle: "الربيع" })).not.toMatch(
      /[\u2068\u2069]/,
    );
    expect(english("todo.managerReview.titleMany", values)).not.toMatch(/[\u2068\u2069]/);
    expect(english("todo.managerReview.titleMany", { count: 3, cycle: "الربيع" })).toContain(
      "\u2068الربيع\u2069",
    );
    // A select chooses by its value as given.
    expect(arabic("todo.facilitate.detail", { state: "live", next: "locked" })).toBe(
      i18nFor("ar").getFixedT("ar", "home")(
        "todo.facilitate.detail" as never,
        {
          state: "live",
          next: "locked",
        } as never,
      ),
    );
  });
});
