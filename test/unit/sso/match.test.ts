import { describe, expect, test } from "vitest";
import { matchSignIn } from "~/modules/identity/single-sign-on/match";

const active = { id: "p1", deactivatedAt: null };

describe("matching a single sign-on to a person", () => {
  test("a verified email of an active person signs them in, whatever its case", () => {
    expect(
      matchSignIn({ email: " Ada@Example.COM ", email_verified: true }, active, false),
    ).toEqual({ kind: "person", personId: "p1" });
    expect(
      matchSignIn({ email: "ada@example.com", email_verified: "true" }, active, false),
    ).toEqual({ kind: "person", personId: "p1" });
  });

  test("an unverified or missing email is refused, even for a known person", () => {
    for (const email_verified of [false, "false", undefined, 1]) {
      expect(matchSignIn({ email: "ada@example.com", email_verified }, active, true)).toMatchObject(
        { kind: "refused", reason: "unverified" },
      );
    }
    expect(matchSignIn({ email_verified: true }, active, true)).toMatchObject({
      kind: "refused",
      reason: "no-email",
    });
    expect(matchSignIn({ email: "not an email", email_verified: true }, null, true)).toMatchObject({
      kind: "refused",
      reason: "no-email",
    });
  });

  test("a deactivated person is refused, even where people may be created", () => {
    const match = matchSignIn(
      { email: "dora@example.com", email_verified: true },
      { id: "p2", deactivatedAt: new Date() },
      true,
    );
    expect(match).toEqual({
      kind: "refused",
      reason: "deactivated",
      message: {
        key: "auth:singleSignOn.refusals.deactivated",
        values: { email: "dora@example.com" },
      },
    });
  });

  test("someone unknown is refused unless people may be created, then named by the provider or their email", () => {
    expect(
      matchSignIn({ email: "new@example.com", email_verified: true }, null, false),
    ).toMatchObject({
      kind: "refused",
      reason: "unknown",
      message: { key: "auth:singleSignOn.refusals.unknown", values: { email: "new@example.com" } },
    });
    expect(
      matchSignIn(
        { email: "new@example.com", email_verified: true, name: " Nia New " },
        null,
        true,
      ),
    ).toEqual({ kind: "create", email: "new@example.com", name: "Nia New" });
    expect(matchSignIn({ email: "new@example.com", email_verified: true }, null, true)).toEqual({
      kind: "create",
      email: "new@example.com",
      name: "new",
    });
    // A name that would display as another ("Nia \u202Ewen" as "Nia wen" reversed) keeps its letters, not the override.
    expect(
      matchSignIn(
        { email: "new@example.com", email_verified: true, name: "Nia \u202Ewen\u0007" },
        null,
        true,
      ),
    ).toEqual({ kind: "create", email: "new@example.com", name: "Nia wen" });
  });
});
