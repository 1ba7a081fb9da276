import { describe, expect, it } from "vitest";
import {
  amendmentDiff,
  effectiveCards,
  RECOMMENDATIONS,
  scorecardSchema,
  scoresWithoutEvidence,
  tallyRecommendations,
  type Scorecard,
} from "~/modules/hiring/scorecard";
import { shippedLadder } from "./helpers";

const ladder = shippedLadder();
const schema = scorecardSchema(ladder.scale, ["code-quality", "testing"]);

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("scorecards", () => {
  it("recommends on four points with no neutral one", () => {
    expect(RECOMMENDATIONS).toEqual(["strong-no", "no", "yes", "strong-yes"]);
    expect(
      messages({
        entries: [
          { competencyId: "code-quality", score: 3 },
          { competencyId: "testing", score: 3 },
        ],
        recommendation: "neutral",
      }),
    ).toEqual(["hiring:scorecard.errors.recommendationMissing"]);
  });

  it("takes scores on the ladder's scale or “not assessed”, as numbers or form strings", () => {
    const parsed = schema.parse({
      entries: [
        {
          competencyId: "code-quality",
          score: "4",
          notes: "  Refactored the parser step by step.  ",
        },
        { competencyId: "testing", score: "not-assessed" },
      ],
      recommendation: "yes",
    });
    expect(parsed).toEqual({
      entries: [
        { competencyId: "code-quality", score: 4, notes: "Refactored the parser step by step." },
        { competencyId: "testing", score: null, notes: "" },
      ],
      recommendation: "yes",
      summary: "",
    });
    expect(
      messages({
        entries: [
          { competencyId: "code-quality", score: 5 },
          { competencyId: "testing", score: 2 },
        ],
        recommendation: "no",
      }),
    ).toEqual(["hiring:scorecard.errors.scoreOffScale"]);
    expect(
      messages({
        entries: [
          { competencyId: "code-quality", score: "" },
          { competencyId: "testing", score: 2 },
        ],
        recommendation: "no",
      }),
    ).toEqual(["hiring:scorecard.errors.scoreOffScale"]);
  });

  it("wants every competency of the stage exactly once, and at least one assessed", () => {
    expect(
      messages({ entries: [{ competencyId: "code-quality", score: 3 }], recommendation: "yes" }),
    ).toEqual(["hiring:scorecard.errors.competencyLeftOut"]);
    expect(
      messages({
        entries: [
          { competencyId: "code-quality", score: 3 },
          { competencyId: "code-quality", score: 2 },
          { competencyId: "testing", score: 3 },
          { competencyId: "security", score: 3 },
        ],
        recommendation: "yes",
      }),
    ).toEqual([
      "hiring:scorecard.errors.competencyTwice",
      "hiring:scorecard.errors.competencyNotOnCard",
    ]);
    expect(
      messages({
        entries: [
          { competencyId: "code-quality", score: null },
          { competencyId: "testing", score: "not-assessed" },
        ],
        recommendation: "no",
      }),
    ).toEqual(["hiring:scorecard.errors.nothingScored"]);
  });

  it("shows scores given without evidence", () => {
    const card: Scorecard = {
      entries: [
        { competencyId: "code-quality", score: 3, notes: " " },
        { competencyId: "testing", score: null, notes: "" },
        { competencyId: "security", score: 2, notes: "Missed the injection." },
      ],
      recommendation: "yes",
      summary: "",
    };
    expect(scoresWithoutEvidence(card)).toEqual(["code-quality"]);
  });
});

describe("amendments", () => {
  const original: Scorecard = {
    entries: [
      { competencyId: "code-quality", score: 3, notes: "Clean, small functions." },
      { competencyId: "testing", score: 2, notes: "Tested the happy path only." },
      { competencyId: "security", score: null, notes: "" },
    ],
    recommendation: "no",
    summary: "Solid coder.",
  };

  it("lists what changed per competency, and the recommendation", () => {
    const amendment: Scorecard = {
      entries: [
        { competencyId: "code-quality", score: 3, notes: "Clean, small functions.\r\n" },
        {
          competencyId: "testing",
          score: 3,
          notes: "Tested the happy path, then the failures when asked.",
        },
        { competencyId: "security", score: 2, notes: "" },
        { competencyId: "operations", score: null, notes: "Ran out of time." },
      ],
      recommendation: "yes",
      summary: "Solid coder.",
    };
    expect(amendmentDiff(original, amendment)).toEqual({
      entries: [
        {
          competencyId: "testing",
          score: { from: 2, to: 3 },
          notes: {
            from: "Tested the happy path only.",
            to: "Tested the happy path, then the failures when asked.",
          },
        },
        { competencyId: "security", score: { from: null, to: 2 }, notes: null },
        { competencyId: "operations", score: null, notes: { from: "", to: "Ran out of time." } },
      ],
      recommendation: { from: "no", to: "yes" },
      summary: null,
      changed: true,
    });
  });

  it("says when nothing changed, and treats a dropped competency as not assessed", () => {
    expect(
      amendmentDiff(original, {
        ...original,
        entries: original.entries.map((entry) => ({ ...entry })),
      }),
    ).toEqual({
      entries: [],
      recommendation: null,
      summary: null,
      changed: false,
    });
    const dropped = amendmentDiff(original, {
      ...original,
      entries: original.entries.slice(1),
      summary: "Solid.",
    });
    expect(dropped.entries).toEqual([
      {
        competencyId: "code-quality",
        score: { from: 3, to: null },
        notes: { from: "Clean, small functions.", to: "" },
      },
    ]);
    expect(dropped.summary).toEqual({ from: "Solid coder.", to: "Solid." });
  });

  it("counts the last card of each chain of corrections", () => {
    const cards = [
      { id: "a", amendsId: null },
      { id: "b", amendsId: null },
      { id: "a2", amendsId: "a" },
      { id: "a3", amendsId: "a2" },
    ];
    expect(effectiveCards(cards).map((card) => card.id)).toEqual(["b", "a3"]);
  });

  it("tallies recommendations and says when the panel is split", () => {
    expect(tallyRecommendations(["yes", "strong-yes", null, "no"])).toEqual({
      counts: { "strong-no": 0, no: 1, yes: 1, "strong-yes": 1 },
      total: 3,
      positive: 2,
      negative: 1,
      split: true,
    });
    expect(tallyRecommendations(["yes", "yes"]).split).toBe(false);
  });
});
