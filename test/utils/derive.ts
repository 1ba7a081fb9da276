/**
 * An attacker of released tables, written apart from the app's disclosure check so the two can be
 * compared: given the member sets of every released cell, can the figure of a target set be worked
 * out by adding and subtracting them (any rational coefficients)? Exact: Gaussian elimination over
 * the rationals with BigInt fractions, one unknown per unit. For tests only (small organisations).
 */

type Fraction = { n: bigint; d: bigint };
const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x;
};
const fraction = (n: bigint, d = 1n): Fraction => {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
const sub = (a: Fraction, b: Fraction) => fraction(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => fraction(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => fraction(a.n * b.d, a.d * b.n);

export class Attacker {
  private readonly rows: { pivot: string; vector: Map<string, Fraction> }[] = [];

  /** Everything released: the member sets of the cells whose figures the reader has. */
  constructor(released: readonly (readonly string[])[]) {
    for (const members of released) {
      const vector = this.reduce(new Map([...new Set(members)].map((unit) => [unit, fraction(1n)])));
      const pivot = [...vector.keys()].sort()[0];
      if (pivot === undefined) continue;
      const scale = vector.get(pivot)!;
      for (const [unit, value] of vector) vector.set(unit, div(value, scale));
      this.rows.push({ pivot, vector });
    }
  }

  private reduce(vector: Map<string, Fraction>): Map<string, Fraction> {
    for (const row of this.rows) {
      const coefficient = vector.get(row.pivot);
      if (!coefficient || coefficient.n === 0n) continue;
      for (const [unit, value] of row.vector) {
        const next = sub(vector.get(unit) ?? fraction(0n), mul(coefficient, value));
        if (next.n === 0n) vector.delete(unit);
        else vector.set(unit, next);
      }
    }
    return vector;
  }

  /** Whether the target set's figures follow from the released cells. */
  derives(target: readonly string[]): boolean {
    return this.reduce(new Map([...new Set(target)].map((unit) => [unit, fraction(1n)]))).size === 0;
  }
}

/** The finest groups of a set of cells: units that share every cell. */
export function finestGroups(cells: readonly (readonly string[])[]): string[][] {
  const cellsOf = new Map<string, number[]>();
  cells.forEach((members, index) => {
    for (const unit of new Set(members)) (cellsOf.get(unit) ?? cellsOf.set(unit, []).get(unit)!).push(index);
  });
  const groups = new Map<string, string[]>();
  for (const [unit, list] of cellsOf) (groups.get(list.join(",")) ?? groups.set(list.join(","), []).get(list.join(","))!).push(unit);
  return [...groups.values()];
}

/**
 * Whatever a reader reads of answers that arrive one by one may change only once at least the floor
 * of different people have answered since it last changed: otherwise the two readings give the
 * answers of fewer. Said of the readings alone, whatever the app's batches: `readings[i]` is what was
 * read after the i-th answer, by `authors[i]` (null: a change that does not touch what is read).
 */
export function changesWithFewerThan(readings: readonly string[], authors: readonly (string | null)[], floor: number, before: string): number[] {
  const found: number[] = [];
  let last = before;
  let since = new Set<string>();
  readings.forEach((reading, index) => {
    // A change by nobody (null) is one that does not touch what is read.
    if (authors[index]) since.add(authors[index]);
    if (reading === last) return;
    if (since.size < floor) found.push(index);
    last = reading;
    since = new Set();
  });
  return found;
}
