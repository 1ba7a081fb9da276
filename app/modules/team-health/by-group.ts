import { welchDifference, type Difference } from "~/modules/statistics/intervals";
import { holm } from "~/modules/statistics/multiple-comparisons";
import { summarise } from "~/modules/statistics/summary";
import { itemFigures, scaleScore, scoreDifference, type ItemFigures, type Score } from "./figures";
import { EDMONDSON_ITEMS, scored } from "./items";
import { BY_GROUP_ALPHA, isGroupDimension, showsGroup } from "./policy";
import { itemRelease, releasedBatchCount, type StoredAnswer } from "./release";
import { largest } from "~/utils/extremes";

/**
 * Experience by group (decision 126): the equity audit of the organisation's check-ins by track,
 * level and imported attribute, from the store of answers by group (one per quarter, dimension and
 * group; no team, no person). Each group's answers are released as a team's are (release.ts): whole
 * batches of its floor, each item up to its first batch too alike. Each shown group's scale score
 * and item means with intervals are set against the rest of its dimension's shown groups (Welch's
 * t for an item, the score's conservative t for the score), and every comparison the section shows
 * is adjusted together (Holm). The rest is the other shown groups only: a rest that took in a
 * hidden group's answers, less the shown ones, would give the hidden group's figures. Pure.
 */

/** The quarter an answer is stored under: its check-in's start, in UTC ("2026-Q4"). */
export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter's first moment and the next one's, in UTC. */
export function quarterBounds(period: string): { from: Date; to: Date } | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  const first = (Number(match[2]) - 1) * 3;
  return { from: new Date(Date.UTC(year, first, 1)), to: new Date(Date.UTC(year, first + 3, 1)) };
}

/** A person's group in each dimension (track, level, each imported attribute), none where unknown. */
export function groupsOf(person: {
  track: string | null;
  level: string | null;
  attributes: Readonly<Record<string, string>>;
}): { dimension: string; group: string }[] {
  const groups = [
    { dimension: "track", group: person.track ?? "" },
    { dimension: "level", group: person.level ?? "" },
    ...Object.entries(person.attributes).map(([name, value]) => ({
      dimension: `attribute:${name}`,
      group: value.trim(),
    })),
  ];
  return groups.filter((entry) => entry.group !== "" && isGroupDimension(entry.dimension));
}

/** One group's store in a quarter, as read: its floor and its answers (batch and the seven items' values). */
export type GroupStore = {
  dimension: string;
  group: string;
  floor: number;
  answers: readonly StoredAnswer[];
};

/** Who was asked in the quarter, of a group: how many, and how many outside the team that holds most of them. */
export type GroupAsked = { asked: number; elsewhere: number };

/**
 * Who was asked in a quarter, counted by group from its invitations (each: the person, the team
 * asked and the person's groups today): how many of a group, and how many outside the team that
 * holds most of them.
 */
export function askedByGroup(
  invitations: readonly {
    personId: string;
    teamId: string;
    groups: readonly { dimension: string; group: string }[];
  }[],
): (dimension: string, group: string) => GroupAsked {
  const people = new Map<string, Set<string>>();
  const byTeam = new Map<string, Map<string, Set<string>>>();
  for (const invitation of invitations)
    for (const { dimension, group } of invitation.groups) {
      const key = `${dimension}\u0000${group}`;
      (people.get(key) ?? people.set(key, new Set()).get(key)!).add(invitation.personId);
      const teams = byTeam.get(key) ?? byTeam.set(key, new Map()).get(key)!;
      const team = invitation.teamId;
      (teams.get(team) ?? teams.set(team, new Set()).get(team)!).add(invitation.personId);
    }
  return (dimension, group) => {
    const key = `${dimension}\u0000${group}`;
    const asked = people.get(key)?.size ?? 0;
    const most = largest(
      [...(byTeam.get(key)?.values() ?? [])].map((team) => team.size),
      0,
    );
    return { asked, elsewhere: asked - most };
  };
}

export type Compared = Difference & { adjustedP: number; flagged: boolean };

export type GroupItem = {
  item: string;
  /** Null where nothing of the item is shown (its first batch too alike). */
  figures: ItemFigures | null;
  /** Some released batch is not shown because the answers were too alike. */
  withheld: boolean;
  /** The item's scored mean minus the rest's, where both are shown. */
  difference: Compared | null;
};

export type ExperienceGroup =
  | { value: string; shown: false }
  | {
      value: string;
      shown: true;
      /** How many answers its figures are from (its whole batches). */
      answers: number;
      score: Score | null;
      scoreDifference: Compared | null;
      items: GroupItem[];
    };

export type ExperienceDimension = { id: string; groups: ExperienceGroup[] };

export type Experience = {
  dimensions: ExperienceDimension[];
  /** How many comparisons the adjustment was made over: every one the section shows. */
  comparisons: number;
  adjustment: "holm";
};

type Released = {
  value: string;
  answers: number;
  /** Each item's shown values as answered. */
  values: Map<string, number[]>;
  items: { item: string; figures: ItemFigures | null; withheld: boolean }[];
  score: Score | null;
};

/** A group's store as released: its whole batches, each item up to its first batch too alike, the score only when the seven show every released batch. */
function released(store: GroupStore): Released & { batches: number } {
  const batches = releasedBatchCount(store.answers.length, store.floor);
  const values = new Map<string, number[]>();
  const items = EDMONDSON_ITEMS.map((item) => {
    const release = itemRelease<number>(store.answers, batches, item);
    values.set(item, release.values);
    return {
      item,
      figures: itemFigures(item, release.values),
      withheld: release.withheld || (batches > 0 && release.batches === 0),
      batches: release.batches,
    };
  });
  const whole = batches > 0 && items.every((row) => row.batches === batches);
  return {
    value: store.group,
    answers: batches * store.floor,
    batches,
    values,
    items: items.map(({ item, figures, withheld }) => ({ item, figures, withheld })),
    score: whole ? scaleScore(items.map((row) => row.figures)) : null,
  };
}

/** The rest of a dimension's shown groups, pooled: each item's values, and the score of those whose score is shown. */
function restOf(others: readonly Released[]) {
  const pooled = (item: string, groups: readonly Released[]) =>
    groups.flatMap((group) => group.values.get(item) ?? []);
  const scored = others.filter((group) => group.score !== null);
  return {
    values: (item: string) => pooled(item, others),
    score: scored.length
      ? scaleScore(EDMONDSON_ITEMS.map((item) => itemFigures(item, pooled(item, scored))))
      : null,
  };
}

const withExcludesZero = (difference: Omit<Difference, "excludesZero">): Difference => ({
  ...difference,
  excludesZero: difference.interval[0] > 0 || difference.interval[1] < 0,
});

const scoredSummary = (item: string, values: readonly number[]) =>
  summarise(values.map((value) => scored(item, value)));

/**
 * The section: per dimension, each group with a store (named; a group too small to be stored is
 * neither named nor counted), shown or "too few answers to show" as the policy says, and the shown
 * groups' differences from the rest, Holm-adjusted over all of them.
 */
export function experienceByGroup(
  stores: readonly GroupStore[],
  askedOf: (dimension: string, group: string) => GroupAsked,
): Experience {
  const dimensionIds = [...new Set(stores.map((store) => store.dimension))]
    .filter(isGroupDimension)
    .sort((a, b) => (a === b ? 0 : a === "track" ? -1 : b === "track" ? 1 : a < b ? -1 : 1));
  const family: { p: number; set: (adjusted: number) => void }[] = [];
  const compared = (difference: Difference): Compared => {
    const entry: Compared = { ...difference, adjustedP: 1, flagged: false };
    family.push({
      p: difference.pValue,
      set: (adjusted) => {
        entry.adjustedP = adjusted;
        entry.flagged = adjusted < BY_GROUP_ALPHA;
      },
    });
    return entry;
  };
  const dimensions = dimensionIds.map((id): ExperienceDimension => {
    const groups = stores
      .filter((store) => store.dimension === id)
      .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0))
      .map((store) => {
        const release = released(store);
        const shown = showsGroup({
          releasedBatches: release.batches,
          askedElsewhere: askedOf(id, store.group).elsewhere,
          floor: store.floor,
        });
        return { release, shown };
      });
    const shownGroups = groups.filter((entry) => entry.shown).map((entry) => entry.release);
    return {
      id,
      groups: groups.map(({ release, shown }): ExperienceGroup => {
        if (!shown) return { value: release.value, shown: false };
        const rest = restOf(shownGroups.filter((other) => other !== release));
        const score = release.score;
        const items = release.items.map((row): GroupItem => {
          const mine = release.values.get(row.item) ?? [];
          const theirs = rest.values(row.item);
          const difference =
            row.figures && theirs.length
              ? welchDifference(scoredSummary(row.item, mine), scoredSummary(row.item, theirs))
              : null;
          return { ...row, difference: difference ? compared(difference) : null };
        });
        return {
          value: release.value,
          shown: true,
          answers: release.answers,
          score,
          scoreDifference:
            score && rest.score
              ? compared(withExcludesZero(scoreDifference(score, rest.score)))
              : null,
          items,
        };
      }),
    };
  });
  holm(family.map((entry) => entry.p)).forEach((adjusted, index) => family[index]!.set(adjusted));
  return { dimensions, comparisons: family.length, adjustment: "holm" };
}

const comparedOnPage = (difference: Compared | null) =>
  difference && {
    estimate: difference.estimate,
    interval: difference.interval,
    pValue: difference.pValue,
    adjustedP: difference.adjustedP,
    flagged: difference.flagged,
  };

/**
 * What the page carries of a group (its label aside): for a shown group its answers, score and
 * items' scored means with intervals and differences; no distribution, no standard error, no
 * floor; for a group not shown, nothing.
 */
export function groupOnPage(group: ExperienceGroup) {
  if (!group.shown) return { shown: false as const };
  return {
    shown: true as const,
    answers: group.answers,
    score: group.score && { estimate: group.score.estimate, interval: group.score.interval },
    scoreDifference: comparedOnPage(group.scoreDifference),
    items: group.items.map((row) => ({
      item: row.item,
      mean: row.figures?.scoredMean ?? null,
      interval: row.figures?.interval ?? null,
      difference: comparedOnPage(row.difference),
    })),
  };
}
