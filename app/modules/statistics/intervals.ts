import jstat from "jstat";
import type { Summary } from "./summary";

export { DEFAULT_GROUP_FLOOR, summarise, type Summary } from "./summary";

/** Student's t quantile (two-sided interval at `confidence` uses the (1 + confidence) / 2 quantile). */
export function tQuantile(probability: number, degreesOfFreedom: number): number {
  return jstat.studentt.inv(probability, degreesOfFreedom);
}

export interface Difference {
  /** a's mean minus b's mean. */
  estimate: number;
  /** The confidence interval of the difference (Welch's t). */
  interval: [number, number];
  /** True when the interval excludes zero: a real difference rather than noise. */
  excludesZero: boolean;
}

/** The same, from the two groups' summaries (n, mean, sample sd). */
export function welchDifference(left: Summary, right: Summary, confidence = 0.95): Difference | null {
  if (left.n < 2 || right.n < 2) return null;
  const estimate = left.mean - right.mean;
  const va = left.sd ** 2 / left.n;
  const vb = right.sd ** 2 / right.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { estimate, interval: [estimate, estimate], excludesZero: estimate !== 0 };
  const df = (va + vb) ** 2 / ((va > 0 ? va ** 2 / (left.n - 1) : 0) + (vb > 0 ? vb ** 2 / (right.n - 1) : 0));
  const half = tQuantile((1 + confidence) / 2, df) * se;
  const interval: [number, number] = [estimate - half, estimate + half];
  return { estimate, interval, excludesZero: interval[0] > 0 || interval[1] < 0 };
}
