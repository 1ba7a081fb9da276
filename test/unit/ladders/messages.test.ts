import { describe, expect, it } from "vitest";
import { inEnglish } from "~/modules/ladders/check-messages";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { suggestLevel } from "~/modules/ladders/suggest-level";
import { errorLines, FIXTURES, fixtureWith, loadValid } from "./helpers";

const IC = `${FIXTURES}/valid/tracks/ic.yaml`;
const COMPETENCIES = `${FIXTURES}/valid/competencies.yaml`;

describe("an unknown level suggests the nearest level by track and number, not by spelling alone", () => {
  const backend = ["backend-1", "backend-2", "backend-3", "backend-4"].map((id, rank) => ({
    id,
    trackId: "backend",
    rank,
  }));
  const frontend = ["frontend-1", "frontend-2"].map((id, rank) => ({
    id,
    trackId: "frontend",
    rank,
  }));

  it.each([
    ["backend-9", { id: "backend-4", note: `, the highest level of track "backend"` }],
    ["backend-0", { id: "backend-1", note: `, the lowest level of track "backend"` }],
    ["frontend-7", { id: "frontend-2", note: `, the highest level of track "frontend"` }],
    ["backend-22", { id: "backend-2", note: "" }],
    ["backnd-3", { id: "backend-3", note: "" }],
  ])("%s", (word, expected) => {
    const suggestion = suggestLevel(word, [...backend, ...frontend]);
    expect(suggestion && { id: suggestion.id, note: inEnglish(suggestion.note) }).toEqual(expected);
  });

  it("in a ladder's errors", () => {
    const result = loadLadderFromSources(
      fixtureWith("competencies.yaml", "          levels: [ic3]\n", "          levels: [ic9]\n"),
    );
    expect(errorLines(result)).toEqual([
      `${COMPETENCIES}:16:20 competencies[0].interview.questions[1].levels[0]: unknown level "ic9" (did you mean "ic3", the highest level of track "ic"?)`,
    ]);
  });
});

describe("wrong indentation", () => {
  it("says it is indentation, on the line itself, and where the list began (the line of its key)", () => {
    const result = loadLadderFromSources(
      fixtureWith(
        "tracks/ic.yaml",
        "            - Shares progress without being asked.\n            - Works",
        "            - Shares progress without being asked.\n           - Works",
      ),
    );
    expect(errorLines(result)).toEqual([
      `${IC}:31:12 wrong indentation: line 31 does not line up with the list above it, which began on line 30 under "collaboration" (line 29); line up every "-" of a list at one column, and the keys of an item under the first key after its "- "`,
    ]);
  });

  it("an item's key out of line (YAML's 'Sequence item without - indicator' at column 1)", () => {
    const result = loadLadderFromSources(
      fixtureWith(
        "competencies.yaml",
        "competencies:\n  - id: code-quality\n    name: Code quality\n",
        "competencies:\n- id: code-quality\n name: Code quality\n",
      ),
    );
    expect(errorLines(result)).toEqual([
      `${COMPETENCIES}:3:2 wrong indentation: line 3 does not line up with the list above it, which began on line 2 under "competencies" (line 1); line up every "-" of a list at one column, and the keys of an item under the first key after its "- "`,
    ]);
  });
});

describe("branchesFrom naming an id that is both a track and a level", () => {
  const ladder = (branchesFrom: string) => [
    {
      file: "tiny/ladder.yaml",
      text: `ladder: { id: tiny, name: Tiny, version: "1", description: A tiny ladder. }
scale:
  - { value: 1, label: Low, meaning: Low. }
  - { value: 2, label: High, meaning: High. }
areas:
  - { id: craft, name: Craft, description: Building. }
competencies:
  - { id: code, name: Code, area: craft, description: Code. }
tracks:
  - id: ic
    name: IC
    description: Engineers.
    levels:
      - { id: ic1, title: Engineer, summary: Builds., expectations: { code: [Writes code.] } }
      - { id: lead, title: Lead engineer, summary: Leads., expectations: { code: [Leads the code.] } }
  - id: lead
    name: Lead
    description: Technical leads.
    levels:
      - { id: lead-1, title: Tech lead, summary: Leads a team., expectations: { code: [Sets the team's standards.] } }
  - id: manager
    name: Manager
    description: Managers.
    branchesFrom: ${branchesFrom}
    levels:
      - { id: m1, title: Manager, summary: Manages., expectations: { code: [Reviews the team's code.] } }
`,
    },
  ];

  it("is refused, asking which, with the way to say it", () => {
    expect(errorLines(loadLadderFromSources(ladder("lead")))).toEqual([
      `tiny/ladder.yaml:24:19 tracks[2].branchesFrom: "lead" is both a track and a level (of track "ic"); say which level: \`branchesFrom: { track: ic, level: lead }\` for that level, or a level of track "lead" (lead-1) the same way`,
    ]);
  });

  it("{ track, level } says which", () => {
    expect(loadValid(ladder("{ track: ic, level: lead }")).tracks[2]!.branchesFrom).toEqual({
      trackId: "ic",
      levelId: "lead",
    });
    expect(loadValid(ladder("{ track: lead, level: lead-1 }")).tracks[2]!.branchesFrom).toEqual({
      trackId: "lead",
      levelId: "lead-1",
    });
  });

  it("{ track, level } must name a level of that track, and a track id alone is not a level", () => {
    expect(errorLines(loadLadderFromSources(ladder("{ track: lead, level: lead }")))).toEqual([
      `tiny/ladder.yaml:24:41 tracks[2].branchesFrom.level: "lead" is not a level of track "lead" (its levels: lead-1)`,
    ]);
    expect(errorLines(loadLadderFromSources(ladder("{ track: leed, level: lead-1 }")))).toEqual([
      `tiny/ladder.yaml:24:28 tracks[2].branchesFrom.track: unknown track "leed" (did you mean "lead"?)`,
    ]);
    expect(errorLines(loadLadderFromSources(ladder("manager")))).toEqual([
      `tiny/ladder.yaml:24:19 tracks[2].branchesFrom: "manager" is a track, not a level; name the level of track "manager" after which this track splits off (its levels: m1)`,
    ]);
  });
});
