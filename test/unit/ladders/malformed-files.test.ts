import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { errorLines, FIXTURES } from "./helpers";

const DIR = `${FIXTURES}/malformed`;

/** Loads one fixture file, as bytes, as a whole one-file ladder. */
function check(name: string): string[] {
  const file = `${DIR}/${name}`;
  return errorLines(loadLadderFromSources([{ file, text: readFileSync(file) }]));
}

describe("malformed ladder files", () => {
  it("the one-file ladder they all break is itself valid", () => {
    expect(check("valid-one-file.yaml")).toEqual([]);
  });

  const cases: Array<[string, string]> = [
    [
      "syntax-error.yaml",
      "33:7 YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ] (fix this first: the rest of the file could not be read reliably)",
    ],
    [
      "wrong-type.yaml",
      "2:42 ladder.version: expected text, found a number (1); put it in quotes to keep it as text",
    ],
    ["missing-field.yaml", `33:9 tracks[0].levels[1]: missing required key "title"`],
    [
      "unknown-competency.yaml",
      `37:11 tracks[0].levels[1].expectations: unknown competency "code-qualty" (did you mean "code-quality"?)`,
    ],
    [
      "bad-equivalence.yaml",
      `50:22 equivalence[0].lead: level "ic1" belongs to track "ic", not "lead"`,
    ],
    [
      "duplicate-id.yaml",
      `22:9 competencies[2].id: duplicate competency id "testing" (already used at ${DIR}/duplicate-id.yaml:18:9)`,
    ],
    [
      "missing-expectations.yaml",
      `37:11 tracks[0].levels[1].expectations: missing expectations for competency "testing", which track "ic" uses`,
    ],
    [
      "alias-bomb.yaml",
      "4:36 c[7]: too many aliases (more than 16 in one file); repeated aliases can multiply a small file into a huge one, so write the values out instead",
    ],
    [
      "deep-nesting.yaml",
      `2:31 areas${"[0]".repeat(23)}: nesting is too deep (more than 24 levels of lists and mappings)`,
    ],
    ["non-utf8.yaml", "4:14 file is not valid UTF-8 (bad byte 0xe9); save it with UTF-8 encoding"],
    [
      "duplicate-key.yaml",
      `45:9 tracks[1].levels[0]: duplicate key "title" (first set on line 44)`,
    ],
    [
      "unknown-key.yaml",
      `45:9 tracks[1].levels[0]: unknown key "sumary" (did you mean "summary"?); allowed keys: id, title, alsoTitled, summary, sublevels, target, targets, expectations`,
    ],
    [
      "unknown-top-level-key.yaml",
      `8:1 unknown top-level key "competency" (did you mean "competencies"?); allowed keys: ladder, changelog, scale, areas, competencies, tracks, equivalence, calibrationScales, include, shared, expectations, points`,
    ],
    [
      "top-level-list.yaml",
      "2:1 the top level must be a mapping with some of the keys ladder, changelog, scale, areas, competencies, tracks, equivalence, calibrationScales, include, shared, expectations, points, not a list",
    ],
    [
      "bad-id.yaml",
      `2:15 ladder.id: "Tiny_Ladder" is not a valid id; use kebab-case: lowercase letters and digits, words joined by single dashes, starting with a letter (e.g. "code-quality")`,
    ],
    [
      "unknown-question-level.yaml",
      `16:25 competencies[0].interview.questions[0].levels[1]: unknown level "ic3" (did you mean "ic2", the highest level of track "ic"?)`,
    ],
    [
      "scale-out-of-order.yaml",
      "5:14 scale[1].value: scale values must be strictly ascending: 0 comes after 1",
    ],
    [
      "rows-out-of-order.yaml",
      `51:11 equivalence[1].ic: rows out of order: "ic1" is not more senior than "ic2" in equivalence[0]; rows must ascend in seniority`,
    ],
    [
      "multiple-documents.yaml",
      `49:1 a ladder file holds one YAML document; remove the second "---" or move that part into its own file`,
    ],
    [
      "yaml-tag.yaml",
      `21:27 competencies[1].description: YAML tags such as "!!binary" are not allowed; write plain text, numbers, lists and mappings (quote text that looks like a number)`,
    ],
  ];

  it.each(cases)("%s reports exactly its one defect, at its line and column", (name, expected) => {
    expect(check(name)).toEqual([`${DIR}/${name}:${expected}`]);
  });

  it("anchors that do not match the scale report both the missing and the extra anchor", () => {
    expect(check("anchors-mismatch.yaml")).toEqual([
      `${DIR}/anchors-mismatch.yaml:17:16 competencies[0].interview.anchors: missing anchor for scale value 2 ("Consistent")`,
      `${DIR}/anchors-mismatch.yaml:17:29 competencies[0].interview.anchors: anchor 3 is not a scale value (the scale has 1, 2)`,
    ]);
  });

  // Generated rather than committed: a 300 KiB fixture would bloat the repository.
  it("refuses an oversized file without parsing it", () => {
    const text = `# ${"x".repeat(300 * 1024)}\n`;
    const result = loadLadderFromSources([{ file: `${DIR}/oversized.yaml`, text }]);
    expect(errorLines(result)).toEqual([
      `${DIR}/oversized.yaml:1:1 file is too large (300 KiB); a ladder file may be at most 256 KiB, so split it into several files`,
    ]);
  });

  it("refuses a ladder whose files add up to more than the total limit, and stops reading", () => {
    const file = (name: string) => ({
      file: `big/${name}.yaml`,
      text: `areas: []\n# ${"x".repeat(200 * 1024)}\n`,
    });
    const sources = Array.from({ length: 25 }, (_, index) =>
      file(`part-${String(index).padStart(2, "0")}`),
    );
    expect(errorLines(loadLadderFromSources(sources))).toEqual([
      "big/part-20.yaml:1:1 the ladder's files add up to more than 4 MiB; this file and the ones after it were not read",
    ]);
  });

  it("refuses an alias that expands beyond the limit even with few aliases", () => {
    const text = `a: &a [${Array(4000).fill('"x"').join(", ")}]\nb: [*a, *a, *a]\n`;
    expect(errorLines(loadLadderFromSources([{ file: "l/a.yaml", text }]))).toEqual([
      "l/a.yaml:2:13 b[2]: aliases expand to too much data; use anchors and aliases only for small repeated values",
    ]);
  });

  it("refuses aliases that refer to a missing anchor or to their own container", () => {
    expect(
      errorLines(loadLadderFromSources([{ file: "l/a.yaml", text: "areas: *nowhere\n" }])),
    ).toEqual([
      `l/a.yaml:1:8 areas: unknown alias "*nowhere"; its anchor "&nowhere" must be defined above it`,
    ]);
    expect(
      errorLines(loadLadderFromSources([{ file: "l/a.yaml", text: "areas: &loop [*loop]\n" }])),
    ).toEqual([
      `l/a.yaml:1:15 areas[0]: alias "*loop" refers to a list or mapping that contains it`,
    ]);
  });

  it("refuses deep nesting built from shallow aliases", () => {
    const lines = ["a0: &a0 [x]"];
    for (let i = 1; i <= 6; i++) lines.push(`a${i}: &a${i} [[[[[*a${i - 1}]]]]]`);
    const result = loadLadderFromSources([{ file: "l/a.yaml", text: `${lines.join("\n")}\n` }]);
    expect(errorLines(result)[0]).toMatch(
      /^l\/a\.yaml:\d+:\d+ a6(\[0\])+: nesting is too deep \(more than 24 levels of lists and mappings\)$/,
    );
  });

  it("refuses an empty file and keys that are not plain text", () => {
    expect(
      errorLines(loadLadderFromSources([{ file: "l/a.yaml", text: "# nothing yet\n" }])),
    ).toEqual([
      "l/a.yaml:1:1 file is empty; a ladder file is a mapping with some of the keys ladder, changelog, scale, areas, competencies, tracks, equivalence, calibrationScales, include, shared, expectations, points",
    ]);
    expect(
      errorLines(loadLadderFromSources([{ file: "l/a.yaml", text: "? [a, b]\n: x\n" }])),
    ).toEqual(["l/a.yaml:1:3 keys must be plain text, not a list"]);
  });
});
