import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatLadderError, type Ladder } from "~/modules/ladders";
import {
  loadAllLadders,
  loadLadderFromDirectory,
} from "~/modules/ladders/load-from-directory.server";

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "rungs-includes-"));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(work, path)), { recursive: true });
    writeFileSync(join(work, path), text);
  }
}

const GENERIC = `shared:
  name: Generic
areas:
  - id: generic
    name: Generic
    description: What every engineer does.
competencies:
  - id: communication
    name: Communication
    area: generic
    description: Sharing what you know.
expectations:
  l1:
    communication:
      - Shares progress without being asked.
  l2:
    communication:
      - Writes updates others act on.
`;

/** A one-track ladder of two levels, with its own competency `delivery`, including what `include` lists. */
function ladderFiles(folder: string, include: string[] | null, extra = "") {
  return {
    [`${folder}/ladder.yaml`]: `ladder:
  id: ${folder}
  name: ${folder} ladder
  version: "1.0.0"
  description: A discipline.
${include === null ? "" : `include: [${include.join(", ")}]\n`}scale:
  - { value: 1, label: Not yet, meaning: Rarely. }
  - { value: 2, label: Consistent, meaning: Reliably. }
areas:
  - id: craft
    name: Craft
    description: Building software.
competencies:
  - id: delivery
    name: Delivery
    area: craft
    description: Shipping.
${extra}`,
    [`${folder}/tracks.yaml`]: `tracks:
  - id: eng
    name: Engineer
    description: Engineers.
    levels:
      - id: l1
        title: Engineer I
        summary: Starts out.
        expectations:
          delivery:
            - Ships small changes.
      - id: l2
        title: Engineer II
        summary: Owns features.
        expectations:
          delivery:
            - Ships features end to end.
          communication:
            - Runs the team's demo.
`,
  };
}

const lines = (result: ReturnType<typeof loadLadderFromDirectory>) =>
  result.ok ? [] : result.errors.map(formatLadderError);

function load(folder: string): Ladder {
  const result = loadLadderFromDirectory(join(work, folder), { relativeTo: work });
  if (!result.ok) throw new Error(lines(result).join("\n"));
  return result.ladder;
}

describe("shared topics (include)", () => {
  it("a ladder inherits a shared folder's areas, competencies and per-level expectations, marked with their source", () => {
    write({ "shared/generic/topics.yaml": GENERIC, ...ladderFiles("backend", ["shared/generic"]) });
    const ladder = load("backend");
    expect(ladder.includes).toEqual([{ path: "shared/generic", name: "Generic" }]);
    expect(ladder.areas.map((area) => [area.id, area.inheritedFrom ?? null])).toEqual([
      ["generic", "Generic"],
      ["craft", null],
    ]);
    expect(
      ladder.competencies.map((competency) => [competency.id, competency.inheritedFrom ?? null]),
    ).toEqual([
      ["communication", "Generic"],
      ["delivery", null],
    ]);
    const [l1, l2] = ladder.tracks[0]!.levels;
    expect(l1!.competencyIds).toEqual(["communication", "delivery"]);
    expect(l1!.expectations.communication).toEqual([
      { text: "Shares progress without being asked.", examples: [], inheritedFrom: "Generic" },
    ]);
    // A level's own expectations for an inherited competency follow the inherited ones.
    expect(
      l2!.expectations.communication!.map((expectation) => [
        expectation.text,
        expectation.inheritedFrom ?? null,
      ]),
    ).toEqual([
      ["Writes updates others act on.", "Generic"],
      ["Runs the team's demo.", null],
    ]);
    expect(l2!.expectations.delivery![0]!.inheritedFrom).toBeUndefined();
  });

  it("a shared folder in the frameworks folder is not a ladder of its own, and a single shared file can be included", () => {
    write({
      "shared/generic.yaml": GENERIC,
      ...ladderFiles("backend", ["shared/generic.yaml"]),
      ...ladderFiles("web", ["shared/generic.yaml"]),
    });
    mkdirSync(join(work, "topics"));
    writeFileSync(join(work, "topics/generic.yaml"), GENERIC);
    const loaded = loadAllLadders(work, { relativeTo: work });
    expect(loaded.map((entry) => [entry.folder, entry.result.ok])).toEqual([
      ["backend", true],
      ["web", true],
    ]);
  });

  it("an include that does not exist is reported at its entry", () => {
    write(ladderFiles("backend", ["shared/generc"]));
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/ladder.yaml:6:11 include[0]: include "shared/generc" not found: there is no folder or .yaml file "shared/generc" in the frameworks folder`,
    ]);
  });

  it("a path that climbs out of the frameworks folder is refused by its shape", () => {
    write(ladderFiles("backend", ["../secrets"]));
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))[0]).toMatch(
      /^backend\/ladder\.yaml:6:11 include\[0\]: "\.\.\/secrets" is not an include path/,
    );
  });

  it("a circle of includes is reported where it closes, and so is a ladder including itself", () => {
    write({
      "shared/a/a.yaml": `shared: { name: A }\ninclude: [shared/b]\n`,
      "shared/b/b.yaml": `shared: { name: B }\ninclude:\n  - shared/a\n`,
      ...ladderFiles("backend", ["shared/a"]),
      ...ladderFiles("web", ["web"]),
    });
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toContain(
      `shared/b/b.yaml:3:5 include[0]: include "shared/a" goes round in a circle (shared/a → shared/b → shared/a); a ladder or shared folder may not include itself, directly or through others`,
    );
    expect(lines(loadLadderFromDirectory(join(work, "web"), { relativeTo: work }))).toContain(
      `web/ladder.yaml:6:11 include[0]: include "web" goes round in a circle (web → web); a ladder or shared folder may not include itself, directly or through others`,
    );
  });

  it("a ladder's own competency with an included competency's id is a clash, reported at the ladder's own", () => {
    write({
      "shared/generic/topics.yaml": GENERIC,
      ...ladderFiles(
        "backend",
        ["shared/generic"],
        `  - id: communication\n    name: Talking\n    area: craft\n    description: Talking.\n`,
      ),
    });
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/ladder.yaml:19:9 competencies[1].id: competency id "communication" clashes with the one inherited at shared/generic/topics.yaml:8:9 from "Generic" (include "shared/generic"); an included competency cannot be redefined: rename one`,
    ]);
  });

  it("shared expectations must name the ladder's levels, and a level still needs expectations for an inherited competency", () => {
    write({
      "shared/generic/topics.yaml": GENERIC.replace("  l1:\n", "  l9:\n"),
      ...ladderFiles("backend", ["shared/generic"]),
    });
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/tracks.yaml:10:11 tracks[0].levels[0].expectations: missing expectations for competency "communication", which track "eng" uses`,
      `shared/generic/topics.yaml:13:3 expectations: level "l9" is not a level of the ladder in backend, which includes this file (did you mean "l1"?)`,
    ]);
  });

  it("a shared file holds topics only, and a ladder holds no shared sections", () => {
    write({
      "shared/generic/topics.yaml": `${GENERIC}scale:\n  - { value: 1, label: One, meaning: One. }\n`,
      ...ladderFiles(
        "backend",
        ["shared/generic"],
        `expectations:\n  l1:\n    delivery:\n      - Ships.\n`,
      ),
    });
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/ladder.yaml:19:1 top-level "expectations" belong in a shared file; a ladder's levels hold their own expectations`,
      `shared/generic/topics.yaml:19:1 "scale" does not belong in a shared file; a shared source holds only shared, include, areas, competencies, expectations`,
    ]);
  });

  it("a folder that is neither shared nor a ladder cannot be included", () => {
    write({ "notes/readme.yaml": `areas: []\n`, ...ladderFiles("backend", ["notes"]) });
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toContain(
      `backend/ladder.yaml:6:11 include[0]: "notes" is neither a shared source nor a ladder; a shared file starts with "shared:" and a name, such as "shared: { name: Generic }"`,
    );
  });

  it("another ladder can be included: its competencies, with what its levels expect of them, marked with its name", () => {
    write({
      ...ladderFiles("platform", null),
      "backend/ladder.yaml": `ladder: { id: backend, name: Backend, version: "1.0.0", description: A discipline. }
include: [platform]
scale:
  - { value: 1, label: Not yet, meaning: Rarely. }
  - { value: 2, label: Consistent, meaning: Reliably. }
tracks:
  - id: eng
    name: Engineer
    description: Engineers.
    levels:
      - { id: l1, title: Engineer I, summary: Starts out., expectations: {} }
      - { id: l2, title: Engineer II, summary: Owns features., expectations: {} }
`,
    });
    const ladder = load("backend");
    expect(
      ladder.competencies.map((competency) => [competency.id, competency.inheritedFrom ?? null]),
    ).toEqual([["delivery", "platform ladder"]]);
    expect(ladder.tracks[0]!.levels[1]!.expectations.delivery).toEqual([
      { text: "Ships features end to end.", examples: [], inheritedFrom: "platform ladder" },
    ]);
  });

  it("a change in an included file is a change of every ladder that includes it (a new content hash, so a new version)", () => {
    write({
      "shared/generic/topics.yaml": GENERIC,
      ...ladderFiles("backend", ["shared/generic"]),
      ...ladderFiles("web", ["shared/generic"]),
    });
    const hashes = () =>
      loadAllLadders(work, { relativeTo: work }).map((entry) =>
        entry.result.ok ? entry.result.hash : "failed",
      );
    const before = hashes();
    expect(before).not.toContain("failed");
    writeFileSync(
      join(work, "shared/generic/topics.yaml"),
      GENERIC.replace("Writes updates others act on.", "Writes updates that others act on."),
    );
    const after = hashes();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });
});

describe("sub-levels", () => {
  /** The one-track ladder with these sub-levels on its second level. */
  const withSublevels = (sublevels: string) =>
    Object.fromEntries(
      Object.entries(ladderFiles("backend", null)).map(([path, text]) => [
        path,
        text
          .replace(
            "        summary: Owns features.\n",
            `        summary: Owns features.\n        sublevels:\n${sublevels}`,
          )
          .replace("          communication:\n            - Runs the team's demo.\n", ""),
      ]),
    );

  it("a level lists its sub-levels in order, with an optional summary", () => {
    write(
      withSublevels(
        `          - { id: 1-1, title: "1.1", summary: New to the level. }\n          - { id: 1-2, title: "1.2" }\n`,
      ),
    );
    expect(load("backend").tracks[0]!.levels[1]!.sublevels).toEqual([
      { id: "1-1", title: "1.1", summary: "New to the level." },
      { id: "1-2", title: "1.2" },
    ]);
    expect(load("backend").tracks[0]!.levels[0]!.sublevels).toEqual([]);
  });

  it("sub-level ids are unique within their level and written like ids", () => {
    write(
      withSublevels(
        `          - { id: a, title: A }\n          - { id: a, title: B }\n          - { id: "C", title: C }\n`,
      ),
    );
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/tracks.yaml:17:19 tracks[0].levels[1].sublevels[1].id: sub-level id "a" is already used by sublevels[0]; ids are unique within a level`,
      `backend/tracks.yaml:18:19 tracks[0].levels[1].sublevels[2].id: "C" is not a valid sub-level id; use lowercase letters and digits, words joined by single dashes (e.g. "a" or "1-1")`,
    ]);
  });
});

describe("points", () => {
  const POINTS = `points:
  perRating: { 1: 0, 2: 2 }
  bands:
    - { label: "1.1", from: 0 }
    - { label: "1.2", from: 3 }
  titles:
    eng:
      - { title: Engineer, from: 0, upTo: 3 }
      - { title: Senior Engineer, from: 4 }
`;

  /** The one-track ladder without inherited topics, and these points. */
  const withPoints = (points: string) => ({
    ...Object.fromEntries(
      Object.entries(ladderFiles("backend", null)).map(([path, text]) => [
        path,
        text.replace("          communication:\n            - Runs the team's demo.\n", ""),
      ]),
    ),
    "backend/points.yaml": points,
  });

  it("a ladder's points become its scheme: points per scale value in scale order, bands, and titles per track", () => {
    write(withPoints(POINTS));
    expect(load("backend").points).toEqual({
      perRating: [
        { value: 1, points: 0 },
        { value: 2, points: 2 },
      ],
      bands: [
        { label: "1.1", from: 0 },
        { label: "1.2", from: 3 },
      ],
      titles: [
        {
          trackId: "eng",
          trackName: "Engineer",
          ranges: [
            { title: "Engineer", from: 0, upTo: 3 },
            { title: "Senior Engineer", from: 4, upTo: null },
          ],
        },
      ],
    });
  });

  it("every scale value is priced once, bands climb, titles name the ladder's tracks and end after they start", () => {
    write(
      withPoints(
        POINTS.replace("{ 1: 0, 2: 2 }", "{ 1: 0, 5: 2 }")
          .replace("from: 3 }", "from: 0 }")
          .replace("    eng:\n", "    egn:\n")
          .replace("from: 0, upTo: 3 }", "from: 2, upTo: 1 }"),
      ),
    );
    expect(lines(loadLadderFromDirectory(join(work, "backend"), { relativeTo: work }))).toEqual([
      `backend/points.yaml:2:14 points.perRating: missing points for scale value 2 ("Consistent")`,
      `backend/points.yaml:2:22 points.perRating: 5 is not a scale value (the scale has 1, 2)`,
      `backend/points.yaml:5:29 points.bands[1].from: bands must climb: band "1.2" starts at 0, not above band "1.1" (0)`,
      `backend/points.yaml:7:5 points.titles: unknown track "egn" (did you mean "eng"?)`,
      `backend/points.yaml:8:43 points.titles.egn[0].upTo: title "Engineer" ends at 1, before it starts (2)`,
    ]);
  });
});
