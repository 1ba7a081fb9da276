import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatLadderError } from "~/modules/ladders";
import {
  holdsLadderFiles,
  loadAllLadders,
  loadLadderFromDirectory,
} from "~/modules/ladders/load-from-directory.server";
import { FIXTURES } from "./helpers";

let work: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "rungs-ladders-"));
});

afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const copyFixture = (name: string) =>
  cpSync(`${FIXTURES}/valid`, join(work, name), { recursive: true });
const lines = (result: ReturnType<typeof loadLadderFromDirectory>) =>
  result.ok ? [] : result.errors.map(formatLadderError);

describe("loadLadderFromDirectory", () => {
  it("reads .yaml and .yml files recursively and names files relative to the given folder", () => {
    copyFixture("fixture");
    cpSync(join(work, "fixture/tracks/manager.yaml"), join(work, "fixture/tracks/manager.yml"));
    rmSync(join(work, "fixture/tracks/manager.yaml"));
    writeFileSync(join(work, "fixture/tracks/manager.yml"), "tracks: [oops\n", { flag: "a" });
    expect(lines(loadLadderFromDirectory(join(work, "fixture"), { relativeTo: work }))[0]).toMatch(
      /^fixture\/tracks\/manager\.yml:\d+:\d+ YAML syntax error/,
    );
  });

  it("skips hidden files and folders, symlinks and other extensions", () => {
    copyFixture("fixture");
    mkdirSync(join(work, "fixture/.drafts"));
    writeFileSync(join(work, "fixture/.drafts/broken.yaml"), "not: [valid\n");
    writeFileSync(join(work, "fixture/.hidden.yaml"), "not: [valid\n");
    writeFileSync(join(work, "fixture/notes.md"), "# notes\n");
    writeFileSync(join(work, "outside.yaml"), "not: [valid\n");
    symlinkSync(join(work, "outside.yaml"), join(work, "fixture/linked.yaml"));
    expect(loadLadderFromDirectory(join(work, "fixture")).ok).toBe(true);
  });

  it("reports an oversized file from its size, without reading it", () => {
    copyFixture("fixture");
    writeFileSync(join(work, "fixture/huge.yaml"), Buffer.alloc(300 * 1024, "#"));
    expect(lines(loadLadderFromDirectory(join(work, "fixture"), { relativeTo: work }))).toEqual([
      "fixture/huge.yaml:1:1 file is too large (300 KiB); a ladder file may be at most 256 KiB, so split it into several files",
    ]);
  });

  it("reports a missing folder and an empty one", () => {
    expect(lines(loadLadderFromDirectory(join(work, "nope"), { relativeTo: work }))).toEqual([
      "nope: folder not found",
    ]);
    mkdirSync(join(work, "empty"));
    expect(lines(loadLadderFromDirectory(join(work, "empty"), { relativeTo: work }))).toEqual([
      "empty: no ladder files found; a ladder is a folder of .yaml files",
    ]);
  });

  it("gives the same hash as loading the same files from memory", () => {
    copyFixture("fixture");
    const first = loadLadderFromDirectory(join(work, "fixture"));
    const second = loadLadderFromDirectory(`${FIXTURES}/valid`);
    expect(first.ok && second.ok && first.hash === second.hash).toBe(true);
  });
});

describe("loadAllLadders", () => {
  it("loads every ladder folder in name order and rejects two ladders with one id", () => {
    copyFixture("b-copy");
    copyFixture("a-original");
    mkdirSync(join(work, ".git"));
    writeFileSync(join(work, "README.md"), "not a ladder\n");
    const loaded = loadAllLadders(work, { relativeTo: work });
    expect(loaded.map((entry) => [entry.folder, entry.result.ok])).toEqual([
      ["a-original", true],
      ["b-copy", false],
    ]);
    expect(loaded[1]!.result.ok ? [] : loaded[1]!.result.errors.map(formatLadderError)).toEqual([
      `b-copy/ladder.yaml:3:7 ladder.id: ladder id "fixture" is already used by the ladder in a-original (a-original/ladder.yaml:3:7); each ladder needs its own id`,
    ]);
  });

  it("tells a ladder folder from a folder of ladders", () => {
    copyFixture("fixture");
    expect(holdsLadderFiles(work)).toBe(false);
    expect(holdsLadderFiles(join(work, "fixture"))).toBe(true);
  });
});
