import {
  clusteredShare,
  proportionDifference,
  welchDifference,
  wilsonInterval,
  type Difference,
  type Proportion,
} from "~/modules/statistics/intervals";
import { worthALook } from "~/modules/statistics/multiple-comparisons";
import { summarise } from "~/modules/statistics/summary";

/**
 * The fairness report of a locked session: final ratings and promotion rates by team, track,
 * level and the attributes admins import with people, each group against everyone else in the
 * session (those with no group in the dimension included), with 95% intervals. Which rows show
 * their figures is the disclosure check's to say (decision 060): the session's people are checked
 * together with every other report over them, the cycle's insights and the cycle's other sessions.
 * A difference is marked worth a look only when it holds up among every comparison the report
 * shows (worthALook), and the report says how many those are.
 *
 * Where the cycle asked for peer feedback, each group shown also says how the feedback about its
 * people was written: the share of answers with an example, and the share with a personality word
 * (the word check's own rules, feedback/word-check.ts). Research on reviews (Snyder 2014; Correll
 * and Simard 2016) found women's reviews vaguer and richer in such words. The counts add up over
 * people, so the same check that hides a group's outcomes hides its feedback figures.
 */

export type FairnessPerson = {
  finalRating: number | null;
  promoted: boolean;
  /** Dimension id → the person's group in it, by id (null: not known, left out of that dimension). */
  groups: Readonly<Record<string, string | null>>;
  /** Peer feedback answers written about the person in the cycle, by colleague, when it asked for any. */
  feedback?: readonly FeedbackCounts[];
};

/**
 * One colleague's answers about a person: how many, how many with an example, how many with a
 * personality word. The colleague is a number, the same for them across the people they wrote
 * about in the cycle and saying nothing of who they are: one colleague's answers are alike too.
 */
export type FeedbackCounts = {
  colleague: number;
  answers: number;
  withExample: number;
  flagged: number;
};

/**
 * How a group's feedback was written: the shares of its answers with an example and with a
 * personality word. Answers about one person come from the same few colleagues, each answering
 * several competencies, and a colleague may write about several of the group's people, so they
 * are not independent: the intervals count both clusterings (clusteredShare), and the n behind
 * them is people, with the answers beside.
 */
export type FeedbackShares = {
  people: number;
  answers: number;
  withExample: Proportion;
  flagged: Proportion;
};

/** A dimension, and how its groups are named on the page. */
export type Dimension = { id: string; label: string; groupLabel?: (value: string) => string };

/**
 * The disclosure check's answer for this report: whether a row (its table, or a dimension's group)
 * shows its figures; whether a group's differences from everyone else do (they give everyone else's
 * figures, so they are shown only where those may be); and whether a group is below its floor (then
 * neither named nor counted).
 */
export type Shown = {
  table: boolean;
  group: (dimension: string, value: string) => boolean;
  rest: (dimension: string, value: string) => boolean;
  small: (dimension: string, value: string) => boolean;
};

/** A difference from the rest, and whether it holds up among all the report's comparisons. */
export type MarkedDifference = Difference & { worthALook: boolean };

export type FairnessGroup = {
  value: string;
  /** The group's name on the page. */
  label: string;
  n: number;
  /** Hidden by the disclosure check: its size is shown, nothing measured of it. */
  suppressed: boolean;
  meanRating: number | null;
  /** The group's mean final rating minus everyone else's, with Welch's interval. */
  ratingDifference: MarkedDifference | null;
  promotionRate: Proportion | null;
  /** The group's promotion rate minus everyone else's, with Newcombe's hybrid score interval. */
  promotionDifference: MarkedDifference | null;
  /** How the peer feedback about the group was written; null when hidden or none was written. */
  feedback: FeedbackShares | null;
};

/** `smallGroupsLeftOut`: some group was below its floor and is neither named nor counted. */
export type FairnessDimension = {
  id: string;
  label: string;
  groups: FairnessGroup[];
  unknown: number;
  smallGroupsLeftOut: boolean;
};

export type FairnessReport = {
  n: number;
  meanRating: number | null;
  promotionRate: Proportion | null;
  dimensions: FairnessDimension[];
  /** How many differences the report shows (two per group shown): the family its marks are judged in. */
  comparisons: number;
};

/** The report over everyone with a final rating; the session's own figures too only where the check releases them. */
export function fairnessReport(
  people: readonly FairnessPerson[],
  dimensions: readonly Dimension[],
  shown: Shown,
): FairnessReport {
  const rated = people.filter((person) => person.finalRating !== null);
  const promotions = rated.filter((person) => person.promoted).length;
  const all = summarise(rated.map((person) => person.finalRating!));
  return {
    n: rated.length,
    meanRating: shown.table ? all.mean : null,
    promotionRate: shown.table ? wilsonInterval(promotions, rated.length) : null,
    ...marked(dimensions.map((dimension) => dimensionReport(rated, dimension, shown))),
  };
}

/** Every difference the report shows, marked in one family across all its dimensions. */
function marked(
  dimensions: readonly FairnessDimension[],
): Pick<FairnessReport, "dimensions" | "comparisons"> {
  const differences = dimensions
    .flatMap((dimension) =>
      dimension.groups.flatMap((group) => [group.ratingDifference, group.promotionDifference]),
    )
    .filter((difference) => difference !== null);
  const marks = new Map(
    worthALook(differences.map((difference) => difference.pValue)).map((mark, index) => [
      differences[index]!,
      mark,
    ]),
  );
  const mark = (difference: MarkedDifference | null) =>
    difference ? { ...difference, worthALook: marks.get(difference)! } : null;
  return {
    dimensions: dimensions.map((dimension) => ({
      ...dimension,
      groups: dimension.groups.map((group) => ({
        ...group,
        ratingDifference: mark(group.ratingDifference),
        promotionDifference: mark(group.promotionDifference),
      })),
    })),
    comparisons: differences.length,
  };
}

/** Marked once the whole report's comparisons are known (`marked`). */
const unmarked = (difference: Difference | null): MarkedDifference | null =>
  difference ? { ...difference, worthALook: false } : null;

function dimensionReport(
  people: readonly FairnessPerson[],
  dimension: Dimension,
  shown: Shown,
): FairnessDimension {
  const byGroup = new Map<string, FairnessPerson[]>();
  let unknown = 0;
  for (const person of people) {
    const value = person.groups[dimension.id] ?? null;
    if (value === null) {
      unknown += 1;
      continue;
    }
    const list = byGroup.get(value);
    if (list) list.push(person);
    else byGroup.set(value, [person]);
  }
  const listed = [...byGroup].filter(([value]) => !shown.small(dimension.id, value));
  const groups = listed
    .map(([value, members]): FairnessGroup => {
      const label = dimension.groupLabel?.(value) ?? value;
      if (!shown.group(dimension.id, value)) {
        return {
          value,
          label,
          n: members.length,
          suppressed: true,
          meanRating: null,
          ratingDifference: null,
          promotionRate: null,
          promotionDifference: null,
          feedback: null,
        };
      }
      // Each group against everyone else in the session, those with no group here included, where their figures may be shown.
      const rest = people.filter((person) => person.groups[dimension.id] !== value);
      const compared = shown.rest(dimension.id, value);
      const ratings = summarise(members.map((person) => person.finalRating!));
      const promoted = members.filter((person) => person.promoted).length;
      return {
        value,
        label,
        n: members.length,
        suppressed: false,
        meanRating: ratings.mean,
        ratingDifference: compared
          ? unmarked(welchDifference(ratings, summarise(rest.map((person) => person.finalRating!))))
          : null,
        promotionRate: wilsonInterval(promoted, members.length),
        promotionDifference: compared
          ? unmarked(
              proportionDifference(
                { successes: promoted, n: members.length },
                { successes: rest.filter((person) => person.promoted).length, n: rest.length },
              ),
            )
          : null,
        feedback: feedbackShares(members),
      };
    })
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
  return {
    id: dimension.id,
    label: dimension.label,
    groups,
    unknown,
    smallGroupsLeftOut: listed.length < byGroup.size,
  };
}

/** The shares of a group's feedback answers with an example and with a personality word, over the people written about; null when none was written. */
export function feedbackShares(
  members: readonly Pick<FairnessPerson, "feedback">[],
): FeedbackShares | null {
  const cells = members.flatMap((person, index) =>
    (person.feedback ?? [])
      .filter((counts) => counts.answers > 0)
      .map((counts) => ({ ...counts, person: index })),
  );
  if (!cells.length) return null;
  const share = (count: (counts: FeedbackCounts) => number) =>
    clusteredShare(
      cells.map((cell) => ({
        successes: count(cell),
        n: cell.answers,
        row: String(cell.person),
        column: String(cell.colleague),
      })),
    );
  return {
    people: new Set(cells.map((cell) => cell.person)).size,
    answers: cells.reduce((sum, cell) => sum + cell.answers, 0),
    withExample: share((counts) => counts.withExample),
    flagged: share((counts) => counts.flagged),
  };
}
