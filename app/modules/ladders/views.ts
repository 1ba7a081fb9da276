import {
  competenciesForLevel,
  competenciesForTrack,
  equivalentLevels,
  getLevel,
  nextLevel,
  previousLevel,
} from "./lookups";
import { compareLevels } from "./compare-levels";
import { branchesAfter, ladderPaths } from "./paths";
import { targetsInForce } from "./targets";
import type { Ladder, Level } from "./types";
import type { Message } from "~/i18n/messages";

/** Small, JSON-safe slices of a ladder for pages, so a page never ships the whole ladder. */
export function ladderSummary(ladder: Ladder) {
  return {
    id: ladder.meta.id,
    name: ladder.meta.name,
    version: ladder.meta.version,
    description: ladder.meta.description,
    tracks: ladder.tracks.map((track) => ({
      id: track.id,
      name: track.name,
      description: track.description,
      levels: track.levels.map((level) => ({ id: level.id, title: level.title })),
    })),
  };
}

/**
 * How points place people on a ladder that takes levels from points: what each rating is
 * worth, the bands of the total and each track's titles, with their ranges in words; null for
 * a ladder without points. Shown wherever levels are, so a reader sees how a level is earned.
 */
export function pointsView(ladder: Ladder) {
  const points = ladder.points;
  if (!points) return null;
  const labels = new Map(ladder.scale.map((point) => [point.value, point.label]));
  return {
    perRating: points.perRating.map((point) => ({
      value: point.value,
      label: labels.get(point.value) ?? String(point.value),
      points: point.points,
    })),
    bands: points.bands.map((band, index) => ({
      label: band.label,
      range: pointsRange(band.from, points.bands[index + 1]?.from ?? null, true),
    })),
    titles: points.titles.map((track) => ({
      trackId: track.trackId,
      trackName: track.trackName,
      ranges: track.ranges.map((range) => ({
        title: range.title,
        range: pointsRange(range.from, range.upTo, false),
      })),
    })),
  };
}

/** "36–42 points", "135 points or more"; a band ends below the next band's start. */
function pointsRange(from: number, to: number | null, below: boolean): Message {
  if (to === null) return { key: "ladders:points.orMore", values: { from } };
  const wholePoints = Number.isInteger(from) && Number.isInteger(to);
  if (below)
    return wholePoints
      ? { key: "ladders:points.span", values: { from, to: to - 1 } }
      : { key: "ladders:points.belowNext", values: { from, to } };
  return { key: "ladders:points.span", values: { from, to } };
}

/** The ladder's front page: its paths, competencies by area, equivalent levels, rating scale and changelog. */
export function ladderOverview(ladder: Ladder) {
  const trackNames = new Map(ladder.tracks.map((t) => [t.id, t.name]));
  const levelTitles = new Map(
    ladder.tracks.flatMap((t) => t.levels.map((l) => [l.id, l.title] as const)),
  );
  return {
    id: ladder.meta.id,
    name: ladder.meta.name,
    version: ladder.meta.version,
    description: ladder.meta.description,
    source: ladder.meta.source
      ? { name: ladder.meta.source.name, url: ladder.meta.source.url ?? null }
      : null,
    scale: ladder.scale,
    changelog: ladder.changelog,
    areas: ladder.areas.map((area) => ({
      id: area.id,
      name: area.name,
      description: area.description,
      competencies: ladder.competencies
        .filter((c) => c.areaId === area.id)
        // The tracks' names, or null for a competency every track shares (the page words it).
        .map((c) => ({
          id: c.id,
          name: c.name,
          tracks: c.sharedByAllTracks ? null : c.trackIds.map((id) => trackNames.get(id) ?? id),
        })),
    })),
    paths: ladderPaths(ladder),
    points: pointsView(ladder),
    trackOrder: ladder.tracks.map((t) => ({ id: t.id, name: t.name })),
    equivalence: ladder.equivalence.map((band) =>
      ladder.tracks.map((t) => {
        const levelId = band.levelIdByTrack[t.id];
        return levelId ? { id: levelId, title: levelTitles.get(levelId) ?? levelId } : null;
      }),
    ),
  };
}

export type LevelOption = { id: string; title: string; trackId: string; trackName: string };

export function levelOptions(ladder: Ladder): LevelOption[] {
  return ladder.tracks.flatMap((track) =>
    track.levels.map((level) => ({
      id: level.id,
      title: level.title,
      trackId: track.id,
      trackName: track.name,
    })),
  );
}

const levelRef = (level: Level | undefined) =>
  level ? { id: level.id, title: level.title } : null;

/** Everything the "one level in full" page shows. */
export function levelView(ladder: Ladder, levelId: string) {
  const level = getLevel(ladder, levelId);
  if (!level) return undefined;
  const track = ladder.tracks.find((t) => t.id === level.trackId)!;
  const competencies = competenciesForLevel(ladder, level.id);
  const labels = new Map(ladder.scale.map((point) => [point.value, point.label]));
  const areas = ladder.areas
    .map((area) => ({
      id: area.id,
      name: area.name,
      competencies: competencies
        .filter((competency) => competency.areaId === area.id)
        .map((competency) => {
          const target = level.targets[competency.id] ?? level.target;
          return {
            id: competency.id,
            name: competency.name,
            description: competency.description,
            inheritedFrom: competency.inheritedFrom ?? null,
            links: competency.links,
            expectations: level.expectations[competency.id] ?? [],
            target: { value: target, label: labels.get(target) ?? "" },
          };
        }),
    }))
    .filter((area) => area.competencies.length > 0);
  const inForce = targetsInForce(
    level.target,
    areas.flatMap((area) => area.competencies.map((competency) => competency.target.value)),
  ).map((target) => ({ ...target, label: labels.get(target.value) ?? "" }));
  return {
    level: {
      id: level.id,
      title: level.title,
      alsoTitled: level.alsoTitled,
      summary: level.summary,
      target: { value: level.target, label: labels.get(level.target) ?? "" },
    },
    /** Ordered steps within the level that people may be placed at. */
    sublevels: level.sublevels.map((sublevel) => ({
      id: sublevel.id,
      title: sublevel.title,
      summary: sublevel.summary ?? null,
    })),
    /** The ratings this level's competencies expect, the most common first; a competency shows its own when it differs from the first. */
    targets: inForce,
    track: { id: track.id, name: track.name },
    points: pointsView(ladder),
    /** The bands that are this level's sub-levels and the titles that are its own, marked where the points are shown. */
    pointsMarks: {
      bands: ladder.points
        ? level.sublevels
            .filter((sublevel) =>
              ladder.points!.bands.some((band) => band.label === sublevel.title),
            )
            .map((sublevel) => sublevel.title)
        : [],
      titles: ladder.points
        ? [level.title, ...level.alsoTitled].filter((title) =>
            ladder.points!.titles.some(
              (entry) =>
                entry.trackId === track.id && entry.ranges.some((range) => range.title === title),
            ),
          )
        : [],
    },
    /** Competencies of the track that do not apply at this level (they start later or stopped earlier). */
    notApplying: competenciesForTrack(ladder, track.id)
      .filter((competency) => !level.competencyIds.includes(competency.id))
      .map((competency) => ({ id: competency.id, name: competency.name })),
    previous: levelRef(previousLevel(ladder, level.id)),
    next: levelRef(nextLevel(ladder, level.id)),
    /** Paths that split off after this level: the first level of each. */
    branches: branchesAfter(ladder, level.id),
    equivalents: equivalentLevels(ladder, level.id).map((other) => ({
      id: other.id,
      title: other.title,
      trackName: ladder.tracks.find((t) => t.id === other.trackId)?.name ?? other.trackId,
    })),
    areas,
  };
}

/** The competency-by-level matrix of one track, grouped by area. */
export function trackMatrix(ladder: Ladder, trackId: string) {
  const track = ladder.tracks.find((t) => t.id === trackId);
  if (!track) return undefined;
  const competencies = competenciesForTrack(ladder, track.id);
  return {
    track: { id: track.id, name: track.name, description: track.description },
    /** Where the track splits off another one; the levels before it are that track's. */
    branch: branchOfTrack(ladder, track.branchesFrom),
    points: pointsView(ladder),
    levels: track.levels.map((level) => ({
      id: level.id,
      title: level.title,
      alsoTitled: level.alsoTitled,
      summary: level.summary,
      target: level.target,
    })),
    areas: ladder.areas
      .map((area) => ({
        id: area.id,
        name: area.name,
        rows: competencies
          .filter((competency) => competency.areaId === area.id)
          .map((competency) => ({
            id: competency.id,
            name: competency.name,
            cells: track.levels.map((level) => level.expectations[competency.id] ?? []),
            /** Per level: does the competency apply there, and the rating it expects when it does. */
            applies: track.levels.map((level) => level.competencyIds.includes(competency.id)),
            targets: track.levels.map((level) =>
              level.competencyIds.includes(competency.id)
                ? (level.targets[competency.id] ?? level.target)
                : null,
            ),
          })),
      }))
      .filter((area) => area.rows.length > 0),
  };
}

function branchOfTrack(ladder: Ladder, branch: { trackId: string; levelId: string } | null) {
  if (branch === null) return null;
  const parent = ladder.tracks.find((track) => track.id === branch.trackId);
  const at = parent?.levels.findIndex((level) => level.id === branch.levelId) ?? -1;
  if (!parent || at < 0) return null;
  return {
    trackId: parent.id,
    trackName: parent.name,
    /** The parent's levels up to and including the branch point: shared with this track. */
    shared: parent.levels.slice(0, at + 1).map((level) => ({ id: level.id, title: level.title })),
  };
}

/** One competency across every level of every track that uses it, with its interview material. */
export function competencyView(ladder: Ladder, competencyId: string) {
  const competency = ladder.competencies.find((c) => c.id === competencyId);
  if (!competency) return undefined;
  const levelTitles = new Map(
    ladder.tracks.flatMap((track) => track.levels.map((level) => [level.id, level.title] as const)),
  );
  return {
    competency: {
      id: competency.id,
      name: competency.name,
      description: competency.description,
      area: ladder.areas.find((area) => area.id === competency.areaId)?.name ?? competency.areaId,
      /** The shared source it is inherited from, or null for the ladder's own. */
      inheritedFrom: competency.inheritedFrom ?? null,
      links: competency.links,
    },
    tracks: ladder.tracks
      .filter((track) => competency.trackIds.includes(track.id))
      .map((track) => ({
        id: track.id,
        name: track.name,
        levels: track.levels.map((level) => ({
          id: level.id,
          title: level.title,
          applies: level.competencyIds.includes(competency.id),
          expectations: level.expectations[competency.id] ?? [],
        })),
      })),
    interview: competency.interview
      ? {
          questions: competency.interview.questions.map((question) => ({
            ...question,
            levels: question.levelIds.map((id) => ({ id, title: levelTitles.get(id) ?? id })),
          })),
          anchors: competency.interview.anchors.map((anchor) => ({
            ...anchor,
            label:
              ladder.scale.find((point) => point.value === anchor.value)?.label ??
              String(anchor.value),
          })),
        }
      : null,
  };
}

/**
 * Each pair of levels is compared once per loaded ladder: a ladder never changes once loaded (a
 * reload makes a new one), and pairing and word-diffing every statement of two levels took about
 * 50 to 100 ms, holding the compare page to 0.04 of the trivial page's requests per second in the
 * bench (docs/benchmarks/README.md). At most levels² entries per ladder, dropped with the ladder.
 */
const comparisons = new WeakMap<Ladder, Map<string, ComparisonView>>();

type ComparisonView = NonNullable<ReturnType<typeof compareLevelsView>>;

/** The "compare two levels" page: what really changes from one level to the other, in picker order. */
export function levelComparisonView(
  ladder: Ladder,
  fromId: string,
  toId: string,
): ComparisonView | undefined {
  let kept = comparisons.get(ladder);
  if (!kept) comparisons.set(ladder, (kept = new Map()));
  const key = JSON.stringify([fromId, toId]);
  const hit = kept.get(key);
  if (hit) return hit;
  const view = compareLevelsView(ladder, fromId, toId);
  // Only pairs of real levels are kept, so made-up ids cannot grow the map.
  if (view) kept.set(key, view);
  return view;
}

/** Why a competency is at one level only: expected at that level within a track, or in that track across tracks. */
function presenceOf(
  presence: "both" | "only-a" | "only-b",
  sameTrack: boolean,
  from: Level,
  to: Level,
  trackName: (level: Level) => string,
): Message | null {
  if (presence === "both") return null;
  const level = presence === "only-a" ? from : to;
  return sameTrack
    ? { key: "ladders:compare.presence.level", values: { level: level.title } }
    : { key: "ladders:compare.presence.track", values: { track: trackName(level) } };
}

function compareLevelsView(ladder: Ladder, fromId: string, toId: string) {
  const result = compareLevels(ladder, fromId, toId);
  if (!result) return undefined;
  const { levelA: from, levelB: to } = result;
  const labels = new Map(ladder.scale.map((point) => [point.value, point.label]));
  const rating = (value: number) => ({ value, label: labels.get(value) ?? "" });
  const sameTrack = from.trackId === to.trackId;
  const trackName = (level: Level) =>
    ladder.tracks.find((track) => track.id === level.trackId)?.name ?? level.trackId;
  return {
    from: { id: from.id, title: from.title, trackName: trackName(from) },
    to: { id: to.id, title: to.title, trackName: trackName(to) },
    /** Competencies that apply at either level, and how many of them do not change at all. */
    competencyCount: new Set([...from.competencyIds, ...to.competencyIds]).size,
    changes: result.changes.map((change) => ({
      id: change.competency.id,
      name: change.competency.name,
      /** Why the competency is at one level only, when it is. */
      presence: presenceOf(change.presence, sameTrack, from, to, trackName),
      onlyInFrom: change.onlyInA,
      onlyInTo: change.onlyInB,
      reworded: change.reworded,
      unchanged: change.unchanged,
      target: change.target ? { from: rating(change.target.a), to: rating(change.target.b) } : null,
    })),
  };
}
