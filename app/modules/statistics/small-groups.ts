/**
 * Small groups: the floor below which a group's figures are not shown, and which further figures
 * to hide so that a hidden one cannot be worked out from those shown beside it (product
 * principle 7; decision 018). Pure, for every report: calibration, mentorship, insights.
 */

/** The smallest group whose figures are shown; smaller groups are suppressed (people could be identified, and the figure is noise). */
export const SMALL_GROUP_FLOOR = 4;

/** Too few to show a figure for: fewer people than the floor (nobody included). */
export function belowFloor(n: number, floor: number = SMALL_GROUP_FLOOR): boolean {
  return n < floor;
}

/** One group of a report that splits a total (each person in at most one group). */
export type Cell<K> = {
  key: K;
  n: number;
  /** Never shown whatever its size: people with no group in this split (no team, say), still counted in the total. */
  hidden?: boolean;
};

/**
 * Which groups to hide when a report shows each group's figures (a mean, a rate, a difference
 * from the rest) beside the total's. A group below the floor is hidden, and so is one whose rest
 * (the total less the group) is below it, since the total and the group's figures give the rest's.
 * What is hidden can still be worked out as a whole (the total less every shown group): so while
 * the people hidden add up to fewer than the floor, the smallest shown group is hidden as well
 * (complementary suppression). Everything hidden together then is a group at least the floor's
 * size, and no hidden group's own figure follows from what is shown.
 *
 * `total` is the number of people behind the total (at least the sum of the cells); when the
 * total's figures are not shown, pass `null`: only the floor and the rest apply then.
 */
export function suppressedGroups<K>(cells: readonly Cell<K>[], total: number | null, floor: number = SMALL_GROUP_FLOOR): Set<K> {
  const everyone = total ?? cells.reduce((sum, cell) => sum + cell.n, 0);
  const hidden = new Set(cells.filter((cell) => cell.hidden || belowFloor(cell.n, floor) || (total !== null && belowFloor(everyone - cell.n, floor))).map((cell) => cell.key));
  if (total === null) return hidden;
  const shown = cells.filter((cell) => !hidden.has(cell.key)).sort((a, b) => a.n - b.n);
  // People in the total but in no cell at all are hidden too (counted, never shown).
  let hiddenN = everyone - shown.reduce((sum, cell) => sum + cell.n, 0);
  while (hiddenN > 0 && belowFloor(hiddenN, floor) && shown.length) {
    const next = shown.shift()!;
    hidden.add(next.key);
    hiddenN += next.n;
  }
  return hidden;
}
