import { describe, expect, test } from "vitest";
import {
  draftValues,
  markField,
  marksOf,
  mergeSave,
  missingRatings,
  notesField,
  parseField,
  ratingField,
  rowUpdates,
  validateChanges,
  type DraftRules,
} from "~/modules/assessments/draft";
import { SaveDraftSchema } from "~/modules/assessments/draft-input";
import { inEnglishWords, inWordsOf } from "../../utils/english";

const rules: DraftRules = {
  scale: [
    { value: 1, label: "Not yet" },
    { value: 2, label: "Developing" },
    { value: 3, label: "Consistent" },
    { value: 4, label: "Beyond" },
  ],
  competencies: [
    { id: "code-quality", name: "Code quality", nextExpectationCount: 2 },
    { id: "testing", name: "Testing", nextExpectationCount: 0 },
  ],
};

describe("draft fields", () => {
  test("parses the field keys and refuses anything else", () => {
    expect(parseField("summary")).toEqual({ kind: "summary" });
    expect(parseField("rating:code-quality")).toEqual({
      kind: "rating",
      competencyId: "code-quality",
    });
    expect(parseField("notes:code-quality")).toEqual({
      kind: "notes",
      competencyId: "code-quality",
    });
    expect(parseField("mark:code-quality:1")).toEqual({
      kind: "mark",
      competencyId: "code-quality",
      index: 1,
    });
    for (const bad of [
      "",
      "rating",
      "rating:",
      "rating:Code",
      "notes:a:1",
      "mark:a",
      "mark:a:01",
      "mark:a:-1",
      "mark:a:1:2",
      "other:a",
      "__proto__",
    ]) {
      expect(parseField(bad), bad).toBeNull();
    }
  });

  test("reads stored rows into flat values, ignoring marks that are not marks", () => {
    const values = draftValues({
      summary: "A good half",
      ratings: [
        {
          competencyId: "code-quality",
          rating: 3,
          notes: "Solid",
          nextLevelMarks: { "0": "met", "1": "bogus", x: "met" },
        },
      ],
    });
    expect(values).toEqual({
      summary: "A good half",
      "rating:code-quality": 3,
      "notes:code-quality": "Solid",
      "mark:code-quality:0": "met",
    });
    expect(marksOf(values, "code-quality")).toEqual({ "0": "met" });
  });
});

describe("merging a save into the stored draft", () => {
  const stored = { summary: "S", "rating:code-quality": 2, "notes:code-quality": "theirs" };

  test("a save from the current copy writes what changed, with no conflicts", () => {
    const result = mergeSave(stored, [{ field: "summary", value: "S2", base: "S" }]);
    expect(result).toEqual({ writes: { summary: "S2" }, conflicts: [] });
  });

  test("a stale save of a field the other tab did not touch is simply applied", () => {
    // The other tab changed notes (base "" -> "theirs"); this tab changed the rating only.
    const result = mergeSave(stored, [{ field: "rating:code-quality", value: 4, base: 2 }]);
    expect(result).toEqual({ writes: { "rating:code-quality": 4 }, conflicts: [] });
  });

  test("a field both changed keeps this save's value and returns the other", () => {
    const result = mergeSave(stored, [{ field: "notes:code-quality", value: "mine", base: "" }]);
    expect(result.writes).toEqual({ "notes:code-quality": "mine" });
    expect(result.conflicts).toEqual([
      { field: "notes:code-quality", mine: "mine", theirs: "theirs" },
    ]);
  });

  test("both tabs making the same change is not a conflict", () => {
    expect(mergeSave(stored, [{ field: "notes:code-quality", value: "theirs", base: "" }])).toEqual(
      { writes: {}, conflicts: [] },
    );
  });

  test("missing stored values count as empty", () => {
    expect(mergeSave({}, [{ field: "notes:testing", value: "x", base: "" }])).toEqual({
      writes: { "notes:testing": "x" },
      conflicts: [],
    });
    expect(mergeSave({}, [{ field: "rating:testing", value: null, base: null }])).toEqual({
      writes: {},
      conflicts: [],
    });
  });
});

describe("validating a save against the ladder", () => {
  test("accepts ratings on the scale, clearing, text and marks for existing next-level expectations", () => {
    expect(
      validateChanges(
        [
          { field: "rating:code-quality", value: 3, base: null },
          { field: "rating:testing", value: null, base: 2 },
          { field: "notes:testing", value: "ok", base: "" },
          { field: "summary", value: "", base: "x" },
          { field: markField("code-quality", 1), value: "partly", base: null },
          { field: markField("code-quality", 0), value: null, base: "met" },
        ],
        rules,
      ),
    ).toEqual({});
  });

  test("names each bad field", () => {
    const errors = validateChanges(
      [
        { field: "rating:code-quality", value: 5, base: null },
        { field: "rating:testing", value: "3", base: null },
        { field: "notes:unknown", value: "x", base: "" },
        { field: "notes:testing", value: 4, base: "" },
        { field: markField("code-quality", 2), value: "met", base: null },
        { field: markField("code-quality", 0), value: "done", base: null },
        { field: markField("testing", 0), value: "met", base: null },
        { field: "nonsense", value: "x", base: "" },
      ],
      rules,
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        "mark:code-quality:0",
        "mark:code-quality:2",
        "mark:testing:0",
        "nonsense",
        "notes:testing",
        "notes:unknown",
        "rating:code-quality",
        "rating:testing",
      ].sort(),
    );
    expect(inEnglishWords(errors["rating:code-quality"]![0]!)).toContain(
      "1 Not yet, 2 Developing, 3 Consistent, 4 Beyond",
    );
  });

  test("the request schema refuses the same field twice and oversized text", () => {
    expect(
      SaveDraftSchema.safeParse({
        baseRevision: 0,
        changes: [
          { field: "summary", value: "a", base: "" },
          { field: "summary", value: "b", base: "" },
        ],
      }).success,
    ).toBe(false);
    expect(
      SaveDraftSchema.safeParse({
        baseRevision: 0,
        changes: [{ field: "summary", value: "x".repeat(20_001), base: "" }],
      }).success,
    ).toBe(false);
    expect(SaveDraftSchema.safeParse({ baseRevision: -1, changes: [] }).success).toBe(false);
    expect(
      SaveDraftSchema.safeParse({
        baseRevision: 3,
        changes: [{ field: "rating:a", value: 2.5, base: null }],
      }).success,
    ).toBe(false);
    expect(
      SaveDraftSchema.safeParse({
        baseRevision: 3,
        changes: [{ field: "rating:a", value: 2, base: null }],
      }).success,
    ).toBe(true);
  });
});

describe("submitting", () => {
  test("lists every competency without a rating", () => {
    const missing = missingRatings({ [ratingField("code-quality")]: 3 }, rules.competencies);
    expect(Object.keys(missing)).toEqual(["rating:testing"]);
    expect(missing["rating:testing"]!.map(inEnglishWords)).toEqual([
      "Choose a rating for Testing.",
    ]);
    expect(missing["rating:testing"]!.map((error) => inWordsOf("fr", error))).toEqual([
      "Choisissez une note pour Testing.",
    ]);
    expect(
      missingRatings(
        { [ratingField("code-quality")]: 3, [ratingField("testing")]: 1 },
        rules.competencies,
      ),
    ).toEqual({});
  });
});

describe("row updates", () => {
  test("group writes by competency and merge marks into the stored ones", () => {
    const current = {
      [markField("code-quality", 0)]: "met",
      [markField("code-quality", 1)]: "partly",
    } as const;
    const updates = rowUpdates(current, {
      summary: "Sum",
      [ratingField("code-quality")]: 2,
      [notesField("testing")]: "n",
      [markField("code-quality", 1)]: null,
      [markField("code-quality", 2)]: "not-met",
    });
    expect(updates.summary).toBe("Sum");
    expect(updates.ratings.get("code-quality")).toEqual({
      rating: 2,
      nextLevelMarks: { "0": "met", "2": "not-met" },
    });
    expect(updates.ratings.get("testing")).toEqual({ notes: "n" });
  });
});
