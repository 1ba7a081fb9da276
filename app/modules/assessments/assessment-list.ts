import { formatDay } from "~/modules/days";
import { decideEntry, type ExistingAssessment } from "./assessment-entry";

export { formatDay };

/**
 * The review status of one direct report, as the /reviews list shows it: what the
 * viewer's "start or continue" would do, and a link to read the last submitted
 * review. Pure.
 */
export type ReportReviewStatus = {
  label: string;
  action: { label: string; href: string } | null;
  read: { href: string; submittedAt: Date | null } | null;
};

export function reportReviewStatus(
  viewerId: string,
  personId: string,
  inCycle: boolean,
  /** The person's manager reviews in the open cycle, or outside any cycle when there is none. */
  reviews: readonly ExistingAssessment[],
  assessable: boolean
): ReportReviewStatus {
  const reviewHref = `/people/${personId}/review`;
  const decision = decideEntry("manager", viewerId, inCycle, reviews);
  const lastSubmitted = [...reviews]
    .filter((review) => review.status === "submitted")
    .sort((a, b) => (b.submittedAt?.getTime() ?? 0) - (a.submittedAt?.getTime() ?? 0))[0];
  const read = lastSubmitted ? { href: `/assessments/${lastSubmitted.id}`, submittedAt: lastSubmitted.submittedAt ?? null } : null;
  switch (decision.action) {
    case "taken":
      return { label: `Draft by ${decision.authorName}`, action: null, read };
    case "open": {
      const review = reviews.find((candidate) => candidate.id === decision.assessmentId)!;
      if (review.status === "draft") return { label: "Draft", action: { label: "Continue review", href: reviewHref }, read };
      return {
        label: review.submittedAt ? `Submitted ${formatDay(review.submittedAt)}` : "Submitted",
        action: { label: "Read review", href: `/assessments/${review.id}` },
        read: null,
      };
    }
    case "create":
      if (!assessable) return { label: "No level set", action: null, read };
      if (read) {
        return {
          label: read.submittedAt ? `Last submitted ${formatDay(read.submittedAt)}` : "Submitted",
          action: { label: "Start a new review", href: reviewHref },
          read,
        };
      }
      return { label: "Not started", action: { label: "Start review", href: reviewHref }, read: null };
  }
}
