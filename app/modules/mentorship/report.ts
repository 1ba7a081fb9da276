/**
 * A programme's report for admins, from plain rows: participation, what became of the pairs,
 * relationship pulses and how the mentees' goal competencies moved in later reviews. Which
 * averages are shown is the disclosure check's to say (decision 060): none over fewer people than
 * the floor (a mentor's answers for four pairs, or a mentee's four goals, are one person's), and
 * none that would give such an average beside the others shown.
 */
import { disclosureCheck, type Cell } from "~/modules/disclosure/check";
import { OUTCOMES, PAIR_STATUSES, type Outcome, type PairStatus, type Role } from "./lifecycle";

/**
 * An average with how many values it is of; one the check hides carries neither (its count is a
 * figure too, and the page sends what it shows), only whether there was nothing to average (n 0).
 */
export type Average =
  { n: number; mean: number; suppressed: false } | { n: 0 | null; mean: null; suppressed: true };

function average(values: readonly number[], shown: boolean): Average {
  if (!values.length) return { n: 0, mean: null, suppressed: true };
  if (!shown) return { n: null, mean: null, suppressed: true };
  return {
    n: values.length,
    mean: values.reduce((sum, value) => sum + value, 0) / values.length,
    suppressed: false,
  };
}

/** A pulse answer: which pair, who gave it (the mentee or the mentor), at which checkpoint. */
export type PulseRow = {
  pairId: string;
  respondentId: string;
  checkpoint: number;
  role: Role;
  usefulness: number;
  comfort: number;
};

export type PulseGroup = { usefulness: Average; comfort: Average };

export type PulseSummary = {
  checkpoint: number;
  everyone: PulseGroup;
  mentee: PulseGroup;
  mentor: PulseGroup;
};

/** Per checkpoint: everyone, mentees and mentors, each answer under its respondent's floor. */
export function pulseSummary(
  rows: readonly PulseRow[],
  checkpoints: readonly number[],
  floorOf: (personId: string) => number,
): PulseSummary[] {
  const unit = (row: PulseRow) => `${row.pairId}/${row.respondentId}/${row.checkpoint}`;
  const cells: Cell[] = checkpoints.flatMap((checkpoint) => {
    const at = rows.filter((row) => row.checkpoint === checkpoint);
    return [
      { id: `${checkpoint}:everyone`, members: at.map(unit) },
      ...(["mentee", "mentor"] as const).map((role) => ({
        id: `${checkpoint}:${role}`,
        members: at.filter((row) => row.role === role).map(unit),
      })),
    ];
  });
  const respondent = new Map(rows.map((row) => [unit(row), row.respondentId]));
  const { shown } = disclosureCheck(
    cells,
    (answer) => floorOf(respondent.get(answer)!),
    (answer) => respondent.get(answer)!,
  );
  return checkpoints.map((checkpoint) => {
    const group = (key: string, these: readonly PulseRow[]): PulseGroup => ({
      usefulness: average(
        these.map((row) => row.usefulness),
        shown.has(`${checkpoint}:${key}`),
      ),
      comfort: average(
        these.map((row) => row.comfort),
        shown.has(`${checkpoint}:${key}`),
      ),
    });
    const at = rows.filter((row) => row.checkpoint === checkpoint);
    return {
      checkpoint,
      everyone: group("everyone", at),
      mentee: group(
        "mentee",
        at.filter((row) => row.role === "mentee"),
      ),
      mentor: group(
        "mentor",
        at.filter((row) => row.role === "mentor"),
      ),
    };
  });
}

/** One goal of a mentee in an accepted pair: their rating in the last manager review before the pair began, and in the latest one since. */
export type GoalMovementRow = {
  pairId: string;
  menteeId: string;
  competencyId: string;
  before: number | null;
  after: number | null;
};

export type GoalMovement = {
  /** Goals of accepted pairs. */
  goals: number;
  /** Goals rated both before the pair began and in a review since. */
  compared: number;
  /** How many rose, stayed and fell: null where the overall average is hidden (they are figures of the same few mentees). */
  improved: number | null;
  same: number | null;
  lower: number | null;
  change: Average;
  byCompetency: { competencyId: string; compared: number; change: Average }[];
};

/** How the mentees' goals moved, overall and per competency, each goal under its mentee's floor. */
export function goalMovement(
  rows: readonly GoalMovementRow[],
  floorOf: (personId: string) => number,
): GoalMovement {
  const compared = rows.filter(
    (row): row is GoalMovementRow & { before: number; after: number } =>
      row.before !== null && row.after !== null,
  );
  const changes = compared.map((row) => row.after - row.before);
  const competencies = [...new Set(compared.map((row) => row.competencyId))].sort();
  const unit = (row: GoalMovementRow) => `${row.pairId}/${row.competencyId}`;
  const mentee = new Map(compared.map((row) => [unit(row), row.menteeId]));
  const { shown } = disclosureCheck(
    [
      { id: "all", members: compared.map(unit) },
      ...competencies.map((competencyId) => ({
        id: `competency:${competencyId}`,
        members: compared.filter((row) => row.competencyId === competencyId).map(unit),
      })),
    ],
    (goal) => floorOf(mentee.get(goal)!),
    (goal) => mentee.get(goal)!,
  );
  const overallShown = shown.has("all");
  return {
    goals: rows.length,
    compared: compared.length,
    improved: overallShown ? changes.filter((change) => change > 0).length : null,
    same: overallShown ? changes.filter((change) => change === 0).length : null,
    lower: overallShown ? changes.filter((change) => change < 0).length : null,
    change: average(changes, overallShown),
    byCompetency: competencies.map((competencyId) => {
      const these = compared
        .filter((row) => row.competencyId === competencyId)
        .map((row) => row.after - row.before);
      return {
        competencyId,
        compared: these.length,
        change: average(these, shown.has(`competency:${competencyId}`)),
      };
    }),
  };
}

export type PairRow = {
  status: PairStatus;
  declinedBy: Role | null;
  outcome: Outcome | null;
  checkIns: number;
};

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
  const byStatus = Object.fromEntries(PAIR_STATUSES.map((status) => [status, 0])) as Record<
    PairStatus,
    number
  >;
  const outcomes = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    Outcome,
    number
  >;
  const declinedBy: Record<Role, number> = { mentee: 0, mentor: 0 };
  let checkIns = 0;
  let acceptedWithCheckIns = 0;
  for (const row of rows) {
    byStatus[row.status]++;
    if (row.outcome) outcomes[row.outcome]++;
    if (row.status === "declined" && row.declinedBy) declinedBy[row.declinedBy]++;
    checkIns += row.checkIns;
    if ((row.status === "active" || row.status === "ended") && row.checkIns > 0)
      acceptedWithCheckIns++;
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
