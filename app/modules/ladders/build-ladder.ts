import { inheritedByLevel, inheritedKey } from "./check-includes";
import type { InheritedExpectations } from "./includes";
import type { LadderParts } from "./merge";
import type {
  CompetencyData,
  ExpectationData,
  InterviewData,
  LevelData,
  PointsData,
} from "./schema";
import { appliesAt, usesCompetency } from "./applies";
import { branchPoint } from "./branch-point";
import { defaultTarget, levelTargets } from "./targets";
import type {
  Competency,
  Interview,
  Ladder,
  Level,
  PointsScheme,
  ScalePoint,
  Track,
} from "./types";

/** Turns checked parts into the model pages use; assumes every cross-reference check passed. */
export function buildLadder(parts: LadderParts): Ladder {
  const meta = parts.ladder!.value;
  const scale = parts.scale!.value.map(({ value, label, meaning }) => ({ value, label, meaning }));
  const ladderTarget = defaultTarget(parts.scale!.value);
  const trackIds = parts.tracks.map((track) => track.value.id);
  const tracksById = new Map(parts.tracks.map(({ value }) => [value.id, value]));
  const inherited = inheritedByLevel(parts);
  const competencies: Competency[] = parts.competencies.map(({ value, from }) => ({
    id: value.id,
    name: value.name,
    description: value.description ?? "",
    areaId: value.area,
    trackIds: trackIds.filter((trackId) => usesCompetency(value, trackId)),
    sharedByAllTracks: value.tracks === undefined,
    applies: appliesByTrack(value, tracksById),
    interview: value.interview === undefined ? null : buildInterview(value.interview, scale),
    links: (value.links ?? []).map((link) => ({ ...link })),
    ...(from === undefined ? {} : { inheritedFrom: from.name }),
  }));
  const trackOfLevel = new Map(
    parts.tracks.flatMap(({ value }) => value.levels.map((level) => [level.id, value.id] as const)),
  );
  const rows = parts.equivalence?.value ?? [];
  const bandOfLevel = new Map(
    rows.flatMap((row, index) => Object.values(row).map((levelId) => [levelId, index] as const)),
  );

  return {
    meta: {
      id: meta.id,
      name: meta.name,
      version: meta.version,
      description: meta.description ?? "",
      ...(meta.source === undefined
        ? {}
        : {
            source: {
              ...meta.source,
              ...(meta.source.files === undefined ? {} : { files: [...meta.source.files] }),
            },
          }),
    },
    changelog: (parts.changelog?.value ?? []).map((entry) => ({
      ...entry,
      changes: [...entry.changes],
    })),
    scale,
    areas: parts.areas.map(({ value, from }) => ({
      ...value,
      description: value.description ?? "",
      ...(from === undefined ? {} : { inheritedFrom: from.name }),
      competencyIds: competencies
        .filter((competency) => competency.areaId === value.id)
        .map((competency) => competency.id),
    })),
    competencies,
    tracks: parts.tracks.map(({ value: track }) => {
      const competencyIds = competencies
        .filter((competency) => competency.trackIds.includes(track.id))
        .map((competency) => competency.id);
      return {
        id: track.id,
        name: track.name,
        description: track.description ?? "",
        branchesFrom: branchOf(branchPoint(track.branchesFrom)?.level, trackOfLevel),
        competencyIds,
        levels: track.levels.map((level, rank) => {
          const applying = parts.competencies
            .filter(({ value }) => appliesAt(value, track, rank))
            .map(({ value }) => value.id);
          return buildLevel(
            level,
            track.id,
            rank,
            applying,
            ladderTarget,
            bandOfLevel.get(level.id) ?? null,
            inherited,
          );
        }),
      };
    }),
    equivalence: rows.map((row, index) => ({
      index,
      levelIdByTrack: orderByTracks(row, trackIds),
    })),
    calibrationScales: (parts.calibrationScales?.value ?? []).map((scale) => ({
      id: scale.id,
      name: scale.name,
      description: scale.description ?? "",
      points: scale.points.map((point) => ({ ...point })),
    })),
    ...(parts.includes.length === 0
      ? {}
      : { includes: parts.includes.map(({ include, name }) => ({ path: include, name })) }),
    ...(parts.points === undefined
      ? {}
      : {
          points: buildPoints(
            parts.points.value,
            scale,
            parts.tracks.map(({ value }) => value),
          ),
        }),
  };
}

function buildLevel(
  level: LevelData,
  trackId: string,
  rank: number,
  competencyIds: string[],
  ladderTarget: number,
  band: number | null,
  inherited: ReadonlyMap<string, InheritedExpectations[]>,
): Level {
  const expectations: Record<string, Level["expectations"][string]> = {};
  for (const competencyId of competencyIds) {
    // Inherited expectations come first, marked with their source; the level's own follow.
    const shared = (inherited.get(inheritedKey(level.id, competencyId)) ?? []).flatMap((entry) =>
      entry.expectations.map((expectation) => buildExpectation(expectation, entry.from.name)),
    );
    expectations[competencyId] = [
      ...shared,
      ...(level.expectations[competencyId] ?? []).map((expectation) =>
        buildExpectation(expectation),
      ),
    ];
  }
  const sublevels = (level.sublevels ?? []).map((sublevel) => ({ ...sublevel }));
  return {
    id: level.id,
    title: level.title,
    alsoTitled: [...(level.alsoTitled ?? [])],
    summary: level.summary ?? "",
    sublevels,
    trackId,
    rank,
    competencyIds,
    expectations,
    ...levelTargets(competencyIds, ladderTarget, level),
    band,
  };
}

function buildPoints(
  points: PointsData,
  scale: ScalePoint[],
  tracks: { id: string; name: string }[],
): PointsScheme {
  const titles = points.titles ?? {};
  return {
    perRating: scale.map((point) => ({
      value: point.value,
      points:
        Object.entries(points.perRating).find(([key]) => Number(key) === point.value)?.[1] ?? 0,
    })),
    bands: points.bands.map((band) => ({ ...band })),
    titles: tracks.flatMap((track) => {
      const ranges = titles[track.id];
      return ranges
        ? [
            {
              trackId: track.id,
              trackName: track.name,
              ranges: ranges.map((range) => ({
                title: range.title,
                from: range.from,
                upTo: range.upTo ?? null,
              })),
            },
          ]
        : [];
    }),
  };
}

function buildExpectation(
  expectation: ExpectationData,
  inheritedFrom?: string,
): Level["expectations"][string][number] {
  return {
    ...(expectation.id === undefined ? {} : { id: expectation.id }),
    text: expectation.text,
    examples: [...expectation.examples],
    ...(expectation.links === undefined
      ? {}
      : { links: expectation.links.map((link) => ({ ...link })) }),
    ...(inheritedFrom === undefined ? {} : { inheritedFrom }),
  };
}

/** For each track using the competency where it does not apply at every level, its first and last level ids. */
function appliesByTrack(
  competency: CompetencyData,
  tracks: ReadonlyMap<string, { id: string; levels: LevelData[] }>,
): Competency["applies"] {
  const applies: Competency["applies"] = {};
  if (!competency.applies) return applies;
  for (const track of tracks.values()) {
    if (!usesCompetency(competency, track.id)) continue;
    const levels = track.levels.filter((_, rank) => appliesAt(competency, track, rank));
    if (levels.length === track.levels.length) continue;
    applies[track.id] = {
      from: levels[0] === track.levels[0] ? null : (levels[0]?.id ?? null),
      upTo: levels.at(-1) === track.levels.at(-1) ? null : (levels.at(-1)?.id ?? null),
    };
  }
  return applies;
}

function branchOf(
  levelId: string | undefined,
  trackOfLevel: ReadonlyMap<string, string>,
): Track["branchesFrom"] {
  const trackId = levelId === undefined ? undefined : trackOfLevel.get(levelId);
  return levelId === undefined || trackId === undefined ? null : { trackId, levelId };
}

function buildInterview(interview: InterviewData, scale: ScalePoint[]): Interview {
  return {
    questions: interview.questions.map((question) => ({
      text: question.text,
      levelIds: [...(question.levels ?? [])],
      followUps: [...(question.followUps ?? [])],
      lookFor: [...(question.lookFor ?? [])],
    })),
    anchors: scale.map((point) => ({
      value: point.value,
      text:
        Object.entries(interview.anchors).find(([key]) => Number(key) === point.value)?.[1] ?? "",
    })),
  };
}

function orderByTracks(row: Record<string, string>, trackIds: string[]): Record<string, string> {
  const ordered: Record<string, string> = {};
  for (const trackId of trackIds) {
    const levelId = row[trackId];
    if (levelId !== undefined) ordered[trackId] = levelId;
  }
  return ordered;
}
