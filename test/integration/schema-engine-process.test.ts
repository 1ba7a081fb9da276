import fs from "node:fs";
import { createServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, test } from "vitest";
import { applyMigrations } from "~/db/migrate.server.ts";
import { requestInEngineProcess } from "~/db/schema-engine-process.server.ts";

/**
 * Prisma's WebAssembly schema engine: a Rust panic traps its instance for every later call in the
 * process, and a throw inside its own callbacks leaves a call unsettled. Each request runs in a
 * process of its own, so neither reaches the next migration (under load both once failed or hung
 * every later migration of a test process).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rungs-engine-process-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("an engine that panics says so, and the next migration in the same process still applies", async () => {
  await expect(
    requestInEngineProcess({
      url: `file:${path.join(dir, "panics.db")}`,
      baseDir: dir,
      method: "debugPanic",
      params: {},
      deadlineMs: 60_000,
    }),
  ).rejects.toMatchObject({ name: "SchemaEngineError", isPanic: true });

  const file = path.join(dir, "after.db");
  await applyMigrations(`file:${file}`, { onApplied: () => undefined });
  const database = new Database(file, { readonly: true });
  const applied = database
    .prepare("SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")
    .get() as { n: number };
  database.close();
  expect(applied.n).toBe(
    fs
      .readdirSync("prisma/migrations", { withFileTypes: true })
      .filter((entry) => entry.isDirectory()).length,
  );
});

test("an engine that never answers is stopped at its deadline with a message saying so", async () => {
  // A server that accepts connections and never says a word: the engine's connection waits for ever.
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  try {
    const started = Date.now();
    await expect(
      requestInEngineProcess({
        url: `postgresql://rungs:rungs@127.0.0.1:${port}/silent`,
        baseDir: dir,
        method: "applyMigrations",
        params: {
          migrationsList: {
            baseDir: dir,
            lockfile: { path: "migration_lock.toml", content: null },
            migrationDirectories: [],
            shadowDbInitScript: "",
          },
          filters: { externalTables: [], externalEnums: [] },
        },
        deadlineMs: 1_500,
      }),
    ).rejects.toThrow(/did not answer applyMigrations within 2 s; it was stopped/);
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    sockets.forEach((socket) => socket.destroy());
    silent.close();
  }
});
