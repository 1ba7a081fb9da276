import { describe, expect, test } from "vitest";
import { anotherAccountPrompt } from "~/modules/identity/single-sign-on/another-account";

describe("asking the identity provider for another account", () => {
  test("select_account where the provider lists it, else login", () => {
    expect(anotherAccountPrompt(["none", "login", "consent", "select_account"])).toBe(
      "select_account",
    );
    expect(anotherAccountPrompt(["none", "login", "consent"])).toBe("login");
    expect(anotherAccountPrompt(undefined)).toBe("login");
    expect(anotherAccountPrompt("select_account")).toBe("login");
  });
});
