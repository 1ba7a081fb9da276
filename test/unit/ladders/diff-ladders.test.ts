import { describe, expect, it } from "vitest";
import { diffLadders } from "~/modules/ladders";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import {
  errorLines,
  FIXTURES,
  fixtureLadder,
  fixtureWith,
  loadValid,
  readSources,
} from "./helpers";

function edited(edits: Array<[file: string, from: string, to: string]>) {
  const sources = readSources(`${FIXTURES}/valid`);
  for (const [file, from, to] of edits) {
    const source = sources.find((candidate) => candidate.file.endsWith(`/valid/${file}`))!;
    if (!(source.text as string).includes(from)) throw new Error(`"${from}" not in ${file}`);
    source.text = (source.text as string).replaceAll(from, to);
  }
  return loadValid(sources);
}

describe("diffLadders", () => {
  const before = fixtureLadder();

  it("finds nothing between a ladder and itself", () => {
    expect(diffLadders(before, fixtureLadder())).toEqual({
      competencies: { added: [], removed: [], renamed: [] },
      levels: { added: [], removed: [], retitled: [] },
      expectations: { added: [], removed: [], reworded: [] },
      targets: [],
      scale: { added: [], removed: [], changed: [] },
    });
  });

  it("pairs reworded expectations by similarity and position, and keeps the rest as added or removed", () => {
    const after = edited([
      [
        "tracks/ic.yaml",
        "Asks for help early.",
        "Asks for help early, before a deadline is at risk.",
      ],
      [
        "tracks/ic.yaml",
        "            - Shares progress without being asked.\n            - Works",
        "            - Shares progress without being asked.\n            - Writes a short weekly update.\n            - Works",
      ],
      [
        "tracks/manager.yaml",
        "            - Coaches the managers who report to them.\n",
        "            - Grows new managers.\n",
      ],
    ]);
    const diff = diffLadders(before, after);
    expect(diff.expectations.reworded).toEqual([
      {
        levelId: "ic1",
        competencyId: "collaboration",
        from: "Asks for help early.",
        to: "Asks for help early, before a deadline is at risk.",
        similarity: expect.any(Number),
      },
    ]);
    expect(diff.expectations.added).toEqual([
      { levelId: "ic2", competencyId: "collaboration", text: "Writes a short weekly update." },
      { levelId: "m2", competencyId: "coaching", text: "Grows new managers." },
    ]);
    expect(diff.expectations.removed).toEqual([
      { levelId: "m2", competencyId: "coaching", text: "Coaches the managers who report to them." },
    ]);
  });

  it("reports competencies added, removed and renamed (by name, or by id with the same name)", () => {
    const after = edited([
      ["competencies.yaml", "name: Testing", "name: Testing and verification"],
      ["competencies.yaml", "id: coaching", "id: coaching-and-mentoring"],
      ["tracks/manager.yaml", "coaching:", "coaching-and-mentoring:"],
      [
        "competencies.yaml",
        "  - id: collaboration\n",
        "  - id: writing\n    name: Writing\n    area: people\n    description: Clear docs.\n    tracks: [manager]\n\n  - id: collaboration\n",
      ],
      [
        "tracks/manager.yaml",
        "          collaboration:\n",
        "          writing: [Writes clear plans.]\n          collaboration:\n",
      ],
    ]);
    const diff = diffLadders(before, after);
    expect(diff.competencies).toEqual({
      added: [{ id: "writing", name: "Writing" }],
      removed: [],
      renamed: [
        {
          from: { id: "testing", name: "Testing" },
          to: { id: "testing", name: "Testing and verification" },
        },
        {
          from: { id: "coaching", name: "Coaching" },
          to: { id: "coaching-and-mentoring", name: "Coaching" },
        },
      ],
    });
    // Following the renamed id, the coaching expectations are unchanged.
    expect(diff.expectations.removed).toEqual([]);
    expect(diff.expectations.added).toEqual([
      { levelId: "m1", competencyId: "writing", text: "Writes clear plans." },
      { levelId: "m2", competencyId: "writing", text: "Writes clear plans." },
    ]);
  });

  it("reports levels added and removed", () => {
    const after = edited([
      ["tracks/manager.yaml", "      - id: m2\n", "      - id: m3\n"],
      ["ladder.yaml", "manager: m2", "manager: m3"],
    ]);
    expect(diffLadders(before, after).levels).toEqual({
      added: [{ id: "m3", title: "Senior Engineering Manager", trackId: "manager" }],
      removed: [{ id: "m2", title: "Senior Engineering Manager", trackId: "manager" }],
      retitled: [],
    });
  });

  it("reports levels retitled and points of the rating scale relabelled", () => {
    const after = edited([
      ["tracks/manager.yaml", "title: Senior Engineering Manager", "title: Engineering Manager II"],
    ]);
    expect(diffLadders(before, after).levels.retitled).toEqual([
      {
        id: "m2",
        trackId: "manager",
        from: "Senior Engineering Manager",
        to: "Engineering Manager II",
      },
    ]);
    const point = before.scale[0]!;
    const relabelled = {
      ...before,
      scale: [{ ...point, label: "Not there yet" }, ...before.scale.slice(1)],
    };
    expect(diffLadders(before, relabelled).scale).toEqual({
      added: [],
      removed: [],
      changed: [{ value: point.value, from: point, to: { ...point, label: "Not there yet" } }],
    });
  });

  it("reports a level's default target once, and a competency's own target where it moved otherwise", () => {
    const level = before.tracks[0]!.levels[0]!;
    const [first, second] = level.competencyIds;
    const raised = {
      ...before,
      tracks: before.tracks.map((track, index) =>
        index === 0
          ? {
              ...track,
              levels: track.levels.map((candidate) =>
                candidate.id === level.id
                  ? {
                      ...candidate,
                      target: level.target + 1,
                      targets: {
                        ...candidate.targets,
                        [first!]: level.target + 1,
                        [second!]: level.targets[second!]!,
                      },
                    }
                  : candidate,
              ),
            }
          : track,
      ),
    };
    expect(diffLadders(before, raised).targets).toEqual([
      { levelId: level.id, competencyId: null, from: level.target, to: level.target + 1 },
    ]);
    expect(level.targets[second!]).toBe(level.target);
  });
});

describe("statement ids", () => {
  it("an expectation keeping its id through a rewrite is a rewording, however different the words", () => {
    const withId = (text: string) =>
      loadValid(
        fixtureWith(
          "tracks/ic.yaml",
          "            - Asks for help early.\n",
          `            - id: asks-early\n              text: ${text}\n`,
        ),
      );
    const diff = diffLadders(
      withId("Asks for help early."),
      withId("Raises blockers the same day instead of waiting."),
    );
    expect(diff.expectations.reworded).toEqual([
      expect.objectContaining({
        levelId: "ic1",
        competencyId: "collaboration",
        from: "Asks for help early.",
        to: "Raises blockers the same day instead of waiting.",
      }),
    ]);
    expect(diff.expectations.added).toEqual([]);
    expect(diff.expectations.removed).toEqual([]);
  });

  it("without ids the same rewrite is a removal and an addition", () => {
    const plain = (text: string) =>
      loadValid(
        fixtureWith(
          "tracks/ic.yaml",
          "            - Asks for help early.\n",
          `            - ${text}\n`,
        ),
      );
    const diff = diffLadders(
      plain("Asks for help early."),
      plain("Raises blockers the same day instead of waiting."),
    );
    expect(diff.expectations.reworded).toEqual([]);
    expect(diff.expectations.added.map((added) => added.text)).toEqual([
      "Raises blockers the same day instead of waiting.",
    ]);
  });

  it("an id used twice in one list is an error", () => {
    const sources = fixtureWith(
      "tracks/ic.yaml",
      "            - Asks for help early.\n            - Shares progress without being asked.\n",
      "            - { id: x, text: Asks for help early. }\n            - { id: x, text: Shares progress without being asked. }\n",
    );
    expect(errorLines(loadLadderFromSources(sources))).toEqual([
      expect.stringMatching(
        /tracks\[0\]\.levels\[0\]\.expectations\.collaboration\[1\]\.id: statement id "x" is already used by collaboration\[0\]; ids name one statement$/,
      ),
    ]);
  });
});
