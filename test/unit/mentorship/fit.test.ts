import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS,
  explainFit as explainFitInMessages,
  goalScore,
  levelScore,
  resolveWeights,
} from "~/modules/mentorship/fit";
import type { MenteeInput, MentorInput } from "~/modules/mentorship/types";
import { inEnglishDeep } from "../../utils/english";

const explainFit = (...args: Parameters<typeof explainFitInMessages>) =>
  inEnglishDeep(explainFitInMessages(...args));

const mentee: MenteeInput = {
  id: "ana",
  teamId: "payments",
  timeZone: "Africa/Lagos",
  targetBand: 3,
  goals: [
    { competencyId: "testing", gap: 2 },
    { competencyId: "design", gap: 1 },
    { competencyId: "operations", gap: 1 },
  ],
  managementChainIds: [],
  pastMentorIds: [],
};

const mentor: MentorInput = {
  id: "ben",
  teamId: "platform",
  timeZone: "UTC",
  band: 4,
  strengths: ["design", "testing", "security"],
  managementChainIds: [],
};

describe("fit factors", () => {
  it("scores the level distance: one or two bands above is ideal, the same band half, far above less and less", () => {
    expect([-1, 0, 1, 2, 3, 4, 5, 6, 9].map(levelScore)).toEqual([
      0, 0.5, 1, 1, 0.75, 0.5, 0.25, 0, 0,
    ]);
  });

  it("weights goal coverage by the gaps, counting goals when every gap is 0", () => {
    expect(goalScore(3, 4, 2, 3)).toBe(0.75);
    expect(goalScore(0, 0, 1, 4)).toBe(0.25);
    expect(goalScore(0, 0, 0, 0)).toBe(0);
  });

  it("fills missing weights with the defaults", () => {
    expect(resolveWeights(undefined)).toEqual(DEFAULT_WEIGHTS);
    expect(resolveWeights({ level: 4 })).toEqual({ ...DEFAULT_WEIGHTS, level: 4 });
  });
});

describe("explainFit", () => {
  it("explains each factor with its score, weight, contribution and a sentence", () => {
    const explanation = explainFit(
      mentee,
      mentor,
      { goals: 3, crossTeam: 1, level: 2 },
      { testing: "Testing", design: "Design" },
    );
    expect(explanation.factors).toEqual([
      {
        factor: "goals",
        raw: 0.75,
        weight: 3,
        contribution: 2.25,
        text: "Covers 2 of 3 goals: Testing (gap 2), Design (gap 1)",
      },
      {
        factor: "cross-team",
        raw: 1,
        weight: 1,
        contribution: 1,
        text: "Different team: cross-team exposure",
      },
      {
        factor: "level",
        raw: 1,
        weight: 2,
        contribution: 2,
        text: "Mentor is 1 band above the mentee's target level (preferred)",
      },
    ]);
    expect(explanation.fit).toBe(5.25);
    expect(explanation.fit).toBe(
      explanation.factors.reduce((sum, factor) => sum + factor.contribution, 0),
    );
  });

  it("words the other cases", () => {
    const sameTeamFarAbove = explainFit(
      { ...mentee, teamId: "platform" },
      { ...mentor, band: 7, strengths: [] },
      DEFAULT_WEIGHTS,
    );
    expect(sameTeamFarAbove.factors.map((factor) => factor.text)).toEqual([
      "Covers none of 3 goals",
      "Same team as the mentee",
      "Mentor is 4 bands above the mentee's target level (far above; one or two is preferred)",
    ]);
    expect(sameTeamFarAbove.fit).toBe(0.5);
    const noGoalsSameBand = explainFit(
      { ...mentee, goals: [] },
      { ...mentor, band: 3 },
      DEFAULT_WEIGHTS,
    );
    expect(noGoalsSameBand.factors.map((factor) => factor.text)).toEqual([
      "The mentee listed no goals",
      "Different team: cross-team exposure",
      "Mentor is at the mentee's target level (one or two bands above is preferred)",
    ]);
    expect(
      explainFit(
        { ...mentee, goals: [{ competencyId: "design", gap: 0 }] },
        mentor,
        DEFAULT_WEIGHTS,
      ).factors[0]!.text,
    ).toBe("Covers 1 of 1 goal: design (gap 0)");
  });
});
