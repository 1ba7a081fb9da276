import jstat from "jstat";
import { describe, expect, it } from "vitest";
import { benjaminiHochberg, worthALook } from "~/modules/statistics/multiple-comparisons";
import { proportionDifference, welchDifference } from "~/modules/statistics/intervals";
import { summarise } from "~/modules/statistics/summary";

describe("p-values and many comparisons", () => {
  it("Welch's p-value matches scipy's ttest_ind(equal_var=False), and is below 0.05 exactly when the interval excludes zero", () => {
    const edge = welchDifference(summarise([3, 3, 4, 4]), summarise([2, 2, 3, 3]))!;
    expect(edge.pValue).toBeCloseTo(0.0498253, 6);
    expect(edge.excludesZero).toBe(true);
    const clear = welchDifference(
      summarise([4, 4, 4, 3, 4, 4]),
      summarise([3, 2, 3, 2, 3, 2, 3, 3, 2, 3, 3, 2, 3, 3]),
    )!;
    expect(clear.pValue).toBeCloseTo(0.000135758, 8);
    expect(welchDifference(summarise([3, 3, 3]), summarise([3, 3]))!.pValue).toBe(1);
  });

  it("Newcombe's p-value is where the interval's end reaches zero", () => {
    const a = { successes: 56, n: 70 };
    const b = { successes: 48, n: 80 };
    const difference = proportionDifference(a, b)!;
    expect(difference.pValue).toBeGreaterThan(0);
    expect(difference.pValue).toBeLessThan(0.05);
    const z = jstat.normal.inv(1 - difference.pValue / 2, 0, 1);
    expect(proportionDifference(a, b, z)!.interval[0]).toBeCloseTo(0, 8);
    // Either way round, the same p-value; no difference at all gives 1.
    expect(proportionDifference(b, a)!.pValue).toBeCloseTo(difference.pValue, 10);
    expect(proportionDifference({ successes: 2, n: 8 }, { successes: 5, n: 20 })!.pValue).toBe(1);
    // An interval that includes zero: p above 0.05.
    expect(
      proportionDifference({ successes: 3, n: 8 }, { successes: 5, n: 20 })!.pValue,
    ).toBeGreaterThan(0.05);
  });

  it("Benjamini–Hochberg's adjusted p-values match scipy's false_discovery_control, in the order given", () => {
    const adjusted = benjaminiHochberg([0.041, 0.001, 0.205, 0.008, 0.039, 0.06, 0.042, 0.074]);
    expect(adjusted.map((p) => Math.round(p * 1e6) / 1e6)).toEqual([
      0.0672, 0.008, 0.205, 0.032, 0.0672, 0.08, 0.0672, 0.084571,
    ]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it("a difference is worth a look only when it holds up among all the comparisons", () => {
    expect(worthALook([0.041, 0.001, 0.205, 0.008, 0.039, 0.06, 0.042, 0.074])).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    // Alone, 0.04 would be marked; among twenty comparisons it is what chance gives.
    expect(worthALook([0.04])).toEqual([true]);
    expect(worthALook([0.04, ...Array.from({ length: 19 }, () => 0.5)])[0]).toBe(false);
  });
});
