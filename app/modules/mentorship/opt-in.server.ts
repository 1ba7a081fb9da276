import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { InvalidError } from "~/modules/errors";
import { competenciesForLevel, levelWithTrack, type Ladder } from "~/modules/ladders";
import { timeZoneNames } from "~/modules/time-zones";
import { getEnv } from "~/utils/env.server";
import type { MenteeOptInInput, MentorOptInInput } from "./forms";
import { strongestFromReview, teachableFromReview } from "./inputs";
import { menteeTarget } from "./levels";
import { KEPT_STATUSES, type Role } from "./lifecycle";
import { canOptIn } from "./policy";
import { requireProgramme, storedIds, type ProgrammeAccess } from "./programmes.server";
import { latestManagerReview } from "./queries.server";
import { recordGoalChange } from "./goal-history.server";
import type { Message } from "~/i18n/messages";
import * as clock from "~/platform/clock.server";

/**
 * Opting in to a programme as a mentee (goals, preferences) or a mentor (capacity, competencies
 * they can help with), and changing or withdrawing it until the matching day. Either says their
 * time zone, which is the person's own (`User.timeZone`, also chosen under Email settings). A
 * mentee's goals are prefilled from their growth plan; a mentor's competencies from their latest
 * manager review: the strongest few ticked, the others it rates at or above their level's target
 * marked beside them, a tick away.
 */

/** `suggested`: ticked for them; `fromReview`: a mentor's review rates them at or above their target (ticked or not). */
type Option = { id: string; name: string; suggested: boolean; fromReview: boolean };

/** The competencies to choose from: for a mentee those of the level they work towards, for a mentor the whole ladder's. */
async function choices(ladder: Ladder, role: Role, personId: string) {
  const person = await db.user.findUnique({
    where: { id: personId },
    select: {
      level: true,
      growthPlan: {
        select: {
          targetLevelId: true,
          focus: { orderBy: { position: "asc" }, select: { competencyId: true } },
        },
      },
    },
  });
  if (role === "mentee") {
    const target = menteeTarget(
      ladder,
      person?.level ?? null,
      person?.growthPlan?.targetLevelId ?? null,
    );
    const focus = person?.growthPlan?.focus.map((row) => row.competencyId) ?? [];
    const options = (target ? competenciesForLevel(ladder, target.level.id) : []).map(
      (competency) => ({
        id: competency.id,
        name: competency.name,
        suggested: focus.includes(competency.id),
        fromReview: false,
      }),
    );
    return {
      options,
      suggested: options.filter((option) => option.suggested).map((option) => option.id),
      target: target ? { label: levelWithTrack(ladder, target.level.id), from: target.from } : null,
    };
  }
  const review = await latestManagerReview(personId);
  const [teachable, strongest] = [
    teachableFromReview(ladder, review),
    strongestFromReview(ladder, review),
  ];
  const options = ladder.competencies.map((competency) => ({
    id: competency.id,
    name: competency.name,
    suggested: strongest.includes(competency.id),
    fromReview: teachable.includes(competency.id),
  }));
  return { options, suggested: strongest, target: null };
}

async function requireJoinable(
  viewer: Viewer,
  programmeId: string,
  now: Date,
): Promise<ProgrammeAccess & { ladder: Ladder }> {
  const access = await requireProgramme(viewer, programmeId, now);
  if (!canOptIn({ eligible: access.eligible, phase: access.programme.phase })) {
    throw new InvalidError({
      key:
        access.programme.phase === "open"
          ? "mentorship:join.errors.notOpenToYou"
          : "mentorship:join.errors.optInsClosed",
    });
  }
  if (!access.ladder) throw new InvalidError({ key: "mentorship:errors.ladderNotServed" });
  return { ...access, ladder: access.ladder };
}

/** The opt-in form: the choices, and the viewer's answers or the prefill. Read-only (with the reason) when they may not change it. */
export async function optInPage(
  viewer: Viewer,
  programmeId: string,
  role: Role,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const access = await requireProgramme(viewer, programmeId, now, language);
  const { programme, ladder } = access;
  const open =
    canOptIn({ eligible: access.eligible, phase: programme.phase }) && ladder !== undefined;
  const [existing, person] = await Promise.all([
    db.mentorshipParticipant.findUnique({
      where: { programmeId_userId_role: { programmeId, userId: viewer.id, role } },
      select: { capacity: true, competencies: true, preferences: true },
    }),
    db.user.findUnique({ where: { id: viewer.id }, select: { timeZone: true } }),
  ]);
  const available = ladder
    ? await choices(ladder, role, viewer.id)
    : { options: [] as Option[], suggested: [] as string[], target: null };
  const stored = existing ? storedIds(existing.competencies) : null;
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      maxMenteesPerMentor: programme.maxMenteesPerMentor,
      matchingOn: programme.matchingOn,
    },
    role,
    open,
    /** Why the form is read-only, a key of the mentorship messages (the page words it). */
    closedReason: open
      ? null
      : programme.phase === "open"
        ? access.eligible
          ? "mentorship:join.closed.ladderNotServed"
          : "mentorship:join.errors.notOpenToYou"
        : "mentorship:join.closed.optInsClosed",
    joined: existing !== null,
    options: available.options,
    target: available.target,
    timeZones: timeZoneNames(person?.timeZone ?? null),
    organisationTimeZone: getEnv().ORG_TIME_ZONE,
    values: {
      competencies: stored ?? available.suggested,
      timeZone: person?.timeZone ?? "",
      capacity: String(existing?.capacity ?? programme.maxMenteesPerMentor),
      preferences: existing?.preferences ?? "",
    },
    prefilled: stored === null && available.suggested.length > 0,
  };
}

export type OptInResult = { ok: true } | { ok: false; fieldErrors: Record<string, Message[]> };

/** Saves the viewer's opt-in in one role (creating or replacing it). The competencies must be among the choices; a mentor takes at most the programme's maximum. */
export async function saveOptIn(
  viewer: Viewer,
  programmeId: string,
  input: ({ role: "mentee" } & MenteeOptInInput) | ({ role: "mentor" } & MentorOptInInput),
  now = clock.now(),
): Promise<OptInResult> {
  const { programme, ladder } = await requireJoinable(viewer, programmeId, now);
  const { options } = await choices(ladder, input.role, viewer.id);
  const chosen = [...new Set(input.role === "mentee" ? input.goals : input.competencies)];
  const field = input.role === "mentee" ? "goals" : "competencies";
  const unknown = chosen.filter((id) => !options.some((option) => option.id === id));
  if (unknown.length)
    return {
      ok: false,
      fieldErrors: {
        [field]: [
          {
            key:
              input.role === "mentee"
                ? "mentorship:join.errors.goalsOutsideLevel"
                : "mentorship:join.errors.competenciesOutsideLadder",
          },
        ],
      },
    };
  if (input.role === "mentor" && input.capacity > programme.maxMenteesPerMentor) {
    return {
      ok: false,
      fieldErrors: {
        capacity: [
          {
            key: "mentorship:join.errors.capacityAboveMaximum",
            values: { count: programme.maxMenteesPerMentor },
          },
        ],
      },
    };
  }
  if (input.role === "mentor") {
    const accepted = await db.mentorshipPair.count({
      where: {
        programmeId,
        mentorId: viewer.id,
        source: "requested",
        status: { in: [...KEPT_STATUSES] },
      },
    });
    if (input.capacity < accepted)
      return {
        ok: false,
        fieldErrors: {
          capacity: [
            { key: "mentorship:join.errors.capacityBelowAccepted", values: { count: accepted } },
          ],
        },
      };
  }
  const data = {
    capacity: input.role === "mentor" ? input.capacity : null,
    competencies: JSON.stringify(chosen),
    preferences: input.role === "mentee" ? input.preferences : "",
  };
  await db.$transaction(async (tx) => {
    const where = { programmeId_userId_role: { programmeId, userId: viewer.id, role: input.role } };
    const before =
      input.role === "mentee"
        ? await tx.mentorshipParticipant.findUnique({ where, select: { competencies: true } })
        : null;
    await tx.mentorshipParticipant.upsert({
      where,
      create: { programmeId, userId: viewer.id, role: input.role, ...data },
      update: data,
    });
    if (input.role === "mentee")
      await recordGoalChange(
        tx,
        {
          programmeId,
          personId: viewer.id,
          from: before?.competencies ?? null,
          to: data.competencies,
        },
        now,
      );
    await tx.user.update({ where: { id: viewer.id }, data: { timeZone: input.timeZone } });
  });
  return { ok: true };
}

/**
 * Withdraws the viewer's opt-in in one role, with any proposed pair, pin or forbid naming them in
 * it; their requests still waiting for an answer are withdrawn (a mentee's) or declined (a
 * mentor's). A pair made by an accepted request stays: it
 * is withdrawn from by recording its outcome on the pair's page.
 */
export async function withdrawOptIn(
  viewer: Viewer,
  programmeId: string,
  role: Role,
  now = clock.now(),
): Promise<void> {
  await requireJoinable(viewer, programmeId, now);
  const side = role === "mentee" ? { menteeId: viewer.id } : { mentorId: viewer.id };
  const requested = await db.mentorshipPair.count({
    where: { programmeId, ...side, source: "requested", status: { in: ["offered", "active"] } },
  });
  if (requested > 0) throw new InvalidError({ key: "mentorship:join.errors.pairedByRequest" });
  await db.$transaction(async (tx) => {
    // A mentee's waiting requests are withdrawn; those to a mentor who leaves are declined, so their
    // mentees are told to choose again (the page says the mentor left: requestStandingForMentee).
    await tx.mentorshipRequest.updateMany({
      where: { programmeId, ...side, state: "requested" },
      data:
        role === "mentee"
          ? { state: "withdrawn", withdrawnAt: now }
          : { state: "declined", answeredAt: now },
    });
    const joined = await tx.mentorshipParticipant.findUnique({
      where: { programmeId_userId_role: { programmeId, userId: viewer.id, role } },
      select: { competencies: true },
    });
    if (!joined)
      throw new InvalidError({ key: "mentorship:join.errors.notJoined", values: { role } });
    await tx.mentorshipParticipant.delete({
      where: { programmeId_userId_role: { programmeId, userId: viewer.id, role } },
    });
    if (role === "mentee")
      await recordGoalChange(
        tx,
        { programmeId, personId: viewer.id, from: joined.competencies, to: null },
        now,
      );
    await tx.mentorshipPair.deleteMany({ where: { programmeId, status: "proposed", ...side } });
    await tx.mentorshipPairRule.deleteMany({ where: { programmeId, ...side } });
  });
}
