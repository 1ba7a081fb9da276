/**
 * Which ladder people are on, counted for the pickers' default and for retiring a ladder. Only
 * what is needed of a ladder: its id and its levels.
 */
type LadderLevels = {
  meta: { id: string };
  tracks: readonly { levels: readonly { id: string }[] }[];
};
type Place = { ladderId: string | null; level: string | null };

/**
 * The ladder of a person's place: their own, or for people recorded before ladders were named,
 * the first ladder that has their level (as ladderForLevel reads it for their pages).
 */
export function ladderOfPlace(ladders: readonly LadderLevels[], place: Place): string | undefined {
  if (place.ladderId) return place.ladderId;
  if (!place.level) return undefined;
  return ladders.find((ladder) =>
    ladder.tracks.some((track) => track.levels.some((level) => level.id === place.level)),
  )?.meta.id;
}

/** The levels by which people without a ladder are found on this one: its own that no ladder before it has. */
export function levelsFoundOn(ladders: readonly LadderLevels[], ladderId: string): string[] {
  const index = ladders.findIndex((ladder) => ladder.meta.id === ladderId);
  if (index < 0) return [];
  const earlier = new Set(
    ladders
      .slice(0, index)
      .flatMap((ladder) => ladder.tracks.flatMap((track) => track.levels.map((level) => level.id))),
  );
  return ladders[index]!.tracks.flatMap((track) => track.levels.map((level) => level.id)).filter(
    (id) => !earlier.has(id),
  );
}

/** How many people are on each ladder, from a count per place. */
export function countPeopleByLadder(
  ladders: readonly LadderLevels[],
  places: readonly (Place & { people: number })[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const place of places) {
    const ladderId = ladderOfPlace(ladders, place);
    if (ladderId) counts.set(ladderId, (counts.get(ladderId) ?? 0) + place.people);
  }
  return counts;
}

/**
 * The ladder a picker starts on: the offered one most people are on. A tie goes to the one
 * offered first (folders in name order), and so does a company with nobody on any ladder yet.
 */
export function defaultLadderId(
  offered: readonly string[],
  people: ReadonlyMap<string, number>,
): string | undefined {
  let best: string | undefined;
  for (const id of offered)
    if (best === undefined || (people.get(id) ?? 0) > (people.get(best) ?? 0)) best = id;
  return best;
}

const NAMED = 5;

/** Why a ladder people are on is not retired: how many, the first few by name and how many others; the page words it and says how to move them. */
export type PeopleStillOnLadder = {
  ladder: string;
  count: number;
  named: string[];
  others: number;
};

export function peopleStillOnLadder(
  ladderName: string,
  count: number,
  names: readonly string[],
): PeopleStillOnLadder {
  const named = names.slice(0, NAMED);
  return { ladder: ladderName, count, named, others: count - named.length };
}
