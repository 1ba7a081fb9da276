import loadHighs from "highs";

/**
 * The bounded reader as the audits' releases are checked against it (decision 122). The reader knows
 * each unit's reach of each later stage is 0 or 1, that a stage is reached only through the one
 * before, that nobody goes back, who was in each row at each release (who is on which team is no
 * secret), and when a unit joined (0 then). Each figure read is a constraint on those unknowns: an
 * exact count an equality, a band two inequalities. A release pins someone when every assignment
 * that fits all that was read gives one unit the same value at one release.
 *
 * Found exactly: a value is free once some assignment that fits everything read gives it the other
 * value. Most are found without a solver, by moving one unit's history within a band or swapping two
 * units' histories (`Swaps`) from the truth and from assignments kept from the scope's earlier checks;
 * what is left goes to mixed-integer programming (HiGHS), each solve maximising how many values still
 * open take the other value, with the moves walked again from each solution. Once a solve flips none, every value left is pinned. The generated audit's attacker (test/utils/bounded-attacker.ts) is written apart
 * from this, from what the pages show, so that the tests do not check this against itself.
 */

/** A figure a release shows: of `members` (each with the stage it truly stood at then), between `low` and `high` had reached `stage`. */
export type ReadFigure = {
  members: readonly { unit: string; reached: number }[];
  stage: number;
  at: number;
  low: number;
  high: number;
};

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let loading: Promise<Highs> | null = null;
const solver = () => (loading ??= loadHighs());

/**
 * Assignments that fitted what was read at an earlier check of the same scope, kept by the caller from
 * one check to the next: each is tried against the new check (and used only if it fits all of it),
 * which frees most values without searching again. Each maps `unit|stage|at` to a value.
 */
export type Witnesses = Map<string, number>[];
const KEPT_WITNESSES = 8;

/**
 * Whether what was read pins any unit's value. `stages`: the funnel's length (stage 0, where every
 * unit is, is no unknown); `joinedAt`: when each unit joined, at the first stage.
 */
export async function pinsAnyone(
  stages: number,
  figures: readonly ReadFigure[],
  joinedAt: ReadonlyMap<string, number>,
  witnesses: Witnesses = [],
): Promise<boolean> {
  const index = new Map<string, number>();
  const keys: { unit: string; stage: number; at: number }[] = [];
  const truth: number[] = [];
  const moments = new Map<string, Set<number>>();
  const column = (unit: string, stage: number, at: number, reached: number) => {
    const key = `${unit}|${stage}|${at}`;
    let found = index.get(key);
    if (found === undefined) {
      found = keys.length;
      index.set(key, found);
      keys.push({ unit, stage, at });
      truth.push(reached >= stage ? 1 : 0);
      (moments.get(unit) ?? moments.set(unit, new Set()).get(unit)!).add(at);
    }
    return found;
  };
  const rows: { columns: number[]; values: number[]; low: number; high: number }[] = [];
  for (const figure of figures) {
    const columns = figure.members.map((member) => {
      for (let stage = 1; stage < stages; stage++)
        column(member.unit, stage, figure.at, member.reached);
      return index.get(`${member.unit}|${figure.stage}|${figure.at}`)!;
    });
    rows.push({ columns, values: columns.map(() => 1), low: figure.low, high: figure.high });
  }
  // Nobody goes back, and a stage is reached only through the one before.
  for (const [unit, seen] of moments) {
    const ordered = [...seen].sort((a, b) => a - b);
    for (const [position, at] of ordered.entries())
      for (let stage = 1; stage < stages; stage++) {
        const here = index.get(`${unit}|${stage}|${at}`)!;
        if (stage > 1)
          rows.push({
            columns: [here, index.get(`${unit}|${stage - 1}|${at}`)!],
            values: [1, -1],
            low: -Infinity,
            high: 0,
          });
        const next = ordered[position + 1];
        if (next !== undefined)
          rows.push({
            columns: [here, index.get(`${unit}|${stage}|${next}`)!],
            values: [1, -1],
            low: -Infinity,
            high: 0,
          });
      }
  }
  const known = (column: number) => joinedAt.get(keys[column]!.unit) === keys[column]!.at;
  const open = new Set(keys.flatMap((_, column) => (known(column) ? [] : [column])));
  if (!open.size) return false;
  const swaps = new Swaps(keys, rows, known, stages, truth);
  const names = keys.map((key) => `${key.unit}|${key.stage}|${key.at}`);
  const keep = (assignment: readonly number[]) => {
    witnesses.push(new Map(names.map((name, column) => [name, assignment[column]!])));
    if (witnesses.length > KEPT_WITNESSES) witnesses.shift();
  };
  const starts: number[][] = [truth];
  for (const witness of witnesses.splice(0)) {
    // One that did not see every value asked about now is of no use (a month later, a unit's values
    // taken from it were found not to fit: too many moved in the month).
    const assignment = names.map((name) => witness.get(name));
    if (assignment.every((value) => value !== undefined) && swaps.fits(assignment))
      starts.push(assignment);
  }
  for (const start of starts) {
    const reached = swaps.free(start, open);
    keep(reached);
    if (!open.size) return false;
  }
  const highs = await solver();
  const rowStarts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    // One at a time: the organisation's row has every person in it.
    for (const [position, column] of row.columns.entries()) {
      indices.push(column);
      values.push(row.values[position]!);
    }
    rowStarts.push(indices.length);
  }
  const numCols = keys.length;
  for (;;) {
    const result = highs.raw.mipCall({
      numCols,
      numRows: rows.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: keys.map((_, column) => (open.has(column) ? (truth[column] ? -1 : 1) : 0)),
      colLower: keys.map(() => 0),
      colUpper: keys.map((_, column) => (known(column) ? 0 : 1)),
      rowLower: rows.map((row) => (row.low === -Infinity ? -highs.infinity : row.low)),
      rowUpper: rows.map((row) => row.high),
      matrix: { format: "csr", numRows: rows.length, numCols, starts: rowStarts, indices, values },
      integrality: keys.map(() => highs.constants.variableType.integer),
    });
    if (result.status === -1 || result.value.modelStatus !== highs.constants.modelStatus.optimal)
      throw new Error(`the solver did not finish: ${JSON.stringify(result.status)}`);
    const solution = Array.from(result.value.solution.colValue, (value) => Math.round(value));
    const before = open.size;
    for (const column of [...open]) if (solution[column] !== truth[column]) open.delete(column);
    if (!open.size) return false;
    if (open.size === before) return true;
    // From each new assignment the swaps reach further than from the truth.
    keep(swaps.free(solution, open));
    if (!open.size) return false;
  }
}

/**
 * Values freed without the solver: one unit's history moved alone where a band read has room for it,
 * else two units seen at the same moments swapping their whole histories; where the move keeps every
 * figure within what was read, each value it changes could have been the other (the assignment after
 * it fits everything, and the check below verifies that it does). Moves are walked from an assignment
 * that fits, each from the one before, aiming at values still open. Only what no move frees is left
 * to the solver, whose last solve still proves what is pinned.
 */
class Swaps {
  /** The rows each column is in, with its coefficient there. */
  private readonly rowsOf: { row: number; value: number }[][];
  /** Each unit's columns in one order (moment, then stage), for units seen at the same moments. */
  private readonly columnsOf = new Map<string, number[]>();
  /** The units seen at the same moments as each unit, and those of them in the same exact counts. */
  private readonly peers = new Map<string, { same: string[]; all: string[] }>();
  /** Each unit's columns at one moment (one per stage after the first). */
  private readonly perMoment: number;
  /** The exact counts each unit is in, as one key. */
  private readonly classOf = new Map<string, string>();

  constructor(
    private readonly keys: readonly { unit: string; at: number }[],
    private readonly rows: readonly {
      columns: number[];
      values: number[];
      low: number;
      high: number;
    }[],
    private readonly known: (column: number) => boolean,
    stages: number,
    private readonly truth: readonly number[],
  ) {
    this.perMoment = stages - 1;
    this.rowsOf = keys.map(() => []);
    rows.forEach((row, index) =>
      row.columns.forEach((column, position) =>
        this.rowsOf[column]!.push({ row: index, value: row.values[position]! }),
      ),
    );
    const byUnit = new Map<string, { at: number; column: number }[]>();
    keys.forEach((key, column) =>
      (byUnit.get(key.unit) ?? byUnit.set(key.unit, []).get(key.unit)!).push({
        at: key.at,
        column,
      }),
    );
    const bySignature = new Map<string, string[]>();
    for (const [unit, columns] of byUnit) {
      // Columns were made stage by stage at each moment, so a stable sort by moment keeps stage order.
      columns.sort((a, b) => a.at - b.at);
      this.columnsOf.set(
        unit,
        columns.map((entry) => entry.column),
      );
      const signature = `${stages}|${[...new Set(columns.map((entry) => entry.at))].join(",")}`;
      (bySignature.get(signature) ?? bySignature.set(signature, []).get(signature)!).push(unit);
      // The exact counts a unit is in: two units in the same ones swap without changing any of them.
      const exact = columns.flatMap((entry) =>
        this.rowsOf[entry.column]!.flatMap(({ row }) =>
          rows[row]!.low === rows[row]!.high ? [row] : [],
        ),
      );
      this.classOf.set(unit, exact.sort((a, b) => a - b).join(","));
    }
    for (const units of bySignature.values()) {
      const byClass = new Map<string, string[]>();
      for (const unit of units) {
        const exact = this.classOf.get(unit)!;
        (byClass.get(exact) ?? byClass.set(exact, []).get(exact)!).push(unit);
      }
      for (const unit of units)
        this.peers.set(unit, { same: byClass.get(this.classOf.get(unit)!)!, all: units });
    }
  }

  /**
   * The units a swap with `unit` is tried with: those in the same exact counts first (most swaps that
   * fit), then the others, which fit only where the two agree in the counts one of them is not in.
   */
  private *peersOf(unit: string): Generator<string> {
    const { same, all } = this.peers.get(unit)!;
    for (const peer of same) if (peer !== unit) yield peer;
    const exact = this.classOf.get(unit);
    for (const peer of all) if (this.classOf.get(peer) !== exact) yield peer;
  }

  /** Whether an assignment fits everything read: every row within its figures, and known values nought. */
  fits(assignment: readonly number[]): boolean {
    return (
      assignment.every((value, column) => !value || !this.known(column)) &&
      this.rows.every((row) => {
        let sum = 0;
        for (const [position, column] of row.columns.entries())
          sum += row.values[position]! * assignment[column]!;
        return sum >= row.low && sum <= row.high;
      })
    );
  }

  /**
   * Walks swaps from `start` (an assignment that fits), taking out of `open` every value that differs
   * from the truth on the way; returns where the walk ended (an assignment that fits).
   */
  free(start: readonly number[], open: Set<number>): number[] {
    const current = [...start];
    const sums = this.rows.map((row) =>
      row.columns.reduce(
        (sum, column, position) => sum + row.values[position]! * current[column]!,
        0,
      ),
    );
    for (const column of [...open]) if (current[column] !== this.truth[column]) open.delete(column);
    for (let pass = 0; pass < 3 && open.size; pass++) {
      const before = open.size;
      for (const column of [...open]) {
        if (!open.has(column)) continue;
        const unit = this.keys[column]!.unit;
        const mine = this.columnsOf.get(unit)!;
        const position = mine.indexOf(column);
        const moved = this.tryAlone(mine, position, current, sums);
        if (moved) {
          for (const changed of moved)
            if (current[changed] !== this.truth[changed]) open.delete(changed);
          continue;
        }
        for (const peer of this.peersOf(unit)) {
          const theirs = this.columnsOf.get(peer)!;
          if (current[theirs[position]!] === current[column]) continue;
          if (this.trySwap(mine, theirs, current, sums)) {
            for (const changed of [...mine, ...theirs])
              if (current[changed] !== this.truth[changed]) open.delete(changed);
            break;
          }
        }
      }
      if (open.size === before) break;
    }
    return current;
  }

  /**
   * Moves one unit's history alone so that the value at `position` takes the other value, with every
   * value that order then asks for (reaching a stage earlier reaches the ones before it and holds it
   * after; leaving one leaves those after it and every earlier moment), where what was read has room
   * for it (a band, mostly): returns the values it changed, or null where it did not move.
   */
  private tryAlone(
    mine: readonly number[],
    position: number,
    current: number[],
    sums: number[],
  ): number[] | null {
    const moment = Math.floor(position / this.perMoment);
    const stage = position % this.perMoment;
    const to = 1 - current[mine[position]!]!;
    const changed: number[] = [];
    const delta = new Map<number, number>();
    for (const [at, column] of mine.entries()) {
      const [here, level] = [Math.floor(at / this.perMoment), at % this.perMoment];
      const moves = to ? here >= moment && level <= stage : here <= moment && level >= stage;
      // A value known to be nought is at the unit's first moment, which a move to one from an open
      // value (a later moment) never reaches.
      if (!moves || current[column] === to) continue;
      changed.push(column);
      for (const { row, value } of this.rowsOf[column]!)
        delta.set(row, (delta.get(row) ?? 0) + value * (to - current[column]!));
    }
    for (const [row, by] of delta) {
      const sum = sums[row]! + by;
      if (sum < this.rows[row]!.low || sum > this.rows[row]!.high) return null;
    }
    for (const [row, by] of delta) sums[row]! += by;
    for (const column of changed) current[column] = to;
    return changed;
  }

  /** Swaps two units' values if everything read still holds after; says whether it did. */
  private trySwap(mine: number[], theirs: number[], current: number[], sums: number[]): boolean {
    const delta = new Map<number, number>();
    for (const [position, a] of mine.entries()) {
      const b = theirs[position]!;
      const change = current[b]! - current[a]!;
      if (!change) continue;
      // A value known to be nought (the moment a unit joined) stays nought.
      if ((change > 0 && this.known(a)) || (change < 0 && this.known(b))) return false;
      for (const [column, by] of [
        [a, change],
        [b, -change],
      ] as const)
        for (const { row, value } of this.rowsOf[column]!)
          delta.set(row, (delta.get(row) ?? 0) + by * value);
    }
    if (!delta.size) return false;
    for (const [row, by] of delta) {
      const sum = sums[row]! + by;
      if (sum < this.rows[row]!.low || sum > this.rows[row]!.high) return false;
    }
    for (const [row, by] of delta) sums[row]! += by;
    for (const [position, a] of mine.entries()) {
      const b = theirs[position]!;
      [current[a], current[b]] = [current[b]!, current[a]!];
    }
    return true;
  }
}
