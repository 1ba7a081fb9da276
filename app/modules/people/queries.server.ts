import { z } from "zod";

import { db } from "~/db/client.server";
import { parseRows, sqlBool, sqlInt } from "~/db/rows";
import { readRows } from "~/db/reads.server";

/**
 * The home page's SQL, each row parsed once into a typed object. Flat statements: Prisma's
 * nested select takes one per relation, and its `_count` of reports would aggregate the
 * whole User table on every visit, where a count per report is an index lookup. The
 * reporting line's recursive walks are in reporting-line.server.ts.
 */

const placeRow = z.object({
  id: z.string(),
  name: z.string(),
  ladderId: z.string().nullable(),
  track: z.string().nullable(),
  level: z.string().nullable(),
  sublevel: z.string().nullable(),
  teamName: z.string().nullable(),
  managerName: z.string().nullable(),
  erased: sqlBool,
});
export type PlaceRow = Omit<z.output<typeof placeRow>, "erased">;

/**
 * The person's id, name, track and level with their team's and manager's names, and whether they
 * were erased (the erasure ledger, read in the same statement); null when there is no such person.
 */
export async function placeInOrganisation(
  personId: string,
): Promise<(PlaceRow & { erased: boolean }) | null> {
  const rows = parseRows(
    placeRow,
    await readRows`
    SELECT u.id, u.name, u."ladderId", u.track, u.level, u.sublevel, t.name AS "teamName", m.name AS "managerName",
      EXISTS (SELECT 1 FROM "ErasureRecord" e WHERE e."personId" = u.id) AS erased
    FROM "User" u
    LEFT JOIN "Team" t ON t.id = u."teamId"
    LEFT JOIN "User" m ON m.id = u."managerId"
    WHERE u.id = ${personId}`,
  );
  return rows[0] ?? null;
}

const reportRow = z.object({
  id: z.string(),
  name: z.string(),
  ladderId: z.string().nullable(),
  track: z.string().nullable(),
  level: z.string().nullable(),
  sublevel: z.string().nullable(),
  reports: sqlInt,
  total: sqlInt,
});
export type ReportRow = Omit<z.output<typeof reportRow>, "total">;

/**
 * The first `limit` of the person's active direct reports by name, each with how many people
 * report to them in turn, and how many direct reports they have in all (counted over the rows
 * before the limit, in the same statement).
 */
export async function directReports(
  personId: string,
  limit: number,
): Promise<{ reports: ReportRow[]; total: number }> {
  const rows = parseRows(
    reportRow,
    await readRows`
    SELECT r.id, r.name, r."ladderId", r.track, r.level, r.sublevel, (SELECT COUNT(*) FROM "User" x WHERE x."managerId" = r.id) AS reports, COUNT(*) OVER () AS total
    FROM "User" r
    WHERE r."managerId" = ${personId} AND r."deactivatedAt" IS NULL
    ORDER BY r.name, r.id
    LIMIT ${limit}`,
  );
  return { reports: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

const sizeRow = z.object({ people: sqlInt, teams: sqlInt });

/**
 * The organisation's size on an admin's home page: its active people and its teams, in one
 * statement. Active people are counted as all people less the deactivated: SQLite counts a whole
 * table without reading it, and the deactivated few from their index, where counting the active
 * read every person's index entry (0.17 ms on 5,000 people, against under 0.01 ms).
 */
export async function organisationSize(): Promise<{ people: number; teams: number }> {
  const [row] = parseRows(
    sizeRow,
    await readRows`
    SELECT (SELECT COUNT(*) FROM "User") - (SELECT COUNT(*) FROM "User" WHERE "deactivatedAt" IS NOT NULL) AS people, (SELECT COUNT(*) FROM "Team") AS teams`,
  );
  return row!;
}

/** Whether anyone active reports to the person: what makes them a manager to the scopes of insights and the audits. */
export async function hasReports(personId: string): Promise<boolean> {
  return (await db.user.count({ where: { managerId: personId, deactivatedAt: null } })) > 0;
}

/**
 * When anyone in the organisation last changed, for the versions kept views are keyed by. People
 * are never deleted (they are deactivated, or erased in place), so the newest change says it all,
 * read from the end of the `updatedAt` index; an aggregate's MAX, which Prisma wraps in a
 * subquery, and a count both read every person, which grew with the organisation (decision 069).
 */
export async function peopleChangedAt(): Promise<Date | null> {
  return (
    (await db.user.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }))
      ?.updatedAt ?? null
  );
}
