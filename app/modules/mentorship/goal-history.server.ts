import type { Prisma } from "~/db/client.server";

/**
 * Each mentee's goals in a programme as they changed: opting in, a change of goals, withdrawing. One
 * row per change, written in the same transaction as the opt-in it changes, so insights can read who
 * was a mentee with which goals when (mentoring, decision 075) instead of reading today's as always.
 */

/** `from` and `to`: the goals as stored (a JSON list of competency ids), null when not a mentee. */
export type GoalMove = {
  programmeId: string;
  personId: string;
  from: string | null;
  to: string | null;
};

/** Records a change of a mentee's goals (none when nothing changed) at `at`. */
export async function recordGoalChange(
  tx: Pick<Prisma.TransactionClient, "menteeGoalChange">,
  move: GoalMove,
  at: Date,
): Promise<void> {
  if (move.from === move.to) return;
  await tx.menteeGoalChange.create({
    data: {
      programmeId: move.programmeId,
      personId: move.personId,
      fromGoals: move.from,
      toGoals: move.to,
      changedAt: at,
    },
  });
}
