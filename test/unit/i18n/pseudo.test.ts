import IntlMessageFormat from "intl-messageformat";
import { describe, expect, test } from "vitest";
import { chooseLanguage } from "~/i18n/languages";
import { pseudoMessage, pseudoResources } from "~/i18n/pseudo";

describe("the pseudo-language", () => {
  test("accents every letter, brackets the message and makes it 40% longer", () => {
    const said = pseudoMessage("Sign out");
    expect(said).toMatch(/^\[Šîĝñ öûţ( ~)+\]$/);
    expect(said.length).toBeGreaterThanOrEqual(Math.ceil("Sign out".length * 1.4));
  });

  test("keeps ICU's arguments and plural branches working", () => {
    const message = pseudoMessage("{count, plural, one {# person} other {# people}} in {team}");
    expect(new IntlMessageFormat(message, "en").format({ count: 2, team: "Core" })).toMatch(
      /^\[2 þ?[^\s]+ îñ Core/u,
    );
    expect(new IntlMessageFormat(message, "en").format({ count: 1, team: "Core" })).toContain("1 ");
    expect(message).toContain("{count, plural, one {");
    expect(message).toContain("{team}");
  });

  test("is made for every English message", () => {
    expect(pseudoResources({ common: { nav: { home: "Home" } } })).toEqual({
      common: { nav: { home: expect.stringMatching(/^\[Ĥömé/) } },
    });
  });

  test("only a browser asking for it first gets it, and only where it is on", () => {
    expect(
      chooseLanguage({
        chosen: "de",
        acceptLanguage: "en-XA, de",
        organisation: null,
        pseudo: true,
      }),
    ).toBe("en-XA");
    expect(
      chooseLanguage({ chosen: null, acceptLanguage: "en-XA", organisation: null, pseudo: false }),
    ).toBe("en");
    expect(
      chooseLanguage({
        chosen: null,
        acceptLanguage: "de, en-XA",
        organisation: null,
        pseudo: true,
      }),
    ).toBe("de");
  });
});
