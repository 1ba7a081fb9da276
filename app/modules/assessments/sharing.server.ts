import { z } from "zod";
import { db } from "~/db/client.server";
import { cyclesWithOutcomeReleased } from "~/modules/calibration/queries.server";
import { REVIEW_SHARING } from "~/modules/cycles/review-sharing";
import { sharedWhenBothSubmitted, type ReviewSharingFacts } from "./policy";

export type CycleSharing = { id: string; reviewsShared: string; reviewsSharedOn: Date | null };

// A value the cycle form could not have written is refused rather than read as a choice to share.
const Sharing = z.enum(REVIEW_SHARING);

/**
 * The facts managerReviewShared (policy.ts) needs for the subject's manager reviews in these cycles,
 * by cycle: each cycle's choice, and (only for cycles that wait for it) whether the subject's
 * outcome there has been released to them, in one statement. Outside a cycle, reviews are shared
 * once both are in.
 */
export async function sharingFactsOf(
  subjectId: string,
  cycles: readonly CycleSharing[],
  now: Date,
): Promise<(cycleId: string | null) => ReviewSharingFacts> {
  const waiting = [
    ...new Set(
      cycles.filter((cycle) => cycle.reviewsShared === "after-release").map((cycle) => cycle.id),
    ),
  ];
  const released = await cyclesWithOutcomeReleased(subjectId, waiting);
  const byCycle = new Map(
    cycles.map(
      (cycle) =>
        [
          cycle.id,
          {
            reviewsShared: Sharing.parse(cycle.reviewsShared),
            sharedOn: cycle.reviewsSharedOn,
            outcomeReleased: released.has(cycle.id),
            now,
          },
        ] as const,
    ),
  );
  return (cycleId) =>
    (cycleId === null ? undefined : byCycle.get(cycleId)) ?? sharedWhenBothSubmitted(now);
}

/** sharingFactsOf, reading the cycles' choices first. */
export async function reviewSharingFacts(
  subjectId: string,
  cycleIds: readonly (string | null)[],
  now: Date,
): Promise<(cycleId: string | null) => ReviewSharingFacts> {
  const ids = [...new Set(cycleIds.filter((id): id is string => id !== null))];
  const cycles = ids.length
    ? await db.reviewCycle.findMany({
        where: { id: { in: ids } },
        select: { id: true, reviewsShared: true, reviewsSharedOn: true },
      })
    : [];
  return sharingFactsOf(subjectId, cycles, now);
}
