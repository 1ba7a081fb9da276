import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, InvalidError, NotFoundError } from "~/modules/errors";
import { timeZoneLabel } from "~/modules/time-zones";
import { personTimeZone } from "~/modules/time-zones.server";
import type { CheckInInput } from "./forms";
import {
  answerPair,
  isOutcome,
  isPairStatus,
  pairStandingFor,
  programmePhase,
  pulsesOpen,
  type Answer,
  type Outcome,
  type PairStatus,
  type PulseCheckpoint,
  type Role,
} from "./lifecycle";
import { storedFactors } from "./matching.server";
import {
  canAnswerPair,
  canAnswerPulse,
  canReadCheckIn,
  canReadPulse,
  canRecordCheckIn,
  canRecordOutcome,
  canSeeDeclineReason,
  canSeeMenteeReviewFigures,
  canSeePair,
  roleInPair,
} from "./policy";
import { dateToDay, dayToDate } from "~/modules/days";
import { ladderById, storedIds } from "./programmes.server";
import { goalRatings } from "./queries.server";
import { clockDifferenceMessage, clockDifferenceRange } from "./time-zones";
import { goalText } from "./fit";
import type { Message } from "~/i18n/messages";
import * as clock from "~/platform/clock.server";

/**
 * A pair's life once published: each side's answer, check-ins, relationship pulses and the
 * outcome. Everything is checked against policy.ts; a pair reached through another programme's
 * address, or by someone who may not see it, is a 404.
 */

const pairSelect = {
  id: true,
  programmeId: true,
  menteeId: true,
  mentorId: true,
  status: true,
  source: true,
  fit: true,
  factors: true,
  menteeAnswer: true,
  mentorAnswer: true,
  declinedById: true,
  declineReason: true,
  offeredAt: true,
  activeSince: true,
  endedAt: true,
  outcome: true,
  outcomeNote: true,
  outcomeById: true,
  mentee: { select: { name: true, timeZone: true } },
  mentor: { select: { name: true, timeZone: true } },
  programme: {
    select: {
      name: true,
      ladderId: true,
      startsOn: true,
      endsOn: true,
      matchingOn: true,
      publishedAt: true,
      closedAt: true,
    },
  },
} as const;

const answerOf = (value: string | null): Answer | null =>
  value === "accepted" || value === "declined" ? value : null;

async function requirePair(viewer: Viewer, programmeId: string, pairId: string, now: Date) {
  const row = await db.mentorshipPair.findFirst({
    where: { id: pairId, programmeId },
    select: pairSelect,
  });
  if (!row || !isPairStatus(row.status))
    throw new NotFoundError({ key: "mentorship:pair.errors.noPair" });
  const pair = {
    ...row,
    status: row.status as PairStatus,
    menteeAnswer: answerOf(row.menteeAnswer),
    mentorAnswer: answerOf(row.mentorAnswer),
  };
  if (!canSeePair(viewer, pair)) throw new NotFoundError({ key: "mentorship:pair.errors.noPair" });
  return { pair, phase: programmePhase(row.programme, now), role: roleInPair(viewer, pair) };
}

function requireOpen(phase: string) {
  if (phase === "closed") throw new InvalidError({ key: "mentorship:pair.errors.closed" });
}

/** "Covers 2 of 3 goals: Testing, System design", without the gaps a mentor must not learn from the mentee's reviews. */
function coverageText(
  goals: readonly string[],
  strengths: readonly string[],
  name: (id: string) => string,
) {
  return goalText(goals.filter((goal) => strengths.includes(goal)).map(name), goals.length);
}

/** Both people's time zones, and how far apart their clocks are over the programme ("4 to 5 hours apart"). */
function pairTimeZones(
  mentee: string,
  mentor: string,
  programme: { startsOn: Date; endsOn: Date },
) {
  return {
    mentee: timeZoneLabel(mentee),
    mentor: timeZoneLabel(mentor),
    apart: clockDifferenceMessage(
      clockDifferenceRange(mentee, mentor, programme.startsOn, programme.endsOn),
    ),
  };
}

/** The pair's page, with what the viewer may see of it and do to it. */
export async function pairPage(
  viewer: Viewer,
  programmeId: string,
  pairId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const { pair, phase, role } = await requirePair(viewer, programmeId, pairId, now);
  const reviewFigures = canSeeMenteeReviewFigures(viewer, pair);
  const [optIns, checkIns, pulses, ratings, ladder, request] = await Promise.all([
    db.mentorshipParticipant.findMany({
      where: {
        programmeId,
        OR: [
          { userId: pair.menteeId, role: "mentee" },
          { userId: pair.mentorId, role: "mentor" },
        ],
      },
      select: { userId: true, role: true, competencies: true, preferences: true },
    }),
    db.mentorshipCheckIn.findMany({
      where: { pairId },
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      select: {
        id: true,
        authorId: true,
        occurredOn: true,
        note: true,
        competencies: true,
        shared: true,
        author: { select: { name: true } },
      },
    }),
    db.mentorshipPulse.findMany({
      where: { pairId },
      orderBy: [{ checkpoint: "asc" }, { createdAt: "asc" }],
      select: { respondentId: true, checkpoint: true, usefulness: true, comfort: true },
    }),
    reviewFigures && (pair.status === "active" || pair.status === "ended")
      ? goalRatings({ pairId })
      : Promise.resolve(null),
    ladderById(pair.programme.ladderId, language),
    pair.source === "requested"
      ? db.mentorshipRequest.findUnique({
          where: {
            programmeId_menteeId_mentorId: {
              programmeId,
              menteeId: pair.menteeId,
              mentorId: pair.mentorId,
            },
          },
          select: { rank: true },
        })
      : Promise.resolve(null),
  ]);
  const name = (id: string) =>
    ladder?.competencies.find((competency) => competency.id === id)?.name ?? id;
  const scaleLabel = (value: number | undefined) =>
    value === undefined
      ? null
      : `${value} ${ladder?.scale.find((point) => point.value === value)?.label ?? ""}`.trim();
  const menteeOptIn = optIns.find((optIn) => optIn.role === "mentee");
  const mentorOptIn = optIns.find((optIn) => optIn.role === "mentor");
  const goals = storedIds(menteeOptIn?.competencies ?? "[]");
  const strengths = storedIds(mentorOptIn?.competencies ?? "[]");
  // A mentor reads which goals they cover, never the figures: they are drawn from the mentee's reviews (the size of each gap).
  const factors = storedFactors(pair.factors).map((explained) =>
    reviewFigures
      ? explained
      : {
          factor: explained.factor,
          text:
            explained.factor === "goals" ? coverageText(goals, strengths, name) : explained.text,
        },
  );
  const readable = checkIns.filter((checkIn) => canReadCheckIn(viewer, pair, checkIn));
  const ownPulses = pulses
    .filter((pulse) => pulse.respondentId === viewer.id)
    .map((pulse) => pulse.checkpoint);
  const movement = ratings?.get(pairId);
  return {
    programme: { id: programmeId, name: pair.programme.name, phase },
    pair: {
      id: pair.id,
      status: pair.status,
      source: pair.source,
      menteeName: pair.mentee.name,
      mentorName: pair.mentor.name,
      menteeAnswer: pair.menteeAnswer,
      mentorAnswer: pair.mentorAnswer,
      declinedBy:
        pair.declinedById === pair.menteeId
          ? ("mentee" as const)
          : pair.declinedById === pair.mentorId
            ? ("mentor" as const)
            : null,
      declineReason: canSeeDeclineReason(viewer, pair.declinedById) ? pair.declineReason : null,
      activeSince: pair.activeSince,
      endedAt: pair.endedAt,
      outcome: pair.outcome && isOutcome(pair.outcome) ? pair.outcome : null,
      outcomeNote: pair.outcomeNote,
    },
    role,
    /** Where the pair stands, said to the viewer when they are one side of it. */
    standing: role
      ? pairStandingFor(pair, role, role === "mentee" ? pair.mentor.name : pair.mentee.name)
      : null,
    fit: reviewFigures ? pair.fit : null,
    /** The mentee's choice, for a pair made by an accepted request. */
    requestRank: request?.rank ?? null,
    factors,
    figures: reviewFigures,
    goals: goals.map((id) => ({ id, name: name(id), mentorCanHelp: strengths.includes(id) })),
    preferences: menteeOptIn?.preferences ?? "",
    timeZones: pairTimeZones(
      personTimeZone(pair.mentee.timeZone),
      personTimeZone(pair.mentor.timeZone),
      pair.programme,
    ),
    movement:
      movement || ratings
        ? goals.map((id) => ({
            name: name(id),
            before: scaleLabel(movement?.before.get(id)),
            after: scaleLabel(movement?.after.get(id)),
          }))
        : null,
    checkIns: readable.map((checkIn) => ({
      id: checkIn.id,
      occurredOn: checkIn.occurredOn,
      authorName: checkIn.author.name,
      note: checkIn.note,
      competencies: storedIds(checkIn.competencies).map(name),
      shared: checkIn.shared,
    })),
    hiddenCheckIns: checkIns.length - readable.length,
    pulses: pulses
      .filter((pulse) => canReadPulse(viewer, pulse))
      .map((pulse) => ({
        checkpoint: pulse.checkpoint,
        usefulness: pulse.usefulness,
        comfort: pulse.comfort,
        by: pulse.respondentId === pair.menteeId ? "mentee" : "mentor",
      })),
    can: {
      answer: phase !== "closed" && canAnswerPair(viewer, pair),
      checkIn: phase !== "closed" && canRecordCheckIn(viewer, pair),
      outcome: phase !== "closed" && canRecordOutcome(viewer, pair),
    },
    pulsesDue: role && phase !== "closed" ? pulsesOpen(pair, ownPulses, now) : [],
    today: dateToDay(now),
  };
}

/** One side accepts or declines an offered pair. A decline frees the mentor's slot for a rerun; both accepting makes the pair active. */
export async function answerPairAs(
  viewer: Viewer,
  programmeId: string,
  pairId: string,
  answer: Answer,
  reason: string,
  now = clock.now(),
): Promise<PairStatus> {
  const { pair, phase, role } = await requirePair(viewer, programmeId, pairId, now);
  requireOpen(phase);
  if (!role || !canAnswerPair(viewer, pair))
    throw new InvalidError({
      key:
        pair.status === "offered"
          ? "mentorship:pair.errors.alreadyAnswered"
          : "mentorship:pair.errors.notWaiting",
    });
  const next = answerPair(pair, role, answer);
  if (!next) throw new InvalidError({ key: "mentorship:pair.errors.notWaitingForYou" });
  const side = role === "mentee" ? "menteeAnswer" : "mentorAnswer";
  const updated = await db.mentorshipPair.updateMany({
    where: {
      id: pair.id,
      status: "offered",
      [side]: null,
      ...(role === "mentee"
        ? { mentorAnswer: pair.mentorAnswer }
        : { menteeAnswer: pair.menteeAnswer }),
    },
    data: {
      status: next.status,
      [side]: answer,
      ...(next.status === "active" ? { activeSince: now } : {}),
      ...(answer === "declined" ? { declinedById: viewer.id, declineReason: reason || null } : {}),
    },
  });
  if (updated.count !== 1)
    throw new ConflictError({ key: "mentorship:pair.errors.changedWhileAnswering" });
  return next.status;
}

export type CheckInResult =
  { ok: true } | { ok: false; fieldErrors: Partial<Record<keyof CheckInInput, Message[]>> };

/** Either side records a check-in of an active pair: a day (not in the future, not before the pair began), a note and the goals worked on. */
export async function recordCheckIn(
  viewer: Viewer,
  programmeId: string,
  pairId: string,
  input: CheckInInput,
  now = clock.now(),
): Promise<CheckInResult> {
  const { pair, phase } = await requirePair(viewer, programmeId, pairId, now);
  requireOpen(phase);
  if (!canRecordCheckIn(viewer, pair) || !pair.activeSince)
    throw new InvalidError({ key: "mentorship:pair.errors.checkInNotActive" });
  if (input.occurredOn > dateToDay(now))
    return {
      ok: false,
      fieldErrors: { occurredOn: [{ key: "mentorship:pair.errors.checkInFuture" }] },
    };
  if (input.occurredOn < dateToDay(pair.activeSince))
    return {
      ok: false,
      fieldErrors: {
        occurredOn: [
          {
            key: "mentorship:pair.errors.checkInBeforeStart",
            values: { day: dateToDay(pair.activeSince) },
          },
        ],
      },
    };
  const mentee = await db.mentorshipParticipant.findUnique({
    where: { programmeId_userId_role: { programmeId, userId: pair.menteeId, role: "mentee" } },
    select: { competencies: true },
  });
  const goals = storedIds(mentee?.competencies ?? "[]");
  const competencies = [...new Set(input.competencies)];
  if (competencies.some((id) => !goals.includes(id)))
    return {
      ok: false,
      fieldErrors: { competencies: [{ key: "mentorship:pair.errors.checkInGoals" }] },
    };
  await db.mentorshipCheckIn.create({
    data: {
      pairId,
      authorId: viewer.id,
      occurredOn: dayToDate(input.occurredOn),
      note: input.note,
      competencies: JSON.stringify(competencies),
      shared: input.shared,
    },
  });
  return { ok: true };
}

/** A pair member answers a relationship pulse once it is open; each answers each pulse once. */
export async function answerPulse(
  viewer: Viewer,
  programmeId: string,
  pairId: string,
  input: { checkpoint: number; usefulness: number; comfort: number },
  now = clock.now(),
): Promise<void> {
  const { pair, phase } = await requirePair(viewer, programmeId, pairId, now);
  requireOpen(phase);
  const answered = (
    await db.mentorshipPulse.findMany({
      where: { pairId, respondentId: viewer.id },
      select: { checkpoint: true },
    })
  ).map((pulse) => pulse.checkpoint);
  if (!canAnswerPulse(viewer, pair, input.checkpoint, answered, now))
    throw new InvalidError({ key: "mentorship:pair.errors.pulseNotOpen" });
  try {
    await db.mentorshipPulse.create({
      data: {
        pairId,
        respondentId: viewer.id,
        checkpoint: input.checkpoint as PulseCheckpoint,
        usefulness: input.usefulness,
        comfort: input.comfort,
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new ConflictError({ key: "mentorship:pair.errors.pulseAnswered" });
    throw error;
  }
}

/** Either side records how the pair went, which ends it. */
export async function recordOutcome(
  viewer: Viewer,
  programmeId: string,
  pairId: string,
  input: { outcome: Outcome; note: string },
  now = clock.now(),
): Promise<void> {
  const { pair, phase } = await requirePair(viewer, programmeId, pairId, now);
  requireOpen(phase);
  if (!canRecordOutcome(viewer, pair))
    throw new InvalidError({ key: "mentorship:pair.errors.outcomeNotActive" });
  const updated = await db.mentorshipPair.updateMany({
    where: { id: pair.id, status: "active" },
    data: {
      status: "ended",
      outcome: input.outcome,
      outcomeNote: input.note,
      outcomeById: viewer.id,
      endedAt: now,
    },
  });
  if (updated.count !== 1) throw new ConflictError({ key: "mentorship:pair.errors.changed" });
}

export type MyPair = {
  id: string;
  programmeId: string;
  programmeName: string;
  role: Role;
  otherName: string;
  status: PairStatus;
};

/** The viewer's published pairs across programmes, newest programme first. */
export async function myPairs(viewer: Viewer): Promise<MyPair[]> {
  const rows = await db.mentorshipPair.findMany({
    where: { status: { not: "proposed" }, OR: [{ menteeId: viewer.id }, { mentorId: viewer.id }] },
    orderBy: [{ programme: { createdAt: "desc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      programmeId: true,
      menteeId: true,
      status: true,
      programme: { select: { name: true } },
      mentee: { select: { name: true } },
      mentor: { select: { name: true } },
    },
  });
  return rows.flatMap((row) =>
    isPairStatus(row.status)
      ? [
          {
            id: row.id,
            programmeId: row.programmeId,
            programmeName: row.programme.name,
            role: row.menteeId === viewer.id ? "mentee" : "mentor",
            otherName: row.menteeId === viewer.id ? row.mentor.name : row.mentee.name,
            status: row.status,
          },
        ]
      : [],
  );
}
