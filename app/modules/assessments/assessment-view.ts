import {
  competenciesForLevel,
  getArea,
  getLevel,
  getTrack,
  nextLevel,
  type Expectation,
  type Ladder,
  type PointsScheme,
  type ScalePoint,
} from "~/modules/ladders";
import { readMarks, type DraftRules, type NextLevelMarks } from "./draft";

/**
 * What an assessment page shows, built from the ladder version the assessment
 * recorded (never the ladder served today) and its stored ratings. Pure.
 */
export type AssessedCompetency = {
  id: string;
  name: string;
  description: string;
  areaId: string;
  areaName: string;
  /** What the assessed level expects. */
  expectations: Expectation[];
  /** What the next level expects (empty at the top of the track). */
  nextExpectations: Expectation[];
  /** The rating the level expects (its target). */
  target: number | null;
};

export type EvidenceItem = {
  id: string;
  text: string;
  url: string | null;
  occurredOn: Date | null;
};

export type RatedCompetency = AssessedCompetency & {
  rating: number | null;
  ratingLabel: string | null;
  notes: string;
  marks: NextLevelMarks;
  evidence: EvidenceItem[];
};

export type LadderContext = {
  ladderName: string;
  ladderVersion: string;
  track: { id: string; name: string };
  level: { id: string; title: string };
  nextLevel: { id: string; title: string } | null;
  scale: ScalePoint[];
  /** The ladder's areas in its order (the editor shows one area at a time, in this order). */
  areas: { id: string; name: string; description: string }[];
  /** Levels from points, when the ladder takes them from points: the editor adds up the ratings as they are chosen. */
  points: PointsScheme | null;
};

/**
 * The competencies that apply at the level (a competency that starts at a later level, or
 * stopped at an earlier one, is not rated), with the level's and the next level's expectations.
 */
export function assessedCompetencies(ladder: Ladder, levelId: string): AssessedCompetency[] {
  const next = nextLevel(ladder, levelId);
  const level = getLevel(ladder, levelId);
  return competenciesForLevel(ladder, levelId).map((competency) => ({
    id: competency.id,
    name: competency.name,
    description: competency.description,
    areaId: competency.areaId,
    areaName: getArea(ladder, competency.areaId)?.name ?? "",
    expectations: level?.expectations[competency.id] ?? [],
    nextExpectations: next?.expectations[competency.id] ?? [],
    target: level?.targets[competency.id] ?? null,
  }));
}

export function draftRules(
  ladder: Ladder,
  trackId: string,
  levelId: string,
): DraftRules & { competencies: (AssessedCompetency & { nextExpectationCount: number })[] } {
  const competencies = assessedCompetencies(ladder, levelId).map((competency) => ({
    ...competency,
    nextExpectationCount: competency.nextExpectations.length,
  }));
  return { scale: ladder.scale, competencies };
}

export function ladderContext(ladder: Ladder, trackId: string, levelId: string): LadderContext {
  const track = getTrack(ladder, trackId);
  const level = getLevel(ladder, levelId);
  const next = nextLevel(ladder, levelId);
  return {
    ladderName: ladder.meta.name,
    ladderVersion: ladder.meta.version,
    track: { id: trackId, name: track?.name ?? trackId },
    level: { id: levelId, title: level?.title ?? levelId },
    nextLevel: next ? { id: next.id, title: next.title } : null,
    scale: ladder.scale,
    areas: ladder.areas.map((area) => ({
      id: area.id,
      name: area.name,
      description: area.description,
    })),
    points: ladder.points ?? null,
  };
}

type StoredRating = {
  competencyId: string;
  rating: number | null;
  notes: string;
  nextLevelMarks: unknown;
  evidence: EvidenceItem[];
};

/** Every competency of the assessment with what was recorded for it (unrated when nothing was). */
export function ratedCompetencies(
  ladder: Ladder,
  trackId: string,
  levelId: string,
  ratings: readonly StoredRating[],
): RatedCompetency[] {
  const byCompetency = new Map(ratings.map((row) => [row.competencyId, row]));
  const labels = new Map(ladder.scale.map((point) => [point.value, point.label]));
  return assessedCompetencies(ladder, levelId).map((competency) => {
    const row = byCompetency.get(competency.id);
    const rating = row?.rating ?? null;
    return {
      ...competency,
      rating,
      ratingLabel: rating === null ? null : (labels.get(rating) ?? String(rating)),
      notes: row?.notes ?? "",
      marks: readMarks(row?.nextLevelMarks),
      evidence: row?.evidence ?? [],
    };
  });
}

/**
 * What the editor reads of a competency: the ladder's words it shows (the level's expectations
 * without their examples, which its compact list leaves out; the next level's by their words alone,
 * each with its mark) and the evidence. What was rated, noted and marked is in the draft's values,
 * sent once.
 */
export type EditedCompetency = Omit<AssessedCompetency, "expectations" | "nextExpectations"> & {
  expectations: Omit<Expectation, "examples">[];
  nextExpectations: { text: string }[];
  evidence: EvidenceItem[];
};

export function editedCompetency({
  id,
  name,
  description,
  areaId,
  areaName,
  target,
  expectations,
  nextExpectations,
  evidence,
}: RatedCompetency): EditedCompetency {
  return {
    id,
    name,
    description,
    areaId,
    areaName,
    target,
    expectations: expectations.map(({ examples: _examples, ...shown }) => shown),
    nextExpectations: nextExpectations.map(({ text }) => ({ text })),
    evidence,
  };
}

/** A rated competency with nothing to back the rating up. */
export function lacksEvidence(competency: Pick<RatedCompetency, "rating" | "evidence">): boolean {
  return competency.rating !== null && competency.evidence.length === 0;
}
