/**
 * A programme's report for admins, from plain rows: participation, what became of the pairs,
 * relationship pulses and how the mentees' goal competencies moved in later reviews. Averages
 * of fewer answers than the floor are not shown: with three answers an average says more
 * about one person than about the programme.
 */
import { belowFloor, SMALL_GROUP_FLOOR, suppressedGroups } from "~/modules/statistics/small-groups";
import { OUTCOMES, PAIR_STATUSES, type Outcome, type PairStatus, type Role } from "./lifecycle";

export type Average = { n: number; mean: number | null; suppressed: boolean };

function average(values: readonly number[], floor: number, hidden = false): Average {
  if (hidden || belowFloor(values.length, floor)) return { n: values.length, mean: null, suppressed: true };
  return { n: values.length, mean: values.reduce((sum, value) => sum + value, 0) / values.length, suppressed: false };
}

export type PulseRow = { checkpoint: number; role: Role; usefulness: number; comfort: number };

export type PulseGroup = { usefulness: Average; comfort: Average };

export type PulseSummary = { checkpoint: number; everyone: PulseGroup; mentee: PulseGroup; mentor: PulseGroup };

function group(rows: readonly PulseRow[], floor: number): PulseGroup {
  return { usefulness: average(rows.map((row) => row.usefulness), floor), comfort: average(rows.map((row) => row.comfort), floor) };
}

/**
 * Per checkpoint: everyone, mentees and mentors. When one side is below the floor and everyone
 * is shown, the other side is hidden too, or it could be taken from everyone's average to
 * reveal the small side's (suppressedGroups).
 */
export function pulseSummary(rows: readonly PulseRow[], checkpoints: readonly number[], floor = SMALL_GROUP_FLOOR): PulseSummary[] {
  return checkpoints.map((checkpoint) => {
    const at = rows.filter((row) => row.checkpoint === checkpoint);
    const everyone = group(at, floor);
    const sides = { mentee: at.filter((row) => row.role === "mentee"), mentor: at.filter((row) => row.role === "mentor") };
    const hidden = suppressedGroups(
      (["mentee", "mentor"] as const).map((role) => ({ key: role, n: sides[role].length })),
      everyone.usefulness.suppressed ? null : at.length,
      floor,
    );
    const side = (role: Role): PulseGroup => {
      const these = sides[role];
      return { usefulness: average(these.map((row) => row.usefulness), floor, hidden.has(role)), comfort: average(these.map((row) => row.comfort), floor, hidden.has(role)) };
    };
    return { checkpoint, everyone, mentee: side("mentee"), mentor: side("mentor") };
  });
}

/** One goal of a mentee in an accepted pair: their rating in the last manager review before the pair began, and in the latest one since. */
export type GoalMovementRow = { competencyId: string; before: number | null; after: number | null };

export type GoalMovement = {
  /** Goals of accepted pairs. */
  goals: number;
  /** Goals rated both before the pair began and in a review since. */
  compared: number;
  improved: number;
  same: number;
  lower: number;
  change: Average;
  byCompetency: { competencyId: string; compared: number; change: Average }[];
};

/**
 * How the mentees' goals moved, overall and per competency. A competency's average of fewer
 * goals than the floor is hidden, and with it as many others as keep it from being worked out
 * from the overall average (suppressedGroups).
 */
export function goalMovement(rows: readonly GoalMovementRow[], floor = SMALL_GROUP_FLOOR): GoalMovement {
  const compared = rows.filter((row): row is { competencyId: string; before: number; after: number } => row.before !== null && row.after !== null);
  const changes = compared.map((row) => row.after - row.before);
  const competencies = [...new Set(compared.map((row) => row.competencyId))].sort();
  const overall = average(changes, floor);
  const hidden = suppressedGroups(
    competencies.map((competencyId) => ({ key: competencyId, n: compared.filter((row) => row.competencyId === competencyId).length })),
    overall.suppressed ? null : changes.length,
    floor,
  );
  return {
    goals: rows.length,
    compared: compared.length,
    improved: changes.filter((change) => change > 0).length,
    same: changes.filter((change) => change === 0).length,
    lower: changes.filter((change) => change < 0).length,
    change: overall,
    byCompetency: competencies.map((competencyId) => {
      const these = compared.filter((row) => row.competencyId === competencyId).map((row) => row.after - row.before);
      return { competencyId, compared: these.length, change: average(these, floor, hidden.has(competencyId)) };
    }),
  };
}

export type PairRow = { status: PairStatus; declinedBy: Role | null; outcome: Outcome | null; checkIns: number };

export type PairFigures = {
  byStatus: Record<PairStatus, number>;
  /** Published pairs: everything but proposals. */
  published: number;
  /** Both sides accepted (active or ended). */
  accepted: number;
  declined: number;
  declinedBy: Record<Role, number>;
  outcomes: Record<Outcome, number>;
  checkIns: number;
  /** Accepted pairs with at least one check-in. */
  acceptedWithCheckIns: number;
};

export function pairFigures(rows: readonly PairRow[]): PairFigures {
  const byStatus = Object.fromEntries(PAIR_STATUSES.map((status) => [status, 0])) as Record<PairStatus, number>;
  const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  const declinedBy: Record<Role, number> = { mentee: 0, mentor: 0 };
  let checkIns = 0;
  let acceptedWithCheckIns = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    if (row.outcome) outcomes[row.outcome]++;
    if (row.status === "declined" && row.declinedBy) declinedBy[row.declinedBy]++;
    checkIns += row.checkIns;
    if ((row.status === "active" || row.status === "ended") && row.checkIns > 0) acceptedWithCheckIns++;
  }
  return {
    byStatus,
    published: rows.length - byStatus.proposed,
    accepted: byStatus.active + byStatus.ended,
    declined: byStatus.declined,
    declinedBy,
    outcomes,
    checkIns,
    acceptedWithCheckIns,
  };
}
