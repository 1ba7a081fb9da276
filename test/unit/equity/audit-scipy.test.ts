import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { impactRatio } from "~/modules/statistics/adverse-impact";
import { fisherExact } from "~/modules/statistics/fisher";
import { wilsonInterval } from "~/modules/statistics/intervals";
import { benjaminiHochberg, holm } from "~/modules/statistics/multiple-comparisons";

/**
 * The access audit's figures against scipy's on generated tables (scripts/audit-fixtures.py writes
 * the fixture with a fixed seed; CI has no scipy, so the JSON is the record).
 */

type Counts = { successes: number; n: number };
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/audit-scipy.json", import.meta.url), "utf8"),
) as {
  wilson: (Counts & { lower: number; upper: number })[];
  fisher: { table: [number, number, number, number]; pValue: number }[];
  ratios: { group: Counts; reference: Counts; estimate: number; lower: number; upper: number }[];
  families: { pValues: number[]; benjaminiHochberg: number[]; holm: number[] }[];
};

/** Equal within 1e-9 relative; a bound of nought within a rounding of nought. */
const close = (ours: number, theirs: number) =>
  Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(theirs)) ||
  Math.abs(ours - theirs) < 1e-15;
const mismatches = <T>(entries: readonly T[], pairs: (entry: T) => [number, number][]) =>
  entries.filter((entry) => !pairs(entry).every(([ours, theirs]) => close(ours, theirs)));

describe("the audit's figures equal scipy's", () => {
  test("Wilson's interval of a rate (binomtest(k, n).proportion_ci(method='wilson'))", () => {
    expect(fixture.wilson.length).toBeGreaterThan(100);
    expect(
      mismatches(fixture.wilson, (entry) => {
        const { interval } = wilsonInterval(entry.successes, entry.n);
        return [
          [interval[0], entry.lower],
          [interval[1], entry.upper],
        ];
      }),
    ).toEqual([]);
  });

  test("Fisher's exact test, two-sided (fisher_exact), tied tails included", () => {
    expect(fixture.fisher.some(({ table: [a, b, c, d] }) => a === d && b === c && a !== b)).toBe(
      true,
    );
    expect(
      mismatches(fixture.fisher, (entry) => [[fisherExact(...entry.table), entry.pValue]]),
    ).toEqual([]);
  });

  test("Katz's interval of the ratio of two rates (relative_risk(...).confidence_interval())", () => {
    expect(fixture.ratios.length).toBeGreaterThan(100);
    expect(
      mismatches(fixture.ratios, (entry) => {
        const ratio = impactRatio(entry.group, entry.reference)!;
        return [
          [ratio.estimate, entry.estimate],
          [ratio.interval[0], entry.lower],
          [ratio.interval[1], entry.upper],
        ];
      }),
    ).toEqual([]);
  });

  test("adjusted p-values: Benjamini–Hochberg (false_discovery_control) and Holm", () => {
    expect(fixture.families.length).toBeGreaterThan(10);
    expect(
      mismatches(fixture.families, (family) =>
        benjaminiHochberg(family.pValues).map((p, index) => [p, family.benjaminiHochberg[index]!]),
      ),
    ).toEqual([]);
    expect(
      mismatches(fixture.families, (family) =>
        holm(family.pValues).map((p, index) => [p, family.holm[index]!]),
      ),
    ).toEqual([]);
  });
});
