import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { statePairs, toProgress, type ParticipantState, type ProgressPair } from "./cycle-progress";
import { progressInSql } from "./participant-progress.server";
import { readRows } from "~/db/reads.server";

/** Review cycles' reads: Prisma's API, and raw SQL (each row parsed once into a typed object) where it cannot say the statement. */

const submittedCountRow = z.object({ cycleId: z.string(), kind: z.string(), count: sqlInt });

/**
 * Per cycle and kind, how many people have a submitted assessment (people, not assessments: a
 * skip-level may write a second review). Raw: Prisma's groupBy cannot count distinct values.
 */
export async function submittedPeopleCounts(): Promise<z.output<typeof submittedCountRow>[]> {
  return parseRows(
    submittedCountRow,
    await readRows`
    SELECT "cycleId", kind, COUNT(DISTINCT "subjectId") AS count
    FROM "Assessment"
    WHERE "cycleId" IS NOT NULL AND status = 'submitted'
    GROUP BY "cycleId", kind`,
  );
}

export type ProgressCount = ProgressPair & { count: number };

/** Participants counted by each side's progress, for the whole cycle or one team. */
export async function progressCounts(cycleId: string, teamId: string): Promise<ProgressCount[]> {
  const groups = await db.reviewCycleParticipant.groupBy({
    by: ["selfProgress", "managerProgress"],
    where: {
      cycleId,
      ...(teamId === "" ? {} : { user: { teamId: teamId === "none" ? null : teamId } }),
    },
    _count: { _all: true },
  });
  return groups.map((group) => ({
    self: toProgress(group.selfProgress),
    manager: toProgress(group.managerProgress),
    count: group._count._all,
  }));
}

const progressVersionRow = z.object({
  participantsChanged: sqlDate.nullable(),
  cyclesChanged: sqlDate.nullable(),
  peopleChanged: sqlDate.nullable(),
  teams: sqlInt,
  teamsChanged: sqlDate.nullable(),
});

/**
 * What a cycle's counts and pages of participants read, as one line: the participants' newest
 * change (each one's progress is written on their row, decision 012), the cycles' (taking someone
 * out of a cycle stamps it), people's (a move to another team changes a team's counts; a name or a
 * manager, a row) and teams' (a row shows its team's name; deleting a team, counted, empties its
 * people's team without writing them). Each the end of an index or a small table's, so its cost
 * does not grow with the organisation. Raw: four tables' figures in one statement.
 */
export async function progressVersion(): Promise<string> {
  const [row] = parseRows(
    progressVersionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "ReviewCycleParticipant") AS "participantsChanged",
      (SELECT MAX("updatedAt") FROM "ReviewCycle") AS "cyclesChanged",
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT COUNT(*) FROM "Team") AS teams,
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged"`,
  );
  return versionLine(row!);
}

const progress = sqlInt.transform(toProgress);

/** "" for everyone, "none" for people without a team, else a team id. */
function inTeamSql(teamId: string): Prisma.Sql {
  return teamId === ""
    ? Prisma.sql`1 = 1`
    : teamId === "none"
      ? Prisma.sql`u."teamId" IS NULL`
      : Prisma.sql`u."teamId" = ${teamId}`;
}

const participantRow = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  team: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  self: progress,
  manager: progress,
});
export type ParticipantRow = z.output<typeof participantRow>;

/**
 * One page of a cycle's participants by name, for the whole cycle or one team, at one state or any.
 * Raw: the CROSS JOIN that keeps SQLite reading people in name order, the progress filter on a
 * computed value, and the team's and manager's names, in one statement.
 */
export async function participantsPage(query: {
  cycleId: string;
  teamId: string;
  state: ParticipantState | "";
  limit: number;
  offset: number;
}): Promise<ParticipantRow[]> {
  const inState = query.state ? progressInSql("p", statePairs(query.state)) : Prisma.sql`1 = 1`;
  return parseRows(
    participantRow,
    await readRows(Prisma.sql`
    SELECT shown.id, shown.name, shown.email, t.name AS team, m.id AS "managerId", m.name AS "managerName", shown.self, shown.manager
    FROM (
      SELECT u.id, u.name, u.email, u."teamId", u."managerId", p."selfProgress" AS self, p."managerProgress" AS manager
      -- People in name order (the (name, id) index), each checked for a row in the cycle,
      -- until a page is full: SQLite keeps a CROSS JOIN's order, so it never sorts everyone.
      FROM "User" u CROSS JOIN "ReviewCycleParticipant" p
      WHERE p."userId" = u.id AND p."cycleId" = ${query.cycleId} AND ${inTeamSql(query.teamId)} AND ${inState}
      ORDER BY u.name, u.id
      LIMIT ${query.limit} OFFSET ${query.offset}
    ) shown
    LEFT JOIN "Team" t ON t.id = shown."teamId"
    LEFT JOIN "User" m ON m.id = shown."managerId"
    ORDER BY shown.name, shown.id`),
  );
}

const exportRatingRow = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  submittedAt: sqlDate.nullable(),
  trackId: z.string(),
  levelId: z.string(),
  ladderVersionId: z.string(),
  competencyId: z.string().nullable(),
  rating: sqlInt.nullable(),
  evidence: sqlInt,
});
export type ExportRatingRow = z.output<typeof exportRatingRow>;

/**
 * The submitted assessments of the cycle's people whose ids fall in (after, upTo], with
 * their ratings and evidence counts, in submission order. A range of ids is one range
 * read of the (subjectId, kind, status) index (kept on it by `"cycleId" || ''`), with no id list.
 * Raw: that expression, which Prisma's API cannot write, and ratings with their evidence counted,
 * in one statement.
 */
export async function exportRatings(
  cycleId: string,
  after: string,
  upTo: string,
): Promise<ExportRatingRow[]> {
  return parseRows(
    exportRatingRow,
    await readRows`
    SELECT a.id, a."subjectId", a.kind, a."submittedAt", a."trackId", a."levelId", a."ladderVersionId", r."competencyId", r.rating,
      (SELECT COUNT(*) FROM "RatingEvidence" e WHERE e."ratingId" = r.id) AS evidence
    FROM "Assessment" a
    LEFT JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a."subjectId" > ${after} AND a."subjectId" <= ${upTo} AND a.status = 'submitted' AND a."cycleId" || '' = ${cycleId}
    ORDER BY a."submittedAt", a.id`,
  );
}

/** cycleUnderWay (cycle-progress.ts) as a query's filter on review cycles: what every to-do that a cycle asks for waits for. */
export function cyclesUnderWay(now: Date) {
  return { closedAt: null, startsOn: { lte: now } } satisfies Prisma.ReviewCycleWhereInput;
}

/** cycleUnderWay in raw SQL, on the review cycle named `alias` in the statement. */
export function underWaySql(alias: "c" | "cc", now: Date): Prisma.Sql {
  const cycle = Prisma.raw(alias);
  return Prisma.sql`${cycle}."closedAt" IS NULL AND ${cycle}."startsOn" <= ${now}`;
}

const reviewTodoRow = z.object({
  kind: z.enum(["own", "report", "outside", "close"]),
  cycleId: z.string().nullable(),
  cycleName: z.string().nullable(),
  endsOn: sqlDate.nullable(),
  selfProgress: progress.nullable(),
  managerProgress: progress.nullable(),
  canAssess: sqlInt.nullable(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  assessmentId: z.string().nullable(),
});
export type ReviewTodoRow = z.output<typeof reviewTodoRow>;

/**
 * The home page's review to-dos (app/modules/todo), in one statement, from the kept progress of
 * cycles that have started and are not closed: the person's own place in each; their active
 * direct reports whose manager review is not submitted; reports whose latest self-assessment
 * outside any cycle has no manager review submitted since, while no cycle of theirs is under way
 * (a review would go into that cycle, which asks for it already); and for admins, open cycles
 * past their last day. Raw: four readers of different tables as one `UNION ALL`, which Prisma's
 * API says only as four statements.
 */
export function reviewTodoRead(viewer: { id: string; isAdmin: boolean }, now: Date): Prisma.Sql {
  const startOfToday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  );
  const text = Prisma.sql`CAST(NULL AS TEXT)`;
  const int = Prisma.sql`CAST(NULL AS INTEGER)`;
  return Prisma.sql`
    SELECT 'own' AS kind, c.id AS "cycleId", c.name AS "cycleName", c."endsOn", p."selfProgress", p."managerProgress",
      CASE WHEN u.level IS NOT NULL AND u."deactivatedAt" IS NULL THEN 1 ELSE 0 END AS "canAssess", ${text} AS "personId", ${text} AS "personName", ${text} AS "assessmentId"
    FROM "ReviewCycleParticipant" p
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    JOIN "User" u ON u.id = p."userId"
    WHERE p."userId" = ${viewer.id} AND ${underWaySql("c", now)}
    UNION ALL
    SELECT 'report', c.id, c.name, c."endsOn", p."selfProgress", p."managerProgress", ${int}, u.id, u.name, ${text}
    FROM "User" u
    JOIN "ReviewCycleParticipant" p ON p."userId" = u.id
    JOIN "ReviewCycle" c ON c.id = p."cycleId"
    WHERE u."managerId" = ${viewer.id} AND u."deactivatedAt" IS NULL AND ${underWaySql("c", now)} AND p."managerProgress" < 2
    UNION ALL
    SELECT 'outside', ${text}, ${text}, a."submittedAt", ${int}, ${int}, ${int}, u.id, u.name, a.id
    FROM "User" u
    JOIN "Assessment" a ON a."subjectId" = u.id AND a.kind = 'self' AND a.status = 'submitted' AND a."cycleId" IS NULL
    WHERE u."managerId" = ${viewer.id} AND u."deactivatedAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "Assessment" later
        WHERE later."subjectId" = u.id AND later.kind = 'self' AND later.status = 'submitted' AND later."cycleId" IS NULL
          AND (later."submittedAt" > a."submittedAt" OR (later."submittedAt" = a."submittedAt" AND later.id > a.id)))
      AND NOT EXISTS (SELECT 1 FROM "Assessment" m WHERE m."subjectId" = u.id AND m.kind = 'manager' AND m.status = 'submitted' AND m."submittedAt" >= a."submittedAt")
      AND NOT EXISTS (
        SELECT 1 FROM "ReviewCycleParticipant" cp JOIN "ReviewCycle" cc ON cc.id = cp."cycleId"
        WHERE cp."userId" = u.id AND ${underWaySql("cc", now)})
    ${
      viewer.isAdmin
        ? Prisma.sql`UNION ALL
    SELECT 'close', c.id, c.name, c."endsOn", ${int}, ${int}, ${int}, ${text}, ${text}, ${text}
    FROM "ReviewCycle" c WHERE c."closedAt" IS NULL AND c."endsOn" < ${startOfToday}`
        : Prisma.empty
    }`;
}

/** reviewTodoRead's rows (the to-do list's probe is the read itself). */
export async function reviewTodo(
  viewer: { id: string; isAdmin: boolean },
  now: Date,
): Promise<ReviewTodoRow[]> {
  return parseRows(reviewTodoRow, await readRows(reviewTodoRead(viewer, now)));
}
