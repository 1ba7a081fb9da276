import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { z } from "zod";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { dateToDay, dayToDate } from "~/modules/days";
import { ForbiddenError, NotFoundError } from "~/modules/errors";
import type { Ladder } from "~/modules/ladders";
import { ladderInLanguage, servedLadders } from "~/modules/ladders/registry.server";
import { timeZoneLabel } from "~/modules/time-zones";
import { personTimeZone } from "~/modules/time-zones.server";
import type { ProgrammeInput } from "./forms";
import { placedOnLadder } from "./levels";
import { programmePhase, type ProgrammePhase, type Role } from "./lifecycle";
import {
  canBrowseMentors,
  canManageProgrammes,
  canOptIn,
  canSeeProgramme,
  isEligible,
} from "./policy";
import type { Objective } from "./types";
import * as clock from "~/platform/clock.server";

/**
 * Mentorship programmes: set up and changed by admins, listed for the people they are open to.
 * Every change is written with its audit event in one transaction.
 */

const ids = z.array(z.string());

/** A JSON list of ids as stored (team ids, competency ids); anything malformed reads as empty. */
export function storedIds(text: string): string[] {
  try {
    const parsed = ids.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

const programmeSelect = {
  id: true,
  name: true,
  ladderId: true,
  startsOn: true,
  endsOn: true,
  matchingOn: true,
  openTo: true,
  teamIds: true,
  maxMenteesPerMentor: true,
  allowRepeatPairs: true,
  crossTeamOnly: true,
  maxTimeZoneHours: true,
  weightGoals: true,
  weightCrossTeam: true,
  weightLevel: true,
  objective: true,
  fairness: true,
  publishedAt: true,
  closedAt: true,
} as const;

type ProgrammeRow = {
  id: string;
  name: string;
  ladderId: string;
  startsOn: Date;
  endsOn: Date;
  matchingOn: Date;
  openTo: string;
  teamIds: string;
  maxMenteesPerMentor: number;
  allowRepeatPairs: boolean;
  crossTeamOnly: boolean;
  maxTimeZoneHours: number | null;
  weightGoals: number;
  weightCrossTeam: number;
  weightLevel: number;
  objective: string;
  fairness: boolean;
  publishedAt: Date | null;
  closedAt: Date | null;
};

export type Programme = Omit<ProgrammeRow, "openTo" | "teamIds" | "objective"> & {
  openTo: "everyone" | "teams";
  teamIds: string[];
  objective: Objective;
  phase: ProgrammePhase;
};

function readProgramme(row: ProgrammeRow, now: Date): Programme {
  const phase = programmePhase(row, now);
  return {
    ...row,
    openTo: row.openTo === "teams" ? "teams" : "everyone",
    teamIds: storedIds(row.teamIds),
    objective: row.objective === "most-fit" ? "most-fit" : "most-matched",
    phase,
  };
}

/** What access rules need to know about a person. */
export type PersonFacts = {
  id: string;
  teamId: string | null;
  ladderId: string | null;
  level: string | null;
  deactivatedAt: Date | null;
};

export async function personFacts(personId: string): Promise<PersonFacts> {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: { id: true, teamId: true, ladderId: true, level: true, deactivatedAt: true },
  });
  if (!person) throw new NotFoundError();
  return person;
}

export function eligibleFor(
  programme: Pick<Programme, "openTo" | "teamIds">,
  ladder: Ladder | undefined,
  person: PersonFacts,
): boolean {
  return isEligible({
    onLadder: ladder !== undefined && placedOnLadder(ladder, person),
    active: person.deactivatedAt === null,
    teamId: person.teamId,
    openTo: programme.openTo,
    teamIds: programme.teamIds,
  });
}

/** The served ladder with this id, in the reader's language (`ladderInLanguage`) where one is given. */
export async function ladderById(
  ladderId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<Ladder | undefined> {
  const served = (await servedLadders()).find((entry) => entry.ladder.meta.id === ladderId);
  return served && ladderInLanguage(served.ladder, language).ladder;
}

export type ProgrammeAccess = {
  programme: Programme;
  ladder: Ladder | undefined;
  eligible: boolean;
  /** The viewer's own opt-ins. */
  roles: Role[];
};

/** The programme as the viewer may see it; a 404 for anyone who may not, as for a programme that does not exist. */
export async function requireProgramme(
  viewer: Viewer,
  programmeId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<ProgrammeAccess> {
  const [row, person, optIns] = await Promise.all([
    db.mentorshipProgramme.findUnique({ where: { id: programmeId }, select: programmeSelect }),
    personFacts(viewer.id),
    db.mentorshipParticipant.findMany({
      where: { programmeId, userId: viewer.id },
      select: { role: true },
    }),
  ]);
  if (!row) throw new NotFoundError({ key: "mentorship:errors.noProgramme" });
  const programme = readProgramme(row, now);
  const ladder = await ladderById(programme.ladderId, language);
  const eligible = eligibleFor(programme, ladder, person);
  const roles = optIns
    .map((optIn) => optIn.role)
    .filter((role): role is Role => role === "mentee" || role === "mentor");
  if (!canSeeProgramme(viewer, { eligible, participant: roles.length > 0 }))
    throw new NotFoundError({ key: "mentorship:errors.noProgramme" });
  return { programme, ladder, eligible, roles };
}

/** An admin-only page or change: a 404 for those who may not see the programme, a 403 for those who may but do not run it. */
export async function requireProgrammeAdmin(
  viewer: Viewer,
  programmeId: string,
  now = clock.now(),
): Promise<ProgrammeAccess> {
  const access = await requireProgramme(viewer, programmeId, now);
  if (!canManageProgrammes(viewer))
    throw new ForbiddenError({ key: "mentorship:errors.adminsOnly" });
  return access;
}

export type ProgrammeListItem = {
  id: string;
  name: string;
  phase: ProgrammePhase;
  startsOn: Date;
  endsOn: Date;
  matchingOn: Date;
  roles: Role[];
  mentees: number;
  mentors: number;
};

/** The programmes the viewer may see (every one for admins), newest first, with their own opt-ins. */
export async function listProgrammes(
  viewer: Viewer,
  now = clock.now(),
): Promise<ProgrammeListItem[]> {
  const [rows, person, optIns, counts] = await Promise.all([
    db.mentorshipProgramme.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: programmeSelect,
    }),
    personFacts(viewer.id),
    db.mentorshipParticipant.findMany({
      where: { userId: viewer.id },
      select: { programmeId: true, role: true },
    }),
    db.mentorshipParticipant.groupBy({ by: ["programmeId", "role"], _count: { _all: true } }),
  ]);
  const ladders = new Map(
    (await servedLadders()).map((served) => [served.ladder.meta.id, served.ladder]),
  );
  return rows.flatMap((row) => {
    const programme = readProgramme(row, now);
    const roles = optIns
      .filter((optIn) => optIn.programmeId === row.id)
      .map((optIn) => optIn.role as Role);
    const eligible = eligibleFor(programme, ladders.get(programme.ladderId), person);
    if (!canSeeProgramme(viewer, { eligible, participant: roles.length > 0 })) return [];
    const count = (role: Role) =>
      counts.find((group) => group.programmeId === row.id && group.role === role)?._count._all ?? 0;
    const { id, name, phase, startsOn, endsOn, matchingOn } = programme;
    return [
      {
        id,
        name,
        phase,
        startsOn,
        endsOn,
        matchingOn,
        roles,
        mentees: count("mentee"),
        mentors: count("mentor"),
      },
    ];
  });
}

type FieldErrors = Partial<Record<keyof ProgrammeInput | "form", string[]>>;
export type SaveProgrammeResult =
  { ok: true; programmeId: string } | { ok: false; fieldErrors: FieldErrors };

/** What the form's values become in the database, once checked against what exists. */
async function programmeData(
  input: ProgrammeInput,
): Promise<
  { data: Omit<ProgrammeRow, "id" | "publishedAt" | "closedAt"> } | { fieldErrors: FieldErrors }
> {
  if (!(await ladderById(input.ladderId)))
    return { fieldErrors: { ladderId: ["mentorship:programmeForm.errors.ladderNotServed"] } };
  const teamIds = input.openTo === "teams" ? [...new Set(input.teamIds)] : [];
  if (
    teamIds.length &&
    (await db.team.count({ where: { id: { in: teamIds } } })) !== teamIds.length
  ) {
    return { fieldErrors: { teamIds: ["mentorship:programmeForm.errors.teamGone"] } };
  }
  return {
    data: {
      name: input.name,
      ladderId: input.ladderId,
      startsOn: dayToDate(input.startsOn),
      endsOn: dayToDate(input.endsOn),
      matchingOn: dayToDate(input.matchingOn),
      openTo: input.openTo,
      teamIds: JSON.stringify(teamIds),
      maxMenteesPerMentor: input.maxMenteesPerMentor,
      allowRepeatPairs: input.allowRepeatPairs,
      crossTeamOnly: input.crossTeamOnly,
      maxTimeZoneHours: input.maxTimeZoneHours ?? null,
      weightGoals: input.weightGoals,
      weightCrossTeam: input.weightCrossTeam,
      weightLevel: input.weightLevel,
      objective: input.objective,
      fairness: input.fairness,
    },
  };
}

/** Sets up a programme. Its matching day is after today, so people have time to opt in. */
export async function createProgramme(
  actor: Viewer,
  input: ProgrammeInput,
  now = clock.now(),
): Promise<SaveProgrammeResult> {
  if (!canManageProgrammes(actor))
    throw new ForbiddenError({ key: "mentorship:errors.adminsOnly" });
  if (input.matchingOn <= dateToDay(now))
    return {
      ok: false,
      fieldErrors: { matchingOn: ["mentorship:programmeForm.errors.matchingNotAfterToday"] },
    };
  const prepared = await programmeData(input);
  if ("fieldErrors" in prepared) return { ok: false, fieldErrors: prepared.fieldErrors };
  const programmeId = await db.$transaction(async (tx) => {
    const created = await tx.mentorshipProgramme.create({
      data: { ...prepared.data, createdById: actor.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.programme_created",
      subjectType: "MentorshipProgramme",
      subjectId: created.id,
      detail: { name: input.name },
    });
    return created.id;
  });
  return { ok: true, programmeId };
}

/**
 * Changes a programme's set-up and rules. Its ladder stays once anyone has opted in (their goals
 * are that ladder's competencies); a closed programme does not change.
 */
export async function updateProgramme(
  actor: Viewer,
  programmeId: string,
  input: ProgrammeInput,
  now = clock.now(),
): Promise<SaveProgrammeResult> {
  const { programme } = await requireProgrammeAdmin(actor, programmeId, now);
  if (programme.phase === "closed")
    return { ok: false, fieldErrors: { form: ["mentorship:programmeForm.errors.closed"] } };
  if (
    input.ladderId !== programme.ladderId &&
    (await db.mentorshipParticipant.count({ where: { programmeId } }))
  ) {
    return {
      ok: false,
      fieldErrors: { ladderId: ["mentorship:programmeForm.errors.ladderInUse"] },
    };
  }
  const prepared = await programmeData(input);
  if ("fieldErrors" in prepared) return { ok: false, fieldErrors: prepared.fieldErrors };
  const changed = Object.entries(prepared.data)
    .filter(([field, value]) => {
      const before = (programme as unknown as Record<string, unknown>)[field];
      const stored =
        field === "teamIds"
          ? JSON.stringify(programme.teamIds)
          : before instanceof Date
            ? before.getTime()
            : before;
      return (value instanceof Date ? value.getTime() : value) !== stored;
    })
    .map(([field]) => field);
  if (changed.length === 0) return { ok: true, programmeId };
  await db.$transaction(async (tx) => {
    await tx.mentorshipProgramme.update({ where: { id: programmeId }, data: prepared.data });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.programme_updated",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: { name: input.name, changed },
    });
  });
  return { ok: true, programmeId };
}

/** Closes a programme: nothing in it changes any more (answers, check-ins, pulses, outcomes, matching). */
export async function closeProgramme(
  actor: Viewer,
  programmeId: string,
  now = clock.now(),
): Promise<void> {
  const { programme } = await requireProgrammeAdmin(actor, programmeId, now);
  if (programme.phase === "closed") return;
  await db.$transaction(async (tx) => {
    await tx.mentorshipProgramme.update({ where: { id: programmeId }, data: { closedAt: now } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "mentorship.programme_closed",
      subjectType: "MentorshipProgramme",
      subjectId: programmeId,
      detail: { name: programme.name },
    });
  });
}

/** The form's values for a stored programme. */
export function programmeFormValues(programme: Programme) {
  return {
    name: programme.name,
    ladderId: programme.ladderId,
    startsOn: dateToDay(programme.startsOn),
    endsOn: dateToDay(programme.endsOn),
    matchingOn: dateToDay(programme.matchingOn),
    openTo: programme.openTo,
    teamIds: programme.teamIds,
    maxMenteesPerMentor: String(programme.maxMenteesPerMentor),
    allowRepeatPairs: programme.allowRepeatPairs,
    crossTeamOnly: programme.crossTeamOnly,
    maxTimeZoneHours: programme.maxTimeZoneHours === null ? "" : String(programme.maxTimeZoneHours),
    weightGoals: String(programme.weightGoals),
    weightCrossTeam: String(programme.weightCrossTeam),
    weightLevel: String(programme.weightLevel),
    objective: programme.objective,
    fairness: programme.fairness,
  };
}

export const PARTICIPANTS_PAGE_SIZE = 50;

/**
 * A programme's page: what it is and its rules; the viewer's own opt-ins and published pairs;
 * for admins, how many joined, where the pairs stand, and everyone who joined a page at a time.
 */
export async function programmePage(
  viewer: Viewer,
  programmeId: string,
  page: number,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const access = await requireProgramme(viewer, programmeId, now, language);
  const { programme, ladder } = access;
  const admin = canManageProgrammes(viewer);
  const [optIns, ownPairs, teams, counts, pairCounts, waiting] = await Promise.all([
    db.mentorshipParticipant.findMany({
      where: { programmeId, userId: viewer.id },
      select: {
        role: true,
        capacity: true,
        competencies: true,
        preferences: true,
        updatedAt: true,
      },
    }),
    db.mentorshipPair.findMany({
      where: {
        programmeId,
        status: { not: "proposed" },
        OR: [{ menteeId: viewer.id }, { mentorId: viewer.id }],
      },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        menteeId: true,
        status: true,
        mentee: { select: { name: true } },
        mentor: { select: { name: true } },
      },
    }),
    programme.openTo === "teams"
      ? db.team.findMany({
          where: { id: { in: programme.teamIds } },
          orderBy: { name: "asc" },
          select: { name: true },
        })
      : Promise.resolve([]),
    admin
      ? db.mentorshipParticipant.groupBy({
          by: ["role"],
          where: { programmeId },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    admin
      ? db.mentorshipPair.groupBy({
          by: ["status"],
          where: { programmeId },
          _count: { _all: true },
        })
      : Promise.resolve([]),
    access.roles.includes("mentor")
      ? db.mentorshipRequest.count({
          where: { programmeId, mentorId: viewer.id, state: "requested" },
        })
      : Promise.resolve(0),
  ]);
  const competencyName = (id: string) =>
    ladder?.competencies.find((competency) => competency.id === id)?.name ?? id;
  let participants = null;
  if (admin) {
    const total = counts.reduce((sum, group) => sum + group._count._all, 0);
    const pages = Math.max(1, Math.ceil(total / PARTICIPANTS_PAGE_SIZE));
    const current = Math.min(page, pages);
    const rows = await db.mentorshipParticipant.findMany({
      where: { programmeId },
      orderBy: [{ user: { name: "asc" } }, { role: "asc" }, { id: "asc" }],
      skip: (current - 1) * PARTICIPANTS_PAGE_SIZE,
      take: PARTICIPANTS_PAGE_SIZE,
      select: {
        role: true,
        capacity: true,
        user: {
          select: { id: true, name: true, timeZone: true, team: { select: { name: true } } },
        },
      },
    });
    participants = {
      page: current,
      pages,
      total,
      rows: rows.map((row) => ({
        id: row.user.id,
        name: row.user.name,
        team: row.user.team?.name ?? null,
        role: row.role as Role,
        capacity: row.capacity,
        timeZone: timeZoneLabel(personTimeZone(row.user.timeZone)),
      })),
    };
  }
  const count = (role: Role) => counts.find((group) => group.role === role);
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      ladderName: ladder?.meta.name ?? programme.ladderId,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
      matchingOn: programme.matchingOn,
      phase: programme.phase,
      openTo: programme.openTo,
      teamNames: teams.map((team) => team.name),
      maxMenteesPerMentor: programme.maxMenteesPerMentor,
      allowRepeatPairs: programme.allowRepeatPairs,
      crossTeamOnly: programme.crossTeamOnly,
      maxTimeZoneHours: programme.maxTimeZoneHours,
    },
    canOptIn: canOptIn({ eligible: access.eligible, phase: programme.phase }),
    /** The mentor profiles page: the programme's people and admins (policy.canBrowseMentors). */
    canBrowseMentors: canBrowseMentors(viewer, access.roles),
    /** Requests waiting for the viewer's answer as a mentor. */
    requestsWaiting: waiting,
    optIns: optIns.map((optIn) => ({
      role: optIn.role as Role,
      capacity: optIn.capacity,
      competencies: storedIds(optIn.competencies).map(competencyName),
      preferences: optIn.preferences,
    })),
    pairs: ownPairs.map((pair) => ({
      id: pair.id,
      role: (pair.menteeId === viewer.id ? "mentee" : "mentor") as Role,
      otherName: pair.menteeId === viewer.id ? pair.mentor.name : pair.mentee.name,
      status: pair.status,
    })),
    admin: admin
      ? {
          mentees: count("mentee")?._count._all ?? 0,
          mentors: count("mentor")?._count._all ?? 0,
          pairs: Object.fromEntries(
            pairCounts.map((group) => [group.status, group._count._all]),
          ) as Record<string, number>,
          participants,
        }
      : null,
  };
}
