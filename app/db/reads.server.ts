import { z } from "zod";
import { Prisma, rawRows, type Db } from "./client.server";
import { parseRows, sqlDate } from "./rows";

/**
 * The one way Rungs runs raw SQL: where Prisma's model API cannot say a query (a recursive walk
 * of the reporting line, a window over ratings, a count beside its rows), a domain's
 * queries.server.ts passes it here. It runs on the driver adapter Prisma's client connected, with
 * the statement and rows `$queryRaw` would make (decision 171: Prisma's request pipeline cost more
 * than the statements), or in a transaction through the transaction's `$queryRaw`. Every model
 * query and raw query therefore reaches the database one way: Prisma's driver adapter, its pool
 * and its prepared statements, counted (statement-count.server.ts) and timed
 * (statement-timing.server.ts) alike.
 *
 * Rows come back as Prisma gives raw rows: counts are bigints on PostgreSQL, timestamps Date
 * objects or ISO text, booleans 0 and 1 on SQLite. The domain's queries module parses each row
 * once with the parsers in app/db/rows.ts, which take either form.
 *
 * Use it as `db.$queryRaw` is used: `readRows\`SELECT … WHERE id = ${id}\``, or with a
 * `Prisma.sql` query; in a transaction, `readRowsIn(tx, Prisma.sql\`…\`)`. With read replicas,
 * `readRows` follows the same rule as the model reads (app/db/read-routing.ts): a replica's inside
 * `mayLag` in a page's GET, the primary otherwise; a transaction's reads are the primary's.
 */
export function readRows(
  query: TemplateStringsArray | Prisma.Sql,
  ...values: unknown[]
): Promise<unknown[]> {
  const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  // On a replica inside `mayLag` in a page's request, else the primary (app/db/read-routing.ts).
  return rawRows(sql);
}

/**
 * Words the code fixes (a stage, a state, a kind), written into a raw statement as SQL literals
 * instead of bound values: SQLite plans a statement once, without looking at its bound values
 * (decision 150), so only a literal lets its planner see from the index samples that a word is rare
 * (the few candidates in an active stage among thousands hired or rejected) and search by it.
 * Only words of letters, digits, `_` and `-` are written; anything else is a programming error.
 */
export function words(values: readonly string[]): Prisma.Sql {
  for (const value of values)
    if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`Not a word the code fixes: ${value}`);
  return Prisma.raw(values.map((value) => `'${value}'`).join(", "));
}

/**
 * A page's size or offset written into a raw statement as an SQL literal instead of a bound value:
 * PostgreSQL prices a bound LIMIT or OFFSET as a tenth of the rows, so its plan for any value
 * looked dearer than one for the value at hand, and a statement with one was planned afresh on every
 * read (decision 172). Only whole numbers are written; anything else is a programming error.
 */
export function wholeNumber(value: number): Prisma.Sql {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`Not a whole number: ${value}`);
  return Prisma.raw(String(value));
}

/** Tables whose rows are never deleted (people are deactivated or erased in place, candidates purged in place), each with an index on `updatedAt`. */
type NeverDeleted = "User" | "HiringCandidate";

const newestRow = z.object({ updatedAt: sqlDate });

/**
 * When anything in a table whose rows are never deleted last changed, for the versions kept views
 * are keyed by: one row from the end of its `updatedAt` index. An aggregate's MAX, which Prisma
 * wraps in a subquery with an OFFSET, and a count read every row, which grows with the
 * organisation (decision 069); a bound LIMIT is planned afresh on every read (decision 172).
 */
export async function newestChange(table: NeverDeleted): Promise<Date | null> {
  const [row] = parseRows(
    newestRow,
    await readRows`SELECT "updatedAt" FROM ${Prisma.raw(`"${table}"`)} ORDER BY "updatedAt" DESC LIMIT 1`,
  );
  return row?.updatedAt ?? null;
}

/** A raw read on `client` (a transaction's, or the app's). */
export function readRowsIn(client: Pick<Db, "$queryRaw">, query: Prisma.Sql): Promise<unknown[]> {
  return client.$queryRaw<unknown[]>(query);
}

/** A raw write on `client` (a transaction's, or the app's): the number of rows it changed. */
export function writeRows(client: Pick<Db, "$executeRaw">, query: Prisma.Sql): Promise<number> {
  return client.$executeRaw(query);
}
