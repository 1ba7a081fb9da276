import type { Message } from "~/i18n/messages";
import { DRAFT, NONE, SUBMITTED, type Progress } from "~/modules/progress";
/**
 * Where each person stands in a review cycle, and who needs a manager's attention.
 * Pure rules, written once: participantFigures gives the figures kept on each
 * participant's row (participant-progress.server.ts writes them in the same transaction
 * as the assessment change), and the queries filter by state and attention with the
 * progress pairs that these rules pick (statePairs, progressNeedingAttention).
 */

export const PARTICIPANT_STATES = [
  "not-started",
  "self-draft",
  "self-submitted",
  "manager-draft",
  "manager-submitted",
] as const;
export type ParticipantState = (typeof PARTICIPANT_STATES)[number];

/** The furthest any of a person's assessments of one kind has got (a skip-level may write a second manager review). */
export function progressOf(statuses: readonly string[]): Progress {
  if (statuses.includes("submitted")) return SUBMITTED;
  return statuses.length ? DRAFT : NONE;
}

export function toProgress(value: number): Progress {
  return value >= 2 ? SUBMITTED : value >= 1 ? DRAFT : NONE;
}

/** Each side's progress, as a participant's row keeps it. */
export type ProgressPair = { self: Progress; manager: Progress };

export const PROGRESS_PAIRS: readonly ProgressPair[] = ([NONE, DRAFT, SUBMITTED] as const).flatMap(
  (self) => ([NONE, DRAFT, SUBMITTED] as const).map((manager) => ({ self, manager })),
);

/**
 * A person's place in the cycle as one step of PARTICIPANT_STATES: the manager review,
 * once begun, is the later step whatever the self-assessment's state.
 */
export function participantStage(self: Progress, manager: Progress): number {
  return manager > 0 ? manager + 2 : self;
}

export function participantState(self: Progress, manager: Progress): ParticipantState {
  return PARTICIPANT_STATES[participantStage(self, manager)]!;
}

/** The progress pairs that put a person at this state, for queries that filter by state. */
export function statePairs(state: ParticipantState): ProgressPair[] {
  return PROGRESS_PAIRS.filter((pair) => participantState(pair.self, pair.manager) === state);
}

export type StateCounts = Record<ParticipantState, number>;

export function emptyCounts(): StateCounts {
  return {
    "not-started": 0,
    "self-draft": 0,
    "self-submitted": 0,
    "manager-draft": 0,
    "manager-submitted": 0,
  };
}

/** Folds (self, manager, count) groups, as the progress query returns them, into counts per state. */
export function countStates(groups: readonly (ProgressPair & { count: number })[]): StateCounts {
  const counts = emptyCounts();
  for (const group of groups) counts[participantState(group.self, group.manager)] += group.count;
  return counts;
}

export function totalOf(counts: StateCounts): number {
  return PARTICIPANT_STATES.reduce((sum, state) => sum + counts[state], 0);
}

/** Bar widths in whole percent that add up to 100 (largest remainders), so the bar has no gap or overflow. */
export function stateShares(
  counts: StateCounts,
): { state: ParticipantState; count: number; percent: number }[] {
  const total = totalOf(counts);
  if (total === 0) return PARTICIPANT_STATES.map((state) => ({ state, count: 0, percent: 0 }));
  const raw = PARTICIPANT_STATES.map((state) => ({
    state,
    count: counts[state],
    exact: (counts[state] * 100) / total,
  }));
  const shares = raw.map((entry) => ({
    state: entry.state,
    count: entry.count,
    percent: Math.floor(entry.exact),
  }));
  let left = 100 - shares.reduce((sum, share) => sum + share.percent, 0);
  const byRemainder = raw
    .map((entry, index) => ({ index, remainder: entry.exact - Math.floor(entry.exact) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    shares[index]!.percent += 1;
    left -= 1;
  }
  return shares;
}

export type CycleStatus = "upcoming" | "open" | "overdue" | "closed";

const DAY = 24 * 60 * 60 * 1000;

/**
 * A cycle is under way from its first day until an admin closes it: only then does it ask anyone
 * for anything (a self-assessment, a manager review, peers to choose, feedback to give). Opened
 * ahead of its first day, it is announced, not owed. `cyclesUnderWay` and `underWaySql`
 * (queries.server.ts) are this rule for the database.
 */
export function cycleUnderWay(
  cycle: { startsOn: Date; closedAt: Date | null },
  now: Date,
): boolean {
  return cycle.closedAt === null && now.getTime() >= cycle.startsOn.getTime();
}

/** A cycle is open from its first day until an admin closes it; past its last day it is overdue. */
export function cycleStatus(
  cycle: { startsOn: Date; endsOn: Date; closedAt: Date | null },
  now: Date,
): CycleStatus {
  if (cycle.closedAt) return "closed";
  if (!cycleUnderWay(cycle, now)) return "upcoming";
  return now.getTime() >= cycle.endsOn.getTime() + DAY ? "overdue" : "open";
}

// ---------------------------------------------------------------- needs attention

/** Within this many days of a cycle's end, a missing self-assessment or manager review is flagged. */
export const NEAR_END_DAYS = 14;
/** Self and manager ratings this far apart on one competency are a disagreement worth a conversation. */
export const BIG_DISAGREEMENT = 2;
/** When at least this share of a person's submitted ratings have no evidence, the reviews rest on opinion. */
export const THIN_EVIDENCE_SHARE = 0.5;

/** Where a participant has got; both sides' progress. */
export type ProgressFacts = {
  /** Is the person a participant of the cycle being looked at? */
  inCycle: boolean;
  /** Is that cycle still open (not closed)? */
  cycleOpen: boolean;
  /** Days left in the cycle (see daysLeft); null when there is no cycle. */
  daysLeft: number | null;
  self: Progress;
  manager: Progress;
};

/** What the submitted self-assessment and manager review show, as kept on the participant's row. */
export type ContentFacts = {
  /** Competencies where the submitted self and manager ratings differ by BIG_DISAGREEMENT or more. */
  disagreements: number;
  /** Ratings given in the person's submitted assessments of the cycle, and how many of them have no evidence. */
  rated: number;
  unevidenced: number;
};

export type AttentionFacts = ProgressFacts & ContentFacts;

export type AttentionKind =
  "self-not-started" | "manager-not-started" | "disagreement" | "thin-evidence";
/** A reason a person needs attention, and what the page says of it (team namespace). */
export type AttentionFlag = { kind: AttentionKind; message: Message };

/** A side that has not started, flagged only while the cycle is open and once it matters. */
export function progressFlags(facts: ProgressFacts): AttentionFlag[] {
  const flags: AttentionFlag[] = [];
  const nearEnd = facts.daysLeft !== null && facts.daysLeft <= NEAR_END_DAYS;
  if (facts.inCycle && facts.cycleOpen) {
    if (facts.self === NONE && nearEnd) {
      flags.push({
        kind: "self-not-started",
        message:
          facts.daysLeft! < 0
            ? { key: "team:attention.selfNotStartedPastEnd" }
            : { key: "team:attention.selfNotStarted", values: { days: facts.daysLeft! } },
      });
    }
    // The manager can start once the self-assessment is in, and must near the end regardless.
    if (facts.manager === NONE && (facts.self === SUBMITTED || nearEnd)) {
      flags.push({
        kind: "manager-not-started",
        message: { key: "team:attention.managerNotStarted" },
      });
    }
  }
  return flags;
}

/** Disagreement and thin evidence in the submitted reviews: these do not depend on the date. */
export function contentFlags(facts: ContentFacts): AttentionFlag[] {
  const flags: AttentionFlag[] = [];
  if (facts.disagreements > 0) {
    flags.push({
      kind: "disagreement",
      message: {
        key: "team:attention.disagreement",
        values: { points: BIG_DISAGREEMENT, count: facts.disagreements },
      },
    });
  }
  if (facts.rated > 0 && facts.unevidenced / facts.rated >= THIN_EVIDENCE_SHARE) {
    flags.push({
      kind: "thin-evidence",
      message: {
        key: "team:attention.thinEvidence",
        values: { unevidenced: facts.unevidenced, rated: facts.rated },
      },
    });
  }
  return flags;
}

export function attentionFlags(facts: AttentionFacts): AttentionFlag[] {
  return [...progressFlags(facts), ...contentFlags(facts)];
}

/**
 * The progress pairs of participants whose progress needs attention in a cycle in this
 * state (open or not, days left): with the kept `flagged` column (contentFlags), this is
 * how the queries count and filter "needs attention" without writing the rule again.
 */
export function progressNeedingAttention(
  cycleOpen: boolean,
  daysLeft: number | null,
): ProgressPair[] {
  return PROGRESS_PAIRS.filter(
    (pair) => progressFlags({ inCycle: true, cycleOpen, daysLeft, ...pair }).length > 0,
  );
}

/** Competencies rated on both sides whose ratings differ by BIG_DISAGREEMENT or more. */
export function countDisagreements(
  self: ReadonlyMap<string, number | null>,
  manager: ReadonlyMap<string, number | null>,
): number {
  let count = 0;
  for (const [competencyId, rating] of self) {
    const other = manager.get(competencyId);
    if (
      rating !== null &&
      other !== null &&
      other !== undefined &&
      Math.abs(rating - other) >= BIG_DISAGREEMENT
    )
      count += 1;
  }
  return count;
}

/** One assessment of a participant in a cycle, with what the kept figures need of its ratings. */
export type CycleAssessment = {
  id: string;
  kind: string;
  status: string;
  ratings: readonly { competencyId: string; rating: number | null; evidence: number }[];
};

/** What a participant's row keeps (ReviewCycleParticipant): progress, and what the submitted reviews show. */
export type ParticipantFigures = ContentFacts & ProgressPair & { flagged: boolean };

/**
 * A participant's kept figures from all their assessments in the cycle. Each side's
 * progress is the furthest any assessment of that kind got; the content figures come
 * from the newest submitted self-assessment and manager review (by id: a skip-level's
 * second review replaces the first).
 */
export function participantFigures(assessments: readonly CycleAssessment[]): ParticipantFigures {
  const ofKind = (kind: string) => assessments.filter((assessment) => assessment.kind === kind);
  const newestSubmitted = (list: readonly CycleAssessment[]) =>
    list
      .filter((assessment) => assessment.status === "submitted")
      .reduce<CycleAssessment | null>(
        (newest, assessment) => (!newest || assessment.id > newest.id ? assessment : newest),
        null,
      );
  const self = newestSubmitted(ofKind("self"));
  const manager = newestSubmitted(ofKind("manager"));
  const given = [self, manager].flatMap((assessment) =>
    assessment ? assessment.ratings.filter((rating) => rating.rating !== null) : [],
  );
  const ratingsOf = (assessment: CycleAssessment) =>
    new Map(assessment.ratings.map((rating) => [rating.competencyId, rating.rating]));
  const content: ContentFacts = {
    rated: given.length,
    unevidenced: given.filter((rating) => rating.evidence === 0).length,
    disagreements: self && manager ? countDisagreements(ratingsOf(self), ratingsOf(manager)) : 0,
  };
  return {
    self: progressOf(ofKind("self").map((assessment) => assessment.status)),
    manager: progressOf(ofKind("manager").map((assessment) => assessment.status)),
    ...content,
    flagged: contentFlags(content).length > 0,
  };
}
