import Database from "better-sqlite3";
import pg from "pg";
import { metrics } from "~/modules/operations/metrics.server";
import { getEnv } from "~/utils/env.server";
import { db, postgresReads, Prisma, sqliteFilePath } from "./client.server";
import { noteStatement } from "./statement-count.server";

/**
 * The rows of one read-only SQL statement, read by the database driver itself rather than
 * through Prisma's query pipeline (decision 055). Prisma spends 80 µs or more of JavaScript on
 * each raw statement and more on each row it hands back (it converts every value by its column's
 * type); a primary-key read costs the driver about a tenth of that. Pages that read through
 * raw SQL (the home page's to-do, the growth pages, the session) spent a fifth to a third of
 * their loaders' time there.
 *
 * - On SQLite the statement runs on a read-only connection of this process's own, which reads
 *   what is committed (WAL), with its prepared statements kept; on PostgreSQL, on the pool
 *   Prisma uses, prepared once per connection under the name Prisma would give it.
 * - Only statements outside a transaction that need not see one in progress: inside a
 *   transaction, read through its client (`tx.$queryRaw`). Every page reads after its action
 *   has committed.
 * - Rows come back as the driver gives them, as readOffLoop's do: on SQLite numbers, text and
 *   null (ISO text for timestamps, 0 and 1 for booleans); on PostgreSQL counts as text and
 *   timestamps as Date objects. The domain's queries module parses each row once (app/db/rows.ts).
 * - Statements are counted (statement-count.server.ts) and timed for /metrics as Prisma's are.
 *
 * Use it as `db.$queryRaw` is used: `readRows\`SELECT … WHERE id = ${id}\``, or with a
 * `Prisma.sql` query.
 */
export function readRows(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<unknown[]> {
  const statement = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  return getEnv().databaseProvider === "sqlite" ? readSqlite(statement) : readPostgres(statement);
}

function timed<T>(run: () => T): T {
  const started = performance.now();
  try {
    return run();
  } finally {
    metrics().databaseStatementDuration.observe((performance.now() - started) / 1000);
  }
}

// ---------------------------------------------------------------- SQLite

async function readSqlite(query: Prisma.Sql): Promise<unknown[]> {
  noteStatement(query.sql);
  const reader = sqliteReader(sqliteFilePath(getEnv().DATABASE_URL));
  return timed(() => reader.read(query.sql, query.values.map(toSqlite)));
}

/** As Prisma's SQLite adapter binds values (its default ISO 8601 timestamps). */
export function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

const KEPT_STATEMENTS = 500;

type Kept = { statement: Database.Statement; jsonColumns: string[] };

class SqliteReader {
  private readonly connection: Database.Database;
  private readonly kept = new Map<string, Kept>();

  constructor(readonly file: string) {
    this.connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    // The app's connection's page cache size: large organisations' pages stay in memory.
    this.connection.pragma("cache_size = -65536");
  }

  read(sql: string, values: unknown[]): unknown[] {
    let kept = this.kept.get(sql);
    if (kept) {
      // Most recently used last, so the oldest goes first when there are too many.
      this.kept.delete(sql);
    } else {
      const statement = this.connection.prepare(sql);
      kept = { statement, jsonColumns: jsonColumnsOf(statement) };
      if (this.kept.size >= KEPT_STATEMENTS) this.kept.delete(this.kept.keys().next().value!);
    }
    this.kept.set(sql, kept);
    const rows = kept.statement.all(...values) as Record<string, unknown>[];
    if (kept.jsonColumns.length) for (const row of rows) for (const column of kept.jsonColumns) row[column] = parseJson(row[column]);
    return rows;
  }

  close() {
    this.connection.close();
  }
}

/**
 * The result columns read straight from a Json column (declared JSONB in SQLite's schema): SQLite
 * gives their text, which is parsed here as PostgreSQL's driver parses json, so a row reads the
 * same from both databases. A column worked out by an expression has no declared type and is left as it is.
 */
function jsonColumnsOf(statement: Database.Statement): string[] {
  if (!statement.reader) return [];
  return statement
    .columns()
    .filter((column) => /^jsonb?$/i.test(column.type ?? ""))
    .map((column) => column.name);
}

function parseJson(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}

/** One reader per database file, kept across dev-server reloads, and replaced when the database changes (each test file has its own). */
const globalForReader = globalThis as unknown as { rungsSqliteReader?: SqliteReader };

function sqliteReader(file: string): SqliteReader {
  const current = globalForReader.rungsSqliteReader;
  if (current?.file === file) return current;
  current?.close();
  return (globalForReader.rungsSqliteReader = new SqliteReader(file));
}

// ---------------------------------------------------------------- PostgreSQL

async function readPostgres(query: Prisma.Sql): Promise<unknown[]> {
  let reads = postgresReads();
  if (!reads) {
    // Prisma opens its pool on its first statement; a read may come first.
    await db.$connect();
    reads = postgresReads();
    if (!reads) throw new Error("PostgreSQL's pool did not open");
  }
  const text = query.text;
  noteStatement(text);
  const { pool, statementName } = reads;
  const started = performance.now();
  try {
    const result = await pool.query({ text, values: query.values.map(toPostgres), name: statementName?.({ sql: text }), types: postgresTypes } as pg.QueryConfig);
    return result.rows;
  } finally {
    metrics().databaseStatementDuration.observe((performance.now() - started) / 1000);
  }
}

/** A Date as UTC text: the schema's timestamps are `timestamp(3)` in UTC, and PostgreSQL drops an offset when it casts to that type. */
function toPostgres(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/** `timestamp` (without time zone, oid 1114) holds UTC here: node-postgres would read it in the process's own zone. */
const TIMESTAMP = 1114;
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);

const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP && format !== "binary" ? utcTimestamp : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};
