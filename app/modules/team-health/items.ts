/**
 * The instrument: Edmondson's seven team psychological safety items (1999), rated 1 to 7, items 1,
 * 3 and 5 reverse-scored, and a short library of Project Aristotle items (dependability, structure
 * and clarity, meaning, impact). An item is a key: its words are the `teamHealth:items.<key>`
 * message in every language, never stored English. The organisation's own items (own-items.ts) are
 * asked beside them, never in the scale. Pure.
 */

export const SCALE_MIN = 1;
export const SCALE_MAX = 7;
export const SCALE_POINTS = Array.from(
  { length: SCALE_MAX - SCALE_MIN + 1 },
  (_, index) => SCALE_MIN + index,
);

/** Edmondson's scale, in its order; the scale's score is the mean of these items' means. */
export const EDMONDSON_ITEMS = [
  "mistakesHeldAgainst",
  "raiseProblems",
  "rejectDifferent",
  "safeToRisk",
  "hardToAskHelp",
  "noUndermining",
  "skillsValued",
] as const;

/** Worded negatively (items 1, 3 and 5): a 7 means the least safe, so 8 − answer is scored. */
export const REVERSED_ITEMS: ReadonlySet<string> = new Set([
  "mistakesHeldAgainst",
  "rejectDifferent",
  "hardToAskHelp",
]);

/** Project Aristotle's other dynamics, one item each, to add to a check-in. */
export const LIBRARY_ITEMS = ["dependability", "structureClarity", "meaning", "impact"] as const;

export type ItemKey = (typeof EDMONDSON_ITEMS)[number] | (typeof LIBRARY_ITEMS)[number];

export const ALL_ITEMS: readonly string[] = [...EDMONDSON_ITEMS, ...LIBRARY_ITEMS];

/** "Did the last action help?": asked of a team whose previous check-in chose one. */
export const HELPED = ["yes", "partly", "no"] as const;
export type Helped = (typeof HELPED)[number];

export function isItem(key: string): boolean {
  return ALL_ITEMS.includes(key);
}

/**
 * An answer as scored: reverse-scored items turned round, so that higher is always safer. An
 * organisation's own item says whether it is reverse-scored itself (own-items.ts).
 */
export function scored(item: string, answer: number, reversed = REVERSED_ITEMS.has(item)): number {
  return reversed ? SCALE_MAX + SCALE_MIN - answer : answer;
}
