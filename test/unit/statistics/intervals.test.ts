import { describe, expect, it } from "vitest";
import { clusteredShare, meanInterval, tQuantile, welchDifference, wilsonInterval } from "~/modules/statistics/intervals";
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

  describe("a share over clustered answers", () => {
    /** Wilson's interval around p at (effective) n with quantile q, written out from the formula. */
    const wilson = (p: number, n: number, q: number) => {
      const centre = (p + q ** 2 / (2 * n)) / (1 + q ** 2 / n);
      const half = (q / (1 + q ** 2 / n)) * Math.sqrt((p * (1 - p)) / n + q ** 2 / (4 * n * n));
      return [centre - half, centre + half];
    };

    it("takes Wilson's interval at the effective number of answers, with t on clusters − 1 degrees of freedom", () => {
      // 12 of 24 answers about four people, 3, 1, 4 and 0 of 4 each (and one person with none, left out):
      // residuals yᵢ − p·nᵢ = 1, −1, 2, −2; variance 4/3 · 10 / 16² = 0.0520833 against 0.25 / 16 = 0.015625 if
      // independent; design effect 10/3, effective n 4.8; t(0.975, 3) = 3.182446.
      const share = clusteredShare([{ successes: 3, n: 4 }, { successes: 1, n: 4 }, { successes: 4, n: 4 }, { successes: 0, n: 4 }, { successes: 0, n: 0 }]);
      expect(share.estimate).toBe(0.5);
      expect(share.interval[0]).toBeCloseTo(0.088158, 5);
      expect(share.interval[1]).toBeCloseTo(0.911842, 5);
      expect(share.interval).toEqual(wilson(0.5, 4.8, 3.1824463052837078).map((end) => expect.closeTo(end, 9)));
      // Uneven clusters (13 of 24 over five people): design effect 2.526952, effective n 9.497607, t(0.975, 4) = 2.776445; scipy agrees.
      const uneven = clusteredShare([{ successes: 5, n: 6 }, { successes: 1, n: 5 }, { successes: 4, n: 4 }, { successes: 0, n: 3 }, { successes: 3, n: 6 }]);
      expect(uneven.estimate).toBeCloseTo(13 / 24, 12);
      expect(uneven.interval[0]).toBeCloseTo(0.188972, 5);
      expect(uneven.interval[1]).toBeCloseTo(0.857027, 5);
    });

    it("never claims more than the answers would if independent, and says nothing from one cluster", () => {
      // People alike (a design effect below 1): the answers' own n, still with t on 3 degrees of freedom.
      const alike = clusteredShare([{ successes: 1, n: 4 }, { successes: 2, n: 4 }, { successes: 1, n: 4 }, { successes: 2, n: 4 }]);
      expect(alike.interval[0]).toBeCloseTo(0.11817, 5);
      expect(alike.interval[1]).toBeCloseTo(0.728738, 5);
      // Every answer without: no spread to measure, so n is the answers; t(0.975, 2) = 4.302653 gives 0 to q² / (12 + q²).
      expect(clusteredShare([{ successes: 0, n: 4 }, { successes: 0, n: 4 }, { successes: 0, n: 4 }]).interval).toEqual([0, expect.closeTo(4.302653 ** 2 / (12 + 4.302653 ** 2), 5)]);
      expect(clusteredShare([{ successes: 3, n: 7 }])).toEqual({ estimate: 3 / 7, interval: [0, 1] });
    });
  });
});
