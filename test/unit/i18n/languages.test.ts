import { describe, expect, test } from "vitest";
import { chooseLanguage, languageFromAcceptLanguage, languageOfLocale } from "~/i18n/languages";

describe("the language a browser asks for", () => {
  test("the supported language it ranks highest, a regional tag taking its language", () => {
    expect(languageFromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(languageFromAcceptLanguage("ja, fr-CA;q=0.7, es;q=0.9")).toBe("es");
    expect(languageFromAcceptLanguage("en;q=0.5, ar;q=0.6")).toBe("ar");
    expect(languageFromAcceptLanguage("FR")).toBe("fr");
  });

  test("equal ranks keep the browser's order", () => {
    expect(languageFromAcceptLanguage("es, de")).toBe("es");
  });

  test("none, when it names nothing Rungs speaks or refuses what it names", () => {
    expect(languageFromAcceptLanguage(null)).toBeNull();
    expect(languageFromAcceptLanguage("")).toBeNull();
    expect(languageFromAcceptLanguage("ja, zh-CN;q=0.8")).toBeNull();
    expect(languageFromAcceptLanguage("de;q=0, *;q=0.1")).toBeNull();
    expect(languageFromAcceptLanguage("de;q=abc")).toBeNull();
  });

  test("the page's <html lang> names its language", () => {
    expect(languageOfLocale("en-GB")).toBe("en");
    expect(languageOfLocale("ar")).toBe("ar");
    expect(languageOfLocale("xx")).toBe("en");
  });
});

describe("the language a request is answered in", () => {
  test("the person's choice first, then their browser's, then the organisation's, then English", () => {
    expect(chooseLanguage({ chosen: "ar", acceptLanguage: "de", organisation: "fr" })).toBe("ar");
    expect(chooseLanguage({ chosen: null, acceptLanguage: "de", organisation: "fr" })).toBe("de");
    expect(chooseLanguage({ chosen: null, acceptLanguage: "ja", organisation: "fr" })).toBe("fr");
    expect(chooseLanguage({ chosen: null, acceptLanguage: null, organisation: null })).toBe("en");
  });

  test("a stored choice Rungs no longer speaks counts as none", () => {
    expect(chooseLanguage({ chosen: "xx", acceptLanguage: "es", organisation: "fr" })).toBe("es");
  });
});
