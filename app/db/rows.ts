import { z } from "zod";

/**
 * Raw SQL rows are parsed once, where they are read, into typed objects. The two
 * databases return some values differently: counts are bigints on PostgreSQL, timestamps
 * are Date objects there and ISO text in SQLite's raw reads, booleans are 0 and 1 on SQLite.
 */
export const sqlInt = z
  .union([z.number(), z.bigint(), z.string()])
  .transform((value) => Number(value));
export const sqlDate = z
  .union([z.date(), z.string(), z.number()])
  .transform((value) => (value instanceof Date ? value : new Date(value)));
export const sqlBool = z
  .union([z.boolean(), z.number(), z.bigint()])
  .transform((value) => Number(value) !== 0);

export function parseRows<S extends z.ZodType>(schema: S, rows: readonly unknown[]): z.output<S>[] {
  return rows.map((row) => schema.parse(row));
}

/**
 * A parsed row of counts and newest changes as one line, the version a kept view is keyed by
 * (decisions 042, 048, 049): the same on both databases, a missing date an empty part.
 */
export function versionLine(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((value) => (value instanceof Date ? value.getTime() : String(value)))
    .join("|");
}

/** A row of one id, as the reporting line's reads give. */
export const idRow = z.object({ id: z.string() });
