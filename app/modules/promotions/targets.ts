import { getLevel } from "~/modules/ladders/lookups";
import type { Ladder, Level } from "~/modules/ladders/types";

/**
 * The levels a person may be nominated for from their level: one step up, never a leap (an
 * Engineer II is not offered every level up to VP). On their own track, the next level; a track
 * change (IC to manager, say), to a level of another track in their equivalence band or the next
 * one; without a band, the first level of a track that branches off at their level. Pure.
 */
export function promotionTargets(ladder: Ladder, levelId: string | null): Level[] {
  const current = levelId === null ? undefined : getLevel(ladder, levelId);
  if (current === undefined) return [];
  return ladder.tracks.flatMap((track) => {
    const byRank = [...track.levels].sort((a, b) => a.rank - b.rank);
    if (track.id === current.trackId)
      return byRank.filter((level) => level.rank > current.rank).slice(0, 1);
    if (current.band !== null)
      return byRank.filter(
        (level) =>
          level.band !== null && level.band >= current.band! && level.band <= current.band! + 1,
      );
    const branch = track.branchesFrom;
    return branch?.trackId === current.trackId && branch.levelId === current.id
      ? byRank.slice(0, 1)
      : [];
  });
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

/**
 * The criterion a packet's author writes now, one at a time: the one asked for when it is a
 * criterion, else the first without the author's own case; none once each has one (then every
 * case reads as written, each opened again on request). Pure.
 */
export function criterionToWrite(
  criteria: readonly { competencyId: string; ownCase: string }[],
  asked: string | null,
): string | null {
  if (asked !== null && criteria.some((criterion) => criterion.competencyId === asked))
    return asked;
  return criteria.find((criterion) => criterion.ownCase.trim() === "")?.competencyId ?? null;
}
