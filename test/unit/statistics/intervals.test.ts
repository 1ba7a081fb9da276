import { describe, expect, it } from "vitest";
import { meanInterval, tQuantile, welchDifference, wilsonInterval } from "~/modules/statistics/intervals";
import { summarise } from "~/modules/statistics/summary";

const meanDifference = (a: number[], b: number[]) => welchDifference(summarise(a), summarise(b));

describe("summaries and intervals", () => {
  it("summarise gives the mean and the sample standard deviation", () => {
    expect(summarise([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ n: 8, mean: 5, sd: Math.sqrt(32 / 7) });
    expect(summarise([3])).toEqual({ n: 1, mean: 3, sd: 0 });
  });

  it("t quantiles match the tables", () => {
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.182, 3);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 3);
  });

  it("Welch's interval for a difference of means matches a worked example", () => {
    // a: mean 3.5, var 1/3, n 4; b: mean 2.5, var 1/3, n 4 → se = sqrt(1/6), df = 6, t = 2.447.
    const difference = meanDifference([3, 3, 4, 4], [2, 2, 3, 3])!;
    expect(difference.estimate).toBe(1);
    expect(difference.interval[0]).toBeCloseTo(1 - 2.4469 * Math.sqrt(1 / 6), 3);
    expect(difference.interval[1]).toBeCloseTo(1 + 2.4469 * Math.sqrt(1 / 6), 3);
    expect(difference.excludesZero).toBe(true);
    expect(meanDifference([3], [2, 3])).toBeNull();
  });

  it("a mean's t interval and Wilson's interval match R (t.test, and prop.test without continuity correction)", () => {
    const shift = meanInterval(summarise([-1, 0, 0, 1, -1, -1, 0, -2]))!;
    expect(shift.estimate).toBe(-0.5);
    expect(shift.interval[0]).toBeCloseTo(-1.274005, 5);
    expect(shift.interval[1]).toBeCloseTo(0.274005, 5);
    expect(meanInterval(summarise([2]))).toBeNull();
    const rate = wilsonInterval(3, 11);
    expect(rate.interval[0]).toBeCloseTo(0.097461, 5);
    expect(rate.interval[1]).toBeCloseTo(0.565645, 5);
  });
});
