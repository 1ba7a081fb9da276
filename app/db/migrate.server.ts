// Applies pending migrations at start-up: the equivalent of `prisma migrate deploy`,
// run through the WebAssembly schema engine in a process of its own (the native engine the CLI
// would use cannot be downloaded here; docs/decisions/002-prisma-offline-migrations.md).
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import pg from "pg";

import {
  SchemaEngineError,
  canConnectToDatabase,
  createDatabase,
  providerOf,
  readMigrationsList,
  redactUrl,
  sqliteFilePath,
} from "../../prisma/engine/wasm-engine.mjs";
import { requestInEngineProcess } from "./schema-engine-process.server";
import { checkSessionKept } from "./session-url.server";

// Held for the whole run so that app servers starting together migrate one at a time.
// Prisma's own engine uses 72707369; a different key cannot deadlock against it.
export const MIGRATION_ADVISORY_LOCK_KEY = 727073690;

const MIGRATIONS_DIRS = {
  sqlite: "prisma/migrations",
  postgres: "prisma/postgres/migrations",
} as const;

export interface ApplyMigrationsOptions {
  /** Project root: migrations folders and relative SQLite paths are resolved from it. Default: cwd. */
  rootDir?: string;
  /** Told the names of the migrations applied, when there were any. Default: console.info. */
  onApplied?: (names: string[]) => void;
  /** How long the schema engine may take before it is stopped. Default: MIGRATION_DEADLINE_MS. */
  deadlineMs?: number;
}

/**
 * Thirty minutes: a migration rewriting a large table may take minutes; an engine that stopped
 * answering (it can, after a panic in its own callbacks) would otherwise hold the start for ever.
 */
export const MIGRATION_DEADLINE_MS = 30 * 60_000;

/**
 * Brings the database at `databaseUrl` (file:... or postgres(ql)://...) up to date with
 * the migrations folder of its provider. Creates the SQLite file (and its folder) or the
 * PostgreSQL database when missing. Silent when there is nothing to apply; throws an
 * Error naming the database and the cause when a migration cannot be applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<void> {
  const rootDir = path.resolve(options.rootDir ?? process.cwd());
  const onApplied =
    options.onApplied ??
    ((names) => console.info(`Database migrations applied: ${names.join(", ")}`));

  try {
    const provider = providerOf(databaseUrl);
    const migrationsDir = path.join(rootDir, MIGRATIONS_DIRS[provider]);
    if (!fs.existsSync(migrationsDir)) {
      throw new Error(
        `migrations folder ${migrationsDir} not found (is the server started from the project root?)`,
      );
    }

    // Nothing to apply on SQLite: answered from the history table alone, without the
    // engine, which needs the database to itself and fails while a server is using it.
    if (
      provider === "sqlite" &&
      sqliteUpToDate(sqliteFilePath(databaseUrl, rootDir), migrationNames(migrationsDir))
    )
      return;
    // On PostgreSQL the session is tried and locked before the schema engine connects at all:
    // through a transaction pooler the engine can hang rather than fail (decision 102).
    const unlock =
      provider === "postgres"
        ? await lockPostgres(databaseUrl, () => ensureDatabaseExists(databaseUrl, rootDir))
        : (await ensureDatabaseExists(databaseUrl, rootDir), async () => {});
    try {
      // Read after the lock: a server that waited sees what the previous one applied.
      const { appliedMigrationNames } = await requestInEngineProcess<{
        appliedMigrationNames: string[];
      }>({
        url: databaseUrl,
        baseDir: rootDir,
        method: "applyMigrations",
        params: {
          migrationsList: readMigrationsList(migrationsDir),
          filters: { externalTables: [], externalEnums: [] },
        },
        deadlineMs: options.deadlineMs ?? MIGRATION_DEADLINE_MS,
      });
      if (appliedMigrationNames.length > 0) onApplied(appliedMigrationNames);
    } finally {
      await unlock();
    }
  } catch (error) {
    throw new Error(
      `Database migrations failed for ${redactUrl(databaseUrl)}: ${describe(error)}`,
      { cause: error },
    );
  }
}

function migrationNames(migrationsDir: string): string[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")),
    )
    .map((entry) => entry.name);
}

/** Whether every migration is recorded as applied (finished, not rolled back) in the SQLite file. */
function sqliteUpToDate(file: string, names: readonly string[]): boolean {
  if (file === ":memory:" || !fs.existsSync(file)) return false;
  const database = new Database(file, { readonly: true, timeout: 10_000 });
  try {
    const table = database
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .get();
    if (!table) return false;
    const applied = new Set(
      (
        database
          .prepare(
            `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all() as { migration_name: string }[]
      ).map((row) => row.migration_name),
    );
    const failed = database
      .prepare(
        `SELECT 1 FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL LIMIT 1`,
      )
      .get();
    return !failed && names.every((name) => applied.has(name));
  } finally {
    database.close();
  }
}

async function ensureDatabaseExists(databaseUrl: string, rootDir: string) {
  try {
    await canConnectToDatabase(databaseUrl, { baseDir: rootDir });
  } catch (error) {
    if (!(error instanceof SchemaEngineError) || error.code !== "P1003") throw error;
    try {
      await createDatabase(databaseUrl, { baseDir: rootDir });
    } catch (createError) {
      // Another server created it in the meantime.
      if (!(createError instanceof SchemaEngineError) || createError.code !== "P1009")
        throw createError;
    }
  }
}

/** PostgreSQL's code for "database does not exist". */
const UNDEFINED_DATABASE = "3D000";

async function lockPostgres(
  databaseUrl: string,
  create: () => Promise<void>,
): Promise<() => Promise<void>> {
  const url = new URL(databaseUrl);
  url.searchParams.delete("schema");
  let client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (error) {
    if ((error as { code?: string }).code !== UNDEFINED_DATABASE) throw error;
    await create();
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
  }
  try {
    // The lock is a session's: through a pooler in transaction mode it would not hold (decision 102).
    await checkSessionKept(client, url.toString());
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_ADVISORY_LOCK_KEY]);
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return async () => {
    // Ending the session releases the lock even if the unlock query fails.
    await client
      .query("SELECT pg_advisory_unlock($1)", [MIGRATION_ADVISORY_LOCK_KEY])
      .catch(() => {});
    await client.end().catch(() => {});
  };
}

const HINTS: Record<string, string> = {
  P3005:
    "The database already has tables but no migration history; baseline it (prisma migrate resolve --applied <migration>) or use an empty database.",
  P3009:
    "A migration failed earlier. Fix the database, then mark it with `npm run prisma -- migrate resolve --rolled-back <migration>` (or --applied).",
  P3018:
    "A migration failed to apply. Fix the migration or the database, then resolve it with `npm run prisma -- migrate resolve`.",
};

function describe(error: unknown): string {
  if (error instanceof Error && /SocketTimeout|database is locked/.test(error.message)) {
    return "the database is busy: another Rungs server or script is writing to it. Stop it (or wait for it to finish) and try again.";
  }
  if (error instanceof SchemaEngineError) {
    // Drop the engine's span trace ("   0: sql_schema_connector::...").
    const message = error.message.split(/\n\s*0: /)[0]!.trim();
    const hint = error.code ? HINTS[error.code] : undefined;
    return [error.code ? `${error.code}: ${message}` : message, hint].filter(Boolean).join("\n");
  }
  return error instanceof Error ? error.message : String(error);
}
