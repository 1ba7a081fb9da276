import type { ScoreEntry } from "./scorecard";

/**
 * Krippendorff's alpha: how far interviewers agree beyond what their scores would show by
 * chance, by the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability". Any number of coders, missing values allowed; a unit with fewer than two
 * values cannot be paired and is dropped. docs/decisions/021-hiring-statistics.md.
 */

/** How differences between values count: any difference alike, by rank, or by distance. */
export type AlphaLevel = "nominal" | "ordinal" | "interval";

export interface Alpha {
  /** Null when undefined: no pairable values, or no variation among them (every value the same). */
  alpha: number | null;
  level: AlphaLevel;
  /** Units with at least two values: those behind the figure. */
  units: number;
  /** Pairable values (n in Krippendorff's notation, the total of the coincidence matrix). */
  values: number;
}

export interface Coincidences {
  /** The distinct pairable values, ascending. */
  values: number[];
  /** o[c][k]: how often value c was paired with value k within a unit, each unit weighted by 1 / (m_u − 1). Symmetric. */
  matrix: number[][];
  /** n_c: each value's row total. */
  totals: number[];
  /** n: the total of the matrix, the number of pairable values. */
  n: number;
  /** Units with at least two values. */
  units: number;
}

/** A unit's values: a row of the units × coders reliability matrix, null or undefined where a coder gave none. */
export type Unit = ReadonlyArray<number | null | undefined>;

function isValue(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

/**
 * The coincidence matrix of a units × coders reliability matrix: within each unit of m_u ≥ 2
 * values, every ordered pair of values from different coders adds 1 / (m_u − 1) to o[c][k].
 */
export function coincidenceMatrix(units: readonly Unit[]): Coincidences {
  // First pass: how many values each unit has, and the distinct values of the pairable ones.
  const sizes = new Int32Array(units.length);
  const distinct = new Set<number>();
  units.forEach((unit, u) => {
    let size = 0;
    for (const value of unit) if (isValue(value)) size += 1;
    sizes[u] = size;
    if (size >= 2) for (const value of unit) if (isValue(value)) distinct.add(value);
  });
  const values = [...distinct].sort((a, b) => a - b);
  const indexOfValue = new Map(values.map((value, index) => [value, index]));
  const matrix = values.map(() => new Array<number>(values.length).fill(0));
  const counts = new Array<number>(values.length).fill(0);
  const touched: number[] = [];
  let pairable = 0;
  units.forEach((unit, u) => {
    const size = sizes[u]!;
    if (size < 2) return;
    pairable += 1;
    for (const value of unit) {
      if (!isValue(value)) continue;
      const index = indexOfValue.get(value)!;
      if (counts[index] === 0) touched.push(index);
      counts[index]! += 1;
    }
    const weight = 1 / (size - 1);
    for (const c of touched) {
      const row = matrix[c]!;
      for (const k of touched) row[k]! += counts[c]! * (counts[k]! - (c === k ? 1 : 0)) * weight;
    }
    for (const index of touched) counts[index] = 0;
    touched.length = 0;
  });
  const totals = matrix.map((row) => row.reduce((sum, value) => sum + value, 0));
  return {
    values,
    matrix,
    totals,
    n: totals.reduce((sum, value) => sum + value, 0),
    units: pairable,
  };
}

/**
 * The squared difference δ²(c, k) between the c-th and k-th distinct values (indexes into
 * `coincidences.values`):
 * - nominal: 0 when equal, else 1;
 * - interval: (v_c − v_k)²;
 * - ordinal: (Σ_{g=c..k} n_g − (n_c + n_k) / 2)², the values' distance in ranks of the pooled
 *   pairable values, so only their order matters.
 */
export function squaredDifference(
  level: AlphaLevel,
  coincidences: Pick<Coincidences, "values" | "totals">,
  c: number,
  k: number,
): number {
  if (c === k) return 0;
  if (level === "nominal") return 1;
  if (level === "interval") return (coincidences.values[c]! - coincidences.values[k]!) ** 2;
  const low = Math.min(c, k);
  const high = Math.max(c, k);
  let between = 0;
  for (let g = low; g <= high; g += 1) between += coincidences.totals[g]!;
  return (between - (coincidences.totals[low]! + coincidences.totals[high]!) / 2) ** 2;
}

/**
 * Alpha from a coincidence matrix: 1 − D_o / D_e, with the observed disagreement
 * D_o = Σ o_ck δ²_ck / n and the disagreement expected by chance D_e = Σ n_c n_k δ²_ck / (n (n − 1)).
 */
export function alphaFromCoincidences(coincidences: Coincidences, level: AlphaLevel): Alpha {
  const { matrix, totals, n, units } = coincidences;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < totals.length; c += 1) {
    for (let k = c + 1; k < totals.length; k += 1) {
      // δ² is symmetric and zero on the diagonal: count each off-diagonal pair once, twice over.
      const delta = squaredDifference(level, coincidences, c, k);
      observed += 2 * matrix[c]![k]! * delta;
      expected += 2 * totals[c]! * totals[k]! * delta;
    }
  }
  if (n < 2 || expected === 0) return { alpha: null, level, units, values: n };
  return { alpha: 1 - ((n - 1) * observed) / expected, level, units, values: n };
}

/** Krippendorff's alpha of a units × coders reliability matrix (rows are units; null where a coder gave no value). */
export function krippendorffAlpha(units: readonly Unit[], level: AlphaLevel = "ordinal"): Alpha {
  return alphaFromCoincidences(coincidenceMatrix(units), level);
}

/** What agreement needs of past loops: each card's scores, whoever gave them. */
export interface ScoredLoop {
  cards: readonly { scores: readonly ScoreEntry[] }[];
}

export interface InterviewAgreement {
  /** Every candidate × competency as a unit. */
  overall: Alpha;
  /** Per competency, each candidate a unit; in the order given, else in the order first scored. */
  byCompetency: (Alpha & { competencyId: string })[];
}

/**
 * Interviewer agreement over past loops, per competency (units are candidates, values the
 * interviewers' scores) and overall (units are candidate × competency). "Not assessed" is a
 * missing value, not a score.
 */
export function interviewAgreement(
  loops: readonly ScoredLoop[],
  level: AlphaLevel = "ordinal",
  competencyIds: readonly string[] = [],
): InterviewAgreement {
  const unitsByCompetency = new Map<string, number[][]>(
    competencyIds.map((competencyId) => [competencyId, []]),
  );
  const overall: number[][] = [];
  for (const loop of loops) {
    const byCompetency = new Map<string, number[]>();
    for (const card of loop.cards) {
      for (const { competencyId, score } of card.scores) {
        if (score === null) continue;
        const values = byCompetency.get(competencyId);
        if (values) values.push(score);
        else byCompetency.set(competencyId, [score]);
      }
    }
    for (const [competencyId, values] of byCompetency) {
      const units = unitsByCompetency.get(competencyId);
      if (units) units.push(values);
      else unitsByCompetency.set(competencyId, [values]);
      overall.push(values);
    }
  }
  return {
    overall: krippendorffAlpha(overall, level),
    byCompetency: [...unitsByCompetency].map(([competencyId, units]) => ({
      competencyId,
      ...krippendorffAlpha(units, level),
    })),
  };
}

/** A small seeded generator (mulberry32): the same votes draw the same resamples on every read. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A percentile bootstrap interval for alpha over clusters of units: a promotion window's nominees,
 * each with the criteria its members marked. The units of one nominee are marked by the same
 * people in one sitting and are not independent, so whole nominees are drawn with replacement
 * (Hayes and Krippendorff 2007 resample the pairable values; with marks clustered by nominee that
 * promises more than it holds). The coincidence matrix adds up over units, so a draw is the sum of
 * its nominees' matrices, not a recount. Null with fewer than two nominees that can be paired, or
 * when most draws leave alpha undefined (every mark alike).
 */
export function alphaInterval(
  clusters: readonly (readonly Unit[])[],
  level: AlphaLevel = "ordinal",
  { draws = 1000, confidence = 0.95, seed = 1 } = {},
): [number, number] | null {
  const whole = coincidenceMatrix(clusters.flat());
  const size = whole.values.length;
  const indexOf = new Map(whole.values.map((value, index) => [value, index]));
  const parts = clusters.flatMap((units) => {
    const own = coincidenceMatrix(units);
    if (own.units === 0) return [];
    const matrix = new Float64Array(size * size);
    own.values.forEach((c, i) =>
      own.values.forEach((k, j) => {
        matrix[indexOf.get(c)! * size + indexOf.get(k)!]! += own.matrix[i]![j]!;
      }),
    );
    return [{ matrix, units: own.units }];
  });
  if (parts.length < 2) return null;
  const random = seeded(seed);
  const alphas: number[] = [];
  // One draw's coincidences, refilled in place: a page reads a thousand draws per request.
  const draw: Coincidences = {
    values: whole.values,
    matrix: whole.values.map(() => new Array<number>(size).fill(0)),
    totals: new Array<number>(size).fill(0),
    n: 0,
    units: 0,
  };
  for (let turn = 0; turn < draws; turn++) {
    for (const row of draw.matrix) row.fill(0);
    draw.units = 0;
    for (let pick = 0; pick < parts.length; pick++) {
      const part = parts[Math.floor(random() * parts.length)]!;
      for (let c = 0; c < size; c++) {
        const row = draw.matrix[c]!;
        for (let k = 0; k < size; k++) row[k]! += part.matrix[c * size + k]!;
      }
      draw.units += part.units;
    }
    draw.n = 0;
    for (let c = 0; c < size; c++) {
      let total = 0;
      for (const value of draw.matrix[c]!) total += value;
      draw.totals[c] = total;
      draw.n += total;
    }
    const { alpha } = alphaFromCoincidences(draw, level);
    if (alpha !== null) alphas.push(alpha);
  }
  if (alphas.length < draws / 2) return null;
  alphas.sort((a, b) => a - b);
  const at = (share: number) =>
    alphas[Math.min(alphas.length - 1, Math.max(0, Math.round(share * (alphas.length - 1))))]!;
  return [at((1 - confidence) / 2), at((1 + confidence) / 2)];
}

/**
 * An interval wider than this says too little to read: it spans both of Krippendorff's marks
 * (0.667, tentative conclusions; 0.8, reliable) and more, so the page says so rather than invite
 * a reading of the estimate.
 */
export const ALPHA_INTERVAL_TOO_WIDE = 0.4;
