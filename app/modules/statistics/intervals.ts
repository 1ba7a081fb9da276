import jstat from "jstat";
import { summarise, type Summary } from "./summary";

/** Student's t quantile (two-sided interval at `confidence` uses the (1 + confidence) / 2 quantile). */
export function tQuantile(probability: number, degreesOfFreedom: number): number {
  return jstat.studentt.inv(probability, degreesOfFreedom);
}

export interface Difference {
  /** a's mean minus b's mean. */
  estimate: number;
  /** The confidence interval of the difference (Welch's t). */
  interval: [number, number];
  /**
   * True when the interval excludes zero: evidence for this one comparison alone. Among many
   * comparisons some exclude zero by chance, so a report marks differences through
   * `worthALook` (multiple-comparisons.ts), never through this.
   */
  excludesZero: boolean;
  /** The two-sided p-value of "no difference", from the same method as the interval: below 0.05 exactly when the 95% interval excludes zero. */
  pValue: number;
}

/** The same, from the two groups' summaries (n, mean, sample sd). */
export function welchDifference(
  left: Summary,
  right: Summary,
  confidence = 0.95,
): Difference | null {
  if (left.n < 2 || right.n < 2) return null;
  const estimate = left.mean - right.mean;
  const va = left.sd ** 2 / left.n;
  const vb = right.sd ** 2 / right.n;
  const se = Math.sqrt(va + vb);
  if (se === 0)
    return {
      estimate,
      interval: [estimate, estimate],
      excludesZero: estimate !== 0,
      pValue: estimate !== 0 ? 0 : 1,
    };
  const df =
    (va + vb) ** 2 /
    ((va > 0 ? va ** 2 / (left.n - 1) : 0) + (vb > 0 ? vb ** 2 / (right.n - 1) : 0));
  const half = tQuantile((1 + confidence) / 2, df) * se;
  const interval: [number, number] = [estimate - half, estimate + half];
  return {
    estimate,
    interval,
    excludesZero: interval[0] > 0 || interval[1] < 0,
    pValue: 2 * (1 - jstat.studentt.cdf(Math.abs(estimate) / se, df)),
  };
}

export type Proportion = { estimate: number; interval: [number, number] };

const Z95 = 1.959963984540054;

/** Wilson's score interval for a proportion (Newcombe 1998, method 3). */
export function wilsonInterval(successes: number, n: number, z = Z95): Proportion {
  if (n === 0) return { estimate: Number.NaN, interval: [0, 1] };
  return wilsonAt(successes / n, n, z);
}

/** Wilson's interval around p; n may be an effective sample size, so need not be whole. */
function wilsonAt(p: number, n: number, z: number): Proportion {
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { estimate: p, interval: [Math.max(0, centre - half), Math.min(1, centre + half)] };
}

/**
 * Answers in a table whose rows and columns are both clusters: in feedback, the people written
 * about and the colleagues writing. A cell is one colleague's answers about one person.
 */
export type ShareCell = { successes: number; n: number; row: string; column: string };

/**
 * The share of answers that count when the answers come in clusters both ways (all those about one
 * person are alike, and so are all those one colleague writes), with 95% confidence. Alike answers
 * carry less than independent ones would. The ratio estimator's two-way cluster-robust variance
 * (Cameron, Gelbach and Miller 2011) says how much less: with eᵢ = yᵢ − p·nᵢ per cell, the sums of
 * (Σe)² over rows and over columns, less that over cells (counted in both), each with its k/(k − 1)
 * correction, over N²; never below either way on its own, since a two-way sum can fall short by
 * chance. That becomes an effective number of answers N / deff (deff the design effect against
 * independent answers, never below 1, and 1 where every answer agrees, p = 0 or 1: no spread to
 * measure), and Wilson's interval is taken at it with Student's t on k − 1 degrees of freedom, k
 * the fewer of rows and columns, since the variance comes from that few clusters (Korn and
 * Graubard 1998; Wilson's form, unlike a Wald interval, stays inside 0–1 and holds near them: Dean
 * and Pagano 2015). With fewer than two rows or columns nothing says how much they vary: the
 * interval is all of 0–1.
 */
export function clusteredShare(cells: readonly ShareCell[], confidence = 0.95): Proportion {
  const answered = cells.filter((cell) => cell.n > 0);
  const answers = answered.reduce((sum, cell) => sum + cell.n, 0);
  const successes = answered.reduce((sum, cell) => sum + cell.successes, 0);
  const p = answers ? successes / answers : Number.NaN;
  const clustered = (key: (cell: ShareCell) => string) => {
    const sums = new Map<string, number>();
    for (const cell of answered)
      sums.set(key(cell), (sums.get(key(cell)) ?? 0) + cell.successes - p * cell.n);
    const k = sums.size;
    return {
      k,
      variance:
        k > 1
          ? ((k / (k - 1)) * [...sums.values()].reduce((sum, residual) => sum + residual ** 2, 0)) /
            answers ** 2
          : 0,
    };
  };
  const rows = clustered((cell) => cell.row);
  const columns = clustered((cell) => cell.column);
  const both = clustered((cell) => `${cell.row}\u0000${cell.column}`);
  const k = Math.min(rows.k, columns.k);
  if (k < 2) return { estimate: p, interval: [0, 1] };
  const variance = Math.max(
    rows.variance + columns.variance - both.variance,
    rows.variance,
    columns.variance,
  );
  const independent = (p * (1 - p)) / answers;
  const designEffect = independent > 0 ? Math.max(1, variance / independent) : 1;
  return wilsonAt(p, answers / designEffect, tQuantile((1 + confidence) / 2, k - 1));
}

type Counts = { successes: number; n: number };

/** Newcombe's hybrid score interval (1998, method 10) at normal quantile z. */
function newcombeInterval(a: Counts, b: Counts, z: number): [number, number] {
  const first = wilsonInterval(a.successes, a.n, z);
  const second = wilsonInterval(b.successes, b.n, z);
  const estimate = first.estimate - second.estimate;
  const lower =
    estimate -
    Math.sqrt(
      (first.estimate - first.interval[0]) ** 2 + (second.interval[1] - second.estimate) ** 2,
    );
  const upper =
    estimate +
    Math.sqrt(
      (first.interval[1] - first.estimate) ** 2 + (second.estimate - second.interval[0]) ** 2,
    );
  return [lower, upper];
}

/**
 * The p-value that goes with Newcombe's interval: 2(1 − Φ(z)) for the z at which the interval's
 * end nearest zero reaches it (the interval widens with z), so that p < 0.05 exactly when the 95%
 * interval excludes zero. Found by bisection; the method has no closed form for it.
 */
function newcombePValue(a: Counts, b: Counts, estimate: number): number {
  if (estimate === 0) return 1;
  const excludes = (z: number) => {
    const [lower, upper] = newcombeInterval(a, b, z);
    return estimate > 0 ? lower > 0 : upper < 0;
  };
  let low = 0;
  let high = 40;
  if (excludes(high)) return 0;
  for (let step = 0; step < 60; step++) {
    const middle = (low + high) / 2;
    if (excludes(middle)) low = middle;
    else high = middle;
  }
  return 2 * (1 - jstat.normal.cdf((low + high) / 2, 0, 1));
}

/** The difference of two independent proportions with Newcombe's hybrid score interval (1998, method 10). */
export function proportionDifference(a: Counts, b: Counts, z = Z95): Difference | null {
  if (a.n === 0 || b.n === 0) return null;
  const estimate = a.successes / a.n - b.successes / b.n;
  const [lower, upper] = newcombeInterval(a, b, z);
  return {
    estimate,
    interval: [lower, upper],
    excludesZero: lower > 0 || upper < 0,
    pValue: newcombePValue(a, b, estimate),
  };
}

/** A mean with Student's t interval (n − 1 degrees of freedom); null below two values. */
export function meanInterval(
  summary: Summary,
  confidence = 0.95,
): { estimate: number; interval: [number, number] } | null {
  if (summary.n < 2) return null;
  const half = tQuantile((1 + confidence) / 2, summary.n - 1) * (summary.sd / Math.sqrt(summary.n));
  return { estimate: summary.mean, interval: [summary.mean - half, summary.mean + half] };
}

/** One unit's figure, and how much of it came from each input it shares with other units (by the input's id). */
export type SharingUnit = { value: number; shared: ReadonlyMap<string, number> };

/**
 * The mean of the units' figures with Student's t interval (units − 1 degrees of freedom), where
 * units share inputs: two mentees compared with the same comparable people carry those people's
 * noise in both figures, so the figures are not independent and the plain interval over units
 * is too narrow. `shared` holds each input's part in a unit's figure as a centred residual (its
 * deviation from what the unit expected of it, times its weight in the figure); the products of
 * two units' parts in the same input estimate their covariance. The variance of the mean is the
 * units' sample variance over n plus those covariances, each pair's twice, over n(n − 1): over n²
 * for the mean's own variance, and the sample variance counts them again against itself, since
 * it is taken around a mean they moved too. A sum of products can fall below zero by chance
 * where the true covariance is small; the interval is then the plain one, never narrower.
 * Units that share nothing give exactly the plain t interval (meanInterval).
 */
export function meanWithSharedInputs(
  units: readonly SharingUnit[],
  confidence = 0.95,
): { estimate: number; interval: [number, number] } | null {
  const n = units.length;
  if (n < 2) return null;
  const { mean, sd } = summarise(units.map((unit) => unit.value));
  const byInput = new Map<string, { sum: number; squares: number }>();
  for (const unit of units) {
    for (const [input, part] of unit.shared) {
      const total = byInput.get(input) ?? byInput.set(input, { sum: 0, squares: 0 }).get(input)!;
      total.sum += part;
      total.squares += part ** 2;
    }
  }
  let covariances = 0;
  for (const { sum, squares } of byInput.values()) covariances += sum ** 2 - squares;
  const variance = sd ** 2 / n + Math.max(0, covariances) / (n * (n - 1));
  const half = tQuantile((1 + confidence) / 2, n - 1) * Math.sqrt(variance);
  return { estimate: mean, interval: [mean - half, mean + half] };
}
