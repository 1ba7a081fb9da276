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
