/**
 * A programme's report for admins, from plain rows: participation, what became of the pairs,
 * relationship pulses and how the mentees' goal competencies moved in later reviews. Averages
 * of fewer answers than the floor are not shown: with three answers an average says more
 * about one person than about the programme.
 */
import { OUTCOMES, PAIR_STATUSES, type Outcome, type PairStatus, type Role } from "./lifecycle";

export const REPORT_FLOOR = 4;

export type Average = { n: number; mean: number | null; suppressed: boolean };

function average(values: readonly number[], floor: number): Average {
  if (values.length < floor) return { n: values.length, mean: null, suppressed: true };
  return { n: values.length, mean: values.reduce((sum, value) => sum + value, 0) / values.length, suppressed: false };
}

export type PulseRow = { checkpoint: number; role: Role; usefulness: number; comfort: number };

export type PulseGroup = { usefulness: Average; comfort: Average };

export type PulseSummary = { checkpoint: number; everyone: PulseGroup; mentee: PulseGroup; mentor: PulseGroup };

function group(rows: readonly PulseRow[], floor: number): PulseGroup {
  return { usefulness: average(rows.map((row) => row.usefulness), floor), comfort: average(rows.map((row) => row.comfort), floor) };
}

function hide(pulse: PulseGroup): PulseGroup {
  const hidden = (value: Average): Average => ({ n: value.n, mean: null, suppressed: true });
  return { usefulness: hidden(pulse.usefulness), comfort: hidden(pulse.comfort) };
}

/**
 * Per checkpoint: everyone, mentees and mentors. When one side is below the floor and everyone
 * is shown, the other side is hidden too, or it could be taken from everyone's average to
 * reveal the small side's.
 */
export function pulseSummary(rows: readonly PulseRow[], checkpoints: readonly number[], floor = REPORT_FLOOR): PulseSummary[] {
  return checkpoints.map((checkpoint) => {
    const at = rows.filter((row) => row.checkpoint === checkpoint);
    const everyone = group(at, floor);
    let mentee = group(at.filter((row) => row.role === "mentee"), floor);
    let mentor = group(at.filter((row) => row.role === "mentor"), floor);
    if (!everyone.usefulness.suppressed && mentee.usefulness.suppressed !== mentor.usefulness.suppressed) {
      mentee = hide(mentee);
      mentor = hide(mentor);
    }
    return { checkpoint, everyone, mentee, mentor };
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

export function goalMovement(rows: readonly GoalMovementRow[], floor = REPORT_FLOOR): GoalMovement {
  const compared = rows.filter((row): row is { competencyId: string; before: number; after: number } => row.before !== null && row.after !== null);
  const changes = compared.map((row) => row.after - row.before);
  const competencies = [...new Set(compared.map((row) => row.competencyId))].sort();
  return {
    goals: rows.length,
    compared: compared.length,
    improved: changes.filter((change) => change > 0).length,
    same: changes.filter((change) => change === 0).length,
    lower: changes.filter((change) => change < 0).length,
    change: average(changes, floor),
    byCompetency: competencies.map((competencyId) => {
      const these = compared.filter((row) => row.competencyId === competencyId).map((row) => row.after - row.before);
      return { competencyId, compared: these.length, change: average(these, floor) };
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
