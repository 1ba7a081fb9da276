import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { usesCompetency } from "./applies";
import { didYouMean } from "./suggest";

/**
 * A competency's `applies` names real levels of tracks that use it, at most one per track
 * for `from` and for `upTo`, and never a `from` above the `upTo` of the same track.
 */
export function checkApplies(parts: LadderParts): LadderError[] {
  const knownLevels = knownIds(parts, "level");
  const levelTrack = new Map<string, { trackId: string; rank: number }>();
  for (const track of parts.tracks) {
    track.value.levels.forEach((level, rank) => {
      if (!levelTrack.has(level.id)) levelTrack.set(level.id, { trackId: track.value.id, rank });
    });
  }
  const errors: LadderError[] = [];
  for (const competency of parts.competencies) {
    const { applies } = competency.value;
    if (!applies) continue;
    const chosen = { from: new Map<string, { id: string; rank: number }>(), upTo: new Map<string, { id: string; rank: number }>() };
    for (const key of ["from", "upTo"] as const) {
      applies[key]?.forEach((levelId, index) => {
        // A lone id and a list of one both point at the value written.
        const path = ["applies", key, ...((applies[key]?.length ?? 0) > 1 ? [index] : [])];
        const level = levelTrack.get(levelId);
        if (level === undefined) {
          if (parts.complete && !knownLevels.has(levelId)) errors.push(errorIn(competency, path, `unknown level "${levelId}"${didYouMean(levelId, knownLevels)}`));
          return;
        }
        if (!usesCompetency(competency.value, level.trackId)) {
          errors.push(errorIn(competency, path, `level "${levelId}" is in track "${level.trackId}", which does not use this competency (its tracks: ${competency.value.tracks?.join(", ")})`));
          return;
        }
        const earlier = chosen[key].get(level.trackId);
        if (earlier) {
          errors.push(errorIn(competency, path, `two \`${key}\` levels for track "${level.trackId}" ("${earlier.id}" and "${levelId}"); name one level per track`));
          return;
        }
        chosen[key].set(level.trackId, { id: levelId, rank: level.rank });
      });
    }
    for (const [trackId, from] of chosen.from) {
      const upTo = chosen.upTo.get(trackId);
      if (upTo && upTo.rank < from.rank) {
        errors.push(errorIn(competency, ["applies"], `in track "${trackId}" the competency applies from "${from.id}" up to "${upTo.id}", which comes before it; no level would be left`));
      }
    }
  }
  return errors;
}
