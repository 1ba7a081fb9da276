import { check } from "./check-messages";
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
  for (const track of parts.tracks)
    track.value.levels.forEach(
      (level, rank) => levels.has(level.id) || levels.set(level.id, { track: track.value, rank }),
    );
  for (const competency of parts.competencies) {
    competency.value.interview?.questions.forEach((question, questionIndex) => {
      question.levels?.forEach((levelId, index) => {
        const level = levels.get(levelId);
        if (level && !appliesAt(competency.value, level.track, level.rank)) {
          errors.push(
            errorIn(
              competency,
              ["interview", "questions", questionIndex, "levels", index],
              check("applies.questionNeverAsked", { level: levelId, track: level.track.id }),
            ),
          );
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
  for (const track of parts.tracks)
    for (const level of track.value.levels)
      if (!levelTrack.has(level.id)) levelTrack.set(level.id, track.value.id);
  const unsure = new Set<string>();
  for (const { value } of parts.competencies) {
    const bounds = [...(value.applies?.from ?? []), ...(value.applies?.upTo ?? [])];
    if (
      bounds.some(
        (levelId) => !levelTrack.has(levelId) || !usesCompetency(value, levelTrack.get(levelId)!),
      )
    )
      unsure.add(value.id);
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
    const chosen = {
      from: new Map<string, { id: string; rank: number }>(),
      upTo: new Map<string, { id: string; rank: number }>(),
    };
    for (const key of ["from", "upTo"] as const) {
      applies[key]?.forEach((levelId, index) => {
        // A lone id and a list of one both point at the value written.
        const path = ["applies", key, ...((applies[key]?.length ?? 0) > 1 ? [index] : [])];
        const level = levelTrack.get(levelId);
        if (level === undefined) {
          if (parts.complete && !knownLevels.has(levelId))
            errors.push(
              errorIn(
                competency,
                path,
                check("applies.unknownLevel", {
                  id: levelId,
                  hint: didYouMeanLevel(levelId, levelCandidates(parts)),
                }),
              ),
            );
          return;
        }
        if (!usesCompetency(competency.value, level.trackId)) {
          errors.push(
            errorIn(
              competency,
              path,
              check("applies.otherTrack", {
                level: levelId,
                track: level.trackId,
                tracks: competency.value.tracks?.join(", ") ?? "",
              }),
            ),
          );
          return;
        }
        const earlier = chosen[key].get(level.trackId);
        if (earlier) {
          errors.push(
            errorIn(
              competency,
              path,
              check("applies.twoLevels", {
                bound: key,
                track: level.trackId,
                first: earlier.id,
                second: levelId,
              }),
            ),
          );
          return;
        }
        chosen[key].set(level.trackId, { id: levelId, rank: level.rank });
      });
    }
    for (const [trackId, from] of chosen.from) {
      const upTo = chosen.upTo.get(trackId);
      if (upTo && upTo.rank < from.rank) {
        errors.push(
          errorIn(
            competency,
            ["applies"],
            check("applies.nothingLeft", { track: trackId, from: from.id, upTo: upTo.id }),
          ),
        );
      }
    }
  }
  return errors;
}
