import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { applyMigrations } from "~/db/migrate.server.ts";
import { WasmSchemaEngine } from "../../prisma/engine/wasm-engine.mjs";

/**
 * The schema engine is Prisma's WebAssembly build: a Rust panic traps its instance, and every later
 * call on that instance traps again ("unreachable"). Under load it has panicked once in a run and
 * failed every migration after it in the same process; the next engine now gets a fresh instance.
 */
test("after the schema engine panics, the next migration in the same process still applies", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rungs-engine-panic-"));
  const panicking = new WasmSchemaEngine({ url: `file:${path.join(dir, "a.db")}`, baseDir: dir });
  await expect(panicking.request("debugPanic", {})).rejects.toMatchObject({ isPanic: true });
  await panicking.close();

  const file = path.join(dir, "b.db");
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
  fs.rmSync(dir, { recursive: true, force: true });
});
