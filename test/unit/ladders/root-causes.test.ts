import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatLadderError } from "~/modules/ladders";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { errorLines, FIXTURES, readSources } from "./helpers";

const VALID = `${FIXTURES}/valid`;
const IC = `${VALID}/tracks/ic.yaml`;
const COMPETENCIES = `${VALID}/competencies.yaml`;

/** The valid fixture with edits, each of text that occurs once in its file. */
function edited(edits: [file: string, from: string, to: string][]) {
  const sources = readSources(VALID);
  for (const [file, from, to] of edits) {
    const target = sources.find((source) => source.file === `${VALID}/${file}`)!;
    const text = String(target.text);
    if (text.split(from).length !== 2) throw new Error(`"${from}" must occur once in ${file}`);
    target.text = text.replace(from, to);
  }
  return loadLadderFromSources(sources);
}

describe("one root cause, one message", () => {
  it("a competency whose id was changed where it is defined is the one mistake, not every level that names it", () => {
    const result = edited([["competencies.yaml", "  - id: testing\n", "  - id: tesing\n"]]);
    expect(errorLines(result)).toEqual([
      `${COMPETENCIES}:23:9 competencies[1].id: no level names competency "tesing", while "testing", which is not defined, is named at ic1, ic2, ic3 (first at ${IC}:15:11); did you mean "testing"?`,
    ]);
  });

  it("an id misspelt in one level is that level's mistake, with a suggestion", () => {
    const result = edited([
      [
        "tracks/ic.yaml",
        "          testing:\n            - Adds tests",
        "          tesing:\n            - Adds tests",
      ],
    ]);
    expect(errorLines(result)).toEqual([
      `${IC}:15:11 tracks[0].levels[0].expectations: unknown competency "tesing" (did you mean "testing"?)`,
    ]);
  });

  it("an unknown competency named at several levels is one message, at the first, naming the others", () => {
    const result = edited([
      [
        "tracks/ic.yaml",
        "          collaboration:\n            - Asks for help early.",
        "          pairing:\n            - Pairs.\n          collaboration:\n            - Asks for help early.",
      ],
      [
        "tracks/ic.yaml",
        "          collaboration:\n            - Shares progress without being asked.\n            - Works",
        "          pairing:\n            - Pairs.\n          collaboration:\n            - Shares progress without being asked.\n            - Works",
      ],
    ]);
    expect(errorLines(result)).toEqual([
      `${IC}:17:11 tracks[0].levels[0].expectations: unknown competency "pairing"; also named at level ic2 (${IC}:31:11)`,
    ]);
  });

  it("a competency the schema refused (`links: []`) is not also unknown wherever a level sets a target for it", () => {
    const result = edited([
      [
        "competencies.yaml",
        "    description: Confidence that software works.\n",
        "    description: Confidence that software works.\n    links: []\n",
      ],
      [
        "tracks/ic.yaml",
        "        summary: Delivers well-defined tasks with guidance.\n",
        "        summary: Delivers well-defined tasks with guidance.\n        targets: { testing: 2 }\n",
      ],
    ]);
    expect(errorLines(result)).toEqual([
      `${COMPETENCIES}:27:12 competencies[1].links: list at least one link, or leave \`links\` out`,
    ]);
  });

  it("a misplaced `tracks` key is reported where it is, not as expectations to remove at every level", () => {
    // `tracks: [manager]` moved from coaching onto testing, whose levels are the engineer track's.
    const result = edited([
      [
        "competencies.yaml",
        "    description: Confidence that software works.\n    tracks: [ic]\n",
        "    description: Confidence that software works.\n    tracks: [manager]\n    applies: { upTo: ic2 }\n",
      ],
    ]);
    const lines = errorLines(result);
    expect(lines[0]).toBe(
      `${COMPETENCIES}:28:22 competencies[1].applies.upTo: level "ic2" is in track "ic", which does not use this competency (its tracks: manager); until it is fixed, the levels' expectations for it are not checked`,
    );
    expect(lines.join("\n")).not.toMatch(/remove (them|these)/);
  });

  it("a competency that lost its `tracks` key is missing at every level of the other tracks: one message, naming them", () => {
    const result = edited([
      [
        "competencies.yaml",
        "    description: Helping people grow.\n    tracks: [manager]\n",
        "    description: Helping people grow.\n",
      ],
    ]);
    expect(errorLines(result)).toEqual([
      `${IC}:10:11 tracks[0].levels[0].expectations: missing expectations for competency "coaching", which track "ic" uses; also missing at ic2, ic3`,
    ]);
  });

  it("a misspelt key inside `applies` is one message, not also a missing `from` or `upTo`", () => {
    const result = edited([
      [
        "competencies.yaml",
        "    tracks: [ic]\n\n  - id: collaboration",
        "    tracks: [ic]\n    applies: { form: ic2 }\n\n  - id: collaboration",
      ],
    ]);
    expect(errorLines(result)).toEqual([
      `${COMPETENCIES}:28:16 competencies[1].applies: unknown key "form" (did you mean "from"?); allowed keys: from, upTo`,
    ]);
  });

  it("a level written with its number as a word suggests the level", () => {
    const result = edited([
      ["ladder.yaml", "  - { ic: ic2, manager: m1 }", "  - { ic: ic-two, manager: m1 }"],
    ]);
    expect(errorLines(result)).toEqual([
      `${VALID}/ladder.yaml:33:11 equivalence[0].ic: unknown level "ic-two" in track "ic" (did you mean "ic2"?)`,
    ]);
  });
});

describe("an include path that is not one", () => {
  let frameworks: string;
  beforeEach(() => {
    frameworks = mkdtempSync(join(tmpdir(), "rungs-root-causes-"));
    cpSync("docs/examples/structures-ladder", join(frameworks, "structures-ladder"), {
      recursive: true,
    });
    cpSync("docs/examples/shared", join(frameworks, "shared"), { recursive: true });
  });
  afterEach(() => rmSync(frameworks, { recursive: true, force: true }));

  const load = () =>
    loadLadderFromDirectory(join(frameworks, "structures-ladder"), { relativeTo: frameworks });
  const write = (from: string, to: string) => {
    const file = join(frameworks, "structures-ladder", "ladder.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace(from, to));
  };

  it("with `..` is the one message, suggesting the path from the frameworks folder when that exists; nothing it would have given is called unknown", () => {
    write("  - shared/generic.yaml", "  - ../shared/generic.yaml");
    const result = load();
    expect(result.ok ? [] : result.errors.map(formatLadderError)).toEqual([
      `structures-ladder/ladder.yaml:9:5 include[0]: "../shared/generic.yaml" is not an include path; name a folder or .yaml file relative to the frameworks folder, such as "shared/generic" (no leading "/", no "..") (did you mean "shared/generic.yaml"?)`,
    ]);
  });

  it("that names nothing suggests a near one", () => {
    write("  - shared/generic.yaml", "  - shared/generc.yaml");
    const result = load();
    expect(result.ok ? [] : result.errors.map(formatLadderError)).toEqual([
      `structures-ladder/ladder.yaml:9:5 include[0]: include "shared/generc.yaml" not found: there is no folder or .yaml file "shared/generc.yaml" in the frameworks folder (did you mean "shared/generic.yaml"?)`,
    ]);
  });
});
