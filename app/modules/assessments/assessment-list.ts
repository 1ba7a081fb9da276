import type { Message } from "~/i18n/messages";
import { decideEntry, type ExistingAssessment } from "./assessment-entry";

/**
 * The review status of one direct report, as the /reviews list shows it: what the
 * viewer's "start or continue" would do, and a link to read the last submitted
 * review. Pure. The words are messages (a `date` value is the day of a submission,
 * formatted where it is shown).
 */
export type ReportReviewStatus = {
  label: Message;
  action: { label: Message; href: string } | null;
  read: { href: string; submittedAt: Date | null } | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

export function reportReviewStatus(
  viewerId: string,
  personId: string,
  inCycle: boolean,
  /** The person's manager reviews in the open cycle, or outside any cycle when there is none. */
  reviews: readonly ExistingAssessment[],
  assessable: boolean,
): ReportReviewStatus {
  const reviewHref = `/people/${personId}/review`;
  const decision = decideEntry("manager", viewerId, inCycle, reviews);
  const lastSubmitted = [...reviews]
    .filter((review) => review.status === "submitted")
    .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))[0];
  const read = lastSubmitted
    ? { href: `/assessments/${lastSubmitted.id}`, submittedAt: lastSubmitted.submittedAt ?? null }
    : null;
  switch (decision.action) {
    case "taken":
      return {
        label: {
          key: "assessments:reviews.status.draftBy",
          values: { author: decision.authorName },
        },
        action: null,
        read,
      };
    case "open": {
      const review = reviews.find((candidate) => candidate.id === decision.assessmentId)!;
      if (review.status === "draft")
        return {
          label: { key: "assessments:reviews.status.draft" },
          action: { label: { key: "assessments:reviews.action.continue" }, href: reviewHref },
          read,
        };
      return {
        label: review.submittedAt
          ? {
              key: "assessments:reviews.status.submittedOn",
              values: { date: day(review.submittedAt) },
            }
          : { key: "assessments:reviews.status.submitted" },
        action: {
          label: { key: "assessments:reviews.action.read" },
          href: `/assessments/${review.id}`,
        },
        read: null,
      };
    }
    case "create":
      if (!assessable)
        return { label: { key: "assessments:reviews.status.noLevel" }, action: null, read };
      if (read) {
        return {
          label: read.submittedAt
            ? {
                key: "assessments:reviews.status.lastSubmittedOn",
                values: { date: day(read.submittedAt) },
              }
            : { key: "assessments:reviews.status.submitted" },
          action: { label: { key: "assessments:reviews.action.startNew" }, href: reviewHref },
          read,
        };
      }
      return {
        label: { key: "assessments:reviews.status.notStarted" },
        action: { label: { key: "assessments:reviews.action.start" }, href: reviewHref },
        read: null,
      };
  }
}
