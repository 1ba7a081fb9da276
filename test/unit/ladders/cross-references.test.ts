import { describe, expect, it } from "vitest";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import type { LadderSource } from "~/modules/ladders/source-text";
import { errorLines, FIXTURES, fixtureWith, readSources } from "./helpers";

const V = `${FIXTURES}/valid`;
const LADDER = `${V}/ladder.yaml`;
const COMPETENCIES = `${V}/competencies.yaml`;
const IC = `${V}/tracks/ic.yaml`;
const MANAGER = `${V}/tracks/manager.yaml`;

const check = (sources: LadderSource[]) => errorLines(loadLadderFromSources(sources));

describe("cross-reference checks", () => {
  it("the fixture ladder is valid to start with", () => {
    expect(check(readSources(V))).toEqual([]);
  });

  describe("duplicate ids", () => {
    it("areas", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "    description: Working with people.\n",
        "    description: Working with people.\n  - id: people\n    name: People again\n    description: Twice.\n",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:31:9 areas[2].id: duplicate area id "people" (already used at ${LADDER}:28:9)`,
      ]);
    });

    it("competencies, across files", () => {
      const sources = fixtureWith(
        "tracks/manager.yaml",
        "tracks:\n",
        "competencies:\n  - { id: coaching, name: Coaching, area: people, description: Again. }\ntracks:\n",
      );
      expect(check(sources)).toEqual([
        `${MANAGER}:2:11 competencies[0].id: duplicate competency id "coaching" (already used at ${COMPETENCIES}:42:9)`,
      ]);
    });

    it("tracks", () => {
      const extra = {
        file: `${V}/tracks/second-ic.yaml`,
        text: [
          "tracks:",
          "  - id: ic",
          "    name: Another IC track",
          "    description: Twice.",
          "    levels:",
          "      - id: ic9",
          "        title: Engineer IX",
          "        summary: Far.",
          "        expectations: { code-quality: [a], testing: [b], collaboration: [c] }",
          "",
        ].join("\n"),
      };
      expect(check([...readSources(V), extra])).toEqual([
        `${V}/tracks/second-ic.yaml:2:9 tracks[0].id: duplicate track id "ic" (already used at ${IC}:2:9)`,
      ]);
    });

    it("levels, which must be unique across the whole ladder", () => {
      const sources = fixtureWith("tracks/manager.yaml", "      - id: m2\n", "      - id: ic2\n");
      expect(check(sources)).toEqual([
        `${LADDER}:34:25 equivalence[1].manager: unknown level "m2" in track "manager" (did you mean "m1"?)`,
        `${MANAGER}:14:13 tracks[0].levels[1].id: duplicate level id "ic2" (already used at ${IC}:20:13); level ids must be unique across the whole ladder`,
      ]);
    });
  });

  describe("unknown references, with a suggestion when one is close", () => {
    it("a competency's area", () => {
      const sources = fixtureWith(
        "competencies.yaml",
        "area: craft\n    description: Readable",
        "area: crafts\n    description: Readable",
      );
      expect(check(sources)).toEqual([
        `${COMPETENCIES}:4:11 competencies[0].area: unknown area "crafts" (did you mean "craft"?)`,
      ]);
    });

    it("a competency's tracks, and a track listed twice", () => {
      const sources = fixtureWith(
        "competencies.yaml",
        "tracks: [ic]\n    interview",
        "tracks: [ic, managr, ic]\n    interview",
      );
      expect(check(sources)).toEqual([
        `${COMPETENCIES}:6:18 competencies[0].tracks[1]: unknown track "managr" (did you mean "manager"?)`,
        `${COMPETENCIES}:6:26 competencies[0].tracks[2]: track "ic" is listed twice`,
      ]);
    });

    it("a level's competency, reported once rather than also as missing", () => {
      const sources = fixtureWith(
        "tracks/ic.yaml",
        "          testing:\n            - Adds tests",
        "          testng:\n            - Adds tests",
      );
      expect(check(sources)).toEqual([
        `${IC}:15:11 tracks[0].levels[0].expectations: unknown competency "testng" (did you mean "testing"?)`,
      ]);
    });

    it("an interview question's levels", () => {
      const sources = fixtureWith(
        "competencies.yaml",
        "levels: [ic3]",
        "levels: [ic3, tech-lead-2]",
      );
      expect(check(sources)).toEqual([
        `${COMPETENCIES}:16:25 competencies[0].interview.questions[1].levels[1]: unknown level "tech-lead-2"`,
      ]);
    });
  });

  describe("expectations", () => {
    it("a level must cover every competency its track uses", () => {
      const sources = fixtureWith(
        "tracks/manager.yaml",
        "          coaching:\n            - Holds regular one-to-ones with each person.\n",
        "",
      );
      expect(check(sources)).toEqual([
        `${MANAGER}:10:11 tracks[0].levels[0].expectations: missing expectations for competency "coaching", which track "manager" uses`,
      ]);
    });

    it("a level may not cover a competency its track does not use", () => {
      const sources = fixtureWith(
        "tracks/manager.yaml",
        "          coaching:\n            - Holds",
        "          testing: [Tests.]\n          coaching:\n            - Holds",
      );
      expect(check(sources)).toEqual([
        `${MANAGER}:12:11 tracks[0].levels[0].expectations: track "manager" does not use competency "testing" (its tracks: ic); remove these expectations or add "manager" to the competency's tracks`,
      ]);
    });
  });

  describe("equivalence", () => {
    it("unknown track", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "{ ic: ic2, manager: m1 }",
        "{ ic: ic2, managers: m1 }",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:33:16 equivalence[0]: unknown track "managers" (did you mean "manager"?)`,
      ]);
    });

    it("unknown level", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "{ ic: ic2, manager: m1 }",
        "{ ic: ic2, manager: m0 }",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:33:25 equivalence[0].manager: unknown level "m0" in track "manager" (did you mean "m1", the lowest level of track "manager"?)`,
      ]);
    });

    it("a level of another track", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "{ ic: ic2, manager: m1 }",
        "{ ic: m1, manager: m1 }",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:33:11 equivalence[0].ic: level "m1" belongs to track "manager", not "ic"`,
      ]);
    });

    it("a level in two rows", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "  - { ic: ic3, manager: m2 }\n",
        "  - { ic: ic3, manager: m2 }\n  - { ic: ic3 }\n",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:35:11 equivalence[2].ic: level "ic3" is already in equivalence[1]; a level belongs to at most one row`,
      ]);
    });

    it("rows that do not ascend in seniority", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "  - { ic: ic2, manager: m1 }\n  - { ic: ic3, manager: m2 }\n",
        "  - { ic: ic2, manager: m2 }\n  - { ic: ic3, manager: m1 }\n",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:34:25 equivalence[1].manager: rows out of order: "m1" is not more senior than "m2" in equivalence[0]; rows must ascend in seniority`,
      ]);
    });

    it("is optional", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "equivalence:\n  - { ic: ic2, manager: m1 }\n  - { ic: ic3, manager: m2 }\n",
        "",
      );
      expect(check(sources)).toEqual([]);
    });
  });

  describe("scale and anchors", () => {
    it("scale values must not repeat", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "{ value: 3, label: Consistent",
        "{ value: 2, label: Consistent",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:21:14 scale[2].value: scale value 2 appears twice (also at scale[1])`,
      ]);
    });

    it("scale values must ascend", () => {
      const sources = fixtureWith(
        "ladder.yaml",
        "{ value: 4, label: Beyond",
        "{ value: 0, label: Beyond",
      );
      expect(check(sources)).toEqual([
        `${LADDER}:22:14 scale[3].value: scale values must be strictly ascending: 0 comes after 3`,
      ]);
    });

    it("anchors need exactly one entry per scale value", () => {
      const missing = fixtureWith(
        "competencies.yaml",
        "        4: Changed how a wider group writes code.\n",
        "",
      );
      expect(check(missing)).toEqual([
        `${COMPETENCIES}:18:9 competencies[0].interview.anchors: missing anchor for scale value 4 ("Beyond")`,
      ]);
      const extra = fixtureWith(
        "competencies.yaml",
        "        4: Changed how a wider group writes code.\n",
        "        4: Changed how a wider group writes code.\n        5: Too far.\n",
      );
      expect(check(extra)).toEqual([
        `${COMPETENCIES}:22:9 competencies[0].interview.anchors: anchor 5 is not a scale value (the scale has 1, 2, 3, 4)`,
      ]);
    });
  });

  describe("calibration scales", () => {
    const withScales = (points: string, extra = "") =>
      fixtureWith(
        "ladder.yaml",
        "equivalence:\n",
        `calibrationScales:\n  - id: five\n    name: Five points\n    points:\n${points}${extra}equivalence:\n`,
      );
    const point = (value: number) =>
      `      - { value: ${value}, label: P${value}, meaning: Point ${value}. }\n`;

    it("load with the ladder, points in order", () => {
      const result = loadLadderFromSources(withScales([1, 2, 3, 4, 5].map(point).join("")));
      if (!result.ok) throw new Error(errorLines(result).join("\n"));
      expect(result.ladder.calibrationScales).toEqual([
        {
          id: "five",
          name: "Five points",
          description: "",
          points: [1, 2, 3, 4, 5].map((value) => ({
            value,
            label: `P${value}`,
            meaning: `Point ${value}.`,
          })),
        },
      ]);
    });

    it("have at most six points, ascending, under distinct ids", () => {
      expect(check(withScales([1, 2, 3, 4, 5, 6, 7].map(point).join("")))).toEqual([
        `${LADDER}:36:7 calibrationScales[0].points: a calibration scale has at most six points, so that a rating stays a judgement people can agree on`,
      ]);
      expect(check(withScales([1, 3, 2].map(point).join("")))).toEqual([
        `${LADDER}:38:18 calibrationScales[0].points[2].value: calibration scale values must be strictly ascending: 2 comes after 3`,
      ]);
      expect(
        check(
          withScales(
            [1, 2].map(point).join(""),
            `  - id: five\n    name: Again\n    points:\n${[1, 2].map(point).join("")}`,
          ),
        ),
      ).toEqual([
        `${LADDER}:38:9 calibrationScales[1].id: calibration scale id "five" appears twice (also at calibrationScales[0])`,
      ]);
    });
  });

  describe("sections defined by exactly one file", () => {
    it("a singular section in two files", () => {
      const sources = fixtureWith(
        "tracks/manager.yaml",
        "tracks:\n",
        "scale:\n  - { value: 1, label: One, meaning: One. }\ntracks:\n",
      );
      expect(check(sources)).toEqual([
        `${MANAGER}:1:1 "scale" is already defined at ${LADDER}:18:1; define it in exactly one file`,
      ]);
    });

    it("ladder and scale are required", () => {
      const noLadder = fixtureWith(
        "ladder.yaml",
        'ladder:\n  id: fixture\n  name: Fixture ladder\n  version: "2.0.0"\n  description: Small, but uses every part of the format.\n',
        "",
      );
      expect(check(noLadder)).toEqual([
        `${V}: no file defines "ladder"; add a "ladder" mapping with id, name, version and description`,
      ]);
      const noScale = fixtureWith(
        "ladder.yaml",
        "scale:\n  - { value: 1, label: Not yet, meaning: Rarely shows these behaviours. }\n  - { value: 2, label: Developing, meaning: Shows them with support. }\n  - { value: 3, label: Consistent, meaning: Shows them reliably. }\n  - { value: 4, label: Beyond, meaning: Shows much of the next level. }\n",
        "",
      );
      expect(check(noScale)).toEqual([
        `${V}: no file defines "scale"; add a "scale" list of {value, label, meaning} points`,
      ]);
    });

    it("the changelog must be newest first", () => {
      const sources = fixtureWith("ladder.yaml", 'date: "2025-01-01"', 'date: "2025-09-01"');
      expect(check(sources)).toEqual([
        `${LADDER}:14:11 changelog[1].date: the changelog must be newest first: 2025-09-01 is newer than the entry above it (2025-06-01)`,
      ]);
    });
  });

  describe("reporting", () => {
    it("reports YAML, schema and cross-reference errors from every file at once, sorted by file and line", () => {
      const sources = readSources(V).map((source) => {
        const text = source.text as string;
        if (source.file === MANAGER)
          return {
            ...source,
            text: text.replace("    name: Engineering manager", "\tname: Engineering manager"),
          };
        if (source.file === LADDER)
          return { ...source, text: text.replace('version: "2.0.0"', "version: 2") };
        if (source.file === COMPETENCIES)
          return {
            ...source,
            text: text.replace("        4: Changed how a wider group writes code.\n", ""),
          };
        if (source.file === IC)
          return {
            ...source,
            text: text.replace("            - Chooses the right layer for each test.\n", ""),
          };
        return source;
      });
      expect(check(sources)).toEqual([
        `${COMPETENCIES}:18:9 competencies[0].interview.anchors: missing anchor for scale value 4 ("Beyond")`,
        `${LADDER}:5:12 ladder.version: expected text, found a number (2); put it in quotes to keep it as text`,
        `${IC}:27:19 tracks[0].levels[1].expectations.testing: expected a list, found an empty value`,
        `${MANAGER}:3:1 YAML syntax error: Tabs are not allowed as indentation (fix this first: the rest of the file could not be read reliably)`,
      ]);
    });

    it("does not call references unknown when the file that may define them could not be read", () => {
      const sources = fixtureWith("tracks/manager.yaml", "    levels:\n", "    levels: [\n");
      const lines = check(sources);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^${MANAGER}:\\d+:\\d+ YAML syntax error: `));
    });

    it("still checks references to items the schema rejected, without calling them unknown", () => {
      const sources = fixtureWith(
        "tracks/manager.yaml",
        "        title: Engineering Manager\n",
        "",
      );
      expect(check(sources)).toEqual([
        `${MANAGER}:6:9 tracks[0].levels[0]: missing required key "title"`,
      ]);
    });
  });
});
