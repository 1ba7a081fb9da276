import { describe, expect, it } from "vitest";
import {
  answeredRows,
  answerUpdates,
  answerValues,
  submissionProblem,
  validateAnswerChanges,
  type AnswerRules,
} from "~/modules/feedback/answers";
import { inEnglishWords, inWordsOf } from "../../utils/english";

const inEnglishErrors = (errors: Record<string, string[]>) =>
  Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [field, messages.map(inEnglishWords)]),
  );

const rules: AnswerRules = {
  answerKind: "rating",
  scale: [
    { value: 1, label: "Emerging" },
    { value: 2, label: "Solid" },
    { value: 3, label: "Strong" },
  ],
  competencyIds: ["testing", "design"],
};

describe("a feedback answer's draft", () => {
  it("reads stored answers as the self-assessment's fields", () => {
    expect(
      answerValues([{ competencyId: "testing", rating: 2, example: "In the March review …" }]),
    ).toEqual({ "rating:testing": 2, "notes:testing": "In the March review …" });
  });

  it("refuses fields it does not have, ratings off the scale, and ratings when the cycle asks for examples only", () => {
    expect(
      inEnglishErrors(
        validateAnswerChanges(
          [
            { field: "rating:testing", value: 4, base: null },
            { field: "notes:delivery", value: "x", base: "" },
            { field: "summary", value: "x", base: "" },
            { field: "notes:design", value: 3, base: "" },
            { field: "rating:design", value: 3, base: null },
          ],
          rules,
        ),
      ),
    ).toEqual({
      "rating:testing": ["Choose a rating on the ladder's scale (1 Emerging, 2 Solid, 3 Strong)."],
      "notes:delivery": ["This answer has no such field."],
      summary: ["This answer has no such field."],
      "notes:design": ["Expected text."],
    });
    // Messages, worded in the reader's language.
    expect(
      validateAnswerChanges([{ field: "rating:testing", value: 4, base: null }], rules)[
        "rating:testing"
      ]!.map((error) => inWordsOf("de", error)),
    ).toEqual([
      "Wählen Sie eine Bewertung auf der Skala der Karriereleiter (1 Emerging, 2 Solid, 3 Strong).",
    ]);
    expect(
      inEnglishErrors(
        validateAnswerChanges([{ field: "rating:testing", value: 2, base: null }], {
          ...rules,
          answerKind: "evidence",
        }),
      ),
    ).toEqual({
      "rating:testing": ["This cycle asks for written examples only, without a rating."],
    });
    expect(
      validateAnswerChanges([{ field: "rating:testing", value: null, base: 2 }], {
        ...rules,
        answerKind: "evidence",
      }),
    ).toEqual({});
  });

  it("writes one row per competency touched, keeping the field not changed", () => {
    expect(
      answerUpdates(
        { "rating:testing": 2, "notes:testing": "old" },
        { "notes:testing": "new", "rating:design": 3 },
      ),
    ).toEqual([
      { competencyId: "testing", rating: 2, example: "new" },
      { competencyId: "design", rating: 3, example: "" },
    ]);
  });

  it("submits once one competency is answered, keeping only those answered", () => {
    expect(submissionProblem({ "notes:testing": "  " }, rules.competencyIds)).toBe(
      "feedback:errors.nothingAnswered",
    );
    expect(submissionProblem({ "rating:design": 1 }, rules.competencyIds)).toBeNull();
    expect(
      answeredRows(
        { "notes:testing": " An example ", "rating:design": null, "notes:design": "" },
        rules.competencyIds,
      ),
    ).toEqual([{ competencyId: "testing", rating: null, example: "An example" }]);
  });
});
