/**
 * Levels as mentorship compares them: each level's equivalence band (the ladder's
 * `equivalence`, so a Staff Engineer and a Senior Manager compare through the band they share)
 * and the level a mentee is working towards. Pure, from a loaded ladder.
 */
import { getLevel, nextLevel, previousLevel, type Ladder, type Level } from "~/modules/ladders";

/**
 * The level's band for matching. A level in a band has that band's index. A level in no band
 * (the junior levels below the first band, say) counts from the nearest banded level of its
 * path: one band lower per level below it (or higher per level above it), so Engineer I, two
 * levels below the first band's Engineer III, is band −2. Null when the ladder does not know the
 * level or its path reaches no band at all.
 */
export function effectiveBand(ladder: Ladder, levelId: string): number | null {
  const level = getLevel(ladder, levelId);
  if (!level) return null;
  if (level.band !== null) return level.band;
  let steps = 0;
  for (let above = nextLevel(ladder, level.id); above; above = nextLevel(ladder, above.id)) {
    steps++;
    if (above.band !== null) return above.band - steps;
  }
  steps = 0;
  for (
    let below = previousLevel(ladder, level.id);
    below;
    below = previousLevel(ladder, below.id)
  ) {
    steps++;
    if (below.band !== null) return below.band + steps;
  }
  return null;
}

export type MenteeTarget = { level: Level; from: "growth-plan" | "next-level" | "own-level" };

/**
 * The level a mentee is working towards: the one their growth plan names when it is a level of
 * this ladder, else the next level of their track, else (at the top of a track) their own.
 * Undefined when the ladder does not know their level.
 */
export function menteeTarget(
  ladder: Ladder,
  levelId: string | null,
  growthPlanTarget: string | null,
): MenteeTarget | undefined {
  const planned = growthPlanTarget ? getLevel(ladder, growthPlanTarget) : undefined;
  if (planned) return { level: planned, from: "growth-plan" };
  const own = levelId ? getLevel(ladder, levelId) : undefined;
  if (!own) return undefined;
  const next = nextLevel(ladder, own.id);
  return next ? { level: next, from: "next-level" } : { level: own, from: "own-level" };
}

/** Is the person on this ladder with a level of it: the ladder they belong to, or (when none is recorded) the one that has their level. */
export function placedOnLadder(
  ladder: Ladder,
  person: { ladderId: string | null; level: string | null },
): boolean {
  if (!person.level || !getLevel(ladder, person.level)) return false;
  return person.ladderId === null || person.ladderId === ladder.meta.id;
}
