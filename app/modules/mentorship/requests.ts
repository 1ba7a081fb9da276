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
import { plural } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

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
  const taken = new Set(own.filter((request) => isLive(request.state)).map((request) => request.rank));
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
  programme.mentors.forEach((mentor, col) => broken.set(mentor.id, rulesIn(programme.broken[row * programme.mentors.length + col]!)));
  return broken;
}

/** What the mentee is told about a rule their request breaks. */
export type RuleContext = {
  mentorName: string;
  /** Whether the mentor is above the mentee in the reporting line (else the mentee is above the mentor). */
  mentorAboveMentee: boolean;
  maxTimeZoneHours: number | null;
};

export function ruleReason(rule: HardRule, context: RuleContext): string {
  const { mentorName } = context;
  switch (rule) {
    case "self":
      return "You cannot mentor yourself.";
    case "management-chain":
      return context.mentorAboveMentee
        ? `${mentorName} is in your management chain; a mentor comes from outside it.`
        : `You are in ${possessive(mentorName)} management chain; a mentor comes from outside it.`;
    case "level":
      return `${possessive(mentorName)} level is below the level you are working towards.`;
    case "repeat":
      return `${mentorName} has mentored you before, and this programme does not repeat pairs.`;
    case "same-team":
      return `${mentorName} is on your team, and this programme pairs people across teams.`;
    case "time-zone":
      return `${possessive(mentorName)} time zone is more than ${plural(context.maxTimeZoneHours ?? 0, "# hour")} from yours, the most this programme allows.`;
    case "forbidden":
      return `The programme's admins ruled out pairing you with ${mentorName}.`;
  }
}

/** What the mentee is told for each of the rules a pair with this mentor breaks. */
export function ruleReasonsFor(broken: readonly HardRule[], mentee: Pick<MenteeInput, "managementChainIds">, mentor: { id: string; name: string }, maxTimeZoneHours: number | null): string[] {
  const context = { mentorName: mentor.name, mentorAboveMentee: mentee.managementChainIds.includes(mentor.id), maxTimeZoneHours };
  return broken.map((rule) => ruleReason(rule, context));
}

/** A mentor's places left: their capacity (at most the programme's maximum) less the pairs that hold a place. */
export function placesLeft(capacity: number | null, programmeMaximum: number, held: number): number {
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
  ruleReasons: readonly string[];
  placesLeft: number;
};

/** Why a mentee may not ask this mentor now, or null when they may. Said in words the mentee reads. */
export function requestRefusal(facts: RequestFacts): string | null {
  if (!requestsOpen(facts.phase)) return "Requests are closed: the matching day has come or pairs are published.";
  const accepted = facts.own.find((request) => request.state === "accepted");
  if (accepted) return `${accepted.mentorName} accepted your request: you have your mentor in this programme.`;
  const earlier = facts.own.find((request) => request.mentorId === facts.mentorId);
  if (earlier?.state === "requested") return `You have already asked ${facts.mentorName}.`;
  if (earlier?.state === "declined") return `${facts.mentorName} declined your request; choose another mentor.`;
  if (facts.own.filter((request) => isLive(request.state)).length >= MAX_REQUESTS) {
    return `You can ask up to ${MAX_REQUESTS} mentors at a time. Withdraw a request to ask someone else.`;
  }
  if (!(REQUEST_RANKS as readonly number[]).includes(facts.rank)) return `Choose your 1st, 2nd or 3rd choice.`;
  const holder = facts.own.find((request) => isLive(request.state) && request.rank === facts.rank);
  if (holder) return `${holder.mentorName} is already your ${ordinalWord(facts.rank)} choice. Choose another place, or withdraw that request first.`;
  if (facts.ruleReasons.length > 0) return facts.ruleReasons.join(" ");
  if (facts.placesLeft === 0) return `${facts.mentorName} has no free place left in this programme.`;
  return null;
}

const ORDINAL_WORDS: Record<number, string> = { 1: "first", 2: "second", 3: "third" };
function ordinalWord(rank: number): string {
  return ORDINAL_WORDS[rank] ?? String(rank);
}

export type AnswerFacts = {
  phase: ProgrammePhase;
  state: string;
  answer: "accepted" | "declined";
  menteeName: string;
  /** Whether another mentor already accepted this mentee's request. */
  menteeHasMentor: boolean;
  /** Hard rules the pair breaks now (a team or level may have changed since the request), in words. */
  ruleReasons: readonly string[];
  placesLeft: number;
};

/**
 * Why the mentor may not give this answer now, or null when they may. Accepting checks the hard
 * rules and the mentor's places again, as they stand now; declining needs only a waiting request.
 */
export function answerRefusal(facts: AnswerFacts): string | null {
  if (!answersOpen(facts.phase)) return "Requests are no longer answered: pairs are published.";
  if (facts.state !== "requested") return facts.state === "withdrawn" ? `${facts.menteeName} withdrew this request.` : "You have already answered this request.";
  if (facts.answer === "declined") return null;
  if (facts.menteeHasMentor) return `${facts.menteeName} already has a mentor in this programme.`;
  if (facts.ruleReasons.length > 0) return `This pair breaks the programme's rules: ${facts.ruleReasons.join(" ")}`;
  if (facts.placesLeft === 0) return "You have no free place left: raise how many mentees you take, or decline.";
  return null;
}

/** Where a request stands, said to the mentee. */
export function requestStandingForMentee(request: { state: string; mentorName: string; declineNote: string | null }): string {
  switch (request.state) {
    case "requested":
      return `Waiting for ${possessive(request.mentorName)} answer.`;
    case "accepted":
      return `${request.mentorName} accepted: you are paired.`;
    case "declined":
      return `${request.mentorName} declined${request.declineNote ? `: “${request.declineNote}”` : "."}`;
    default:
      return "You withdrew this request.";
  }
}
