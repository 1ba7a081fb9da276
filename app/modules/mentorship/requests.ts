/**
 * Mentees who choose: a mentee asks up to three of the programme's mentors, in order of
 * preference, and each mentor accepts or declines. A request honours every hard rule the matching
 * does (the same tables, `prepareProgramme`), and a mentor's free places. Pure: the server module
 * gathers the facts and writes.
 */
import { addDays, answerDue, type ProgrammePhase } from "./lifecycle";
import { prepareProgramme } from "./programme";
import { rulesIn } from "./rules";
import type { HardRule, MatchingInput, MenteeInput } from "./types";
import type { Message } from "~/i18n/messages";

export const REQUEST_STATES = ["requested", "accepted", "declined", "withdrawn"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export function isRequestState(value: string): value is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(value);
}

/** How many mentors a mentee may ask at once, each with a rank from 1 to this. */
export const MAX_REQUESTS = 3;
export const REQUEST_RANKS = [1, 2, 3] as const;

/** Requests that count towards the three: waiting for an answer, or accepted. */
export function isLive(state: string): boolean {
  return state === "requested" || state === "accepted";
}

/** Mentees ask while opt-ins are open; mentors answer until pairs are published. */
export function requestsOpen(phase: ProgrammePhase): boolean {
  return phase === "open";
}

export function answersOpen(phase: ProgrammePhase): boolean {
  return phase === "open" || phase === "matching";
}

/**
 * When a mentor's answer to a request is due: within the week an offered pair has, but by the day
 * before the matching day at the latest, as the matching pairs everyone the requests did not.
 */
export function requestAnswerDue(requestedAt: Date, matchingOn: Date): Date {
  const lastDay = addDays(matchingOn, -1);
  const week = answerDue(requestedAt)!;
  return week.getTime() < lastDay.getTime() ? week : lastDay;
}

/** One of the mentee's own requests in the programme. */
export type OwnRequest = { mentorId: string; mentorName: string; rank: number; state: string };

/** The lowest rank none of the mentee's live requests holds, or null when all three are taken. */
export function nextFreeRank(own: readonly OwnRequest[]): number | null {
  const taken = new Set(
    own.filter((request) => isLive(request.state)).map((request) => request.rank),
  );
  return REQUEST_RANKS.find((rank) => !taken.has(rank)) ?? null;
}

/**
 * For one mentee of the input, the hard rules a pair with each of the input's mentors breaks: the
 * same rule masks the matching builds, so a request is refused exactly when matching would never
 * make the pair.
 */
export function rulesBrokenFor(input: MatchingInput, menteeId: string): Map<string, HardRule[]> {
  const programme = prepareProgramme(input);
  const row = programme.menteeIndex.get(menteeId);
  const broken = new Map<string, HardRule[]>();
  if (row === undefined) return broken;
  programme.mentors.forEach((mentor, col) =>
    broken.set(mentor.id, rulesIn(programme.broken[row * programme.mentors.length + col]!)),
  );
  return broken;
}

/** What the mentee is told about a rule their request breaks. */
export type RuleContext = {
  /** A message where the mentor's name is not known. */
  mentorName: string | Message;
  /** Whether the mentor is above the mentee in the reporting line (else the mentee is above the mentor). */
  mentorAboveMentee: boolean;
  maxTimeZoneHours: number | null;
};

export function ruleReason(rule: HardRule, context: RuleContext): Message {
  const name = context.mentorName;
  switch (rule) {
    case "self":
      return { key: "mentorship:requests.rule.self" };
    case "management-chain":
      return {
        key: context.mentorAboveMentee
          ? "mentorship:requests.rule.mentorInChain"
          : "mentorship:requests.rule.menteeInChain",
        values: { name },
      };
    case "level":
      return { key: "mentorship:requests.rule.level", values: { name } };
    case "repeat":
      return { key: "mentorship:requests.rule.repeat", values: { name } };
    case "same-team":
      return { key: "mentorship:requests.rule.sameTeam", values: { name } };
    case "time-zone":
      return {
        key: "mentorship:requests.rule.timeZone",
        values: { name, hours: context.maxTimeZoneHours ?? 0 },
      };
    case "forbidden":
      return { key: "mentorship:requests.rule.forbidden", values: { name } };
  }
}

/** What the mentee is told for each of the rules a pair with this mentor breaks. */
export function ruleReasonsFor(
  broken: readonly HardRule[],
  mentee: Pick<MenteeInput, "managementChainIds">,
  mentor: { id: string; name: string | Message },
  maxTimeZoneHours: number | null,
): Message[] {
  const context = {
    mentorName: mentor.name,
    mentorAboveMentee: mentee.managementChainIds.includes(mentor.id),
    maxTimeZoneHours,
  };
  return broken.map((rule) => ruleReason(rule, context));
}

/** A mentor's places left: their capacity (at most the programme's maximum) less the pairs that hold a place. */
export function placesLeft(
  capacity: number | null,
  programmeMaximum: number,
  held: number,
): number {
  return Math.max(0, Math.min(capacity ?? programmeMaximum, programmeMaximum) - held);
}

export type RequestFacts = {
  phase: ProgrammePhase;
  /** The mentee's requests in this programme, in any state. */
  own: readonly OwnRequest[];
  mentorId: string;
  mentorName: string;
  rank: number;
  /** What the mentee is told for each hard rule the pair breaks, in the order of `HARD_RULES`. */
  ruleReasons: readonly Message[];
  placesLeft: number;
};

/**
 * Why a mentee may not ask this mentor now, or null when they may, as a message the page words.
 * Of the hard rules the pair breaks, the first in `HARD_RULES`'s order is said: one sentence is
 * one message, and any one of them is reason enough.
 */
export function requestRefusal(facts: RequestFacts): Message | null {
  if (!requestsOpen(facts.phase)) return { key: "mentorship:requests.refusal.closed" };
  const accepted = facts.own.find((request) => request.state === "accepted");
  if (accepted)
    return { key: "mentorship:requests.refusal.haveMentor", values: { name: accepted.mentorName } };
  const earlier = facts.own.find((request) => request.mentorId === facts.mentorId);
  if (earlier?.state === "requested")
    return { key: "mentorship:requests.refusal.alreadyAsked", values: { name: facts.mentorName } };
  if (earlier?.state === "declined")
    return { key: "mentorship:requests.refusal.declined", values: { name: facts.mentorName } };
  if (facts.own.filter((request) => isLive(request.state)).length >= MAX_REQUESTS) {
    return { key: "mentorship:requests.refusal.tooMany", values: { count: MAX_REQUESTS } };
  }
  if (!(REQUEST_RANKS as readonly number[]).includes(facts.rank))
    return { key: "mentorship:mentors.errors.rankMissing" };
  const holder = facts.own.find((request) => isLive(request.state) && request.rank === facts.rank);
  if (holder)
    return {
      key: "mentorship:requests.refusal.rankTaken",
      values: { name: holder.mentorName, rank: facts.rank },
    };
  const [firstRule] = facts.ruleReasons;
  if (firstRule) return firstRule;
  if (facts.placesLeft === 0)
    return { key: "mentorship:requests.refusal.noPlace", values: { name: facts.mentorName } };
  return null;
}

export type AnswerFacts = {
  phase: ProgrammePhase;
  state: string;
  answer: "accepted" | "declined";
  menteeName: string;
  /** Whether another mentor already accepted this mentee's request. */
  menteeHasMentor: boolean;
  /** Hard rules the pair breaks now (a team or level may have changed since the request). */
  ruleReasons: readonly Message[];
  placesLeft: number;
};

/**
 * Why the mentor may not give this answer now, or null when they may. Accepting checks the hard
 * rules and the mentor's places again, as they stand now; declining needs only a waiting request.
 */
export function answerRefusal(facts: AnswerFacts): Message | null {
  if (!answersOpen(facts.phase)) return { key: "mentorship:requests.refusal.answersClosed" };
  if (facts.state !== "requested") {
    return facts.state === "withdrawn"
      ? { key: "mentorship:requests.refusal.withdrawn", values: { name: facts.menteeName } }
      : { key: "mentorship:requests.refusal.alreadyAnswered" };
  }
  if (facts.answer === "declined") return null;
  if (facts.menteeHasMentor)
    return {
      key: "mentorship:requests.refusal.menteeHasMentor",
      values: { name: facts.menteeName },
    };
  // The reasons are said to the mentee; the mentor is told only that the pair no longer keeps the rules.
  if (facts.ruleReasons.length > 0) return { key: "mentorship:requests.refusal.breaksRules" };
  if (facts.placesLeft === 0) return { key: "mentorship:requests.refusal.mentorFull" };
  return null;
}

/** Where a request stands, said to the mentee, as a message the page words. */
export function requestStandingForMentee(request: {
  state: string;
  mentorName: string;
  declineNote: string | null;
  /** The mentor is no longer a mentor in the programme (their waiting requests were declined as they left). */
  mentorLeft: boolean;
}): Message {
  const name = request.mentorName;
  switch (request.state) {
    case "requested":
      return { key: "mentorship:requests.standing.requested", values: { name } };
    case "accepted":
      return { key: "mentorship:requests.standing.accepted", values: { name } };
    case "declined":
      return request.declineNote
        ? {
            key: "mentorship:requests.standing.declinedWithNote",
            values: { name, note: request.declineNote },
          }
        : request.mentorLeft
          ? { key: "mentorship:requests.standing.mentorLeft", values: { name } }
          : { key: "mentorship:requests.standing.declined", values: { name } };
    default:
      return { key: "mentorship:requests.standing.withdrawn" };
  }
}
