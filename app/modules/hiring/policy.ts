import type { Message } from "~/i18n/messages";

/**
 * Who may see and do what in hiring. Pure rules; the server modules feed them facts from the
 * database (access.server.ts). Openings, loops, candidates and kits that someone may not see are
 * 404s, exactly as if they did not exist. docs/decisions/022-hiring-workflow.md.
 *
 * - An opening is managed by its hiring admins (the creator and anyone they add) and by admins.
 * - A loop, and its candidate's data, are visible to those who manage its opening and to its
 *   interviewers; nobody else.
 * - Independence: an interviewer on a loop sees no other scorecard of it (nor a count, a debrief,
 *   an export or a figure built from one) until every card of their own in it is submitted. This
 *   holds even for a hiring admin who interviews; the opening's other hiring admins see all.
 */
export type HiringViewer = { id: string; isAdmin: boolean; isHiringAdmin: boolean };

export type OpeningAccess = {
  /** The opening's hiring admins. */
  adminIds: readonly string[];
};

export type LoopInterviewFacts = {
  interviewerId: string;
  /** A card of this interview has been submitted (its first submission; amendments do not reopen it). */
  submitted: boolean;
};

export type LoopAccess = OpeningAccess & {
  interviews: readonly LoopInterviewFacts[];
  /** When a hiring admin opened the debrief before every card was in; null otherwise. */
  debriefOpenedAt: Date | string | null;
  decided: boolean;
  /** The candidate's data was purged: the loop is read-only. */
  purged: boolean;
  /** The loop was withdrawn before a decision (its candidate rejected or purged): nothing more is staffed, scored or decided in it. */
  withdrawn?: boolean;
};

/** Hiring admins and admins open roles. */
export function canCreateOpening(viewer: HiringViewer): boolean {
  return viewer.isHiringAdmin || viewer.isAdmin;
}

export function managesOpening(viewer: HiringViewer, opening: OpeningAccess): boolean {
  return viewer.isAdmin || opening.adminIds.includes(viewer.id);
}

export function isInterviewerOn(
  viewer: HiringViewer,
  loop: Pick<LoopAccess, "interviews">,
): boolean {
  return loop.interviews.some((interview) => interview.interviewerId === viewer.id);
}

/** Every interview the viewer holds in the loop has a submitted card (false when they hold none). */
export function hasSubmittedOwn(
  viewer: HiringViewer,
  loop: Pick<LoopAccess, "interviews">,
): boolean {
  const own = loop.interviews.filter((interview) => interview.interviewerId === viewer.id);
  return own.length > 0 && own.every((interview) => interview.submitted);
}

/** The loop and its candidate's data: the opening's hiring admins, admins and the loop's interviewers. */
export function canViewLoop(viewer: HiringViewer, loop: LoopAccess): boolean {
  return managesOpening(viewer, loop) || isInterviewerOn(viewer, loop);
}

/**
 * Other interviewers' scorecards of the loop (and anything derived from them: counts, the
 * debrief, exports). An interviewer only once their own cards are all submitted; otherwise those
 * who manage the opening.
 */
export function canSeeOthersScorecards(viewer: HiringViewer, loop: LoopAccess): boolean {
  if (isInterviewerOn(viewer, loop)) return hasSubmittedOwn(viewer, loop);
  return managesOpening(viewer, loop);
}

/**
 * That a decision exists is debrief information, for those who may read the other cards: an
 * interviewer whose own card is still owed is told only that the loop is closed and their card no
 * longer needed.
 */
export function toldOfDecision(viewer: HiringViewer, loop: LoopAccess): boolean {
  return loop.decided && canSeeOthersScorecards(viewer, loop);
}

/** The loop's state ("open", "decided", "withdrawn") as the viewer may be told it: "closed" for a decision they are not told of. */
export function loopStateFor(viewer: HiringViewer, loop: LoopAccess, state: string): string {
  return loop.decided && !toldOfDecision(viewer, loop) ? "closed" : state;
}

/** The debrief opens by itself once every interview has a submitted card, or early when a hiring admin opens it. */
export function debriefIsOpen(loop: Pick<LoopAccess, "interviews" | "debriefOpenedAt">): boolean {
  return (
    loop.debriefOpenedAt !== null ||
    (loop.interviews.length > 0 && loop.interviews.every((interview) => interview.submitted))
  );
}

export function canSeeDebrief(viewer: HiringViewer, loop: LoopAccess): boolean {
  return debriefIsOpen(loop) && canSeeOthersScorecards(viewer, loop);
}

/** Staffing, opening the debrief early, linking a hire, purging: the opening's hiring admins and admins, while the candidate's data is there. */
export function canManageLoop(viewer: HiringViewer, loop: LoopAccess): boolean {
  return managesOpening(viewer, loop) && !loop.purged;
}

/** Changing who interviews: before the decision. */
export function canStaffLoop(viewer: HiringViewer, loop: LoopAccess): boolean {
  return canManageLoop(viewer, loop) && !loop.decided && !loop.withdrawn;
}

/**
 * Whether someone may join the loop's panel: not someone who manages the opening once another
 * interviewer's card is in, since they may have read it (a hiring admin who took their own
 * interview off the panel could otherwise read the cards and then score).
 */
export function canJoinPanel(person: HiringViewer, loop: LoopAccess): boolean {
  return (
    !managesOpening(person, loop) ||
    !loop.interviews.some(
      (interview) => interview.interviewerId !== person.id && interview.submitted,
    )
  );
}

/**
 * Removing an interview from the panel, which only an interview without a card allows: a hiring
 * admin who also interviews on the loop may remove only their own until their card is in, since
 * which interviews can go would tell them who has written a card.
 */
export function canRemoveInterview(
  viewer: HiringViewer,
  loop: LoopAccess,
  interviewerId: string,
): boolean {
  return (
    canStaffLoop(viewer, loop) &&
    (interviewerId === viewer.id || canSeeOthersScorecards(viewer, loop))
  );
}

export function canOpenDebriefEarly(viewer: HiringViewer, loop: LoopAccess): boolean {
  return canManageLoop(viewer, loop) && !loop.decided && !loop.withdrawn && !debriefIsOpen(loop);
}

/** The decision: a hiring admin of the opening who can see the debrief, once, after it opens. */
export function canRecordDecision(viewer: HiringViewer, loop: LoopAccess): boolean {
  return (
    canManageLoop(viewer, loop) && canSeeDebrief(viewer, loop) && !loop.decided && !loop.withdrawn
  );
}

/** Dissent beside a recorded decision: anyone who could see the debrief (interviewers who submitted, the opening's hiring admins). */
export function canRecordDissent(viewer: HiringViewer, loop: LoopAccess): boolean {
  return loop.decided && !loop.purged && canSeeDebrief(viewer, loop);
}

/** A recorded decision to hire, at the level planned or another. */
function isHireDecision(decision: string | null): boolean {
  return decision === "hire" || decision === "hire-other-level";
}

/**
 * Linking a hire to the person they became: the opening's hiring admins, on a loop not purged,
 * once they may read the other cards (one whose own card is still owed is not told the decision),
 * and only when the decision was to hire.
 */
export function canLinkHire(
  viewer: HiringViewer,
  loop: LoopAccess,
  decision: string | null,
): boolean {
  return (
    canManageLoop(viewer, loop) && canSeeOthersScorecards(viewer, loop) && isHireDecision(decision)
  );
}

/**
 * Why a hire cannot be linked now, or null: besides who may, the candidate took the offer (at the offer
 * stage, or hired). The opening's hiring admins, who see the purge on the loop, are told that it is why.
 */
export function linkHireRefusal(
  viewer: HiringViewer,
  loop: LoopAccess,
  facts: { decision: string | null; stage: string },
): Message | null {
  if (loop.purged && managesOpening(viewer, loop)) return { key: "hiring:loop.errors.linkPurged" };
  if (!canLinkHire(viewer, loop, facts.decision))
    return { key: "hiring:loop.errors.linkOnlyByAdmin" };
  if (facts.stage !== "offer" && facts.stage !== "hired")
    return { key: "hiring:loop.errors.linkOnlyAtOffer" };
  return null;
}

/**
 * An interview's page, its drafts and its cards are its interviewer's alone: to anyone else, those
 * who manage the opening included, the interview does not exist (they read submitted cards on the
 * loop's pages, as `visibleScorecards` allows).
 */
export function isOwnInterview(viewer: HiringViewer, interviewerId: string): boolean {
  return viewer.id === interviewerId;
}

/**
 * An interviewer writes, submits and amends only the cards of their own interviews, and only until
 * the decision: the debrief the decision was taken on stays as it was, and the candidate's data
 * may be purged after it.
 */
export function canWriteScorecard(
  viewer: HiringViewer,
  loop: LoopAccess,
  interviewerId: string,
): boolean {
  return isOwnInterview(viewer, interviewerId) && !loop.purged && !loop.decided && !loop.withdrawn;
}

/** A stage's interview kit: the opening's hiring admins, admins, and whoever interviews (or sits in as a trainee) in that stage. */
export function canViewKit(
  viewer: HiringViewer,
  opening: OpeningAccess,
  stageInterviewerIds: readonly string[],
): boolean {
  return managesOpening(viewer, opening) || stageInterviewerIds.includes(viewer.id);
}

/** Interview material on the ladder's pages: hiring admins, admins, and anyone with an interview to hold. */
export function canSeeInterviewMaterial(
  viewer: HiringViewer,
  hasInterviewAssignment: boolean,
): boolean {
  return viewer.isAdmin || viewer.isHiringAdmin || hasInterviewAssignment;
}

/** Interviewer and panel statistics, and the validity loop: hiring admins (over the openings they manage) and admins. */
export function canSeeHiringStatistics(viewer: HiringViewer): boolean {
  return viewer.isAdmin || viewer.isHiringAdmin;
}

/** The organisation's retention period for rejected candidates: admins. */
export function canSetRetention(viewer: HiringViewer): boolean {
  return viewer.isAdmin;
}

/**
 * The scorecards of a loop the viewer may read: their own (drafts included), and others'
 * submitted cards only once `canSeeOthersScorecards` allows. Nobody reads another's draft.
 */
export function visibleScorecards<T extends { authorId: string; status: string }>(
  viewer: HiringViewer,
  loop: LoopAccess,
  cards: readonly T[],
): T[] {
  const others = canSeeOthersScorecards(viewer, loop);
  return cards.filter(
    (card) => card.authorId === viewer.id || (others && card.status === "submitted"),
  );
}

/** What the pipeline rules read of a candidate: the opening's hiring admins, and the interviews of every loop of theirs in it. */
export type CandidateAccess = OpeningAccess & {
  loops: readonly Pick<LoopAccess, "interviews">[];
  purged: boolean;
};

/** The candidate exists for the viewer: the opening's hiring admins, admins, and whoever interviews on one of their loops. */
export function canViewCandidate(viewer: HiringViewer, candidate: CandidateAccess): boolean {
  return (
    managesOpening(viewer, candidate) ||
    candidate.loops.some((loop) => isInterviewerOn(viewer, loop))
  );
}

/**
 * The candidate's stage and moves. A move to an offer or to rejected follows a debrief, so it is
 * debrief information: those who manage the opening, and among them only who owes no scorecard
 * in any of the candidate's loops (as `canSeeOthersScorecards`). Interviewers see none of it.
 */
export function canSeePipeline(viewer: HiringViewer, candidate: CandidateAccess): boolean {
  return (
    managesOpening(viewer, candidate) &&
    candidate.loops.every((loop) => !isInterviewerOn(viewer, loop) || hasSubmittedOwn(viewer, loop))
  );
}

/** Moving a candidate (rejecting, reopening, starting another loop): whoever may see the pipeline, while the candidate's data is there. */
export function canMoveCandidate(viewer: HiringViewer, candidate: CandidateAccess): boolean {
  return canSeePipeline(viewer, candidate) && !candidate.purged;
}

/**
 * Interview panels and training (panels.ts, decision 085). The panel rule and the weekly cap are
 * the organisation's: admins set them. Who trains, and at which step, hiring admins and admins
 * manage, as they staff loops.
 */
export function canSetPanelRule(viewer: HiringViewer): boolean {
  return viewer.isAdmin;
}

export function canManageTraining(viewer: HiringViewer): boolean {
  return viewer.isAdmin || viewer.isHiringAdmin;
}

/** What the scoring and staffing rules read of an interviewer. */
export type InterviewerFacts = {
  /** The organisation asks that only qualified interviewers score. */
  requireQualification: boolean;
  /** Qualified on every competency of the stage. */
  qualified: boolean;
};

/** Only a qualified interviewer scores, once the organisation asks for it; a trainee sits in on a seat instead and never scores. */
export function mayScore(facts: InterviewerFacts): boolean {
  return !facts.requireQualification || facts.qualified;
}

/**
 * Why someone may not be staffed as a stage's interviewer, or null: one who may not score there,
 * or one who already holds the week's cap of interviews.
 */
export function interviewerRefusal(
  facts: InterviewerFacts & { load: number; cap: number | null },
): "notQualified" | "atCap" | null {
  if (!mayScore(facts)) return "notQualified";
  if (facts.cap !== null && facts.load >= facts.cap) return "atCap";
  return null;
}

/** A trainee's seat on an interview, as its rules read it. */
export type SeatFacts = { traineeId: string; interviewerId: string; outcome: string | null };

/** The seat and its practice notes: the trainee and the interview's interviewer; to anyone else it does not exist. */
export function canViewSeat(viewer: HiringViewer, seat: SeatFacts): boolean {
  return viewer.id === seat.traineeId || viewer.id === seat.interviewerId;
}

/** Practice notes: the trainee's own, while the loop takes any writing. */
export function canWritePracticeNotes(
  viewer: HiringViewer,
  seat: SeatFacts,
  loop: LoopAccess,
): boolean {
  return viewer.id === seat.traineeId && !loop.purged && !loop.withdrawn;
}

/**
 * Signing off a trainee's seat (advance to the next step, or not yet): the interviewer they sat
 * with, once, and only while that interviewer is qualified for the stage; never the trainee.
 */
export function canSignOff(
  viewer: HiringViewer,
  seat: SeatFacts,
  signerQualified: boolean,
): boolean {
  return (
    viewer.id === seat.interviewerId &&
    viewer.id !== seat.traineeId &&
    seat.outcome === null &&
    signerQualified
  );
}
