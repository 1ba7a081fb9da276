// The app's SQLite driver adapter (app/db/sqlite-adapter.server.ts, decision 094) on a database of
// its own: each statement prepared once and kept, values bound at each run, the conversions Prisma's
// query engine expects, driver errors as Prisma reads them, one transaction at a time. Every other
// database test on SQLite runs through it too, by way of Prisma.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type ArgType,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  SqliteAdapterFactory,
  STABLE_PLANS_EXTENSION,
  type SqliteAdapter,
} from "~/db/sqlite-adapter.server";

const scalar = (scalarType: ArgType["scalarType"]): ArgType => ({ scalarType, arity: "scalar" });
const query = (sql: string, args: [unknown, ArgType["scalarType"]][] = []): SqlQuery => ({
  sql,
  args: args.map(([value]) => value),
  argTypes: args.map(([, type]) => scalar(type)),
});

let folder: string;
let adapter: SqliteAdapter;

async function open(statementCacheSize?: number) {
  adapter = await new SqliteAdapterFactory({
    file: path.join(folder, "adapter.db"),
    statementCacheSize,
  }).connect();
  await adapter.executeScript(`
    CREATE TABLE "Thing" ("id" TEXT PRIMARY KEY, "count" INTEGER, "big" BIGINT, "ratio" REAL, "done" BOOLEAN, "at" DATETIME, "bytes" BLOB);
    CREATE TABLE "Tag" ("thingId" TEXT NOT NULL REFERENCES "Thing" ("id"), "name" TEXT NOT NULL);
  `);
  await adapter.executeRaw(query("PRAGMA foreign_keys = ON"));
}

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "rungs-sqlite-adapter-"));
});
afterEach(async () => {
  await adapter?.dispose();
  rmSync(folder, { recursive: true, force: true });
});

const insert = (id: string, count: string, done: boolean) =>
  query(
    `INSERT INTO "Thing" ("id", "count", "big", "ratio", "done", "at", "bytes") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      [id, "string"],
      [count, "int"],
      ["9007199254740993", "bigint"],
      ["0.25", "decimal"],
      [done, "boolean"],
      ["2026-11-28T09:30:00.000Z", "datetime"],
      [Buffer.from("hello").toString("base64"), "bytes"],
    ],
  );
const byId = (id: string) =>
  query(
    `SELECT "id", "count", "big", "ratio", "done", "at", "bytes", "count" * 2 AS "twice" FROM "Thing" WHERE "id" = ?`,
    [[id, "string"]],
  );

describe("the SQLite adapter", () => {
  test("a statement is prepared once and run again with each query's own values, nothing bound from the run before", async () => {
    await open();
    expect(await adapter.executeRaw(insert("a", "1", true))).toBe(1);
    expect(await adapter.executeRaw(insert("b", "2", false))).toBe(1);
    const before = adapter.statementCounts;
    const first = await adapter.queryRaw(byId("a"));
    const second = await adapter.queryRaw(byId("b"));
    const third = await adapter.queryRaw(byId("nobody"));
    expect(adapter.statementCounts).toEqual({
      prepared: before.prepared + 1,
      kept: before.kept + 1,
    });
    expect([first.rows[0]![0], second.rows[0]![0], third.rows]).toEqual(["a", "b", []]);
    expect(await adapter.executeRaw(insert("c", "3", true))).toBe(1);
    expect(adapter.statementCounts).toEqual({
      prepared: before.prepared + 1,
      kept: before.kept + 1,
    });
  });

  test("SQLite keeps a statement's plan whatever values are bound to it, so it never plans it again at a run (decision 150)", async () => {
    expect(
      existsSync(STABLE_PLANS_EXTENSION),
      "the stable plans extension was not built: run node scripts/sqlite-stable-plans.mjs",
    ).toBe(true);
    await open();
    // One value on most rows and 400 others on a few each, with the index samples ANALYZE keeps: on
    // average a value is on five rows, so the plan searches the index; a planner that planned again
    // for the value bound would scan the table for the common one.
    await adapter.executeScript(`
      CREATE TABLE "Skewed" ("id" INTEGER PRIMARY KEY, "kind" TEXT NOT NULL, "note" TEXT);
      CREATE INDEX "Skewed_kind" ON "Skewed" ("kind");
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
        INSERT INTO "Skewed" ("kind", "note") SELECT CASE WHEN i % 5 = 0 THEN 'rare ' || i ELSE 'common' END, 'x' FROM n;
      ANALYZE;
    `);
    const plan = async (kind: string) =>
      (
        await adapter.queryRaw(
          query(`EXPLAIN QUERY PLAN SELECT * FROM "Skewed" WHERE "kind" = ?`, [[kind, "string"]]),
        )
      ).rows.map((row) => row.at(-1));
    expect(await plan("rare 5")).toEqual([`SEARCH Skewed USING INDEX Skewed_kind (kind=?)`]);
    expect(await plan("common")).toEqual([`SEARCH Skewed USING INDEX Skewed_kind (kind=?)`]);
  });

  test("values go in and come out as Prisma's query engine expects", async () => {
    await open();
    await adapter.executeRaw(insert("a", "7", true));
    const read = await adapter.queryRaw(byId("a"));
    expect(read.columnNames).toEqual([
      "id",
      "count",
      "big",
      "ratio",
      "done",
      "at",
      "bytes",
      "twice",
    ]);
    // Declared types name the column's type; an expression's comes from its first value that is not null.
    expect(read.columnTypes).toEqual([
      ColumnTypeEnum.Text,
      ColumnTypeEnum.Int32,
      ColumnTypeEnum.Int64,
      ColumnTypeEnum.Double,
      ColumnTypeEnum.Boolean,
      ColumnTypeEnum.DateTime,
      ColumnTypeEnum.Bytes,
      ColumnTypeEnum.Int64,
    ]);
    const [id, count, big, ratio, done, at, bytes, twice] = read.rows[0]!;
    // Whole numbers come back as numbers while safe, as text beyond; booleans as 1 and 0; times as written, in UTC.
    expect([id, count, big, ratio, done, at, twice]).toEqual([
      "a",
      7,
      "9007199254740993",
      0.25,
      1,
      "2026-11-28T09:30:00.000+00:00",
      14,
    ]);
    expect(Buffer.from(bytes as Uint8Array).toString()).toBe("hello");
  });

  test("the cache keeps the most recently used statements, and one let go is prepared again when it comes back", async () => {
    await open(2);
    await adapter.executeRaw(insert("a", "1", true));
    const equal = `SELECT "id" FROM "Thing" WHERE "count" = ?`;
    const above = `SELECT "id" FROM "Thing" WHERE "count" > ?`;
    const below = `SELECT "id" FROM "Thing" WHERE "count" < ?`;
    expect((await adapter.queryRaw(query(equal, [["1", "int"]]))).rows).toEqual([["a"]]);
    expect((await adapter.queryRaw(query(above, [["1", "int"]]))).rows).toEqual([]);
    const before = adapter.statementCounts;
    expect((await adapter.queryRaw(query(below, [["5", "int"]]))).rows).toEqual([["a"]]);
    expect(adapter.statementCounts).toEqual({ prepared: before.prepared + 1, kept: 2 });
    // The most recent two are kept: asked again, neither is prepared again.
    expect((await adapter.queryRaw(query(above, [["0", "int"]]))).rows).toEqual([["a"]]);
    expect(adapter.statementCounts).toEqual({ prepared: before.prepared + 1, kept: 2 });
    // The first was let go; asked again, it is prepared again and answers as before.
    expect((await adapter.queryRaw(query(equal, [["1", "int"]]))).rows).toEqual([["a"]]);
    expect(adapter.statementCounts).toEqual({ prepared: before.prepared + 2, kept: 2 });
  });

  test("a driver's error is one Prisma reads: a unique or foreign key constraint names what failed, and nothing is written", async () => {
    await open();
    await adapter.executeRaw(insert("a", "1", true));
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        return error instanceof DriverAdapterError ? error.cause : error;
      }
      throw new Error("expected a refusal");
    };
    expect(await refusal(() => adapter.executeRaw(insert("a", "2", false)))).toMatchObject({
      kind: "UniqueConstraintViolation",
      constraint: { fields: ["id"] },
      table: "Thing",
      originalCode: "SQLITE_CONSTRAINT_PRIMARYKEY",
    });
    expect(
      await refusal(() =>
        adapter.executeRaw(
          query(`INSERT INTO "Tag" ("thingId", "name") VALUES (?, ?)`, [
            ["nothing", "string"],
            ["x", "string"],
          ]),
        ),
      ),
    ).toMatchObject({ kind: "ForeignKeyConstraintViolation" });
    expect(await refusal(() => adapter.queryRaw(query(`SELECT nope FROM "Thing"`)))).toMatchObject({
      kind: "ColumnNotFound",
      column: "nope",
    });
    expect((await adapter.queryRaw(query(`SELECT COUNT(*) AS "n" FROM "Thing"`))).rows).toEqual([
      [1],
    ]);
  });

  test("one transaction at a time: the next begins once the one before has committed, and a rolled-back one leaves nothing", async () => {
    await open();
    const first = await adapter.startTransaction();
    await first.executeRaw(insert("a", "1", true));
    let secondBegan = false;
    const second = adapter.startTransaction().then((transaction) => {
      secondBegan = true;
      return transaction;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondBegan).toBe(false);
    await first.executeRaw(query("COMMIT"));
    await first.commit();
    const next = await second;
    expect(secondBegan).toBe(true);
    await next.executeRaw(insert("b", "2", true));
    await next.executeRaw(query("ROLLBACK"));
    await next.rollback();
    expect((await adapter.queryRaw(query(`SELECT "id" FROM "Thing" ORDER BY "id"`))).rows).toEqual([
      ["a"],
    ]);
    await expect(adapter.startTransaction("READ COMMITTED")).rejects.toBeInstanceOf(
      DriverAdapterError,
    );
  });

  test("a transaction that reads, then writes, is not refused because another connection wrote in between: that writer waits instead", async () => {
    await open();
    await adapter.executeRaw(query("PRAGMA journal_mode = WAL"));
    await adapter.executeRaw(insert("a", "1", true));
    // Another process's connection (a script beside the app); no busy timeout, so it answers at once.
    const other = new Database(path.join(folder, "adapter.db"), { timeout: 0 });
    try {
      const transaction = await adapter.startTransaction();
      expect((await transaction.queryRaw(byId("a"))).rows).toHaveLength(1);
      expect(() => other.prepare(`UPDATE "Thing" SET "count" = 5 WHERE "id" = 'a'`).run()).toThrow(
        /database is locked/,
      );
      await transaction.executeRaw(insert("b", "2", true));
      await transaction.executeRaw(query("COMMIT"));
      await transaction.commit();
      other.prepare(`UPDATE "Thing" SET "count" = 5 WHERE "id" = 'a'`).run();
    } finally {
      other.close();
    }
    expect(
      (await adapter.queryRaw(query(`SELECT "id", "count" FROM "Thing" ORDER BY "id"`))).rows,
    ).toEqual([
      ["a", 5],
      ["b", 2],
    ]);
  });
});
