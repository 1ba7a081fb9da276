/**
 * Who may read or write an assessment. Pure rules; callers supply the facts
 * (the subject's manager chain, whether the subject's own self-assessment in the
 * same cycle is submitted, when the cycle shares reviews).
 */
import type { ReviewSharing } from "~/modules/cycles/review-sharing";

export const ASSESSMENT_KINDS = ["self", "manager"] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];
export const ASSESSMENT_STATUSES = ["draft", "submitted"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export type AssessmentFacts = {
  kind: AssessmentKind;
  status: AssessmentStatus;
  subjectId: string;
  authorId: string;
};

export type ReviewSharingFacts = {
  /** The cycle's choice; outside cycles, "when-both-submitted". */
  reviewsShared: ReviewSharing;
  /** With "on-date": the day (midnight UTC) from which reviews are shared. */
  sharedOn: Date | null;
  /** Has the subject's calibration outcome in the cycle been released to them? */
  outcomeReleased: boolean;
  now: Date;
};

/** Outside a cycle there is nobody to choose: a manager review is shared once both are in. */
export function sharedWhenBothSubmitted(now: Date): ReviewSharingFacts {
  return { reviewsShared: "when-both-submitted", sharedOn: null, outcomeReleased: false, now };
}

/**
 * May the subject read their manager's submitted review? Never before their own self-assessment of
 * the same cycle is in (so the review cannot colour it); from then on, at the moment the cycle chose.
 */
function managerReviewShared(selfSubmitted: boolean, sharing: ReviewSharingFacts): boolean {
  if (!selfSubmitted) return false;
  if (sharing.reviewsShared === "on-date")
    return sharing.sharedOn !== null && sharing.now.getTime() >= sharing.sharedOn.getTime();
  if (sharing.reviewsShared === "after-release") return sharing.outcomeReleased;
  return true;
}

export type ReaderFacts = {
  viewerId: string;
  viewerIsAdmin: boolean;
  /** The subject's managers, nearest first. */
  subjectManagerChain: readonly string[];
  /** For a manager review: is the subject's own self-assessment for the same cycle submitted? */
  subjectSelfSubmitted: boolean;
  /** For a manager review read by its subject: when the assessment's cycle shares reviews. */
  sharing: ReviewSharingFacts;
  /** Does the reader facilitate or calibrate a session of the assessment's cycle in which the subject is calibrated? */
  calibratesSubject?: boolean;
};

/**
 * Drafts are private to their author: neither side sees the other's draft.
 * Submitted assessments are readable by the subject's manager chain and admins, and by those who
 * calibrate the subject in the assessment's cycle (calibration reads the reviews).
 * The subject reads their own self-assessment always, and their manager's review
 * when managerReviewShared says so.
 */
export function canReadAssessment(assessment: AssessmentFacts, reader: ReaderFacts): boolean {
  if (assessment.status === "draft") return reader.viewerId === assessment.authorId;
  if (reader.viewerId === assessment.authorId) return true;
  if (reader.viewerIsAdmin) return true;
  if (reader.subjectManagerChain.includes(reader.viewerId)) return true;
  if (reader.viewerId === assessment.subjectId) {
    return (
      assessment.kind === "self" || managerReviewShared(reader.subjectSelfSubmitted, reader.sharing)
    );
  }
  return reader.calibratesSubject === true;
}

/**
 * Has the subject submitted their own self-assessment in this cycle? Outside cycles (cycleId
 * null), any submitted out-of-cycle self-assessment counts. `assessments` may hold any of the
 * subject's assessments (any kind, status or cycle): the rule picks. readableBySubjectSql
 * (queries.server.ts) is the same rule for statements that filter in SQL.
 */
export function subjectSelfSubmitted(
  assessments: readonly (AssessmentFacts & { cycleId: string | null })[],
  subjectId: string,
  cycleId: string | null,
): boolean {
  return assessments.some(
    (assessment) =>
      assessment.kind === "self" &&
      assessment.status === "submitted" &&
      assessment.subjectId === subjectId &&
      assessment.cycleId === cycleId,
  );
}

/** A self-assessment is written by its subject; a manager review by someone in the subject's manager chain. */
export function canAuthorAssessment(
  kind: AssessmentKind,
  viewerId: string,
  subjectId: string,
  subjectManagerChain: readonly string[],
): boolean {
  if (kind === "self") return viewerId === subjectId;
  return viewerId !== subjectId && subjectManagerChain.includes(viewerId);
}
