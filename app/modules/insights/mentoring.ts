import {
  meanInterval,
  meanWithSharedInputs,
  type SharingUnit,
} from "~/modules/statistics/intervals";
import { disclosureCheck, releasedAsOf, type Contribution } from "~/modules/disclosure/check";
import { mentoringCells } from "~/modules/disclosure/reports";
import { summarise } from "~/modules/statistics/summary";

/**
 * Mentoring and growth: how mentees' goal competencies moved in manager reviews from before
 * their pair began to the latest review since, beside people who were in no programme as a
 * mentee, at the same level, with the same starting rating on that competency (so the same
 * starting gap to the level's bar), over the same dates. This is an association: people who
 * choose mentoring differ in ways the comparison does not hold, so it does not say that
 * mentoring caused the difference. Pure.
 */

/** A submitted manager review: its level and its ratings by competency. */
export type Review = {
  personId: string;
  levelId: string;
  submittedAt: number;
  ratings: ReadonlyMap<string, number>;
};

/** An accepted pair's mentee, when the pair began, and their goals (now); `programmeId` finds their goals' history. */
export type MenteeGoals = {
  menteeId: string;
  activeSince: number;
  goals: readonly string[];
  programmeId?: string;
};

/**
 * A person's opt-in as a mentee in one programme over time: their goals now (null once withdrawn) and
 * each change, dated when it was made (from null: opting in; to null: withdrawing). An opt-in with no
 * change recorded is read as it is now.
 */
export type GoalHistory = {
  programmeId: string;
  personId: string;
  current: readonly string[] | null;
  changes: readonly { at: number; from: readonly string[] | null; to: readonly string[] | null }[];
};

/** The goals as they stood at `at`: the first later change kept what they were; none later, they are as now. */
function goalsAt(history: GoalHistory, at: number): readonly string[] | null {
  const next = history.changes.find((change) => change.at > at);
  return next ? next.from : history.current;
}

export type MentoringComparison = {
  /** Mentees with a goal rated before and after their pair began and at least one comparable person. */
  mentees: number;
  /** Goals compared (a mentee's goal rated before and after, with comparable people); null when hidden. */
  goals: number | null;
  /** Distinct people the mentees were compared with. */
  comparisonPeople: number;
  suppressed: boolean;
  /**
   * Mean change of the mentees' goal ratings, and of the comparable people's on the same
   * competencies (each goal's comparison averaged first), over mentees: each mentee's goals are
   * averaged into one figure, and the t interval is over mentees. Mentees at the same level with
   * the same starting rating on a goal are compared with the same people, so the comparison's
   * intervals count the covariance those shared people bring (meanWithSharedInputs).
   */
  menteeChange: { estimate: number; interval: [number, number] } | null;
  comparisonChange: { estimate: number; interval: [number, number] } | null;
  /** Mean over mentees of their goals' mean change less the comparable people's. */
  difference: { estimate: number; interval: [number, number] } | null;
};

function latest(reviews: readonly Review[], test: (review: Review) => boolean): Review | undefined {
  let found: Review | undefined;
  for (const review of reviews)
    if (test(review) && (!found || review.submittedAt > found.submittedAt)) found = review;
  return found;
}

/**
 * `reviews`: each person's submitted manager reviews. `inProgrammes`: everyone who opted in as
 * a mentee anywhere (never a comparison), as now; `goalHistories`: their opt-ins over time, which say
 * instead when someone was a mentee and with which goals. Hidden unless the disclosure check releases
 * both the mentees and the people they were compared with, each under their floor.
 */
export function mentoringComparison(
  pairs: readonly MenteeGoals[],
  reviews: ReadonlyMap<string, readonly Review[]>,
  inProgrammes: ReadonlySet<string>,
  floorOf: (personId: string) => number,
  goalHistories: readonly GoalHistory[] = [],
): MentoringComparison {
  const released = releasedMentoring(pairs, reviews, inProgrammes, floorOf, goalHistories);
  return compare(released.pairs, released.menteeReviews, released.comparisonReviews, floorOf);
}

/**
 * What the comparison is worked out from, released over time (decision 075): read before and after
 * one mentee's review, their goal's movement would follow. So the mentees' side (pairs beginning,
 * mentees' reviews) stands as it was when its latest batch of the floor's worth of different mentees
 * closed, and the comparison's side (everyone else's reviews) as it was when its own did; later ones
 * wait for the next batch. Who is a mentee, and with which goals, is read as it stood at each side's
 * moment (`goalHistories`), and each change is a contribution dated when it was made: a change of
 * goals to the mentees' side, opting in and withdrawing to both (the person moves from one to the
 * other), a review to the side its person was on when it was submitted.
 */
function releasedMentoring(
  pairs: readonly MenteeGoals[],
  reviews: ReadonlyMap<string, readonly Review[]>,
  inProgrammes: ReadonlySet<string>,
  floorOf: (personId: string) => number,
  goalHistories: readonly GoalHistory[],
) {
  const historiesOf = new Map<string, GoalHistory[]>();
  for (const history of goalHistories)
    (
      historiesOf.get(history.personId) ??
      historiesOf.set(history.personId, []).get(history.personId)!
    ).push(history);
  const menteeAt = (personId: string, at: number) => {
    const histories = historiesOf.get(personId);
    return histories
      ? histories.some((history) => goalsAt(history, at) !== null)
      : inProgrammes.has(personId);
  };
  const contributions = { mentees: [] as Contribution[], comparison: [] as Contribution[] };
  for (const [personId, theirs] of reviews) {
    for (const review of theirs) {
      const side = menteeAt(personId, review.submittedAt)
        ? contributions.mentees
        : contributions.comparison;
      side.push({
        id: `${personId}@${review.submittedAt}`,
        contributor: personId,
        at: new Date(review.submittedAt),
      });
    }
  }
  for (const pair of pairs)
    contributions.mentees.push({
      id: `${pair.menteeId}>${pair.activeSince}`,
      contributor: pair.menteeId,
      at: new Date(pair.activeSince),
    });
  for (const history of goalHistories) {
    for (const [index, change] of history.changes.entries()) {
      const contribution = {
        id: `${history.personId}~${history.programmeId}#${index}`,
        contributor: history.personId,
        at: new Date(change.at),
      };
      contributions.mentees.push(contribution);
      if (change.from === null || change.to === null) contributions.comparison.push(contribution);
    }
  }
  const asOf = {
    mentees: releasedAsOf(contributions.mentees, floorOf)?.getTime() ?? null,
    comparison: releasedAsOf(contributions.comparison, floorOf)?.getTime() ?? null,
  };
  // A side with no batch yet is fewer people than the floor: the disclosure check hides it as it is.
  const menteesUntil = asOf.mentees ?? Number.POSITIVE_INFINITY;
  const comparisonUntil = asOf.comparison ?? Number.POSITIVE_INFINITY;
  const goalsOf = (pair: MenteeGoals) => {
    const history =
      pair.programmeId === undefined
        ? undefined
        : historiesOf.get(pair.menteeId)?.find((entry) => entry.programmeId === pair.programmeId);
    return history ? goalsAt(history, menteesUntil) : pair.goals;
  };
  const upTo = (until: number, keep: (personId: string) => boolean) =>
    new Map(
      [...reviews]
        .filter(([personId]) => keep(personId))
        .map(([personId, theirs]) => [
          personId,
          theirs.filter((review) => review.submittedAt <= until),
        ]),
    );
  return {
    pairs: pairs.flatMap((pair) => {
      const goals = goalsOf(pair);
      return pair.activeSince <= menteesUntil && goals !== null ? [{ ...pair, goals }] : [];
    }),
    menteeReviews: upTo(menteesUntil, (personId) => menteeAt(personId, menteesUntil)),
    comparisonReviews: upTo(comparisonUntil, (personId) => !menteeAt(personId, comparisonUntil)),
  };
}

/** `menteeReviews`: the mentees' own reviews; `comparisonReviews`: everyone they may be compared with (nobody who is a mentee). */
function compare(
  pairs: readonly MenteeGoals[],
  menteeReviews: ReadonlyMap<string, readonly Review[]>,
  comparisonReviews: ReadonlyMap<string, readonly Review[]>,
  floorOf: (personId: string) => number,
): MentoringComparison {
  // Per mentee, their goals' changes: one person's goals move together (the same reviews, the same manager), so the person is the unit.
  const mentees = new Map<string, MenteeChanges>();
  let goals = 0;
  const comparisonPeople = new Set<string>();
  const others = [...comparisonReviews];
  for (const pair of pairs) {
    const own = menteeReviews.get(pair.menteeId) ?? [];
    const before = latest(own, (review) => review.submittedAt < pair.activeSince);
    const after = latest(own, (review) => review.submittedAt >= pair.activeSince);
    if (!before || !after) continue;
    for (const goal of pair.goals) {
      const start = before.ratings.get(goal);
      const end = after.ratings.get(goal);
      if (start === undefined || end === undefined) continue;
      const matched = new Map<string, number>();
      for (const [personId, theirs] of others) {
        const theirBefore = latest(theirs, (review) => review.submittedAt < pair.activeSince);
        if (
          !theirBefore ||
          theirBefore.levelId !== before.levelId ||
          theirBefore.ratings.get(goal) !== start
        )
          continue;
        const theirAfter = latest(
          theirs,
          (review) => review.submittedAt >= pair.activeSince,
        )?.ratings.get(goal);
        if (theirAfter === undefined) continue;
        matched.set(personId, theirAfter - start);
        comparisonPeople.add(personId);
      }
      if (!matched.size) continue;
      const changes =
        mentees.get(pair.menteeId) ??
        mentees.set(pair.menteeId, { own: [], comparison: [], matched: [] }).get(pair.menteeId)!;
      changes.own.push(end - start);
      changes.comparison.push(
        [...matched.values()].reduce((sum, change) => sum + change, 0) / matched.size,
      );
      changes.matched.push(matched);
      goals += 1;
    }
  }
  const personOf = (unit: string) => unit.slice(unit.indexOf(":") + 1);
  const release = disclosureCheck(
    mentoringCells([...mentees.keys()], [...comparisonPeople]),
    (unit) => floorOf(personOf(unit)),
    personOf,
  );
  const suppressed =
    !release.shown.has("mentoring:mentees") || !release.shown.has("mentoring:comparison");
  const all = [...mentees.values()];
  const difference = (changes: MenteeChanges) =>
    summarise(changes.own).mean - summarise(changes.comparison).mean;
  const estimate = summarise(all.map(difference)).mean;
  const parts = suppressed ? [] : all.map((changes) => sharedParts(changes, estimate));
  const sharing = (value: (changes: MenteeChanges) => number) =>
    meanWithSharedInputs(
      all.map((changes, index) => ({ value: value(changes), shared: parts[index]! })),
    );
  return {
    mentees: mentees.size,
    goals: suppressed ? null : goals,
    comparisonPeople: comparisonPeople.size,
    suppressed,
    menteeChange: suppressed
      ? null
      : meanInterval(summarise(all.map((changes) => summarise(changes.own).mean))),
    comparisonChange: suppressed ? null : sharing((changes) => summarise(changes.comparison).mean),
    difference: suppressed ? null : sharing(difference),
  };
}

/** A mentee's compared goals, in order: their own change, the mean of their comparable people's, and each comparable person's change. */
type MenteeChanges = {
  own: number[];
  comparison: number[];
  matched: ReadonlyMap<string, number>[];
};

/**
 * Each comparable person's part in a mentee's comparison figure, as a residual: their change on
 * a goal less the mean of the rest of that goal's comparison (the other comparable people, and
 * the mentee's own change less the difference found, so that a comparison of one person still
 * has a rest), weighted as the figure weighs them (1 / goals, then 1 / the goal's comparable
 * people). A person compared with several mentees has a part in each, and those parts carry the
 * same noise of theirs.
 */
function sharedParts(changes: MenteeChanges, difference: number): SharingUnit["shared"] {
  const parts = new Map<string, number>();
  changes.matched.forEach((matched, goal) => {
    const total =
      [...matched.values()].reduce((sum, change) => sum + change, 0) +
      changes.own[goal]! -
      difference;
    for (const [personId, change] of matched) {
      const residual = change - (total - change) / matched.size;
      parts.set(
        personId,
        (parts.get(personId) ?? 0) + residual / (changes.matched.length * matched.size),
      );
    }
  });
  return parts;
}
