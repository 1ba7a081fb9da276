import { existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type ArgType,
  type ColumnType,
  type ConnectionInfo,
  type IsolationLevel,
  type MappedError,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Prisma's driver adapter for SQLite through better-sqlite3, as `@prisma/adapter-better-sqlite3`
 * 7.10 is, with one difference: **each statement is prepared once**, not on every query
 * (decision 094). Prisma's adapter prepares every statement it runs, and SQLite's preparation
 * (parsing and planning the SQL) was a tenth of a signed-in page's CPU on SQLite; the same SQL
 * comes back on every request, so the prepared statements are kept, the most recently used
 * `STATEMENT_CACHE_SIZE` of them. Values are bound at each run, never to the statement.
 *
 * The conversions (declared column types, values in and out, driver errors) are the ones of
 * Prisma's adapter, which the query engine expects; `test/integration/db/sqlite-adapter.test.ts`
 * holds them, and every database test runs through this adapter.
 */

/**
 * The extension that turns on SQLite's query planner stability guarantee (decision 150), built at
 * install by scripts/sqlite-stable-plans.mjs. Without it SQLite plans a kept statement again at every
 * run: better-sqlite3 clears a statement's values after each run, and SQLite takes that as values
 * that may change the plan of any statement with a LIMIT, a column compared with a value, or index
 * samples. A machine without a C compiler runs without it, as before, only slower.
 */
export const STABLE_PLANS_EXTENSION = path.resolve(
  "node_modules/.cache/rungs/sqlite-stable-plans.so",
);

/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite that better-sqlite3 builds (the default since SQLite 3.32), as PostgreSQL's. */
export const SQLITE_MAX_BOUND_VALUES = 32_766;

/**
 * How many prepared statements a connection keeps. The app's model reads repeat a few hundred
 * shapes of SQL; a list bound as `IN (?, ?, …)` is a new shape for each length, so the oldest go.
 */
export const STATEMENT_CACHE_SIZE = 500;

const ADAPTER_NAME = "rungs-better-sqlite3";

type Prepared = {
  statement: Database.Statement;
  reader: boolean;
  columnNames: string[];
  declaredTypes: (string | null)[];
};

/** A connection's prepared statements by their SQL, the most recently used last. */
class StatementCache {
  readonly #statements = new Map<string, Prepared>();
  /** Statements prepared since the connection opened, kept or let go since. */
  prepared = 0;
  constructor(
    private readonly database: Database.Database,
    private readonly size: number,
  ) {}

  get(sql: string): Prepared {
    const kept = this.#statements.get(sql);
    if (kept) {
      // Most recently used last: the first in the map is the one to let go.
      this.#statements.delete(sql);
      this.#statements.set(sql, kept);
      return kept;
    }
    const statement = this.database.prepare(sql);
    this.prepared++;
    const reader = statement.reader;
    if (reader) statement.raw(true);
    const columns = reader ? statement.columns() : [];
    const prepared = {
      statement,
      reader,
      columnNames: columns.map((column) => column.name),
      declaredTypes: columns.map((column) => column.type),
    };
    this.#statements.set(sql, prepared);
    if (this.#statements.size > this.size)
      this.#statements.delete(this.#statements.keys().next().value!);
    return prepared;
  }

  get kept(): number {
    return this.#statements.size;
  }
}

class Queryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(protected readonly statements: StatementCache) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      const prepared = this.statements.get(query.sql);
      const args = query.args.map((arg, index) => mapArg(arg, query.argTypes[index]!));
      if (!prepared.reader) {
        prepared.statement.run(args);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
      const rows = prepared.statement.all(args) as unknown[][];
      const columnTypes = getColumnTypes(prepared.declaredTypes, rows);
      return {
        columnNames: prepared.columnNames,
        columnTypes,
        rows: rows.map((row) => mapRow(row, columnTypes)),
      };
    } catch (error) {
      throw asDriverError(error);
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      const prepared = this.statements.get(query.sql);
      const args = query.args.map((arg, index) => mapArg(arg, query.argTypes[index]!));
      return prepared.statement.run(args).changes;
    } catch (error) {
      throw asDriverError(error);
    }
  }
}

class SqliteTransaction extends Queryable implements Transaction {
  // Prisma sends COMMIT and ROLLBACK itself, as statements of the transaction.
  readonly options = { usePhantomQuery: false };
  constructor(
    statements: StatementCache,
    private readonly release: () => void,
  ) {
    super(statements);
  }
  async commit(): Promise<void> {
    this.release();
  }
  async rollback(): Promise<void> {
    this.release();
  }
  async createSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
  async rollbackToSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `ROLLBACK TO ${name}`, args: [], argTypes: [] });
  }
  async releaseSavepoint(name: string): Promise<void> {
    await this.executeRaw({ sql: `RELEASE SAVEPOINT ${name}`, args: [], argTypes: [] });
  }
}

/** One transaction at a time on the connection: the next waits until the one before commits or rolls back. */
class TransactionLock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }
}

export class SqliteAdapter extends Queryable implements SqlDriverAdapter {
  readonly #lock = new TransactionLock();
  constructor(
    private readonly database: Database.Database,
    statementCacheSize = STATEMENT_CACHE_SIZE,
  ) {
    super(new StatementCache(database, statementCacheSize));
  }

  async executeScript(script: string): Promise<void> {
    try {
      this.database.exec(script);
    } catch (error) {
      throw asDriverError(error);
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE")
      throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.#lock.acquire();
    try {
      // IMMEDIATE takes the write lock now, waiting out another process's writer (a script, a second
      // app process) for the busy timeout. A deferred BEGIN that read first would be refused at its
      // first write, at once, if that writer had committed meanwhile (SQLITE_BUSY_SNAPSHOT).
      this.statements.get("BEGIN IMMEDIATE").statement.run();
    } catch (error) {
      release();
      throw asDriverError(error);
    }
    return new SqliteTransaction(this.statements, release);
  }

  /** Prisma assumes SQLite's old limit of 999 bound values unless told; it splits long lists by this. */
  getConnectionInfo(): ConnectionInfo {
    return { maxBindValues: SQLITE_MAX_BOUND_VALUES, supportsRelationJoins: false };
  }

  /** Statements prepared since the connection opened, and how many are kept now (for tests). */
  get statementCounts(): { prepared: number; kept: number } {
    return { prepared: this.statements.prepared, kept: this.statements.kept };
  }

  async dispose(): Promise<void> {
    this.database.close();
  }
}

/** The factory Prisma's client is given: one connection to the file, as Prisma's own adapter makes. */
export class SqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    private readonly config: { file: string; timeout?: number; statementCacheSize?: number },
  ) {}
  async connect(): Promise<SqliteAdapter> {
    const database = new Database(
      this.config.file,
      this.config.timeout === undefined ? {} : { timeout: this.config.timeout },
    );
    database.defaultSafeIntegers(true);
    if (existsSync(STABLE_PLANS_EXTENSION)) database.loadExtension(STABLE_PLANS_EXTENSION);
    return new SqliteAdapter(database, this.config.statementCacheSize);
  }
}

// The conversions below are those of @prisma/adapter-better-sqlite3 7.10 (src/conversion.ts and
// src/errors.ts, Apache-2.0): what the query engine expects of a SQLite adapter.

function mapDeclType(declType: string | null): ColumnType | null {
  if (declType === null) return null;
  switch (declType.toUpperCase()) {
    case "":
      return null;
    case "DECIMAL":
      return ColumnTypeEnum.Numeric;
    case "FLOAT":
      return ColumnTypeEnum.Float;
    case "DOUBLE":
    case "DOUBLE PRECISION":
    case "NUMERIC":
    case "REAL":
      return ColumnTypeEnum.Double;
    case "TINYINT":
    case "SMALLINT":
    case "MEDIUMINT":
    case "INT":
    case "INTEGER":
    case "SERIAL":
    case "INT2":
      return ColumnTypeEnum.Int32;
    case "BIGINT":
    case "UNSIGNED BIG INT":
    case "INT8":
      return ColumnTypeEnum.Int64;
    case "DATETIME":
    case "TIMESTAMP":
      return ColumnTypeEnum.DateTime;
    case "TIME":
      return ColumnTypeEnum.Time;
    case "DATE":
      return ColumnTypeEnum.Date;
    case "TEXT":
    case "CLOB":
    case "CHARACTER":
    case "VARCHAR":
    case "VARYING CHARACTER":
    case "NCHAR":
    case "NATIVE CHARACTER":
    case "NVARCHAR":
      return ColumnTypeEnum.Text;
    case "BLOB":
      return ColumnTypeEnum.Bytes;
    case "BOOLEAN":
      return ColumnTypeEnum.Boolean;
    case "JSONB":
      return ColumnTypeEnum.Json;
    default:
      return null;
  }
}

/** Each column's type from its declaration; a column declared without one (an expression) from its first value that is not null. */
export function getColumnTypes(
  declaredTypes: readonly (string | null)[],
  rows: readonly unknown[][],
): ColumnType[] {
  return declaredTypes.map((declared, column) => {
    const mapped = mapDeclType(declared);
    if (mapped !== null) return mapped;
    for (const row of rows) {
      const value = row[column];
      if (value !== null) return inferColumnType(value);
    }
    return ColumnTypeEnum.Int32;
  });
}

function inferColumnType(value: unknown): ColumnType {
  switch (typeof value) {
    case "string":
      return ColumnTypeEnum.Text;
    case "bigint":
      return ColumnTypeEnum.Int64;
    case "boolean":
      return ColumnTypeEnum.Boolean;
    case "number":
      return ColumnTypeEnum.UnknownNumber;
    case "object":
      if (value instanceof ArrayBuffer || value instanceof Uint8Array) return ColumnTypeEnum.Bytes;
  }
  throw new Error(
    `unexpected value of type ${typeof value}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`,
  );
}

export function mapRow(row: readonly unknown[], columnTypes: readonly ColumnType[]): unknown[] {
  const result: unknown[] = [];
  for (let index = 0; index < row.length; index++) {
    const value = row[index];
    const type = columnTypes[index];
    if (
      typeof value === "number" &&
      (type === ColumnTypeEnum.Int32 || type === ColumnTypeEnum.Int64) &&
      !Number.isInteger(value)
    )
      result[index] = Math.trunc(value);
    else if (
      (typeof value === "number" || typeof value === "bigint") &&
      type === ColumnTypeEnum.DateTime
    )
      result[index] = new Date(Number(value)).toISOString();
    else if (typeof value === "bigint") {
      const asNumber = Number(value);
      result[index] = Number.isSafeInteger(asNumber) ? asNumber : value.toString();
    } else result[index] = value;
  }
  return result;
}

export function mapArg(arg: unknown, argType: ArgType): unknown {
  if (arg === null) return null;
  if (typeof arg === "string") {
    switch (argType.scalarType) {
      case "int":
        return Number.parseInt(arg);
      case "float":
      case "decimal":
        return Number.parseFloat(arg);
      case "bigint":
        return BigInt(arg);
      case "datetime":
        return new Date(arg).toISOString().replace("Z", "+00:00");
      case "bytes":
        return Buffer.from(arg, "base64");
    }
  }
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (arg instanceof Date) return arg.toISOString().replace("Z", "+00:00");
  return arg;
}

const SQLITE_BUSY = 5;
const PRIMARY_ERROR_CODE_MASK = 255;
const UNKNOWN_ERROR_CODE_PREFIX = "UNKNOWN_SQLITE_ERROR_";

/** A driver's error as Prisma reads it (a unique constraint, a busy database, …); anything else unchanged. */
function asDriverError(error: unknown): unknown {
  if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== "string")
    return error;
  const driverError = error as Error & { code: string };
  return new DriverAdapterError({
    originalCode: driverError.code,
    originalMessage: driverError.message,
    ...mapDriverError(driverError),
  });
}

function mapDriverError(error: { code: string; message: string }): MappedError {
  switch (error.code) {
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY": {
      const columns = error.message.split("constraint failed: ").at(1)?.split(", ");
      const fields = columns?.map((field) => field.split(".").pop()!);
      const table = columns?.at(0)?.split(".").slice(0, -1).join(".") || undefined;
      return {
        kind: "UniqueConstraintViolation",
        constraint: fields !== undefined ? { fields } : undefined,
        table,
      } as MappedError;
    }
    case "SQLITE_CONSTRAINT_NOTNULL": {
      const fields = error.message
        .split("constraint failed: ")
        .at(1)
        ?.split(", ")
        .map((field) => field.split(".").pop()!);
      return {
        kind: "NullConstraintViolation",
        constraint: fields !== undefined ? { fields } : undefined,
      } as MappedError;
    }
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "SQLITE_CONSTRAINT_TRIGGER":
      return {
        kind: "ForeignKeyConstraintViolation",
        constraint: { foreignKey: {} },
      } as MappedError;
    default: {
      const extendedCode = extendedCodeFromName(error.code);
      if (
        error.code.startsWith("SQLITE_BUSY") ||
        (extendedCode !== undefined && (extendedCode & PRIMARY_ERROR_CODE_MASK) === SQLITE_BUSY)
      )
        return { kind: "SocketTimeout" } as MappedError;
      if (error.message.startsWith("no such table"))
        return { kind: "TableDoesNotExist", table: error.message.split(": ").at(1) } as MappedError;
      if (error.message.startsWith("no such column"))
        return { kind: "ColumnNotFound", column: error.message.split(": ").at(1) } as MappedError;
      if (error.message.includes("has no column named "))
        return {
          kind: "ColumnNotFound",
          column: error.message.split("has no column named ").at(1),
        } as MappedError;
      return {
        kind: "sqlite",
        extendedCode: extendedCode ?? 1,
        message: error.message,
      } as MappedError;
    }
  }
}

function extendedCodeFromName(code: string): number | undefined {
  if (!code.startsWith(UNKNOWN_ERROR_CODE_PREFIX)) return undefined;
  const extendedCode = Number(code.slice(UNKNOWN_ERROR_CODE_PREFIX.length));
  return Number.isInteger(extendedCode) ? extendedCode : undefined;
}
