import { fisherExact } from "./fisher";
import { benjaminiHochberg, holm } from "./multiple-comparisons";

/**
 * Adverse impact: a group's rate (nominated, promoted, chosen for stretch work) against the highest
 * group's, and the four-fifths rule (the US Uniform Guidelines, 29 CFR 1607.4(D)): a ratio below 0.8
 * is a sign of adverse impact. On its own the rule flags small groups by chance (one promotion fewer
 * in a team of six moves the ratio by a sixth), so here a ratio below 0.8 is flagged only where the
 * evidence holds up: decision 083. Pure.
 */

/** Successes among n: a group's part of a step (of the eligible, those nominated). */
export type Counts = { successes: number; n: number };

/** The four-fifths of the rule: a ratio below it is a sign of adverse impact. */
export const FOUR_FIFTHS = 0.8;

/** The chance of any false flag among an audit's comparisons (Holm), or the share of false flags among them (Benjamini–Hochberg). */
export const ADVERSE_IMPACT_ALPHA = 0.05;

export type Adjustment = "holm" | "benjamini-hochberg";

const Z95 = 1.959963984540054;

export type ImpactRatio = {
  /** The group's rate over the reference group's. */
  estimate: number;
  /**
   * Katz's log interval (Katz et al. 1978; scipy's `relative_risk(...).confidence_interval()`):
   * exp(log ratio ± z·√(1/x₁ − 1/n₁ + 1/x₂ − 1/n₂)). With no success in the group the logarithm has
   * none to stand on: the lower end is 0 and the upper end is taken with half a success and half a
   * failure added to each group (Haldane's correction), so that a group of three with none promoted
   * is not flagged as surely as one of thirty.
   */
  interval: [number, number];
};

/**
 * The ratio of two rates with its 95% interval; null where the reference's rate is nought (no
 * ratio) or either group is empty.
 */
export function impactRatio(group: Counts, reference: Counts, z = Z95): ImpactRatio | null {
  if (group.n === 0 || reference.n === 0 || reference.successes === 0) return null;
  const estimate = group.successes / group.n / (reference.successes / reference.n);
  if (group.successes === 0) {
    const [x1, n1, x2, n2] = [0.5, group.n + 1, reference.successes + 0.5, reference.n + 1];
    const upper = Math.exp(
      Math.log(x1 / n1 / (x2 / n2)) + z * Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2),
    );
    return { estimate, interval: [0, upper] };
  }
  const spread =
    z * Math.sqrt(1 / group.successes - 1 / group.n + 1 / reference.successes - 1 / reference.n);
  return { estimate, interval: [estimate * Math.exp(-spread), estimate * Math.exp(spread)] };
}

/** One group set against the reference group (the highest rate) in one step. */
export type ImpactComparison = { group: Counts; reference: Counts };

export type ImpactFinding = {
  ratio: ImpactRatio | null;
  /** Fisher's exact test of the two groups' rates, two-sided. */
  pValue: number;
  /** The p-value adjusted over every comparison of the audit (Holm or Benjamini–Hochberg). */
  adjustedP: number;
  /**
   * The four-fifths rule, where the evidence supports it: the ratio is below 0.8, the adjusted
   * p-value is below alpha, and the ratio's interval lies wholly below 1 (so no flagged row shows an
   * interval that includes parity).
   */
  flagged: boolean;
};

/**
 * The four-fifths rule over one audit's comparisons, decided here and nowhere else. Pass every
 * comparison the audit shows, once: the family the adjustment is made over is all of them.
 */
export function fourFifthsRule(
  comparisons: readonly ImpactComparison[],
  adjustment: Adjustment = "holm",
  alpha = ADVERSE_IMPACT_ALPHA,
): ImpactFinding[] {
  const tested = comparisons.map(({ group, reference }) => ({
    ratio: impactRatio(group, reference),
    pValue: fisherExact(
      group.successes,
      group.n - group.successes,
      reference.successes,
      reference.n - reference.successes,
    ),
  }));
  const adjusted = (adjustment === "holm" ? holm : benjaminiHochberg)(
    tested.map((test) => test.pValue),
  );
  return tested.map((test, index) => {
    const adjustedP = adjusted[index]!;
    const flagged =
      test.ratio !== null &&
      test.ratio.estimate < FOUR_FIFTHS &&
      adjustedP < alpha &&
      test.ratio.interval[1] < 1;
    return { ...test, adjustedP, flagged };
  });
}
