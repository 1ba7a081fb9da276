/**
 * The first half of the fairness pass: the bottleneck threshold, the largest fit t such that a
 * pairing of a given size exists using only pairs with fit ≥ t. A binary search over the
 * distinct fits of the allowed pairs, with a maximum bipartite matching as the feasibility test.
 */
import { maximumMatchingSize } from "./cardinality";
import type { Programme } from "./programme";

/** The allowed pairs between some mentees and the mentors with free slots. */
export interface FitGraph {
  /** Mentee i's pairs are `mentors[start[i]]` up to (not including) `mentors[start[i + 1]]`. */
  start: Int32Array;
  mentors: Int32Array;
  fits: Float64Array;
  freeSlots: Int32Array;
}

/** The graph of allowed pairs between the mentees `rows` and the mentors, each mentor taking `freeSlots[mentor]`. */
export function allowedPairs(
  programme: Programme,
  rows: readonly number[],
  freeSlots: Int32Array,
): FitGraph {
  const mentorCount = programme.mentors.length;
  const start = new Int32Array(rows.length + 1);
  const mentors: number[] = [];
  const fits: number[] = [];
  rows.forEach((mentee, row) => {
    for (let mentor = 0; mentor < mentorCount; mentor++) {
      const fit = programme.fit[mentee * mentorCount + mentor]!;
      // NaN (a broken rule) fails this comparison.
      if (freeSlots[mentor]! > 0 && fit >= -Infinity) {
        mentors.push(mentor);
        fits.push(fit);
      }
    }
    start[row + 1] = mentors.length;
  });
  return { start, mentors: Int32Array.from(mentors), fits: Float64Array.from(fits), freeSlots };
}

/** The most mentees that can be paired using only pairs with fit ≥ `threshold` (every pair for -Infinity). */
export function pairsAbove(fitGraph: FitGraph, threshold: number): number {
  const { start, mentors, fits, freeSlots } = fitGraph;
  const rows = start.length - 1;
  const kept = {
    start: new Int32Array(rows),
    end: new Int32Array(rows),
    targets: new Int32Array(mentors.length),
    capacity: freeSlots,
  };
  let count = 0;
  for (let row = 0; row < rows; row++) {
    kept.start[row] = count;
    for (let edge = start[row]!; edge < start[row + 1]!; edge++) {
      if (fits[edge]! >= threshold) kept.targets[count++] = mentors[edge]!;
    }
    kept.end[row] = count;
  }
  return maximumMatchingSize(kept);
}

/** The largest fit t such that `size` mentees can be paired using only pairs with fit ≥ t (`size` must be possible with every pair). */
export function bottleneckThreshold(fitGraph: FitGraph, size: number): number {
  const candidates = distinct(fitGraph.fits);
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pairsAbove(fitGraph, candidates[middle]!) >= size) low = middle;
    else high = middle - 1;
  }
  return candidates[low]!;
}

/** The distinct values, ascending. */
function distinct(values: Float64Array): Float64Array {
  const sorted = values.slice().sort();
  let count = 0;
  for (let index = 0; index < sorted.length; index++) {
    if (index === 0 || sorted[index] !== sorted[count - 1]) sorted[count++] = sorted[index]!;
  }
  return sorted.subarray(0, count);
}
