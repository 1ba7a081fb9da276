import { describe, expect, test } from "vitest";
import { expectationsFor, type Ladder } from "~/modules/ladders";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import {
  gapAnalysis,
  parseMarks,
  readinessBarWidths,
  type GapRating,
} from "~/modules/growth/gap-analysis";

function shippedLadder(): Ladder {
  const result = loadLadderFromDirectory("frameworks/engineering");
  if (!result.ok) throw new Error("the shipped ladder must load");
  return result.ladder;
}

const ladder = shippedLadder();

const rated = (
  competencyId: string,
  rating: number | null,
  nextLevelMarks: unknown = null,
  evidenceCount = 1,
): GapRating => ({
  competencyId,
  rating,
  nextLevelMarks,
  evidenceCount,
});

const statuses = (analysis: ReturnType<typeof gapAnalysis>, competencyId: string) =>
  analysis!.competencies
    .find((c) => c.competencyId === competencyId)!
    .expectations.map((e) => [e.status, e.basis]);

/** One [status, basis] per expectation the shipped ladder sets for the competency at the level (never an empty list). */
const each = (levelId: string, competencyId: string, status: string, basis: string) => {
  const expectations = expectationsFor(ladder, levelId, competencyId);
  if (expectations.length === 0)
    throw new Error(`the ladder has no expectations for ${competencyId} at ${levelId}`);
  return expectations.map(() => [status, basis]);
};

describe("gap analysis to the next level", () => {
  const ratings = [
    rated("code-quality", 3, { "0": "met", "2": "partly" }),
    rated("testing", 4, null, 0),
    rated("planning", 2, { "1": "met" }),
    rated("mentoring", null),
  ];
  const analysis = gapAnalysis(ladder, "ic3", {
    manager: { ladder, levelId: "ic2", sameVersion: true, ratings },
  });

  test("covers every competency of the target's track and names the target", () => {
    expect(analysis!.target).toEqual({
      levelId: "ic3",
      title: "Senior Engineer",
      trackId: "ic",
      trackName: "Individual contributor",
    });
    expect(analysis!.competencies).toHaveLength(17);
    expect(analysis!.matchedBy).toBe("index");
  });

  test("explicit marks match by position; unmarked expectations follow the rating", () => {
    expect(statuses(analysis, "code-quality")).toEqual([
      ["met", "marked"],
      ["not-met", "from-rating"],
      ["partly", "marked"],
    ]);
    expect(statuses(analysis, "planning")).toEqual([
      ["not-met", "from-rating"],
      ["met", "marked"],
      ["not-met", "from-rating"],
    ]);
  });

  test("the top rating (Beyond) counts as partly met, without marks", () => {
    expect(statuses(analysis, "testing")).toEqual(each("ic3", "testing", "partly", "from-rating"));
  });

  test("competencies without a rating are not assessed; rated ones without evidence are flagged", () => {
    expect(statuses(analysis, "mentoring")).toEqual(
      each("ic3", "mentoring", "not-assessed", "not-assessed"),
    );
    expect(statuses(analysis, "security")).toEqual(
      each("ic3", "security", "not-assessed", "not-assessed"),
    );
    const flagged = analysis!.competencies.filter((c) => c.noEvidence).map((c) => c.competencyId);
    expect(flagged).toEqual(["testing"]);
    expect(analysis!.competencies.find((c) => c.competencyId === "mentoring")!.noEvidence).toBe(
      false,
    );
  });

  test("summary counts and per-competency readiness", () => {
    const codeQuality = analysis!.competencies.find((c) => c.competencyId === "code-quality")!;
    expect(codeQuality.counts).toEqual({ met: 1, partly: 1, notMet: 1, notAssessed: 0, total: 3 });
    expect(codeQuality.readiness).toBeCloseTo(0.5);
    expect(codeQuality.ratingLabel).toBe("Consistent");
    const total = analysis!.competencies.reduce((sum, c) => sum + c.expectations.length, 0);
    expect(analysis!.summary).toMatchObject({
      met: 2,
      partly: 1 + 3,
      notMet: 1 + 2,
      total,
      noEvidence: 1,
      rated: 3,
    });
    expect(analysis!.summary.notAssessed).toBe(total - 2 - 4 - 3);
  });
});

describe("matching marks by wording", () => {
  test("in another ladder version, marks follow the expectation's text even when the order changed", () => {
    const changed = structuredClone(ladder);
    const ic3 = changed.tracks[0]!.levels[2]!;
    ic3.expectations["code-quality"] = [...ic3.expectations["code-quality"]!].reverse();
    const analysis = gapAnalysis(changed, "ic3", {
      manager: {
        ladder,
        levelId: "ic2",
        sameVersion: false,
        ratings: [rated("code-quality", 2, { "0": "met", "1": "partly" })],
      },
    });
    expect(analysis!.matchedBy).toBe("text");
    expect(statuses(analysis, "code-quality")).toEqual([
      ["not-met", "from-rating"],
      ["partly", "marked"],
      ["met", "marked"],
    ]);
  });

  test("a target that is not the next level uses wording too, so marks for another level do not leak by position", () => {
    const analysis = gapAnalysis(ladder, "ic4", {
      manager: {
        ladder,
        levelId: "ic2",
        sameVersion: true,
        ratings: [rated("code-quality", 3, { "0": "met", "1": "met", "2": "met" })],
      },
    });
    expect(analysis!.matchedBy).toBe("text");
    expect(statuses(analysis, "code-quality")).toEqual(
      each("ic4", "code-quality", "not-met", "from-rating"),
    );
  });

  test("an expectation shared word for word is matched, whitespace and case aside", () => {
    const changed = structuredClone(ladder);
    const ic4 = changed.tracks[0]!.levels[3]!;
    const marked = expectationsFor(ladder, "ic3", "testing")[1]!.text;
    ic4.expectations["testing"] = [{ text: `  ${marked.toUpperCase()} `, examples: [] }];
    const analysis = gapAnalysis(changed, "ic4", {
      manager: {
        ladder,
        levelId: "ic2",
        sameVersion: false,
        ratings: [rated("testing", 3, { "1": "met" })],
      },
    });
    expect(statuses(analysis, "testing")).toEqual([["met", "marked"]]);
  });
});

describe("moving to another track", () => {
  const analysis = gapAnalysis(ladder, "m1", {
    manager: {
      ladder,
      levelId: "ic2",
      sameVersion: true,
      ratings: [
        rated("planning", 3, { "0": "met" }),
        rated("operations", 4),
        rated("code-quality", 4),
      ],
    },
  });

  test("uses the manager track's competencies; those never rated as an engineer are not assessed", () => {
    expect(analysis!.target.trackId).toBe("manager");
    expect(analysis!.competencies.map((c) => c.competencyId)).toContain("team-health");
    expect(analysis!.competencies.map((c) => c.competencyId)).not.toContain("code-quality");
    expect(statuses(analysis, "team-health")).toEqual(
      each("m1", "team-health", "not-assessed", "not-assessed"),
    );
  });

  test("shared competencies are derived from the rating, since the IC marks name other expectations", () => {
    expect(statuses(analysis, "planning")).toEqual(
      each("m1", "planning", "not-met", "from-rating"),
    );
    expect(statuses(analysis, "operations")).toEqual(
      each("m1", "operations", "partly", "from-rating"),
    );
  });
});

describe("edges", () => {
  test("an unknown target level gives null", () => {
    expect(gapAnalysis(ladder, "ic9", {})).toBeNull();
  });

  test("with no assessment everything is not assessed", () => {
    const analysis = gapAnalysis(ladder, "ic3", {});
    expect(analysis!.matchedBy).toBe("none");
    expect(analysis!.summary.notAssessed).toBe(analysis!.summary.total);
    expect(analysis!.summary.rated).toBe(0);
  });

  test("at the top of a track there is no next level to carry marks; against their own level a rating at its target meets it", () => {
    const analysis = gapAnalysis(ladder, "ic6", {
      manager: {
        ladder,
        levelId: "ic6",
        sameVersion: true,
        ratings: [rated("code-quality", 3, { "0": "met" })],
      },
    });
    expect(analysis!.matchedBy).toBe("none");
    expect(statuses(analysis, "code-quality")).toEqual(
      each("ic6", "code-quality", "met", "from-rating"),
    );
  });

  test("malformed marks are ignored", () => {
    expect([
      ...parseMarks({
        "0": "met",
        "1": "great",
        x: "met",
        "-1": "met",
        "2.5": "partly",
        "3": "not-met",
      }),
    ]).toEqual([
      [0, "met"],
      [3, "not-met"],
    ]);
    expect(parseMarks(null).size).toBe(0);
    expect(parseMarks(["met"]).size).toBe(0);
    expect(parseMarks("met").size).toBe(0);
  });
});

describe("both sides", () => {
  const self = (ratings: GapRating[]) => ({ ladder, levelId: "ic2", sameVersion: true, ratings });

  test("where both marked an expectation the manager's mark counts and both are kept; where one did, its mark counts", () => {
    const analysis = gapAnalysis(ladder, "ic3", {
      self: self([rated("code-quality", 3, { "0": "met", "1": "met" })]),
      manager: self([rated("code-quality", 3, { "0": "partly" })]),
    });
    const codeQuality = analysis!.competencies.find((c) => c.competencyId === "code-quality")!;
    expect(codeQuality.expectations.slice(0, 2).map((e) => [e.status, e.basis, e.marks])).toEqual([
      ["partly", "marked", { self: "met", manager: "partly" }],
      ["met", "marked", { self: "met", manager: null }],
    ]);
    expect(codeQuality.ratedBy).toBe("manager");
  });

  test("a competency only the person rated is decided by their rating, and says so", () => {
    const analysis = gapAnalysis(ladder, "ic3", {
      self: self([rated("testing", 4)]),
      manager: self([rated("code-quality", 2)]),
    });
    const testing = analysis!.competencies.find((c) => c.competencyId === "testing")!;
    expect(testing).toMatchObject({
      ratedBy: "self",
      rating: 4,
      ratings: { self: 4, manager: null },
    });
    expect(statuses(analysis, "testing")).toEqual(each("ic3", "testing", "partly", "from-rating"));
  });
});

describe("targets", () => {
  test("where the target level expects more than the assessed one, a rating that reaches it is met, one short partly", () => {
    const climbing = structuredClone(ladder);
    climbing.tracks[0]!.levels[2]!.targets["code-quality"] = 4;
    const at = (rating: number) =>
      gapAnalysis(climbing, "ic3", {
        manager: {
          ladder: climbing,
          levelId: "ic2",
          sameVersion: true,
          ratings: [rated("code-quality", rating)],
        },
      });
    expect(statuses(at(4), "code-quality")).toEqual(
      each("ic3", "code-quality", "met", "from-rating"),
    );
    expect(statuses(at(3), "code-quality")).toEqual(
      each("ic3", "code-quality", "partly", "from-rating"),
    );
    expect(statuses(at(2), "code-quality")).toEqual(
      each("ic3", "code-quality", "not-met", "from-rating"),
    );
    expect(at(3)!.competencies.find((c) => c.competencyId === "code-quality")).toMatchObject({
      target: 4,
      targetLabel: "Beyond",
    });
  });

  test("a competency that does not apply at the target level is left out", () => {
    const narrower = structuredClone(ladder);
    const ic3 = narrower.tracks[0]!.levels[2]!;
    ic3.competencyIds = ic3.competencyIds.filter((id) => id !== "testing");
    delete ic3.expectations["testing"];
    const analysis = gapAnalysis(narrower, "ic3", {});
    expect(analysis!.competencies.map((c) => c.competencyId)).not.toContain("testing");
    expect(analysis!.competencies).toHaveLength(16);
  });
});

describe("the readiness bar", () => {
  test("is as long as the readiness: every expectation partly met fills half of it, not all", () => {
    expect(readinessBarWidths({ met: 0, partly: 4, notMet: 0, notAssessed: 0, total: 4 })).toEqual({
      met: 0,
      partly: 50,
    });
    expect(readinessBarWidths({ met: 1, partly: 2, notMet: 0, notAssessed: 0, total: 3 })).toEqual({
      met: 33.3,
      partly: 33.3,
    });
    expect(readinessBarWidths({ met: 0, partly: 0, notMet: 0, notAssessed: 0, total: 0 })).toEqual({
      met: 0,
      partly: 0,
    });
  });
});
