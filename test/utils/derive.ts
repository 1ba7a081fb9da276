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
      const vector = this.reduce(
        new Map([...new Set(members)].map((unit) => [unit, fraction(1n)])),
      );
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

  /** Whether one unit's figure less another's follows from the released cells (how one person's value changed). */
  derivesDifference(plus: string, minus: string): boolean {
    return (
      this.reduce(
        new Map([
          [plus, fraction(1n)],
          [minus, fraction(-1n)],
        ]),
      ).size === 0
    );
  }

  /** Whether the target set's figures follow from the released cells. */
  derives(target: readonly string[]): boolean {
    return (
      this.reduce(new Map([...new Set(target)].map((unit) => [unit, fraction(1n)]))).size === 0
    );
  }
}

/** The finest groups of a set of cells: units that share every cell. */
export function finestGroups(cells: readonly (readonly string[])[]): string[][] {
  const cellsOf = new Map<string, number[]>();
  cells.forEach((members, index) => {
    for (const unit of new Set(members))
      (cellsOf.get(unit) ?? cellsOf.set(unit, []).get(unit)!).push(index);
  });
  const groups = new Map<string, string[]>();
  for (const [unit, list] of cellsOf)
    (groups.get(list.join(",")) ?? groups.set(list.join(","), []).get(list.join(","))!).push(unit);
  return [...groups.values()];
}

/**
 * Whatever a reader reads of answers that arrive one by one may change only once at least the floor
 * of different people have answered since it last changed: otherwise the two readings give the
 * answers of fewer. Said of the readings alone, whatever the app's batches: `readings[i]` is what was
 * read after the i-th answer, by `authors[i]` (null: a change that does not touch what is read).
 */
export function changesWithFewerThan(
  readings: readonly string[],
  authors: readonly (string | null)[],
  floor: number,
  before: string,
): number[] {
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

/**
 * An attacker of one report read by one reader at many moments, who solves for one person's hidden
 * value. What is read changes at some readings; whoever changed since the last change (who changed is
 * no secret: a promotion, a move, a candidate's stage) may have a new value from then on, one unknown
 * per person and change. Each additive figure read (a count, a count times a mean) is the sum of the
 * current values of everyone the report was ever about, so each reading that shows it is one linear
 * equation; the attacker combines them all (rational elimination) and returns "figure: person" for
 * every person one of whose values, or how much one of them changed, follows (a stay's length, a
 * candidate's stage, a goal's movement). `readings[i]` is the report read after the i-th change, by
 * `authors[i]` (null: a change that does not touch the report); `figures` its additive figures (null
 * where hidden).
 */
export function hiddenValuesFound(
  readings: readonly string[],
  authors: readonly (string | null)[],
  before: string,
  figures: (reading: string) => Record<string, number | null>,
): string[] {
  const current = new Map<string, string>();
  const successive: [string, string][] = [];
  const cells = new Map<string, string[][]>();
  let last = before;
  let changed = new Set<string>();
  readings.forEach((reading, index) => {
    if (authors[index]) changed.add(authors[index]);
    if (reading === last) return;
    for (const person of changed) {
      const previous = current.get(person);
      if (previous) successive.push([`${person}#${index}`, previous]);
      current.set(person, `${person}#${index}`);
    }
    for (const [figure, value] of Object.entries(figures(reading))) {
      if (value !== null)
        (cells.get(figure) ?? cells.set(figure, []).get(figure)!).push([...current.values()]);
    }
    last = reading;
    changed = new Set();
  });
  const found: string[] = [];
  for (const [figure, released] of cells) {
    const attacker = new Attacker(released);
    const units = new Set(released.flat());
    const personOf = (unit: string) => unit.slice(0, unit.lastIndexOf("#"));
    for (const unit of units)
      if (attacker.derives([unit])) found.push(`${figure}: ${personOf(unit)}`);
    for (const [now, before] of successive)
      if (units.has(now) && units.has(before) && attacker.derivesDifference(now, before))
        found.push(`${figure}: ${personOf(now)}'s change`);
  }
  return [...new Set(found)];
}
