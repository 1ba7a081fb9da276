import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ladderState, reloadLadders, resetLadderRegistry } from "~/modules/ladders/registry.server";
import { diffLadderVersions, listLadderVersions } from "~/modules/ladders/versions.server";

const dir = mkdtempSync(join(tmpdir(), "rungs-ladders-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a bad edit keeps the last good version; a good edit is stored as a new version with its changes", async () => {
  cpSync("docs/examples/small-ladder", join(dir, "small"), { recursive: true });
  resetLadderRegistry(dir);
  const first = await ladderState();
  expect(first.problems).toEqual([]);
  expect(first.served).toHaveLength(1);
  const ladderId = first.served[0]!.ladder.meta.id;
  const goodHash = first.served[0]!.hash;

  const ladderFile = join(dir, "small", "ladder.yaml");
  const original = readFileSync(ladderFile, "utf8");
  writeFileSync(ladderFile, `${original}\n  - this is: [not valid`);
  const broken = await reloadLadders();
  expect(broken.served[0]!.hash).toBe(goodHash);
  expect(broken.problems[0]?.keptPrevious).toBe(true);
  expect(broken.problems[0]!.errors[0]!.file).toMatch(/small\/ladder\.yaml$/);

  writeFileSync(ladderFile, original);
  const trackPath = join(dir, "small", "tracks", "engineer.yaml");
  const expectation = "Writes small, readable changes that follow the team's conventions.";
  const trackText = readFileSync(trackPath, "utf8");
  expect(trackText).toContain(expectation);
  writeFileSync(trackPath, trackText.replace(expectation, "Writes small, readable changes that follow the team's agreed conventions."));
  const fixed = await reloadLadders();
  expect(fixed.problems).toEqual([]);
  expect(fixed.served[0]!.hash).not.toBe(goodHash);

  const versions = await listLadderVersions(ladderId);
  expect(versions).toHaveLength(2);
  const diff = await diffLadderVersions(ladderId, versions[1]!.id, versions[0]!.id);
  expect(diff?.expectations.reworded).toHaveLength(1);
  expect(diff?.expectations.reworded[0]).toMatchObject({ levelId: "e1", competencyId: "code-quality", to: "Writes small, readable changes that follow the team's agreed conventions." });
});
