import { describe, expect, test } from "vitest";
import { planCycles } from "../../../prisma/seed/review-history";

const DAY = 24 * 60 * 60 * 1000;

describe("the past review cycles a seed plans", () => {
  test("on every day of a year and a leap year, four half-year cycles, each named once, the newest ending about a month before", () => {
    for (let time = Date.UTC(2027, 0, 1); time < Date.UTC(2029, 0, 1); time += DAY) {
      const now = new Date(time + 13 * 60 * 60 * 1000);
      const plans = planCycles(4, now);
      const day = now.toISOString().slice(0, 10);
      expect(new Set(plans.map((plan) => plan.name)).size, day).toBe(4);
      const newest = plans[0]!;
      expect(newest.endsOn.getTime(), day).toBeLessThanOrEqual(time - 30 * DAY);
      expect(newest.endsOn.getTime(), day).toBeGreaterThanOrEqual(time - 33 * DAY);
      for (const [index, plan] of plans.entries()) {
        expect(plan.endsOn.getTime() - plan.startsOn.getTime(), day).toBe(27 * DAY);
        expect(plan.name, day).toBe(
          `${plan.endsOn.getUTCMonth() < 6 ? "Spring" : "Autumn"} ${plan.endsOn.getUTCFullYear()} review`,
        );
        if (index > 0)
          expect(plans[index - 1]!.startsOn.getTime(), day).toBeGreaterThan(
            plan.closedAt.getTime(),
          );
      }
    }
  });
});
