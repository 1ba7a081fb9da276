import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { differingTables } from "~/modules/operations/backup-file";
import {
  BackupError,
  backupDatabase,
  restoreDatabase,
  tableFingerprints,
} from "~/modules/operations/backup.server";
import { seedDemo } from "../../../prisma/seed/demo";
import {
  dropPostgresDatabase,
  postgresBase,
  postgresTestPrefix,
  postgresUrlFor,
  provider,
  sqliteBase,
  withPostgres,
} from "../../setup/databases";

const folder = mkdtempSync(path.join(os.tmpdir(), "rungs-backup-test-"));
const source = () => process.env.DATABASE_URL!;
// Backups take a session of their own: behind the run's pooler, the database itself (decision 102).
const sessionSource = () => process.env.DATABASE_DIRECT_URL ?? source();
const created: string[] = [];

/** A database to restore into: migrated and without rows (a server started once), or nothing at all. */
async function emptyDatabase(state: "migrated" | "blank"): Promise<string> {
  const name = `${postgresTestPrefix}restore_${randomBytes(4).toString("hex")}`;
  if (provider === "postgresql") {
    await withPostgres((client) =>
      client.query(
        state === "migrated"
          ? `CREATE DATABASE "${name}" TEMPLATE "${postgresBase}"`
          : `CREATE DATABASE "${name}"`,
      ),
    );
    created.push(name);
    return postgresUrlFor(name);
  }
  const file = path.join(folder, `${name}.db`);
  if (state === "migrated") {
    const base = new Database(sqliteBase, { readonly: true });
    await base.backup(file);
    base.close();
  }
  return `file:${file}`;
}

afterAll(async () => {
  if (provider === "postgresql")
    await withPostgres(async (client) => {
      for (const name of created) await dropPostgresDatabase(client, name);
    });
});

async function expectRefused(promise: Promise<unknown>, message: RegExp) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BackupError);
  expect((error as Error).message).toMatch(message);
}

describe("backup and restore", { timeout: 120_000 }, () => {
  test("round-trip the demo organisation exactly: every table's rows and their content", async () => {
    await seedDemo();
    const file = path.join(folder, "demo.backup");
    const result = await backupDatabase(sessionSource(), file);
    expect(result.rows).toBeGreaterThan(1000);

    const target = await emptyDatabase("migrated");
    await restoreDatabase(target, file);
    const [before, after] = await Promise.all([
      tableFingerprints(source()),
      tableFingerprints(target),
    ]);
    expect(after.length).toBe(before.length);
    expect(differingTables(before, after)).toEqual([]);

    // Into a database that has never been migrated, too (a new server's database).
    const blank = await emptyDatabase("blank");
    await restoreDatabase(blank, file);
    expect(differingTables(before, await tableFingerprints(blank))).toEqual([]);
  });

  test("refuses a database with rows unless told, and then replaces all of it", async () => {
    await seedDemo();
    const file = path.join(folder, "replace.backup");
    await backupDatabase(sessionSource(), file);
    const target = await emptyDatabase("migrated");
    await restoreDatabase(target, file);
    // The target moves on: a row changed, and a table gains a row.
    await withDatabase(
      target,
      "UPDATE \"User\" SET name = 'Changed after the backup' WHERE email = 'lena.fischer@example.com'",
    );
    const moved = await tableFingerprints(target);

    await expectRefused(restoreDatabase(target, file), /not empty \(.+ hold rows\).*--force/);
    expect(differingTables(moved, await tableFingerprints(target))).toEqual([]);

    await restoreDatabase(target, file, { force: true });
    expect(
      differingTables(await tableFingerprints(source()), await tableFingerprints(target)),
    ).toEqual([]);
  });

  test("a file that is no backup, a missing file or the other database's backup is refused and changes nothing", async () => {
    const target = await emptyDatabase("migrated");
    const before = await tableFingerprints(target);
    const text = path.join(folder, "notes.txt");
    writeFileSync(text, "these are not the rows you are looking for");
    await expectRefused(restoreDatabase(target, text), /not a Rungs backup/);
    await expectRefused(
      restoreDatabase(target, path.join(folder, "missing.backup")),
      /no backup at/,
    );
    const other = path.join(folder, "other-kind.backup");
    writeFileSync(
      other,
      provider === "postgresql" ? "SQLite format 3\0 and then some" : "PGDMP and then some",
    );
    await expectRefused(
      restoreDatabase(target, other),
      provider === "postgresql"
        ? /SQLite backup.*PostgreSQL database/
        : /PostgreSQL backup.*SQLite database/,
    );
    const foreign = path.join(folder, "foreign.db");
    new Database(foreign).exec("CREATE TABLE notes (text TEXT)");
    if (provider === "sqlite")
      await expectRefused(restoreDatabase(target, foreign), /not a Rungs one/);
    expect(differingTables(before, await tableFingerprints(target))).toEqual([]);
  });

  test("a backup taken while 50 connections write restores to a state the database had: no write half in", async () => {
    // As the app server runs it: write-ahead logging, so writers never wait for the backup's reads nor it for them.
    if (provider === "sqlite") await withDatabase(source(), "PRAGMA journal_mode = WAL");
    await withDatabase(
      source(),
      'CREATE TABLE "BackupProbe" (writer INTEGER NOT NULL, round INTEGER NOT NULL, half INTEGER NOT NULL)',
    );
    let writing = true;
    let committed = 0;
    const writers = Array.from({ length: 50 }, (_, writer) => write(writer));
    async function write(writer: number) {
      const connection = await connect(source());
      try {
        for (let round = 0; writing; round++) {
          // Each write is two rows in one transaction, as an autosave writes an answer and its progress.
          await connection.transaction([
            `INSERT INTO "BackupProbe" (writer, round, half) VALUES (${writer}, ${round}, 1)`,
            `INSERT INTO "BackupProbe" (writer, round, half) VALUES (${writer}, ${round}, 2)`,
          ]);
          committed++;
        }
      } finally {
        await connection.close();
      }
    }
    while (committed < 100) await new Promise((resolve) => setTimeout(resolve, 5));
    const file = path.join(folder, "busy.backup");
    await backupDatabase(sessionSource(), file);
    writing = false;
    await Promise.all(writers);

    const target = await emptyDatabase("blank");
    await restoreDatabase(target, file);
    const rows = await withDatabase(
      target,
      'SELECT writer, round, COUNT(*) AS halves FROM "BackupProbe" GROUP BY writer, round',
    );
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.filter((row) => Number(row.halves) !== 2)).toEqual([]);
  });
});

type Row = Record<string, unknown>;

async function withDatabase(url: string, sql: string): Promise<Row[]> {
  const connection = await connect(url);
  try {
    return await connection.query(sql);
  } finally {
    await connection.close();
  }
}

/** A plain connection of its own (not the app's client), so writers really are concurrent. */
async function connect(url: string) {
  if (url.startsWith("file:")) {
    const database = new Database(url.slice("file:".length));
    database.pragma("busy_timeout = 10000");
    return {
      query: async (sql: string) =>
        /^\s*select/i.test(sql) ? (database.prepare(sql).all() as Row[]) : (database.exec(sql), []),
      transaction: async (statements: string[]) => {
        await new Promise((resolve) => setImmediate(resolve));
        database.transaction(() => statements.forEach((statement) => database.exec(statement)))();
      },
      close: async () => database.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async (sql: string) => (await client.query<Row>(sql)).rows,
    transaction: async (statements: string[]) => {
      await client.query("BEGIN");
      for (const statement of statements) await client.query(statement);
      await client.query("COMMIT");
    },
    close: () => client.end(),
  };
}
