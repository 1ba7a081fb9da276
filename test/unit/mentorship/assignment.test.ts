import { linearSumAssignment } from "linear-sum-assignment";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/modules/errors";
import { solveAssignment } from "~/modules/mentorship/assignment";
import { integer, seeded } from "./programmes";

const X = Infinity;

/** The assignment problem from rows of costs. */
function solve(rows: number[][], options: Parameters<typeof solveAssignment>[3] = {}) {
  const cols = rows[0]?.length ?? 0;
  return solveAssignment(Float64Array.from(rows.flat()), rows.length, cols, options);
}

/**
 * The best assignment by trying every one: rows may stay unassigned (at `unassignedCost` each, or,
 * without it, only when fewer rows are assigned), column j takes at most capacity[j] rows.
 */
function exhaustive(
  cost: number[][],
  capacity: number[],
  unassignedCost?: number,
): { assigned: number; total: number } {
  let best = { assigned: -1, total: Infinity, score: Infinity };
  const load = capacity.map(() => 0);
  const visit = (row: number, assigned: number, total: number) => {
    if (row === cost.length) {
      const score =
        unassignedCost === undefined ? total : total + (cost.length - assigned) * unassignedCost;
      const better =
        unassignedCost === undefined
          ? assigned > best.assigned || (assigned === best.assigned && total < best.total)
          : score < best.score;
      if (better) best = { assigned, total, score };
      return;
    }
    visit(row + 1, assigned, total);
    cost[row]!.forEach((value, col) => {
      if (value === X || load[col]! >= capacity[col]!) return;
      load[col]!++;
      visit(row + 1, assigned + 1, total + value);
      load[col]!--;
    });
  };
  visit(0, 0, 0);
  return { assigned: best.assigned, total: best.total };
}

function randomCosts(
  random: () => number,
  rows: number,
  cols: number,
  forbidden: number,
): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () =>
      random() < forbidden ? X : integer(random, -5, 9) + random() / 4,
    ),
  );
}

describe("solveAssignment", () => {
  it("finds the optimum of a small square problem", () => {
    const result = solve([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(Array.from(result.rowToCol)).toEqual([1, 0, 2]);
    expect(result.total).toBe(5);
    expect(result.unassignedRows.length).toBe(0);
  });

  it("leaves the extra rows of a tall matrix unassigned and uses the best columns of a wide one", () => {
    const tall = solve([[5], [1], [3]]);
    expect(Array.from(tall.rowToCol)).toEqual([-1, 0, -1]);
    expect(Array.from(tall.unassignedRows)).toEqual([0, 2]);
    const wide = solve([[7, 2, 9, 1]]);
    expect(Array.from(wide.rowToCol)).toEqual([3]);
    expect(wide.total).toBe(1);
  });

  it("assigns as many rows as possible, then minimises the cost among those assignments", () => {
    // Only one of the two rows can have column 0: the cheaper one gets it.
    expect(Array.from(solve([[5], [1]]).rowToCol)).toEqual([-1, 0]);
    // Row 0 alone would take column 0 (cost 1); both rows can be assigned only if row 0 takes column 1.
    const result = solve([
      [1, 8],
      [2, X],
    ]);
    expect(Array.from(result.rowToCol)).toEqual([1, 0]);
    expect(result.total).toBe(10);
    // A row with only forbidden cells is reported unassigned.
    expect(
      Array.from(
        solve([
          [X, X],
          [3, 4],
        ]).unassignedRows,
      ),
    ).toEqual([0]);
  });

  it("with an unassigned cost, assigns a row only where that is cheaper", () => {
    // Row 1 can only have column 0. Moving row 0 to column 1 pays when it costs less than row 1 saves.
    const both = solve(
      [
        [-5, -2],
        [-4, X],
      ],
      { unassignedCost: 0 },
    );
    expect(Array.from(both.rowToCol)).toEqual([1, 0]);
    expect(both.total).toBe(-6);
    const one = solve(
      [
        [-5, -0.5],
        [-4, X],
      ],
      { unassignedCost: 0 },
    );
    expect(Array.from(one.rowToCol)).toEqual([0, -1]);
    expect(Array.from(solve([[2, 3]], { unassignedCost: 1 }).rowToCol)).toEqual([-1]);
    expect(Array.from(solve([[2, 3]], { unassignedCost: 2.5 }).rowToCol)).toEqual([0]);
  });

  it("treats a column of capacity c as c identical columns", () => {
    const result = solve(
      [
        [1, 5],
        [1, 6],
        [1, 9],
      ],
      { columnCapacity: Int32Array.from([2, 1]) },
    );
    expect(Array.from(result.rowToCol)).toEqual([1, 0, 0]);
    expect(result.total).toBe(7);
    const closed = solve([[1, 5]], { columnCapacity: Int32Array.from([0, 1]) });
    expect(Array.from(closed.rowToCol)).toEqual([1]);
  });

  it("refuses NaN, -Infinity, a wrong length and bad capacities", () => {
    expect(() => solve([[NaN]])).toThrow(DomainError);
    expect(() => solve([[-Infinity]])).toThrow(/NaN and -Infinity/);
    expect(() => solveAssignment(new Float64Array(3), 2, 2)).toThrow(/needs 4 costs/);
    expect(() => solve([[1, 2]], { columnCapacity: Int32Array.from([1]) })).toThrow(/capacities/);
    expect(() => solve([[1]], { unassignedCost: Infinity })).toThrow(/finite/);
  });

  it("handles empty matrices", () => {
    expect(solveAssignment(new Float64Array(0), 0, 3).total).toBe(0);
    expect(Array.from(solveAssignment(new Float64Array(0), 2, 0).unassignedRows)).toEqual([0, 1]);
  });

  it("equals an exhaustive search on random small problems with forbidden cells and capacities", () => {
    const random = seeded(11);
    for (let instance = 0; instance < 400; instance++) {
      const rows = integer(random, 1, 6);
      const cols = integer(random, 1, 5);
      const cost = randomCosts(random, rows, cols, random() * 0.6);
      const capacity = Array.from({ length: cols }, () =>
        random() < 0.5 ? 1 : integer(random, 0, 3),
      );
      const unassignedCost = random() < 0.5 ? undefined : integer(random, -3, 6);
      const label = `instance ${instance}`;
      const result = solve(cost, { columnCapacity: Int32Array.from(capacity), unassignedCost });
      const expected = exhaustive(cost, capacity, unassignedCost);
      const assigned = rows - result.unassignedRows.length;
      if (unassignedCost === undefined) expect(assigned, label).toBe(expected.assigned);
      const score = (total: number, count: number) =>
        unassignedCost === undefined ? total : total + (rows - count) * unassignedCost;
      expect(score(result.total, assigned), label).toBeCloseTo(
        score(expected.total, expected.assigned),
        9,
      );
      result.rowToCol.forEach((col, row) => {
        if (col >= 0) expect(cost[row]![col], label).not.toBe(X);
      });
      capacity.forEach((count, col) =>
        expect(
          result.rowToCol.filter((assignedCol) => assignedCol === col).length,
          label,
        ).toBeLessThanOrEqual(count),
      );
    }
  });

  it("equals the npm package linear-sum-assignment on medium dense problems", () => {
    const random = seeded(2026);
    for (const [rows, cols] of [
      [40, 40],
      [30, 70],
      [70, 30],
      [100, 100],
      [1, 50],
    ] as const) {
      const cost = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => random() * 100),
      );
      const reference = linearSumAssignment(cost, { maximaze: false });
      const result = solve(cost);
      expect(result.total, `${rows} × ${cols}`).toBeCloseTo(reference.gain, 8);
      expect(rows - result.unassignedRows.length).toBe(Math.min(rows, cols));
      expect(new Set(result.rowToCol.filter((col) => col >= 0)).size).toBe(Math.min(rows, cols));
    }
  });
});
