import type { Prisma } from "~/db/client.server";
import * as clock from "~/platform/clock.server";

/**
 * Each person's level history: one row per change of track or level, written by whoever
 * changes it in the same transaction as the change (an admin's edit, a CSV import, SCIM
 * provisioning, a promotion applied after calibration). A person's first level dates from
 * their createdAt, so creating someone writes nothing here. Insights read time in level from it.
 * Each change keeps the person's level since from before it (`fromSince`): when the stay it ends
 * began, where that was before Rungs saw it; the writer decides the new one (levelSinceAfter).
 */

export type LevelChangeSource = "edited" | "imported" | "provisioned" | "promoted";

/** The source of a row that records only a new level since. */
export const LEVEL_SINCE_SOURCE = "level-since";

/** The rows that are moves of track or level (the others record a level since). */
export const MOVES = { source: { not: LEVEL_SINCE_SOURCE } } satisfies Prisma.LevelChangeWhereInput;

export type Place = { track: string | null; level: string | null };

/** `fromSince`: the person's level since before the write (null when unknown); `toSince`: after it, when the writer changes it. */
export type LevelMove = { personId: string; from: Place; to: Place; fromSince: Date | null; toSince?: Date | null };

const dayOf = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;

/** Records the moves that change a track or level, and the writes that change only a level since; others are left out. All at `at`. */
export async function recordLevelChanges(
  tx: Pick<Prisma.TransactionClient, "levelChange">,
  source: LevelChangeSource,
  moves: readonly LevelMove[],
  at: Date = clock.now(),
): Promise<void> {
  const moved = (move: LevelMove) => move.from.track !== move.to.track || move.from.level !== move.to.level;
  const changed = moves.filter((move) => moved(move) || (move.toSince !== undefined && dayOf(move.toSince) !== dayOf(move.fromSince)));
  if (!changed.length) return;
  await tx.levelChange.createMany({
    data: changed.map((move) => ({
      personId: move.personId,
      fromTrackId: move.from.track,
      fromLevelId: move.from.level,
      toTrackId: move.to.track,
      toLevelId: move.to.level,
      source: moved(move) ? source : LEVEL_SINCE_SOURCE,
      changedAt: at,
      fromSince: move.fromSince,
    })),
  });
}
