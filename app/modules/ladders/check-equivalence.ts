import { check, didYouMean } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { didYouMeanLevel, levelCandidates } from "./suggest-level";

/**
 * Equivalence rows are bands of comparable seniority across tracks: each names real levels of
 * the right track, each level sits in one band, and bands climb each track's levels in order.
 */
export function checkEquivalence(parts: LadderParts): LadderError[] {
  const equivalence = parts.equivalence;
  if (equivalence === undefined) return [];
  const knownTracks = knownIds(parts, "track");
  const knownLevels = knownIds(parts, "level");
  const tracks = new Map(parts.tracks.map((track) => [track.value.id, track.value]));
  const levels = new Map<string, { trackId: string; rank: number }>();
  for (const track of parts.tracks) {
    track.value.levels.forEach((level, rank) => {
      // A duplicate level id is reported on its own; here the first definition wins.
      if (!levels.has(level.id)) levels.set(level.id, { trackId: track.value.id, rank });
    });
  }
  const rowOfLevel = new Map<string, number>();
  const lastInTrack = new Map<string, { levelId: string; rank: number; row: number }>();
  const errors: LadderError[] = [];

  equivalence.value.forEach((row, rowIndex) => {
    for (const [trackId, levelId] of Object.entries(row)) {
      const track = tracks.get(trackId);
      if (track === undefined) {
        if (parts.complete && !knownTracks.has(trackId)) {
          errors.push(
            errorIn(
              equivalence,
              [rowIndex],
              check("unknown.track", { id: trackId, hint: didYouMean(trackId, knownTracks) }),
              trackId,
            ),
          );
        }
        continue;
      }
      const level = levels.get(levelId);
      if (level === undefined) {
        if (parts.complete && !knownLevels.has(levelId)) {
          const candidates = levelCandidates(parts).filter(
            (candidate) => candidate.trackId === trackId,
          );
          errors.push(
            errorIn(
              equivalence,
              [rowIndex, trackId],
              check("unknown.levelInTrack", {
                id: levelId,
                track: trackId,
                hint: didYouMeanLevel(levelId, candidates),
              }),
            ),
          );
        }
        continue;
      }
      if (level.trackId !== trackId) {
        errors.push(
          errorIn(
            equivalence,
            [rowIndex, trackId],
            check("equivalence.wrongTrack", {
              level: levelId,
              track: level.trackId,
              named: trackId,
            }),
          ),
        );
        continue;
      }
      const earlierRow = rowOfLevel.get(levelId);
      if (earlierRow !== undefined) {
        errors.push(
          errorIn(
            equivalence,
            [rowIndex, trackId],
            check("equivalence.twice", { level: levelId, row: earlierRow }),
          ),
        );
        continue;
      }
      rowOfLevel.set(levelId, rowIndex);
      const last = lastInTrack.get(trackId);
      if (last !== undefined && level.rank <= last.rank) {
        errors.push(
          errorIn(
            equivalence,
            [rowIndex, trackId],
            check("equivalence.order", { level: levelId, previous: last.levelId, row: last.row }),
          ),
        );
      }
      lastInTrack.set(trackId, { levelId, rank: level.rank, row: rowIndex });
    }
  });
  return errors;
}
