import { z } from "zod";

import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { ViewCache } from "~/platform/view-cache.server";
import { newestChange, readRows } from "~/db/reads.server";

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

/** The person's row with their team's and manager's names, and `extra` columns; the `User` is `u`. */
function placeSql(personId: string, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.name, u."ladderId", u.track, u.level, u.sublevel, t.name AS "teamName", m.name AS "managerName",
      EXISTS (SELECT 1 FROM "ErasureRecord" e WHERE e."personId" = u.id) AS erased${extra}
    FROM "User" u
    LEFT JOIN "Team" t ON t.id = u."teamId"
    LEFT JOIN "User" m ON m.id = u."managerId"
    WHERE u.id = ${personId}`;
}

/**
 * The person's id, name, track and level with their team's and manager's names, and whether they
 * were erased (the erasure ledger, read in the same statement); null when there is no such person.
 */
export async function placeInOrganisation(
  personId: string,
): Promise<(PlaceRow & { erased: boolean }) | null> {
  const rows = parseRows(placeRow, await readRows(placeSql(personId)));
  return rows[0] ?? null;
}

const homePlaceRow = placeRow.extend({ peopleChanged: sqlDate.nullable() });

/**
 * placeInOrganisation for the home page, with when anyone in the organisation last changed (the
 * end of the updatedAt index), in the same statement: an admin's organisation size is kept by it.
 */
export async function homePlace(
  personId: string,
): Promise<{ place: (PlaceRow & { erased: boolean }) | null; peopleChanged: Date | null }> {
  const [row] = parseRows(
    homePlaceRow,
    await readRows(
      placeSql(
        personId,
        Prisma.sql`, (SELECT MAX(x."updatedAt") FROM "User" x) AS "peopleChanged"`,
      ),
    ),
  );
  if (!row) return { place: null, peopleChanged: null };
  const { peopleChanged, ...place } = row;
  return { place, peopleChanged };
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
 * report to them in turn, and how many direct reports they have in all (counted apart, in the same
 * statement: a count over the page's window made PostgreSQL walk every person by name to find a
 * VP's first twelve, 170 ms, until a statement had run five times on a connection).
 */
export async function directReports(
  personId: string,
  limit: number,
): Promise<{ reports: ReportRow[]; total: number }> {
  const rows = parseRows(
    reportRow,
    await readRows`
    SELECT r.id, r.name, r."ladderId", r.track, r.level, r.sublevel, (SELECT COUNT(*) FROM "User" x WHERE x."managerId" = r.id) AS reports,
      (SELECT COUNT(*) FROM "User" c WHERE c."managerId" = ${personId} AND c."deactivatedAt" IS NULL) AS total
    FROM "User" r
    WHERE r."managerId" = ${personId} AND r."deactivatedAt" IS NULL
    ORDER BY r.name, r.id
    LIMIT ${limit}`,
  );
  return { reports: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

const sizeRow = z.object({ people: sqlInt, teams: sqlInt });

/**
 * The organisation's size on an admin's home page: its active people and its teams. Active people
 * are counted as all people less the deactivated: SQLite counts a whole table without reading it,
 * and the deactivated few from their index, where counting the active read every person's index
 * entry (0.17 ms on 5,000 people, against under 0.01 ms). PostgreSQL reads every person either way
 * (9 ms at 200,000), so the figure is kept per newest change to anyone (`peopleChanged`, from
 * homePlace): people are deactivated, never deleted, and every write to one moves their updatedAt,
 * as the people list's kept count relies on (decision 020). One statement either way.
 */
export async function organisationSize(
  peopleChanged: Date | null,
): Promise<{ people: number; teams: number }> {
  let teams: number | undefined;
  const people = await activePeople.get(String(peopleChanged?.getTime() ?? ""), async () => {
    const [row] = parseRows(
      sizeRow,
      await readRows`
      SELECT (SELECT COUNT(*) FROM "User") - (SELECT COUNT(*) FROM "User" WHERE "deactivatedAt" IS NOT NULL) AS people, (SELECT COUNT(*) FROM "Team") AS teams`,
    );
    teams = row!.teams;
    return row!.people;
  });
  if (teams === undefined) {
    const [row] = parseRows(teamsRow, await readRows`SELECT COUNT(*) AS teams FROM "Team"`);
    teams = row!.teams;
  }
  return { people, teams };
}

const teamsRow = z.object({ teams: sqlInt });
const activePeople = new ViewCache<number>({ entries: 8, maxAgeMs: 10 * 60 * 1000 });

/** Whether anyone active reports to the person: what makes them a manager to the scopes of insights and the audits. */
export async function hasReports(personId: string): Promise<boolean> {
  return (await db.user.count({ where: { managerId: personId, deactivatedAt: null } })) > 0;
}

/**
 * When anyone in the organisation last changed, for the versions kept views are keyed by. People
 * are never deleted (they are deactivated, or erased in place), so the newest change says it all.
 */
export function peopleChangedAt(): Promise<Date | null> {
  return newestChange("User");
}
