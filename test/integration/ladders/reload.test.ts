import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import {
  followLadderReloads,
  ladderForLevel,
  ladderState,
  reloadLadders,
  resetLadderRegistry,
} from "~/modules/ladders/registry.server";
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
  writeFileSync(
    trackPath,
    trackText.replace(
      expectation,
      "Writes small, readable changes that follow the team's agreed conventions.",
    ),
  );
  const fixed = await reloadLadders();
  expect(fixed.problems).toEqual([]);
  expect(fixed.served[0]!.hash).not.toBe(goodHash);

  const versions = await listLadderVersions(ladderId);
  expect(versions).toHaveLength(2);
  const diff = await diffLadderVersions(ladderId, versions[1]!.id, versions[0]!.id);
  expect(diff?.expectations.reworded).toHaveLength(1);
  expect(diff?.expectations.reworded[0]).toMatchObject({
    levelId: "e1",
    competencyId: "code-quality",
    to: "Writes small, readable changes that follow the team's agreed conventions.",
  });
});

test("after a restart with a broken file, the newest stored good version of that folder is served, and says so", async () => {
  const restart = mkdtempSync(join(tmpdir(), "rungs-ladders-restart-"));
  try {
    cpSync("docs/examples/small-ladder", join(restart, "kept"), { recursive: true });
    resetLadderRegistry(restart);
    const good = await ladderState();
    const goodHash = good.served[0]!.hash;

    // The server stops; the file is broken; a new server (a fresh registry) starts.
    const ladderFile = join(restart, "kept", "ladder.yaml");
    writeFileSync(ladderFile, `${readFileSync(ladderFile, "utf8")}\n  - this is: [not valid`);
    resetLadderRegistry(restart);
    const state = await ladderState();
    expect(state.served.map((entry) => [entry.folder, entry.hash])).toEqual([
      [expect.stringMatching(/kept$/), goodHash],
    ]);
    expect(state.problems).toEqual([
      expect.objectContaining({
        folder: expect.stringMatching(/kept$/),
        keptPrevious: true,
        storedAt: expect.any(Date),
      }),
    ]);
    // Levels of the served ladder resolve to its stored version, as assessments need.
    const level = state.served[0]!.ladder.tracks[0]!.levels[0]!.id;
    expect((await ladderForLevel(level))?.hash).toBe(goodHash);
  } finally {
    resetLadderRegistry(dir);
    rmSync(restart, { recursive: true, force: true });
  }
});

test("a folder that never loaded has nothing to fall back on and is not served", async () => {
  const fresh = mkdtempSync(join(tmpdir(), "rungs-ladders-fresh-"));
  try {
    cpSync("docs/examples/small-ladder", join(fresh, "never-good"), { recursive: true });
    const ladderFile = join(fresh, "never-good", "ladder.yaml");
    writeFileSync(ladderFile, `${readFileSync(ladderFile, "utf8")}\n  - this is: [not valid`);
    resetLadderRegistry(fresh);
    const state = await ladderState();
    expect(state.served).toEqual([]);
    expect(state.problems).toEqual([
      expect.objectContaining({
        folder: expect.stringMatching(/never-good$/),
        keptPrevious: false,
      }),
    ]);
  } finally {
    resetLadderRegistry(dir);
    rmSync(fresh, { recursive: true, force: true });
  }
});

test("an admin's reload on another app server reaches this one: it reads its folders again once, at its next look", async () => {
  const shared = mkdtempSync(join(tmpdir(), "rungs-ladders-follow-"));
  try {
    cpSync("docs/examples/small-ladder", join(shared, "small"), { recursive: true });
    resetLadderRegistry(shared);
    const first = (await ladderState()).served[0]!.hash;
    await followLadderReloads();

    // The folder changes (a deploy), and an admin reloads on another server: that server records it.
    const trackPath = join(shared, "small", "tracks", "engineer.yaml");
    const original = readFileSync(trackPath, "utf8");
    writeFileSync(
      trackPath,
      original.replace("follow the team's conventions.", "follow the team's written conventions."),
    );
    expect((await ladderState()).served[0]!.hash).toBe(first);
    await db.auditEvent.create({
      data: { actorId: null, action: "ladders.reloaded", subjectType: "ladders", subjectId: null },
    });
    await followLadderReloads();
    const second = (await ladderState()).served[0]!.hash;
    expect(second).not.toBe(first);

    // Nothing new recorded: a later change on disk waits for the next reload.
    writeFileSync(trackPath, original);
    await followLadderReloads();
    expect((await ladderState()).served[0]!.hash).toBe(second);
  } finally {
    rmSync(shared, { recursive: true, force: true });
  }
});
