import { describe, expect, it } from "vitest";
import { importFt } from "~/modules/ladders/import/ft";
import { keptStatements } from "~/modules/ladders/import/kept";
import { importMonzo } from "~/modules/ladders/import/monzo";
import { importPathway } from "~/modules/ladders/import/pathway";
import { IMPORT_FIXTURES, loadImported, readSourceFiles } from "./helpers";

const MONZO = `${IMPORT_FIXTURES}/monzo/frameworks`;
const generic = readSourceFiles(MONZO, /^generic\.md$/);

describe("counting the statements a source states and the ladder keeps", () => {
  it("counts each criterion Monzo shows on a page at a level, its own and the generic ones it inherits, and finds each at its level", () => {
    const imported = importMonzo([...readSourceFiles(`${MONZO}/operations`, /\.md$/), ...generic]);
    // ops-individual-contributor: 5 own; ops-leadership: 6 own and generic.md's level-2 communication criterion.
    expect(keptStatements(imported.stated, loadImported(imported))).toEqual({
      stated: 12,
      kept: 12,
      lost: [],
    });
  });

  it("names what is not kept, each with its file", () => {
    const imported = importMonzo([...readSourceFiles(`${MONZO}/operations`, /\.md$/), ...generic]);
    const ladder = loadImported(imported);
    const level = ladder.tracks[1]!.levels.at(-1)!;
    level.expectations.communication = level.expectations.communication!.filter(
      (expectation) => expectation.text !== "Builds lifelong relationships.",
    );
    expect(keptStatements(imported.stated, ladder)).toEqual({
      stated: 12,
      kept: 11,
      lost: [
        {
          file: `${MONZO}/operations/ops-leadership.md`,
          text: "Builds lifelong relationships.",
          levelId: "ops-leadership-6",
        },
      ],
    });
  });

  it("counts each FT competency once, by its id, at its level", () => {
    const [family] = readSourceFiles(
      `${IMPORT_FIXTURES}/ft-public/data/job-families`,
      /^operations\.yml$/,
    );
    const imported = importFt(family!);
    // Two pairs of the same words under two ids: four statements, all kept.
    expect(keptStatements(imported.stated, loadImported(imported))).toEqual({
      stated: 9,
      kept: 9,
      lost: [],
    });
  });

  it("counts each proficiency and maturity description, kept as a statement or in its competency's description; a skill no discipline names is lost", () => {
    const imported = importPathway(
      readSourceFiles(`${IMPORT_FIXTURES}/pathway/products/map/starter`, /\.ya?ml$/),
    );
    const counts = keptStatements(imported.stated, loadImported(imported));
    // Four skills and one behaviour, five descriptions each; data_integration is in no discipline, so no track has it.
    expect(counts).toMatchObject({ stated: 25, kept: 20 });
    expect(new Set(counts.lost.map((statement) => statement.file))).toEqual(
      new Set([`${IMPORT_FIXTURES}/pathway/products/map/starter/capabilities/delivery.yaml`]),
    );
  });
});
