import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { watchFolder, type FolderWatch } from "~/modules/ladders/watch-folder.server";

let watching: FolderWatch | null = null;
afterEach(() => watching?.close());

describe("watching the ladder folder in development", () => {
  test("a watcher error is logged, not thrown, and watching starts again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "rungs-watch-"));
    const changes = vi.fn();
    const log = vi.fn();
    watching = watchFolder(dir, changes, log, 20);
    const first = watching.current()!;
    // What fs.watch does when a watched folder goes away under it.
    expect(() =>
      first.emit(
        "error",
        Object.assign(new Error("ENOENT: no such file or directory"), { code: "ENOENT" }),
      ),
    ).not.toThrow();
    expect(log).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Stopped watching .* \(ENOENT: no such file or directory\); watching again when it is there\.$/,
      ),
    );
    // The ladders are reloaded (the folder may have changed), and a new watcher follows edits again.
    expect(changes).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(watching!.current()).not.toBeNull(), { timeout: 5_000 });
    expect(watching.current()).not.toBe(first);
    writeFileSync(path.join(dir, "ladder.yaml"), "version: 2\n");
    await vi.waitFor(() => expect(changes).toHaveBeenCalledTimes(2), { timeout: 5_000 });
    rmSync(dir, { recursive: true, force: true });
  });

  test("a folder that is gone is watched again once it is back", async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), "rungs-watch-"));
    const dir = path.join(parent, "frameworks");
    const changes = vi.fn();
    watching = watchFolder(dir, changes, () => {}, 20);
    expect(watching.current()).toBeNull();
    mkdirSync(dir);
    await vi.waitFor(() => expect(watching!.current()).not.toBeNull(), { timeout: 5_000 });
    writeFileSync(path.join(dir, "ladder.yaml"), "version: 1\n");
    await vi.waitFor(() => expect(changes).toHaveBeenCalled(), { timeout: 5_000 });
    rmSync(parent, { recursive: true, force: true });
  });
});
