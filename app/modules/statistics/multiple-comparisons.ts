/**
 * Many comparisons at once. A report that sets each group against the rest makes dozens of
 * comparisons, and at 5% each some intervals exclude zero by chance: with 60 people in four
 * dimensions and no differences at all, most sessions showed at least one. So a report marks a
 * difference only when it holds up among all the comparisons it shows, and says how many those
 * were (decision 018). Pure.
 */

/** The share of marked differences that may be chance, on average (the false discovery rate). */
export const FALSE_DISCOVERY_RATE = 0.05;

/** Benjamini–Hochberg adjusted p-values, in the order given (R's `p.adjust(p, "BH")`). */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => b.p - a.p);
  const adjusted = new Array<number>(m);
  let smallest = 1;
  for (const [rank, { p, index }] of order.entries()) {
    smallest = Math.min(smallest, (p * m) / (m - rank));
    adjusted[index] = smallest;
  }
  return adjusted;
}

/**
 * Holm's step-down adjusted p-values, in the order given (R's `p.adjust(p, "holm")`): the k-th
 * smallest times m − k + 1, never below the one before, at most 1. Marking those below a rate keeps
 * the chance of any false mark at most that rate (the family-wise error rate), whatever the
 * comparisons' dependence; stricter than Benjamini–Hochberg, for marks that call for action.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let largest = 0;
  for (const [rank, { p, index }] of order.entries()) {
    largest = Math.max(largest, Math.min(1, p * (m - rank)));
    adjusted[index] = largest;
  }
  return adjusted;
}

/**
 * Which of a report's comparisons are worth a look: those whose Benjamini–Hochberg adjusted
 * p-value is below the false discovery rate. Pass every comparison the report shows, once, so
 * the family is all of them. With no differences at all, any mark is a false one, and the chance
 * of any is then at most about the rate.
 */
export function worthALook(
  pValues: readonly number[],
  rate: number = FALSE_DISCOVERY_RATE,
): boolean[] {
  return benjaminiHochberg(pValues).map((adjusted) => adjusted < rate);
}
