/**
 * Gap analysis: how far one assessment is from a target level's expectations.
 * Pure; the caller picks the assessment (see the growth page) and the ladders.
 */
import { competenciesForTrack, getLevel, getTrack, nextLevel, type Ladder } from "~/modules/ladders";

export type MarkStatus = "met" | "partly" | "not-met";
export type GapStatus = MarkStatus | "not-assessed";
/** Where an expectation's status came from: a mark on that expectation, the competency's rating, or nothing. */
export type GapBasis = "marked" | "from-rating" | "not-assessed";

export type GapRating = {
  competencyId: string;
  rating: number | null;
  /** Stored as JSON: {"<index in the next level's expectations>": "met" | "partly" | "not-met"}. */
  nextLevelMarks: unknown;
  evidenceCount: number;
};

export type GapSource = {
  ladder: Ladder;
  /** The level the assessment was made against. */
  levelId: string;
  /** Was it made against the same ladder version as the target ladder? */
  sameVersion: boolean;
  ratings: readonly GapRating[];
};

export type GapExpectation = { index: number; text: string; status: GapStatus; basis: GapBasis };

export type GapCounts = { met: number; partly: number; notMet: number; notAssessed: number; total: number };

export type GapCompetency = {
  competencyId: string;
  name: string;
  rating: number | null;
  ratingLabel: string | null;
  /** Rated, but with no evidence attached. */
  noEvidence: boolean;
  expectations: GapExpectation[];
  counts: GapCounts;
  /** 0..1: met expectations count fully, partly met ones half. */
  readiness: number;
};

export type GapAnalysis = {
  target: { levelId: string; title: string; trackId: string; trackName: string };
  /** How marks were matched to the target's expectations: by position (target is the assessed level's next) or by wording. */
  matchedBy: "index" | "text" | "none";
  competencies: GapCompetency[];
  summary: GapCounts & { noEvidence: number; rated: number };
};

const MARKS: readonly string[] = ["met", "partly", "not-met"];

/** Reads stored marks, ignoring anything malformed. */
export function parseMarks(value: unknown): Map<number, MarkStatus> {
  const marks = new Map<number, MarkStatus>();
  if (typeof value !== "object" || value === null || Array.isArray(value)) return marks;
  for (const [key, status] of Object.entries(value)) {
    const index = Number(key);
    if (Number.isInteger(index) && index >= 0 && typeof status === "string" && MARKS.includes(status)) marks.set(index, status as MarkStatus);
  }
  return marks;
}

function normalise(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

function emptyCounts(): GapCounts {
  return { met: 0, partly: 0, notMet: 0, notAssessed: 0, total: 0 };
}

function count(counts: GapCounts, status: GapStatus) {
  counts.total++;
  if (status === "met") counts.met++;
  else if (status === "partly") counts.partly++;
  else if (status === "not-met") counts.notMet++;
  else counts.notAssessed++;
}

/**
 * Each expectation of the target level, per competency of its track, gets a
 * status: the assessment's explicit mark when there is one; otherwise one derived
 * from the competency's rating (the top of the scale, "Beyond", counts as partly
 * met; anything lower as not met); "not assessed" when the competency was not
 * rated (for example team health, when an engineer looks at a manager level).
 *
 * Marks are recorded against the expectations of the level after the assessed
 * one. They match the target's expectations by position only when the target is
 * exactly that level in the same ladder version; otherwise by their wording.
 * Returns null when the target level is not in the ladder.
 */
export function gapAnalysis(targetLadder: Ladder, targetLevelId: string, source: GapSource | null): GapAnalysis | null {
  const target = getLevel(targetLadder, targetLevelId);
  const track = target ? getTrack(targetLadder, target.trackId) : undefined;
  if (!target || !track) return null;

  const markedLevel = source ? nextLevel(source.ladder, source.levelId) : undefined;
  const matchedBy: GapAnalysis["matchedBy"] = !source || !markedLevel ? "none" : source.sameVersion && markedLevel.id === targetLevelId ? "index" : "text";
  const ratings = new Map((source?.ratings ?? []).map((rating) => [rating.competencyId, rating]));
  const topOfScale = Math.max(...(source?.ladder ?? targetLadder).scale.map((point) => point.value));
  const scale = (source?.ladder ?? targetLadder).scale;

  const summary = { ...emptyCounts(), noEvidence: 0, rated: 0 };
  const competencies = competenciesForTrack(targetLadder, track.id).map((competency): GapCompetency => {
    const rated = ratings.get(competency.id);
    const rating = rated?.rating ?? null;
    const marks = parseMarks(rated?.nextLevelMarks);
    const markedTexts = new Map<string, MarkStatus>();
    if (matchedBy === "text" && markedLevel) {
      const marked = markedLevel.expectations[competency.id] ?? [];
      for (const [index, status] of marks) {
        const expectation = marked[index];
        if (expectation) markedTexts.set(normalise(expectation.text), status);
      }
    }
    const counts = emptyCounts();
    const expectations = (target.expectations[competency.id] ?? []).map((expectation, index): GapExpectation => {
      const mark = matchedBy === "index" ? marks.get(index) : matchedBy === "text" ? markedTexts.get(normalise(expectation.text)) : undefined;
      let status: GapStatus;
      let basis: GapBasis;
      if (mark) [status, basis] = [mark, "marked"];
      else if (rating !== null) [status, basis] = [rating >= topOfScale ? "partly" : "not-met", "from-rating"];
      else [status, basis] = ["not-assessed", "not-assessed"];
      count(counts, status);
      count(summary, status);
      return { index, text: expectation.text, status, basis };
    });
    const noEvidence = rating !== null && (rated?.evidenceCount ?? 0) === 0;
    if (rating !== null) summary.rated++;
    if (noEvidence) summary.noEvidence++;
    return {
      competencyId: competency.id,
      name: competency.name,
      rating,
      ratingLabel: rating === null ? null : (scale.find((point) => point.value === rating)?.label ?? null),
      noEvidence,
      expectations,
      counts,
      readiness: counts.total ? (counts.met + counts.partly / 2) / counts.total : 0,
    };
  });

  return {
    target: { levelId: target.id, title: target.title, trackId: track.id, trackName: track.name },
    matchedBy,
    competencies,
    summary,
  };
}
