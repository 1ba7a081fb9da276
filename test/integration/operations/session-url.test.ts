import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "~/db/client.server";
import { BackupError, backupDatabase, restoreDatabase } from "~/modules/operations/backup.server";
import {
  dropPostgresDatabase,
  postgresBase,
  postgresPoolerUrl,
  postgresTestPrefix,
  postgresUrlFor,
  provider,
  withPostgres,
} from "../../setup/databases";
import { ensureBuild, freePort, SERVER_BUNDLE } from "../../../scripts/app-servers";
import { serverNodeFlags } from "../../../scripts/serve-flags.mjs";

/**
 * Behind PgBouncer in transaction mode (the PostgreSQL run puts one in front: scripts/test-postgres.ts),
 * what needs a session of its own (migrations' advisory lock, LISTEN, backups) must not go through
 * it: Rungs tries the URL and refuses, saying what to set, rather than start with live updates that
 * would never arrive (decision 102).
 */
describe.runIf(provider === "postgresql" && postgresPoolerUrl)("sessions behind a pooler", () => {
  /**
   * Migrations in a process of their own, as a server's start runs them: the schema engine's
   * WebAssembly instance is the process's, and an engine another file of this worker left with a
   * call in flight once made this test's engine panic ("Option::unwrap_throw() on a None value").
   */
  async function migrateApart(url: string) {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        `import { applyMigrations } from ${JSON.stringify(path.resolve("app/db/migrate.server.ts"))};
        try {
          await applyMigrations(process.env.MIGRATE_URL, { onApplied: () => {} });
          console.log("applied");
        } catch (error) {
          console.log(error.message);
          process.exitCode = 1;
        }`,
      ],
      { env: { ...process.env, MIGRATE_URL: url }, stdio: ["ignore", "pipe", "pipe"] },
    );
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    return { code, said };
  }

  test("migrations refuse a URL through a pooler in transaction mode, naming the fix, and take the direct one", async () => {
    const pooled = await migrateApart(process.env.DATABASE_URL!);
    expect(pooled.code).toBe(1);
    expect(pooled.said).toMatch(
      /does not keep a session: a LISTEN on it heard nothing for 3 s\..*pool_mode = transaction.*set DATABASE_DIRECT_URL to PostgreSQL itself/,
    );
    expect(await migrateApart(process.env.DATABASE_DIRECT_URL!)).toEqual({
      code: 0,
      said: "applied\n",
    });
    // Two processes started with TypeScript loaded: more than the default half minute on a busy machine.
  }, 60_000);

  test("a backup or a restore through the pooler is refused, before pg_dump empties a pooled connection's search_path", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "rungs-session-url-"));
    const file = path.join(folder, "through-pooler.backup");
    await expect(backupDatabase(process.env.DATABASE_URL!, file)).rejects.toThrow(
      /:\*\*\*@.*does not keep a session/,
    );
    expect(existsSync(file)).toBe(false);
    await backupDatabase(process.env.DATABASE_DIRECT_URL!, file);
    await expect(restoreDatabase(process.env.DATABASE_URL!, file, { force: true })).rejects.toThrow(
      BackupError,
    );
    // The pages' connections through the pooler still find every table.
    expect(await db.user.count()).toBe(0);
    rmSync(folder, { recursive: true, force: true });
  });

  /** The server as `npm start` runs it, with `env` over this file's; ended after half a minute if it has not. */
  async function startServer(env: Record<string, string>) {
    ensureBuild();
    const child = spawn(process.execPath, [...serverNodeFlags(), SERVER_BUNDLE], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(await freePort()),
        HOST: "127.0.0.1",
        SEED_DEMO: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let said = "";
    child.stdout.on("data", (chunk: Buffer) => (said += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(timer);
    return { code, said };
  }

  test("a server whose only URL is the pooler's does not start, and says why", async () => {
    const { code, said } = await startServer({ DATABASE_DIRECT_URL: "" });
    expect(code).toBe(1);
    expect(said).toMatch(/does not keep a session.*DATABASE_DIRECT_URL/);
  });

  test("a server whose direct URL names another database than its pages' does not start, and says why", async () => {
    const name = `${postgresTestPrefix}other_${randomBytes(4).toString("hex")}`;
    await withPostgres((client) =>
      client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresBase}"`),
    );
    const { code, said } = await startServer({ DATABASE_DIRECT_URL: postgresUrlFor(name) });
    await withPostgres((client) => dropPostgresDatabase(client, name));
    expect(code).toBe(1);
    expect(said).toMatch(/not heard on DATABASE_DIRECT_URL.*do not reach the same database/);
  });
});
