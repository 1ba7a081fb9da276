/**
 * The organisation's floor: the smallest number of people whose figures are shown. Smaller groups are
 * suppressed (people could be identified, and the figure is noise). One floor for the whole
 * organisation and every report over it; a calibration session may raise it for its people, and
 * every report over them then keeps the higher one. It counts people, never rows: one person's four
 * stays, goals or cycles are one person. Which figures a report releases is the disclosure check's
 * to say (check.ts, decision 060); working pages that list each person's values by name use the
 * floor as a floor of evidence (belowFloor). Pure.
 */

/** The smallest group of people whose figures are shown; smaller groups are suppressed. */
export const SMALL_GROUP_FLOOR = 4;

/** Too few to show a figure for: fewer people than the floor (nobody included). */
export function belowFloor(people: number, floor: number = SMALL_GROUP_FLOOR): boolean {
  return people < floor;
}

/**
 * Each person's floor, with `key`, which names every raised floor (a kept view that applies the
 * floors is keyed by it, so a session that raises a floor is applied to every report at once), and
 * `raised`, the raised floors themselves, as a thread is handed them (platform/off-loop.server.ts).
 */
export type PersonFloors = ((personId: string) => number) & {
  readonly key: string;
  readonly raised: readonly (readonly [string, number])[];
};

/** The floors from the raised ones: the organisation's for everyone else. */
export function floorsFrom(raised: Iterable<readonly [string, number]>): PersonFloors {
  const floors = new Map(raised);
  const entries = [...floors].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.assign((personId: string) => floors.get(personId) ?? SMALL_GROUP_FLOOR, {
    key: entries.map(([personId, floor]) => `${personId}=${floor}`).join(","),
    raised: entries,
  });
}
