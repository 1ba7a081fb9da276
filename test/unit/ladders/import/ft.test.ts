import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { targetFor } from "~/modules/ladders";
import { importFt } from "~/modules/ladders/import/ft";
import {
  IMPORT_FIXTURES,
  loadImported,
  readSourceFiles,
  reportLines,
  statementsOf,
} from "./helpers";

const FILE = `${IMPORT_FIXTURES}/ft/data/job-families/engineering.yml`;
const [source] = readSourceFiles(`${IMPORT_FIXTURES}/ft/data/job-families`, /\.yml$/);
const imported = importFt(source!);
const ladder = loadImported(imported);
const statements = statementsOf(ladder);
const family = parse(source!.text) as {
  competencies: {
    id: string;
    summary: string;
    level: string;
    theme: string;
    examples?: string[];
    supportingUrls?: { label: string; url: string }[];
  }[];
};

describe("importing an FT job family", () => {
  it("makes one track of the family's levels, in the family's order", () => {
    expect(source!.path).toBe(FILE);
    expect(imported.ladderId).toBe("ft-engineering");
    expect(
      ladder.tracks.map((track) => [
        track.id,
        track.levels.map((level) => [level.id, level.title]),
      ]),
    ).toEqual([
      [
        "engineering",
        [
          ["junior", "Junior Engineer"],
          ["engineer", "Engineer"],
          ["senior-1", "Senior Engineer 1"],
        ],
      ],
    ]);
    expect(ladder.competencies.map((competency) => [competency.id, competency.name])).toEqual([
      ["communication", "Communication"],
      ["leadership", "Leadership of Self and Others"],
      ["technical", "Technical"],
    ]);
  });

  it("keeps every FT competency as a statement with its UUID, text and examples at its level and theme, or names it in the report", () => {
    const report = reportLines(imported).join("\n");
    for (const competency of family.competencies) {
      const placed = statements.find((statement) => statement.expectation.id === competency.id);
      if (placed === undefined) {
        expect(report, competency.id).toContain(competency.id);
        continue;
      }
      expect(placed).toMatchObject({ level: competency.level, competency: competency.theme });
      expect(placed.expectation.text).toBe(competency.summary.trim());
      expect(placed.expectation.examples).toEqual(competency.examples ?? []);
    }
    // A statement id that starts with a digit, as FT's UUIDs may, is kept as it is.
    expect(statements.map((statement) => statement.expectation.id)).toContain(
      "0b3c9a1e-57d2-4f6e-9c1a-2f8d7e6b5a40",
    );
  });

  it("turns supportingUrls into the statement's links, not examples", () => {
    const owasp = statements.find(
      (statement) => statement.expectation.id === "0b3c9a1e-57d2-4f6e-9c1a-2f8d7e6b5a40",
    )!.expectation;
    expect(owasp.links).toEqual([
      { title: "Open Web Application Security Project", url: "https://www.owasp.org/" },
    ]);
    expect(owasp.examples).toEqual([]);
    const withUrls = family.competencies.filter(
      (competency) => (competency.supportingUrls ?? []).length > 0,
    );
    for (const competency of withUrls) {
      const expectation = statements.find(
        (statement) => statement.expectation.id === competency.id,
      )!.expectation;
      expect(expectation.links).toEqual(
        competency.supportingUrls!.map(({ label, url }) => ({ title: label, url })),
      );
    }
  });

  it("rates on FT's proficiency scale, each level's target for a theme being the proficiency its statements expect", () => {
    expect(ladder.scale.map((point) => point.label)).toEqual([
      "Awareness",
      "Foundational",
      "Working knowledge",
      "Practitioner",
      "Expert",
    ]);
    const [junior, engineer, senior] = ladder.tracks[0]!.levels;
    expect(
      ["communication", "leadership", "technical"].map((id) => targetFor(ladder, junior!.id, id)),
    ).toEqual([1, 1, 3]);
    expect(
      ["communication", "leadership", "technical"].map((id) => targetFor(ladder, engineer!.id, id)),
    ).toEqual([1, 1, 2]);
    expect(
      ["communication", "leadership", "technical"].map((id) => targetFor(ladder, senior!.id, id)),
    ).toEqual([2, 2, 3]);
  });

  it("reports, one line each with the source file, what it could not place as it was", () => {
    expect(reportLines(imported)).toEqual([
      `${FILE}: competency 3f1c2d9e-8b7a-4c6d-9e5f-1a2b3c4d5e6f ("Sets technical direction across several teams.") not placed: the job family has no level "principal-ic"`,
      `${FILE}: Junior Engineer, theme "technical": statements expect different proficiencies (Foundational, Working knowledge); the level's target is the highest`,
      `${FILE}: theme "Team Work" has no competencies; not imported`,
      `${FILE}: the family's text is the ladder's description; its one track has none of its own`,
      `${FILE}: the FT describes its levels by their competencies only; the levels have no summary`,
      `${FILE}: Engineer lists nothing for "Leadership of Self and Others" between levels that do; wrote "Keeps showing what Junior Engineer asks here (the FT job family lists nothing new at this level)."`,
    ]);
  });

  it("refuses a file that is not a job family, naming it", () => {
    expect(() =>
      importFt({ path: "data/job-families/x.yml", text: "name: X\nlevels: []\n" }),
    ).toThrow(/^data\/job-families\/x\.yml: the job family lists no levels$/);
    expect(() => importFt({ path: "data/job-families/x.yml", text: "levels: [\n" })).toThrow(
      /^data\/job-families\/x\.yml: not valid YAML/,
    );
  });
});

describe("importing the FT's engineering job family, whose paths split after Senior Engineer 1", () => {
  const PATHS = `${IMPORT_FIXTURES}/ft-public/data/job-families`;
  const [paths] = readSourceFiles(PATHS, /^engineering\.yml$/);
  const site = readSourceFiles(`${IMPORT_FIXTURES}/ft-public/site/pages`, /\.md$/);
  const branched = importFt(paths!, {}, site);
  const branchedLadder = loadImported(branched);

  it("makes two tracks sharing the trunk: individual contributor from Junior Engineer, people manager from after Senior Engineer 1", () => {
    expect(
      branchedLadder.tracks.map((track) => [
        track.id,
        track.name,
        track.branchesFrom,
        track.levels.map((level) => level.id),
      ]),
    ).toEqual([
      [
        "individual-contributor",
        "Individual Contributor",
        null,
        ["junior", "engineer", "senior-1", "senior-2-ic", "principal-ic"],
      ],
      [
        "people-manager",
        "People Manager",
        { trackId: "individual-contributor", levelId: "senior-1" },
        ["senior-2-pm", "principal-pm", "tech-director"],
      ],
    ]);
  });

  it("puts the levels of one seniority on both paths side by side, Technology Director above Principal Engineer (People Manager)", () => {
    expect(branchedLadder.equivalence.map((band) => band.levelIdByTrack)).toEqual([
      { "individual-contributor": "junior" },
      { "individual-contributor": "engineer" },
      { "individual-contributor": "senior-1" },
      { "individual-contributor": "senior-2-ic", "people-manager": "senior-2-pm" },
      { "individual-contributor": "principal-ic", "people-manager": "principal-pm" },
      { "people-manager": "tech-director" },
    ]);
  });

  it("keeps every statement at its level, and says which path it put a level that names none on", () => {
    const family = parse(paths!.text) as { competencies: { id: string; level: string }[] };
    const placed = statementsOf(branchedLadder);
    for (const competency of family.competencies) {
      expect(
        placed.find((statement) => statement.expectation.id === competency.id)?.level,
        competency.id,
      ).toBe(competency.level);
    }
    expect(reportLines(branched)).toContain(
      `${PATHS}/engineering.yml: "Technology Director" names no path; it follows "Principal Engineer (People Manager)" on the People Manager path, as in the file`,
    );
  });

  it("describes the ladder with the FT's own text: the family's summary, its section of the job families page and the how-to-use page's opening", () => {
    const description = branchedLadder.meta.description;
    expect(description).toMatch(
      /^Competencies for engineers within the CTO organisation at the Financial Times\.\n\nEngineers at early stages are Individual Contributors \(hands-on\)/,
    );
    // The site's own links lead to the FT's published site.
    expect(description).toContain(
      "and the [Competencies](https://engineering-progression.ft.com/competencies/) for that role.",
    );
    expect(description).toContain(
      "Competencies are used by managers and staff in the following ways:",
    );
    expect(description).toContain(
      "Competencies are described for each role in a job family, reflecting the level of proficiency or skill a staff member should demonstrate in each competency.",
    );
    expect(description).not.toContain("{{");
    expect(description).not.toContain("engineering-roles.png");
    expect(branchedLadder.meta.source).toEqual({
      name: "the FT's engineering progression",
      url: "https://github.com/Financial-Times/engineering-progression",
      files: [
        "data/job-families/engineering.yml",
        "site/pages/job-families.md",
        "site/pages/competencies/how-to-use.md",
      ],
    });
  });

  it("leaves what the FT does not describe empty, and says so: its paths and its levels", () => {
    expect(branchedLadder.tracks.map((track) => track.description)).toEqual(["", ""]);
    expect(
      branchedLadder.tracks
        .flatMap((track) => track.levels.map((level) => level.summary))
        .every((summary) => summary === ""),
    ).toBe(true);
    const report = reportLines(branched);
    expect(report).toContain(
      `${PATHS}/engineering.yml: the FT describes no path on its own; the tracks have no description`,
    );
    expect(report).toContain(
      `${PATHS}/engineering.yml: the FT describes its levels by their competencies only; the levels have no summary`,
    );
    expect(report).toContain(
      `${IMPORT_FIXTURES}/ft-public/site/pages/job-families.md: the diagram of the paths (/media/engineering-roles.png) is not imported: ladder text shows no pictures; the ladder's page draws its paths`,
    );
    expect(report).toContain(
      `${IMPORT_FIXTURES}/ft-public/site/pages/competencies/how-to-use.md: the sections "Proficiency levels" and "Competencies" are the scale's meanings and the themes' descriptions; "Progression", "Applying Competencies" and "More information & help" are not imported (guidance on using the competencies, not part of them)`,
    );
  });
});

describe("an FT job family that lists one statement twice under two ids", () => {
  const [operations] = readSourceFiles(
    `${IMPORT_FIXTURES}/ft-public/data/job-families`,
    /^operations\.yml$/,
  );
  const imported = importFt(operations!);
  const ladder = loadImported(imported);

  it("keeps both statements with their ids, and says so", () => {
    const ownership = statementsOf(ladder).filter(
      (statement) => statement.expectation.text === "Ownership of personal development",
    );
    expect(ownership.map((statement) => statement.expectation.id)).toEqual([
      "2bb80087-2a3d-4d93-a937-14e014fddf80",
      "3c6e7498-89a9-4909-abc7-1cbde4478604",
    ]);
    expect(reportLines(imported)).toContain(
      `${operations!.path}: Engineer, "Leadership": "Ownership of personal development" is listed twice, under statement ids 2bb80087-2a3d-4d93-a937-14e014fddf80 and 3c6e7498-89a9-4909-abc7-1cbde4478604; both kept (ladders:check warns until one is reworded or removed)`,
    );
  });
});
