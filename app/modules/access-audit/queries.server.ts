import { db } from "~/db/client.server";
import { parseAttributes } from "~/modules/people/attributes";
import { peopleChangedAt } from "~/modules/people/queries.server";

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

/** A version of everything the audits read: a kept view is reused only while it is unchanged. */
export async function accessAuditVersion(): Promise<string> {
  const [
    people,
    teams,
    opportunities,
    interests,
    views,
    sponsorships,
    changes,
    moves,
    regroupings,
    interviews,
    steps,
    stages,
    removals,
    stageVersions,
    keyResults,
    periods,
  ] = await Promise.all([
    peopleChangedAt(),
    db.team.aggregate({ _max: { updatedAt: true }, _count: true }),
    db.opportunity.aggregate({ _max: { updatedAt: true }, _count: true }),
    db.opportunityInterest.aggregate({ _max: { updatedAt: true }, _count: true }),
    db.opportunityView.aggregate({ _max: { viewedAt: true }, _count: true }),
    db.sponsorship.aggregate({ _max: { updatedAt: true }, _count: true }),
    db.levelChange.aggregate({ _max: { id: true } }),
    db.managerChange.aggregate({ _max: { id: true } }),
    db.groupChange.aggregate({ _max: { id: true } }),
    db.hiringInterview.aggregate({ _max: { createdAt: true }, _count: true }),
    db.interviewerTrainingStep.aggregate({ _max: { at: true }, _count: true }),
    db.hiringStage.aggregate({ _max: { createdAt: true }, _count: true }),
    db.hiringInterviewRemoval.aggregate({ _max: { id: true } }),
    // A stage edited in place changes neither its count nor its createdAt: each change of its competencies writes a version.
    db.hiringStageVersion.aggregate({ _max: { id: true } }),
    // A key result's contributors are written with it and never changed or removed alone (keyResultHoldings), and
    // no key result is ever deleted (objectives and periods stay; a leaver is erased in place): the newest change,
    // the end of an index, follows them all without counting the quarter's every key result for each request.
    // Asked as the first row in the index's order: Prisma's aggregate reads a subquery the index cannot answer.
    db.keyResult.findFirst({ orderBy: { updatedAt: "desc" }, select: { updatedAt: true } }),
    db.goalPeriod.aggregate({ _max: { updatedAt: true }, _count: true }),
  ]);
  const stamp = (at: Date | null | undefined) => at?.toISOString() ?? "";
  return [
    stamp(people),
    teams._count,
    stamp(teams._max.updatedAt),
    opportunities._count,
    stamp(opportunities._max.updatedAt),
    interests._count,
    stamp(interests._max.updatedAt),
    views._count,
    stamp(views._max.viewedAt),
    sponsorships._count,
    stamp(sponsorships._max.updatedAt),
    changes._max.id ?? 0,
    moves._max.id ?? 0,
    regroupings._max.id ?? 0,
    interviews._count,
    stamp(interviews._max.createdAt),
    steps._count,
    stamp(steps._max.at),
    stages._count,
    stamp(stages._max.createdAt),
    removals._max.id ?? 0,
    stageVersions._max.id ?? 0,
    stamp(keyResults?.updatedAt),
    periods._count,
    stamp(periods._max.updatedAt),
  ].join("|");
}
