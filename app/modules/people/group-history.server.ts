import { chunksOf } from "~/db/chunks";
import type { Prisma } from "~/db/client.server";
import * as clock from "~/platform/clock.server";

/**
 * Each person's team and attribute history: one row per change of team or of one imported
 * attribute, written by whoever changes it in the same transaction as the change (an admin's edit,
 * a CSV import, SCIM provisioning, a SCIM group that is a team). A person's first team and
 * attributes date from their createdAt, so creating someone writes nothing here. The audits read
 * from it which group a person was in when: a move is dated, not a silent regrouping of figures
 * already read (decision 092).
 */

/** A team is its id (null: none); an attribute is its value (null: none). */
export type GroupMove = { personId: string; from: string | null; to: string | null } & (
  { kind: "team" } | { kind: "attribute"; attribute: string }
);

/** Records the moves that change a team or an attribute (others are left out), all at `at`. */
export async function recordGroupChanges(
  tx: Pick<Prisma.TransactionClient, "groupChange">,
  moves: readonly GroupMove[],
  at: Date = clock.now(),
): Promise<void> {
  const changed = moves.filter((move) => move.from !== move.to);
  if (!changed.length) return;
  for (const chunk of chunksOf(changed))
    await tx.groupChange.createMany({
      data: chunk.map((move) => ({
        personId: move.personId,
        kind: move.kind,
        attribute: move.kind === "attribute" ? move.attribute : null,
        fromValue: move.from,
        toValue: move.to,
        changedAt: at,
      })),
    });
}

/** One move per attribute whose value differs between two sets of a person's attributes (a missing one is none). */
export function attributeMoves(
  personId: string,
  before: Readonly<Record<string, string | null>>,
  after: Readonly<Record<string, string | null>>,
): GroupMove[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.map((attribute) => ({
    personId,
    kind: "attribute",
    attribute,
    from: before[attribute] ?? null,
    to: after[attribute] ?? null,
  }));
}
