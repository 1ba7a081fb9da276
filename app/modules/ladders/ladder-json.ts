import { richTextPlain } from "./rich-text.server";
import type { Ladder, PointsScheme, ReferenceLink } from "./types";

/**
 * The ladder as a JSON document for other tools: what GET /ladders/:id.json answers and what
 * `npm run ladders:site` writes as ladder.json. docs/ladders.md ("Publishing your ladders")
 * describes every field. The shape is versioned: a field is only ever added within a
 * `formatVersion`; renaming or removing one raises it. Interview material is left out: it is
 * for interviewers, and candidates read these files.
 */
export const LADDER_JSON_FORMAT = "rungs-ladder";
export const LADDER_JSON_FORMAT_VERSION = 1;

export interface LadderJson {
  format: typeof LADDER_JSON_FORMAT;
  formatVersion: typeof LADDER_JSON_FORMAT_VERSION;
  /** `source`: where an imported ladder was made from (`url` where public, `files` inside it), or null. */
  ladder: {
    id: string;
    name: string;
    version: string;
    description: string;
    source: { name: string; url: string | null; files: string[] } | null;
  };
  /** The shared sources it inherits areas, competencies and statements from, in include order (docs/ladders.md, "Shared topics"). */
  includes: { path: string; name: string }[];
  /** Newest first. */
  changelog: { version: string; date: string; changes: string[] }[];
  /** Ascending by value. */
  scale: { value: number; label: string; meaning: string }[];
  /** `inheritedFrom`: the name of the included source it comes from; null for the ladder's own (so on competencies and statements). */
  areas: {
    id: string;
    name: string;
    description: string;
    competencyIds: string[];
    inheritedFrom: string | null;
  }[];
  competencies: LadderJsonCompetency[];
  tracks: LadderJsonTrack[];
  /** Rows of levels that sit beside each other, most junior first: track id -> level id. */
  equivalence: Record<string, string>[];
  /** Points-based progression (docs/ladders.md), or null when the ladder does not use it. */
  points: PointsScheme | null;
}

export interface LadderJsonCompetency {
  id: string;
  name: string;
  description: string;
  areaId: string;
  trackIds: string[];
  /** Per track id, where the competency starts and stops when not at every level (null = from the first / up to the top). */
  applies: Record<string, { from: string | null; upTo: string | null }>;
  links: ReferenceLink[];
  inheritedFrom: string | null;
}

export interface LadderJsonTrack {
  id: string;
  name: string;
  description: string;
  /** The level of another track after which this track's own levels follow; null for a track from the bottom. */
  branchesFrom: { trackId: string; levelId: string } | null;
  levels: LadderJsonLevel[];
}

export interface LadderJsonLevel {
  id: string;
  title: string;
  alsoTitled: string[];
  summary: string;
  /** Ordered steps within the level that people may be placed at; empty when it has none. */
  sublevels: { id: string; title: string; summary: string | null }[];
  /** The rating this level expects of a competency unless the competency says otherwise. */
  target: number;
  /** The competencies that apply at this level, in ladder order, each with its statements. */
  competencies: { competencyId: string; target: number; statements: LadderJsonStatement[] }[];
}

export interface LadderJsonStatement {
  /** The statement's stable id, or null when the ladder gives none. */
  id: string | null;
  /** As written in the ladder (safe Markdown, docs/ladders.md "Text and Markdown"). */
  text: string;
  /** The same words without Markdown. */
  plainText: string;
  examples: string[];
  links: ReferenceLink[];
  inheritedFrom: string | null;
}

const copyLinks = (links: readonly ReferenceLink[] | undefined): ReferenceLink[] =>
  (links ?? []).map((link) => ({ title: link.title, url: link.url }));

export function ladderJson(ladder: Ladder): LadderJson {
  return {
    format: LADDER_JSON_FORMAT,
    formatVersion: LADDER_JSON_FORMAT_VERSION,
    ladder: {
      id: ladder.meta.id,
      name: ladder.meta.name,
      version: ladder.meta.version,
      description: ladder.meta.description,
      source: ladder.meta.source
        ? {
            name: ladder.meta.source.name,
            url: ladder.meta.source.url ?? null,
            files: [...(ladder.meta.source.files ?? [])],
          }
        : null,
    },
    includes: (ladder.includes ?? []).map((include) => ({
      path: include.path,
      name: include.name,
    })),
    changelog: ladder.changelog.map((entry) => ({
      version: entry.version,
      date: entry.date,
      changes: [...entry.changes],
    })),
    scale: ladder.scale.map((point) => ({
      value: point.value,
      label: point.label,
      meaning: point.meaning,
    })),
    areas: ladder.areas.map((area) => ({
      id: area.id,
      name: area.name,
      description: area.description,
      competencyIds: [...area.competencyIds],
      inheritedFrom: area.inheritedFrom ?? null,
    })),
    competencies: ladder.competencies.map((competency) => ({
      id: competency.id,
      name: competency.name,
      description: competency.description,
      areaId: competency.areaId,
      trackIds: [...competency.trackIds],
      applies: Object.fromEntries(
        Object.entries(competency.applies).map(([trackId, range]) => [
          trackId,
          { from: range.from, upTo: range.upTo },
        ]),
      ),
      links: copyLinks(competency.links),
      inheritedFrom: competency.inheritedFrom ?? null,
    })),
    tracks: ladder.tracks.map((track) => ({
      id: track.id,
      name: track.name,
      description: track.description,
      branchesFrom: track.branchesFrom
        ? { trackId: track.branchesFrom.trackId, levelId: track.branchesFrom.levelId }
        : null,
      levels: track.levels.map((level) => ({
        id: level.id,
        title: level.title,
        alsoTitled: [...level.alsoTitled],
        summary: level.summary,
        sublevels: level.sublevels.map((sublevel) => ({
          id: sublevel.id,
          title: sublevel.title,
          summary: sublevel.summary ?? null,
        })),
        target: level.target,
        competencies: level.competencyIds.map((competencyId) => ({
          competencyId,
          target: level.targets[competencyId] ?? level.target,
          statements: (level.expectations[competencyId] ?? []).map((expectation) => ({
            id: expectation.id ?? null,
            text: expectation.text,
            plainText: richTextPlain(expectation.text),
            examples: [...expectation.examples],
            links: copyLinks(expectation.links),
            inheritedFrom: expectation.inheritedFrom ?? null,
          })),
        })),
      })),
    })),
    equivalence: ladder.equivalence.map((band) => ({ ...band.levelIdByTrack })),
    points: ladder.points
      ? {
          perRating: ladder.points.perRating.map((entry) => ({
            value: entry.value,
            points: entry.points,
          })),
          bands: ladder.points.bands.map((band) => ({ label: band.label, from: band.from })),
          titles: ladder.points.titles.map((track) => ({
            trackId: track.trackId,
            trackName: track.trackName,
            ranges: track.ranges.map((range) => ({
              title: range.title,
              from: range.from,
              upTo: range.upTo,
            })),
          })),
        }
      : null,
  };
}
