import { describe, expect, it } from "vitest";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { ladderFileSchema } from "~/modules/ladders/schema";
import { errorLines } from "./helpers";

const level = (expectations: unknown) => ({
  id: "ic1",
  title: "Engineer I",
  summary: "Small tasks.",
  expectations,
});
const track = (levels: unknown[]) => ({ id: "ic", name: "IC", description: "Engineers.", levels });

describe("ladder file schema", () => {
  it("accepts every section, and turns shorthand expectations into {text, examples}", () => {
    const parsed = ladderFileSchema.parse({
      ladder: { id: "engineering", name: "Engineering", version: "1.0.0", description: "Ours." },
      changelog: [{ version: "1.0.0", date: "2025-02-28", changes: ["First."] }],
      scale: [{ value: 1, label: "Not yet", meaning: "Rarely." }],
      areas: [{ id: "craft", name: "Craft", description: "Building." }],
      competencies: [
        {
          id: "code-quality",
          name: "Code quality",
          area: "craft",
          description: "Readable code.",
          tracks: ["ic"],
          interview: {
            questions: [
              { text: "Tell me.", levels: ["ic1"], followUps: ["Why?"], lookFor: ["Reasons."] },
            ],
            anchors: { "1": "Vague." },
          },
        },
      ],
      tracks: [
        track([
          level({
            "code-quality": [
              "  Writes code.  ",
              { text: "Tests it.", examples: ["A test."] },
              { text: "Reviews." },
            ],
          }),
        ]),
      ],
      equivalence: [{ ic: "ic1" }],
    });
    expect(parsed.tracks?.[0]?.levels[0]?.expectations["code-quality"]).toEqual([
      { text: "Writes code.", examples: [] },
      { text: "Tests it.", examples: ["A test."] },
      { text: "Reviews.", examples: [] },
    ]);
  });

  it("accepts an empty file object: every section is optional in a single file", () => {
    expect(ladderFileSchema.safeParse({}).success).toBe(true);
  });

  it.each(["ic1", "tech-lead", "a1-b2", "x"])("accepts the kebab-case id %s", (id) => {
    expect(
      ladderFileSchema.safeParse({ areas: [{ id, name: "A", description: "B" }] }).success,
    ).toBe(true);
  });

  it.each(["Code", "code_quality", "code--quality", "-code", "code-", "1code", "code quality", ""])(
    "rejects the id %j",
    (id) => {
      expect(
        ladderFileSchema.safeParse({ areas: [{ id, name: "A", description: "B" }] }).success,
      ).toBe(false);
    },
  );

  it.each([
    ["an unknown key", { areas: [{ id: "a", name: "A", description: "B", colour: "red" }] }],
    ["an unknown top-level key", { area: [] }],
    ["an empty string", { areas: [{ id: "a", name: "", description: "B" }] }],
    ["a blank string", { areas: [{ id: "a", name: "   ", description: "B" }] }],
    ["a number for text", { ladder: { id: "a", name: "A", version: 1, description: "B" } }],
    ["a fractional scale value", { scale: [{ value: 1.5, label: "A", meaning: "B" }] }],
    ["an empty scale", { scale: [] }],
    [
      "a date that is not YYYY-MM-DD",
      { changelog: [{ version: "1", date: "1/2/2025", changes: ["x"] }] },
    ],
    [
      "a date that does not exist",
      { changelog: [{ version: "1", date: "2025-02-30", changes: ["x"] }] },
    ],
    [
      "a changelog entry without changes",
      { changelog: [{ version: "1", date: "2025-02-01", changes: [] }] },
    ],
    [
      "an empty tracks list on a competency",
      { competencies: [{ id: "c", name: "C", area: "a", description: "D", tracks: [] }] },
    ],
    [
      "an anchor key that is not a number",
      {
        competencies: [
          {
            id: "c",
            name: "C",
            area: "a",
            description: "D",
            interview: { questions: [{ text: "Q" }], anchors: { one: "x" } },
          },
        ],
      },
    ],
    [
      "an interview without questions",
      {
        competencies: [
          {
            id: "c",
            name: "C",
            area: "a",
            description: "D",
            interview: { questions: [], anchors: {} },
          },
        ],
      },
    ],
    ["a track without levels", { tracks: [track([])] }],
    [
      "a level without expectations",
      { tracks: [track([{ id: "ic1", title: "T", summary: "S" }])] },
    ],
    ["an empty expectation list", { tracks: [track([level({ testing: [] })])] }],
    ["an expectation that is a list", { tracks: [track([level({ testing: [["x"]] })])] }],
    [
      "an expectation with an unknown key",
      { tracks: [track([level({ testing: [{ text: "x", example: ["y"] }] })])] },
    ],
    ["an empty equivalence row", { equivalence: [{}] }],
  ])("rejects %s", (_, content) => {
    expect(ladderFileSchema.safeParse(content).success).toBe(false);
  });

  it("explains schema problems in authors' words, at the offending value", () => {
    const text = [
      "ladder:",
      "  id: Engineering",
      "  name: ''",
      "  version: 1.0",
      "  description: Ours.",
      "changelog:",
      "  - { version: '1', date: 2025-13-01, changes: [x] }",
      "scale: [{ value: one, label: A, meaning: B }]",
      "",
    ].join("\n");
    expect(errorLines(loadLadderFromSources([{ file: "l/ladder.yaml", text }]))).toEqual([
      `l: the ladder has no tracks; add a "tracks" list with at least one track`,
      `l/ladder.yaml:2:7 ladder.id: "Engineering" is not a valid id; use kebab-case: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. "code-quality")`,
      "l/ladder.yaml:3:9 ladder.name: must not be empty",
      "l/ladder.yaml:4:12 ladder.version: expected text, found a number (1); put it in quotes to keep it as text",
      `l/ladder.yaml:7:27 changelog[0].date: "2025-13-01" is not a real calendar date`,
      `l/ladder.yaml:8:18 scale[0].value: expected a number, found text ("one")`,
    ]);
  });
});
