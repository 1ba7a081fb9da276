import { describe, expect, it } from "vitest";
import { isActivePath } from "~/utils/active-path";

describe("isActivePath", () => {
  it("is active on the same path, with or without a trailing slash, in any case", () => {
    expect(isActivePath("/admin/people", "/admin/people")).toBe(true);
    expect(isActivePath("/admin/people/", "/admin/people")).toBe(true);
    expect(isActivePath("/Admin/People", "/admin/people")).toBe(true);
  });

  it("is active under the path, by whole segments only", () => {
    expect(isActivePath("/admin/people/42", "/admin/people")).toBe(true);
    expect(isActivePath("/admin/peoples", "/admin/people")).toBe(false);
    expect(isActivePath("/admin", "/admin/people")).toBe(false);
  });

  it("with end, is active on the path itself only", () => {
    expect(isActivePath("/", "/", true)).toBe(true);
    expect(isActivePath("/team", "/", true)).toBe(false);
    expect(isActivePath("/people/42/gap", "/people/42", true)).toBe(false);
  });

  it("without end, the root is active everywhere", () => {
    expect(isActivePath("/team", "/")).toBe(true);
  });
});
