import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Every test file gets its own real database, copied from one migrated base:
 * a SQLite file by default, or a PostgreSQL database made from a template when
 * TEST_DATABASE=postgresql (then TEST_POSTGRES_URL names a server and a database
 * the test role may connect to; the role needs CREATEDB).
 */
export const provider = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
/** TEST_DATABASES_DIR lets two runs side by side keep their files apart; the default stays clear of the browser tests' databases. */
export const sqliteDir = path.resolve(process.env.TEST_DATABASES_DIR ?? "test/.databases/vitest");
export const sqliteBase = path.join(sqliteDir, "base.db");
export const postgresAdminUrl =
  process.env.TEST_POSTGRES_URL ?? "postgresql://rungs:rungs@127.0.0.1:5432/rungs";
/**
 * Every database of a run starts with this prefix (TEST_POSTGRES_RUN, set by scripts/test-postgres.ts),
 * so that two runs on one server (two worktrees on a shared machine) neither copy from nor drop
 * each other's databases.
 */
export const postgresTestPrefix = `rungs_t${process.env.TEST_POSTGRES_RUN ?? "run"}_`;
export const postgresBase = `${postgresTestPrefix}base`;

/** PgBouncer in transaction mode in front of that server, when the run started one (scripts/test-postgres.ts). */
export const postgresPoolerUrl = process.env.TEST_POSTGRES_POOLER_URL || null;

export function postgresUrlFor(database: string, server = postgresAdminUrl): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPostgres<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database, ending the test role's connections to it. PostgreSQL refuses FORCE while
 * a backend the role may not end (an autovacuum worker) is connected: that passes, so try again.
 */
export async function dropPostgresDatabase(client: pg.Client, database: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 20 || (code !== "42501" && code !== "55006")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export function resetSqliteDir() {
  rmSync(sqliteDir, { recursive: true, force: true });
  mkdirSync(sqliteDir, { recursive: true });
}

export function copySqliteBase(name: string): string {
  const file = path.join(sqliteDir, `${name}.db`);
  copyFileSync(sqliteBase, file);
  return `file:${file}`;
}
