import type { TrackData } from "./schema";

/** A track's `branchesFrom` read the same in either form: the level, and the track when the ladder names it. */
export function branchPoint(
  branchesFrom: TrackData["branchesFrom"],
): { level: string; track?: string } | undefined {
  if (branchesFrom === undefined) return undefined;
  return typeof branchesFrom === "string"
    ? { level: branchesFrom }
    : { level: branchesFrom.level, track: branchesFrom.track };
}
