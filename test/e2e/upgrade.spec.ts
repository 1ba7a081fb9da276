import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./test";
import Database from "better-sqlite3";
import { applyMigrations } from "../../app/db/migrate.server";
import { startAppServer, type AppServer } from "../../scripts/app-servers";

/**
 * An upgrade as an operator does it on the embedded database: the database of the previous
 * release (every migration but the newest), then the new release's server started on it. The
 * server applies the newest migration before it serves. Nothing of the app may open the file
 * before that: SQLite's migrations need it to themselves, and a connection opened by an import
 * made every upgrade fail as "busy".
 */

let folder = "";
let server: AppServer | undefined;

test.afterAll(async () => {
  await server?.kill();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

test("the server started on the previous release's database applies the newest migration, then serves", async () => {
  test.setTimeout(120_000);
  folder = mkdtempSync(join(tmpdir(), "rungs-upgrade-"));
  const migrations = readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const newest = migrations.at(-1)!;
  // The previous release: its migrations folder lacks the newest one.
  const previous = join(folder, "previous");
  cpSync("prisma/migrations", join(previous, "prisma/migrations"), { recursive: true });
  rmSync(join(previous, "prisma/migrations", newest), { recursive: true });
  const databaseUrl = `file:${join(folder, "rungs.db")}`;
  await applyMigrations(databaseUrl, { rootDir: previous, onApplied: () => {} });
  // As the previous release's server left it: its client switches the file to write-ahead logging.
  const file = new Database(join(folder, "rungs.db"));
  file.pragma("journal_mode = WAL");
  file.close();

  server = await startAppServer(databaseUrl, { env: { WEB_CONCURRENCY: "1" } });
  const log = server.log();
  expect(log).toContain(`Database migrations applied: ${newest}`);
});
