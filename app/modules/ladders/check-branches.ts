import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { didYouMean } from "./suggest";

/**
 * A track's `branchesFrom` names a level of another track; following branches never comes back
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
  const parentOf = new Map<string, string>();
  const errors: LadderError[] = [];
  for (const track of parts.tracks) {
    const from = track.value.branchesFrom;
    if (from === undefined) continue;
    const level = levels.get(from);
    if (level === undefined) {
      if (parts.complete && !knownLevels.has(from)) {
        errors.push(errorIn(track, ["branchesFrom"], `unknown level "${from}"${didYouMean(from, [...levels.keys()])}; name the level of another track after which this track splits off`));
      }
      continue;
    }
    if (level.trackId === track.value.id) {
      errors.push(errorIn(track, ["branchesFrom"], `"${from}" is a level of this track; a track branches from a level of another track`));
      continue;
    }
    parentOf.set(track.value.id, level.trackId);
  }
  for (const track of parts.tracks) {
    const seen = [track.value.id];
    for (let parent = parentOf.get(track.value.id); parent !== undefined; parent = parentOf.get(parent)) {
      if (parent === track.value.id) {
        errors.push(errorIn(track, ["branchesFrom"], `branches go round in a circle (${[...seen, parent].join(" → ")}); one track must start at the bottom of the ladder`));
        break;
      }
      if (seen.includes(parent)) break; // a circle further up, reported on its own tracks
      seen.push(parent);
    }
  }
  return [...errors, ...checkBranchesAgainstEquivalence(parts, levels)];
}

function checkBranchesAgainstEquivalence(parts: LadderParts, levels: ReadonlyMap<string, { trackId: string; rank: number }>): LadderError[] {
  const equivalence = parts.equivalence;
  if (equivalence === undefined) return [];
  const errors: LadderError[] = [];
  for (const track of parts.tracks) {
    const from = track.value.branchesFrom;
    const branchPoint = from === undefined ? undefined : levels.get(from);
    if (branchPoint === undefined || branchPoint.trackId === track.value.id) continue;
    const ownLevels = new Set(track.value.levels.map((level) => level.id));
    equivalence.value.forEach((row, rowIndex) => {
      const own = Object.values(row).find((levelId) => ownLevels.has(levelId));
      const beside = row[branchPoint.trackId];
      const besideLevel = beside === undefined ? undefined : levels.get(beside);
      if (own === undefined || besideLevel === undefined || besideLevel.trackId !== branchPoint.trackId) return;
      if (besideLevel.rank <= branchPoint.rank) {
        errors.push(
          errorIn(
            equivalence,
            [rowIndex, track.value.id],
            `"${own}" sits beside "${beside}" here, but track "${track.value.id}" branches from "${from}": its levels come after "${from}", so they sit beside more senior levels than it`,
          ),
        );
      }
    });
  }
  return errors;
}
