import type { LadderParts } from "./merge";
import type { InterviewData, LevelData } from "./schema";
import { usesCompetency } from "./check-tracks";
import type { Competency, Interview, Ladder, Level, ScalePoint } from "./types";

/** Turns checked parts into the model pages use; assumes every cross-reference check passed. */
export function buildLadder(parts: LadderParts): Ladder {
  const meta = parts.ladder!.value;
  const scale = parts.scale!.value.map((point) => ({ ...point }));
  const trackIds = parts.tracks.map((track) => track.value.id);
  const competencies: Competency[] = parts.competencies.map(({ value }) => ({
    id: value.id,
    name: value.name,
    description: value.description,
    areaId: value.area,
    trackIds: trackIds.filter((trackId) => usesCompetency(value, trackId)),
    sharedByAllTracks: value.tracks === undefined,
    interview: value.interview === undefined ? null : buildInterview(value.interview, scale),
  }));
  const rows = parts.equivalence?.value ?? [];
  const bandOfLevel = new Map(rows.flatMap((row, index) => Object.values(row).map((levelId) => [levelId, index] as const)));

  return {
    meta: { ...meta },
    changelog: (parts.changelog?.value ?? []).map((entry) => ({ ...entry, changes: [...entry.changes] })),
    scale,
    areas: parts.areas.map(({ value }) => ({
      ...value,
      competencyIds: competencies.filter((competency) => competency.areaId === value.id).map((competency) => competency.id),
    })),
    competencies,
    tracks: parts.tracks.map(({ value: track }) => {
      const competencyIds = competencies.filter((competency) => competency.trackIds.includes(track.id)).map((competency) => competency.id);
      return {
        id: track.id,
        name: track.name,
        description: track.description,
        competencyIds,
        levels: track.levels.map((level, rank) => buildLevel(level, track.id, rank, competencyIds, bandOfLevel.get(level.id) ?? null)),
      };
    }),
    equivalence: rows.map((row, index) => ({ index, levelIdByTrack: orderByTracks(row, trackIds) })),
  };
}

function buildLevel(level: LevelData, trackId: string, rank: number, competencyIds: string[], band: number | null): Level {
  const expectations: Record<string, Level["expectations"][string]> = {};
  for (const competencyId of competencyIds) {
    expectations[competencyId] = (level.expectations[competencyId] ?? []).map((expectation) => ({
      text: expectation.text,
      examples: [...expectation.examples],
    }));
  }
  return { id: level.id, title: level.title, summary: level.summary, trackId, rank, expectations, band };
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
      text: Object.entries(interview.anchors).find(([key]) => Number(key) === point.value)?.[1] ?? "",
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
