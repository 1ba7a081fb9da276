import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { applyMigrations } from "../../app/db/migrate.server";

/**
 * An upgrade as an operator does it on the embedded database: the database of the previous
 * release (every migration but the newest), then the new release's server started on it. The
 * server applies the newest migration before it serves. Nothing of the app may open the file
 * before that: SQLite's migrations need it to themselves, and a connection opened by an import
 * made every upgrade fail as "busy".
 */

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let folder = "";
let server: ChildProcess | undefined;

/**
 * Stops the server and everything it started. tsx runs the server in a node process of its own:
 * a SIGKILL to tsx alone left that one running (and holding the database file). The server is
 * spawned in a process group of its own (detached), so the group is signalled as a whole.
 */
async function stopServer() {
  const pid = server?.pid;
  if (pid === undefined) return;
  const exited = server!.exitCode !== null || server!.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => server!.once("exit", () => resolve()));
  try {
    process.kill(-pid, "SIGKILL");
  } catch (error) {
    // ESRCH: the group is gone already.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5_000)))]);
  clearTimeout(timer);
}

test.afterAll(async () => {
  await stopServer();
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

  const port = await freePort();
  let log = "";
  server = spawn("./node_modules/.bin/tsx", ["server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", SEED_DEMO: "false", LOG_REQUESTS: "false", WEB_CONCURRENCY: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, which stopServer ends whole (tsx and the server's node process).
    detached: true,
  });
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => server!.on("exit", resolve));
  const healthy = expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status, { timeout: 100_000, intervals: [500] }).toBe(200);
  const outcome = await Promise.race([healthy.then(() => "serving"), exited.then((code) => `exited with ${code}`)]);
  expect(outcome, log).toBe("serving");
  expect(log).toContain(`Applied 1 database migration: ${newest}`);
});
