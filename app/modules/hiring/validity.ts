import jstat from "jstat";
import type { ScoreEntry } from "./scorecard";

/**
 * The validity loop: do interview scores say anything about how hires later do? For hired
 * candidates linked to people, interview scores are correlated with later review ratings, per
 * competency and per stage, with Pearson's r and Spearman's rho, each with n and a 95% interval
 * from Fisher's z. Figures below a minimum n are suppressed. docs/decisions/021-hiring-statistics.md.
 */

/** Correlations on fewer hires than this are not shown: the interval would span almost everything. */
export const VALIDITY_MIN_N = 10;

/** Said beside every figure: the loop only follows people who were hired. */
export const VALIDITY_CAVEAT =
  "These figures follow hired people only. Candidates who were turned down have no later reviews, so the scores here are " +
  "those of people who passed the bar: the narrower range usually makes correlations look weaker than the interviews really are, " +
  "and nothing here says how good the decisions to reject were.";

/** The normal quantile; app/types/jstat.d.ts declares only the t distribution, so the one function used here is typed locally. */
const normal = (
  jstat as unknown as { normal: { inv(probability: number, mean: number, sd: number): number } }
).normal;

/** A hire's interview and later review, both on the ladder's scale. */
export interface HireOutcome {
  personId: string;
  /**
   * Every score of the hire's loop (effective cards), with the stage it was given in. Plans differ
   * per opening, so `stageId` is whatever groups stages across them (a stage name such as "System design").
   */
  interview: readonly (ScoreEntry & { stageId: string })[];
  /** Later review ratings per competency (for example, the first manager review after joining). */
  review: readonly { competencyId: string; rating: number | null }[];
}

export interface Coefficient {
  value: number;
  /** Fisher's z interval; null with three pairs or fewer. */
  interval: [number, number] | null;
}

export interface Correlation {
  /** Pairs behind the figures (one per hire). */
  n: number;
  /** Fewer pairs than the minimum: the coefficients are not shown. */
  suppressed: boolean;
  /** Null when suppressed, or when either side does not vary. */
  pearson: Coefficient | null;
  spearman: Coefficient | null;
}

export interface ValidityReport {
  /** Hires with at least one interview score and one review rating. */
  hires: number;
  minN: number;
  caveat: string;
  /** Per competency, in order first scored: each hire's mean interview score on it against their review rating of it. */
  byCompetency: (Correlation & { competencyId: string })[];
  /**
   * Per stage, in order first seen: each hire's mean score in the stage against their mean
   * review rating, both over the competencies the stage scored and the review rated.
   */
  byStage: (Correlation & { stageId: string })[];
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Pearson's r; null with fewer than two pairs or when either side does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Ranks from 1, ties sharing the mean of the ranks they span. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) result[order[i]!.index] = rank;
    start = end + 1;
  }
  return result;
}

/** Spearman's rho: Pearson's r of the ranks (ties take mean ranks). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  return pearson(ranks(xs), ranks(ys));
}

/**
 * The interval of a correlation through Fisher's z: tanh(atanh(r) ± z_{(1+c)/2} · √(f / (n − 3))),
 * with f = 1 for Pearson's r and f = 1.06 for Spearman's rho (Fieller, Hartley and Pearson, 1957).
 * Null with three pairs or fewer.
 */
export function fisherInterval(
  r: number,
  n: number,
  confidence = 0.95,
  varianceFactor = 1,
): [number, number] | null {
  if (n <= 3) return null;
  const z = Math.atanh(r);
  const half = normal.inv((1 + confidence) / 2, 0, 1) * Math.sqrt(varianceFactor / (n - 3));
  return [Math.tanh(z - half), Math.tanh(z + half)];
}

/** Pearson and Spearman with their intervals, or only n when there are fewer pairs than `minN`. */
export function correlate(
  xs: readonly number[],
  ys: readonly number[],
  minN = VALIDITY_MIN_N,
  confidence = 0.95,
): Correlation {
  const n = Math.min(xs.length, ys.length);
  if (n < minN) return { n, suppressed: true, pearson: null, spearman: null };
  const r = pearson(xs, ys);
  const rho = spearman(xs.slice(0, n), ys.slice(0, n));
  return {
    n,
    suppressed: false,
    pearson: r === null ? null : { value: r, interval: fisherInterval(r, n, confidence) },
    spearman:
      rho === null ? null : { value: rho, interval: fisherInterval(rho, n, confidence, 1.06) },
  };
}

function push<K>(map: Map<K, { xs: number[]; ys: number[] }>, key: K, x: number, y: number): void {
  const pairs = map.get(key);
  if (pairs) {
    pairs.xs.push(x);
    pairs.ys.push(y);
  } else map.set(key, { xs: [x], ys: [y] });
}

/**
 * The validity report over hires: one pair per hire for each competency (their mean interview
 * score on it, their review rating of it) and for each stage (their mean score in the stage
 * and their mean review rating, both over the competencies the stage scored and the review
 * rated). Scores of competencies the review did not rate are left out.
 */
export function validityReport(
  hires: readonly HireOutcome[],
  minN = VALIDITY_MIN_N,
  confidence = 0.95,
): ValidityReport {
  const byCompetency = new Map<string, { xs: number[]; ys: number[] }>();
  const byStage = new Map<string, { xs: number[]; ys: number[] }>();
  let counted = 0;
  for (const hire of hires) {
    const ratings = new Map(
      hire.review.flatMap(({ competencyId, rating }) =>
        rating === null ? [] : [[competencyId, rating] as const],
      ),
    );
    const competencyScores = new Map<string, number[]>();
    // Per stage, only scores of competencies the review rated, so both sides speak of the same competencies.
    const stageScores = new Map<string, { scores: number[]; ratings: Map<string, number> }>();
    for (const { competencyId, score, stageId } of hire.interview) {
      if (score === null) continue;
      const scores = competencyScores.get(competencyId);
      if (scores) scores.push(score);
      else competencyScores.set(competencyId, [score]);
      const rating = ratings.get(competencyId);
      if (rating === undefined) continue;
      const stage = stageScores.get(stageId) ?? { scores: [], ratings: new Map<string, number>() };
      stage.scores.push(score);
      stage.ratings.set(competencyId, rating);
      stageScores.set(stageId, stage);
    }
    let paired = false;
    for (const [competencyId, scores] of competencyScores) {
      const rating = ratings.get(competencyId);
      if (rating === undefined) continue;
      push(byCompetency, competencyId, mean(scores), rating);
      paired = true;
    }
    for (const [stageId, stage] of stageScores)
      push(byStage, stageId, mean(stage.scores), mean([...stage.ratings.values()]));
    if (paired) counted += 1;
  }
  return {
    hires: counted,
    minN,
    caveat: VALIDITY_CAVEAT,
    byCompetency: [...byCompetency].map(([competencyId, pairs]) => ({
      competencyId,
      ...correlate(pairs.xs, pairs.ys, minN, confidence),
    })),
    byStage: [...byStage].map(([stageId, pairs]) => ({
      stageId,
      ...correlate(pairs.xs, pairs.ys, minN, confidence),
    })),
  };
}
