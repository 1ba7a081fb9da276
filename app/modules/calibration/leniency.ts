import { welchDifference } from "~/modules/statistics/intervals";
import { SMALL_GROUP_FLOOR } from "~/modules/statistics/small-groups";
import { summarise } from "~/modules/statistics/summary";

export interface ProposedRating {
  managerId: string;
  rating: number;
}

export interface ManagerLeniency {
  managerId: string;
  /** How many of the manager's proposals the figures rest on. */
  n: number;
  /** How many proposals of everyone else they are set against. */
  othersN: number;
  /** Null when suppressed. */
  mean: number | null;
  sd: number | null;
  /** The manager's mean minus the mean of everyone else's proposals in the session. */
  difference: number | null;
  /** The 95% interval of that difference (Welch's t). */
  interval: [number, number] | null;
  /** The interval excludes zero: this manager really proposes higher (or lower) than the rest. */
  flagged: boolean;
  /** Too few proposals (fewer than the floor) on one side to show anything. */
  suppressed: boolean;
}

export interface SessionLeniency {
  n: number;
  mean: number | null;
  managers: ManagerLeniency[];
}

/**
 * Per manager: the mean and spread of their proposed ratings against the rest of the session
 * (everyone else's proposals, so a manager is never compared with themselves), with the number
 * of people behind each figure and an interval. A manager is flagged only when the interval
 * excludes zero; figures for groups smaller than the floor are not shown at all.
 */
export function managerLeniency(proposals: readonly ProposedRating[], floor = SMALL_GROUP_FLOOR, confidence = 0.95): SessionLeniency {
  const byManager = new Map<string, number[]>();
  for (const { managerId, rating } of proposals) {
    const ratings = byManager.get(managerId);
    if (ratings) ratings.push(rating);
    else byManager.set(managerId, [rating]);
  }
  const all = proposals.map((proposal) => proposal.rating);
  const session = summarise(all);
  // Everyone else's figures from the session's totals less the manager's own: one pass, however many managers.
  const total = all.reduce((sum, value) => sum + value, 0);
  const squares = all.reduce((sum, value) => sum + value * value, 0);
  const managers = [...byManager.entries()].map(([managerId, ratings]): ManagerLeniency => {
    const own = summarise(ratings);
    const othersN = all.length - own.n;
    if (own.n < floor || othersN < floor) {
      return { managerId, n: own.n, othersN, mean: null, sd: null, difference: null, interval: null, flagged: false, suppressed: true };
    }
    const ownTotal = own.mean * own.n;
    const ownSquares = ratings.reduce((sum, value) => sum + value * value, 0);
    const othersMean = (total - ownTotal) / othersN;
    const othersVariance = Math.max(0, (squares - ownSquares - othersN * othersMean * othersMean) / (othersN - 1));
    const difference = welchDifference(own, { n: othersN, mean: othersMean, sd: Math.sqrt(othersVariance) }, confidence)!;
    return { managerId, n: own.n, othersN, mean: own.mean, sd: own.sd, difference: difference.estimate, interval: difference.interval, flagged: difference.excludesZero, suppressed: false };
  });
  return { n: session.n, mean: session.n >= floor ? session.mean : null, managers };
}
