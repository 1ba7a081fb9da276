import { describe, expect, it } from "vitest";
import {
  cronbachAlpha,
  furthestItems,
  itemFigures,
  scaleScore,
  scoreChange,
} from "~/modules/team-health/figures";
import { EDMONDSON_ITEMS, REVERSED_ITEMS, scored } from "~/modules/team-health/items";

describe("the instrument", () => {
  it("has Edmondson's seven items with items 1, 3 and 5 reverse-scored", () => {
    expect(EDMONDSON_ITEMS).toHaveLength(7);
    expect([...REVERSED_ITEMS]).toEqual([
      EDMONDSON_ITEMS[0],
      EDMONDSON_ITEMS[2],
      EDMONDSON_ITEMS[4],
    ]);
    expect(scored("mistakesHeldAgainst", 7)).toBe(1);
    expect(scored("hardToAskHelp", 2)).toBe(6);
    expect(scored("raiseProblems", 2)).toBe(2);
  });
});

describe("an item's figures", () => {
  it("gives the distribution, the mean and Student's t interval as scipy does", () => {
    // scipy 1.17: stats.t.interval(0.95, 5, loc=mean([5,6,6,7,4,5]), scale=stats.sem(...))
    const figures = itemFigures("raiseProblems", [5, 6, 6, 7, 4, 5])!;
    expect(figures.distribution).toEqual([0, 0, 0, 1, 2, 2, 1]);
    expect(figures.mean).toBeCloseTo(5.5, 12);
    expect(figures.interval![0]).toBeCloseTo(4.399342615291987, 9);
    expect(figures.interval![1]).toBeCloseTo(6.600657384708013, 9);
  });

  it("reverse-scores before the mean and interval, but shows the distribution as answered", () => {
    // scipy 1.17: the scored answers [7, 6, 6, 5]: mean 6, interval (4.70077173637489, 7.29922826362511)
    const figures = itemFigures("mistakesHeldAgainst", [1, 2, 2, 3])!;
    expect(figures.distribution).toEqual([1, 2, 1, 0, 0, 0, 0]);
    expect(figures.mean).toBe(2);
    expect(figures.scoredMean).toBe(6);
    expect(figures.interval![0]).toBeCloseTo(4.7007717363748895, 9);
    expect(figures.interval![1]).toBeCloseTo(7.2992282636251105, 9);
    // Shown beside the mean as answered (2), the interval is as answered too: one that read 4.7 to
    // 7.3 beside a mean of 2 once did.
    expect(figures.unscoredInterval![0]).toBeCloseTo(0.7007717363748895, 9);
    expect(figures.unscoredInterval![1]).toBeCloseTo(3.2992282636251105, 9);
  });
});

describe("the scale's score", () => {
  const all = (values: number[]) => EDMONDSON_ITEMS.map((item) => itemFigures(item, values));

  it("is the mean of the seven scored item means, with a conservative interval", () => {
    const score = scaleScore(all([2, 3, 4, 5]))!;
    // Reversed items score 8 − answer: [6,5,4,3] mean 4.5; others 3.5: (3·4.5 + 4·3.5) / 7.
    expect(score.estimate).toBeCloseTo((3 * 4.5 + 4 * 3.5) / 7, 12);
    // Every item's standard error is sd([2,3,4,5]) / 2 = 0.6455: the mean of them, t with 3 df.
    const se = Math.sqrt(5 / 3) / 2;
    expect(score.se).toBeCloseTo(se, 12);
    expect(score.interval[1] - score.estimate).toBeCloseTo(3.1824463052837078 * se, 9);
  });

  it("is not given while one of the seven items is not shown", () => {
    const items = all([2, 3, 4, 5]);
    items[3] = null;
    expect(scaleScore(items)).toBeNull();
  });

  it("changes with an interval from both standard errors", () => {
    const now = scaleScore(all([4, 5, 6, 7]))!;
    const before = scaleScore(all([2, 3, 4, 5]))!;
    const change = scoreChange(now, before);
    expect(change.estimate).toBeCloseTo(now.estimate - before.estimate, 12);
    expect(change.interval[1] - change.estimate).toBeCloseTo(
      3.1824463052837078 * Math.hypot(now.se, before.se),
      9,
    );
  });
});

describe("the items furthest from the rest", () => {
  it("names the item whose scored mean is furthest from the others' mean first", () => {
    const items = [
      itemFigures("raiseProblems", [5, 6]),
      itemFigures("safeToRisk", [5, 5]),
      itemFigures("skillsValued", [1, 2]),
    ].map((figures) => figures!);
    const [first] = furthestItems(items);
    expect(first!.item).toBe("skillsValued");
    expect(first!.gap).toBeCloseTo(1.5 - 5.25, 12);
  });
});

describe("Cronbach's alpha", () => {
  it("equals the hand-computed (and numpy) value", () => {
    // Item variances 1.3, 0.7, 0.7 (sum 2.7); totals' variance 6.3: 3/2 · (1 − 2.7/6.3) = 0.857142…
    const rows = [
      [4, 5, 4],
      [3, 4, 3],
      [5, 5, 4],
      [2, 3, 3],
      [4, 4, 5],
    ];
    expect(cronbachAlpha(rows)).toBeCloseTo(0.8571428571428571, 12);
  });

  it("is not given for one row or totals that do not vary", () => {
    expect(cronbachAlpha([[1, 2]])).toBeNull();
    expect(
      cronbachAlpha([
        [3, 3],
        [3, 3],
      ]),
    ).toBeNull();
  });
});
