import { chunksOf } from "~/db/chunks";
import type { Prisma } from "~/db/client.server";
import * as clock from "~/platform/clock.server";

/**
 * Each person's manager history: one row per change of manager, written by whoever changes it in the
 * same transaction as the change (an admin's edit, a CSV import, SCIM provisioning, a report waiting
 * for their manager to arrive by SCIM). A person's first manager dates from their createdAt, so
 * creating someone writes nothing here. Insights read from it who was in a manager's organisation
 * when: a move in or out is dated, not seen all at once on the next reading (decision 075).
 */

export type ManagerMove = { personId: string; from: string | null; to: string | null };

/** Records the moves that change a manager (others are left out), all at `at`. */
export async function recordManagerChanges(
  tx: Pick<Prisma.TransactionClient, "managerChange">,
  moves: readonly ManagerMove[],
  at: Date = clock.now(),
): Promise<void> {
  const changed = moves.filter((move) => move.from !== move.to);
  if (!changed.length) return;
  for (const chunk of chunksOf(changed))
    await tx.managerChange.createMany({
      data: chunk.map((move) => ({
        personId: move.personId,
        fromManagerId: move.from,
        toManagerId: move.to,
        changedAt: at,
      })),
    });
}
