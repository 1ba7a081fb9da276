import { describe, expect, test } from "vitest";
import { canViewPerson, hasRole, type Viewer } from "~/modules/identity/policy";

const viewer = (overrides: Partial<Viewer> = {}): Viewer => ({
  id: "me",
  name: "Me",
  email: "me@example.com",
  isAdmin: false,
  isHiringAdmin: false,
  ...overrides,
});

describe("who may see a person", () => {
  test("the person themselves", () => expect(canViewPerson(viewer(), "me", [], false)).toBe(true));
  test("anyone in their manager chain", () =>
    expect(canViewPerson(viewer(), "report", ["lead", "me"], false)).toBe(true));
  test("an admin", () =>
    expect(canViewPerson(viewer({ isAdmin: true }), "someone", [], false)).toBe(true));
  test("not a peer, nor a hiring admin", () => {
    expect(canViewPerson(viewer(), "peer", ["boss"], false)).toBe(false);
    expect(canViewPerson(viewer({ isHiringAdmin: true }), "peer", ["boss"], false)).toBe(false);
  });
  test("nobody once the person is erased: not an admin, nor their former manager chain", () => {
    expect(canViewPerson(viewer({ isAdmin: true }), "gone", [], true)).toBe(false);
    expect(canViewPerson(viewer(), "gone", ["lead", "me"], true)).toBe(false);
  });
});

describe("roles", () => {
  test("admins hold every role; hiring admins only their own", () => {
    expect(hasRole(viewer({ isAdmin: true }), "hiringAdmin")).toBe(true);
    expect(hasRole(viewer({ isHiringAdmin: true }), "admin")).toBe(false);
    expect(hasRole(viewer(), "hiringAdmin")).toBe(false);
  });
});
