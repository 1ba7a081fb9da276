/**
 * Who may read and do what with feedback in a cycle. Pure rules; the server gathers the facts.
 *
 * Reading one person's feedback (the subject's):
 * - peer feedback: the subject's managers up the line and admins read every answer with its
 *   author's name (as they read the person's reviews); those who calibrate the subject in a session
 *   of the cycle read a summary per competency with counts; the subject reads the answers only once
 *   their feedback is released to them (releasedToSubject: with their calibration outcome, or when
 *   the cycle closes for someone no session calibrates), named or anonymous as the cycle's settings
 *   say;
 * - upward feedback (the subject is a manager, the authors their reports): nobody reads an answer
 *   with a name, and nobody reads one alone. Readers get an aggregate in batches of the
 *   organisation's floor of reports, as the one disclosure check releases it (anonymity.ts): the manager once their own
 *   feedback is released to them (releasedToSubject), their managers and admins at any time, their
 *   calibrators as a summary.
 * Everyone reads the answers they wrote.
 */
import type { Message } from "~/i18n/messages";
import { daysLeft } from "~/modules/days";
import type { NamesShown, Nominator } from "./settings";
import { isPending, type Channel } from "./nomination";

export type FeedbackReader = { id: string; isAdmin: boolean };

export type SubjectFacts = {
  channel: Channel;
  subjectId: string;
  /** The subject's managers, nearest first. */
  subjectManagerChain: readonly string[];
  /** The reader facilitates or calibrates a session of the cycle in which the subject is calibrated. */
  calibratesSubject: boolean;
  /** The subject's own feedback in this cycle is released to them (releasedToSubject). */
  releasedToSubject: boolean;
  namesShown: NamesShown;
};

/**
 * - `named`: every answer with its author;
 * - `anonymous`: the answers without authors, in batches of at least three people's (anonymity.ts);
 * - `summary`: per competency, counts and the average rating only;
 * - `aggregate`: per competency, counts, the average rating and the examples without authors,
 *   released by the disclosure check under each author's floor;
 * - `none`: nothing (the page does not exist for the reader).
 */
export type FeedbackView = "named" | "anonymous" | "summary" | "aggregate" | "none";

export function feedbackView(reader: FeedbackReader, facts: SubjectFacts): FeedbackView {
  const isSubject = reader.id === facts.subjectId;
  const above = !isSubject && (reader.isAdmin || facts.subjectManagerChain.includes(reader.id));
  if (facts.channel === "upward") {
    if (isSubject) return facts.releasedToSubject ? "aggregate" : "none";
    if (above) return "aggregate";
    return facts.calibratesSubject ? "summary" : "none";
  }
  if (isSubject) {
    if (!facts.releasedToSubject) return "none";
    return facts.namesShown === "after-release" ? "named" : "anonymous";
  }
  if (above) return "named";
  return facts.calibratesSubject ? "summary" : "none";
}

/** Where the subject stands for the release of their own feedback in the cycle. */
export type SubjectReleaseFacts = {
  /** A calibration session of the cycle includes them (in any state). */
  calibrated: boolean;
  /** Their outcome was released to them in a published session of the cycle. */
  outcomeReleased: boolean;
  cycleClosed: boolean;
};

/**
 * Whether the person's own feedback in the cycle (their peers' answers, and as a manager their
 * reports' upward aggregate) is released to them: with their outcome when a calibration session of
 * the cycle includes them, so that it never arrives before what it informs; otherwise, with no
 * outcome ever to be released, when the cycle closes, its answers all in.
 */
export function releasedToSubject(facts: SubjectReleaseFacts): boolean {
  return facts.calibrated ? facts.outcomeReleased : facts.cycleClosed;
}

/** What the person's own feedback still waits for, as their page says it; null once released. */
export function subjectReleaseAwaits(facts: SubjectReleaseFacts): "outcome" | "cycle-close" | null {
  if (releasedToSubject(facts)) return null;
  return facts.calibrated ? "outcome" : "cycle-close";
}

/**
 * Who chooses peers: the person when the cycle says so (their manager approves), and the manager
 * always: to add one, or to replace one who declined or left, whoever the cycle has nominate.
 */
export function canNominate(
  reader: FeedbackReader,
  subject: { id: string; managerId: string | null },
  nominator: Nominator,
): boolean {
  const isManager = subject.managerId !== null && reader.id === subject.managerId;
  return isManager || (nominator === "person" && reader.id === subject.id);
}

/**
 * Why the reader does not nominate peers for the person (canNominate), or null. "manager-chooses":
 * the person, in a cycle where their manager chooses, an admin, or a manager further up the line, who
 * all read the person's page. "not-theirs": anyone else, for whom the person's choices do not exist:
 * they are answered as for someone who does not exist, so a nomination posted for any id tells them
 * nothing.
 */
export function nominateRefusal(
  reader: FeedbackReader,
  subject: { id: string; managerId: string | null; managerChain: readonly string[] },
  nominator: Nominator,
): "manager-chooses" | "not-theirs" | null {
  if (canNominate(reader, subject, nominator)) return null;
  return outsideNominations(reader, subject) ? "not-theirs" : "manager-chooses";
}

/** Whether the person's choice of peers is nothing of the reader's: not the person, an admin or a manager up their line (who all read their page). */
export function outsideNominations(
  reader: FeedbackReader,
  subject: { id: string; managerChain: readonly string[] },
): boolean {
  return !(reader.id === subject.id || reader.isAdmin || subject.managerChain.includes(reader.id));
}

/** A nomination by the person's manager is asked at once; the person's own waits for the manager's approval. */
export function nominationState(
  reader: FeedbackReader,
  subject: { managerId: string | null },
): "approved" | "nominated" {
  return subject.managerId !== null && reader.id === subject.managerId ? "approved" : "nominated";
}

/**
 * The manager swaps a peer reviewer still waiting (nominated or asked, not yet answered) for another,
 * in one step: the first is declined (nominated) or withdrawn (asked), the other asked at once.
 */
export function canSwapReviewer(
  reader: FeedbackReader,
  request: { channel: string; state: string },
  subject: { managerId: string | null },
): boolean {
  return (
    request.channel === "peer" &&
    isPending(request.state) &&
    subject.managerId !== null &&
    reader.id === subject.managerId
  );
}

/**
 * Whom the page may suggest as a peer: nobody who reports to the person (a manager's reports answer
 * upward feedback about them, not peer feedback), on top of who may be chosen at all (nomination.ts).
 */
export function maySuggestPeer(
  candidate: { managerId: string | null },
  subject: { id: string },
): boolean {
  return candidate.managerId !== subject.id;
}

/** The person's manager approves or declines the person's nominations. */
export function canDecideNomination(
  reader: FeedbackReader,
  subject: { managerId: string | null },
): boolean {
  return subject.managerId !== null && reader.id === subject.managerId;
}

/**
 * Whether the cycle's settings still ask for peers, whoever the person: it asks for peers, and its
 * answers' due day has not passed (a colleague asked after it would be asked for what is already
 * late). The to-do list asks it of every cycle it lists; nominationsOpen adds the person's own facts.
 */
export function peersAskedFor(settings: { peer: boolean; dueOn: Date }, now: Date): boolean {
  return settings.peer && daysLeft(settings.dueOn, now) >= 0;
}

/**
 * Whether peers are still asked for the person (nominating, approving or declining nominations,
 * swapping and withdrawing requests): while the cycle is open and its settings ask for peers (until
 * the end of its due day), and until the person's feedback is released to them
 * (releasedToSubject). From then on their feedback is read, not asked for.
 */
export function nominationsOpen(
  cycle: { closed: boolean; peer: boolean; dueOn: Date },
  releasedToPerson: boolean,
  now: Date,
): boolean {
  return !cycle.closed && peersAskedFor(cycle, now) && !releasedToPerson;
}

/** What a person or their manager reads when peers are no longer asked for. */
export const NOMINATIONS_CLOSED: Message = { key: "feedback:errors.nominationsClosed" };

export type WithdrawFacts = { channel: string; state: string; nominatedById: string | null };

/**
 * Why a request is not withdrawn, or null: a peer request is withdrawn by the person's manager while
 * it still waits, and by whoever else nominated it (the person) only until the manager approves it
 * ("asked" after that, whether or not the colleague has answered: a withdrawal open to the person
 * until the colleague answers would tell them when that was). For anyone else ("not-theirs") it does
 * not exist.
 */
export function withdrawRefusal(
  reader: FeedbackReader,
  request: WithdrawFacts,
  subject: { managerId: string | null },
): "not-theirs" | "not-pending" | "asked" | null {
  const isManager = subject.managerId !== null && reader.id === subject.managerId;
  if (request.channel !== "peer" || !(isManager || reader.id === request.nominatedById))
    return "not-theirs";
  if (!isManager) return request.state === "nominated" ? null : "asked";
  return isPending(request.state) ? null : "not-pending";
}

/** Whether the page offers to withdraw the request (withdrawRefusal). */
export function canWithdrawRequest(
  reader: FeedbackReader,
  request: WithdrawFacts,
  subject: { managerId: string | null },
): boolean {
  return withdrawRefusal(reader, request, subject) === null;
}

/**
 * Why the reviewer's answer can no longer change (null while it can): only an approved request is
 * answered, a submitted answer is locked, and a closed cycle keeps its drafts as they are.
 */
export function answerRefusal(request: {
  state: string;
  reviewerId: string;
  declinedById: string | null;
  cycle: { closedAt: Date | null };
}): string | null {
  // Keys (feedback namespace), worded where they are shown: the autosave takes a refusal as text.
  if (request.state === "submitted") return "feedback:locks.submitted";
  if (request.state === "declined" && request.declinedById === request.reviewerId)
    return "feedback:locks.declinedByYou";
  if (request.state !== "approved") return "feedback:locks.notOpen";
  if (request.cycle.closedAt) return "feedback:locks.cycleClosed";
  return null;
}

/** Only the reviewer declines a request they were asked to answer (for everyone else it does not exist); declineLock says when. */
export function canDeclineRequest(
  reader: FeedbackReader,
  request: { reviewerId: string },
): boolean {
  return reader.id === request.reviewerId;
}

/**
 * Whether the reader is told, colleague by colleague, who has answered. Not the person who reads
 * their peers' answers without names: one "Answered" more beside a colleague, with one group more of
 * answers on the page, would narrow who wrote them. They read "Asked" for an answered request too.
 */
export function seesWhoAnswered(
  reader: FeedbackReader,
  subject: { id: string },
  namesShown: NamesShown,
): boolean {
  return reader.id !== subject.id || namesShown === "after-release";
}

/** Admins set a cycle's feedback settings, while the cycle is open. */
export function canChangeSettings(reader: FeedbackReader, cycle: { closed: boolean }): boolean {
  return reader.isAdmin && !cycle.closed;
}

/**
 * Acting on feedback (a point for the next one-to-one, a growth focus) is the person's own, on the
 * feedback they may read (feedbackView), on a competency it shows them something about.
 */
export function canFollowUpFeedback(
  reader: FeedbackReader,
  subjectId: string,
  shown: { view: FeedbackView; competencyIds: readonly string[] },
  competencyId: string,
): boolean {
  return (
    reader.id === subjectId && shown.view !== "none" && shown.competencyIds.includes(competencyId)
  );
}
