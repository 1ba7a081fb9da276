import { describe, expect, it } from "vitest";
import {
  panelMakeup,
  planCompetencyIds,
  planCoverage,
  type PlanStage,
} from "~/modules/hiring/plan";
import { getLevel } from "~/modules/ladders";
import { shippedLadder } from "./helpers";

const ladder = shippedLadder();

const stages: PlanStage[] = [
  { id: "coding", name: "Coding", competencyIds: ["code-quality", "testing"] },
  {
    id: "design",
    name: "System design",
    competencyIds: ["system-design", "technical-judgement", "code-quality"],
  },
  {
    id: "people",
    name: "Collaboration",
    competencyIds: ["collaboration", "team-health", "no-such-competency"],
  },
  { id: "intro", name: "Introduction", competencyIds: [] },
];

const ana = { id: "ana", teamId: "payments", levelId: "ic4" };
const ben = { id: "ben", teamId: "payments", levelId: "ic5" };
const cleo = { id: "cleo", teamId: "search", levelId: "ic4" };

describe("interview plan coverage", () => {
  it("lists every competency of the level no stage covers, and what the plan covers that the level does not use", () => {
    const coverage = planCoverage(ladder, "ic4", stages)!;
    const covered = [
      "code-quality",
      "testing",
      "system-design",
      "technical-judgement",
      "collaboration",
    ];
    expect(coverage.uncovered).toEqual(
      getLevel(ladder, "ic4")!.competencyIds.filter((id) => !covered.includes(id)),
    );
    expect(coverage.uncovered).toContain("security");
    expect(coverage.uncovered).not.toContain("testing");
    expect(coverage.competencies.find((item) => item.competencyId === "code-quality")).toEqual({
      competencyId: "code-quality",
      stageIds: ["coding", "design"],
      interviewerIds: [],
    });
    expect(coverage.notAtLevel).toEqual([
      { competencyId: "team-health", stageIds: ["people"], interviewerIds: [] },
    ]);
    expect(coverage.unknown.map((item) => item.competencyId)).toEqual(["no-such-competency"]);
    expect(coverage.emptyStages).toEqual(["intro"]);
    expect(coverage.staffing).toBeNull();
    expect(planCoverage(ladder, "no-such-level", stages)).toBeNull();
  });

  it("covers the whole level when the stages do", () => {
    const level = getLevel(ladder, "m2")!;
    const coverage = planCoverage(ladder, "m2", [
      { id: "all", name: "Everything", competencyIds: level.competencyIds },
    ])!;
    expect(coverage.uncovered).toEqual([]);
    expect(coverage.notAtLevel).toEqual([]);
  });

  it("judges thin coverage only once every stage is staffed", () => {
    const partial = planCoverage(ladder, "ic4", stages, { coding: [ana], design: [ben, cleo] })!;
    expect(partial.staffing).toMatchObject({
      unstaffedStages: ["people", "intro"],
      thinlyCovered: null,
    });

    const staffed = planCoverage(ladder, "ic4", stages, {
      coding: [ana],
      design: [ben, cleo],
      people: [ana],
      intro: [cleo],
    })!;
    expect(staffed.staffing!.unstaffedStages).toEqual([]);
    // code-quality: ana in coding, ben and cleo in design. testing and collaboration: ana only.
    expect(
      staffed.staffing!.thinlyCovered!.map((item) => [item.competencyId, item.interviewerIds]),
    ).toEqual([
      ["testing", ["ana"]],
      ["collaboration", ["ana"]],
    ]);
    expect(
      staffed.competencies.find((item) => item.competencyId === "code-quality")!.interviewerIds,
    ).toEqual(["ana", "ben", "cleo"]);
  });

  it("describes the panel by team and by level (the panel rule judges it: panels.ts)", () => {
    const mixed = panelMakeup({ coding: [ana], design: [ben, cleo], people: [ana] });
    expect(mixed).toEqual({
      size: 3,
      teams: [
        { id: "payments", interviewerIds: ["ana", "ben"] },
        { id: "search", interviewerIds: ["cleo"] },
      ],
      levels: [
        { id: "ic4", interviewerIds: ["ana", "cleo"] },
        { id: "ic5", interviewerIds: ["ben"] },
      ],
    });
  });

  it("lists the plan's competencies once, in the order first covered", () => {
    expect(planCompetencyIds(stages)).toEqual([
      "code-quality",
      "testing",
      "system-design",
      "technical-judgement",
      "collaboration",
      "team-health",
      "no-such-competency",
    ]);
  });
});
