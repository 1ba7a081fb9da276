import { describe, expect, test } from "vitest";
import { canViewPerson, createsReportingCycle, hasRole, type Viewer } from "~/modules/auth/policy";

const viewer = (overrides: Partial<Viewer> = {}): Viewer => ({ id: "me", name: "Me", email: "me@example.com", isAdmin: false, isHiringAdmin: false, ...overrides });

describe("who may see a person", () => {
  test("the person themselves", () => expect(canViewPerson(viewer(), "me", [])).toBe(true));
  test("anyone in their manager chain", () => expect(canViewPerson(viewer(), "report", ["lead", "me"])).toBe(true));
  test("an admin", () => expect(canViewPerson(viewer({ isAdmin: true }), "someone", [])).toBe(true));
  test("not a peer, nor a hiring admin", () => {
    expect(canViewPerson(viewer(), "peer", ["boss"])).toBe(false);
    expect(canViewPerson(viewer({ isHiringAdmin: true }), "peer", ["boss"])).toBe(false);
  });
});

describe("roles", () => {
  test("admins hold every role; hiring admins only their own", () => {
    expect(hasRole(viewer({ isAdmin: true }), "hiringAdmin")).toBe(true);
    expect(hasRole(viewer({ isHiringAdmin: true }), "admin")).toBe(false);
    expect(hasRole(viewer(), "hiringAdmin")).toBe(false);
  });
});

describe("reporting cycles", () => {
  const managers: Record<string, string | null> = { a: null, b: "a", c: "b" };
  const managerOf = (id: string) => managers[id];
  test("a manager above the person closes a loop", () => expect(createsReportingCycle("a", "c", managerOf)).toBe(true));
  test("managing yourself is a loop", () => expect(createsReportingCycle("b", "b", managerOf)).toBe(true));
  test("a new manager outside the chain below is fine", () => expect(createsReportingCycle("c", "a", managerOf)).toBe(false));
  test("no manager is fine", () => expect(createsReportingCycle("a", null, managerOf)).toBe(false));
  test("an existing loop in the data does not hang", () => {
    const looped: Record<string, string> = { x: "y", y: "x" };
    expect(createsReportingCycle("z", "x", (id) => looped[id])).toBe(true);
  });
});
