import { randomUUID } from "node:crypto";
import { db, type Prisma } from "../../app/db/client.server.ts";
import { quarterOf } from "../../app/modules/goals/progress.ts";
import { seeded as random } from "./random.ts";

/**
 * This quarter's goals of a large organisation, for benchmarks: three company objectives (the
 * admin's), two objectives of every team supporting one of them (its manager's), and an objective
 * of every fourth engineer supporting their team's (every third of those private), each with two or
 * three key results and weekly check-ins since the quarter began. Rows go in with createMany in
 * chunks: the services would take minutes at this size, and none of their rules is measured here.
 * Deterministic for a given seed (apart from row ids).
 */
export type GoalHistorySummary = {
  periodId: string;
  objectives: number;
  keyResults: number;
  checkIns: number;
  /** A team objective and a company objective (hundreds support it), for the objective page's rows. */
  teamObjectiveId: string;
  companyObjectiveId: string;
};

const DAY = 24 * 60 * 60 * 1000;
const CHUNK = 1000;

export async function seedGoalHistory(options: {
  adminId: string;
  now?: Date;
  seed?: number;
}): Promise<GoalHistorySummary> {
  const now = options.now ?? new Date();
  const next = random(options.seed ?? 11);
  const quarter = quarterOf(now);
  const period = await db.goalPeriod.create({
    data: { name: quarter.name, startsOn: quarter.startsOn, endsOn: quarter.endsOn },
    select: { id: true },
  });
  const weeks = Math.max(1, Math.floor((now.getTime() - quarter.startsOn.getTime()) / (7 * DAY)));

  const objectives: Prisma.ObjectiveCreateManyInput[] = [];
  const keyResults: Prisma.KeyResultCreateManyInput[] = [];
  const checkIns: Prisma.KeyResultCheckInCreateManyInput[] = [];
  const contributors: Prisma.KeyResultContributorCreateManyInput[] = [];

  const addObjective = (row: {
    level: string;
    teamId: string | null;
    ownerId: string;
    title: string;
    parentId: string | null;
    openToAll?: boolean;
    keyResults: number;
    contributorIds?: string[];
  }) => {
    const id = randomUUID();
    objectives.push({
      id,
      periodId: period.id,
      level: row.level,
      teamId: row.teamId,
      ownerId: row.ownerId,
      title: row.title,
      why: "So the work of the quarter moves what customers notice.",
      commitment: next() < 0.7 ? "committed" : "aspirational",
      parentId: row.parentId,
      openToAll: row.openToAll ?? false,
      createdById: row.ownerId,
    });
    for (let position = 0; position < row.keyResults; position++) {
      const keyResultId = randomUUID();
      const start = Math.round(next() * 50);
      const target = start + 10 + Math.round(next() * 40);
      keyResults.push({
        id: keyResultId,
        objectiveId: id,
        title: `Measure ${position + 1} of ${row.title}`,
        kind: "metric",
        unit: "%",
        direction: "increase",
        startValue: start,
        targetValue: target,
        ownerId: row.ownerId,
        position,
      });
      for (const personId of row.contributorIds ?? []) contributors.push({ keyResultId, personId });
      const pace = 0.4 + next() * 0.8;
      for (let week = 1; week <= weeks; week++) {
        const share = Math.min(1, (pace * week) / 13);
        checkIns.push({
          keyResultId,
          value: Math.round((start + (target - start) * share) * 10) / 10,
          confidence: share < week / 13 - 0.15 ? "atRisk" : "onTrack",
          note: week % 3 === 0 ? "Moved as planned this week." : "",
          authorId: row.ownerId,
          at: new Date(quarter.startsOn.getTime() + week * 7 * DAY),
        });
      }
    }
    return id;
  };

  const company = ["Customers succeed faster", "The platform stays up", "Teams ship safely"].map(
    (title) =>
      addObjective({
        level: "company",
        teamId: null,
        ownerId: options.adminId,
        title,
        parentId: null,
        keyResults: 3,
      }),
  );
  const teams = await db.team.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      members: {
        where: { deactivatedAt: null },
        orderBy: { email: "asc" },
        select: { id: true, track: true },
      },
    },
  });
  let teamObjectiveId = "";
  for (const [index, team] of teams.entries()) {
    const manager = team.members.find((person) => person.track === "manager");
    const engineers = team.members.filter((person) => person.track !== "manager");
    if (!manager) continue;
    const teamObjectives = [0, 1].map((which) =>
      addObjective({
        level: "team",
        teamId: team.id,
        ownerId: manager.id,
        title: `${team.name}: ${which ? "fewer incidents" : "faster reviews"}`,
        parentId: company[(index + which) % company.length]!,
        keyResults: 2 + (index % 2),
        contributorIds: engineers.slice(0, 2).map((person) => person.id),
      }),
    );
    teamObjectiveId ||= teamObjectives[0]!;
    for (const [position, engineer] of engineers.entries()) {
      if (position % 4 !== 0) continue;
      addObjective({
        level: "person",
        teamId: null,
        ownerId: engineer.id,
        title: "Grow the skills the team's objective needs",
        parentId: teamObjectives[position % 2]!,
        openToAll: position % 3 !== 0,
        keyResults: 2,
      });
    }
  }

  for (let start = 0; start < objectives.length; start += CHUNK) {
    // Parents first: an objective's parent is always earlier in the list.
    await db.objective.createMany({ data: objectives.slice(start, start + CHUNK) });
  }
  for (let start = 0; start < keyResults.length; start += CHUNK)
    await db.keyResult.createMany({ data: keyResults.slice(start, start + CHUNK) });
  for (let start = 0; start < contributors.length; start += CHUNK)
    await db.keyResultContributor.createMany({ data: contributors.slice(start, start + CHUNK) });
  for (let start = 0; start < checkIns.length; start += CHUNK)
    await db.keyResultCheckIn.createMany({ data: checkIns.slice(start, start + CHUNK) });
  return {
    periodId: period.id,
    objectives: objectives.length,
    keyResults: keyResults.length,
    checkIns: checkIns.length,
    teamObjectiveId,
    companyObjectiveId: company[0]!,
  };
}
