import { tQuantile } from "~/modules/statistics/intervals";
import { belowFloor, SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
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
  /** The 95% interval of that difference (Student's t with the session's pooled spread). */
  interval: [number, number] | null;
  /** The interval excludes zero: this manager really proposes higher (or lower) than the rest. */
  flagged: boolean;
  /** Too few proposals (fewer than the floor) on one side to compare: nothing but the count is shown. */
  suppressed: boolean;
}

export interface SessionLeniency {
  n: number;
  mean: number | null;
  managers: ManagerLeniency[];
}

/**
 * Per manager: the mean of their proposed ratings against the rest of the session (everyone
 * else's proposals, so a manager is never compared with themselves), with the number of people
 * behind each figure and an interval. The interval's spread is the session's pooled one, not the
 * manager's own: on a scale of four or five points a manager's few proposals are often all equal,
 * and their own spread of zero made a tiny interval that flagged them far more often than 5%
 * (decision 018). Under "no manager differs" the manager's proposals are a random draw from the
 * session's, whose difference from the rest has exactly the variance s²(1/n + 1/rest), s² the
 * session's sample variance: the same as a permutation test's, read with Student's t. A manager is
 * flagged only when the interval excludes zero. A manager with fewer proposals than the floor, or
 * with fewer than the floor beside them, is not compared: so few say more about the people than
 * about the manager. That is a floor of evidence, not of disclosure: everyone who reads these
 * figures reads each proposal behind them by name in the session's agenda (decision 060).
 */
export function managerLeniency(
  proposals: readonly ProposedRating[],
  floor = SMALL_GROUP_FLOOR,
  confidence = 0.95,
): SessionLeniency {
  const byManager = new Map<string, number[]>();
  for (const { managerId, rating } of proposals) {
    const ratings = byManager.get(managerId);
    if (ratings) ratings.push(rating);
    else byManager.set(managerId, [rating]);
  }
  const all = proposals.map((proposal) => proposal.rating);
  const session = summarise(all);
  const sessionShown = !belowFloor(session.n, floor);
  const total = all.reduce((sum, value) => sum + value, 0);
  const managers = [...byManager.entries()].map(([managerId, ratings]): ManagerLeniency => {
    const own = summarise(ratings);
    const othersN = all.length - own.n;
    if (belowFloor(own.n, floor) || belowFloor(othersN, floor)) {
      return {
        managerId,
        n: own.n,
        othersN,
        mean: null,
        sd: null,
        difference: null,
        interval: null,
        flagged: false,
        suppressed: true,
      };
    }
    const difference = pooledDifference(
      own.mean,
      own.n,
      (total - own.mean * own.n) / othersN,
      othersN,
      session.sd,
      confidence,
    );
    return {
      managerId,
      n: own.n,
      othersN,
      mean: own.mean,
      sd: own.sd,
      difference: difference.estimate,
      interval: difference.interval,
      flagged: difference.excludesZero,
      suppressed: false,
    };
  });
  return { n: session.n, mean: sessionShown ? session.mean : null, managers };
}

/** A difference of two groups' means whose spread is the pooled session's (sd over all n + m − 1), read with t on n + m − 2 degrees of freedom. */
function pooledDifference(
  mean: number,
  n: number,
  othersMean: number,
  othersN: number,
  pooledSd: number,
  confidence: number,
) {
  const estimate = mean - othersMean;
  const half =
    tQuantile((1 + confidence) / 2, n + othersN - 2) * pooledSd * Math.sqrt(1 / n + 1 / othersN);
  const interval: [number, number] = [estimate - half, estimate + half];
  // Everyone proposed the same: no manager differs from anyone.
  return {
    estimate,
    interval,
    excludesZero: half > 0 ? interval[0] > 0 || interval[1] < 0 : false,
  };
}
