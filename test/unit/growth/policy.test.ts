import { describe, expect, test } from "vitest";
import { canChangeGrowthPlan } from "~/modules/growth/policy";

const viewer = (overrides: { id?: string; isAdmin?: boolean } = {}) => ({
  id: "me",
  isAdmin: false,
  ...overrides,
});

describe("who may change a growth plan", () => {
  test("the person themselves", () => expect(canChangeGrowthPlan(viewer(), "me")).toBe(true));
  test("an admin, for anyone", () =>
    expect(canChangeGrowthPlan(viewer({ isAdmin: true }), "someone")).toBe(true));
  test("not their manager, nor anyone else", () => {
    expect(canChangeGrowthPlan(viewer({ id: "their-manager" }), "report")).toBe(false);
    expect(canChangeGrowthPlan(viewer({ id: "peer" }), "me")).toBe(false);
  });
});
