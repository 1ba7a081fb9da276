import { z } from "zod";
import { db } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate, sqlInt, versionLine } from "~/db/rows";
import { parseAttributes } from "~/modules/people/attributes";

/** People as the access audits group them (everyone ever, leavers too: their figures leave the audit the day they left, and come back with them). */
export async function auditedPeople() {
  const rows = await db.user.findMany({
    select: {
      id: true,
      createdAt: true,
      deactivatedAt: true,
      managerId: true,
      track: true,
      level: true,
      levelSince: true,
      attributes: true,
      teamId: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    deactivatedAt: row.deactivatedAt,
    managerId: row.managerId,
    track: row.track,
    level: row.level,
    levelSince: row.levelSince,
    team: row.teamId,
    attributes: parseAttributes(row.attributes),
  }));
}

/** Every team's name by its id: a team is shown by its current name, in the past too. */
export async function teamNames(): Promise<Map<string, string>> {
  return new Map(
    (await db.team.findMany({ select: { id: true, name: true } })).map((team) => [
      team.id,
      team.name,
    ]),
  );
}

/** Every change of manager, in order: who was in a manager's organisation when. */
export async function managerChanges() {
  return db.managerChange.findMany({
    select: { personId: true, fromManagerId: true, toManagerId: true, changedAt: true },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
}

/** Every recorded change of track or level, in order: the audits date a person's move between groups by it, their leavings and returns, and (`fromSince`) the stays it ended. */
export async function levelChanges() {
  return db.levelChange.findMany({
    select: {
      personId: true,
      fromTrackId: true,
      fromLevelId: true,
      toTrackId: true,
      toLevelId: true,
      source: true,
      changedAt: true,
      fromSince: true,
    },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
}

/** Every recorded change of team or attribute, in order: the audits date a person's move between groups by it. */
export async function groupChanges() {
  return db.groupChange.findMany({
    select: {
      personId: true,
      kind: true,
      attribute: true,
      fromValue: true,
      toValue: true,
      changedAt: true,
    },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
  });
}

const versionRow = z.object({
  peopleChanged: sqlDate.nullable(),
  teams: sqlInt,
  teamsChanged: sqlDate.nullable(),
  opportunities: sqlInt,
  opportunitiesChanged: sqlDate.nullable(),
  interests: sqlInt,
  interestsChanged: sqlDate.nullable(),
  views: sqlInt,
  viewed: sqlDate.nullable(),
  sponsorships: sqlInt,
  sponsorshipsChanged: sqlDate.nullable(),
  levelChanges: sqlInt.nullable(),
  managerChanges: sqlInt.nullable(),
  groupChanges: sqlInt.nullable(),
  interviews: sqlInt,
  interviewsChanged: sqlDate.nullable(),
  seatsRemoved: sqlInt.nullable(),
  trainingSteps: sqlInt,
  trained: sqlDate.nullable(),
  stages: sqlInt,
  stagesAdded: sqlDate.nullable(),
  stageVersions: sqlInt.nullable(),
  keyResultsChanged: sqlDate.nullable(),
  periods: sqlInt,
  periodsChanged: sqlDate.nullable(),
});

/**
 * A version of everything the audits read, as one line: a kept view is reused only while it is
 * unchanged. People are never deleted, and the change logs only grow: their newest change or id
 * says it all. Tables whose rows may go, or be added in the same millisecond, are counted as well.
 * Interviews leave only through a removal, which is logged; their newest change follows the
 * `updatedAt` index (a seat's person and time are written once, when it is created). A stage edited
 * in place changes neither its count nor its createdAt: each change of its competencies writes a
 * version. A key result's contributors are written with it and never changed or removed alone
 * (keyResultHoldings), and no key result is ever deleted. Raw: twenty-five figures of sixteen
 * tables in one statement, where Prisma's API takes one each and wraps every count and MAX in a
 * subquery that reads every row (10,000 interviews: 1.4 ms a request).
 */
export async function accessAuditVersion(): Promise<string> {
  const [row] = parseRows(
    versionRow,
    await readRows`
    SELECT
      (SELECT MAX("updatedAt") FROM "User") AS "peopleChanged",
      (SELECT COUNT(*) FROM "Team") AS teams,
      (SELECT MAX("updatedAt") FROM "Team") AS "teamsChanged",
      (SELECT COUNT(*) FROM "Opportunity") AS opportunities,
      (SELECT MAX("updatedAt") FROM "Opportunity") AS "opportunitiesChanged",
      (SELECT COUNT(*) FROM "OpportunityInterest") AS interests,
      (SELECT MAX("updatedAt") FROM "OpportunityInterest") AS "interestsChanged",
      (SELECT COUNT(*) FROM "OpportunityView") AS views,
      (SELECT MAX("viewedAt") FROM "OpportunityView") AS viewed,
      (SELECT COUNT(*) FROM "Sponsorship") AS sponsorships,
      (SELECT MAX("updatedAt") FROM "Sponsorship") AS "sponsorshipsChanged",
      (SELECT MAX(id) FROM "LevelChange") AS "levelChanges",
      (SELECT MAX(id) FROM "ManagerChange") AS "managerChanges",
      (SELECT MAX(id) FROM "GroupChange") AS "groupChanges",
      (SELECT COUNT(*) FROM "HiringInterview") AS interviews,
      (SELECT MAX("updatedAt") FROM "HiringInterview") AS "interviewsChanged",
      (SELECT MAX(id) FROM "HiringInterviewRemoval") AS "seatsRemoved",
      (SELECT COUNT(*) FROM "InterviewerTrainingStep") AS "trainingSteps",
      (SELECT MAX("at") FROM "InterviewerTrainingStep") AS trained,
      (SELECT COUNT(*) FROM "HiringStage") AS stages,
      (SELECT MAX("createdAt") FROM "HiringStage") AS "stagesAdded",
      (SELECT MAX(id) FROM "HiringStageVersion") AS "stageVersions",
      (SELECT MAX("updatedAt") FROM "KeyResult") AS "keyResultsChanged",
      (SELECT COUNT(*) FROM "GoalPeriod") AS periods,
      (SELECT MAX("updatedAt") FROM "GoalPeriod") AS "periodsChanged"`,
  );
  return versionLine(row!);
}
