import { describe, expect, test } from "vitest";
import { FilterNotSupported, groupQuery, pageOf, userQuery } from "~/modules/identity/scim/filter";
import { ScimProblem } from "~/modules/identity/scim/problem";
import {
  readUserInput,
  userResource,
  type PersonForScim,
} from "~/modules/identity/scim/user-mapping";

describe("filters Rungs answers", () => {
  test("equality on userName, externalId, id, emails and active, joined with and / or", () => {
    expect(
      userQuery([
        { userName: ["eq", "A@x.com"] },
        { externalId: ["eq", "e1"], active: ["eq", true] },
      ]),
    ).toEqual([
      [{ field: "userName", value: "A@x.com" }],
      [
        { field: "externalId", value: "e1" },
        { field: "active", value: true },
      ],
    ]);
    expect(userQuery([{ emails: { type: ["eq", "work"], value: ["eq", "a@x.com"] } }])).toEqual([
      [{ field: "email", value: "a@x.com" }],
    ]);
    expect(groupQuery([{ displayName: ["eq", "Platform"] }])).toEqual([
      [{ field: "displayName", value: "Platform" }],
    ]);
  });

  test("anything else is refused, not answered with an empty list", () => {
    for (const parsed of [
      [{ userName: ["eq"] }],
      [{ userName: ["sw", "a"] }],
      [{ title: ["eq", "x"] }],
      [{ active: ["eq", "yes"] }],
      [{ emails: { display: ["eq", "x"] } }],
    ]) {
      expect(() => userQuery(parsed), JSON.stringify(parsed)).toThrow(FilterNotSupported);
    }
    expect(() => groupQuery([{ members: { value: ["eq", "x"] } }])).toThrow(FilterNotSupported);
  });

  test("paging: 1-based, bounded, a default page size", () => {
    expect(pageOf(null, null, 200)).toEqual({ startIndex: 1, count: 100 });
    expect(pageOf("0", "-5", 200)).toEqual({ startIndex: 1, count: 0 });
    expect(pageOf("101", "1000", 200)).toEqual({ startIndex: 101, count: 200 });
    expect(pageOf("99999999999999999999", "x", 200)).toEqual({
      startIndex: 1_000_000_000,
      count: 100,
    });
  });
});

const person: PersonForScim = {
  id: "p1",
  name: "Ada Lovelace",
  email: "ada@example.com",
  scimUserName: null,
  scimExternalId: null,
  scimManagerRef: null,
  deactivatedAt: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
  updatedAt: new Date("2026-01-02T00:00:00Z"),
  ladderId: null,
  track: null,
  level: null,
  levelSince: null,
  language: null,
  team: null,
  manager: null,
};

describe("a person as a SCIM User and back", () => {
  test("someone made in Rungs answers with their email as userName and no extensions", () => {
    expect(userResource(person)).toEqual({
      id: "p1",
      userName: "ada@example.com",
      displayName: "Ada Lovelace",
      name: { formatted: "Ada Lovelace", givenName: "Ada", familyName: "Lovelace" },
      emails: [{ value: "ada@example.com", type: "work", primary: true }],
      active: true,
      meta: {
        resourceType: "User",
        created: "2026-01-01T00:00:00.000Z",
        lastModified: "2026-01-02T00:00:00.000Z",
      },
    });
  });

  test("on a replace, the name attribute the message changed wins; unchanged, the name stays", () => {
    const before = userResource(person);
    expect(
      readUserInput({ ...before, name: { ...(before.name as object), familyName: "King" } }, before)
        .name,
    ).toBe("Ada King");
    expect(
      readUserInput(
        { ...before, displayName: "Countess", name: { givenName: "X", familyName: "Y" } },
        before,
      ).name,
    ).toBe("Countess");
    expect(readUserInput(before, before).name).toBeNull();
  });

  test("email: primary, else work, else first, else a userName that is one; lower-case", () => {
    expect(
      readUserInput(
        {
          userName: "u",
          emails: [
            { value: "B@x.com", type: "home" },
            { value: "A@x.com", primary: true },
          ],
        },
        null,
      ).email,
    ).toBe("a@x.com");
    expect(readUserInput({ userName: "Me@X.com" }, null)).toMatchObject({
      email: "me@x.com",
      userName: "me@x.com",
      enterprise: null,
      rungs: null,
    });
    expect(readUserInput({ userName: "not-an-email" }, null).email).toBeNull();
    expect(() => readUserInput({ userName: "u", emails: [{ value: "nope" }] }, null)).toThrow(
      ScimProblem,
    );
    expect(() => readUserInput({ name: { givenName: "x" } }, null)).toThrow(ScimProblem);
  });
});

describe("the interface's language from a SCIM User", () => {
  const user = (attributes: Record<string, unknown>) =>
    readUserInput({ userName: "ada@example.com", ...attributes }, null).language;

  test("preferredLanguage (an Accept-Language value, as Entra sends it), else locale (Okta's en-US or en_US)", () => {
    expect(user({ preferredLanguage: "de-DE" })).toBe("de");
    expect(user({ preferredLanguage: "ja-JP, fr;q=0.8" })).toBe("fr");
    expect(user({ locale: "es_ES" })).toBe("es");
    expect(user({ preferredLanguage: "ar-SA", locale: "en-US" })).toBe("ar");
    expect(user({ preferredLanguage: "ja-JP", locale: "fr-CA" })).toBe("fr");
  });

  test("none Rungs speaks is no choice of their own; neither sent leaves theirs as it is", () => {
    expect(user({ preferredLanguage: "ja-JP", locale: "zh_CN" })).toBeNull();
    expect(user({})).toBeUndefined();
  });

  test("their choice is read back as preferredLanguage", () => {
    expect(userResource({ ...person, language: "de" })).toMatchObject({ preferredLanguage: "de" });
    expect(userResource(person)).not.toHaveProperty("preferredLanguage");
  });
});
