// A growth plan keeps the words of the ladder version it was made with (decision 025): a later
// version that retitles its target level or renames a focus competency's id leaves the plan's
// words as they were, and a competency the ladder no longer has is marked as from an earlier
// version. The one-to-one agenda suggests from the same words.
import { inEnglishWords } from "../../utils/english";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seriesPage } from "~/modules/conversations/agenda.server";
import { startSeries } from "~/modules/conversations/series.server";
import { readGrowthPlan, saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import {
  reloadLadders,
  resetLadderRegistry,
  servedLadderVersion,
} from "~/modules/ladders/registry.server";
import { createPerson } from "../../utils/factories";

const dir = mkdtempSync(join(tmpdir(), "rungs-plan-versions-"));
const ladder = join(dir, "fixture");

beforeAll(() => {
  cpSync("test/fixtures/ladders/valid", ladder, { recursive: true });
  resetLadderRegistry(dir);
});
afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

/** The ladder's next version: every file's text with these words replaced. */
function editLadder(replacements: [string, string][]) {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)],
    );
  for (const file of files(ladder)) {
    const text = replacements.reduce(
      (written, [from, to]) => written.replaceAll(from, to),
      readFileSync(file, "utf8"),
    );
    writeFileSync(file, text);
  }
}

describe("a growth plan made on an earlier ladder version", () => {
  test("reads its target and focus in that version's words, marking what the ladder served now no longer has", async () => {
    const manager = await createPerson({ ladderId: "fixture", track: "manager", level: "m1" });
    const person = await createPerson({
      ladderId: "fixture",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    expect(
      await saveGrowthPlan(person.id, { target: "ic3", focus: ["code-quality", "testing"] }),
    ).toEqual({ ok: true });
    const madeOn = (await servedLadderVersion("fixture"))!.versionId;
    const now = new Date("2026-03-20T10:00:00Z");
    const seriesId = await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: person.id,
        cadence: "weekly",
        firstAt: new Date("2026-03-23T09:00:00Z"),
      },
      now,
    );

    editLadder([
      ["title: Senior Engineer\n", "title: Senior Engineer (IC3)\n"],
      ["code-quality", "code-craft"],
      ["name: Code quality", "name: Craft of code"],
      ["name: Testing", "name: Testing and verification"],
    ]);
    await reloadLadders();
    expect((await servedLadderVersion("fixture"))!.versionId).not.toBe(madeOn);

    expect(await readGrowthPlan(person.id)).toMatchObject({
      ladderVersionId: madeOn,
      targetLevelId: "ic3",
      targetTitle: "Senior Engineer",
      targetEarlier: false,
      focus: [
        { competencyId: "code-quality", name: "Code quality", earlier: true },
        { competencyId: "testing", name: "Testing", earlier: false },
      ],
    });
    const { next } = await seriesPage({ id: manager.id, isAdmin: false }, seriesId, now);
    expect(
      next!.suggestions
        .filter((suggestion) => suggestion.source === "growth-plan")
        .map((suggestion) => inEnglishWords(suggestion.text)),
    ).toEqual([
      "Progress on Code quality, a focus of the growth plan toward Senior Engineer",
      "Progress on Testing, a focus of the growth plan toward Senior Engineer",
    ]);
  });
});
