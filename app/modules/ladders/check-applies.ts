import type { LadderError } from "./ladder-errors";
import { errorIn, knownIds, type LadderParts } from "./merge";
import { appliesAt, usesCompetency } from "./applies";
import { didYouMeanLevel, levelCandidates } from "./suggest-level";

/**
 * Interview questions are asked at levels where their competency applies: a question for a
 * level it starts after (or stopped before), or in a track that does not use it, is never asked.
 * A warning, not an error: such a question does no harm, and ladders that validated before this
 * check came in have them.
 */
export function warnQuestionLevels(parts: LadderParts): LadderError[] {
  const errors: LadderError[] = [];
  const levels = new Map<string, { track: LadderParts["tracks"][number]["value"]; rank: number }>();
  for (const track of parts.tracks) track.value.levels.forEach((level, rank) => levels.has(level.id) || levels.set(level.id, { track: track.value, rank }));
  for (const competency of parts.competencies) {
    competency.value.interview?.questions.forEach((question, questionIndex) => {
      question.levels?.forEach((levelId, index) => {
        const level = levels.get(levelId);
        if (level && !appliesAt(competency.value, level.track, level.rank)) {
          errors.push(errorIn(competency, ["interview", "questions", questionIndex, "levels", index], `the competency does not apply at level "${levelId}" (track "${level.track.id}"), so this question would never be asked there; remove "${levelId}" from the question's levels`));
        }
      });
    });
  }
  return errors;
}

/**
 * Competencies whose `applies` names a level that is not a level of a track using them (a
 * misspelt level, or `tracks` or `applies` in the wrong place): where they apply is unknown
 * until that is fixed (checkApplies reports it, once), so checks that depend on it (which
 * levels give expectations for them, set targets for them) keep quiet about them rather than
 * repeat the one mistake at every level, or advise removing what is right.
 */
export function competenciesWithUnknownBounds(parts: LadderParts): Set<string> {
  const levelTrack = new Map<string, string>();
  for (const track of parts.tracks) for (const level of track.value.levels) if (!levelTrack.has(level.id)) levelTrack.set(level.id, track.value.id);
  const unsure = new Set<string>();
  for (const { value } of parts.competencies) {
    const bounds = [...(value.applies?.from ?? []), ...(value.applies?.upTo ?? [])];
    if (bounds.some((levelId) => !levelTrack.has(levelId) || !usesCompetency(value, levelTrack.get(levelId)!))) unsure.add(value.id);
  }
  return unsure;
}

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
          if (parts.complete && !knownLevels.has(levelId)) errors.push(errorIn(competency, path, `unknown level "${levelId}"${didYouMeanLevel(levelId, levelCandidates(parts))}; until it names a level, the competency's expectations are not checked against \`applies\``));
          return;
        }
        if (!usesCompetency(competency.value, level.trackId)) {
          errors.push(
            errorIn(competency, path, `level "${levelId}" is in track "${level.trackId}", which does not use this competency (its tracks: ${competency.value.tracks?.join(", ")}); until it is fixed, the levels' expectations for it are not checked`),
          );
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
