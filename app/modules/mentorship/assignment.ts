/**
 * Minimum-cost rectangular linear sum assignment on a dense row-major cost matrix: the
 * shortest augmenting path method of Jonker and Volgenant with dual potentials, as Crouse
 * describes it ("On implementing 2D rectangular assignment algorithms", IEEE TAES 2016) and
 * as scipy's `linear_sum_assignment` implements it. Rows are added one at a time; each
 * addition is a Dijkstra search over reduced costs (cost − row potential − column potential)
 * that ends at a free column, then the path is flipped and the potentials updated.
 *
 * Forbidden cells are `Infinity`. A row may also be left unassigned: every row has a private
 * "unassigned" column of its own (never stored, see `assignRows`), so the search always ends.
 */
import { InvalidError } from "~/modules/errors";

export interface AssignmentOptions {
  /**
   * When given, leaving a row unassigned costs this much, and the solver minimises the assigned
   * cells' costs plus this cost per unassigned row (a row is assigned only where that is cheaper).
   * When absent, the solver assigns as many rows as it can and, among those assignments, finds one
   * of least total cost; rows are left unassigned only when no assignment of them exists
   * (forbidden cells, or more rows than columns).
   */
  unassignedCost?: number;
  /**
   * How many rows each column takes (whole numbers, 0 or more; 1 each when absent). A column of
   * capacity c is the same as c identical columns of capacity 1, solved without repeating them.
   */
  columnCapacity?: Int32Array;
}

export interface Assignment {
  /** The column of each row, or -1 when the row is unassigned. */
  rowToCol: Int32Array;
  /** The sum of the costs of the assigned cells. */
  total: number;
  /** The rows left unassigned, ascending. */
  unassignedRows: Int32Array;
}

const NONE = -1;

/**
 * Solves the assignment problem for `cost`, a `rows` × `cols` matrix stored row by row
 * (`cost[row * cols + col]`). Cells holding `Infinity` are forbidden; `NaN` and `-Infinity`
 * are refused. Returns each row's column, the total cost of the assigned cells and the
 * unassigned rows.
 */
export function solveAssignment(
  cost: Float64Array,
  rows: number,
  cols: number,
  options: AssignmentOptions = {},
): Assignment {
  const largest = checkMatrix(cost, rows, cols);
  const capacity = checkCapacity(options.columnCapacity, cols);
  const { unassignedCost } = options;
  if (unassignedCost !== undefined && !Number.isFinite(unassignedCost))
    throw new InvalidError("The cost of leaving a row unassigned must be a finite number.");
  const places = capacity.reduce((sum, count) => sum + count, 0);
  if (unassignedCost === undefined && rows > places)
    return describe(cost, rows, cols, assignPlaces(cost, rows, cols, capacity, largest));
  return describe(
    cost,
    rows,
    cols,
    assignRows(
      cost,
      rows,
      cols,
      capacity,
      unassignedCost ?? maximumCardinalityPenalty(largest, rows),
    ),
  );
}

/** Checks the matrix's shape and values; returns the largest absolute finite cost. */
function checkMatrix(cost: Float64Array, rows: number, cols: number): number {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
    throw new InvalidError("The matrix size must be two whole numbers.");
  if (cost.length !== rows * cols)
    throw new InvalidError(
      `A ${rows} × ${cols} matrix needs ${rows * cols} costs, not ${cost.length}.`,
    );
  let largest = 0;
  for (let index = 0; index < cost.length; index++) {
    const value = cost[index]!;
    if (value === Infinity) continue;
    if (Number.isNaN(value) || value === -Infinity)
      throw new InvalidError(
        "Costs must be numbers or Infinity (forbidden): NaN and -Infinity are not allowed.",
      );
    const size = Math.abs(value);
    if (size > largest) largest = size;
  }
  return largest;
}

function checkCapacity(capacity: Int32Array | undefined, cols: number): Int32Array {
  if (capacity === undefined) return new Int32Array(cols).fill(1);
  if (capacity.length !== cols)
    throw new InvalidError(`${cols} columns need ${cols} capacities, not ${capacity.length}.`);
  if (capacity.some((count) => count < 0))
    throw new InvalidError("Column capacities must be 0 or more.");
  return capacity;
}

/**
 * A cost for leaving a row unassigned that is larger than any difference between the finite costs
 * of two assignments of `rows` rows: with it, assigning one more row always pays, so the solver
 * maximises the number of assigned rows first and minimises the cost among those.
 */
function maximumCardinalityPenalty(largest: number, rows: number): number {
  return (rows + 1) * (2 * largest + 1);
}

/**
 * More rows than places, every row to be assigned if it can: solves the transposed problem, one
 * row per place (each column repeated `capacity` times) and one column per original row, so the
 * search runs over the smaller side, as scipy does for wide matrices. Returns each row's column.
 */
function assignPlaces(
  cost: Float64Array,
  rows: number,
  cols: number,
  capacity: Int32Array,
  largest: number,
): Int32Array {
  const placeColumn = Int32Array.from(
    Array.from(capacity, (count, col) => Array<number>(count).fill(col)).flat(),
  );
  const places = placeColumn.length;
  const flipped = new Float64Array(places * rows);
  placeColumn.forEach((col, place) => {
    for (let row = 0; row < rows; row++) flipped[place * rows + row] = cost[row * cols + col]!;
  });
  const rowOfPlace = assignRows(
    flipped,
    places,
    rows,
    new Int32Array(rows).fill(1),
    maximumCardinalityPenalty(largest, places),
  );
  const rowToCol = new Int32Array(rows).fill(NONE);
  rowOfPlace.forEach((row, place) => {
    if (row !== NONE) rowToCol[row] = placeColumn[place]!;
  });
  return rowToCol;
}

/**
 * The core: returns the column of each of the `nr` rows (or -1), minimising the assigned costs
 * plus `unassignedCost` per unassigned row, column j taking at most `capacity[j]` rows. Follows
 * scipy's `augmenting_path` and `solve` (rectangular_lsap.cpp) with three changes:
 * - each row i has a private unassigned column D(i) of cost `unassignedCost`, kept implicit.
 *   D(i) is reachable only from row i, and row i is reached only through its assigned column,
 *   so a row that took D(i) is never reached again, D(i) is only ever scanned as a sink, and its
 *   potential stays 0. The search therefore only needs the cheapest
 *   "distance + unassignedCost − u[i]" over the rows it scanned: when that beats every real
 *   column, the path ends by unassigning that row;
 * - a column of capacity c stands for c identical columns. Those always share one potential and
 *   one distance, and scipy, preferring a free column among equals, would scan them one after the
 *   other; here the column is a sink while it has room, and otherwise scanning it reaches all of
 *   its rows at once;
 * - instead of a list of unscanned columns, a scanned column's distance is set to NaN, which
 *   every comparison in `scanRow` rejects, so each scan walks the row in memory order.
 */
function assignRows(
  cost: Float64Array,
  nr: number,
  nc: number,
  capacity: Int32Array,
  unassignedCost: number,
): Int32Array {
  const u = new Float64Array(nr);
  const v = new Float64Array(nc);
  const shortest = new Float64Array(nc);
  const path = new Int32Array(nc);
  const col4row = new Int32Array(nr).fill(NONE);
  const columns = new ColumnRows(capacity);
  const closed = Array.from(capacity.keys()).filter((col) => capacity[col] === 0);
  // What one search reached, in order, with the distance each was reached at.
  const scannedRows = new Int32Array(nr);
  const rowDistance = new Float64Array(nr);
  const scannedCols = new Int32Array(nc);
  const colDistance = new Float64Array(nc);

  for (let curRow = 0; curRow < nr; curRow++) {
    // Dijkstra over reduced costs from curRow to the nearest column with room, or to an unassigned column.
    shortest.fill(Infinity);
    for (const col of closed) shortest[col] = NaN;
    scannedRows[0] = curRow;
    rowDistance[0] = 0;
    let rowCount = 1;
    let rowsScanned = 0;
    let colCount = 0;
    let minVal = 0;
    let sink = NONE;
    let dropDistance = Infinity;
    let dropRow = NONE;
    for (;;) {
      let nearest = NONE;
      while (rowsScanned < rowCount) {
        const row = scannedRows[rowsScanned++]!;
        const viaUnassigned = minVal + unassignedCost - u[row]!;
        if (viaUnassigned < dropDistance) {
          dropDistance = viaUnassigned;
          dropRow = row;
        }
        nearest = scanRow(cost, row, nc, minVal - u[row]!, v, shortest, path, columns.spare);
      }
      const lowest = nearest === NONE ? Infinity : shortest[nearest]!;
      if (dropDistance < lowest) {
        minVal = dropDistance;
        break;
      }
      minVal = lowest;
      scannedCols[colCount] = nearest;
      colDistance[colCount++] = lowest;
      shortest[nearest] = NaN;
      if (columns.spare[nearest]! > 0) {
        sink = nearest;
        break;
      }
      for (const row of columns.rowsOf(nearest)) {
        scannedRows[rowCount] = row;
        rowDistance[rowCount++] = lowest;
      }
    }

    // Update the potentials of everything the search scanned.
    for (let k = 0; k < rowCount; k++) u[scannedRows[k]!]! += minVal - rowDistance[k]!;
    for (let k = 0; k < colCount; k++) v[scannedCols[k]!]! -= minVal - colDistance[k]!;

    // Flip the path: each column on it takes the row that reached it, which leaves its old column.
    // When the path ends in dropRow's unassigned column, dropRow leaves its column first.
    let col = sink;
    let leaving = NONE;
    if (sink === NONE) {
      col = col4row[dropRow]!;
      col4row[dropRow] = NONE;
      if (dropRow === curRow) continue;
      leaving = dropRow;
    }
    for (;;) {
      const arriving = path[col]!;
      columns.replace(col, leaving, arriving);
      const next = col4row[arriving]!;
      col4row[arriving] = col;
      if (arriving === curRow) break;
      leaving = arriving;
      col = next;
    }
  }
  return col4row;
}

/** The rows each column holds, in one array: column j's are at `start[j]` onwards, `capacity[j] − spare[j]` of them. */
class ColumnRows {
  readonly spare: Int32Array;
  private readonly start: Int32Array;
  private readonly rows: Int32Array;

  constructor(private readonly capacity: Int32Array) {
    this.spare = capacity.slice();
    this.start = new Int32Array(capacity.length + 1);
    capacity.forEach((count, col) => (this.start[col + 1] = this.start[col]! + count));
    this.rows = new Int32Array(this.start[capacity.length]!);
  }

  rowsOf(col: number): Int32Array {
    return this.rows.subarray(
      this.start[col]!,
      this.start[col]! + this.capacity[col]! - this.spare[col]!,
    );
  }

  /** Puts `arriving` in `leaving`'s place in the column, or in a spare place when `leaving` is -1. */
  replace(col: number, leaving: number, arriving: number): void {
    if (leaving === NONE) {
      this.rows[this.start[col]! + this.capacity[col]! - this.spare[col]!] = arriving;
      this.spare[col]!--;
      return;
    }
    const held = this.rowsOf(col);
    held[held.indexOf(leaving)] = arriving;
  }
}

/**
 * One step of the search: relaxes every unscanned column through `row` (whose distance minus its
 * potential is `offset`) and returns the unscanned column nearest to the start, preferring a column
 * with room on ties, or -1 when every column has been scanned.
 */
function scanRow(
  cost: Float64Array,
  row: number,
  nc: number,
  offset: number,
  v: Float64Array,
  shortest: Float64Array,
  path: Int32Array,
  spare: Int32Array,
): number {
  let lowest = Infinity;
  let nearest = NONE;
  const base = row * nc;
  for (let col = 0; col < nc; col++) {
    let distance = shortest[col]!;
    const reduced = cost[base + col]! + offset - v[col]!;
    if (reduced < distance) {
      path[col] = row;
      shortest[col] = reduced;
      distance = reduced;
    }
    if (distance <= lowest && (distance < lowest || spare[col]! > 0)) {
      lowest = distance;
      nearest = col;
    }
  }
  return nearest;
}

function describe(
  cost: Float64Array,
  rows: number,
  cols: number,
  rowToCol: Int32Array,
): Assignment {
  const unassigned: number[] = [];
  let total = 0;
  for (let row = 0; row < rows; row++) {
    const col = rowToCol[row]!;
    if (col === NONE) unassigned.push(row);
    else total += cost[row * cols + col]!;
  }
  return { rowToCol, total, unassignedRows: Int32Array.from(unassigned) };
}
