import { describe, expect, test } from "vitest";
import { fourFifthsRule, impactRatio } from "~/modules/statistics/adverse-impact";
import { fisherExact } from "~/modules/statistics/fisher";

describe("the four-fifths rule, where the evidence supports it", () => {
  const highest = { successes: 30, n: 50 };

  test("a ratio below four-fifths in a large group, clearly apart from the highest, is flagged", () => {
    const [finding] = fourFifthsRule([{ group: { successes: 10, n: 50 }, reference: highest }]);
    expect(finding!.ratio!.estimate).toBeCloseTo(1 / 3, 12);
    expect(finding!.adjustedP).toBeLessThan(0.05);
    expect(finding!.ratio!.interval[1]).toBeLessThan(1);
    expect(finding!.flagged).toBe(true);
  });

  test("the same ratio in a small group is not: one promotion fewer in a team of six is chance", () => {
    const [finding] = fourFifthsRule([{ group: { successes: 1, n: 6 }, reference: highest }]);
    expect(finding!.ratio!.estimate).toBeLessThan(0.8);
    expect(finding!.flagged).toBe(false);
  });

  test("a ratio at or above four-fifths is never flagged, however sure the difference", () => {
    const [finding] = fourFifthsRule([
      { group: { successes: 1700, n: 2000 }, reference: { successes: 1950, n: 2000 } },
    ]);
    expect(finding!.pValue).toBeLessThan(1e-6);
    expect(finding!.ratio!.estimate).toBeGreaterThanOrEqual(0.8);
    expect(finding!.flagged).toBe(false);
  });

  test("among many comparisons, a flag must hold up after the adjustment: alone it would be flagged", () => {
    const borderline = { group: { successes: 12, n: 40 }, reference: highest };
    const [alone] = fourFifthsRule([borderline]);
    expect(alone!.flagged).toBe(true);
    const nothing = { group: { successes: 30, n: 50 }, reference: highest };
    const many = fourFifthsRule([borderline, ...Array.from({ length: 11 }, () => nothing)]);
    expect(many[0]!.pValue).toBe(alone!.pValue);
    expect(many[0]!.adjustedP).toBeGreaterThanOrEqual(0.05);
    expect(many[0]!.flagged).toBe(false);
    // Benjamini–Hochberg treats the smallest of twelve alike; it is the laxer where several hold up together.
    expect(
      fourFifthsRule(
        [borderline, ...Array.from({ length: 11 }, () => nothing)],
        "benjamini-hochberg",
      )[0]!.flagged,
    ).toBe(false);
    expect(
      fourFifthsRule([borderline, borderline, borderline], "benjamini-hochberg").every(
        (finding) => finding.flagged,
      ),
    ).toBe(true);
  });

  test("the ratio's interval must lie below parity too: a significant Fisher test beside an interval reaching 1 is no flag", () => {
    // Katz's interval and Fisher's test disagree near the edge: the flag asks both.
    const edge = { group: { successes: 4, n: 20 }, reference: { successes: 9, n: 20 } };
    const p = fisherExact(4, 16, 9, 11);
    const ratio = impactRatio(edge.group, edge.reference)!;
    expect(ratio.estimate).toBeLessThan(0.8);
    const [finding] = fourFifthsRule([edge], "holm", 0.2);
    expect(p).toBeLessThan(0.2);
    expect(ratio.interval[1]).toBeGreaterThanOrEqual(1);
    expect(finding!.flagged).toBe(false);
  });

  test("a group with none promoted has a ratio of nought, an interval from nought by Haldane's correction, and is flagged only when large enough", () => {
    const few = impactRatio({ successes: 0, n: 3 }, highest)!;
    expect(few.estimate).toBe(0);
    expect(few.interval[0]).toBe(0);
    expect(few.interval[1]).toBeGreaterThan(1);
    expect(
      fourFifthsRule([{ group: { successes: 0, n: 3 }, reference: highest }])[0]!.flagged,
    ).toBe(false);
    const many = impactRatio({ successes: 0, n: 30 }, highest)!;
    expect(many.interval[1]).toBeLessThan(0.5);
    expect(
      fourFifthsRule([{ group: { successes: 0, n: 30 }, reference: highest }])[0]!.flagged,
    ).toBe(true);
  });

  test("no ratio where the highest rate is nought, and Fisher's p of a table with an empty margin is 1", () => {
    expect(impactRatio({ successes: 0, n: 5 }, { successes: 0, n: 8 })).toBeNull();
    expect(fisherExact(0, 5, 0, 8)).toBe(1);
    expect(
      fourFifthsRule([{ group: { successes: 0, n: 5 }, reference: { successes: 0, n: 8 } }])[0],
    ).toEqual({ ratio: null, pValue: 1, adjustedP: 1, flagged: false });
    expect(() => fisherExact(-1, 2, 3, 4)).toThrow(RangeError);
  });
});
