import { getLevel } from "~/modules/ladders/lookups";
import type { Ladder, Level } from "~/modules/ladders/types";

/**
 * The levels a person may be nominated for from their level: a higher level of their track, or a
 * track change (IC to manager, say) to a level of another track in their equivalence band or above
 * it, or, on a ladder without bands, the levels of a track that branches off theirs. Pure.
 */
export function promotionTargets(ladder: Ladder, levelId: string | null): Level[] {
  const current = levelId === null ? undefined : getLevel(ladder, levelId);
  if (current === undefined) return [];
  return ladder.tracks.flatMap((track) =>
    track.levels.filter((level) => {
      if (level.trackId === current.trackId) return level.rank > current.rank;
      if (current.band !== null && level.band !== null) return level.band >= current.band;
      return track.branchesFrom?.trackId === current.trackId;
    }),
  );
}

/**
 * Whether a person is on a window's ladder with a level: their own ladder is the window's, or they
 * have none and their level is one of its levels (a one-ladder organisation).
 */
export function onWindowLadder(
  ladder: Ladder,
  windowLadderId: string,
  person: { ladderId: string | null; level: string | null },
): boolean {
  return (
    person.level !== null &&
    (person.ladderId === windowLadderId ||
      (person.ladderId === null && getLevel(ladder, person.level) !== undefined))
  );
}

/** The competencies of a target level, each with what it expects: the packet's criteria, in ladder order. */
export function criteriaOf(
  ladder: Ladder,
  levelId: string,
): { competencyId: string; name: string; expectations: string[] }[] {
  const level = getLevel(ladder, levelId);
  if (level === undefined) return [];
  const names = new Map(ladder.competencies.map((competency) => [competency.id, competency.name]));
  return level.competencyIds.map((competencyId) => ({
    competencyId,
    name: names.get(competencyId) ?? competencyId,
    expectations: (level.expectations[competencyId] ?? []).map((expectation) => expectation.text),
  }));
}
