import { db, Prisma } from "~/db/client.server";

/**
 * The reporting line, walked in SQL in both directions: up from a person (their manager
 * chain) and down from a manager (everyone under them). Written once; the team overview
 * and the permission checks use these.
 */

/** Deeper than any real organisation; stops a cycle in bad data from looping. */
const MAX_DEPTH = 64;

/** Ids of the person's manager, their manager's manager, and so on (nearest first). */
export async function managerChain(personId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH RECURSIVE chain(id, "managerId", depth) AS (
      SELECT id, "managerId", 0 FROM "User" WHERE id = ${personId}
      UNION ALL
      SELECT u.id, u."managerId", chain.depth + 1
      FROM "User" u JOIN chain ON u.id = chain."managerId"
      WHERE chain.depth < ${MAX_DEPTH}
    )
    SELECT id FROM chain WHERE depth > 0 ORDER BY depth`;
  return rows.map((row) => row.id);
}

/**
 * `WITH RECURSIVE below(id, name, "managerId", "managerName", "deactivatedAt", depth)`:
 * everyone under the manager, directly (depth 1) or through others, with their own
 * manager's name, for a statement to continue with its own CTEs and SELECT.
 */
export function reportsBelowSql(managerId: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE below(id, name, "managerId", "managerName", "deactivatedAt", depth) AS (
      SELECT u.id, u.name, u."managerId", m.name, u."deactivatedAt", 1
      FROM "User" u JOIN "User" m ON m.id = u."managerId"
      WHERE u."managerId" = ${managerId}
      UNION ALL
      SELECT u.id, u.name, u."managerId", below.name, u."deactivatedAt", below.depth + 1
      FROM "User" u JOIN below ON u."managerId" = below.id
      WHERE below.depth < ${MAX_DEPTH}
    )`;
}

/** Ids of everyone who reports to the person, directly or through others. */
export async function reportsUnder(personId: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`${reportsBelowSql(personId)} SELECT DISTINCT id FROM below`;
  return rows.map((row) => row.id);
}
