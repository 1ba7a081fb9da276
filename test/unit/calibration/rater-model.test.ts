import { describe, expect, it } from "vitest";
import { raterSeverity, type IndependentRating } from "~/modules/calibration/rater-model";
import { normal, seeded } from "./random";
import { inWordsOf } from "../../utils/english";

/** People with random true levels, each rated by `perPerson` randomly chosen raters with known offsets and some noise. */
function simulate(
  offsets: Record<string, number>,
  people: number,
  perPerson: number,
  noise: number,
  seed: number,
): IndependentRating[] {
  const random = seeded(seed);
  const raters = Object.keys(offsets);
  const ratings: IndependentRating[] = [];
  for (let person = 0; person < people; person++) {
    const level = 2.5 + normal(random, 0.7);
    const chosen = [...raters].sort(() => random() - 0.5).slice(0, perPerson);
    for (const raterId of chosen)
      ratings.push({
        raterId,
        personId: `p${person}`,
        value: level + offsets[raterId]! + normal(random, noise),
      });
  }
  return ratings;
}

describe("rater severity (person effect + rater offset, ridge least squares)", () => {
  it("recovers known offsets within their intervals, and flags only the raters who really differ", () => {
    const truth = { harsh: -0.8, fair1: 0, fair2: 0, generous: 0.8 };
    const result = raterSeverity(simulate(truth, 60, 3, 0.3, 7));
    expect(result.estimable).toBe(true);
    if (!result.estimable) return;
    for (const rater of result.raters) {
      const expected = truth[rater.raterId as keyof typeof truth];
      expect(rater.interval[0], rater.raterId).toBeLessThanOrEqual(expected + 0.05);
      expect(rater.interval[1], rater.raterId).toBeGreaterThanOrEqual(expected - 0.05);
      expect(rater.offset, rater.raterId).toBeCloseTo(expected, 0);
    }
    expect(
      result.raters
        .filter((rater) => rater.flagged)
        .map((rater) => rater.raterId)
        .sort(),
    ).toEqual(["generous", "harsh"]);
    expect(result.residualSd).toBeGreaterThan(0.2);
    expect(result.residualSd).toBeLessThan(0.4);
  });

  it("with no real differences, nobody is flagged", () => {
    const result = raterSeverity(simulate({ a: 0, b: 0, c: 0, d: 0 }, 40, 3, 0.4, 11));
    expect(result.estimable && result.raters.filter((rater) => rater.flagged)).toEqual([]);
  });

  it("says plainly when the overlap is too thin, and which raters cannot be compared", () => {
    // Each rater rated different people: nothing to compare.
    const apart = [
      { raterId: "a", personId: "p1", value: 3 },
      { raterId: "b", personId: "p2", value: 2 },
    ];
    expect(raterSeverity(apart)).toEqual({
      estimable: false,
      reason: "calibration:session.severity.reasons.noSharedPerson",
      notEstimable: [
        { raterId: "a", reason: "calibration:session.severity.reasons.isolated" },
        { raterId: "b", reason: "calibration:session.severity.reasons.isolated" },
      ],
    });
    // Keys the page words in the reader's language.
    expect(inWordsOf("de", "calibration:session.severity.reasons.isolated")).toBe(
      "hat niemanden bewertet, den auch eine andere Person bewertet hat",
    );
    // Two raters share one person, a third shares nobody.
    const thin = [
      ...simulate({ a: 0, b: 0 }, 12, 2, 0.3, 3),
      { raterId: "c", personId: "someone-else", value: 3 },
    ];
    const result = raterSeverity(thin);
    expect(result.notEstimable).toEqual([
      { raterId: "c", reason: "calibration:session.severity.reasons.isolated" },
    ]);
    expect(result.estimable && result.raters.map((rater) => rater.raterId)).toEqual(["a", "b"]);
  });

  it("compares raters only within a group linked through shared people: two teams' calibrators who read different people are not set against each other", () => {
    // Team one's three raters read strong people, team two's two raters weaker ones; every rater is fair.
    const teamOne = simulate({ a: 0, b: 0, c: 0 }, 30, 2, 0.3, 5).map((rating) => ({
      ...rating,
      personId: `one-${rating.personId}`,
      value: rating.value + 1,
    }));
    const teamTwo = simulate({ d: 0, e: 0 }, 30, 2, 0.3, 9).map((rating) => ({
      ...rating,
      personId: `two-${rating.personId}`,
      value: rating.value - 1,
    }));
    const result = raterSeverity([...teamOne, ...teamTwo]);
    expect(result.estimable).toBe(true);
    if (!result.estimable) return;
    expect(result.raters.map((rater) => rater.raterId)).toEqual(["a", "b", "c"]);
    expect(result.raters.filter((rater) => rater.flagged)).toEqual([]);
    expect(result.notEstimable).toEqual([
      {
        raterId: "d",
        reason: "calibration:session.severity.reasons.otherGroup",
      },
      {
        raterId: "e",
        reason: "calibration:session.severity.reasons.otherGroup",
      },
    ]);
  });
});
