/**
 * The one disclosure check (product principle 7; decision 058). Every figure a report releases is
 * about a set of units (people in a cycle, stays at a level, candidates at a stage, entries under a
 * manager): a cell. Figures are counts and sums, so anyone who reads several cells can add and
 * subtract them: what a reader can work out is any combination of released cells, across rows,
 * dimensions that nest (a track and its levels), reports over the same people (a session's fairness
 * report and the cycle's insights) and filters. This check decides which cells are released so that
 * no group smaller than its floor has a figure that follows from them.
 *
 * Cells smaller than their floor are hidden (primary suppression), and so are cells marked withheld
 * (people with no group in a dimension, counted in totals but never shown on their own). Then, as
 * statistical disclosure control does it across linked tables, more cells are hidden until none of
 * these follows from the released ones by any combination with rational coefficients:
 * - a hidden cell smaller than its floor;
 * - a finest group smaller than its floor (the people who share every cell: IC, Staff, Payments and
 *   Berlin, say), alone or together with one or two other such groups while all of them add up to
 *   fewer than the floor.
 * Each time one follows, the smallest released cell that its derivation uses is hidden too, and the
 * check runs again. Membership of cells is public (who is on which team is no secret); the figures
 * are what is protected.
 *
 * Derivability is decided exactly by Gaussian elimination over the finest groups, in the integers
 * modulo a prime near 2^26 (a product of two residues is exact in a double): a combination that is
 * zero over the rationals is zero modulo the prime, and the converse fails only for a determinant
 * divisible by the prime, which 0/1 tables of people do not reach. Groups taken together are compared
 * by two fingerprints of what is left of each after the elimination. Pure.
 */

export type Cell = {
  id: string;
  /** The units its figures are about (duplicates are counted once). */
  members: readonly string[];
  /** Never released whatever its size: people with no group in a dimension, still counted in totals. */
  withheld?: boolean;
};

export type Release = {
  /** The cells whose figures may be shown. Every other cell shows nothing: no count, no rate, no interval. */
  shown: ReadonlySet<string>;
  /** Each cell's size and floor (the highest floor of its members). */
  sizes: ReadonlyMap<string, { n: number; floor: number }>;
};

const P = 67_108_859;
const mod = (value: number) => ((value % P) + P) % P;
const times = (a: number, b: number) => (a * b) % P;

function inverse(value: number): number {
  let [a, b, x, y] = [mod(value), P, 1, 0];
  while (b !== 0) {
    const q = Math.floor(a / b);
    [a, b] = [b, a - q * b];
    [x, y] = [y, x - q * y];
  }
  return mod(x);
}

/** A deterministic weight in 1..P−1 for a finest group (fingerprints must not depend on anything but the tables). */
function weight(index: number, salt: number): number {
  let h = (index + 1) * 2_654_435_761 + salt * 40_503;
  h = Math.imul(h ^ (h >>> 15), 2_246_822_507);
  h = Math.imul(h ^ (h >>> 13), 3_266_489_909);
  h ^= h >>> 16;
  return ((h >>> 0) % (P - 1)) + 1;
}

type Vector = Map<number, number>;
type Row = { pivot: number; vector: Vector; combination: Vector };

function addScaled(target: Vector, source: Vector, factor: number) {
  for (const [key, value] of source) {
    const next = ((target.get(key) ?? 0) + times(value, factor)) % P;
    if (next === 0) target.delete(key);
    else target.set(key, next);
  }
}

/** Row echelon form of the released cells over the finest groups, each row with the cells it combines. */
class Elimination {
  private readonly rows: Row[] = [];
  private readonly pivots = new Set<number>();

  constructor(private readonly columnWeight: (column: number) => number) {}

  /** Reduces a vector by every row so far, in order; the combination records which cells were used. */
  reduce(vector: Vector, combination: Vector): void {
    for (const row of this.rows) {
      const coefficient = vector.get(row.pivot);
      if (!coefficient) continue;
      const factor = mod(-coefficient);
      addScaled(vector, row.vector, factor);
      addScaled(combination, row.combination, factor);
    }
  }

  add(cell: number, columns: readonly number[]): void {
    const vector: Vector = new Map(columns.map((column) => [column, 1]));
    const combination: Vector = new Map([[cell, 1]]);
    this.reduce(vector, combination);
    if (!vector.size) return;
    // The pivot on the column in the fewest cells keeps the rows short.
    let pivot = -1;
    for (const column of vector.keys()) if (pivot < 0 || this.columnWeight(column) < this.columnWeight(pivot) || (this.columnWeight(column) === this.columnWeight(pivot) && column < pivot)) pivot = column;
    const scale = inverse(vector.get(pivot)!);
    for (const [key, value] of vector) vector.set(key, times(value, scale));
    for (const [key, value] of combination) combination.set(key, times(value, scale));
    this.rows.push({ pivot, vector, combination });
    this.pivots.add(pivot);
  }
}

export function disclosureCheck(cells: readonly Cell[], floorOf: (unit: string) => number): Release {
  // Units, and each cell's members as unit indices.
  const unitIndex = new Map<string, number>();
  const unitFloor: number[] = [];
  const memberLists = cells.map((cell) => {
    const members = new Set<number>();
    for (const unit of cell.members) {
      let index = unitIndex.get(unit);
      if (index === undefined) {
        index = unitFloor.length;
        unitIndex.set(unit, index);
        unitFloor.push(floorOf(unit));
      }
      members.add(index);
    }
    return [...members];
  });
  const sizes = new Map<string, { n: number; floor: number }>();
  const cellFloor = memberLists.map((members) => members.reduce((highest, unit) => Math.max(highest, unitFloor[unit]!), 0));
  cells.forEach((cell, index) => sizes.set(cell.id, { n: memberLists[index]!.length, floor: cellFloor[index]! }));

  // The finest groups: units in exactly the same cells.
  const cellsOfUnit: number[][] = unitFloor.map(() => []);
  memberLists.forEach((members, cell) => {
    for (const unit of members) cellsOfUnit[unit]!.push(cell);
  });
  const atomOf = new Map<string, number>();
  const atomSize: number[] = [];
  const atomFloor: number[] = [];
  const unitAtom = cellsOfUnit.map((list, unit) => {
    const key = list.join(",");
    let atom = atomOf.get(key);
    if (atom === undefined) {
      atom = atomSize.length;
      atomOf.set(key, atom);
      atomSize.push(0);
      atomFloor.push(0);
    }
    atomSize[atom]! += 1;
    atomFloor[atom] = Math.max(atomFloor[atom]!, unitFloor[unit]!);
    return atom;
  });
  const cellAtoms = memberLists.map((members) => [...new Set(members.map((unit) => unitAtom[unit]!))]);
  const atomCells = atomSize.map(() => 0);
  for (const atoms of cellAtoms) for (const atom of atoms) atomCells[atom]! += 1;

  const hidden = new Set<number>();
  cells.forEach((cell, index) => {
    const n = memberLists[index]!.length;
    if (cell.withheld || n === 0 || n < cellFloor[index]!) hidden.add(index);
  });
  const hiddenTargets = [...hidden].filter((index) => memberLists[index]!.length > 0 && memberLists[index]!.length < cellFloor[index]!);
  const smallAtoms = atomSize.flatMap((size, atom) => (size < atomFloor[atom]! ? [atom] : []));
  const order = cells.map((_, index) => index).sort((a, b) => memberLists[a]!.length - memberLists[b]!.length || a - b);

  for (;;) {
    const elimination = new Elimination((column) => atomCells[column]!);
    for (const index of order) if (!hidden.has(index)) elimination.add(index, cellAtoms[index]!);
    const derivation = (atoms: readonly number[]): Vector | null => {
      const vector: Vector = new Map(atoms.map((atom) => [atom, 1]));
      const combination: Vector = new Map();
      elimination.reduce(vector, combination);
      return vector.size ? null : combination;
    };
    const used = firstDerivation(hiddenTargets.map((index) => cellAtoms[index]!), derivation) ?? smallAtomDerivation(smallAtoms, atomSize, atomFloor, elimination, derivation);
    if (!used) break;
    // The derivation combines released cells (its combination, with the sign flipped): hide the smallest of them.
    let victim = -1;
    for (const cell of used.keys()) {
      if (victim < 0 || memberLists[cell]!.length < memberLists[victim]!.length || (memberLists[cell]!.length === memberLists[victim]!.length && cells[cell]!.id < cells[victim]!.id)) victim = cell;
    }
    if (victim < 0) break;
    hidden.add(victim);
  }
  return { shown: new Set(cells.flatMap((cell, index) => (hidden.has(index) ? [] : [cell.id]))), sizes };
}

function firstDerivation(targets: readonly (readonly number[])[], derivation: (atoms: readonly number[]) => Vector | null): Vector | null {
  for (const atoms of targets) {
    const used = derivation(atoms);
    if (used) return used;
  }
  return null;
}

/**
 * A finest group smaller than its floor, alone or with one or two others, that follows from the
 * released cells: found by fingerprints of what each group leaves after the elimination (zero
 * alone, or summing to zero with others), then confirmed and traced by a derivation of its own.
 */
function smallAtomDerivation(
  smallAtoms: readonly number[],
  atomSize: readonly number[],
  atomFloor: readonly number[],
  elimination: Elimination,
  derivation: (atoms: readonly number[]) => Vector | null,
): Vector | null {
  const prints = new Map<number, [number, number]>();
  for (const atom of smallAtoms) {
    const residue: Vector = new Map([[atom, 1]]);
    elimination.reduce(residue, new Map());
    if (!residue.size) return derivation([atom]);
    let first = 0;
    let second = 0;
    for (const [column, value] of residue) {
      first = (first + times(value, weight(column, 1))) % P;
      second = (second + times(value, weight(column, 2))) % P;
    }
    prints.set(atom, [first, second]);
  }
  const key = (print: readonly [number, number]) => print[0] * P + print[1];
  const negated = (print: readonly [number, number]) => key([mod(-print[0]), mod(-print[1])]);
  const byPrint = new Map<number, number[]>();
  for (const [atom, print] of prints) (byPrint.get(key(print)) ?? byPrint.set(key(print), []).get(key(print))!).push(atom);
  const fits = (atoms: readonly number[]) => atoms.reduce((sum, atom) => sum + atomSize[atom]!, 0) < Math.max(...atoms.map((atom) => atomFloor[atom]!));
  const candidates = [...prints.keys()];
  const highestFloor = Math.max(0, ...candidates.map((atom) => atomFloor[atom]!));
  for (const a of candidates) {
    for (const b of byPrint.get(negated(prints.get(a)!)) ?? []) {
      if (b > a && fits([a, b])) {
        const used = derivation([a, b]);
        if (used) return used;
      }
    }
  }
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    const [a1, a2] = prints.get(a)!;
    for (let j = i + 1; j < candidates.length; j++) {
      const b = candidates[j]!;
      // With a third group of one, the three would not stay under any floor.
      if (atomSize[a]! + atomSize[b]! + 1 >= highestFloor) continue;
      const [b1, b2] = prints.get(b)!;
      for (const c of byPrint.get(negated([(a1 + b1) % P, (a2 + b2) % P])) ?? []) {
        if (c > b && fits([a, b, c])) {
          const used = derivation([a, b, c]);
          if (used) return used;
        }
      }
    }
  }
  return null;
}
