import {
  ColumnTypeEnum,
  type ArgType,
  type ColumnType,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { Prisma } from "../../prisma/generated/sqlite/client";

/**
 * A raw read's statement and rows as Prisma's `$queryRaw` makes them (@prisma/client 7.10's
 * runtime: its parameters' serialization, and its raw results' conversion by column type), for
 * readRows, which hands the statement to the driver adapter itself (decision 171). The same
 * statement reaches the same adapter with the same values and argument types, and the rows come
 * back as the same values: `test/integration/db/raw-rows.test.ts` holds both ways side by side.
 */
export function rawStatement(query: Prisma.Sql, provider: "sqlite" | "postgres"): SqlQuery {
  const args: unknown[] = [];
  const argTypes: ArgType[] = [];
  for (const value of query.values) {
    if (Array.isArray(value)) {
      args.push(value.map(argOf));
      argTypes.push({
        scalarType: value.length ? scalarTypeOf(value[0]) : "unknown",
        arity: "list",
      });
    } else {
      args.push(argOf(value));
      argTypes.push({ scalarType: scalarTypeOf(value), arity: "scalar" });
    }
  }
  // Prisma.Sql writes both placeholders: `?` (SQLite) and `$1` (PostgreSQL).
  return { sql: provider === "postgres" ? query.text : query.sql, args, argTypes };
}

function argOf(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error("Provided Date object is invalid");
    return value.toJSON();
  }
  if (Prisma.Decimal.isDecimal(value)) return (value as Prisma.Decimal).toJSON();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (typeof value === "object") return JSON.stringify(value);
  return value;
}

function scalarTypeOf(value: unknown): ArgType["scalarType"] {
  if (typeof value === "bigint") return "bigint";
  if (value instanceof Date) return "datetime";
  if (Prisma.Decimal.isDecimal(value)) return "decimal";
  if (value instanceof Uint8Array) return "bytes";
  if (typeof value === "number") return "decimal";
  if (typeof value === "string") return "string";
  return "unknown";
}

/** Each row as an object by column name, each value as `$queryRaw` gives it for its column's type. */
export function rawRowsOf(result: SqlResultSet): Record<string, unknown>[] {
  const { columnNames, columnTypes } = result;
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let index = 0; index < columnNames.length; index += 1)
      out[columnNames[index]!] = valueOf(row[index], columnTypes[index]!);
    return out;
  });
}

const ARRAY_OF: Partial<Record<ColumnType, ColumnType>> = {
  [ColumnTypeEnum.Int32Array]: ColumnTypeEnum.Int32,
  [ColumnTypeEnum.Int64Array]: ColumnTypeEnum.Int64,
  [ColumnTypeEnum.NumericArray]: ColumnTypeEnum.Numeric,
  [ColumnTypeEnum.BooleanArray]: ColumnTypeEnum.Boolean,
  [ColumnTypeEnum.DateArray]: ColumnTypeEnum.Date,
  [ColumnTypeEnum.TimeArray]: ColumnTypeEnum.Time,
  [ColumnTypeEnum.DateTimeArray]: ColumnTypeEnum.DateTime,
  [ColumnTypeEnum.JsonArray]: ColumnTypeEnum.Json,
  [ColumnTypeEnum.BytesArray]: ColumnTypeEnum.Bytes,
};

function valueOf(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  const element = ARRAY_OF[type];
  if (element !== undefined && Array.isArray(value))
    return value.map((item) => valueOf(item, element));
  switch (type) {
    case ColumnTypeEnum.Int32:
      return Math.trunc(Number(value));
    case ColumnTypeEnum.Int64:
      return typeof value === "bigint"
        ? value
        : BigInt(typeof value === "number" ? Math.trunc(value) : String(value));
    case ColumnTypeEnum.Numeric:
      return new Prisma.Decimal(value as string | number);
    case ColumnTypeEnum.Boolean:
      return typeof value === "boolean"
        ? value
        : typeof value === "string"
          ? value === "true" || value === "1"
          : value === 1 || value === 1n;
    case ColumnTypeEnum.Date:
    case ColumnTypeEnum.DateTime:
      return new Date(value as string | number);
    case ColumnTypeEnum.Time:
      return new Date(`1970-01-01T${String(value)}Z`);
    case ColumnTypeEnum.Json:
      return typeof value === "string" ? JSON.parse(value) : value;
    case ColumnTypeEnum.Bytes:
      return new Uint8Array(value as ArrayLike<number>);
    default:
      return value;
  }
}
