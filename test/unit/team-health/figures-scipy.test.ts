import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cronbachAlpha,
  itemFigures,
  scaleScore,
  scoreChange,
  type ItemFigures,
} from "~/modules/team-health/figures";
import { EDMONDSON_ITEMS, scored } from "~/modules/team-health/items";

/**
 * Team health's figures against scipy's on generated answers (scripts/team-health-fixtures.py, a fixed
 * seed; CI has no scipy, so the JSON is the record): 40 pairs of check-ins of 3 to 30 answers, some
 * items skipped, some answered alike by everyone.
 */

type Expected = {
  n: number;
  distribution: number[];
  mean: number;
  scoredMean: number;
  interval: [number, number] | null;
  se: number | null;
};
type CheckIn = {
  answers: (number | null)[][];
  items: (Expected | null)[];
  score: { estimate: number; interval: [number, number]; se: number; df: number } | null;
  alpha: number | null;
};
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/team-health-scipy.json", import.meta.url), "utf8"),
) as {
  cases: {
    before: CheckIn;
    now: CheckIn;
    change: { estimate: number; interval: [number, number] } | null;
  }[];
};

// Means, standard errors and alphas are arithmetic: to 1e-12. Intervals go through jStat's t quantile,
// which agrees with scipy's to about 1e-9 of its value: to 1e-7.
const close = (actual: number, expected: number, what: string) =>
  expect(actual, what).toBeCloseTo(expected, what.endsWith("interval") ? 7 : 12);

function figuresOf(checkIn: CheckIn): (ItemFigures | null)[] {
  return EDMONDSON_ITEMS.map((item, index) =>
    itemFigures(
      item,
      checkIn.answers.flatMap((row) => (row[index] === null ? [] : [row[index]!])),
    ),
  );
}

describe("team health's figures equal scipy's on generated answers", () => {
  it("has cases of every kind: changes, items answered alike, alphas that cannot be worked out", () => {
    const checkIns = fixture.cases.flatMap((entry) => [entry.before, entry.now]);
    expect(fixture.cases.length).toBe(40);
    expect(fixture.cases.filter((entry) => entry.change).length).toBeGreaterThan(30);
    expect(checkIns.some((checkIn) => checkIn.items.some((item) => item?.se === 0))).toBe(true);
    expect(checkIns.some((checkIn) => checkIn.alpha === null)).toBe(true);
  });

  fixture.cases.forEach((entry, index) => {
    it(`pair ${index}: each item, the score, the change and Cronbach's alpha`, () => {
      const scores = [entry.before, entry.now].map((checkIn, which) => {
        const figures = figuresOf(checkIn);
        figures.forEach((actual, item) => {
          const expected = checkIn.items[item]!;
          const what = `${which ? "now" : "before"} ${EDMONDSON_ITEMS[item]}`;
          if (!expected) return expect(actual, what).toBeNull();
          expect(actual!.n, what).toBe(expected.n);
          expect(actual!.distribution, what).toEqual(expected.distribution);
          close(actual!.mean, expected.mean, `${what} mean`);
          close(actual!.scoredMean, expected.scoredMean, `${what} scored mean`);
          if (!expected.interval) expect(actual!.interval, what).toBeNull();
          else {
            close(actual!.interval![0], expected.interval[0], `${what} interval`);
            close(actual!.interval![1], expected.interval[1], `${what} interval`);
          }
          if (expected.se !== null) close(actual!.se, expected.se, `${what} se`);
        });
        const score = scaleScore(figures);
        if (!checkIn.score) expect(score).toBeNull();
        else {
          close(score!.estimate, checkIn.score.estimate, "score");
          close(score!.interval[0], checkIn.score.interval[0], "score interval");
          close(score!.interval[1], checkIn.score.interval[1], "score interval");
          expect(score!.df).toBe(checkIn.score.df);
        }
        const complete = checkIn.answers
          .filter((row) => row.every((value) => value !== null))
          .map((row) => row.map((value, item) => scored(EDMONDSON_ITEMS[item]!, value!)));
        const alpha = cronbachAlpha(complete);
        if (checkIn.alpha === null) expect(alpha).toBeNull();
        else close(alpha!, checkIn.alpha, "alpha");
        return score;
      });
      const [before, now] = scores;
      if (!entry.change) expect(before && now).toBeFalsy();
      else {
        const change = scoreChange(now!, before!);
        close(change.estimate, entry.change.estimate, "change");
        close(change.interval[0], entry.change.interval[0], "change interval");
        close(change.interval[1], entry.change.interval[1], "change interval");
      }
    });
  });
});
