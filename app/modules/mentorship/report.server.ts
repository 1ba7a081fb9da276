import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { ViewCache } from "~/platform/view-cache.server";
import { ForbiddenError } from "~/modules/errors";
import { isPairStatus, PULSE_CHECKPOINTS, type Outcome, type Role } from "./lifecycle";
import { canSeeReport } from "./policy";
import { eligibleFor, requireProgramme, storedIds } from "./programmes.server";
import { goalRatings, programmePulses, programmeReportVersion } from "./queries.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import {
  goalMovement,
  pairFigures,
  pulseSummary,
  type GoalMovementRow,
  type PairRow,
} from "./report";
import { personFloors } from "~/modules/disclosure/floors.server";
import * as clock from "~/platform/clock.server";

/**
 * A programme's report for admins (report.ts): participation, pairs accepted and declined,
 * outcomes and check-ins, pulse averages (none below the floor) and how the mentees' goal
 * competencies moved in manager reviews after their pair began.
 */

/**
 * The report's inputs kept per programme, whom it is open to, and version of everything they
 * are read from (programmeReportVersion), as the insights and the pipeline board keep theirs
 * (decision 048): a programme of hundreds of people costs thousands of rows to read, its
 * version one statement. Each server keeps its own; the version comes from the shared database.
 */
const inputs = new ViewCache<Awaited<ReturnType<typeof readInputs>>>({
  entries: 32,
  maxAgeMs: 10 * 60 * 1000,
});

function readInputs(programme: { id: string; openTo: string; teamIds: string[] }) {
  const programmeId = programme.id;
  return Promise.all([
    activePlacements(programme),
    db.mentorshipParticipant.findMany({
      where: { programmeId },
      select: { userId: true, role: true, capacity: true, competencies: true },
    }),
    db.mentorshipPair.findMany({
      where: { programmeId },
      select: {
        id: true,
        menteeId: true,
        status: true,
        declinedById: true,
        outcome: true,
        _count: { select: { checkIns: true } },
      },
    }),
    programmePulses(programmeId),
    goalRatings({ programmeId }),
  ]);
}

export async function programmeReport(
  viewer: Viewer,
  programmeId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { programme, ladder } = await requireProgramme(viewer, programmeId, now, language);
  if (!canSeeReport(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  const key = [
    programme.id,
    programme.openTo,
    programme.teamIds.join(","),
    await programmeReportVersion(programme.id),
  ].join("\u0000");
  const [placements, optIns, pairs, pulses, ratings] = await inputs.get(key, () =>
    readInputs(programme),
  );
  const eligible = placements.reduce(
    (sum, group) =>
      sum +
      (eligibleFor(programme, ladder, { id: "", deactivatedAt: null, ...group.place })
        ? group.people
        : 0),
    0,
  );
  const roles = (role: Role) => optIns.filter((optIn) => optIn.role === role);
  const mentees = roles("mentee");
  const mentors = roles("mentor");
  const menteeIds = new Set(mentees.map((optIn) => optIn.userId));
  const joined = new Set(optIns.map((optIn) => optIn.userId));
  const pairRows: PairRow[] = pairs.flatMap((pair) =>
    isPairStatus(pair.status)
      ? [
          {
            status: pair.status,
            declinedBy:
              pair.declinedById === null
                ? null
                : pair.declinedById === pair.menteeId
                  ? "mentee"
                  : "mentor",
            outcome: (pair.outcome as Outcome | null) ?? null,
            checkIns: pair._count.checkIns,
          },
        ]
      : [],
  );
  const goalsOf = new Map(mentees.map((optIn) => [optIn.userId, storedIds(optIn.competencies)]));
  const movementRows: GoalMovementRow[] = pairs
    .filter((pair) => pair.status === "active" || pair.status === "ended")
    .flatMap((pair) => {
      const rated = ratings.get(pair.id);
      return (goalsOf.get(pair.menteeId) ?? []).map((competencyId) => ({
        pairId: pair.id,
        menteeId: pair.menteeId,
        competencyId,
        before: rated?.before.get(competencyId) ?? null,
        after: rated?.after.get(competencyId) ?? null,
      }));
    });
  const floorOf = await personFloors();
  const movement = goalMovement(movementRows, floorOf);
  const name = (id: string) =>
    ladder?.competencies.find((competency) => competency.id === id)?.name ?? id;
  return {
    programme: { id: programme.id, name: programme.name, phase: programme.phase },
    floor: SMALL_GROUP_FLOOR,
    participation: {
      eligible,
      joined: joined.size,
      mentees: mentees.length,
      mentors: mentors.length,
      both: mentors.filter((optIn) => menteeIds.has(optIn.userId)).length,
      slots: mentors.reduce(
        (sum, optIn) =>
          sum +
          Math.min(optIn.capacity ?? programme.maxMenteesPerMentor, programme.maxMenteesPerMentor),
        0,
      ),
    },
    pairs: pairFigures(pairRows),
    pulses: pulseSummary(pulses, PULSE_CHECKPOINTS, floorOf),
    movement: {
      ...movement,
      byCompetency: movement.byCompetency.map((row) => ({ ...row, name: name(row.competencyId) })),
    },
  };
}

/**
 * Active people counted by where they stand (ladder, level, and team when the programme is open
 * to chosen teams): whom the programme is open to is decided per group, not per person.
 */
async function activePlacements(programme: { openTo: string; teamIds: string[] }) {
  const where = { deactivatedAt: null, level: { not: null } };
  if (programme.openTo === "teams") {
    const groups = await db.user.groupBy({
      by: ["ladderId", "level", "teamId"],
      where: { ...where, teamId: { in: programme.teamIds } },
      _count: { _all: true },
    });
    return groups.map((group) => ({
      place: { ladderId: group.ladderId, level: group.level, teamId: group.teamId },
      people: group._count._all,
    }));
  }
  const groups = await db.user.groupBy({
    by: ["ladderId", "level"],
    where,
    _count: { _all: true },
  });
  return groups.map((group) => ({
    place: { ladderId: group.ladderId, level: group.level, teamId: null },
    people: group._count._all,
  }));
}
