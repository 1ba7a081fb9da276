/** The organisation and periods the goals tests share (conditions, goals, agenda-offer). */
import { db } from "~/db/client.server";
import { dateToDay } from "~/modules/days";
import { createPeriod, type addKeyResult } from "~/modules/goals/goals.server";
import { nextQuarter, quarterOf } from "~/modules/goals/progress";
import * as clock from "~/platform/clock.server";
import { createPerson, type Person } from "../../utils/factories";

/** The period of a quarter (this one unless told), set by `admin`. */
export function quarterPeriod(admin: Person, quarter = quarterOf(clock.now())): Promise<string> {
  return createPeriod(admin, {
    name: quarter.name,
    startsOn: dateToDay(quarter.startsOn),
    endsOn: dateToDay(quarter.endsOn),
  });
}

/** A metric key result from 40 to 60 teams, and anything else it is given. */
export const metric = (title: string, extra: Partial<Parameters<typeof addKeyResult>[2]> = {}) => ({
  title,
  kind: "metric" as const,
  unit: "teams",
  direction: "increase" as const,
  startValue: 40,
  targetValue: 60,
  ...extra,
});

/**
 * An admin; a team whose manager Sam reports to the director Dee; Sam's engineers Lena and Omar in
 * it; Otto outside it (in a team of his own where `outsiderTeam` names one); this quarter's period
 * and the next; and `objective`, a committed objective of this quarter at a level (the team's,
 * where it is the team's), with anything else it is given.
 */
export async function goalsOrganisation(teamName: string, outsiderTeam?: string) {
  const teamId = (await db.team.create({ data: { name: teamName } })).id;
  const otherTeamId = outsiderTeam
    ? (await db.team.create({ data: { name: outsiderTeam } })).id
    : null;
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const director = await createPerson({ name: "Dee Director", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m2",
    managerId: director.id,
    teamId,
  });
  const engineer = (name: string) =>
    createPerson({ name, track: "ic", level: "ic2", managerId: manager.id, teamId });
  const lena = await engineer("Lena Engineer");
  const omar = await engineer("Omar Engineer");
  const otto = await createPerson({
    name: "Otto Outsider",
    track: "ic",
    level: "ic2",
    teamId: otherTeamId,
  });
  const periodId = await quarterPeriod(admin);
  const nextPeriodId = await quarterPeriod(admin, nextQuarter(clock.now()));
  const objective = (
    level: "company" | "team" | "person",
    extra: Record<string, unknown> = {},
  ) => ({
    periodId,
    level,
    teamId: level === "team" ? teamId : null,
    title: `A ${level} objective`,
    why: "",
    commitment: "committed" as const,
    parentId: null,
    ...extra,
  });
  return {
    teamId,
    otherTeamId,
    admin,
    director,
    manager,
    lena,
    omar,
    otto,
    periodId,
    nextPeriodId,
    objective,
  };
}

export type GoalsOrganisation = Awaited<ReturnType<typeof goalsOrganisation>>;
