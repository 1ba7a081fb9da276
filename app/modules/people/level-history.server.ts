import { chunksOf } from "~/db/chunks";
import type { Prisma } from "~/db/client.server";
import * as clock from "~/platform/clock.server";
import { LEFT_SOURCE, RETURNED_SOURCE } from "./presence";

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

/**
 * The sources of the two rows a reactivation writes at the person's place (from it to itself): their
 * leaving, dated at the deactivation it ends, and their return, which begins a new stay. Kept in the
 * pure presence.ts, which reads them back as the person's spans of presence.
 */
export { LEFT_SOURCE, RETURNED_SOURCE };

/** The rows that begin a stay: moves of track or level, and returns (the others record a level since or a leaving). */
export const MOVES = {
  source: { notIn: [LEVEL_SINCE_SOURCE, LEFT_SOURCE] },
} satisfies Prisma.LevelChangeWhereInput;

export type Place = { track: string | null; level: string | null };

/** `fromSince`: the person's level since before the write (null when unknown); `toSince`: after it, when the writer changes it. */
export type LevelMove = {
  personId: string;
  from: Place;
  to: Place;
  fromSince: Date | null;
  toSince?: Date | null;
};

const dayOf = (date: Date | null | undefined) => date?.toISOString().slice(0, 10) ?? null;

/** Records the moves that change a track or level, and the writes that change only a level since; others are left out. All at `at`. */
export async function recordLevelChanges(
  tx: Pick<Prisma.TransactionClient, "levelChange">,
  source: LevelChangeSource,
  moves: readonly LevelMove[],
  at: Date = clock.now(),
): Promise<void> {
  const moved = (move: LevelMove) =>
    move.from.track !== move.to.track || move.from.level !== move.to.level;
  const changed = moves.filter(
    (move) =>
      moved(move) || (move.toSince !== undefined && dayOf(move.toSince) !== dayOf(move.fromSince)),
  );
  if (!changed.length) return;
  for (const chunk of chunksOf(changed))
    await tx.levelChange.createMany({
      data: chunk.map((move) => ({
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

/**
 * A return, in the reactivation's transaction: the stay that ended at the deactivation stays ended,
 * and a new one begins now, dated when Rungs learned of it, so figures already read over the first
 * stay do not move (decision 075). The leaving row is written now too, since the deactivation itself
 * is erased; it keeps the level since of the stay it ended, which the return clears.
 */
export async function recordReturn(
  tx: Pick<Prisma.TransactionClient, "levelChange">,
  person: {
    id: string;
    track: string | null;
    level: string | null;
    levelSince: Date | null;
    deactivatedAt: Date;
  },
  at: Date = clock.now(),
): Promise<void> {
  const place = {
    personId: person.id,
    fromTrackId: person.track,
    fromLevelId: person.level,
    toTrackId: person.track,
    toLevelId: person.level,
    fromSince: person.levelSince,
  };
  await tx.levelChange.createMany({
    data: [
      { ...place, source: LEFT_SOURCE, changedAt: person.deactivatedAt },
      { ...place, source: RETURNED_SOURCE, changedAt: at },
    ],
  });
}
