import jstat from "jstat";

/**
 * Kaplan–Meier survival curves: how long people stay in a state (a level) when some of them
 * have not left it yet, or left for another reason. Those are censored at the time last seen,
 * not dropped: they count among those at risk until then. Each step carries Greenwood's
 * variance and a pointwise interval on the log-log scale, and the median comes with
 * Brookmeyer and Crowley's interval (the first times the band's lower and upper curves reach
 * one half), as R's survfit and quantile do with conf.type = "log-log". Someone first seen after
 * entering the state (left truncation: at a level for years before the organisation adopted Rungs)
 * counts among those at risk only from the time they were first seen, as survfit's
 * Surv(entry, time, event) does: at risk at t are those with entry < t ≤ time. Pure; decision 042.
 */

/**
 * One person's time in the state, whether it ended with the event (false: censored), and, when
 * they were first seen after entering it, how long they had been in it by then (`entry`, default 0).
 */
export type SurvivalObservation = { time: number; event: boolean; entry?: number };

export type SurvivalStep = {
  time: number;
  /** In the state just before `time`. */
  atRisk: number;
  events: number;
  censored: number;
  /** The chance of still being in the state after `time`. */
  survival: number;
  /** Greenwood's standard error of `survival`. */
  standardError: number;
  /** Pointwise interval of `survival` on the log-log scale; null once nobody is left (the scale has no room for 0). */
  interval: [number, number] | null;
};

export type SurvivalCurve = {
  n: number;
  events: number;
  /** One per distinct time with an event or a censoring, in order. */
  steps: SurvivalStep[];
  /** The first time the curve is at or below one half; null while more than half are still in the state. */
  median: number | null;
  /** Brookmeyer–Crowley interval of the median; an end is null where the band never gets that low. */
  medianInterval: [number | null, number | null];
};

/** The normal quantile; app/types/jstat.d.ts declares only the t distribution, so the one function used here is typed locally. */
const normal = (
  jstat as unknown as { normal: { inv(probability: number, mean: number, sd: number): number } }
).normal;

const EPSILON = 1e-12;

export function kaplanMeier(
  observations: readonly SurvivalObservation[],
  confidence = 0.95,
): SurvivalCurve {
  const z = normal.inv((1 + confidence) / 2, 0, 1);
  // Seen only at the moment they left: never at risk, so not an observation of the curve.
  const seen = observations.filter(
    (observation) => (observation.entry ?? 0) < observation.time || (observation.entry ?? 0) === 0,
  );
  const byTime = new Map<number, { events: number; censored: number }>();
  for (const { time, event } of seen) {
    const tally = byTime.get(time) ?? { events: 0, censored: 0 };
    if (event) tally.events += 1;
    else tally.censored += 1;
    byTime.set(time, tally);
  }
  const times = [...byTime.keys()].sort((a, b) => a - b);
  // At risk at t: entered before t (or seen from the start), not yet left before t (entry < t ≤ time).
  const entries = seen.map((observation) => observation.entry ?? 0).sort((a, b) => a - b);
  let entered = 0;
  let left = 0;
  let survival = 1;
  // Σ d / (n (n − d)): Greenwood's sum, the variance of log S.
  let greenwood = 0;
  const steps: SurvivalStep[] = [];
  for (const time of times) {
    const { events, censored } = byTime.get(time)!;
    while (entered < entries.length && (entries[entered] === 0 || entries[entered]! < time))
      entered += 1;
    const atRisk = entered - left;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood +=
        atRisk > events ? events / (atRisk * (atRisk - events)) : Number.POSITIVE_INFINITY;
    }
    steps.push({
      time,
      atRisk,
      events,
      censored,
      survival,
      standardError: greenwoodError(survival, greenwood),
      interval: logLogInterval(survival, greenwood, z),
    });
    left += events + censored;
  }
  const eventSteps = steps.filter((step) => step.events > 0);
  return {
    n: seen.length,
    events: eventSteps.reduce((sum, step) => sum + step.events, 0),
    steps,
    median: crossing(eventSteps, (step) => step.survival),
    // The band's lower curve reaches one half first: the lower end of the median's interval.
    medianInterval: [
      crossing(eventSteps, (step) => step.interval?.[0] ?? null),
      crossing(eventSteps, (step) => step.interval?.[1] ?? null),
    ],
  };
}

function greenwoodError(survival: number, greenwood: number): number {
  if (survival === 0 || !Number.isFinite(greenwood)) return 0;
  return survival * Math.sqrt(greenwood);
}

/** exp(−exp(log(−log S) ± z·σ)) with σ² = Greenwood's sum / (log S)²: always inside 0 to 1. */
function logLogInterval(survival: number, greenwood: number, z: number): [number, number] | null {
  if (survival >= 1 - EPSILON) return [1, 1];
  if (survival <= EPSILON || !Number.isFinite(greenwood)) return null;
  const logS = Math.log(survival);
  const spread = (z * Math.sqrt(greenwood)) / Math.abs(logS);
  return [survival ** Math.exp(spread), survival ** Math.exp(-spread)];
}

/**
 * The first event time at which a curve (the estimate, or an end of its band) is at or below one
 * half. Where it sits exactly on one half until the next event, the midpoint of the two times,
 * as R's quantile.survfit does.
 */
function crossing(
  steps: readonly SurvivalStep[],
  value: (step: SurvivalStep) => number | null,
): number | null {
  for (let index = 0; index < steps.length; index += 1) {
    const current = value(steps[index]!);
    if (current === null) continue;
    if (current < 0.5 - EPSILON) return steps[index]!.time;
    if (current <= 0.5 + EPSILON) {
      const next = steps[index + 1];
      return next ? (steps[index]!.time + next.time) / 2 : steps[index]!.time;
    }
  }
  return null;
}

/** The curve's value at a time (1 before the first event). */
export function survivalAt(curve: SurvivalCurve, time: number): number {
  let survival = 1;
  for (const step of curve.steps) {
    if (step.time > time) break;
    survival = step.survival;
  }
  return survival;
}
