// The server keeps one i18next instance per language, shared by every request in it (decision 080).
import { describe, expect, test } from "vitest";
import { i18nFor } from "~/i18n/i18n.server";

describe("the server's instance of a language", () => {
  test("is made once and kept for every request in that language", () => {
    expect(i18nFor("de")).toBe(i18nFor("de"));
    expect(i18nFor("fr")).not.toBe(i18nFor("de"));
    expect(i18nFor("ar").language).toBe("ar");
  });

  test("refuses to change its language, which would change every request's", () => {
    const german = i18nFor("de");
    expect(() => german.changeLanguage("fr")).toThrow(/shared by its requests/);
    expect(german.language).toBe("de");
    expect(i18nFor("de").language).toBe("de");
  });
});
