import jstat from "jstat";
import { meanInterval, tQuantile } from "~/modules/statistics/intervals";
import { summarise } from "~/modules/statistics/summary";
import { EDMONDSON_ITEMS, REVERSED_ITEMS, SCALE_POINTS, scored } from "./items";
import { smallest } from "~/utils/extremes";

/**
 * The figures a team's results show, from released answers only (release.ts): each item's
 * distribution and mean with Student's t interval, the scale's score (the mean of the seven items'
 * means after reverse scoring), the change since the last check-in, the items furthest from the rest,
 * and Cronbach's alpha. Pure.
 *
 * The score's interval is worked out from the items' released figures alone, never from each
 * person's own score (a figure the items do not show, decision 099): its standard error is the mean
 * of the items' standard errors, which is what it would be if the items moved together, the widest
 * it can be, so the interval is conservative.
 */

export type ItemFigures = {
  item: string;
  n: number;
  /** How many answered each point, 1 to 7 (as answered, not reverse-scored). */
  distribution: number[];
  /** The mean as answered, and as scored (reverse-scored items turned round). */
  mean: number;
  scoredMean: number;
  /** The scored mean's 95% t interval; null below two answers. */
  interval: [number, number] | null;
  /** The same interval as answered, beside the mean as answered (a reverse-scored item's turned round). */
  unscoredInterval: [number, number] | null;
  /** The scored mean's standard error. */
  se: number;
};

/** `reversed`: whether the item is reverse-scored (an organisation's own item says so itself). */
export function itemFigures(
  item: string,
  values: readonly number[],
  reversed = REVERSED_ITEMS.has(item),
): ItemFigures | null {
  if (!values.length) return null;
  const distribution = SCALE_POINTS.map((point) => values.filter((v) => v === point).length);
  const summary = summarise(values.map((value) => scored(item, value, reversed)));
  const interval = meanInterval(summary)?.interval ?? null;
  return {
    item,
    n: summary.n,
    distribution,
    mean: summarise(values).mean,
    scoredMean: summary.mean,
    interval,
    unscoredInterval:
      interval &&
      ([scored(item, interval[1], reversed), scored(item, interval[0], reversed)].sort(
        (a, b) => a - b,
      ) as [number, number]),
    se: summary.n > 1 ? summary.sd / Math.sqrt(summary.n) : Number.NaN,
  };
}

export type Score = {
  estimate: number;
  interval: [number, number];
  se: number;
  df: number;
};

/** The scale's score, only when every one of the seven items is shown with at least two answers. */
export function scaleScore(items: readonly (ItemFigures | null)[]): Score | null {
  const scale = EDMONDSON_ITEMS.map((key) => items.find((figures) => figures?.item === key));
  if (scale.some((figures) => !figures || figures.n < 2)) return null;
  const shown = scale as ItemFigures[];
  const estimate = shown.reduce((sum, figures) => sum + figures.scoredMean, 0) / shown.length;
  const se = shown.reduce((sum, figures) => sum + figures.se, 0) / shown.length;
  const df = smallest(shown.map((figures) => figures.n)) - 1;
  const half = tQuantile(0.975, df) * se;
  return { estimate, interval: [estimate - half, estimate + half], se, df };
}

/**
 * One score minus another, with a conservative t interval (the fewer degrees of freedom) and the
 * two-sided p-value of "no difference" from the same t: below 0.05 exactly when the interval
 * excludes zero. A check-in against the last one, or a group against the rest (decision 126).
 */
export function scoreDifference(
  a: Score,
  b: Score,
): { estimate: number; interval: [number, number]; pValue: number } {
  const estimate = a.estimate - b.estimate;
  const df = Math.min(a.df, b.df);
  const se = Math.hypot(a.se, b.se);
  const half = tQuantile(0.975, df) * se;
  const pValue =
    se === 0 ? (estimate === 0 ? 1 : 0) : 2 * (1 - jstat.studentt.cdf(Math.abs(estimate) / se, df));
  return { estimate, interval: [estimate - half, estimate + half], pValue };
}

/** Now's score minus the last check-in's, with a conservative t interval (the fewer degrees of freedom). */
export function scoreChange(
  now: Score,
  before: Score,
): { estimate: number; interval: [number, number] } {
  const { estimate, interval } = scoreDifference(now, before);
  return { estimate, interval };
}

/** The items (as scored) whose mean is furthest from the mean of the others' means, furthest first. */
export function furthestItems(
  items: readonly ItemFigures[],
  count = 2,
): { item: string; gap: number }[] {
  if (items.length < 3) return [];
  const total = items.reduce((sum, figures) => sum + figures.scoredMean, 0);
  return items
    .map((figures) => ({
      item: figures.item,
      gap: figures.scoredMean - (total - figures.scoredMean) / (items.length - 1),
    }))
    .sort((a, b) => Math.abs(b.gap) - Math.abs(a.gap) || a.item.localeCompare(b.item))
    .slice(0, count);
}

/**
 * Cronbach's alpha of a scale from complete rows (each row one answer, every item answered, already
 * reverse-scored): k/(k−1) · (1 − Σ item variances / variance of the row totals), sample variances.
 * Null below two rows or two items, or when the totals do not vary.
 */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  if (rows.length < 2 || k < 2) return null;
  const variance = (values: number[]) => summarise(values).sd ** 2;
  const itemVariances = Array.from({ length: k }, (_, index) =>
    variance(rows.map((row) => row[index]!)),
  );
  const totalVariance = variance(rows.map((row) => row.reduce((sum, value) => sum + value, 0)));
  if (totalVariance === 0) return null;
  return (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / totalVariance);
}
