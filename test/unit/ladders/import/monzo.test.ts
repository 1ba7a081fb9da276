import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { importMonzo } from "~/modules/ladders/import/monzo";
import {
  IMPORT_FIXTURES,
  loadImported,
  readSourceFiles,
  reportLines,
  statementsOf,
} from "./helpers";

const ROOT = `${IMPORT_FIXTURES}/monzo/frameworks`;
const genericSource = readSourceFiles(ROOT, /^generic\.md$/);
const sources = [...readSourceFiles(`${ROOT}/engineering`, /\.md$/), ...genericSource];
const imported = importMonzo(sources);
const ladder = loadImported(imported);
const statements = statementsOf(ladder);

interface MonzoTopic {
  name: string;
  content: {
    level: number;
    criteria?: string[];
    exampleCriteria?: { criteria: string; examples: string[] }[];
  }[];
}
function frontMatter(file: string): { levels: number; topics: MonzoTopic[] } {
  const text = sources.find((source) => source.path === `${ROOT}/${file}`)!.text;
  return parse(text.split(/^---$/m)[1]!) as { levels: number; topics: MonzoTopic[] };
}

describe("importing Monzo's progression framework", () => {
  it("makes a track per framework file, its levels in order, with ids the ladder format accepts", () => {
    expect(imported.ladderId).toBe("monzo-engineering");
    expect(
      ladder.tracks.map((track) => [track.id, track.name, track.levels.map((level) => level.id)]),
    ).toEqual([
      ["backend", "🛠️ Backend", ["backend-1", "backend-2", "backend-3", "backend-4"]],
      ["web", "🌐 Web", ["web-1", "web-2", "web-3"]],
    ]);
    expect(ladder.equivalence.map((band) => band.levelIdByTrack)).toEqual([
      { backend: "backend-1", web: "web-1" },
      { backend: "backend-2", web: "web-2" },
      { backend: "backend-3", web: "web-3" },
      { backend: "backend-4" },
    ]);
  });

  it("keeps every criterion of each framework on its track and level, or names it in the report", () => {
    const report = reportLines(imported).join("\n");
    for (const [file, track] of [
      ["engineering/backend.md", "backend"],
      ["engineering/web.md", "web"],
    ] as const) {
      for (const topic of frontMatter(file).topics) {
        for (const entry of topic.content) {
          const texts = [
            ...(entry.criteria ?? []),
            ...(entry.exampleCriteria ?? []).map((example) => example.criteria),
          ];
          for (const text of texts) {
            const placed = statements.some(
              (statement) =>
                statement.track === track &&
                statement.level === `${track}-${entry.level}` &&
                statement.expectation.text === text,
            );
            expect(
              placed || report.includes(text),
              `${file} ${topic.name} level ${entry.level}: ${text}`,
            ).toBe(true);
          }
        }
      }
    }
  });

  it("keeps a criterion's examples with it", () => {
    const rpc = statements.find(
      (statement) => statement.expectation.text === "Implements simple RPC handlers",
    );
    expect(rpc).toMatchObject({ track: "backend", level: "backend-2", competency: "mastery" });
    expect(rpc!.expectation.examples).toEqual([
      "Basic CRUD handlers",
      "Internal/external API proxies",
    ]);
  });

  it("writes the generic topics the frameworks name as a shared folder beside the ladder, which the ladder includes", () => {
    expect(
      imported.shared?.map((shared) => [shared.folder, shared.files.map((file) => file.path)]),
    ).toEqual([["monzo-engineering-generic", ["topics.yaml"]]]);
    expect(ladder.includes).toEqual([
      { path: "monzo-engineering-generic", name: "Generic Framework" },
    ]);
    expect(
      ladder.competencies
        .filter((competency) => competency.inheritedFrom === "Generic Framework")
        .map((competency) => competency.id),
    ).toEqual(["communication", "impact"]);
  });

  it("gives each framework that names a generic topic its generic criteria (inherited, first) and its own, under the generic title, as Monzo shows them", () => {
    const communication = ladder.competencies.find(
      (competency) => competency.id === "communication",
    )!;
    expect(communication).toMatchObject({
      name: "💬 Communication",
      areaId: "generic",
      sharedByAllTracks: true,
    });
    const backend2 = ladder.tracks[0]!.levels[1]!.expectations.communication!.map((expectation) => [
      expectation.text,
      expectation.inheritedFrom ?? null,
    ]);
    expect(backend2).toEqual([
      ["Can deliver their work to their team and others", "Generic Framework"],
      ["Accepts feedback graciously", null],
      ["Provides helpful and actionable feedback in code reviews in an empathetic manner", null],
    ]);
    // impact is named by backend only; the generic level-2 criterion fills backend's level 2.
    expect(
      ladder.tracks[0]!.levels[1]!.expectations.impact!.map((expectation) => expectation.text),
    ).toEqual(["Delivers small, well-defined tasks/projects"]);
    expect(
      ladder.competencies.find((competency) => competency.id === "impact")!.sharedByAllTracks,
    ).toBe(false);
  });

  it("starts and stops a topic where the framework's criteria do, per track", () => {
    const byId = new Map(ladder.competencies.map((competency) => [competency.id, competency]));
    expect(byId.get("leadership")!.applies).toEqual({ backend: { from: "backend-3", upTo: null } });
    expect(byId.get("mastery")!.applies).toEqual({ backend: { from: null, upTo: "backend-3" } });
  });

  it("reports, one line each with the source file, what it could not place as it was", () => {
    expect(reportLines(imported)).toEqual([
      `${ROOT}/engineering/backend.md: the page says it has 3 levels, but its criteria are at levels 1 to 4; those are its levels`,
      `${ROOT}/engineering/backend.md: every page has the same text, so it is the ladder's description; the tracks have no description of their own`,
      `${ROOT}/engineering/backend.md: Monzo's pages say nothing about each level; the levels have no summary`,
      `${ROOT}/engineering/backend.md: Monzo's files give no order for their pages; the tracks are in the order of their file names (rename the files in tracks/ to reorder them)`,
      `${ROOT}/generic.md: generic topic "knowledge" is named by none of the imported frameworks, so Monzo shows it on none of them; not imported`,
      `${ROOT}/engineering/web.md: Web level 1, "💬 Communication": "Actively communicates what they are working on" is listed twice; kept once`,
      `${ROOT}/engineering/web.md: Web level 2 lists nothing for "🛠️ Mastery" between levels that do; wrote "Keeps showing what Web level 1 asks here (the Monzo framework lists nothing new at this level)."`,
    ]);
    expect(
      ladder.tracks[1]!.levels[1]!.expectations.mastery!.map((expectation) => expectation.text),
    ).toEqual([
      "Keeps showing what Web level 1 asks here (the Monzo framework lists nothing new at this level).",
    ]);
  });

  it("gives every level of a page that names sub-levels A–E those sub-levels", () => {
    for (const level of ladder.tracks.flatMap((track) => track.levels)) {
      const number = level.id.split("-")[1]!;
      expect(level.sublevels, level.id).toEqual(
        ["A", "B", "C", "D", "E"].map((letter) => ({
          id: letter.toLowerCase(),
          title: `${number}${letter}`,
        })),
      );
    }
  });

  it("knows the generic framework by what it says (Monzo's site finds it by its path, /generic), not by its file name", () => {
    const renamed = sources.map((source) =>
      source.path === `${ROOT}/generic.md`
        ? { ...source, path: `${ROOT}/monzo-generic.md` }
        : source,
    );
    const fromRenamed = importMonzo(renamed);
    const renamedLadder = loadImported(fromRenamed);
    expect(renamedLadder.tracks.map((track) => track.id)).toEqual(["backend", "web"]);
    expect(renamedLadder.includes).toEqual([
      { path: "monzo-engineering-generic", name: "Generic Framework" },
    ]);
    expect(statementsOf(renamedLadder)).toEqual(statements);
    // A page that names /generic's topics but is not /generic stays a framework.
    const notGeneric = renamed.map((source) =>
      source.path.endsWith("/monzo-generic.md")
        ? { ...source, text: source.text.replace('path: "/generic"', 'path: "/generic-copy"') }
        : source,
    );
    expect(
      importMonzo(notGeneric)
        .files.filter((file) => file.path.startsWith("tracks/"))
        .map((file) => file.path),
    ).toEqual(["tracks/1-backend.yaml", "tracks/2-web.yaml", "tracks/3-monzo-generic.yaml"]);
  });

  it("refuses a folder with no levelled framework, naming the file", () => {
    expect(() =>
      importMonzo([
        { path: "frameworks/notes.md", text: "---\ntitle: Notes\nyaml: false\n---\nHello" },
      ]),
    ).toThrow(/^frameworks\/notes\.md: no framework with levelled topics/);
    expect(() =>
      importMonzo([{ path: "frameworks/bad.md", text: "---\ntopics: [\n---\n" }]),
    ).toThrow(/^frameworks\/bad\.md: not valid YAML/);
  });
});

describe("Monzo's own words", () => {
  const pageText = sourcesText("engineering/backend.md").split(/^---$/m)[2]!.trim();

  it("names where the ladder comes from in its metadata, with the files inside Monzo's repository, and writes no local path", () => {
    expect(ladder.meta.source).toEqual({
      name: "Monzo's progression framework",
      url: "https://github.com/monzo/progression-framework",
      files: [
        "frameworks/engineering/backend.md",
        "frameworks/engineering/web.md",
        "frameworks/generic.md",
      ],
    });
    for (const file of [...imported.files, ...imported.shared!.flatMap((shared) => shared.files)]) {
      expect(file.content, file.path).not.toContain(IMPORT_FIXTURES);
    }
    expect(importMonzo(sources, { sourceUrl: null }).files[0]!.content).not.toContain("url:");
  });

  it("describes the ladder with the pages' own text, which every page shares, headings and lists as written", () => {
    expect(ladder.meta.description).toContain(
      "**About our engineering progression frameworks**\n\nThe engineering progression framework is a tool that helps engineers and managers:\n- make development and career plans",
    );
    expect(ladder.meta.description).toContain("The framework is a compass, not a GPS.");
    expect(ladder.meta.description).toContain(
      "We're particularly keen to add as many examples to the behaviours as possible, to further clarify them.",
    );
    expect(ladder.meta.description.replace(/\*\*/g, "").replace(/\n+/g, " ")).toBe(
      pageText.replace(/^### /gm, "").replace(/\n+/g, " "),
    );
    expect(ladder.tracks.map((track) => track.description)).toEqual(["", ""]);
  });

  it("describes each topic with the page's definition of it", () => {
    const descriptions = Object.fromEntries(
      ladder.competencies.map((competency) => [competency.id, competency.description]),
    );
    expect(descriptions).toEqual({
      communication: "How you interact with others",
      impact: "The size, scope and value of what you deliver",
      leadership: "How people around you become better and more impactful",
      mastery: "Your Monzo knowledge and technical capability",
    });
    expect(
      ladder.tracks
        .flatMap((track) => track.levels.map((level) => level.summary))
        .every((summary) => summary === ""),
    ).toBe(true);
    expect(ladder.areas.map((area) => area.description)).toEqual(["", ""]);
  });

  it("gives a definition only to the topic it names, not to another that begins with the same word", () => {
    const withScience = sources.map((source) =>
      source.path.endsWith("/web.md")
        ? {
            ...source,
            text: source.text.replace(
              "topics:\n",
              'topics:\n  - name: "mastery-science"\n    title: "🧪 Mastery - Data Science"\n    content:\n      - level: 1\n        criteria:\n          - "Builds simple models"\n',
            ),
          }
        : source,
    );
    const science = loadImported(importMonzo(withScience)).competencies.find(
      (competency) => competency.id === "mastery-science",
    )!;
    expect(science.description).toBe("");
  });

  it("keeps names as Monzo writes them, emoji and all", () => {
    expect(ladder.tracks.map((track) => track.name)).toEqual(["🛠️ Backend", "🌐 Web"]);
    expect(ladder.competencies.map((competency) => competency.name)).toEqual([
      "💬 Communication",
      "💥 Impact",
      "👩‍💼 Leadership",
      "🛠️ Mastery",
    ]);
  });

  it("makes a web address in a criterion or example a link", () => {
    const idiomatic = statements.find(
      (statement) => statement.expectation.text === "Writes idiomatic Go code",
    )!.expectation;
    expect(idiomatic.examples).toEqual([
      "Follows the guidelines in Effective Go ([https://golang.org/doc/effective_go.html](https://golang.org/doc/effective_go.html)), avoids using patterns that are idiomatic in other languages",
    ]);
  });

  it("says in the report what the source does not give", () => {
    const report = reportLines(imported);
    expect(report).toContain(
      `${ROOT}/engineering/backend.md: every page has the same text, so it is the ladder's description; the tracks have no description of their own`,
    );
    expect(report).toContain(
      `${ROOT}/engineering/backend.md: Monzo's pages say nothing about each level; the levels have no summary`,
    );
    expect(report).toContain(
      `${ROOT}/engineering/backend.md: Monzo's files give no order for their pages; the tracks are in the order of their file names (rename the files in tracks/ to reorder them)`,
    );
  });

  it("gives each page's own text to its track when the pages' texts differ, and then leaves the ladder undescribed", () => {
    const differing = sources.map((source) =>
      source.path.endsWith("/web.md")
        ? {
            ...source,
            text: source.text.replace(
              "The framework is a compass, not a GPS.",
              "The web framework is a compass.",
            ),
          }
        : source,
    );
    const other = importMonzo(differing);
    const otherLadder = loadImported(other);
    expect(otherLadder.meta.description).toBe("");
    expect(otherLadder.tracks[1]!.description).toContain("The web framework is a compass.");
    expect(otherLadder.tracks[0]!.description).toContain("The framework is a compass, not a GPS.");
    expect(reportLines(other)).toContain(
      `${ROOT}/engineering/backend.md: the pages have different texts, so each is its track's description; the ladder has no description`,
    );
  });
});

describe("importing Monzo's operations frameworks, whose levels are not all numbered from 1", () => {
  const operations = importMonzo([
    ...readSourceFiles(`${ROOT}/operations`, /\.md$/),
    ...genericSource,
  ]);
  const opsLadder = loadImported(operations);
  const opsStatements = statementsOf(opsLadder);

  it("reads the levels a page's criteria have: a page that says 5 levels with criteria at levels 2 to 6 gets levels 2 to 6", () => {
    expect(
      opsLadder.tracks.map((track) => [track.id, track.levels.map((level) => level.id)]),
    ).toEqual([
      [
        "ops-individual-contributor",
        [
          "ops-individual-contributor-1",
          "ops-individual-contributor-2",
          "ops-individual-contributor-3",
          "ops-individual-contributor-4",
          "ops-individual-contributor-5",
        ],
      ],
      [
        "ops-leadership",
        [
          "ops-leadership-2",
          "ops-leadership-3",
          "ops-leadership-4",
          "ops-leadership-5",
          "ops-leadership-6",
        ],
      ],
    ]);
    // Level n of one page sits beside level n of the other, as Monzo numbers them.
    expect(opsLadder.equivalence.map((band) => band.levelIdByTrack)).toEqual([
      { "ops-individual-contributor": "ops-individual-contributor-1" },
      {
        "ops-individual-contributor": "ops-individual-contributor-2",
        "ops-leadership": "ops-leadership-2",
      },
      {
        "ops-individual-contributor": "ops-individual-contributor-3",
        "ops-leadership": "ops-leadership-3",
      },
      {
        "ops-individual-contributor": "ops-individual-contributor-4",
        "ops-leadership": "ops-leadership-4",
      },
      {
        "ops-individual-contributor": "ops-individual-contributor-5",
        "ops-leadership": "ops-leadership-5",
      },
      { "ops-leadership": "ops-leadership-6" },
    ]);
  });

  it("leaves what no page describes undescribed: tracks of pages without text, topics no page defines", () => {
    expect(opsLadder.meta.description).toBe("");
    expect(opsLadder.tracks.map((track) => track.description)).toEqual(["", ""]);
    expect(
      opsLadder.competencies.map((competency) => [competency.id, competency.description]),
    ).toEqual([
      ["communication", ""],
      ["communication-and-teamwork", ""],
    ]);
  });

  it("marks generic.md's criteria as inherited at the level of the same number, where a page starts above level 1", () => {
    const leadership2 = opsLadder.tracks[1]!.levels[0]!.expectations.communication!.map(
      (expectation) => [expectation.text, expectation.inheritedFrom ?? null],
    );
    expect(leadership2).toEqual([
      ["Can deliver their work to their team and others", "Generic Framework"],
      ["Communicates in a professional and Monzo style way to squad and peers.", null],
    ]);
  });

  it("gives no sub-levels where neither the page nor generic.md names them", () => {
    expect(
      opsLadder.tracks.flatMap((track) => track.levels.map((level) => level.sublevels)),
    ).toEqual(Array.from({ length: 10 }, () => []));
  });

  it("drops nothing the page states, and says where the page's level count disagrees with its criteria", () => {
    for (const [file, track] of [
      ["operations/ops-leadership.md", "ops-leadership"],
      ["operations/ops-individual-contributor.md", "ops-individual-contributor"],
    ] as const) {
      const text = sourcesText(file);
      for (const topic of (parse(text.split(/^---$/m)[1]!) as { topics: MonzoTopic[] }).topics) {
        for (const entry of topic.content) {
          for (const criterion of entry.criteria ?? []) {
            const placed = opsStatements.some(
              (statement) =>
                statement.level === `${track}-${entry.level}` &&
                statement.expectation.text === criterion,
            );
            expect(placed, `${file} level ${entry.level}: ${criterion}`).toBe(true);
          }
        }
      }
    }
    expect(reportLines(operations)).toEqual([
      `${ROOT}/operations/ops-leadership.md: the page says it has 5 levels, but its criteria are at levels 2 to 6; those are its levels`,
      `${ROOT}/operations/ops-individual-contributor.md: the page has no text; the track "🙋‍♀️ Individual Contributor" has no description`,
      // Monzo's own site showed generic.md's level 1 on this page's level 1, which has nothing of the page's own.
      `${ROOT}/operations/ops-leadership.md: the generic criteria at level 1 of the topics it names are not placed: the page's own criteria are at levels 2 to 6`,
      `${ROOT}/operations/ops-leadership.md: the page has no text; the track "🎯 Leadership" has no description`,
      `${ROOT}/operations/ops-individual-contributor.md: Monzo's pages say nothing about each level; the levels have no summary`,
      `${ROOT}/operations/ops-individual-contributor.md: Monzo's files give no order for their pages; the tracks are in the order of their file names (rename the files in tracks/ to reorder them)`,
      `${ROOT}/operations/ops-individual-contributor.md: no page defines the topic "communication and teamwork"; its competency has no description`,
      `${ROOT}/generic.md: no page defines the topic "communication"; its competency has no description`,
      `${ROOT}/generic.md: generic topic "knowledge" is named by none of the imported frameworks, so Monzo shows it on none of them; not imported`,
      `${ROOT}/generic.md: generic topic "impact" is named by none of the imported frameworks, so Monzo shows it on none of them; not imported`,
    ]);
  });
});

function sourcesText(file: string): string {
  return readSourceFiles(ROOT, /\.md$/).find((source) => source.path === `${ROOT}/${file}`)!.text;
}
