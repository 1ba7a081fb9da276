import { describe, expect, it } from "vitest";
import {
  clusteredShare,
  meanInterval,
  meanWithSharedInputs,
  tQuantile,
  welchDifference,
  wilsonInterval,
} from "~/modules/statistics/intervals";
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
    /** Cells of people each written about by a colleague of their own: the clusters are the people alone. */
    const byPerson = (counts: [number, number][]) =>
      counts.map(([successes, n], index) => ({
        successes,
        n,
        row: `p${index}`,
        column: `c${index}`,
      }));

    it("takes Wilson's interval at the effective number of answers, with t on clusters − 1 degrees of freedom", () => {
      // 12 of 24 answers about four people, 3, 1, 4 and 0 of 4 each (and one person with none, left out):
      // residuals yᵢ − p·nᵢ = 1, −1, 2, −2; variance 4/3 · 10 / 16² = 0.0520833 against 0.25 / 16 = 0.015625 if
      // independent; design effect 10/3, effective n 4.8; t(0.975, 3) = 3.182446.
      const share = clusteredShare(
        byPerson([
          [3, 4],
          [1, 4],
          [4, 4],
          [0, 4],
          [0, 0],
        ]),
      );
      expect(share.estimate).toBe(0.5);
      expect(share.interval[0]).toBeCloseTo(0.088158, 5);
      expect(share.interval[1]).toBeCloseTo(0.911842, 5);
      expect(share.interval).toEqual(
        wilson(0.5, 4.8, 3.1824463052837078).map((end) => expect.closeTo(end, 9)),
      );
      // Uneven clusters (13 of 24 over five people): design effect 2.526952, effective n 9.497607, t(0.975, 4) = 2.776445; scipy agrees.
      const uneven = clusteredShare(
        byPerson([
          [5, 6],
          [1, 5],
          [4, 4],
          [0, 3],
          [3, 6],
        ]),
      );
      expect(uneven.estimate).toBeCloseTo(13 / 24, 12);
      expect(uneven.interval[0]).toBeCloseTo(0.188972, 5);
      expect(uneven.interval[1]).toBeCloseTo(0.857027, 5);
    });

    it("counts people and colleagues both: rows plus columns less cells, never below either way alone", () => {
      // 16 of 30 answers, four people (A–D) and four colleagues (w–z), three answers a cell; p = 8/15.
      // Residual sums by person: A 8 − 4.8, B 3 − 3.2, C 2 − 4.8, D 3 − 3.2; by colleague: w 3 − 3.2,
      // x 8 − 4.8, y 4 − 3.2, z 1 − 4.8. Variances (k/(k − 1) · Σ² / 30²): people 0.0269037, colleagues
      // 0.0375704, cells (10) 0.0153086; two-way 0.0491654 against 0.0082963 if independent: design effect
      // 5.926190, effective n 5.062274; t(0.975, 3). Computed with scipy.
      const cells = (
        [
          ["A", "x", 3],
          ["A", "y", 3],
          ["A", "w", 2],
          ["B", "x", 2],
          ["B", "z", 1],
          ["C", "y", 1],
          ["C", "z", 0],
          ["C", "w", 1],
          ["D", "x", 3],
          ["D", "z", 0],
        ] as const
      ).map(([row, column, successes]) => ({ row, column, successes, n: 3 }));
      const share = clusteredShare(cells);
      expect(share.estimate).toBeCloseTo(8 / 15, 12);
      expect(share.interval).toEqual(
        wilson(8 / 15, 5.062274, 3.1824463).map((end) => expect.closeTo(end, 5)),
      );
      expect(share.interval[0]).toBeCloseTo(0.10314, 5);
      expect(share.interval[1]).toBeCloseTo(0.919077, 5);
      // Here the two-way sum (0.0223 = 0.00585 + 0.04249 − 0.02601) falls short of the colleagues' alone, 0.0424923:
      // design effect 2.899510, effective n 5.863060, t(0.975, 2) = 4.302653.
      const short = clusteredShare(
        (
          [
            ["A", "x", 2],
            ["A", "y", 1],
            ["B", "x", 3],
            ["B", "z", 0, 2],
            ["C", "y", 0],
            ["C", "z", 2],
          ] as const
        ).map(([row, column, successes, n]) => ({ row, column, successes, n: n ?? 3 })),
      );
      expect(short.interval[0]).toBeCloseTo(0.057368, 5);
      expect(short.interval[1]).toBeCloseTo(0.928483, 5);
    });

    it("never claims more than the answers would if independent, and says nothing from one cluster", () => {
      // People alike (a design effect below 1): the answers' own n, still with t on 3 degrees of freedom.
      const alike = clusteredShare(
        byPerson([
          [1, 4],
          [2, 4],
          [1, 4],
          [2, 4],
        ]),
      );
      expect(alike.interval[0]).toBeCloseTo(0.11817, 5);
      expect(alike.interval[1]).toBeCloseTo(0.728738, 5);
      // Every answer without: no spread to measure, so n is the answers; t(0.975, 2) = 4.302653 gives 0 to q² / (12 + q²).
      expect(
        clusteredShare(
          byPerson([
            [0, 4],
            [0, 4],
            [0, 4],
          ]),
        ).interval,
      ).toEqual([0, expect.closeTo(4.302653 ** 2 / (12 + 4.302653 ** 2), 5)]);
      expect(clusteredShare(byPerson([[3, 7]]))).toEqual({ estimate: 3 / 7, interval: [0, 1] });
      // Three people all written about by one colleague: nothing says how colleagues vary.
      expect(
        clusteredShare(
          byPerson([
            [3, 7],
            [1, 4],
            [2, 2],
          ]).map((cell) => ({ ...cell, column: "c" })),
        ).interval,
      ).toEqual([0, 1]);
    });
  });

  describe("a mean over units that share inputs", () => {
    const unit = (value: number, shared: Record<string, number>) => ({
      value,
      shared: new Map(Object.entries(shared)),
    });

    it("adds the covariance the shared inputs bring to the interval over units", () => {
      // Values 1, 2, 4: mean 7/3, sample variance 7/3, so 7/9 over three units. Input a's parts 0.5 and 0.5,
      // b's −1 and −1: cross products (Σ)² − Σ² = 1 − 0.5 and 4 − 2, together 2.5, over 3 · 2: 0.416667.
      // Variance 1.194444; t(0.975, 2) = 4.302653; half-width 4.702397.
      const mean = meanWithSharedInputs([
        unit(1, { a: 0.5 }),
        unit(2, { a: 0.5, b: -1 }),
        unit(4, { b: -1 }),
      ])!;
      expect(mean.estimate).toBeCloseTo(7 / 3, 12);
      expect(mean.interval[0]).toBeCloseTo(7 / 3 - 4.702397, 5);
      expect(mean.interval[1]).toBeCloseTo(7 / 3 + 4.702397, 5);
    });

    it("is the plain t interval when nothing is shared, and never narrower when the cross products fall below zero", () => {
      const plain = meanInterval(summarise([1, 2, 4]))!;
      const asPlain = {
        estimate: expect.closeTo(plain.estimate, 12),
        interval: plain.interval.map((end) => expect.closeTo(end, 12)),
      };
      expect(meanWithSharedInputs([unit(1, { a: 0.5 }), unit(2, { b: -1 }), unit(4, {})])).toEqual(
        asPlain,
      );
      // b's parts −1 and +1: (Σ)² − Σ² = −2, more than a's 0.5 makes up.
      expect(
        meanWithSharedInputs([unit(1, { a: 0.5 }), unit(2, { a: 0.5, b: -1 }), unit(4, { b: 1 })]),
      ).toEqual(asPlain);
      expect(meanWithSharedInputs([unit(1, { a: 1 })])).toBeNull();
    });
  });
});
