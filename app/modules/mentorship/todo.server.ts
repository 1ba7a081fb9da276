import { db } from "~/db/client.server";
import { servedLadders } from "~/modules/ladders/registry.server";
import type { ChangeWindow, TodoChanges, TodoFacts } from "~/modules/todo/todo";
import {
  addDays,
  answerDue,
  CHECK_IN_EVERY_DAYS,
  checkInOwed,
  isPairStatus,
  nextCheckInDue,
  OUTCOME_ASKED_DAYS,
  outcomeDue,
  programmePhase,
  PULSE_CHECKPOINTS,
  pulsesOpen,
} from "./lifecycle";
import { eligibleFor, storedIds } from "./programmes.server";
import { mentorshipTodo } from "./queries.server";
import { answersOpen, requestAnswerDue, requestsOpen } from "./requests";

type MentorshipFacts = Pick<
  TodoFacts,
  | "programmesToJoin"
  | "pairsToAnswer"
  | "requestsToAnswer"
  | "requestsDeclined"
  | "checkInsDue"
  | "pulsesDue"
  | "programmesToMatch"
  | "pairOutcomesDue"
  | "programmesToRerun"
  | "programmesToClose"
>;

/**
 * The home page's mentorship to-dos (app/modules/todo), from one read: programmes the person may
 * still join, pairs and mentees' requests waiting for their answer, their requests a mentor
 * declined (until they ask someone else), active pairs owing a check-in, pulses open to
 * answer or their outcome, and for admins programmes whose matching day has come, that owe a
 * rerun after a decline, or that are past their last day and not closed.
 */
export async function mentorshipTodoFacts(
  viewer: { id: string; isAdmin: boolean },
  now: Date,
): Promise<MentorshipFacts> {
  const rows = await mentorshipTodo(viewer.id, viewer.isAdmin);
  const ladders = rows.some((row) => row.kind === "join")
    ? new Map((await servedLadders()).map((served) => [served.ladder.meta.id, served.ladder]))
    : new Map();
  const facts: Required<MentorshipFacts> = {
    programmesToJoin: [],
    pairsToAnswer: [],
    requestsToAnswer: [],
    requestsDeclined: [],
    checkInsDue: [],
    pulsesDue: [],
    programmesToMatch: [],
    pairOutcomesDue: [],
    programmesToRerun: [],
    programmesToClose: [],
  };
  const startOfToday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()),
  );
  for (const row of rows) {
    const programme = { id: row.programmeId, name: row.programmeName };
    const phase = programmePhase(
      { matchingOn: row.matchingOn, publishedAt: row.publishedAt, closedAt: null },
      now,
    );
    if (row.kind === "join") {
      const eligible = eligibleFor(
        {
          openTo: row.openTo === "teams" ? "teams" : "everyone",
          teamIds: storedIds(row.teamIds ?? "[]"),
        },
        ladders.get(row.ladderId ?? ""),
        {
          id: viewer.id,
          teamId: row.personTeamId,
          ladderId: row.personLadderId,
          level: row.personLevel,
          deactivatedAt: row.personDeactivatedAt,
        },
      );
      if (eligible && phase === "open")
        facts.programmesToJoin.push({ programme, matchingOn: row.matchingOn });
    } else if (row.kind === "request") {
      if (row.pairId && row.otherName && row.offeredAt && answersOpen(phase)) {
        facts.requestsToAnswer.push({
          programmeId: row.programmeId,
          requestId: row.pairId,
          menteeName: row.otherName,
          dueOn: requestAnswerDue(row.offeredAt, row.matchingOn),
        });
      }
    } else if (row.kind === "declined") {
      // Requests close as the matching day begins: the day before is the last to ask again.
      if (row.pairId && row.otherName && requestsOpen(phase)) {
        facts.requestsDeclined.push({
          programmeId: row.programmeId,
          requestId: row.pairId,
          mentorName: row.otherName,
          dueOn: addDays(row.matchingOn, -1),
        });
      }
    } else if (row.kind === "admin") {
      if (phase === "matching")
        facts.programmesToMatch.push({ programme, matchingOn: row.matchingOn });
      if (phase === "published" && row.rerunOwed === 1) facts.programmesToRerun.push({ programme });
      if (row.endsOn.getTime() < startOfToday.getTime())
        facts.programmesToClose.push({ programme, endsOn: row.endsOn });
    } else if (row.pairId && row.otherName && row.status && isPairStatus(row.status)) {
      const pair = {
        programmeId: row.programmeId,
        pairId: row.pairId,
        otherName: row.otherName,
        role: row.role === "mentor" ? ("mentor" as const) : ("mentee" as const),
      };
      if (row.kind === "answer")
        facts.pairsToAnswer.push({ ...pair, dueOn: answerDue(row.offeredAt) });
      const active = { status: row.status, activeSince: row.activeSince };
      if (checkInOwed(active, row.lastCheckIn, now))
        facts.checkInsDue.push({ ...pair, dueOn: nextCheckInDue(active, row.lastCheckIn)! });
      const answered = (row.pulses ?? "").split(",").filter(Boolean).map(Number);
      for (const pulse of pulsesOpen(active, answered, now))
        facts.pulsesDue.push({ ...pair, checkpoint: pulse.checkpoint, dueOn: pulse.dueOn });
      const outcomeOn = outcomeDue(active, row.endsOn, now);
      if (outcomeOn) facts.pairOutcomesDue.push({ ...pair, dueOn: outcomeOn });
    }
  }
  return facts;
}

/**
 * Whose mentorship to-dos may have changed (the reminders' pass). Written: a programme still open to
 * join names everyone (who may join is the ladder's and the team's to say); any other programme its
 * participants and the admins; a participant, a pair (with the admins, who rerun after a decline) or
 * a request, the people on it. With time: a programme's matching day (its participants and the
 * admins), its last day (the admins close it) and the day its outcomes are asked for (its active
 * pairs); a pair's pulse checkpoints; a check-in recorded (it moves the next one's day) and the next
 * one falling due (the pair).
 */
export async function mentorshipTodoChanges({
  writtenSince,
  from,
  to,
}: ChangeWindow): Promise<TodoChanges> {
  const since = { gte: writtenSince };
  const between = (days: number) => ({ gt: addDays(from, -days), lte: addDays(to, -days) });
  const [programmes, participants, pairs, requests, checkIns] = await Promise.all([
    db.mentorshipProgramme.findMany({
      where: {
        closedAt: null,
        OR: [
          { updatedAt: since },
          { matchingOn: { gt: from, lte: to } },
          { endsOn: { gt: addDays(from, -2), lte: to } },
          { endsOn: between(-OUTCOME_ASKED_DAYS) },
        ],
      },
      select: { id: true, publishedAt: true, matchingOn: true, updatedAt: true },
    }),
    db.mentorshipParticipant.findMany({ where: { updatedAt: since }, select: { userId: true } }),
    db.mentorshipPair.findMany({
      where: {
        OR: [
          { updatedAt: since },
          {
            status: "active",
            OR: PULSE_CHECKPOINTS.map((days) => ({ activeSince: between(days) })),
          },
        ],
      },
      select: { menteeId: true, mentorId: true },
    }),
    db.mentorshipRequest.findMany({
      where: { updatedAt: since },
      select: { menteeId: true, mentorId: true },
    }),
    db.mentorshipCheckIn.findMany({
      where: {
        OR: [{ occurredOn: between(CHECK_IN_EVERY_DAYS) }, { createdAt: since }],
        pair: { status: "active" },
      },
      select: { pair: { select: { menteeId: true, mentorId: true } } },
    }),
  ]);
  // Open to join until its matching day (programmePhase): running the matching later writes the programme too, and names only its own people.
  const openToJoin = (programme: (typeof programmes)[number]) =>
    !programme.publishedAt && programme.matchingOn.getTime() > to.getTime();
  if (programmes.some((programme) => openToJoin(programme) && programme.updatedAt >= writtenSince))
    return { people: [], everyone: true };
  const [inProgrammes, activePairs] = programmes.length
    ? await Promise.all([
        db.mentorshipParticipant.findMany({
          where: { programmeId: { in: programmes.map((programme) => programme.id) } },
          select: { userId: true },
        }),
        db.mentorshipPair.findMany({
          where: {
            programmeId: { in: programmes.map((programme) => programme.id) },
            status: "active",
          },
          select: { menteeId: true, mentorId: true },
        }),
      ])
    : [[], []];
  const people = [...participants, ...inProgrammes]
    .map((row) => row.userId)
    .concat(
      [...pairs, ...requests, ...activePairs, ...checkIns.map((row) => row.pair)].flatMap((row) => [
        row.menteeId,
        row.mentorId,
      ]),
    );
  return { people, admins: programmes.length > 0 || pairs.length > 0 };
}
