import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { parseRows, sqlDate, sqlInt, versionLine } from "~/db/rows";
import type { Viewer } from "~/modules/identity/policy";
import { reportsBelowSql } from "~/modules/people/reporting-line.server";
import { outcomeInScope, type InsightsScope } from "./policy";
import type { PanelSeat } from "./hiring";
import {
  GROUPS_AT_LOCK,
  readGroupsAtLock,
  type GroupsAtLock,
} from "~/modules/calibration/groups-at-lock";
import { readRows } from "~/db/reads.server";
import { smallest } from "~/utils/extremes";

/**
 * The insights page's reads: one statement per kind of record, each over the people in scope
 * (everyone, or one index range of the reporting line under a manager), each row parsed once.
 * Raw SQL through the one helper (decision 064): the scope is the reporting line's range in byte
 * order, which Prisma's API cannot say (reporting-line.server.ts).
 */

/** `WITH … scope(id) AS (…)`: the people whose figures the viewer may see, for a statement to continue. */
function scopeSql(scope: InsightsScope): Prisma.Sql {
  if (scope.kind === "organisation") return Prisma.sql`WITH scope AS (SELECT id FROM "User")`;
  return Prisma.sql`${reportsBelowSql(scope.managerId)}, scope AS (SELECT id FROM below)`;
}

/**
 * `WITH RECURSIVE … scope(id) AS (…)`: everyone who was ever in the scope, for a report that dates
 * when they were (time in level). Under a manager: walked down from them by every manager anyone had,
 * now or in their manager history (ManagerChange), so a person who moved out, or whose manager did,
 * is still read. A manager who was once under one of their own people is left out.
 */
function everInScopeSql(scope: InsightsScope): Prisma.Sql {
  if (scope.kind === "organisation") return scopeSql(scope);
  return Prisma.sql`WITH RECURSIVE ever(id) AS (
      SELECT CAST(${scope.managerId} AS TEXT)
      UNION
      SELECT edge.id FROM ever JOIN (
        SELECT id, "managerId" AS manager FROM "User"
        UNION ALL SELECT "personId", "toManagerId" FROM "ManagerChange"
        UNION ALL SELECT "personId", "fromManagerId" FROM "ManagerChange"
      ) edge ON edge.manager = ever.id
    ),
    scope AS (SELECT id FROM ever WHERE id <> ${scope.managerId})`;
}

/** Whether anyone (active) reports to the person, directly. */
const personRow = z.object({
  id: z.string(),
  createdAt: sqlDate,
  deactivatedAt: sqlDate.nullable(),
  track: z.string().nullable(),
  level: z.string().nullable(),
  attributes: z.string(),
  team: z.string().nullable(),
  levelSince: sqlDate.nullable(),
  managerId: z.string().nullable(),
});
export type InsightsPerson = z.output<typeof personRow>;

/** Everyone ever in scope (everInScopeSql), with their manager now. */
export async function peopleInScope(scope: InsightsScope): Promise<InsightsPerson[]> {
  return parseRows(
    personRow,
    await readRows(Prisma.sql`
    ${everInScopeSql(scope)}
    SELECT u.id, u."createdAt", u."deactivatedAt", u.track, u.level, u.attributes, t.name AS team, u."levelSince", u."managerId"
    FROM scope JOIN "User" u ON u.id = scope.id LEFT JOIN "Team" t ON t.id = u."teamId"`),
  );
}

const changeRow = z.object({
  personId: z.string(),
  fromTrackId: z.string().nullable(),
  fromLevelId: z.string().nullable(),
  toTrackId: z.string().nullable(),
  toLevelId: z.string().nullable(),
  source: z.string(),
  changedAt: sqlDate,
  fromSince: sqlDate.nullable(),
});
export type LevelChangeRow = z.output<typeof changeRow>;

/** Every level change of everyone ever in scope, each person's in order. */
export async function levelChangesInScope(scope: InsightsScope): Promise<LevelChangeRow[]> {
  return parseRows(
    changeRow,
    await readRows(Prisma.sql`
    ${everInScopeSql(scope)}
    SELECT c."personId", c."fromTrackId", c."fromLevelId", c."toTrackId", c."toLevelId", c.source, c."changedAt", c."fromSince"
    FROM scope JOIN "LevelChange" c ON c."personId" = scope.id
    ORDER BY c."personId", c."changedAt", c.id`),
  );
}

const managerChangeRow = z.object({
  personId: z.string(),
  fromManagerId: z.string().nullable(),
  toManagerId: z.string().nullable(),
  changedAt: sqlDate,
});
export type ManagerChangeRow = z.output<typeof managerChangeRow>;

/** Every change of manager of everyone who was ever under the manager, each person's in order; the organisation's scope never changes, so none. */
export async function managerChangesInScope(scope: InsightsScope): Promise<ManagerChangeRow[]> {
  if (scope.kind === "organisation") return [];
  return parseRows(
    managerChangeRow,
    await readRows(Prisma.sql`
    ${everInScopeSql(scope)}
    SELECT c."personId", c."fromManagerId", c."toManagerId", c."changedAt"
    FROM scope JOIN "ManagerChange" c ON c."personId" = scope.id
    ORDER BY c."personId", c."changedAt", c.id`),
  );
}

const entryRow = z.object({
  personId: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  sessionId: z.string(),
  cycleId: z.string(),
  cycleName: z.string(),
  cycleStartsOn: sqlDate,
  trackId: z.string().nullable(),
  levelId: z.string().nullable(),
  proposedRating: sqlInt.nullable(),
  finalRating: sqlInt.nullable(),
  proposedOutcome: z.string().nullable(),
  finalOutcome: z.string().nullable(),
  team: z.string().nullable(),
  attributes: z.string(),
  lockedAt: sqlDate.nullable().transform((date) => date?.getTime() ?? null),
  line: z.string(),
});
export type CalibrationRow = z.output<typeof entryRow>;

/**
 * The calibration entries of the people in scope, in sessions that are locked or published (outcomes
 * final). A person may be in two such sessions of one cycle; the one that counts is the latest: the
 * session locked most recently (its state event to "locked"), a session with no such event (set up
 * outside the app) as if locked before any, ties by the session's id, the greater first. So each
 * person's entries of a cycle come latest first, and whoever reads one outcome per person and cycle
 * takes the first. Each person's team, attributes and reporting line are those kept at their
 * session's lock (groups-at-lock.ts), not today's: a move after the lock regroups nothing already
 * read, and a manager's organisation holds the outcomes of the people in it at each lock
 * (`outcomeInScope`): the people under them now or in a lock's line are read, and the scope applied
 * to each entry's line at its lock.
 */
export async function calibrationInScope(
  scope: InsightsScope,
  cycleId?: string,
): Promise<CalibrationRow[]> {
  // A manager's people: those under them now, and anyone a lock kept under them (their line in the lock's event names the manager).
  const people =
    scope.kind === "organisation"
      ? Prisma.sql`people AS (SELECT id FROM scope)`
      : Prisma.sql`kept AS (SELECT DISTINCT "sessionId" FROM "CalibrationEvent" WHERE kind = 'state' AND change LIKE ${`%/${scope.managerId}/%`}),
        people AS (SELECT id FROM scope UNION SELECT e."personId" FROM "CalibrationEntry" e JOIN kept k ON k."sessionId" = e."sessionId")`;
  const rows = parseRows(
    entryRow,
    await readRows(Prisma.sql`
    ${scopeSql(scope)},
    ${people},
    locks AS (SELECT "sessionId", MAX("createdAt") AS "lockedAt" FROM "CalibrationEvent" WHERE kind = 'state' AND change LIKE '%"locked"]%' GROUP BY "sessionId")
    SELECT e."personId", e."managerId", m.name AS "managerName", e."sessionId", s."cycleId", c.name AS "cycleName", c."startsOn" AS "cycleStartsOn",
      e."trackId", e."levelId", e."proposedRating", e."finalRating", e."proposedOutcome", e."finalOutcome", t.name AS team, p.attributes, l."lockedAt", p."linePath" AS line
    FROM people
    JOIN "CalibrationEntry" e ON e."personId" = people.id
    JOIN "User" p ON p.id = e."personId"
    LEFT JOIN "Team" t ON t.id = p."teamId"
    JOIN "CalibrationSession" s ON s.id = e."sessionId"
    JOIN "ReviewCycle" c ON c.id = s."cycleId"
    LEFT JOIN "User" m ON m.id = e."managerId"
    LEFT JOIN locks l ON l."sessionId" = s.id
    WHERE s.state IN ('locked', 'published') ${cycleId === undefined ? Prisma.empty : Prisma.sql`AND s."cycleId" = ${cycleId}`}
    ORDER BY e."personId", s."cycleId", CASE WHEN l."lockedAt" IS NULL THEN 1 ELSE 0 END, l."lockedAt" DESC, s.id DESC`),
  );
  const kept = await groupsAtLockOf([...new Set(rows.map((row) => row.sessionId))]);
  return rows.flatMap((row) => {
    const atLock = kept.get(row.sessionId)?.get(row.personId);
    if (!outcomeInScope(scope, atLock?.line ?? row.line)) return [];
    return [
      atLock
        ? {
            ...row,
            team: atLock.team,
            attributes: JSON.stringify(atLock.attributes),
            line: atLock.line ?? row.line,
          }
        : row,
    ];
  });
}

/** The groups each session kept at its latest lock, by session and person; a session locked before they were kept has none (today's are read). */
async function groupsAtLockOf(
  sessionIds: readonly string[],
): Promise<Map<string, Map<string, GroupsAtLock>>> {
  const kept = new Map<string, Map<string, GroupsAtLock>>();
  if (!sessionIds.length) return kept;
  const locks = await db.calibrationEvent.findMany({
    where: {
      sessionId: { in: [...sessionIds] },
      kind: "state",
      change: { contains: GROUPS_AT_LOCK },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { sessionId: true, change: true },
  });
  for (const lock of locks) {
    const groups = readGroupsAtLock(lock.change);
    if (groups) kept.set(lock.sessionId, groups);
  }
  return kept;
}

const pairRow = z.object({
  programmeId: z.string(),
  menteeId: z.string(),
  activeSince: sqlDate,
  goals: z.string().nullable(),
});

/**
 * Accepted pairs (active or ended) whose mentee is in scope, with the mentee's goals now (a JSON list
 * of competency ids; null once they withdrew, when their goals' history says what they were).
 */
export async function menteePairsInScope(
  scope: InsightsScope,
): Promise<z.output<typeof pairRow>[]> {
  return parseRows(
    pairRow,
    await readRows`
    ${scopeSql(scope)}
    SELECT p."programmeId", p."menteeId", p."activeSince", o.competencies AS goals
    FROM scope
    JOIN "MentorshipPair" p ON p."menteeId" = scope.id
    LEFT JOIN "MentorshipParticipant" o ON o."programmeId" = p."programmeId" AND o."userId" = p."menteeId" AND o.role = 'mentee'
    WHERE p.status IN ('active', 'ended') AND p."activeSince" IS NOT NULL`,
  );
}

const optInRow = z.object({
  programmeId: z.string(),
  personId: z.string(),
  goals: z.string().nullable(),
});
const goalChangeRow = z.object({
  programmeId: z.string(),
  personId: z.string(),
  fromGoals: z.string().nullable(),
  toGoals: z.string().nullable(),
  changedAt: sqlDate,
});

/**
 * Every opt-in as a mentee of the people in scope, now (with its goals) or in their goals' history
 * (with none now, once withdrawn), and that history, each person's changes in order.
 */
export async function menteeOptInsInScope(
  scope: InsightsScope,
): Promise<{ optIns: z.output<typeof optInRow>[]; changes: z.output<typeof goalChangeRow>[] }> {
  const [optIns, changes] = await Promise.all([
    readRows`
      ${scopeSql(scope)}
      SELECT o."programmeId", o."userId" AS "personId", o.competencies AS goals FROM scope JOIN "MentorshipParticipant" o ON o."userId" = scope.id WHERE o.role = 'mentee'
      UNION
      SELECT DISTINCT c."programmeId", c."personId", NULL AS goals FROM scope JOIN "MenteeGoalChange" c ON c."personId" = scope.id
      WHERE NOT EXISTS (SELECT 1 FROM "MentorshipParticipant" o WHERE o."programmeId" = c."programmeId" AND o."userId" = c."personId" AND o.role = 'mentee')`,
    readRows`
      ${scopeSql(scope)}
      SELECT c."programmeId", c."personId", c."fromGoals", c."toGoals", c."changedAt"
      FROM scope JOIN "MenteeGoalChange" c ON c."personId" = scope.id
      ORDER BY c."personId", c."changedAt", c.id`,
  ]);
  return { optIns: parseRows(optInRow, optIns), changes: parseRows(goalChangeRow, changes) };
}

const ratingRow = z.object({
  assessmentId: z.string(),
  personId: z.string(),
  levelId: z.string(),
  submittedAt: sqlDate,
  competencyId: z.string(),
  rating: sqlInt,
});

/** The ratings on these competencies of every submitted manager review of the people in scope. */
export async function managerRatingsInScope(
  scope: InsightsScope,
  competencyIds: readonly string[],
): Promise<z.output<typeof ratingRow>[]> {
  if (!competencyIds.length) return [];
  return parseRows(
    ratingRow,
    await readRows(Prisma.sql`
    ${scopeSql(scope)}
    SELECT a.id AS "assessmentId", a."subjectId" AS "personId", a."levelId", a."submittedAt", r."competencyId", r.rating
    FROM scope
    JOIN "Assessment" a ON a."subjectId" = scope.id
    JOIN "AssessmentRating" r ON r."assessmentId" = a.id
    WHERE a.kind = 'manager' AND a.status = 'submitted' AND a."submittedAt" IS NOT NULL AND r.rating IS NOT NULL AND r."competencyId" IN (${Prisma.join(competencyIds)})`),
  );
}

/** Every candidate's pipeline moves, each candidate's in order; which of them the viewer may read, and from when, is `readableAt`'s to say. */
export async function pipelineMoves() {
  return db.hiringPipelineMove.findMany({
    orderBy: [{ candidateId: "asc" }, { movedAt: "asc" }, { id: "asc" }],
    select: { candidateId: true, fromStage: true, toStage: true, movedAt: true },
  });
}

/**
 * The viewer's seats on candidates' panels: each interview of theirs, from when they were put on it
 * until the first card of it was submitted (null: still owed), and each they were taken off before
 * their card, until then: the seat was theirs, so the moves made during it are dated at its end.
 */
export async function panelSeats(viewer: Viewer): Promise<Map<string, PanelSeat[]>> {
  const [interviews, removals] = await Promise.all([
    db.hiringInterview.findMany({
      where: { interviewerId: viewer.id },
      select: {
        createdAt: true,
        loop: { select: { candidateId: true } },
        scorecards: { where: { status: "submitted" }, select: { submittedAt: true } },
      },
    }),
    db.hiringInterviewRemoval.findMany({
      where: { interviewerId: viewer.id },
      select: { candidateId: true, seatedAt: true, removedAt: true },
    }),
  ]);
  const seats = new Map<string, PanelSeat[]>();
  const seat = (candidateId: string, since: Date, until: number | null) =>
    (seats.get(candidateId) ?? seats.set(candidateId, []).get(candidateId)!).push({
      since: since.getTime(),
      until,
    });
  for (const interview of interviews) {
    const submitted = interview.scorecards.flatMap((card) =>
      card.submittedAt ? [card.submittedAt.getTime()] : [],
    );
    seat(
      interview.loop.candidateId,
      interview.createdAt,
      submitted.length ? smallest(submitted) : null,
    );
  }
  for (const removal of removals)
    seat(removal.candidateId, removal.seatedAt, removal.removedAt.getTime());
  return seats;
}

const versionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  teamsChanged: sqlDate.nullable(),
  levelChanges: sqlInt.nullable(),
  managerChanges: sqlInt.nullable(),
  calibrationEvents: sqlInt,
  calibrationChanged: sqlDate.nullable(),
  sessionsChanged: sqlDate.nullable(),
  pairsChanged: sqlDate.nullable(),
  optInsChanged: sqlDate.nullable(),
  goalChanges: sqlInt.nullable(),
  reviewsChanged: sqlDate.nullable(),
  loopsChanged: sqlDate.nullable(),
  moves: sqlInt,
  cardsChanged: sqlDate.nullable(),
  seatsRemoved: sqlInt.nullable(),
  candidatesChanged: sqlDate.nullable(),
});

/**
 * What every figure of the page is read from, as one line: a row counted or changed in any of
 * those tables changes it. The insights views are kept under it (insights.server.ts). People and
 * submitted assessments are not counted: neither is ever deleted (people are deactivated; a
 * submitted assessment stays), so their newest change says it all, from an index, where counting
 * them grew with the organisation (decision 069). Candidates count through their newest change
 * too: linking a hire to their account changes nothing else. Raw: sixteen figures of fifteen tables in one
 * statement, where Prisma's API takes one each.
 */
export async function insightsVersion(): Promise<string> {
  const [row] = parseRows(
    versionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged",
      (SELECT MAX(id) FROM "LevelChange") AS "levelChanges",
      (SELECT MAX(id) FROM "ManagerChange") AS "managerChanges",
      (SELECT COUNT(*) FROM "CalibrationEvent") AS "calibrationEvents",
      (SELECT MAX("createdAt") FROM "CalibrationEvent") AS "calibrationChanged",
      (SELECT MAX("updatedAt") FROM "CalibrationSession") AS "sessionsChanged",
      (SELECT MAX("updatedAt") FROM "MentorshipPair") AS "pairsChanged",
      (SELECT MAX("updatedAt") FROM "MentorshipParticipant") AS "optInsChanged",
      (SELECT MAX(id) FROM "MenteeGoalChange") AS "goalChanges",
      (SELECT MAX("updatedAt") FROM "Assessment") AS "reviewsChanged",
      (SELECT MAX("updatedAt") FROM "HiringLoop") AS "loopsChanged",
      (SELECT COUNT(*) FROM "HiringPipelineMove") AS moves,
      (SELECT MAX("updatedAt") FROM "HiringScorecard") AS "cardsChanged",
      (SELECT MAX(id) FROM "HiringInterviewRemoval") AS "seatsRemoved",
      (SELECT MAX("updatedAt") FROM "HiringCandidate") AS "candidatesChanged"`,
  );
  return versionLine(row!);
}
