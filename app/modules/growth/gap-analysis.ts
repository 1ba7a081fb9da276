/**
 * Gap analysis: how far one assessment is from a target level's expectations.
 * Pure; the caller picks the assessment (see the growth page) and the ladders.
 */
import {
  competenciesForLevel,
  getLevel,
  getTrack,
  nextLevel,
  type Ladder,
  type Level,
} from "~/modules/ladders";

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

/** One side's assessment (the person's own, or their manager's review). */
export type GapSource = {
  ladder: Ladder;
  /** The level the assessment was made against. */
  levelId: string;
  /** Was it made against the same ladder version as the target ladder? */
  sameVersion: boolean;
  ratings: readonly GapRating[];
};

/** The assessments a gap analysis reads: either side may be missing. */
export type GapSides = { self?: GapSource | null; manager?: GapSource | null };

export type Side = "self" | "manager";

export type GapExpectation = {
  index: number;
  text: string;
  status: GapStatus;
  basis: GapBasis;
  /** Each side's own mark on this expectation, when it made one. */
  marks: Record<Side, MarkStatus | null>;
};

export type GapCounts = {
  met: number;
  partly: number;
  notMet: number;
  notAssessed: number;
  total: number;
};

export type GapCompetency = {
  competencyId: string;
  name: string;
  /** The rating that decides unmarked expectations: the manager's, else the person's own. */
  rating: number | null;
  ratingLabel: string | null;
  /** Whose rating `rating` is. */
  ratedBy: Side | null;
  /** Each side's rating, when it rated the competency. */
  ratings: Record<Side, number | null>;
  /** The rating the target level expects of this competency. */
  target: number;
  targetLabel: string | null;
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
  /** How unmarked expectations follow a rating (see `fromRating`). */
  ratingRule: RatingRule;
  competencies: GapCompetency[];
  summary: GapCounts & { noEvidence: number; rated: number };
};

/**
 * The readiness bar's two segments, in percent of its width: met expectations fill their share,
 * partly met ones half of theirs, so the bar is as long as the readiness it stands for (an
 * all-partly competency drew a full bar at 50%). To a tenth of a percent, finer than the bar shows.
 */
export function readinessBarWidths(counts: GapCounts): { met: number; partly: number } {
  const pct = (n: number) => (counts.total ? Math.round((1000 * n) / counts.total) / 10 : 0);
  return { met: pct(counts.met), partly: pct(counts.partly / 2) };
}

const MARKS: readonly string[] = ["met", "partly", "not-met"];

/** Reads stored marks, ignoring anything malformed. */
export function parseMarks(value: unknown): Map<number, MarkStatus> {
  const marks = new Map<number, MarkStatus>();
  if (typeof value !== "object" || value === null || Array.isArray(value)) return marks;
  for (const [key, status] of Object.entries(value)) {
    const index = Number(key);
    if (
      Number.isInteger(index) &&
      index >= 0 &&
      typeof status === "string" &&
      MARKS.includes(status)
    )
      marks.set(index, status as MarkStatus);
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
 * Each expectation of the target level, per competency that applies at it, gets a status:
 *
 * - from marks: each side may have marked the expectations of the level after the one it
 *   assessed. Where both marked an expectation the manager's mark counts and both are kept
 *   (the page shows both when they differ); where one side did, its mark counts.
 * - from a rating, where nobody marked it: the manager's rating, else the person's own,
 *   against the targets (the rating each level expects, ladders/targets.ts). Ratings are
 *   given against the assessed level, so:
 *   - when the target level expects a higher rating than the assessed level (a ladder whose
 *     targets climb), or the target is the assessed level itself or below it: reaching the
 *     target's target is met, one short is partly met, lower is not met ("reaches-target");
 *   - otherwise (the same target at every level, as on a scale read against each level):
 *     a rating above the assessed level's target counts as partly met, anything else as not
 *     met; only marks say met ("above-own-target").
 * - "not assessed" when neither side rated the competency (for example one that starts at
 *   the target level, or team health when an engineer looks at a manager level).
 *
 * Marks match the target's expectations by position only when the target is exactly the
 * level after the assessed one in the same ladder version; otherwise by their wording.
 * Returns null when the target level is not in the ladder.
 */
export function gapAnalysis(
  targetLadder: Ladder,
  targetLevelId: string,
  sides: GapSides,
): GapAnalysis | null {
  const target = getLevel(targetLadder, targetLevelId);
  const track = target ? getTrack(targetLadder, target.trackId) : undefined;
  if (!target || !track) return null;

  const present = (["manager", "self"] as const).flatMap((side) =>
    sides[side] ? [{ side, source: sides[side]! }] : [],
  );
  const reader = new Map(
    present.map(({ side, source }) => [side, sideReader(source, targetLevelId)]),
  );
  const primary = present[0]?.source;
  const matchedBy =
    present.map(({ side }) => reader.get(side)!.matchedBy).find((matched) => matched !== "none") ??
    "none";
  const scale = (primary?.ladder ?? targetLadder).scale;
  const labelOf = (value: number | null) =>
    value === null ? null : (scale.find((point) => point.value === value)?.label ?? null);
  const notAbove = primary ? notAboveAssessed(primary, targetLadder, target) : false;
  const ruleOf = (targetRating: number, ownTarget: number): RatingRule =>
    notAbove || targetRating > ownTarget ? "reaches-target" : "above-own-target";
  const ratingRule = ruleOf(
    target.target,
    (primary && getLevel(primary.ladder, primary.levelId)?.target) ?? target.target,
  );

  const summary = { ...emptyCounts(), noEvidence: 0, rated: 0 };
  const competencies = competenciesForLevel(targetLadder, target.id).map(
    (competency): GapCompetency => {
      const rated = {
        self: reader.get("self")?.rating(competency.id),
        manager: reader.get("manager")?.rating(competency.id),
      };
      const ratedBy: Side | null =
        rated.manager?.rating != null ? "manager" : rated.self?.rating != null ? "self" : null;
      const decider = ratedBy ? rated[ratedBy]! : null;
      const rating = decider?.rating ?? null;
      const targetRating = target.targets[competency.id] ?? target.target;
      const ownTarget = ratedBy ? reader.get(ratedBy)!.ownTarget(competency.id) : null;
      const counts = emptyCounts();
      const expectations = (target.expectations[competency.id] ?? []).map(
        (expectation, index): GapExpectation => {
          const marks = {
            self: reader.get("self")?.mark(competency.id, index, expectation.text) ?? null,
            manager: reader.get("manager")?.mark(competency.id, index, expectation.text) ?? null,
          };
          const mark = marks.manager ?? marks.self;
          let status: GapStatus;
          let basis: GapBasis;
          if (mark) [status, basis] = [mark, "marked"];
          else if (rating !== null)
            [status, basis] = [
              fromRating(
                rating,
                targetRating,
                ownTarget ?? targetRating,
                ruleOf(targetRating, ownTarget ?? targetRating),
              ),
              "from-rating",
            ];
          else [status, basis] = ["not-assessed", "not-assessed"];
          count(counts, status);
          count(summary, status);
          return { index, text: expectation.text, status, basis, marks };
        },
      );
      const noEvidence = rating !== null && (decider?.evidenceCount ?? 0) === 0;
      if (rating !== null) summary.rated++;
      if (noEvidence) summary.noEvidence++;
      return {
        competencyId: competency.id,
        name: competency.name,
        rating,
        ratingLabel: labelOf(rating),
        ratedBy,
        ratings: { self: rated.self?.rating ?? null, manager: rated.manager?.rating ?? null },
        target: targetRating,
        targetLabel: labelOf(targetRating),
        noEvidence,
        expectations,
        counts,
        readiness: counts.total ? (counts.met + counts.partly / 2) / counts.total : 0,
      };
    },
  );

  return {
    target: { levelId: target.id, title: target.title, trackId: track.id, trackName: track.name },
    matchedBy,
    ratingRule,
    competencies,
    summary,
  };
}

/** How one side's assessment reads against the target: its ratings, its marks matched to the target's expectations, its own level's targets. */
function sideReader(source: GapSource, targetLevelId: string) {
  const markedLevel = nextLevel(source.ladder, source.levelId);
  const matchedBy: GapAnalysis["matchedBy"] = !markedLevel
    ? "none"
    : source.sameVersion && markedLevel.id === targetLevelId
      ? "index"
      : "text";
  const ratings = new Map(source.ratings.map((rating) => [rating.competencyId, rating]));
  const marksByCompetency = new Map<
    string,
    { byIndex: Map<number, MarkStatus>; byText: Map<string, MarkStatus> }
  >();
  const assessed = getLevel(source.ladder, source.levelId);
  return {
    matchedBy,
    rating: (competencyId: string) => ratings.get(competencyId),
    ownTarget: (competencyId: string) =>
      assessed ? (assessed.targets[competencyId] ?? assessed.target) : null,
    mark(competencyId: string, index: number, text: string): MarkStatus | null {
      if (matchedBy === "none") return null;
      let marks = marksByCompetency.get(competencyId);
      if (!marks) {
        const byIndex = parseMarks(ratings.get(competencyId)?.nextLevelMarks);
        // Texts are matched only across versions or levels; by index, nothing needs them.
        const byText = new Map<string, MarkStatus>();
        const marked = matchedBy === "text" ? (markedLevel?.expectations[competencyId] ?? []) : [];
        for (const [markIndex, status] of byIndex) {
          const expectation = marked[markIndex];
          if (expectation) byText.set(normalise(expectation.text), status);
        }
        marksByCompetency.set(competencyId, (marks = { byIndex, byText }));
      }
      return (
        (matchedBy === "index" ? marks.byIndex.get(index) : marks.byText.get(normalise(text))) ??
        null
      );
    },
  };
}

/** Is the target the assessed level itself, or below it in the same track? */
function notAboveAssessed(source: GapSource, targetLadder: Ladder, target: Level): boolean {
  const assessed = getLevel(source.ladder, source.levelId);
  return (
    assessed !== undefined &&
    assessed.trackId === target.trackId &&
    source.ladder.meta.id === targetLadder.meta.id &&
    target.rank <= assessed.rank
  );
}

export type RatingRule = "reaches-target" | "above-own-target";

/** An expectation's status from a rating alone (see gapAnalysis). */
export function fromRating(
  rating: number,
  target: number,
  ownTarget: number,
  rule: RatingRule,
): MarkStatus {
  if (rule === "reaches-target")
    return rating >= target ? "met" : rating === target - 1 ? "partly" : "not-met";
  return rating > ownTarget ? "partly" : "not-met";
}
