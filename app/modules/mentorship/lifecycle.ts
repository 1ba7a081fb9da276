import type { Message } from "~/i18n/messages";
/**
 * The life of a programme and of its pairs, as pure rules: where a programme stands, what an
 * answer does to a pair, and when a check-in or a relationship pulse is due.
 */

export const ROLES = ["mentee", "mentor"] as const;
export type Role = (typeof ROLES)[number];

/**
 * proposed: by a matching run, seen by admins only; offered: published, waiting for both answers;
 * active: both accepted; declined: either side declined (the slot is free again); ended: an outcome was recorded.
 */
export const PAIR_STATUSES = ["proposed", "offered", "active", "declined", "ended"] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];

export function isPairStatus(value: string): value is PairStatus {
  return (PAIR_STATUSES as readonly string[]).includes(value);
}

/** Pairs a rerun keeps as they are: published and not declined. */
export const KEPT_STATUSES: readonly PairStatus[] = ["offered", "active", "ended"];

export const OUTCOMES = ["goals-met", "partly-met", "not-met", "ended-early"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}

/**
 * open: people opt in and change their opt-in; matching: the matching day has come, opt-ins are
 * closed and admins match and publish; published: pairs answer, meet and record check-ins;
 * closed: nothing changes any more.
 */
export type ProgrammePhase = "open" | "matching" | "published" | "closed";

export type PhaseFacts = { matchingOn: Date; publishedAt: Date | null; closedAt: Date | null };

/** Opt-ins stay open until the matching day begins (UTC) or pairs are published, whichever comes first. */
export function programmePhase(programme: PhaseFacts, now: Date): ProgrammePhase {
  if (programme.closedAt) return "closed";
  if (programme.publishedAt) return "published";
  return now.getTime() < programme.matchingOn.getTime() ? "open" : "matching";
}

export type Answer = "accepted" | "declined";

export type PairAnswers = {
  status: PairStatus;
  menteeAnswer: Answer | null;
  mentorAnswer: Answer | null;
};

/**
 * One side answers an offered pair: a decline ends the offer at once (freeing the slot), and the
 * pair becomes active when both sides have accepted. Null when the pair is not waiting for this
 * side's answer.
 */
export function answerPair(pair: PairAnswers, side: Role, answer: Answer): PairAnswers | null {
  if (pair.status !== "offered") return null;
  if ((side === "mentee" ? pair.menteeAnswer : pair.mentorAnswer) !== null) return null;
  const next = { ...pair, [side === "mentee" ? "menteeAnswer" : "mentorAnswer"]: answer };
  if (answer === "declined") return { ...next, status: "declined" };
  return {
    ...next,
    status:
      next.menteeAnswer === "accepted" && next.mentorAnswer === "accepted" ? "active" : "offered",
  };
}

/**
 * Where the pair stands, said to one side of it: whose answer is awaited, or that it is active,
 * declined or over. Read from the pair as it is now, so it stays true after the other side answers.
 */
export function pairStandingFor(pair: PairAnswers, side: Role, otherName: string): Message {
  const mine = side === "mentee" ? pair.menteeAnswer : pair.mentorAnswer;
  const theirs = side === "mentee" ? pair.mentorAnswer : pair.menteeAnswer;
  const said = (standing: string): Message => ({
    key: `mentorship:pair.standing.${standing}`,
    values: { name: otherName },
  });
  switch (pair.status) {
    case "proposed":
      return said("proposed");
    case "offered":
      if (mine === "accepted") return said("youAccepted");
      if (theirs === "accepted") return said("theyAccepted");
      return said("waiting");
    case "active":
      return said("active");
    case "declined":
      return said(mine === "declined" ? "youDeclined" : "theyDeclined");
    case "ended":
      return said("ended");
  }
}

const DAY = 24 * 60 * 60 * 1000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}

/** Relationship pulses: days after the pair became active. */
export const PULSE_CHECKPOINTS = [30, 90] as const;
export type PulseCheckpoint = (typeof PULSE_CHECKPOINTS)[number];

export function isPulseCheckpoint(value: number): value is PulseCheckpoint {
  return (PULSE_CHECKPOINTS as readonly number[]).includes(value);
}

/** Each pulse is due from its checkpoint and for two weeks after it. */
export const PULSE_WINDOW_DAYS = 14;

/** The pulses a pair member may answer now: the checkpoints reached while the pair is active that they have not answered. */
export function pulsesOpen(
  pair: { status: PairStatus; activeSince: Date | null },
  answered: readonly number[],
  now: Date,
): { checkpoint: PulseCheckpoint; dueOn: Date }[] {
  if (pair.status !== "active" || !pair.activeSince) return [];
  const activeSince = pair.activeSince;
  return PULSE_CHECKPOINTS.filter(
    (checkpoint) =>
      !answered.includes(checkpoint) && now.getTime() >= addDays(activeSince, checkpoint).getTime(),
  ).map((checkpoint) => ({
    checkpoint,
    dueOn: addDays(activeSince, checkpoint + PULSE_WINDOW_DAYS),
  }));
}

/** Each side answers an offered pair within a week, so a decline frees the slot for a rerun in time. */
export const ANSWER_WITHIN_DAYS = 7;

/** When an offered pair's answer is due; null for a pair not offered yet. */
export function answerDue(offeredAt: Date | null): Date | null {
  return offeredAt ? addDays(offeredAt, ANSWER_WITHIN_DAYS) : null;
}

/** A pair should check in at least this often. */
export const CHECK_IN_EVERY_DAYS = 30;

/**
 * When an active pair's next check-in is due: 30 days after the last one (by the day it took
 * place), or after the pair became active when there is none. Null for pairs that are not active.
 */
export function nextCheckInDue(
  pair: { status: PairStatus; activeSince: Date | null },
  lastCheckIn: Date | null,
): Date | null {
  if (pair.status !== "active" || !pair.activeSince) return null;
  return addDays(
    lastCheckIn && lastCheckIn > pair.activeSince ? lastCheckIn : pair.activeSince,
    CHECK_IN_EVERY_DAYS,
  );
}

/** Whether an active pair owes a check-in now: none recorded yet, or the next one is due. */
export function checkInOwed(
  pair: { status: PairStatus; activeSince: Date | null },
  lastCheckIn: Date | null,
  now: Date,
): boolean {
  const due = nextCheckInDue(pair, lastCheckIn);
  if (!due) return false;
  return lastCheckIn === null || now.getTime() >= due.getTime();
}

/** An active pair is asked how it went from two weeks before its programme's last day. */
export const OUTCOME_ASKED_DAYS = 14;

/** When an active pair's outcome is due (its programme's last day), once it is asked for; null otherwise. */
export function outcomeDue(
  pair: { status: PairStatus },
  programmeEndsOn: Date,
  now: Date,
): Date | null {
  if (pair.status !== "active") return null;
  return now.getTime() >= addDays(programmeEndsOn, -OUTCOME_ASKED_DAYS).getTime()
    ? programmeEndsOn
    : null;
}
