import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlBool, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { getEnv } from "~/utils/env.server";
import {
  progressNeedingAttention,
  statePairs,
  toProgress,
  type ParticipantState,
} from "~/modules/cycles/cycle-progress";
import { progressInSql } from "~/modules/cycles/participant-progress.server";
import { reportsBelowSql } from "~/modules/people/reporting-line.server";
import { readRows } from "~/db/reads.server";

/**
 * The team overview's reads. Raw SQL, each row parsed once into a typed object, where Prisma's API
 * cannot say the statement: the reporting line's range in byte order (reporting-line.server.ts),
 * groups counted over computed columns, and several tables' figures in one statement.
 */

const cycleColumns = {
  id: true,
  name: true,
  startsOn: true,
  endsOn: true,
  closedAt: true,
} as const;
export type CycleRow = {
  id: string;
  name: string;
  startsOn: Date;
  endsOn: Date;
  closedAt: Date | null;
};

/** The newest cycles, newest first. */
export async function newestCycles(limit: number): Promise<CycleRow[]> {
  return db.reviewCycle.findMany({
    orderBy: [{ startsOn: "desc" }, { createdAt: "desc" }],
    take: limit,
    select: cycleColumns,
  });
}

export async function cycleById(cycleId: string): Promise<CycleRow | null> {
  return db.reviewCycle.findUnique({ where: { id: cycleId }, select: cycleColumns });
}

/**
 * Of the given cycles, those with anyone below the viewer among their participants (active or not:
 * the cycle is theirs). Raw: the people below are the reporting line's byte-order range.
 */
export async function cyclesWithPeopleBelow(
  viewerId: string,
  cycleIds: readonly string[],
): Promise<Set<string>> {
  if (cycleIds.length === 0) return new Set();
  const rows = parseRows(
    z.object({ id: z.string() }),
    await readRows`
    ${reportsBelowSql(viewerId)}
    SELECT c.id FROM "ReviewCycle" c
    WHERE c.id IN (${Prisma.join(cycleIds)})
      AND EXISTS (SELECT 1 FROM "ReviewCycleParticipant" p JOIN below b ON b.id = p."userId" WHERE p."cycleId" = c.id)`,
  );
  return new Set(rows.map((row) => row.id));
}

export type OverviewQuery = {
  viewerId: string;
  /** The cycle looked at, or "" when there is none. */
  cycleId: string;
  cycleOpen: boolean;
  daysLeft: number | null;
};

export type OverviewFilters = {
  attentionOnly: boolean;
  state: ParticipantState | "not-in-cycle" | "";
};

const progress = sqlInt.transform(toProgress);

/**
 * Everyone active below the viewer with their place in the cycle, as the CTE `members`:
 * the reporting line is one index range (reporting-line.server.ts), each person's progress
 * one read of their participant row (kept by the application, participant-progress.server.ts).
 * Who needs attention is the row's kept `flagged` plus the progress pairs that
 * progressNeedingAttention picks for this cycle.
 */
function membersSql(query: OverviewQuery, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const attention = Prisma.sql`(p."userId" IS NOT NULL AND ${progressInSql("p", progressNeedingAttention(query.cycleOpen, query.daysLeft))}) OR p."flagged" = TRUE`;
  return Prisma.sql`${reportsBelowSql(query.viewerId)},
    members AS (
      SELECT b.id, b.name, b."managerId", b.depth,
        CASE WHEN p."userId" IS NULL THEN 0 ELSE 1 END AS "inCycle",
        COALESCE(p."selfProgress", 0) AS "selfProgress", COALESCE(p."managerProgress", 0) AS "managerProgress",
        CASE WHEN ${attention} THEN 1 ELSE 0 END AS attention
      FROM below b
      LEFT JOIN "ReviewCycleParticipant" p ON p."cycleId" = ${query.cycleId} AND p."userId" = b.id
      WHERE b."deactivatedAt" IS NULL ${extra}
    )`;
}

const countRow = z.object({
  inCycle: sqlBool,
  self: progress,
  manager: progress,
  attention: sqlBool,
  depth: sqlInt,
  people: sqlInt,
});
/** People who count alike: in the cycle or not, at the same progress, needing attention or not, as far below the viewer. */
export type OverviewCount = z.output<typeof countRow>;

/**
 * Everyone below the viewer, counted in groups, whatever their number. Raw: grouped over columns
 * computed from a left join, within the reporting line's byte-order range.
 */
export async function overviewCounts(query: OverviewQuery): Promise<OverviewCount[]> {
  return parseRows(
    countRow,
    await readRows(Prisma.sql`
    ${membersSql(query)}
    SELECT "inCycle", "selfProgress" AS self, "managerProgress" AS manager, attention, depth, COUNT(*) AS people
    FROM members
    GROUP BY "inCycle", "selfProgress", "managerProgress", attention, depth`),
  );
}

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
  ladderId: z.string().nullable(),
  track: z.string().nullable(),
  level: z.string().nullable(),
  latestId: z.string().nullable(),
  latestKind: z.string().nullable(),
  latestAuthorId: z.string().nullable(),
  latestSubmittedAt: sqlDate.nullable(),
  latestLadderVersionId: z.string().nullable(),
  latestLevelId: z.string().nullable(),
  latestCycleId: z.string().nullable(),
});
/** One person of the page shown, with their most recent submitted assessment (any cycle, either kind) when there is one. */
export type OverviewPerson = z.output<typeof personRow>;

/** The people after the page's filters; columns of `members`. */
function filterSql(filters: OverviewFilters): Prisma.Sql {
  const conditions = [Prisma.sql`1 = 1`];
  if (filters.attentionOnly) conditions.push(Prisma.sql`attention = 1`);
  if (filters.state === "not-in-cycle") conditions.push(Prisma.sql`"inCycle" = 0`);
  else if (filters.state)
    conditions.push(
      Prisma.sql`"inCycle" = 1 AND ${progressInSql("members", statePairs(filters.state))}`,
    );
  return Prisma.join(conditions, " AND ");
}

/**
 * One page of the people below the viewer after the filters, grouped by manager, nearest
 * layer first: only the layers from `fromDepth` to `toDepth` (the ones the page falls in,
 * worked out from overviewCounts) are read and ordered, and `offset` counts from the
 * first of them. Raw: ordered by the manager's name in byte order, filtered on computed
 * columns, with each person's latest assessment joined, in one statement.
 */
export async function overviewPage(
  query: OverviewQuery,
  filters: OverviewFilters,
  window: { fromDepth: number; toDepth: number; offset: number; limit: number },
): Promise<OverviewPerson[]> {
  // Byte order on both databases (PostgreSQL would otherwise sort by its locale).
  const byBytes =
    getEnv().databaseProvider === "postgresql" ? Prisma.sql` COLLATE "C"` : Prisma.empty;
  return parseRows(
    personRow,
    await readRows(Prisma.sql`
    ${membersSql(query, Prisma.sql`AND b.depth BETWEEN ${window.fromDepth} AND ${window.toDepth}`)}
    SELECT shown."inCycle", shown."selfProgress" AS self, shown."managerProgress" AS manager, shown.depth, shown.id, shown.name,
      shown."managerId", shown."managerName",
      COALESCE(p."disagreements", 0) AS disagreements, COALESCE(p."rated", 0) AS rated, COALESCE(p."unevidenced", 0) AS unevidenced,
      t.name AS team, u."ladderId", u.track, u.level,
      la.id AS "latestId", la.kind AS "latestKind", la."authorId" AS "latestAuthorId", la."submittedAt" AS "latestSubmittedAt",
      la."ladderVersionId" AS "latestLadderVersionId", la."levelId" AS "latestLevelId", la."cycleId" AS "latestCycleId"
    FROM (
      SELECT members.*, m.name AS "managerName"
      FROM members JOIN "User" m ON m.id = members."managerId"
      WHERE ${filterSql(filters)}
      ORDER BY members.depth, m.name${byBytes}, members."managerId"${byBytes}, members.name${byBytes}, members.id${byBytes}
      LIMIT ${window.limit} OFFSET ${window.offset}
    ) shown
    -- LEFT JOIN (everyone shown is a "User") keeps the page's people as the outer loop.
    LEFT JOIN "User" u ON u.id = shown.id
    LEFT JOIN "Team" t ON t.id = u."teamId"
    LEFT JOIN "ReviewCycleParticipant" p ON p."cycleId" = ${query.cycleId} AND p."userId" = shown.id
    LEFT JOIN "Assessment" la ON la.id = (
      SELECT a.id FROM "Assessment" a WHERE a."subjectId" = shown.id AND a.status = 'submitted' ORDER BY a."submittedAt" DESC, a.id DESC LIMIT 1
    )`),
  );
}

const ratingRow = z.object({
  assessmentId: z.string(),
  competencyId: z.string(),
  rating: sqlInt.nullable(),
});

/**
 * The ratings of these submitted assessments (a page's people), by assessment and competency. Raw:
 * the ids restrict the assessments themselves, in a join; restricting only the ratings (as Prisma's
 * relation filter does) let PostgreSQL hash-join them against every submitted assessment (8 ms of 10).
 */
export async function submittedRatings(
  assessmentIds: readonly string[],
): Promise<Map<string, Map<string, number | null>>> {
  const found = new Map<string, Map<string, number | null>>();
  if (!assessmentIds.length) return found;
  const rows = parseRows(
    ratingRow,
    await readRows(Prisma.sql`
    SELECT r."assessmentId", r."competencyId", r.rating
    FROM "Assessment" a JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a.id IN (${Prisma.join([...new Set(assessmentIds)])}) AND a.status = 'submitted'`),
  );
  for (const row of rows) {
    let ratings = found.get(row.assessmentId);
    if (!ratings) found.set(row.assessmentId, (ratings = new Map()));
    ratings.set(row.competencyId, row.rating);
  }
  return found;
}

const teamVersionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  participantsChanged: sqlDate.nullable(),
  cyclesChanged: sqlDate.nullable(),
  assessmentsChanged: sqlDate.nullable(),
  teamsChanged: sqlDate.nullable(),
});

/**
 * What the team overview reads for a cycle, as one line (overview.server.ts keeps its reads under
 * it): people's newest change (a manager, a level, a name, joining, leaving; moving someone writes
 * their row, and the lines below them with it; people are deactivated, never deleted), the
 * participants' newest change in any cycle (joining) and the cycles' (taking someone out of a cycle
 * stamps it, removeParticipant), assessments' newest change (each person's progress and flags are
 * written with their assessment, decision 012) and team names. Each is the end of an index or a
 * small table's: nothing here is counted, so its cost does not grow with the organisation (counting
 * 50,000 people and a cycle's 50,000 participants cost 2.5 ms a request). Raw: five tables' figures
 * in one statement, where Prisma's API takes one each.
 */
export async function teamVersion(): Promise<string> {
  const [row] = parseRows(
    teamVersionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT MAX("updatedAt") FROM "ReviewCycleParticipant") AS "participantsChanged",
      (SELECT MAX("updatedAt") FROM "ReviewCycle") AS "cyclesChanged",
      (SELECT MAX("updatedAt") FROM "Assessment") AS "assessmentsChanged",
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged"`,
  );
  return versionLine(row!);
}

export async function cycleNames(
  cycleIds: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (!cycleIds.length) return [];
  return db.reviewCycle.findMany({
    where: { id: { in: [...cycleIds] } },
    select: { id: true, name: true },
  });
}
