/**
 * Fisher's exact test of a 2×2 table, two-sided, as scipy.stats.fisher_exact computes it: the
 * probability, with every margin fixed, of a table no more likely than the one observed. Small
 * groups are what an audit of promotions and access is made of, and there a normal approximation
 * (a z-test, chi-square) is off exactly where it matters. Pure.
 */

/**
 * Tables whose probabilities are equal in exact arithmetic (a symmetric table's two tails) come out
 * of floating point a few units in the last place apart; a relative tolerance counts them as tied,
 * as scipy does (1e-14) and R does (1e-7). Distinct probabilities of tables this size differ by far
 * more than either.
 */
const TIED = 1e-7;

/**
 * The two-sided p-value of [[a, b], [c, d]] (rows: the two groups; columns: succeeded, did not).
 * A row or column of nothing says nothing: 1.
 */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  for (const count of [a, b, c, d])
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`a table of counts, not ${count}`);
  const first = a + b;
  const second = c + d;
  const successes = a + c;
  const total = first + second;
  if (first === 0 || second === 0 || successes === 0 || successes === total) return 1;
  // The hypergeometric weights of every table with these margins, up to one common factor: each from
  // the one before by the ratio of successive probabilities, starting at 1 at the mode so that none
  // overflows and the largest is exact.
  const low = Math.max(0, successes - second);
  const high = Math.min(successes, first);
  const mode = Math.floor(((successes + 1) * (first + 1)) / (total + 2));
  const weights = new Float64Array(high - low + 1);
  weights[mode - low] = 1;
  for (let k = mode; k < high; k++)
    weights[k + 1 - low] =
      (weights[k - low]! * (first - k) * (successes - k)) /
      ((k + 1) * (second - successes + k + 1));
  for (let k = mode; k > low; k--)
    weights[k - 1 - low] =
      (weights[k - low]! * k * (second - successes + k)) / ((first - k + 1) * (successes - k + 1));
  const observed = weights[a - low]! * (1 + TIED);
  let sum = 0;
  let extreme = 0;
  // Smallest first, so that the small terms are not lost in the large.
  for (const weight of [...weights].sort((x, y) => x - y)) {
    sum += weight;
    if (weight <= observed) extreme += weight;
  }
  return Math.min(1, extreme / sum);
}
