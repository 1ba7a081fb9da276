import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { targetFor } from "~/modules/ladders";
import { importPathway, MATURITIES, PROFICIENCIES } from "~/modules/ladders/import/pathway";
import {
  IMPORT_FIXTURES,
  loadImported,
  readSourceFiles,
  reportLines,
  statementsOf,
} from "./helpers";

const ROOT = `${IMPORT_FIXTURES}/pathway/products/map/starter`;
const sources = readSourceFiles(ROOT, /\.ya?ml$/);
const imported = importPathway(sources);
const ladder = loadImported(imported);
const statements = statementsOf(ladder);
const read = (file: string) =>
  parse(sources.find((source) => source.path === `${ROOT}/${file}`)!.text);

describe("importing pathway's map data", () => {
  it("makes each discipline a track with pathway's levels in rank order, titled as pathway titles its jobs", () => {
    expect(imported.ladderId).toBe("pathway-engineering");
    expect(ladder.meta.name).toBe("Engineering Pathway");
    expect(
      ladder.tracks.map((track) => [
        track.id,
        track.name,
        track.levels.map((level) => [level.id, level.title]),
      ]),
    ).toEqual([
      [
        "software-engineering",
        "Software Engineering",
        [
          ["software-engineering-j040", "Software Engineer Level I"],
          ["software-engineering-j060", "Software Engineer Level II"],
          ["software-engineering-j070", "Software Engineer Level III"],
        ],
      ],
    ]);
    expect(ladder.tracks[0]!.levels[0]!.summary).toContain(
      "transitioning into the field (0-2 years).",
    );
    expect(ladder.tracks[0]!.levels[0]!.summary).toContain(
      "- Impact scope: Individual tasks with guidance",
    );
  });

  it("makes skills competencies in their capability's area, and behaviours competencies of their own area", () => {
    expect(ladder.areas.map((area) => area.id)).toEqual(["delivery", "reliability", "behaviours"]);
    expect(ladder.competencies.map((competency) => [competency.id, competency.areaId])).toEqual([
      ["task-completion", "delivery"],
      ["planning", "delivery"],
      ["incident-response", "reliability"],
      ["systems-thinking", "behaviours"],
    ]);
  });

  it("expects each skill at the proficiency the level sets for its tier in the discipline, with its human markers as examples", () => {
    const delivery = read("capabilities/delivery.yaml");
    const taskCompletion = delivery.skills.find(
      (skill: { id: string }) => skill.id === "task_completion",
    );
    const atLevel = (level: string, competency: string) =>
      statements
        .filter((statement) => statement.level === level && statement.competency === competency)
        .map((statement) => statement.expectation);
    // task_completion is core: foundational at J040, working at J060, practitioner at J070.
    expect(atLevel("software-engineering-j040", "task-completion")).toEqual([
      {
        text: taskCompletion.human.proficiencyDescriptions.foundational.trim(),
        examples: taskCompletion.markers.foundational.human,
      },
    ]);
    expect(atLevel("software-engineering-j060", "task-completion")[0]!.text).toBe(
      taskCompletion.human.proficiencyDescriptions.working.trim(),
    );
    expect(atLevel("software-engineering-j070", "task-completion")[0]!.text).toBe(
      taskCompletion.human.proficiencyDescriptions.practitioner.trim(),
    );
    expect(
      ["task-completion", "planning", "incident-response"].map((id) =>
        targetFor(ladder, "software-engineering-j060", id),
      ),
    ).toEqual([3, 2, 1]);
  });

  it("expects each behaviour at the level's maturity moved by the discipline's modifier", () => {
    const systems = read("behaviours/systems_thinking.yaml");
    // J040's base maturity is emerging; software engineering adds one step: developing.
    const j040 = statements.find(
      (statement) =>
        statement.level === "software-engineering-j040" &&
        statement.competency === "systems-thinking",
    )!;
    expect(j040.expectation.text).toBe(systems.human.maturityDescriptions.developing.trim());
    expect(targetFor(ladder, "software-engineering-j040", "systems-thinking")).toBe(2);
  });

  it("keeps a skill's tool references as the competency's links", () => {
    expect(
      ladder.competencies.find((competency) => competency.id === "incident-response")!.links,
    ).toEqual([{ title: "PagerDuty", url: "https://support.pagerduty.com/" }]);
  });

  it("keeps every proficiency and maturity description of what a discipline names: as a level's statement, and all of them in the competency's description, as pathway's skill pages show them", () => {
    const texts = new Set(statements.map((statement) => statement.expectation.text));
    const descriptions = new Map(
      ladder.competencies.map((competency) => [competency.id, competency.description]),
    );
    for (const file of ["capabilities/delivery.yaml", "capabilities/reliability.yaml"]) {
      for (const skill of read(file).skills as {
        id: string;
        human: { description: string; proficiencyDescriptions: Record<string, string> };
      }[]) {
        const description = descriptions.get(skill.id.replace(/_/g, "-"));
        if (description === undefined) continue;
        expect(description.startsWith(skill.human.description.trim()), skill.id).toBe(true);
        for (const proficiency of PROFICIENCIES) {
          const text = skill.human.proficiencyDescriptions[proficiency]!.trim();
          expect(description, `${skill.id} ${proficiency}`).toContain(
            `- **${proficiency.charAt(0).toUpperCase()}${proficiency.slice(1)}**: ${text}`,
          );
        }
      }
    }
    const systems = read("behaviours/systems_thinking.yaml");
    for (const maturity of MATURITIES)
      expect(descriptions.get("systems-thinking"), maturity).toContain(
        systems.human.maturityDescriptions[maturity].trim(),
      );
    expect(texts.has(systems.human.maturityDescriptions.developing.trim())).toBe(true);
    expect(reportLines(imported)).toContain(
      `${ROOT}/capabilities/delivery.yaml: skill "task_completion": no level of any discipline expects its awareness description; it is kept in the competency's description only`,
    );
  });

  it("takes the behaviours' area from standard.yaml's definitions, and leaves out what pathway does not say", () => {
    expect(ladder.areas.find((area) => area.id === "behaviours")).toMatchObject({
      name: "Behaviours",
      description: "Mindsets and ways of working.",
    });
    const bare = importPathway(
      sources.map((source) =>
        source.path.endsWith("/standard.yaml")
          ? { ...source, text: "title: Engineering Pathway\n" }
          : source.path.endsWith("/disciplines/software_engineering.yaml")
            ? { ...source, text: source.text.replace(/^description:\n( {2}.*\n)+/m, "") }
            : source,
      ),
    );
    const bareLadder = loadImported(bare);
    expect(bareLadder.meta.description).toBe("");
    expect(bareLadder.tracks[0]!.description).not.toContain("Software Engineering\n");
    expect(bareLadder.areas.find((area) => area.id === "behaviours")).toMatchObject({
      name: "Behaviours",
      description: "",
    });
    expect(reportLines(bare)).toContain(
      `${ROOT}/standard.yaml: the standard has no description; the ladder has none`,
    );
  });

  it("reports, one line each with the source file, what it could not place", () => {
    const lines = reportLines(imported);
    expect(lines).toContain(
      `${ROOT}/capabilities/delivery.yaml: skill "data_integration" is in no discipline's core, supporting or broad skills; not placed`,
    );
    expect(lines).toContain(
      `${ROOT}/capabilities/delivery.yaml: skill "task_completion": no level of any discipline expects its awareness description; it is kept in the competency's description only`,
    );
    expect(lines).toContain(
      `${ROOT}/behaviours/systems_thinking.yaml: behaviour "systems_thinking": no level of any discipline expects its emerging description; it is kept in the competency's description only`,
    );
    expect(lines).toContain(
      `${ROOT}/tracks/platform.yaml: pathway track "Platform" (skill and behaviour modifiers for a work context) not imported: the ladder's tracks are the disciplines`,
    );
    expect(lines).toContain(
      `${ROOT}/drivers.yaml: drivers (outcomes teams achieve) are not imported: they are not part of a ladder`,
    );
    expect(lines).toContain(
      `${ROOT}/capabilities/reliability.yaml: capability "Reliability": its professional and management responsibilities by proficiency are not imported (a ladder holds expectations per competency, not per area)`,
    );
    expect(lines).toHaveLength(17);
    for (const line of lines) expect(line).toMatch(new RegExp(`^${ROOT}/\\S+\\.yaml: `));
  });

  it("refuses data without levels.yaml, naming what is missing", () => {
    expect(() =>
      importPathway(sources.filter((source) => !source.path.endsWith("/levels.yaml"))),
    ).toThrow(/^levels\.yaml: pathway data needs levels\.yaml/);
  });
});
