import { belowFloor, SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { summarise, type Summary } from "~/modules/statistics/summary";

export type LevelOutcome = "stay" | "promote" | "not-ready";

/** What a calibrator may say of another calibrator's proposal; the entry's form offers each. */
export const PROPOSAL_MARKS = ["agree", "question", "no-view"] as const;
export type ProposalMark = (typeof PROPOSAL_MARKS)[number];

/** What the session knows about one person when ordering and flagging. */
export interface EntryFacts {
  id: string;
  name: string;
  proposedRating: number | null;
  proposedOutcome: LevelOutcome | null;
  /** Average rating of the person's submitted self-assessment and manager review in the cycle. */
  selfAverage: number | null;
  managerAverage: number | null;
  /** Competencies rated in the manager review, and pieces of evidence behind them. */
  ratedCount: number;
  evidenceCount: number;
}

export type EntryFlag = "thin-evidence" | "self-manager-gap" | "outlier";

/** Averages one point or more apart, on the ladder's scale, are a large gap. */
export const LARGE_GAP = 1;
/** A proposal more than this many standard deviations from the session's mean is an outlier. */
export const OUTLIER_Z = 2;

/**
 * Why an entry needs a closer look: fewer than one piece of evidence per two rated
 * competencies; self-assessment and manager review a point or more apart on average; a
 * proposed rating far from the rest of the session (only judged when the session has at
 * least `floor` proposals and some spread).
 */
export function entryFlags(
  entry: EntryFacts,
  sessionRatings: readonly number[] | Summary,
  floor = SMALL_GROUP_FLOOR,
): EntryFlag[] {
  const flags: EntryFlag[] = [];
  if (entry.ratedCount > 0 && entry.evidenceCount * 2 < entry.ratedCount)
    flags.push("thin-evidence");
  if (
    entry.selfAverage !== null &&
    entry.managerAverage !== null &&
    Math.abs(entry.selfAverage - entry.managerAverage) >= LARGE_GAP
  )
    flags.push("self-manager-gap");
  // A page flags every entry against the same session: it may pass the summary once.
  const session = "mean" in sessionRatings ? sessionRatings : summarise(sessionRatings);
  if (
    entry.proposedRating !== null &&
    !belowFloor(session.n, floor) &&
    session.sd > 0 &&
    Math.abs(entry.proposedRating - session.mean) / session.sd > OUTLIER_Z
  )
    flags.push("outlier");
  return flags;
}

/** Near a promotion boundary: a proposed promotion, an undecided level, or a rating at the top of the scale. */
export function nearPromotionBoundary(
  entry: Pick<EntryFacts, "proposedOutcome" | "proposedRating">,
  topOfScale: number,
): boolean {
  return (
    entry.proposedOutcome === "promote" ||
    entry.proposedOutcome === "not-ready" ||
    entry.proposedRating === topOfScale
  );
}

/** One collator for every comparison (`localeCompare` with a locale builds one per call). */
export const byName = new Intl.Collator("en");

/** The discussion order: flagged entries first (most flags first), then those near a promotion boundary, then the rest; by name within each. */
export function agendaOrder<
  T extends { name: string; flags: readonly EntryFlag[]; nearBoundary: boolean },
>(entries: readonly T[]): T[] {
  const group = (entry: T) => (entry.flags.length > 0 ? 0 : entry.nearBoundary ? 1 : 2);
  return [...entries].sort(
    (a, b) =>
      group(a) - group(b) || b.flags.length - a.flags.length || byName.compare(a.name, b.name),
  );
}

/** How many people have each rating on the scale (and how many have none yet), for the distribution chart. */
export function ratingDistribution(
  ratings: readonly (number | null)[],
  scale: readonly number[],
): { counts: { value: number; count: number }[]; notRated: number } {
  const counts = scale.map((value) => ({
    value,
    count: ratings.filter((rating) => rating === value).length,
  }));
  return { counts, notRated: ratings.filter((rating) => rating === null).length };
}
