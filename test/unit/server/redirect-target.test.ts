import { describe, expect, test } from "vitest";
import { safeRedirectPath } from "~/utils/redirect-target";

/** Where a browser would go from a page of ours given this Location, as Chromium and Firefox parse it. */
function landsOn(location: string): string {
  return new URL(location, "https://rungs.example/team").origin;
}

describe("redirect targets taken from a request", () => {
  test.each([
    ["/", "/"],
    ["/ladders", "/ladders"],
    ["/admin/people?team=t1&page=2", "/admin/people?team=t1&page=2"],
    ["/people/p1/gap?target=ic3#plan", "/people/p1/gap?target=ic3#plan"],
    ["/ladders/eng/search?q=a%20b", "/ladders/eng/search?q=a%20b"],
  ])("a path of ours is kept: %s", (given, expected) => {
    expect(safeRedirectPath(given)).toBe(expected);
  });

  test("characters a Location header cannot carry are percent-encoded, not a crash later", () => {
    expect(safeRedirectPath("/ladders/eng/search?q=café")).toBe("/ladders/eng/search?q=caf%C3%A9");
    expect(safeRedirectPath("/people/Zoë")).toBe("/people/Zo%C3%AB");
    expect(() => new Headers({ Location: safeRedirectPath("/search?q=→ ✓") })).not.toThrow();
  });

  const bypasses = [
    "//evil.example",
    "//evil.example/phish",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example/phish",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "/%0A/x",
    "/x\ny",
    "/x\ry",
    "/team\t",
    "/\u0000/evil.example",
    "/\u007f/evil.example",
    "https://evil.example",
    "http://evil.example/",
    "HTTPS://evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/..//evil.example",
    "/./..//evil.example",
    "/x/../..//evil.example",
    "/%2e%2e//evil.example",
    "/.%2e//evil.example",
    "/\\/evil.example",
    "/%5C/evil.example",
    "/%5c%5cevil.example",
    " //evil.example",
    " /team",
    "\t//evil.example",
    "evil.example",
    "team",
    "",
    `/${"a".repeat(5000)}`,
  ];

  test.each(bypasses.map((given) => [JSON.stringify(given.slice(0, 60)), given]))(
    "%s never leaves the site",
    (_shown, given) => {
      const target = safeRedirectPath(given);
      expect(landsOn(target)).toBe("https://rungs.example");
      expect(target.startsWith("/")).toBe(true);
      expect(target.startsWith("//")).toBe(false);
      expect(target).not.toMatch(/[\p{Cc}\\]/u);
    },
  );

  test("the request's form value as React Router reads it: /login?redirectTo=%2F%09%2Fevil.example%2Fphish", () => {
    const value = new URLSearchParams("redirectTo=%2F%09%2Fevil.example%2Fphish").get("redirectTo");
    expect(safeRedirectPath(value)).toBe("/");
  });

  test("anything unusable falls back to the page's default", () => {
    expect(safeRedirectPath("//evil.example", "/ladders")).toBe("/ladders");
    expect(safeRedirectPath(null)).toBe("/");
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath(new File(["x"], "x.txt"))).toBe("/");
    expect(safeRedirectPath(`/${"a".repeat(5000)}`)).toBe("/");
  });

  test("encoded slashes and backslashes stay encoded: the browser asks us for that path", () => {
    expect(safeRedirectPath("/%2F/evil.example")).toBe("/%2F/evil.example");
    expect(safeRedirectPath("/%5C/evil.example")).toBe("/%5C/evil.example");
  });
});
