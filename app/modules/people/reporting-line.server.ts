import { db, Prisma, type Db } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";
import { readRows, readRowsIn, writeRows } from "~/db/reads.server";
import { idRow, parseRows } from "~/db/rows";
import * as clock from "~/platform/clock.server";

/**
 * The reporting line, in both directions: up from a person (their manager chain, walked
 * from the managers themselves, for every permission check) and down from a manager
 * (everyone under them, one index range over the kept linePath). Written once; the team
 * overview and the permission checks use these. Raw SQL, through the one helper: Prisma's
 * API cannot say a recursive walk, nor a range compared in byte order on PostgreSQL.
 */

/**
 * Everyone under a manager whose own line is `managerLine`, as a condition for Prisma's API: one range
 * of the linePath index in byte order (the column's order on both databases; '0' follows '/'), as
 * reportsBelowSql reads it. Never `startsWith`: its LIKE reads the whole index on SQLite.
 */
export function belowInLine(managerLine: string, managerId: string) {
  const { from, to } = lineRangeBelow(managerLine, managerId);
  return { linePath: { gte: from, lt: to } } satisfies Prisma.UserWhereInput;
}

/** The same range as bounds, for a raw query's `"linePath" >= from AND "linePath" < to`. */
export function lineRangeBelow(managerLine: string, managerId: string) {
  return { from: `${managerLine}${managerId}/`, to: `${managerLine}${managerId}0` };
}

/** Deeper than any real organisation; stops a cycle in bad data from looping. */
const MAX_DEPTH = 64;

/** Ids of the person's manager, their manager's manager, and so on (nearest first); a writer passes its transaction. */
export async function managerChain(
  personId: string,
  client: Pick<Db, "$queryRaw"> = db,
): Promise<string[]> {
  const rows = await readRowsIn(
    client,
    Prisma.sql`
    WITH RECURSIVE chain(id, "managerId", depth) AS (
      SELECT id, "managerId", 0 FROM "User" WHERE id = ${personId}
      UNION ALL
      SELECT u.id, u."managerId", chain.depth + 1
      FROM "User" u JOIN chain ON u.id = chain."managerId"
      WHERE chain.depth < ${MAX_DEPTH}
    )
    SELECT id FROM chain WHERE depth > 0 ORDER BY depth`,
  );
  return parseRows(idRow, rows).map((row) => row.id);
}

/** The same chain read from a person's kept line ("/top/…/manager/"), nearest first: for a list, where walking each row's managers would cost a statement a row. */
export function managerChainOfLine(linePath: string): string[] {
  return linePath.split("/").filter(Boolean).reverse();
}

/**
 * `WITH viewer AS (…), below(id, name, "managerId", "deactivatedAt", depth) AS (…)`:
 * everyone under the manager, directly (depth 1) or through others, deactivated people
 * included, for a statement to continue with its own CTEs and SELECT. One range of the
 * (linePath, deactivatedAt, id) index: everyone under a manager has a reporting line
 * starting with the manager's own line and id.
 */
export function reportsBelowSql(managerId: string): Prisma.Sql {
  // Byte order, so the range holds exactly the lines that start with the prefix ('0' follows '/').
  const bytes =
    getEnv().databaseProvider === "postgresql" ? Prisma.sql` COLLATE "C"` : Prisma.empty;
  return Prisma.sql`WITH viewer AS (
      SELECT "linePath" || id || '/' AS lo, "linePath" || id || '0' AS hi, "lineDepth" AS depth FROM "User" WHERE id = ${managerId}
    ),
    below AS (
      SELECT u.id, u.name, u."managerId", u."deactivatedAt", u."lineDepth" - viewer.depth AS depth
      FROM viewer JOIN "User" u ON u."linePath"${bytes} >= viewer.lo AND u."linePath"${bytes} < viewer.hi
    )`;
}

/**
 * Recomputes everyone's reporting line (linePath, lineDepth) from the managers, writing
 * only the rows that changed (stamped as written: who is above someone decides what they may
 * read and rate, so the reminders' pass reads them as changed). The people module calls it in the same transaction as
 * every change of manager (creating, editing, importing people); seeds and tests that
 * write managers directly call it after.
 */
export async function rebuildReportingLine(client: Pick<Db, "$executeRaw"> = db): Promise<void> {
  await writeRows(
    client,
    Prisma.sql`
    WITH RECURSIVE line(id, path, depth) AS (
      SELECT id, CAST('/' AS TEXT), 0 FROM "User" WHERE "managerId" IS NULL
      UNION ALL
      SELECT u.id, line.path || u."managerId" || '/', line.depth + 1 FROM "User" u JOIN line ON u."managerId" = line.id WHERE line.depth < ${MAX_DEPTH}
    )
    UPDATE "User" SET "linePath" = line.path, "lineDepth" = line.depth, "updatedAt" = ${clock.now()}
    FROM line
    WHERE line.id = "User".id AND (line.path <> "User"."linePath" OR line.depth <> "User"."lineDepth")`,
  );
}

/**
 * Recomputes the reporting line of one person and everyone under them, from their
 * manager's kept line: what one change of manager moves, for writers that make many of
 * them one at a time (SCIM provisioning), where rebuilding everyone's line per change
 * would cost the whole organisation each time. Same rule as rebuildReportingLine; the
 * manager's own line must be right (it is, when every change of manager rebuilds).
 */
export async function rebuildReportingLineUnder(
  client: Pick<Db, "$executeRaw">,
  personId: string,
): Promise<void> {
  await writeRows(
    client,
    Prisma.sql`
    WITH RECURSIVE line(id, path, depth) AS (
      SELECT u.id, COALESCE(m."linePath" || m.id || '/', CAST('/' AS TEXT)), COALESCE(m."lineDepth" + 1, 0)
      FROM "User" u LEFT JOIN "User" m ON m.id = u."managerId" WHERE u.id = ${personId}
      UNION ALL
      SELECT u.id, line.path || u."managerId" || '/', line.depth + 1 FROM "User" u JOIN line ON u."managerId" = line.id WHERE line.depth < ${MAX_DEPTH}
    )
    UPDATE "User" SET "linePath" = line.path, "lineDepth" = line.depth, "updatedAt" = ${clock.now()}
    FROM line
    WHERE line.id = "User".id AND (line.path <> "User"."linePath" OR line.depth <> "User"."lineDepth")`,
  );
}

/** Ids of everyone who reports to the person, directly or through others. */
export async function reportsUnder(personId: string): Promise<string[]> {
  return parseRows(
    idRow,
    await readRows`${reportsBelowSql(personId)} SELECT DISTINCT id FROM below`,
  ).map((row) => row.id);
}
