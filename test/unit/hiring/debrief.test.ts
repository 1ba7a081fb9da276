import { describe, expect, it } from "vitest";
import {
  agendaOrder,
  aggregate,
  debrief,
  estimateLevel,
  median,
  type DebriefCard,
} from "~/modules/hiring/debrief";
import { shippedLadder } from "./helpers";

const ladder = shippedLadder();

function card(
  interviewerId: string,
  stageId: string,
  scores: Record<string, number | null>,
  recommendation: DebriefCard["recommendation"],
): DebriefCard {
  return {
    interviewerId,
    stageId,
    scores: Object.entries(scores).map(([competencyId, score]) => ({ competencyId, score })),
    recommendation,
  };
}

// A loop for an ic4 role. Every shipped ic4 target is 3 (the scale's "Consistent").
const plan = ["code-quality", "testing", "system-design", "collaboration", "written-communication"];
const cards = [
  card("ana", "coding", { "code-quality": 4, testing: 3 }, "yes"),
  card("ben", "coding", { "code-quality": 2, testing: 2, "system-design": 4 }, "no"),
  card(
    "cleo",
    "design",
    { "system-design": 4, collaboration: 3, "written-communication": null },
    "strong-yes",
  ),
  card("dev", "design", { "system-design": 3, operations: 3 }, "yes"),
];

describe("debrief", () => {
  const result = debrief(ladder, "ic4", plan, cards);

  it("lays out the interviewers × competencies matrix, with extra competencies after the plan's", () => {
    expect(result.competencyIds).toEqual([...plan, "operations"]);
    expect(result.rows.map((row) => [row.interviewerId, row.stageId, row.scores])).toEqual([
      ["ana", "coding", [4, 3, null, null, null, null]],
      ["ben", "coding", [2, 2, 4, null, null, null]],
      ["cleo", "design", [null, null, 4, 3, null, null]],
      ["dev", "design", [null, null, 3, null, null, 3]],
    ]);
  });

  it("aggregates each competency and highlights spreads of two points or more", () => {
    expect(result.aggregates.slice(0, 3)).toEqual([
      {
        competencyId: "code-quality",
        n: 2,
        mean: 3,
        median: 3,
        variance: 2,
        spread: 2,
        disagreement: true,
      },
      {
        competencyId: "testing",
        n: 2,
        mean: 2.5,
        median: 2.5,
        variance: 0.5,
        spread: 1,
        disagreement: false,
      },
      {
        competencyId: "system-design",
        n: 3,
        mean: 11 / 3,
        median: 4,
        variance: 1 / 3,
        spread: 1,
        disagreement: false,
      },
    ]);
    expect(result.disagreements).toEqual(["code-quality"]);
    expect(result.unrated).toEqual(["written-communication"]);
    expect(result.aggregates[4]).toEqual({
      competencyId: "written-communication",
      n: 0,
      mean: null,
      median: null,
      variance: null,
      spread: null,
      disagreement: false,
    });
  });

  it("orders the agenda by spread, then variance, then the plan's order", () => {
    // testing and system-design both spread 1; testing's variance (0.5) beats system-design's (1/3).
    expect(result.agenda).toEqual([
      "code-quality",
      "testing",
      "system-design",
      "collaboration",
      "operations",
    ]);
    expect(
      agendaOrder([
        aggregate("a", [3]),
        aggregate("b", [2, 4]),
        aggregate("c", []),
        aggregate("d", [1, 3, 3, 3]),
      ]),
    ).toEqual(["b", "d", "a"]);
  });

  it("tallies the recommendations", () => {
    expect(result.recommendations).toMatchObject({
      counts: { "strong-no": 0, no: 1, yes: 2, "strong-yes": 1 },
      positive: 3,
      negative: 1,
      split: true,
    });
  });

  it("estimates the level the evidence supports from the ladder's targets", () => {
    const level = result.level!;
    expect(level.checks.map((check) => [check.levelId, check.offset, check.meets])).toEqual([
      ["ic3", -1, true],
      ["ic4", 0, true],
      ["ic5", 1, false],
    ]);
    expect(level.supportedLevelId).toBe("ic4");
    // A level above needs mean − 1 ≥ 3 − 0.5: only system-design (11/3) gets there.
    const above = level.checks[2]!;
    expect(above.met).toEqual(["system-design"]);
    expect(above.shortfalls).toEqual([
      { competencyId: "code-quality", mean: 3, target: 3, required: 3.5 },
      { competencyId: "testing", mean: 2.5, target: 3, required: 3.5 },
      { competencyId: "operations", mean: 3, target: 3, required: 3.5 },
      { competencyId: "collaboration", mean: 3, target: 3, required: 3.5 },
    ]);
    expect(above.unassessed).toContain("written-communication");
    expect(above.unassessed).not.toContain("testing");
  });

  it("moves the estimate with the tolerance, and says which competencies fall short", () => {
    // testing's mean of 2.5 meets a target of 3 only within half a point.
    const strict = debrief(ladder, "ic4", plan, cards, { tolerance: 0.25 }).level!;
    expect(strict.supportedLevelId).toBe("ic3");
    expect(strict.checks[1]!.shortfalls.map((shortfall) => shortfall.competencyId)).toEqual([
      "testing",
    ]);
    const weak = debrief(ladder, "ic4", plan, [
      card("ana", "coding", { "code-quality": 1, testing: 1 }, "strong-no"),
    ]).level!;
    expect(weak.supportedLevelId).toBeNull();
    expect(
      weak.checks[0]!.shortfalls.map((shortfall) => [shortfall.competencyId, shortfall.required]),
    ).toEqual([
      ["code-quality", 1.5],
      ["testing", 1.5],
    ]);
  });

  it("reads each level's own targets, and looks below a branch to where it splits off", () => {
    // tl1 expects 2 of stakeholder-management, tl2 expects 3.
    const means = new Map([
      ["stakeholder-management", 1.6],
      ["code-quality", 3],
    ]);
    const estimate = estimateLevel(ladder, "tl1", means)!;
    expect(estimate.checks.map((check) => check.levelId)).toEqual(["ic2", "tl1", "tl2"]);
    expect(estimate.checks[1]!.meets).toBe(true);
    expect(estimate.checks[2]!.shortfalls).toContainEqual({
      competencyId: "stakeholder-management",
      mean: 1.6,
      target: 3,
      required: 3.5,
    });
    expect(estimate.supportedLevelId).toBe("tl1");
    expect(estimateLevel(ladder, "tl2", means)!.checks[0]!.levelId).toBe("tl1");
    // Nothing scored that the level uses: nothing to support it.
    expect(estimateLevel(ladder, "ic4", new Map())!.supportedLevelId).toBeNull();
    expect(estimateLevel(ladder, "no-such-level", means)).toBeNull();
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
  });
});
