import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readOffLoop } from "~/db/read-off-loop.server";
import { parseRows, sqlBool, sqlDate, sqlInt } from "~/db/rows";
import { getEnv } from "~/utils/env.server";
import { progressNeedingAttention, statePairs, toProgress, type ParticipantState } from "~/modules/cycles/cycle-progress";
import { progressInSql } from "~/modules/cycles/participant-progress.server";
import { reportsBelowSql } from "~/modules/people/reporting-line.server";

/** The team overview's SQL, each row parsed once into a typed object. */

const cycleRow = z.object({ id: z.string(), name: z.string(), startsOn: sqlDate, endsOn: sqlDate, closedAt: sqlDate.nullable() });
export type CycleRow = z.output<typeof cycleRow>;

/** The newest cycles, newest first. */
export async function newestCycles(limit: number): Promise<CycleRow[]> {
  return parseRows(cycleRow, await db.$queryRaw`
    SELECT id, name, "startsOn", "endsOn", "closedAt" FROM "ReviewCycle" ORDER BY "startsOn" DESC, "createdAt" DESC LIMIT ${limit}`);
}

export async function cycleById(cycleId: string): Promise<CycleRow | null> {
  const rows = parseRows(cycleRow, await db.$queryRaw`SELECT id, name, "startsOn", "endsOn", "closedAt" FROM "ReviewCycle" WHERE id = ${cycleId}`);
  return rows[0] ?? null;
}

export type OverviewQuery = {
  viewerId: string;
  /** The cycle looked at, or "" when there is none. */
  cycleId: string;
  cycleOpen: boolean;
  daysLeft: number | null;
  attentionOnly: boolean;
  state: ParticipantState | "not-in-cycle" | "";
  limit: number;
  offset: number;
};

const progress = sqlInt.transform(toProgress);

const countRow = z.object({ inCycle: sqlBool, self: progress, manager: progress, attention: sqlBool, direct: sqlBool, people: sqlInt });
/** People who count alike: in the cycle or not, at the same progress, needing attention or not, reporting directly or not. */
export type OverviewCount = z.output<typeof countRow>;

const personRow = z.object({
  inCycle: sqlBool,
  self: progress,
  manager: progress,
  depth: sqlInt,
  id: z.string(),
  name: z.string(),
  managerId: z.string(),
  managerName: z.string(),
  disagreements: sqlInt,
  rated: sqlInt,
  unevidenced: sqlInt,
  team: z.string().nullable(),
  track: z.string().nullable(),
  level: z.string().nullable(),
  latestId: z.string().nullable(),
  latestKind: z.string().nullable(),
  latestAuthorId: z.string().nullable(),
  latestSubmittedAt: sqlDate.nullable(),
  latestLadderVersionId: z.string().nullable(),
  latestTrackId: z.string().nullable(),
  latestCycleId: z.string().nullable(),
});
/** One person of the page shown, with their most recent submitted assessment (any cycle, either kind) when there is one. */
export type OverviewPerson = z.output<typeof personRow>;

/** The people after the page's filters; columns of `members` (see queryOverview). */
function filterSql(query: OverviewQuery): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  if (query.attentionOnly) conditions.push(Prisma.sql`attention = 1`);
  if (query.state === "not-in-cycle") conditions.push(Prisma.sql`"inCycle" = 0`);
  else if (query.state) conditions.push(Prisma.sql`"inCycle" = 1 AND ${progressInSql("members", statePairs(query.state))}`);
  return Prisma.join(conditions, " AND ");
}

/**
 * Everyone below the viewer in one statement, whatever their number: the reporting line
 * is walked in SQL (never passed as an id list), each person's place in the cycle is one
 * read of their participant row (kept by the application, participant-progress.server.ts),
 * and SQL groups them for the counts and picks, orders and pages the people shown. Who
 * needs attention is the participant's kept `flagged` plus the progress pairs that
 * progressNeedingAttention picks for this cycle. On SQLite it runs off the event loop
 * (read-off-loop.server.ts).
 */
export async function queryOverview(query: OverviewQuery): Promise<{ counts: OverviewCount[]; people: OverviewPerson[] }> {
  // Byte order on both databases (PostgreSQL would otherwise sort by its locale).
  const byBytes = getEnv().databaseProvider === "postgresql" ? Prisma.sql` COLLATE "C"` : Prisma.empty;
  const attention = Prisma.sql`(p."userId" IS NOT NULL AND ${progressInSql("p", progressNeedingAttention(query.cycleOpen, query.daysLeft))}) OR p."flagged" = TRUE`;
  const rows = await readOffLoop<Record<string, unknown>>(Prisma.sql`
    ${reportsBelowSql(query.viewerId)},
    members AS MATERIALIZED (
      SELECT b.id, b.name, b."managerId", b."managerName", b.depth,
        CASE WHEN p."userId" IS NULL THEN 0 ELSE 1 END AS "inCycle",
        COALESCE(p."selfProgress", 0) AS "selfProgress", COALESCE(p."managerProgress", 0) AS "managerProgress",
        COALESCE(p."disagreements", 0) AS disagreements, COALESCE(p."rated", 0) AS rated, COALESCE(p."unevidenced", 0) AS unevidenced,
        CASE WHEN ${attention} THEN 1 ELSE 0 END AS attention
      FROM below b
      LEFT JOIN "ReviewCycleParticipant" p ON p."cycleId" = ${query.cycleId} AND p."userId" = b.id
      WHERE b."deactivatedAt" IS NULL
    )
    SELECT 'person' AS part, shown."inCycle", shown."selfProgress" AS self, shown."managerProgress" AS manager, shown.attention, NULL AS direct, NULL AS people,
      shown.depth, shown.id, shown.name, shown."managerId", shown."managerName", shown.disagreements, shown.rated, shown.unevidenced,
      t.name AS team, u.track, u.level,
      la.id AS "latestId", la.kind AS "latestKind", la."authorId" AS "latestAuthorId", la."submittedAt" AS "latestSubmittedAt",
      la."ladderVersionId" AS "latestLadderVersionId", la."trackId" AS "latestTrackId", la."cycleId" AS "latestCycleId"
    FROM (
      -- Grouped by manager, nearest layer first: the viewer's own reports, then each manager's team.
      SELECT * FROM members
      WHERE ${filterSql(query)}
      ORDER BY depth, "managerName"${byBytes}, "managerId"${byBytes}, name${byBytes}, id${byBytes}
      LIMIT ${query.limit} OFFSET ${query.offset}
    ) shown
    -- LEFT JOIN (everyone shown is a "User") keeps the page's people as the outer loop: SQLite,
    -- not seeing the LIMIT's value, would otherwise scan every user.
    LEFT JOIN "User" u ON u.id = shown.id
    LEFT JOIN "Team" t ON t.id = u."teamId"
    LEFT JOIN "Assessment" la ON la.id = (
      SELECT a.id FROM "Assessment" a WHERE a."subjectId" = shown.id AND a.status = 'submitted' ORDER BY a."submittedAt" DESC, a.id DESC LIMIT 1
    )
    UNION ALL
    SELECT 'count', "inCycle", "selfProgress", "managerProgress", attention, CASE WHEN depth = 1 THEN 1 ELSE 0 END, COUNT(*),
      NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
    FROM members
    GROUP BY "inCycle", "selfProgress", "managerProgress", attention, CASE WHEN depth = 1 THEN 1 ELSE 0 END`);
  return {
    counts: parseRows(countRow, rows.filter((row) => row.part === "count")),
    people: parseRows(personRow, rows.filter((row) => row.part === "person")),
  };
}

const ratingRow = z.object({ assessmentId: z.string(), competencyId: z.string(), rating: sqlInt.nullable() });

/** The ratings of these submitted assessments (a page's people), by assessment and competency. Off the event loop on SQLite. */
export async function submittedRatings(assessmentIds: readonly string[]): Promise<Map<string, Map<string, number | null>>> {
  const found = new Map<string, Map<string, number | null>>();
  if (!assessmentIds.length) return found;
  const rows = parseRows(ratingRow, await readOffLoop(Prisma.sql`
    SELECT r."assessmentId", r."competencyId", r.rating
    FROM "AssessmentRating" r JOIN "Assessment" a ON a.id = r."assessmentId"
    WHERE r."assessmentId" IN (${Prisma.join([...new Set(assessmentIds)])}) AND a.status = 'submitted'`));
  for (const row of rows) {
    let ratings = found.get(row.assessmentId);
    if (!ratings) found.set(row.assessmentId, (ratings = new Map()));
    ratings.set(row.competencyId, row.rating);
  }
  return found;
}

export async function cycleNames(cycleIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  if (!cycleIds.length) return [];
  return db.reviewCycle.findMany({ where: { id: { in: [...cycleIds] } }, select: { id: true, name: true } });
}
