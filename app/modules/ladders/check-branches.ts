import { check, didYouMean } from "./check-messages";
import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { branchPoint } from "./branch-point";
import { didYouMeanLevel, levelCandidates } from "./suggest-level";

/**
 * A track's `branchesFrom` names a level of another track, never an id that is a track's too
 * without saying which (`{ track, level }`); following branches never comes back
 * to the same track; and where both sit in equivalence rows, the branch's first level sits above
 * the level it branches from (a branch climbs, it does not step down).
 */
export function checkBranches(parts: LadderParts): LadderError[] {
  const knownLevels = knownIds(parts, "level");
  const levels = new Map<string, { trackId: string; rank: number }>();
  for (const track of parts.tracks) {
    track.value.levels.forEach((level, rank) => {
      if (!levels.has(level.id)) levels.set(level.id, { trackId: track.value.id, rank });
    });
  }
  const knownTracks = knownIds(parts, "track");
  const levelsOfTrack = new Map(
    parts.tracks.map((track) => [track.value.id, track.value.levels.map((level) => level.id)]),
  );
  const parentOf = new Map<string, string>();
  const errors: LadderError[] = [];
  for (const track of parts.tracks) {
    const point = branchPoint(track.value.branchesFrom);
    if (point === undefined) continue;
    const from = point.level;
    const level = levels.get(from);
    if (point.track !== undefined) {
      const named = levelsOfTrack.get(point.track);
      if (named === undefined) {
        if (parts.complete && !knownTracks.has(point.track)) {
          errors.push(
            errorIn(
              track,
              ["branchesFrom", "track"],
              check("unknown.track", {
                id: point.track,
                hint: didYouMean(point.track, knownTracks),
              }),
            ),
          );
        }
        continue;
      }
      if (!named.includes(from)) {
        errors.push(
          errorIn(
            track,
            ["branchesFrom", "level"],
            check("branches.notLevelOfTrack", {
              level: from,
              track: point.track,
              levels: named.join(", "),
            }),
          ),
        );
        continue;
      }
    } else if (levelsOfTrack.has(from) && level !== undefined) {
      // Both readings are plausible; picking one silently would branch from the wrong place.
      errors.push(
        errorIn(
          track,
          ["branchesFrom"],
          check("branches.both", {
            id: from,
            track: level.trackId,
            levels: levelsOfTrack.get(from)!.join(", "),
          }),
        ),
      );
      continue;
    } else if (levelsOfTrack.has(from)) {
      errors.push(
        errorIn(
          track,
          ["branchesFrom"],
          check("branches.isTrack", { id: from, levels: levelsOfTrack.get(from)!.join(", ") }),
        ),
      );
      continue;
    }
    if (level === undefined) {
      if (parts.complete && !knownLevels.has(from)) {
        errors.push(
          errorIn(
            track,
            ["branchesFrom"],
            check("branches.unknownLevel", {
              id: from,
              hint: didYouMeanLevel(from, levelCandidates(parts)),
            }),
          ),
        );
      }
      continue;
    }
    if (level.trackId === track.value.id) {
      errors.push(errorIn(track, ["branchesFrom"], check("branches.ownLevel", { id: from })));
      continue;
    }
    parentOf.set(track.value.id, level.trackId);
  }
  for (const track of parts.tracks) {
    const seen = [track.value.id];
    for (
      let parent = parentOf.get(track.value.id);
      parent !== undefined;
      parent = parentOf.get(parent)
    ) {
      if (parent === track.value.id) {
        errors.push(
          errorIn(
            track,
            ["branchesFrom"],
            check("branches.circle", { circle: [...seen, parent].join(" → ") }),
          ),
        );
        break;
      }
      if (seen.includes(parent)) break; // a circle further up, reported on its own tracks
      seen.push(parent);
    }
  }
  return [...errors, ...checkBranchesAgainstEquivalence(parts, levels)];
}

function checkBranchesAgainstEquivalence(
  parts: LadderParts,
  levels: ReadonlyMap<string, { trackId: string; rank: number }>,
): LadderError[] {
  const equivalence = parts.equivalence;
  if (equivalence === undefined) return [];
  const errors: LadderError[] = [];
  for (const track of parts.tracks) {
    const named = branchPoint(track.value.branchesFrom);
    const from = named?.level;
    const point = from === undefined ? undefined : levels.get(from);
    // A branch point that names the wrong track, or is ambiguous, is reported on its own.
    if (
      point === undefined ||
      point.trackId === track.value.id ||
      (named?.track ?? point.trackId) !== point.trackId
    )
      continue;
    if (named?.track === undefined && parts.tracks.some((other) => other.value.id === from))
      continue;
    const ownLevels = new Set(track.value.levels.map((level) => level.id));
    equivalence.value.forEach((row, rowIndex) => {
      const own = Object.values(row).find((levelId) => ownLevels.has(levelId));
      const beside = row[point.trackId];
      const besideLevel = beside === undefined ? undefined : levels.get(beside);
      if (own === undefined || besideLevel === undefined || besideLevel.trackId !== point.trackId)
        return;
      if (besideLevel.rank <= point.rank) {
        errors.push(
          errorIn(
            equivalence,
            [rowIndex, track.value.id],
            check("equivalence.beside", {
              own,
              beside: beside!,
              track: track.value.id,
              from: from!,
            }),
          ),
        );
      }
    });
  }
  return errors;
}
