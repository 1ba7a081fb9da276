import { describe, expect, it } from "vitest";
import { submittedChains, toScorecard } from "~/modules/hiring/cards";
import { scorecardSchema, scoresWithoutEvidence } from "~/modules/hiring/scorecard";
import { formChanges } from "~/modules/assessments/draft";
import {
  formBase,
  plainScorecardSave,
  scorecardSpelling,
  scorecardEntries,
  scorecardInput,
  scorecardValues,
  scorecardWrites,
  validateScorecardChanges,
} from "~/modules/hiring/scorecard-draft";
import { shippedLadder } from "./helpers";

const ladder = shippedLadder();
const rules = { scale: ladder.scale, competencyIds: ["code-quality", "testing"] };

describe("scorecard drafts", () => {
  it("reads a stored card as draft fields and writes merged fields back to columns", () => {
    const values = scorecardValues({
      summary: "Solid",
      recommendation: "yes",
      scores: [{ competencyId: "testing", score: 3, notes: "Wrote tests first." }],
    });
    expect(values).toEqual({
      summary: "Solid",
      recommendation: "yes",
      "rating:testing": 3,
      "notes:testing": "Wrote tests first.",
    });
    const writes = scorecardWrites({
      "rating:code-quality": 4,
      "notes:code-quality": "Clean",
      recommendation: null,
      summary: "x",
    });
    expect(writes).toEqual({
      summary: "x",
      recommendation: null,
      scores: new Map([["code-quality", { score: 4, notes: "Clean" }]]),
    });
  });

  it("refuses fields the card does not have, scores off the scale and recommendations that are not one", () => {
    const errors = validateScorecardChanges(
      [
        { field: "rating:system-design", value: 3, base: null },
        { field: "rating:testing", value: 7, base: null },
        { field: "recommendation", value: "maybe", base: null },
        { field: "notes:testing", value: "fine", base: "" },
        { field: "recommendation", value: "strong-yes", base: null },
      ],
      rules,
    );
    expect(Object.keys(errors)).toEqual([
      "rating:system-design",
      "rating:testing",
      "recommendation",
    ]);
    expect(
      validateScorecardChanges([{ field: "rating:testing", value: null, base: 3 }], rules),
    ).toEqual({});
  });

  it("names the scores given without evidence notes as the form shows them, unsaved edits included", () => {
    const shown: Record<string, string | number | null> = {
      "rating:code-quality": 3,
      "notes:code-quality": "  ",
      "rating:testing": 2,
      "notes:testing": "Tested the edge cases.",
    };
    const entries = scorecardEntries((field) => shown[field] ?? null, rules.competencyIds);
    expect(entries).toEqual([
      { competencyId: "code-quality", score: 3, notes: "  " },
      { competencyId: "testing", score: 2, notes: "Tested the edge cases." },
    ]);
    expect(scoresWithoutEvidence({ entries })).toEqual(["code-quality"]);
    expect(
      scoresWithoutEvidence({ entries: scorecardEntries(() => null, rules.competencyIds) }),
    ).toEqual([]);
  });

  it("submits every competency of the stage: one left unscored is “not assessed”", () => {
    const input = scorecardInput(
      { "rating:testing": 2, "notes:testing": "Missed edge cases.", recommendation: "no" },
      rules.competencyIds,
    );
    const parsed = scorecardSchema(ladder.scale, rules.competencyIds).parse(input);
    expect(parsed.entries).toEqual([
      { competencyId: "code-quality", score: null, notes: "" },
      { competencyId: "testing", score: 2, notes: "Missed edge cases." },
    ]);
    expect(
      scorecardSchema(ladder.scale, rules.competencyIds).safeParse(
        scorecardInput({ recommendation: "yes" }, rules.competencyIds),
      ).success,
    ).toBe(false);
  });

  it("without JavaScript, saves only the fields the interviewer changed, each with the value it was edited from", () => {
    const base = formBase({ "rating:testing": 3, recommendation: null }, rules.competencyIds);
    const form: Record<string, string> = {
      "score-code-quality": "4",
      "score-testing": "3",
      "notes:code-quality": "Neat",
      "notes:testing": "",
      summary: "",
      recommendation: "yes",
    };
    const input = plainScorecardSave(
      (name) => form[name] ?? null,
      JSON.stringify(base),
      "2",
      rules.competencyIds,
    );
    expect(input).toEqual({
      baseRevision: 2,
      changes: [
        { field: "recommendation", value: "yes", base: null },
        { field: "rating:code-quality", value: 4, base: null },
        { field: "notes:code-quality", value: "Neat", base: "" },
      ],
    });
    expect(
      plainScorecardSave(
        () => null,
        JSON.stringify({ "rating:other": null }),
        "0",
        rules.competencyIds,
      ),
    ).toBeNull();
    expect(plainScorecardSave(() => null, "not json", "0", rules.competencyIds)).toBeNull();
    expect(
      plainScorecardSave(
        () => "not-assessed",
        JSON.stringify({ "rating:testing": 3 }),
        "0",
        rules.competencyIds,
      )?.changes,
    ).toEqual([{ field: "rating:testing", value: null, base: 3 }]);
  });

  it("reads the scorecard form's inputs as its fields: a score's radio group, not assessed, the recommendation", () => {
    const rendered = formBase(
      { "rating:testing": 3, "notes:testing": "Good" },
      rules.competencyIds,
    );
    const form: Record<string, string | null> = {
      "score-code-quality": "4",
      "score-testing": "not-assessed",
      "notes:code-quality": "Neat",
      "notes:testing": "Good",
      summary: "",
      recommendation: null,
    };
    expect(formChanges(rendered, (name) => form[name], scorecardSpelling)).toEqual([
      { field: "rating:code-quality", value: 4, base: null },
      { field: "notes:code-quality", value: "Neat", base: "" },
      { field: "rating:testing", value: null, base: 3 },
    ]);
  });

  it("chains submitted cards per interview: the last amendment counts, each amendment with what it changed; drafts are left out", () => {
    const card = (id: string, amendsId: string | null, score: number, status = "submitted") => ({
      id,
      interviewId: "i1",
      authorId: "ana",
      status,
      recommendation: "yes",
      summary: "",
      amendsId,
      submittedAt: null,
      scores: [{ competencyId: "testing", score, notes: "" }],
    });
    const chains = submittedChains([
      card("c1", null, 2),
      card("c2", "c1", 3),
      card("c3", "c2", 4, "draft"),
    ]);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.effective.id).toBe("c2");
    expect(
      chains[0]!.amendments.map(({ card: amendment, diff }) => [amendment.id, diff.entries]),
    ).toEqual([["c2", [{ competencyId: "testing", score: { from: 2, to: 3 }, notes: null }]]]);
    expect(toScorecard(card("c1", null, 2), ["testing"]).entries).toEqual([
      { competencyId: "testing", score: 2, notes: "" },
    ]);
  });
});
