/**
 * The one disclosure check (product principle 7; decision 060). Every figure a report releases is
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
 * Each time one follows, the smallest released cell that its derivation uses is hidden too (with any
 * cell over exactly the same people, which releases the same figures: a cell with copies costs its
 * size for each), and the check runs again. Membership of cells is public (who is on which team is no secret); the figures
 * are what is protected.
 *
 * Derivability is decided exactly by Gaussian elimination over the finest groups, in the integers
 * modulo a prime near 2^26 (a product of two residues is exact in a double): a combination that is
 * zero over the rationals is zero modulo the prime, and the converse fails only for a determinant
 * divisible by the prime, which 0/1 tables of people do not reach. Groups taken together are compared
 * by two fingerprints of what is left of each after the elimination. Pure.
 */
import { belowFloor } from "./floor";
import { largest } from "~/utils/extremes";

export type Cell = {
  id: string;
  /** The units its figures are about (duplicates are counted once); its size is the people they belong to. */
  members: readonly string[];
  /** Never released whatever its size: people with no group in a dimension, still counted in totals. */
  withheld?: boolean;
  /** A floor of the figure's own, above its members' (a correlation needs more people than a mean). */
  floor?: number;
  /** Released at an earlier moment: a reader keeps what they read, so it is never hidden; a derivation through it is broken by hiding another cell it uses. */
  fixed?: boolean;
  /**
   * Its figure is a count shown only as a band (`shownCount`): exactly, it would say the same of every
   * member, or of all but a few. Never released exactly, and no combination of released cells may give
   * it, whatever its size (decision 105).
   */
  banded?: boolean;
};

/** How a count of a cell's units is shown: exactly, as a band of counts it lies in, or not at all. */
export type ShownCount =
  { kind: "exact" } | { kind: "band"; low: number; high: number } | { kind: "none" };

/**
 * How a count of `count` among a cell's `n` units (how many were nominated, promoted, chose to
 * apply) may be shown (decision 105). A reader knows each unit is in or out, so "0 of 12" says of
 * each of the twelve that they are out and "12 of 12" that they are in. A count within the floor of
 * either end is shown only as the band it lies in (0 to floor − 1; n − floor + 1, and never below
 * the floor, to n), which holds at least two counts and never only nobody or everyone; a cell of the
 * floor's size or fewer shows no count at all. The band depends on the count alone, so that it is
 * shown says nothing more than the band. Pure.
 */
export function shownCount(count: number, n: number, floor: number): ShownCount {
  if (n <= Math.max(floor, 1)) return { kind: "none" };
  if (count < floor) return { kind: "band", low: 0, high: floor - 1 };
  if (count > n - floor) return { kind: "band", low: Math.max(floor, n - floor + 1), high: n };
  return { kind: "exact" };
}

export type Release = {
  /** The cells whose figures may be shown (an empty one too). Every other cell shows nothing measured: no count, no rate, no interval. */
  shown: ReadonlySet<string>;
  /** Each cell's size in people and its floor (the highest floor of its members). */
  sizes: ReadonlyMap<string, { n: number; floor: number }>;
};

/**
 * A cell of fewer people than its floor: no page or CSV names it or counts its people (for an
 * attribute such as a location, the name of a group of one is the person's); it is only said that
 * such groups are left out.
 */
export function belowItsFloor(release: Release, cellId: string): boolean {
  const size = release.sizes.get(cellId);
  return size !== undefined && size.n > 0 && belowFloor(size.n, size.floor);
}

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

/** A min-heap of row numbers: a vector is reduced by the rows whose pivots it holds, earliest first. */
class RowQueue {
  private readonly items: number[] = [];
  get size() {
    return this.items.length;
  }
  push(value: number) {
    const items = this.items;
    items.push(value);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (items[parent]! <= value) break;
      items[index] = items[parent]!;
      index = parent;
    }
    items[index] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let index = 0;
      for (;;) {
        const left = index * 2 + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && items[left + 1]! < items[left]! ? left + 1 : left;
        if (items[child]! >= last) break;
        items[index] = items[child]!;
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}

/**
 * Row echelon form of the released cells over the finest groups, each row with the cells it
 * combines. A row has nothing in the pivots of the rows before it, so reducing by the rows a vector
 * holds, earliest first, never brings an earlier pivot back.
 */
class Elimination {
  private readonly rows: Row[] = [];
  private readonly rowOfPivot = new Map<number, number>();

  constructor(private readonly columnWeight: (column: number) => number) {}

  /** Reduces a vector by the rows (a combination, when given, records which cells were used). */
  reduce(vector: Vector, combination: Vector | null): void {
    const queue = new RowQueue();
    for (const column of vector.keys()) {
      const row = this.rowOfPivot.get(column);
      if (row !== undefined) queue.push(row);
    }
    while (queue.size) {
      const row = this.rows[queue.pop()]!;
      const coefficient = vector.get(row.pivot);
      if (!coefficient) continue;
      const factor = mod(-coefficient);
      for (const [column, value] of row.vector) {
        const next = ((vector.get(column) ?? 0) + times(value, factor)) % P;
        if (next === 0) vector.delete(column);
        else {
          vector.set(column, next);
          if (column !== row.pivot) {
            const later = this.rowOfPivot.get(column);
            if (later !== undefined) queue.push(later);
          }
        }
      }
      if (combination) addScaled(combination, row.combination, factor);
    }
  }

  add(cell: number, columns: readonly number[]): void {
    const vector: Vector = new Map(columns.map((column) => [column, 1]));
    const combination: Vector = new Map([[cell, 1]]);
    this.reduce(vector, combination);
    if (!vector.size) return;
    // The pivot on the column in the fewest cells keeps the rows short.
    let pivot = -1;
    for (const column of vector.keys())
      if (
        pivot < 0 ||
        this.columnWeight(column) < this.columnWeight(pivot) ||
        (this.columnWeight(column) === this.columnWeight(pivot) && column < pivot)
      )
        pivot = column;
    const scale = inverse(vector.get(pivot)!);
    for (const [key, value] of vector) vector.set(key, times(value, scale));
    for (const [key, value] of combination) combination.set(key, times(value, scale));
    this.rowOfPivot.set(pivot, this.rows.length);
    this.rows.push({ pivot, vector, combination });
  }
}

/**
 * `floorOf` gives each unit's floor (its person's); `personOf` the person a unit is about, where a
 * report counts rows (a person's stays, goals, pulse answers, entries in several cycles): a floor
 * counts people, so one person's four rows are one person, and every size here is in people. Units
 * are people unless told.
 */
export function disclosureCheck(
  cells: readonly Cell[],
  floorOf: (unit: string) => number,
  personOf: (unit: string) => string = (unit) => unit,
): Release {
  // Units, and each cell's members as unit indices; each unit's person as an index too.
  const unitIndex = new Map<string, number>();
  const unitFloor: number[] = [];
  const personIndex = new Map<string, number>();
  const unitPerson: number[] = [];
  const memberLists = cells.map((cell) => {
    const members = new Set<number>();
    for (const unit of cell.members) {
      let index = unitIndex.get(unit);
      if (index === undefined) {
        index = unitFloor.length;
        unitIndex.set(unit, index);
        unitFloor.push(floorOf(unit));
        const person = personOf(unit);
        let personNumber = personIndex.get(person);
        if (personNumber === undefined) personIndex.set(person, (personNumber = personIndex.size));
        unitPerson.push(personNumber);
      }
      members.add(index);
    }
    return [...members];
  });
  const peopleIn = (units: Iterable<number>) => {
    const people = new Set<number>();
    for (const unit of units) people.add(unitPerson[unit]!);
    return people.size;
  };
  const cellPeople = memberLists.map(peopleIn);
  const sizes = new Map<string, { n: number; floor: number }>();
  const cellFloor = memberLists.map((members, index) =>
    members.reduce(
      (highest, unit) => Math.max(highest, unitFloor[unit]!),
      cells[index]!.floor ?? 0,
    ),
  );
  cells.forEach((cell, index) =>
    sizes.set(cell.id, { n: cellPeople[index]!, floor: cellFloor[index]! }),
  );

  // The finest groups: units in exactly the same cells.
  const cellsOfUnit: number[][] = unitFloor.map(() => []);
  memberLists.forEach((members, cell) => {
    for (const unit of members) cellsOfUnit[unit]!.push(cell);
  });
  const atomOf = new Map<string, number>();
  const atomPeople: Set<number>[] = [];
  const atomFloor: number[] = [];
  const unitAtom = cellsOfUnit.map((list, unit) => {
    const key = list.join(",");
    let atom = atomOf.get(key);
    if (atom === undefined) {
      atom = atomPeople.length;
      atomOf.set(key, atom);
      atomPeople.push(new Set());
      atomFloor.push(0);
    }
    atomPeople[atom]!.add(unitPerson[unit]!);
    atomFloor[atom] = Math.max(atomFloor[atom]!, unitFloor[unit]!);
    return atom;
  });
  const atomSize = atomPeople.map((people) => people.size);
  // One person's rows can fall in several finest groups: groups taken together count their people once.
  const peopleOfAtoms = (atoms: readonly number[]) =>
    new Set(atoms.flatMap((atom) => [...atomPeople[atom]!])).size;
  const cellAtoms = memberLists.map((members) => [
    ...new Set(members.map((unit) => unitAtom[unit]!)),
  ]);
  const atomCells = atomSize.map(() => 0);
  for (const atoms of cellAtoms) for (const atom of atoms) atomCells[atom]! += 1;

  const hidden = new Set<number>();
  cells.forEach((cell, index) => {
    const n = cellPeople[index]!;
    // An empty cell is about nobody: its figures (a count of nought) are released.
    if (cell.withheld || cell.banded || (n > 0 && n < cellFloor[index]!)) hidden.add(index);
  });
  const hiddenTargets = [...hidden].filter(
    (index) =>
      cellPeople[index]! > 0 && (cellPeople[index]! < cellFloor[index]! || cells[index]!.banded),
  );
  const smallAtoms = atomSize.flatMap((size, atom) => (size < atomFloor[atom]! ? [atom] : []));
  const order = cells
    .map((_, index) => index)
    .sort((a, b) => cellPeople[a]! - cellPeople[b]! || a - b);

  // Cells over exactly the same people release the same figures: one is hidden only with all its copies,
  // and hiding them costs their size once for each copy still released.
  const twins = new Map<string, number[]>();
  const twinKey = cellAtoms.map((atoms) => [...atoms].sort((a, b) => a - b).join(","));
  cellAtoms.forEach((_, index) =>
    (twins.get(twinKey[index]!) ?? twins.set(twinKey[index]!, []).get(twinKey[index]!)!).push(
      index,
    ),
  );
  const copiesOf = (cell: number) => twins.get(twinKey[cell]!)!.filter((twin) => !hidden.has(twin));
  const cost = (cell: number) => cellPeople[cell]! * copiesOf(cell).length;
  const cheaper = (a: number, b: number) =>
    cost(a) - cost(b) ||
    cellPeople[a]! - cellPeople[b]! ||
    memberLists[a]!.length - memberLists[b]!.length ||
    (cells[a]!.id < cells[b]!.id ? -1 : cells[a]!.id > cells[b]!.id ? 1 : 0);
  for (;;) {
    const elimination = new Elimination((column) => atomCells[column]!);
    for (const index of order) if (!hidden.has(index)) elimination.add(index, cellAtoms[index]!);
    // A combination of finest groups (each its coefficient; 1 when only listed) that released cells give, traced to those cells.
    const derivation = (atoms: readonly number[] | Vector): Vector | null => {
      const vector: Vector = Array.isArray(atoms)
        ? new Map(atoms.map((atom) => [atom, 1]))
        : new Map(atoms as Vector);
      const combination: Vector = new Map();
      elimination.reduce(vector, combination);
      return vector.size ? null : combination;
    };
    const found = [
      ...hiddenTargets.flatMap((index) => derivation(cellAtoms[index]!) ?? []),
      ...smallAtomDerivations(smallAtoms, peopleOfAtoms, atomFloor, elimination, derivation),
    ];
    if (!found.length) break;
    // Each derivation combines released cells: the cheapest of them is hidden with its copies, unless one it uses already is.
    // A cell released earlier stays, and so does one with an earlier copy, which gives the same figures.
    const hideable = (cell: number) => !copiesOf(cell).some((twin) => cells[twin]!.fixed);
    const victims = new Set<number>();
    for (const used of found) {
      if ([...used.keys()].some((cell) => victims.has(cell))) continue;
      const cheapest = [...used.keys()].filter(hideable).sort(cheaper)[0];
      if (cheapest !== undefined) for (const twin of copiesOf(cheapest)) victims.add(twin);
    }
    // Earlier releases passed this check, so every derivation uses a later cell; were none left to hide, checking again would find the same.
    if (!victims.size) break;
    for (const victim of victims) hidden.add(victim);
  }
  return {
    shown: new Set(cells.flatMap((cell, index) => (hidden.has(index) ? [] : [cell.id]))),
    sizes,
  };
}

/**
 * Derivations of finest groups smaller than their floor, alone or with one or two others: found by
 * two fingerprints of what each group leaves after the elimination (nothing alone, or summing to
 * nothing with others), then confirmed and traced by a derivation of their own. Three groups whose
 * remainders cancel share a column: the third is looked up by fingerprint among pairs that do. Two
 * groups whose remainders are proportional give a difference of their figures (one person's outcome
 * in a cycle's row less another session's: their change), found by fingerprints scaled to a first
 * component of one.
 */
function smallAtomDerivations(
  smallAtoms: readonly number[],
  peopleOf: (atoms: readonly number[]) => number,
  atomFloor: readonly number[],
  elimination: Elimination,
  derivation: (atoms: readonly number[] | Vector) => Vector | null,
): Vector[] {
  const found: Vector[] = [];
  const tried = new Set<string>();
  const confirm = (atoms: readonly number[]) => {
    const name = [...atoms].sort((x, y) => x - y).join(",");
    if (tried.has(name)) return;
    tried.add(name);
    const used = derivation(atoms);
    if (used) found.push(used);
  };
  const residues = new Map<number, Vector>();
  const prints = new Map<number, [number, number]>();
  for (const atom of smallAtoms) {
    const residue: Vector = new Map([[atom, 1]]);
    elimination.reduce(residue, null);
    if (!residue.size) {
      confirm([atom]);
      continue;
    }
    let first = 0;
    let second = 0;
    for (const [column, value] of residue) {
      first = (first + times(value, weight(column, 1))) % P;
      second = (second + times(value, weight(column, 2))) % P;
    }
    residues.set(atom, residue);
    prints.set(atom, [first, second]);
  }
  const key = (print: readonly [number, number]) => print[0] * P + print[1];
  const negatedSum = (...list: (readonly [number, number])[]) =>
    key([
      mod(-list.reduce((sum, print) => sum + print[0], 0)),
      mod(-list.reduce((sum, print) => sum + print[1], 0)),
    ]);
  const byPrint = new Map<number, number[]>();
  const byColumn = new Map<number, number[]>();
  for (const [atom, print] of prints) {
    (byPrint.get(key(print)) ?? byPrint.set(key(print), []).get(key(print))!).push(atom);
    for (const column of residues.get(atom)!.keys())
      (byColumn.get(column) ?? byColumn.set(column, []).get(column)!).push(atom);
  }
  const fits = (atoms: readonly number[]) =>
    peopleOf(atoms) < largest(atoms.map((atom) => atomFloor[atom]!));
  const byDirection = new Map<number, number[]>();
  const direction = (print: readonly [number, number]) =>
    print[0] === 0 ? key([0, 1]) : key([1, times(print[1], inverse(print[0]))]);
  for (const [atom, print] of prints)
    (
      byDirection.get(direction(print)) ??
      byDirection.set(direction(print), []).get(direction(print))!
    ).push(atom);
  for (const atoms of byDirection.values()) {
    for (const [index, a] of atoms.entries()) {
      for (const b of atoms.slice(index + 1)) {
        if (!fits([a, b])) continue;
        const [pa, pb] = [prints.get(a)!, prints.get(b)!];
        // a's remainder is `factor` times b's: a less factor × b is what released cells give.
        const factor = pb[0] !== 0 ? times(pa[0], inverse(pb[0])) : times(pa[1], inverse(pb[1]));
        const name = `${Math.min(a, b)},${Math.max(a, b)}~`;
        if (tried.has(name)) continue;
        tried.add(name);
        const used = derivation(
          new Map([
            [a, 1],
            [b, mod(-factor)],
          ]),
        );
        if (used) {
          found.push(used);
          break;
        }
      }
    }
  }
  const highestFloor = largest(
    [...prints.keys()].map((atom) => atomFloor[atom]!),
    0,
  );
  for (const [a, print] of prints) {
    for (const b of byPrint.get(negatedSum(print)) ?? [])
      if (b > a && fits([a, b])) confirm([a, b]);
    // Only pairs that leave room under some floor (a third may add nobody new: one person's rows in several groups).
    let column = -1;
    for (const candidate of residues.get(a)!.keys())
      if (column < 0 || byColumn.get(candidate)!.length < byColumn.get(column)!.length)
        column = candidate;
    for (const b of byColumn.get(column)!) {
      if (b === a || peopleOf([a, b]) >= highestFloor) continue;
      for (const c of byPrint.get(negatedSum(print, prints.get(b)!)) ?? []) {
        if (c !== a && c !== b && fits([a, b, c])) confirm([a, b, c]);
      }
    }
  }
  return found;
}

/** One contributor's answer at one moment: what a release over time is made of. */
export type Contribution = { id: string; contributor: string; at: Date };

/**
 * The same rule over time (decision 075). A reader who reads a figure or a list of answers twice
 * learns, by subtraction, whatever changed in between: so what is shown changes only by a whole
 * batch. Contributions are taken in the order they arrived (then by id), and a batch closes once it
 * holds as many different contributors as the highest floor among them; the batch still filling is
 * not shown. Everything shown is computed over the batches returned, each over its own
 * contributions as they were when it closed, so a later answer (even a contributor's changed one)
 * lands in a later batch and never moves a shown figure by itself. Contributions must be passed from
 * the first one on, whatever a reader's window: a batch cut from a later start would regroup the
 * same answers. With `wholeMoments`, a batch closes only once every contribution of its last moment
 * is in (people imported at once are read together, not cut at the floor in the order of their ids).
 * Pure.
 */
export function releasedBatches<T extends Contribution>(
  contributions: readonly T[],
  floorOf: (contributor: string) => number,
  wholeMoments = false,
): T[][] {
  const ordered = [...contributions].sort(
    (a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const batches: T[][] = [];
  let current: T[] = [];
  let contributors = new Set<string>();
  let floor = 0;
  for (const [index, contribution] of ordered.entries()) {
    current.push(contribution);
    contributors.add(contribution.contributor);
    floor = Math.max(floor, floorOf(contribution.contributor));
    if (
      contributors.size >= floor &&
      !(wholeMoments && ordered[index + 1]?.at.getTime() === contribution.at.getTime())
    ) {
      batches.push(current);
      current = [];
      contributors = new Set();
      floor = 0;
    }
  }
  return batches;
}

/**
 * The moment a report computed from dated contributions stands at (decision 075): the last
 * contribution of the last closed batch, or null before one closes. A report worked out as it stood
 * then (later contributions left out, anything still open taken as it was) moves only when another
 * batch closes: by the contributions of at least the floor's worth of different people, never by
 * one person's. Pure.
 */
export function releasedAsOf(
  contributions: readonly Contribution[],
  floorOf: (contributor: string) => number,
): Date | null {
  return releasedBatches(contributions, floorOf).at(-1)?.at(-1)?.at ?? null;
}
