/**
 * The largest and smallest of a list, however long. `Math.max(...values)` passes every value as an
 * argument and overflows the stack past about 100,000 (an organisation's people at 200,000); these
 * never do. Empty, they answer `initial` (by default what `Math.max()` and `Math.min()` answer).
 */
export function largest(values: Iterable<number>, initial = -Infinity): number {
  let result = initial;
  for (const value of values) result = Math.max(result, value);
  return result;
}

export function smallest(values: Iterable<number>, initial = Infinity): number {
  let result = initial;
  for (const value of values) result = Math.min(result, value);
  return result;
}
