/**
 * Choosing who gives a person feedback in a cycle: who may be chosen (and why not), how many, and
 * whom to suggest first. Pure: the server gathers the facts (feedback.server.ts).
 *
 * Peers are nominated (by the person, for their manager to approve, or by the manager: the cycle's
 * settings say which). Upward feedback needs no nomination: a manager's direct reports are asked.
 * The cap on reviews limits how many peer requests one person is asked to answer in a cycle, so
 * that popular reviewers are not buried; requests declined or withdrawn free their place.
 */
import { z } from "zod";
import type { Message } from "~/i18n/messages";
import { refuseEscapingText } from "~/utils/free-text";

export const REQUEST_STATES = [
  "nominated",
  "approved",
  "declined",
  "withdrawn",
  "submitted",
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export function isRequestState(value: string): value is RequestState {
  return (REQUEST_STATES as readonly string[]).includes(value);
}

/** Where a request stands, as the key of its words: a declined one says whether the manager or the reviewer declined it. */
export function requestStateLabel(request: {
  state: string;
  reviewerId: string;
  declinedById: string | null;
}): string {
  if (
    request.state === "declined" &&
    request.declinedById !== null &&
    request.declinedById === request.reviewerId
  )
    return "feedback:requestStates.declinedByColleague";
  return isRequestState(request.state) ? `feedback:requestStates.${request.state}` : request.state;
}

/** The reviewer's decline form (one schema for conform in the browser and the server): a reason is required, since the person's manager reads it to ask someone else. */
export const DeclineRequestSchema = z.object({
  reason: z
    .string({ error: "feedback:errors.reviewerDeclineReason" })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, "feedback:errors.reviewerDeclineReason")
    .max(500, "feedback:errors.reasonTooLong"),
});

/**
 * Why the reviewer can no longer decline this request, or null when they can: only a peer request
 * still waiting for their answer, while the cycle is open. Upward feedback is not declined: there
 * is nobody to ask instead, and a reason would be read by the manager it is about or their chain.
 */
export function declineLock(
  request: { state: string; channel: string },
  cycle: { closed: boolean },
): string | null {
  if (request.state === "submitted") return "feedback:locks.alreadySubmitted";
  if (request.state === "declined") return "feedback:locks.alreadyDeclined";
  if (request.state !== "approved") return "feedback:locks.notOpen";
  if (request.channel !== "peer") return "feedback:locks.upward";
  if (cycle.closed) return "feedback:locks.cycleClosedNoDecline";
  return null;
}

/** Requests that hold a place (towards the peer count and the reviewer's cap). */
export const LIVE_STATES = [
  "nominated",
  "approved",
  "submitted",
] as const satisfies readonly RequestState[];
export function isLive(state: string): boolean {
  return (LIVE_STATES as readonly string[]).includes(state);
}

/** Requests still waiting for something: withdrawn when their reviewer or subject leaves. */
export const PENDING_STATES = ["nominated", "approved"] as const satisfies readonly RequestState[];
export function isPending(state: string): boolean {
  return (PENDING_STATES as readonly string[]).includes(state);
}

const MOVES: Record<RequestState, readonly RequestState[]> = {
  nominated: ["approved", "declined", "withdrawn"],
  approved: ["submitted", "declined", "withdrawn"],
  declined: [],
  withdrawn: [],
  submitted: [],
};

export function canMove(from: string, to: RequestState): boolean {
  return isRequestState(from) && MOVES[from].includes(to);
}

export type Channel = "peer" | "upward";

export type Candidate = { id: string; name: string; active: boolean };

export type NominationFacts = {
  channel: Channel;
  subject: { id: string; managerId: string | null };
  /** Reviewers already holding a live request about the subject in this cycle. */
  alreadyNominated: ReadonlySet<string>;
  /** How many live peer requests each reviewer already has in the cycle (0 when absent). */
  requestsOf: ReadonlyMap<string, number>;
  reviewCap: number;
};

export const INELIGIBILITY = [
  "self",
  "manager",
  "deactivated",
  "at-cap",
  "already-nominated",
] as const;
export type Ineligibility = (typeof INELIGIBILITY)[number];

/** Why this candidate cannot be chosen; empty when they can. */
export function ineligibility(candidate: Candidate, facts: NominationFacts): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (candidate.id === facts.subject.id) reasons.push("self");
  // The manager reviews the person anyway; upward feedback is about the manager, so there they are the subject.
  if (facts.channel === "peer" && candidate.id === facts.subject.managerId) reasons.push("manager");
  if (!candidate.active) reasons.push("deactivated");
  if (facts.alreadyNominated.has(candidate.id)) reasons.push("already-nominated");
  else if (facts.channel === "peer" && (facts.requestsOf.get(candidate.id) ?? 0) >= facts.reviewCap)
    reasons.push("at-cap");
  return reasons;
}

export function ineligibilityText(
  reason: Ineligibility,
  candidateName: string,
  reviewCap: number,
): Message {
  switch (reason) {
    case "self":
      return { key: "feedback:ineligible.self" };
    case "manager":
      return { key: "feedback:ineligible.manager", values: { name: candidateName } };
    case "deactivated":
      return { key: "feedback:ineligible.deactivated", values: { name: candidateName } };
    case "at-cap":
      return { key: "feedback:ineligible.atCap", values: { name: candidateName, cap: reviewCap } };
    case "already-nominated":
      return { key: "feedback:ineligible.alreadyNominated", values: { name: candidateName } };
  }
}

export type PeerLimits = { minPeers: number; maxPeers: number };

/** What is wrong with this many live peer requests for one person, or null when it is within the limits. */
export function peerCountProblem(count: number, limits: PeerLimits): Message | null {
  if (count < limits.minPeers)
    return { key: "feedback:errors.peersTooFew", values: { min: limits.minPeers, count } };
  if (count > limits.maxPeers)
    return { key: "feedback:errors.peersTooMany", values: { max: limits.maxPeers } };
  return null;
}

/** Whether one more nomination fits under the most peers. */
export function roomForMore(count: number, limits: PeerLimits): boolean {
  return count < limits.maxPeers;
}

/**
 * What the person and a candidate share, from which suggestions are ranked: a team, hiring loops, a
 * mentoring pair, a manager (fellow managers, for a manager), feedback given or received between them.
 */
export type Ties = {
  sharedTeam: boolean;
  hiringLoops: number;
  mentorship: boolean;
  sameManager: boolean;
  feedbackTogether: boolean;
};

export const NO_TIES: Ties = {
  sharedTeam: false,
  hiringLoops: 0,
  mentorship: false,
  sameManager: false,
  feedbackTogether: false,
};

export type Suggestion = Candidate & { score: number; ties: Message[]; requests: number };

/** How much each tie counts: working on the same team or under the same manager most; a hiring loop, a mentoring pair or feedback together next. */
export const TIE_WEIGHTS = {
  sharedTeam: 3,
  sameManager: 3,
  hiringLoop: 2,
  mentorship: 2,
  feedbackTogether: 2,
} as const;

export function tieScore(ties: Ties): number {
  return (
    (ties.sharedTeam ? TIE_WEIGHTS.sharedTeam : 0) +
    (ties.sameManager ? TIE_WEIGHTS.sameManager : 0) +
    Math.min(ties.hiringLoops, 2) * TIE_WEIGHTS.hiringLoop +
    (ties.mentorship ? TIE_WEIGHTS.mentorship : 0) +
    (ties.feedbackTogether ? TIE_WEIGHTS.feedbackTogether : 0)
  );
}

export function tieTexts(ties: Ties): Message[] {
  return [
    ...(ties.sharedTeam ? [{ key: "feedback:ties.sharedTeam" }] : []),
    ...(ties.sameManager ? [{ key: "feedback:ties.sameManager" }] : []),
    ...(ties.hiringLoops
      ? [{ key: "feedback:ties.hiringLoops", values: { count: ties.hiringLoops } }]
      : []),
    ...(ties.mentorship ? [{ key: "feedback:ties.mentorship" }] : []),
    ...(ties.feedbackTogether ? [{ key: "feedback:ties.feedbackTogether" }] : []),
  ];
}

/**
 * Suggested reviewers: eligible candidates with at least one tie, strongest ties first; among
 * equals, those asked least so far (to spread the work), then by name. Each shows how many requests
 * they already have.
 */
export function suggestPeers(
  candidates: readonly (Candidate & { ties: Ties })[],
  facts: NominationFacts,
  limit = 10,
): Suggestion[] {
  return candidates
    .filter(
      (candidate) => ineligibility(candidate, facts).length === 0 && tieScore(candidate.ties) > 0,
    )
    .map(({ ties, ...candidate }) => ({
      ...candidate,
      score: tieScore(ties),
      ties: tieTexts(ties),
      requests: facts.requestsOf.get(candidate.id) ?? 0,
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.requests - b.requests ||
        a.name.localeCompare(b.name) ||
        (a.id < b.id ? -1 : 1),
    )
    .slice(0, limit);
}
