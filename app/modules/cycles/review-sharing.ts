import { z } from "zod";
import { Day, dateToDay, dayToDate } from "~/modules/days";

/**
 * When a cycle lets each person read their manager's review (ratings and summary), once both have
 * submitted: an admin's choice per cycle. The rule that applies it is assessments/policy.ts's
 * managerReviewShared. Pure.
 */
export const REVIEW_SHARING = ["when-both-submitted", "on-date", "after-release"] as const;
export type ReviewSharing = (typeof REVIEW_SHARING)[number];

/** The cycle forms' two fields; the day is asked for (and read) only when reviews are shared on a date. */
export const reviewSharingFields = {
  // A submission that leaves the choice out (a script, an older page) keeps today's behaviour.
  reviewsShared: z
    .enum(REVIEW_SHARING, { error: "cycles:reviewSharing.errors.choose" })
    .default("when-both-submitted"),
  reviewsSharedOn: z.string().max(100).optional(),
};

/** The checks across the two fields, for any form that holds them. */
export function checkReviewSharing(
  value: { reviewsShared: ReviewSharing; reviewsSharedOn?: string },
  context: z.RefinementCtx,
): void {
  if (value.reviewsShared !== "on-date") return;
  if (!value.reviewsSharedOn) {
    context.addIssue({
      code: "custom",
      path: ["reviewsSharedOn"],
      message: "cycles:reviewSharing.errors.dayRequired",
    });
    return;
  }
  const day = Day.safeParse(value.reviewsSharedOn);
  if (!day.success)
    context.addIssue({
      code: "custom",
      path: ["reviewsSharedOn"],
      message: day.error.issues[0]?.message ?? "That date does not exist.",
    });
}

export const ReviewSharingSchema = z.object(reviewSharingFields).superRefine(checkReviewSharing);

export type ReviewSharingInput = z.output<typeof ReviewSharingSchema>;

/** What the cycle row stores for a checked choice: a day only with "on-date". */
export function reviewSharingColumns(input: ReviewSharingInput): {
  reviewsShared: ReviewSharing;
  reviewsSharedOn: Date | null;
} {
  return {
    reviewsShared: input.reviewsShared,
    reviewsSharedOn:
      input.reviewsShared === "on-date" && input.reviewsSharedOn
        ? dayToDate(input.reviewsSharedOn)
        : null,
  };
}

/**
 * When a person's own review, in and submitted but held back, reaches them: the moment their growth
 * page words in their language, and its day when the cycle named one.
 */
export function sharingMoment(
  reviewsShared: string,
  reviewsSharedOn: Date | null,
): { moment: "onDate" | "afterRelease" | "whenShared"; day: Date | null } {
  if (reviewsShared === "on-date" && reviewsSharedOn)
    return { moment: "onDate", day: reviewsSharedOn };
  if (reviewsShared === "after-release") return { moment: "afterRelease", day: null };
  return { moment: "whenShared", day: null };
}

/** A cycle row's choice as the form's values. */
export function reviewSharingValues(
  reviewsShared: string,
  reviewsSharedOn: Date | null,
): { reviewsShared: ReviewSharing; reviewsSharedOn: string } {
  const known = REVIEW_SHARING.find((value) => value === reviewsShared) ?? "when-both-submitted";
  return {
    reviewsShared: known,
    reviewsSharedOn: reviewsSharedOn ? dateToDay(reviewsSharedOn) : "",
  };
}
