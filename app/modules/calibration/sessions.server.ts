import { LARGE_WRITE } from "~/db/transactions";
import { chunksOf } from "~/db/chunks";
import { db, type Prisma } from "~/db/client.server";
import type { ProposalMark } from "./entries";
import { listOf, type Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { readableAsPerson } from "~/modules/people/erased";
import { isErased } from "~/modules/people/erased.server";
import { applyPromotion } from "~/modules/people/promotion.server";
import { dayToDate } from "~/modules/days";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Ladder } from "~/modules/ladders";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { managerChain, reportsUnder } from "~/modules/people/reporting-line.server";
import { namesList, proposalAsOutcome, sortForAcceptance } from "./bulk-accept";
import type { LevelOutcome } from "./entries";
import {
  differsFromProposal,
  promotionTargetProblem,
  REASON_NEEDED,
  type OutcomeInput,
} from "./outcomes";
import type { MOVE_EVENT } from "./grid";
import { onSessionScale, sessionScale } from "./scale";
import {
  canChangeState,
  canMarkProposal,
  canOverseeSession,
  canSetUpSession,
  canScheduleMeeting,
  canOpenEntry,
  canPropose,
  canRateIndependently,
  canRecordOutcome,
  canReleaseOutcome,
  canViewSession,
  releaseRefusal,
  type SessionAccess,
} from "./policy";
import { announceSessionChange } from "./live.server";
import { promotionsDecidedElsewhere, promotionsTakenElsewhere } from "./promotion-route.server";
import { releasedToPersonWhere, sessionReviewFigures } from "./queries.server";
import { meetingEnd, type MeetingInput } from "./meeting";
import type { NewSessionInput } from "./session-form";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { canMoveTo, isSessionState, nextState, type SessionState } from "./session-state";
import { GROUPS_AT_LOCK, groupsAtLock } from "./groups-at-lock";
import * as clock from "~/platform/clock.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";

/**
 * Calibration sessions: set up, moved through their states, proposals and final outcomes.
 * Every change is written with its event in one transaction; events are never changed
 * (the database refuses it), so a session's history is what happened.
 */

/** What is wrong with a set-up, by field: keys, or a key with its values (the route words them). */
type FieldErrors = Partial<Record<keyof NewSessionInput | "form", (string | Message)[]>>;

/** Emails in a refusal: the first ten, then an ellipsis. */
const someEmails = (emails: readonly string[]) =>
  listOf([...emails.slice(0, 10), ...(emails.length > 10 ? ["…"] : [])]);

/** Sets up a session in draft: one entry per person of the population (with their manager, track and level now), their managers invited. */
export async function createSession(
  actor: Viewer,
  setup: NewSessionInput,
): Promise<{ ok: true; sessionId: string } | { ok: false; fieldErrors: FieldErrors }> {
  const input = {
    peopleEmails: [],
    calibratorEmails: [],
    scaleId: null,
    secondDimension: null,
    groupFloor: SMALL_GROUP_FLOOR,
    proposalsDueOn: null,
    ...setup,
  };
  if (!canSetUpSession(actor)) throw new ForbiddenError({ key: "calibration:errors.adminsSetUp" });
  const served = await servedLadderVersion(input.ladderId);
  if (!served)
    return { ok: false, fieldErrors: { ladderId: ["calibration:errors.ladderNotServed"] } };
  const { ladder, versionId } = served;
  const [cycle, facilitator] = await Promise.all([
    db.reviewCycle.findUnique({ where: { id: input.cycleId }, select: { id: true } }),
    db.user.findUnique({
      where: { email: input.facilitatorEmail },
      select: { id: true, deactivatedAt: true },
    }),
  ]);
  if (!cycle) return { ok: false, fieldErrors: { cycleId: ["calibration:errors.noSuchCycle"] } };
  if (!facilitator || facilitator.deactivatedAt)
    return {
      ok: false,
      fieldErrors: { facilitatorEmail: ["calibration:errors.facilitatorNotActive"] },
    };

  if (input.scaleId && !ladder.calibrationScales.some((scale) => scale.id === input.scaleId)) {
    return { ok: false, fieldErrors: { scaleId: ["calibration:errors.scaleNotInLadder"] } };
  }
  const people = await populationOf(input, ladder);
  if ("error" in people) return { ok: false, fieldErrors: people.error };
  if (people.length === 0)
    return { ok: false, fieldErrors: { form: ["calibration:errors.emptyPopulation"] } };
  const others = input.calibratorEmails.length
    ? await db.user.findMany({
        where: { email: { in: input.calibratorEmails }, deactivatedAt: null },
        select: { id: true, email: true },
      })
    : [];
  const unknownCalibrators = input.calibratorEmails.filter(
    (email) => !others.some((other) => other.email === email),
  );
  if (unknownCalibrators.length)
    return {
      ok: false,
      fieldErrors: {
        calibratorEmails: [
          {
            key: "calibration:errors.unknownCalibrators",
            values: { count: unknownCalibrators.length, emails: listOf(unknownCalibrators) },
          },
        ],
      },
    };
  const calibrated = others.filter((other) => people.some((person) => person.id === other.id));
  if (calibrated.length)
    return {
      ok: false,
      fieldErrors: {
        calibratorEmails: [
          {
            key: "calibration:errors.calibratedNotCalibrators",
            values: { emails: listOf(calibrated.map((other) => other.email)) },
          },
        ],
      },
    };
  // The population's managers propose (a facilitator who manages some of them too); others named are invited besides.
  const calibratorIds = [
    ...new Set([
      ...people.flatMap((person) => (person.managerId ? [person.managerId] : [])),
      ...others.flatMap((other) => (other.id === facilitator.id ? [] : [other.id])),
    ]),
  ];

  const sessionId = await db.$transaction(async (tx) => {
    const session = await tx.calibrationSession.create({
      data: {
        name: input.name,
        cycleId: input.cycleId,
        ladderId: ladder.meta.id,
        ladderVersionId: versionId,
        facilitatorId: facilitator.id,
        createdById: actor.id,
        blindPreRead: input.blindPreRead,
        scaleId: input.scaleId,
        secondDimension: input.secondDimension,
        groupFloor: input.groupFloor ?? SMALL_GROUP_FLOOR,
        proposalsDueOn: input.proposalsDueOn ? dayToDate(input.proposalsDueOn) : null,
      },
      select: { id: true },
    });
    await tx.calibrationCalibrator.createMany({
      data: calibratorIds.map((userId) => ({ sessionId: session.id, userId })),
    });
    for (const chunk of chunksOf(people))
      await tx.calibrationEntry.createMany({
        data: chunk.map((person) => ({
          sessionId: session.id,
          personId: person.id,
          managerId: person.managerId,
          trackId: person.track,
          levelId: person.level,
        })),
      });
    await refreshReviewFigures(tx, session.id, input.cycleId);
    await tx.calibrationEvent.create({
      data: {
        sessionId: session.id,
        actorId: actor.id,
        kind: "state",
        change: JSON.stringify({ state: [null, "draft"], people: people.length }),
      },
    });
    return session.id;
  }, LARGE_WRITE);
  return { ok: true, sessionId };
}

type Person = { id: string; managerId: string | null; track: string | null; level: string | null };

/** The cycle's participants on the ladder, narrowed to the chosen teams or everyone under a manager. */
async function populationOf(
  input: NewSessionInput & { peopleEmails: string[] },
  ladder: Ladder,
): Promise<Person[] | { error: FieldErrors }> {
  let ids: string[] | null = null;
  if (input.population === "teams") {
    if (input.teamIds.length === 0)
      return { error: { teamIds: ["calibration:errors.chooseTeam"] } };
    const teams = await db.team.count({ where: { id: { in: input.teamIds } } });
    if (teams !== new Set(input.teamIds).size)
      return { error: { teamIds: ["calibration:errors.teamGone"] } };
  }
  if (input.population === "manager") {
    const manager = input.managerEmail
      ? await db.user.findUnique({ where: { email: input.managerEmail }, select: { id: true } })
      : null;
    if (!manager)
      return {
        error: {
          managerEmail: [
            input.managerEmail
              ? "calibration:errors.nobodyWithEmail"
              : "calibration:errors.managerEmailNeeded",
          ],
        },
      };
    ids = await reportsUnder(manager.id);
  }
  if (input.population === "people") {
    if (input.peopleEmails.length === 0)
      return { error: { peopleEmails: ["calibration:errors.listPeople"] } };
    const found = await db.user.findMany({
      where: { email: { in: input.peopleEmails } },
      select: { id: true, email: true },
    });
    const unknown = input.peopleEmails.filter(
      (email) => !found.some((person) => person.email === email),
    );
    if (unknown.length)
      return {
        error: {
          peopleEmails: [
            {
              key: "calibration:errors.unknownPeople",
              values: { count: unknown.length, emails: someEmails(unknown) },
            },
          ],
        },
      };
    ids = found.map((person) => person.id);
  }
  const levelIds = new Set(ladder.tracks.flatMap((track) => track.levels.map((level) => level.id)));
  const participants = await db.reviewCycleParticipant.findMany({
    where: {
      cycleId: input.cycleId,
      user: {
        deactivatedAt: null,
        ...(input.population === "teams" ? { teamId: { in: input.teamIds } } : {}),
        ...(ids ? { id: { in: ids } } : {}),
      },
    },
    select: {
      user: {
        select: {
          id: true,
          email: true,
          managerId: true,
          track: true,
          level: true,
          ladderId: true,
        },
      },
    },
  });
  const onLadder = participants
    .map((participant) => participant.user)
    .filter((user) =>
      user.ladderId
        ? user.ladderId === ladder.meta.id
        : user.level !== null && levelIds.has(user.level),
    );
  if (input.population === "people") {
    // Everyone listed is calibrated, or the list says who cannot be: nobody is left out unsaid.
    const outside = input.peopleEmails.filter(
      (email) => !onLadder.some((person) => person.email === email),
    );
    if (outside.length) {
      return {
        error: {
          peopleEmails: [
            { key: "calibration:errors.peopleOutside", values: { emails: someEmails(outside) } },
          ],
        },
      };
    }
  }
  return onLadder.map(({ ladderId: _ladderId, email: _email, ...person }) => person);
}

/** The session as access rules need it; a 404 for anyone who may not see it, as for a session that does not exist. */
export async function requireSessionAccess(viewer: Viewer, sessionId: string) {
  const session = await db.calibrationSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      name: true,
      state: true,
      blindPreRead: true,
      facilitatorId: true,
      ladderId: true,
      ladderVersionId: true,
      cycleId: true,
      scaleId: true,
      secondDimension: true,
      groupFloor: true,
      meetingStartsAt: true,
      meetingEndsAt: true,
      // Whether the viewer calibrates: a session's list can run to hundreds, read where it is shown.
      calibrators: { where: { userId: viewer.id }, select: { userId: true } },
    },
  });
  if (!session || !isSessionState(session.state))
    throw new NotFoundError({ key: "calibration:errors.noSuchSession" });
  const access: SessionAccess = {
    facilitatorId: session.facilitatorId,
    calibratorIds: session.calibrators.map((row) => row.userId),
    state: session.state,
    withheldPersonIds: viewer.isAdmin ? [] : [viewer.id, ...(await managerChain(viewer.id))],
  };
  if (!canViewSession(viewer, access))
    throw new NotFoundError({ key: "calibration:errors.noSuchSession" });
  return { ...session, state: session.state as SessionState, access };
}

/** Sessions the viewer takes part in (all of them for admins), newest first. */
export async function listSessions(viewer: Viewer) {
  const sessions = await db.calibrationSession.findMany({
    where: viewer.isAdmin
      ? {}
      : { OR: [{ facilitatorId: viewer.id }, { calibrators: { some: { userId: viewer.id } } }] },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      state: true,
      createdAt: true,
      cycle: { select: { name: true } },
      facilitator: { select: { name: true } },
      _count: { select: { entries: true } },
    },
  });
  return sessions.map((session) => ({
    id: session.id,
    name: session.name,
    state: session.state,
    cycleName: session.cycle.name,
    facilitatorName: session.facilitator.name,
    people: session._count.entries,
  }));
}

/**
 * The facilitator (or an admin) invites another calibrator after setting up, for example a peer
 * manager, until the session is locked. The invitation is an event of the session's history.
 */
export async function inviteCalibrator(
  viewer: Viewer,
  sessionId: string,
  email: string,
): Promise<{ ok: true } | { ok: false; fieldErrors: { email: Message[] } }> {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canOverseeSession(viewer, session.access))
    throw new ForbiddenError({ key: "calibration:errors.facilitatorInvites" });
  if (session.state === "locked" || session.state === "published")
    throw new ConflictError({ key: "calibration:errors.lockedNoJoining" });
  const person = await db.user.findFirst({
    where: { email: email.trim().toLowerCase(), deactivatedAt: null },
    select: { id: true, name: true },
  });
  if (!person)
    return {
      ok: false,
      fieldErrors: { email: [{ key: "calibration:errors.nobodyActiveWithEmail" }] },
    };
  if (
    person.id === session.facilitatorId ||
    (await db.calibrationCalibrator.findUnique({
      where: { sessionId_userId: { sessionId, userId: person.id } },
      select: { userId: true },
    }))
  )
    return {
      ok: false,
      fieldErrors: {
        email: [{ key: "calibration:errors.alreadyTakesPart", values: { name: person.name } }],
      },
    };
  // Someone calibrated in the session is not invited to calibrate the others (their managers invite themselves by managing).
  if (
    await db.calibrationEntry.findFirst({
      where: { sessionId, personId: person.id },
      select: { id: true },
    })
  ) {
    return {
      ok: false,
      fieldErrors: {
        email: [{ key: "calibration:errors.calibratedNotInvited", values: { name: person.name } }],
      },
    };
  }
  await db.$transaction(async (tx) => {
    await tx.calibrationCalibrator.create({ data: { sessionId, userId: person.id } });
    await tx.calibrationEvent.create({
      data: {
        sessionId,
        actorId: viewer.id,
        kind: "invite",
        change: JSON.stringify({ calibrator: [null, person.name] }),
      },
    });
  });
  await announceSessionChange(sessionId);
  return { ok: true };
}

/**
 * The facilitator (or an admin) sets or moves the session's meeting (null removes it) until the
 * session is locked; the next notification pass sends, moves or cancels the calendar invitations.
 * The change is an event of the session's history.
 */
export async function scheduleMeeting(
  viewer: Viewer,
  sessionId: string,
  meeting: MeetingInput | null,
): Promise<void> {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canOverseeSession(viewer, session.access))
    throw new ForbiddenError({ key: "calibration:errors.facilitatorSetsMeeting" });
  if (!canScheduleMeeting(viewer, session.access))
    throw new ConflictError({ key: "calibration:errors.lockedMeeting" });
  const startsAt = meeting?.startsAt ?? null;
  const endsAt = meeting ? meetingEnd(meeting) : null;
  await db.$transaction(async (tx) => {
    await tx.calibrationSession.update({
      where: { id: sessionId },
      data: { meetingStartsAt: startsAt, meetingEndsAt: endsAt },
    });
    await tx.calibrationEvent.create({
      data: {
        sessionId,
        actorId: viewer.id,
        kind: "meeting",
        change: JSON.stringify({
          meeting: [
            session.meetingStartsAt?.toISOString() ?? null,
            startsAt?.toISOString() ?? null,
          ],
        }),
      },
    });
  });
  await announceSessionChange(sessionId);
}

/**
 * The facilitator moves the session one step on; anyone else may not. Locking needs a final
 * outcome for everyone; publishing needs the day accepted promotions take effect (when there
 * are any), and applies those already due.
 */
export async function advanceSession(
  viewer: Viewer,
  sessionId: string,
  to: string,
  options: { effectiveOn?: Date | null; now?: Date } = {},
): Promise<void> {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canChangeState(viewer, session.access))
    throw new ForbiddenError({ key: "calibration:errors.facilitatorMoves" });
  if (
    !isSessionState(to) ||
    !canMoveTo(session.state, to, { blindPreRead: session.blindPreRead })
  ) {
    const next = nextState(session.state, { blindPreRead: session.blindPreRead });
    throw new InvalidError(
      next
        ? { key: "calibration:errors.onlyNextState", values: { from: session.state, next } }
        : { key: "calibration:errors.publishedStays" },
    );
  }
  if (to === "locked") {
    const open = await db.calibrationEntry.count({ where: { sessionId, finalRating: null } });
    if (open)
      throw new InvalidError({
        key: "calibration:errors.outcomesMissing",
        values: { count: open },
      });
  }
  const promotions =
    to === "published"
      ? await db.calibrationEntry.count({ where: { sessionId, finalOutcome: "promote" } })
      : 0;
  if (promotions && !options.effectiveOn)
    throw new InvalidError({ key: "calibration:errors.effectiveOnNeeded" });
  await db.$transaction(async (tx) => {
    const moved = await tx.calibrationSession.updateMany({
      where: { id: sessionId, state: session.state },
      data: {
        state: to,
        ...(to === "published" && options.effectiveOn
          ? { promotionsEffectiveOn: options.effectiveOn }
          : {}),
      },
    });
    if (moved.count !== 1) throw new ConflictError({ key: "calibration:errors.movedMeanwhile" });
    if (to === "proposals" || to === "preread" || to === "live")
      await refreshReviewFigures(tx, sessionId, session.cycleId);
    const change: Record<string, unknown> = { state: [session.state, to] };
    if (to === "published" && options.effectiveOn)
      change.promotionsEffectiveOn = [null, options.effectiveOn.toISOString().slice(0, 10)];
    if (to === "locked") {
      const people = await tx.calibrationEntry.findMany({
        where: { sessionId },
        select: {
          personId: true,
          person: {
            select: { attributes: true, linePath: true, team: { select: { name: true } } },
          },
        },
      });
      change[GROUPS_AT_LOCK] = groupsAtLock(
        people.map((entry) => ({
          personId: entry.personId,
          team: entry.person.team?.name ?? null,
          attributes: entry.person.attributes,
          line: entry.person.linePath,
        })),
      );
    }
    await tx.calibrationEvent.create({
      data: { sessionId, actorId: viewer.id, kind: "state", change: JSON.stringify(change) },
    });
  }, LARGE_WRITE);
  await announceSessionChange(sessionId);
  if (to === "published") await applyDuePromotions(options.now);
}

/**
 * Accepted promotions that have taken effect: the session is published, its effective day has come
 * and the outcome has been released to the person (a promotion takes effect on the later of the
 * two, so nobody's level changes before they have been told). The person's track and level change,
 * in the audit log and the session's history, both credited to whoever released the outcome (the
 * manager, as a rule): the release is what lets it take effect, not the session's facilitator. A person whose level changed some other way since the
 * session was set up is left as they are, and the history says so. Idempotent (each promotion is
 * applied once), so any server may run it at any time. Released promotions on a ladder whose
 * promotions committees decide are handed to them as nominations (promotion-route.server.ts) and never
 * applied here, whatever their day.
 */
export async function applyDuePromotions(now = clock.now()): Promise<number> {
  const released = await db.calibrationEntry.findMany({
    where: {
      appliedAt: null,
      finalOutcome: "promote",
      finalLevelId: { not: null },
      ...releasedToPersonWhere(),
    },
    select: {
      id: true,
      sessionId: true,
      personId: true,
      levelId: true,
      finalLevelId: true,
      rationale: true,
      finalReason: true,
      session: {
        select: {
          ladderId: true,
          ladderVersionId: true,
          facilitatorId: true,
          promotionsEffectiveOn: true,
        },
      },
      events: {
        where: { kind: "release" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { actorId: true },
      },
    },
  });
  const taken = released.length
    ? await promotionsTakenElsewhere(
        released.map((entry) => ({
          entryId: entry.id,
          sessionId: entry.sessionId,
          personId: entry.personId,
          ladderId: entry.session.ladderId,
          ladderVersionId: entry.session.ladderVersionId,
          levelId: entry.levelId,
          finalLevelId: entry.finalLevelId!,
          rationale: entry.finalReason?.trim() || entry.rationale,
          facilitatorId: entry.session.facilitatorId,
        })),
        now,
      )
    : new Set<string>();
  const due = released.filter(
    (entry) =>
      !taken.has(entry.id) &&
      entry.session.promotionsEffectiveOn !== null &&
      entry.session.promotionsEffectiveOn.getTime() <= now.getTime(),
  );
  let applied = 0;
  for (const entry of due) {
    const ladder = await requireLadderOfVersion(entry.session.ladderVersionId);
    const releasedBy = entry.events[0]?.actorId ?? entry.session.facilitatorId;
    await db.$transaction(async (tx) => {
      const claimed = await tx.calibrationEntry.updateMany({
        where: { id: entry.id, appliedAt: null },
        data: { appliedAt: now },
      });
      if (claimed.count !== 1) return; // another server applied it meanwhile
      const result = await applyPromotion(tx, {
        personId: entry.personId,
        decidedFromLevelId: entry.levelId,
        ladder,
        targetLevelId: entry.finalLevelId!,
        effectiveAt: now,
        actorId: releasedBy,
        source: { calibrationSessionId: entry.sessionId },
        now,
      });
      if (result.applied) applied += 1;
      await tx.calibrationEvent.create({
        data: {
          sessionId: entry.sessionId,
          entryId: entry.id,
          actorId: releasedBy,
          kind: "apply",
          change: JSON.stringify({
            level: [result.from.level, result.applied ? entry.finalLevelId : result.from.level],
          }),
          reason: result.applied
            ? null
            : "Not applied: the person's level changed after the session was set up.",
        },
      });
    });
  }
  for (const sessionId of new Set(due.map((entry) => entry.sessionId)))
    await announceSessionChange(sessionId);
  return applied;
}

/** A release of outcomes: every outcome of the session the viewer may release and has not, or the chosen entries. */
export type ReleaseChoice = { all: true } | { entryIds: readonly string[] };

/**
 * After publishing, the person's manager (or the facilitator) shows people their outcomes: the
 * chosen entries, or every one the viewer may release. A chosen entry the viewer may not open, or
 * that is not in the session, is a 404; one they may open but not release refuses the whole choice.
 * Each release is its own event, all in one transaction; outcomes already released are left as they
 * are. A promotion whose day has come takes effect with its release (applyDuePromotions).
 */
export async function releaseOutcomes(
  viewer: Viewer,
  sessionId: string,
  choice: ReleaseChoice,
  now = clock.now(),
): Promise<{ released: number; already: number }> {
  const session = await requireSessionAccess(viewer, sessionId);
  const refusal = releaseRefusal(session.access);
  if (refusal) throw new ForbiddenError(refusal);
  const ids = "entryIds" in choice ? [...new Set(choice.entryIds)] : null;
  if (ids && ids.length === 0)
    throw new InvalidError({ key: "calibration:errors.chooseToRelease" });
  const rows = await db.calibrationEntry.findMany({
    where: { sessionId, ...(ids ? { id: { in: ids } } : {}) },
    select: {
      id: true,
      personId: true,
      managerId: true,
      released: true,
      finalOutcome: true,
      finalLevelId: true,
      finalRating: true,
      finalReason: true,
      session: { select: { cycleId: true } },
    },
  });
  const openable = rows.filter((row) => canOpenEntry(viewer, session.access, row));
  if (ids && openable.length !== ids.length)
    throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  const releasable = openable.filter((row) => canReleaseOutcome(viewer, session.access, row));
  if (ids && releasable.length !== ids.length)
    throw new ForbiddenError({ key: "calibration:errors.managerReleases" });
  const release = releasable.filter((row) => !row.released);
  if (release.length) {
    await db.$transaction(async (tx) => {
      const written = await tx.calibrationEntry.updateMany({
        where: { id: { in: release.map((row) => row.id) }, released: false },
        data: { released: true, revision: { increment: 1 } },
      });
      if (written.count !== release.length)
        throw new ConflictError({ key: "calibration:errors.releasedMeanwhile" });
      await tx.calibrationEvent.createMany({
        data: release.map((row) => ({
          sessionId,
          entryId: row.id,
          actorId: viewer.id,
          kind: "release",
          change: JSON.stringify({ released: [false, true] }),
          createdAt: now,
        })),
      });
      await emitWebhookEvents(
        tx,
        release.map(({ session: { cycleId }, ...row }) => ({
          kind: "outcome.released" as const,
          outcome: { ...row, calibrationSessionId: sessionId, cycleId },
        })),
        now,
      );
    }, LARGE_WRITE);
    await announceSessionChange(sessionId);
    await applyDuePromotions(now);
  }
  return { released: release.length, already: releasable.length - release.length };
}

/** One person's outcome released from their entry's page (releaseOutcomes for one). */
export async function releaseOutcome(
  viewer: Viewer,
  entryId: string,
  inSession?: string,
  now = clock.now(),
): Promise<void> {
  const { entry } = await requireEntry(viewer, entryId, inSession);
  await releaseOutcomes(viewer, entry.sessionId, { entryIds: [entry.id] }, now);
}

/** A person's own outcomes: published sessions whose outcome their manager has released to them. */
export async function ownOutcomes(personId: string) {
  const entries = await db.calibrationEntry.findMany({
    where: { personId, ...releasedToPersonWhere() },
    orderBy: { session: { createdAt: "desc" } },
    select: {
      id: true,
      finalRating: true,
      finalOutcome: true,
      finalLevelId: true,
      appliedAt: true,
      session: {
        select: {
          name: true,
          ladderId: true,
          ladderVersionId: true,
          scaleId: true,
          promotionsEffectiveOn: true,
        },
      },
    },
  });
  // A promotion a committee decides is not calibration's to announce: it is a nomination.
  const elsewhere = await promotionsDecidedElsewhere(
    entries
      .filter((entry) => entry.finalOutcome === "promote" && entry.appliedAt === null)
      .map((entry) => ({ entryId: entry.id, ladderId: entry.session.ladderId })),
  );
  return entries.map((entry) => ({ ...entry, nominated: elsewhere.has(entry.id) }));
}

/** The entry and its session, a 404 unless the viewer may see the session (and, when `inSession` is given, unless the entry is in it). */
export async function requireEntry(viewer: Viewer, entryId: string, inSession?: string) {
  const entry = await db.calibrationEntry.findUnique({
    where: { id: entryId },
    select: {
      id: true,
      sessionId: true,
      personId: true,
      managerId: true,
      levelId: true,
      released: true,
      revision: true,
      proposedRating: true,
      proposedOutcome: true,
      proposedLevelId: true,
      proposedSecond: true,
      proposedEvidence: true,
      rationale: true,
      finalRating: true,
      finalOutcome: true,
      finalLevelId: true,
      finalReason: true,
      finalSecond: true,
    },
  });
  if (!entry || (inSession !== undefined && entry.sessionId !== inSession))
    throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  const [session, erased] = await Promise.all([
    requireSessionAccess(viewer, entry.sessionId),
    isErased(entry.personId),
  ]);
  if (!readableAsPerson(erased) || !canOpenEntry(viewer, session.access, entry))
    throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  return { entry, session };
}

type ScaledSession = {
  ladderVersionId: string;
  scaleId: string | null;
  secondDimension: string | null;
};

/** Checks a proposal or an outcome against the session's ladder and scale; field errors as message keys, or none. */
async function outcomeProblems(
  session: ScaledSession,
  fromLevelId: string | null,
  input: OutcomeInput,
): Promise<Record<string, string[]> | null> {
  const ladder = await requireLadderOfVersion(session.ladderVersionId);
  const errors: Record<string, string[]> = {};
  const scale = sessionScale(ladder, session.scaleId);
  if (!onSessionScale(scale, input.rating)) errors.rating = ["calibration:errors.ratingOnScale"];
  if (session.secondDimension && input.second === undefined)
    errors.second = ["calibration:errors.secondPoint"];
  if (input.outcome === "promote") {
    const problem = promotionTargetProblem(ladder, fromLevelId, input.levelId ?? "");
    if (problem) errors.levelId = [problem];
  }
  return Object.keys(errors).length ? errors : null;
}

/** A proposal, outcome or view saved; `unchanged` when it already said that, so nothing was written and no event added. */
export type Saved =
  { ok: true; unchanged?: true } | { ok: false; fieldErrors: Record<string, string[]> };

const levelOf = (input: OutcomeInput) =>
  input.outcome === "promote" ? (input.levelId ?? null) : null;

/** The person's manager proposes an overall rating and a level outcome, with a rationale, while proposals are open. */
export async function saveProposal(
  viewer: Viewer,
  entryId: string,
  input: OutcomeInput,
  inSession?: string,
): Promise<Saved> {
  const { entry, session } = await requireEntry(viewer, entryId, inSession);
  if (!canPropose(viewer, session.access, entry)) {
    throw new ForbiddenError({
      key:
        entry.managerId === viewer.id
          ? "calibration:errors.proposalsClosed"
          : "calibration:errors.managerProposes",
    });
  }
  const problems = (await outcomeProblems(session, entry.levelId, input)) ?? {};
  const evidence = [...new Set(input.evidence ?? [])];
  if (evidence.length && (await reviewEvidenceIds(entry.id, evidence)).length !== evidence.length) {
    problems.evidence = ["calibration:errors.evidenceOfReviews"];
  }
  if (Object.keys(problems).length) return { ok: false, fieldErrors: problems };
  const next = {
    proposedRating: input.rating,
    proposedOutcome: input.outcome as LevelOutcome,
    proposedLevelId: levelOf(input),
    rationale: input.text,
    proposedEvidence: JSON.stringify(evidence.sort()),
    ...(session.secondDimension ? { proposedSecond: input.second ?? null } : {}),
  };
  const changed = changes(entry, next);
  if (Object.keys(changed).length === 0) {
    // The proposal already says this: no event, nobody notified; only the manager's own draft goes.
    await db.calibrationEntry.update({ where: { id: entry.id }, data: { proposalDraft: null } });
    return { ok: true, unchanged: true };
  }
  await db.$transaction(async (tx) => {
    await tx.calibrationEntry.update({
      where: { id: entry.id },
      data: { ...next, proposalDraft: null, proposedAt: clock.now(), revision: { increment: 1 } },
    });
    await tx.calibrationEvent.create({
      data: {
        sessionId: entry.sessionId,
        entryId: entry.id,
        actorId: viewer.id,
        kind: "proposal",
        change: JSON.stringify(changed),
      },
    });
  });
  await announceSessionChange(entry.sessionId);
  return { ok: true };
}

/** Of these evidence ids, those in the entry's kept reviews (the person's self-assessment and manager review of the cycle). */
async function reviewEvidenceIds(entryId: string, ids?: readonly string[]): Promise<string[]> {
  const entry = await db.calibrationEntry.findUniqueOrThrow({
    where: { id: entryId },
    select: { selfAssessmentId: true, managerReviewId: true },
  });
  const reviews = [entry.selfAssessmentId, entry.managerReviewId].filter(
    (id): id is string => id !== null,
  );
  if (!reviews.length) return [];
  const found = await db.ratingEvidence.findMany({
    where: { rating: { assessmentId: { in: reviews } }, ...(ids ? { id: { in: [...ids] } } : {}) },
    select: { id: true },
  });
  return found.map((row) => row.id);
}

/** The most a draft may hold, as JSON. */
const MAX_DRAFT = 20_000;

/**
 * The manager's proposal form as it stands, kept as they type (autosave) and seen by nobody
 * else: not a proposal, no event, nobody notified. Saving the proposal clears it.
 */
export async function saveProposalDraft(
  viewer: Viewer,
  entryId: string,
  values: Record<string, string | string[]>,
  inSession?: string,
): Promise<{ savedAt: string }> {
  const { entry, session } = await requireEntry(viewer, entryId, inSession);
  if (!canPropose(viewer, session.access, entry))
    throw new ForbiddenError({ key: "calibration:errors.managerDrafts" });
  const draft = JSON.stringify(values);
  if (draft.length > MAX_DRAFT) throw new InvalidError({ key: "calibration:errors.draftTooLong" });
  await db.calibrationEntry.update({ where: { id: entry.id }, data: { proposalDraft: draft } });
  return { savedAt: clock.now().toISOString() };
}

/**
 * The facilitator records the final rating and level outcome while the session is live; a
 * reason is required whenever it differs from the proposal. `revision` is the entry's revision
 * the facilitator saw: if it moved on, someone else changed the entry and nothing is written.
 */
export async function recordOutcome(
  viewer: Viewer,
  entryId: string,
  input: OutcomeInput & { revision: number },
  inSession?: string,
): Promise<Saved> {
  return writeOutcome(viewer, await requireEntry(viewer, entryId, inSession), input, "final");
}

/** Only the facilitator (or an admin) records outcomes, and only while the session is live (policy's canRecordOutcome). */
export function requireOutcomeRight(
  viewer: Viewer,
  session: { facilitatorId: string; access: SessionAccess },
): void {
  if (!canRecordOutcome(viewer, session.access)) {
    throw new ForbiddenError({
      key:
        viewer.id === session.facilitatorId
          ? "calibration:errors.outcomesWhileLive"
          : "calibration:errors.facilitatorRecords",
    });
  }
}

/**
 * Writes a final outcome and its event (`kind`: "final" from the person's page, "move" from the
 * grid), under the one rule for both: who may record it, its checks against the ladder and scale,
 * a reason whenever it differs from the proposal, nothing written when nothing changes, and a
 * conflict when the entry moved past the revision the facilitator saw.
 */
export async function writeOutcome(
  viewer: Viewer,
  { entry, session }: Awaited<ReturnType<typeof requireEntry>>,
  input: OutcomeInput & { revision: number },
  kind: "final" | typeof MOVE_EVENT,
): Promise<Saved> {
  requireOutcomeRight(viewer, session);
  const problems = (await outcomeProblems(session, entry.levelId, input)) ?? {};
  const second = session.secondDimension ? (input.second ?? null) : null;
  const differs = differsFromProposal(
    { rating: input.rating, outcome: input.outcome, levelId: levelOf(input), second },
    {
      rating: entry.proposedRating,
      outcome: entry.proposedOutcome,
      levelId: entry.proposedLevelId,
      second: entry.proposedSecond,
    },
    session.secondDimension !== null,
  );
  if (differs && !input.text) problems.text = [REASON_NEEDED];
  if (Object.keys(problems).length) return { ok: false, fieldErrors: problems };
  const next = {
    finalRating: input.rating,
    finalOutcome: input.outcome as LevelOutcome,
    finalLevelId: levelOf(input),
    finalReason: input.text || null,
    ...(session.secondDimension ? { finalSecond: second } : {}),
  };
  const changed = changes(entry, next);
  // The outcome already is this (whoever recorded it): an event would record no change.
  if (Object.keys(changed).length === 0) return { ok: true, unchanged: true };
  await db.$transaction(async (tx) => {
    const written = await tx.calibrationEntry.updateMany({
      where: { id: entry.id, revision: input.revision },
      data: { ...next, revision: { increment: 1 } },
    });
    if (written.count !== 1)
      throw new ConflictError({ key: "calibration:errors.entryChangedMeanwhile" });
    await tx.calibrationEvent.create({
      data: {
        sessionId: entry.sessionId,
        entryId: entry.id,
        actorId: viewer.id,
        kind,
        change: JSON.stringify(changed),
        reason: input.text || null,
      },
    });
  });
  await announceSessionChange(entry.sessionId);
  return { ok: true };
}

/** A bulk accept: every open proposal the viewer may decide, or the chosen entries. */
export type AcceptChoice = { all: true } | { entryIds: readonly string[] };

/** The most entries one bulk accept names (a session's agenda, several times over). */
const MAX_ACCEPT = 5000;

/**
 * The entries a bulk accept takes and leaves. Only who may record outcomes, while the session is
 * live; only entries the viewer may open (canOpenEntry): a chosen entry they may not, or that is
 * not in the session, is a 404. A chosen entry without a proposal, or whose recorded outcome
 * differs from its proposal, refuses the whole choice, naming them; "all" leaves those out.
 */
async function acceptanceOf(viewer: Viewer, sessionId: string, choice: AcceptChoice) {
  const session = await requireSessionAccess(viewer, sessionId);
  requireOutcomeRight(viewer, session);
  const ids = "entryIds" in choice ? [...new Set(choice.entryIds)] : null;
  if (ids && ids.length === 0) throw new InvalidError({ key: "calibration:errors.chooseToAccept" });
  if (ids && ids.length > MAX_ACCEPT)
    throw new InvalidError({ key: "calibration:errors.acceptAtMost", values: { max: MAX_ACCEPT } });
  const rows = await db.calibrationEntry.findMany({
    where: { sessionId, ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ person: { name: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      personId: true,
      managerId: true,
      released: true,
      proposedRating: true,
      proposedOutcome: true,
      proposedLevelId: true,
      proposedSecond: true,
      finalRating: true,
      finalOutcome: true,
      finalLevelId: true,
      finalSecond: true,
      person: { select: { name: true } },
    },
  });
  const openable = rows.filter((row) => canOpenEntry(viewer, session.access, row));
  if (ids && openable.length !== ids.length)
    throw new NotFoundError({ key: "calibration:errors.noSuchEntry" });
  const sorted = sortForAcceptance(
    openable.map(({ person, ...row }) => ({ ...row, name: person.name })),
    session.secondDimension !== null,
  );
  if (ids && (sorted.noProposal.length || sorted.decidedOtherwise.length)) {
    const noProposal = namesList(sorted.noProposal);
    const decidedOtherwise = namesList(sorted.decidedOtherwise);
    if (!noProposal.count)
      throw new InvalidError({
        key: "calibration:errors.nothingAccepted.decidedOtherwise",
        values: decidedOtherwise,
      });
    if (!decidedOtherwise.count)
      throw new InvalidError({
        key: "calibration:errors.nothingAccepted.noProposal",
        values: noProposal,
      });
    throw new InvalidError({
      key: "calibration:errors.nothingAccepted.both",
      values: {
        ...noProposal,
        otherNames: decidedOtherwise.names,
        otherMore: decidedOtherwise.more,
        otherCount: decidedOtherwise.count,
      },
    });
  }
  return { session, sorted };
}

/** What a bulk accept would do, for the facilitator to confirm: who is accepted, and how many are left as they are. */
export async function previewAcceptance(viewer: Viewer, sessionId: string, choice: AcceptChoice) {
  const { sorted } = await acceptanceOf(viewer, sessionId, choice);
  const undecided = sorted.noProposal.filter((entry) => entry.finalRating === null).length;
  return {
    accept: sorted.accept.map((entry) => ({ id: entry.id, name: entry.name })),
    already: sorted.already.length,
    /** With an outcome other than a proposal (none was made, or it was decided otherwise): it stays. */
    kept: sorted.noProposal.length - undecided + sorted.decidedOtherwise.length,
    /** Left for the facilitator to decide one by one: no proposal and no outcome yet. */
    left: undecided,
  };
}

/**
 * The facilitator accepts the chosen entries' proposals as their final outcomes, after confirming
 * them (previewAcceptance): each entry written and its own "final" event appended, all in one
 * transaction. An accepted outcome is the proposal, so it needs no reason. Entries whose outcome
 * already is the proposal are left as they are (no event). If anyone recorded an outcome for one of
 * them meanwhile, nothing is written.
 */
export async function acceptProposals(
  viewer: Viewer,
  sessionId: string,
  entryIds: readonly string[],
): Promise<{ accepted: number; already: number }> {
  const { session, sorted } = await acceptanceOf(viewer, sessionId, { entryIds });
  const collectsSecond = session.secondDimension !== null;
  if (sorted.accept.length) {
    // Entries accepted to the same outcome are written by one statement.
    const byOutcome = new Map<
      string,
      { outcome: ReturnType<typeof proposalAsOutcome>; ids: string[] }
    >();
    for (const entry of sorted.accept) {
      const outcome = proposalAsOutcome(entry, collectsSecond);
      const key = JSON.stringify(outcome);
      const group = byOutcome.get(key);
      if (group) group.ids.push(entry.id);
      else byOutcome.set(key, { outcome, ids: [entry.id] });
    }
    await db.$transaction(async (tx) => {
      for (const { outcome, ids } of byOutcome.values()) {
        const written = await tx.calibrationEntry.updateMany({
          where: { id: { in: ids }, sessionId, finalRating: null },
          data: { ...outcome, revision: { increment: 1 } },
        });
        if (written.count !== ids.length)
          throw new ConflictError({ key: "calibration:errors.outcomeRecordedMeanwhile" });
      }
      await tx.calibrationEvent.createMany({
        data: sorted.accept.map((entry) => ({
          sessionId,
          entryId: entry.id,
          actorId: viewer.id,
          kind: "final",
          change: JSON.stringify(changes(entry, proposalAsOutcome(entry, collectsSecond))),
        })),
      });
    }, LARGE_WRITE);
    await announceSessionChange(sessionId);
  }
  return { accepted: sorted.accept.length, already: sorted.already.length };
}

/**
 * A calibrator's own view of someone else's report, kept apart from the proposal: an
 * independent rating during the blind pre-read, or, once proposals are revealed, a mark on the
 * proposal. Never overwrites the proposal; each change is an event.
 */
export async function savePreRead(
  viewer: Viewer,
  entryId: string,
  input: { rating: number } | { mark: ProposalMark },
  inSession?: string,
): Promise<Saved> {
  const { entry, session } = await requireEntry(viewer, entryId, inSession);
  const access = { personId: entry.personId, managerId: entry.managerId, released: entry.released };
  if ("rating" in input) {
    if (!canRateIndependently(viewer, session.access, access))
      throw new ForbiddenError({ key: "calibration:errors.prereadByOthers" });
    const ladder = await requireLadderOfVersion(session.ladderVersionId);
    const scale = sessionScale(ladder, session.scaleId);
    if (!onSessionScale(scale, input.rating))
      return { ok: false, fieldErrors: { rating: ["calibration:errors.ratingOnScale"] } };
  } else if (!canMarkProposal(viewer, session.access, access)) {
    throw new ForbiddenError({ key: "calibration:errors.marksByOthers" });
  }
  const field = "rating" in input ? "rating" : "mark";
  const value = "rating" in input ? input.rating : input.mark;
  const unchanged = await db.$transaction(async (tx) => {
    const before = await tx.calibrationPreRead.findUnique({
      where: { entryId_calibratorId: { entryId: entry.id, calibratorId: viewer.id } },
      select: { rating: true, mark: true },
    });
    if (before?.[field] === value) return true;
    await tx.calibrationPreRead.upsert({
      where: { entryId_calibratorId: { entryId: entry.id, calibratorId: viewer.id } },
      create: { entryId: entry.id, calibratorId: viewer.id, [field]: value },
      update: { [field]: value },
    });
    await tx.calibrationEvent.create({
      data: {
        sessionId: entry.sessionId,
        entryId: entry.id,
        actorId: viewer.id,
        kind: "preread",
        change: JSON.stringify({ [field]: [before?.[field] ?? null, value] }),
      },
    });
    return false;
  });
  if (unchanged) return { ok: true, unchanged: true };
  await announceSessionChange(entry.sessionId);
  return { ok: true };
}

/**
 * Copies each person's submitted self-assessment and manager review figures in the cycle
 * (averages, competencies rated, evidence) onto their entry, so the session page reads one row
 * per person. Run when the session is set up and when it moves to proposals, pre-read or live;
 * the figures are as of then (decision 018, the bench figure behind it). In the same
 * transaction as the change of state, so a page never sees the new state with old figures.
 */
async function refreshReviewFigures(
  tx: Prisma.TransactionClient,
  sessionId: string,
  cycleId: string,
): Promise<void> {
  const rows = await sessionReviewFigures(sessionId, cycleId, tx);
  const figures = new Map<
    string,
    {
      selfAssessmentId: string | null;
      managerReviewId: string | null;
      selfAverage: number | null;
      managerAverage: number | null;
      ratedCount: number;
      evidenceCount: number;
    }
  >();
  for (const row of rows) {
    const figure = figures.get(row.subjectId) ?? {
      selfAssessmentId: null,
      managerReviewId: null,
      selfAverage: null,
      managerAverage: null,
      ratedCount: 0,
      evidenceCount: 0,
    };
    if (row.kind === "self")
      Object.assign(figure, { selfAssessmentId: row.id, selfAverage: row.average });
    else
      Object.assign(figure, {
        managerReviewId: row.id,
        managerAverage: row.average,
        ratedCount: row.rated,
        evidenceCount: row.evidence,
      });
    figures.set(row.subjectId, figure);
  }
  const entries = await tx.calibrationEntry.findMany({
    where: { sessionId },
    select: { id: true, personId: true },
  });
  const none = {
    selfAssessmentId: null,
    managerReviewId: null,
    selfAverage: null,
    managerAverage: null,
    ratedCount: 0,
    evidenceCount: 0,
  };
  for (const entry of entries)
    await tx.calibrationEntry.update({
      where: { id: entry.id },
      data: figures.get(entry.personId) ?? none,
    });
}

/** Field → [from, to] for the fields that change. */
function changes(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, [unknown, unknown]> {
  const changed: Record<string, [unknown, unknown]> = {};
  for (const [field, value] of Object.entries(after))
    if (before[field] !== value) changed[field] = [before[field] ?? null, value];
  return changed;
}
