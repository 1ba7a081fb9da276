import { getLevel, nextLevel, previousLevel, type Ladder, type Level } from "~/modules/ladders";
import {
  tallyRecommendations,
  type Recommendation,
  type RecommendationTally,
  type ScoreEntry,
} from "./scorecard";
import { largest, smallest } from "~/utils/extremes";

/**
 * The debrief, mechanical first: before anyone argues, the panel sees the interviewers ×
 * competencies matrix, where they disagree, the plain aggregate per competency, which level the
 * evidence supports by the ladder's own targets, and the recommendations. The agenda starts with
 * the largest disagreements. docs/decisions/021-hiring-statistics.md.
 */

/** Scores this many points or more apart on one competency are a disagreement worth talking about. */
export const DISAGREEMENT_SPREAD = 2;

/**
 * A competency meets a target when its mean score is no more than this below it: the mean,
 * rounded to the nearest scale point (halves up), reaches the target.
 */
export const LEVEL_TOLERANCE = 0.5;

/** How many levels below and above the role's level the estimate considers. */
export const LEVEL_REACH = 1;

/** One interviewer's effective card (the latest amendment) in the loop. */
export interface DebriefCard {
  interviewerId: string;
  stageId?: string | null;
  scores: readonly ScoreEntry[];
  /** Null for a card not yet submitted. */
  recommendation: Recommendation | null;
}

export interface DebriefRow {
  interviewerId: string;
  stageId: string | null;
  /** One per column of the matrix (`Debrief.competencyIds`); null where not scored. */
  scores: (number | null)[];
  recommendation: Recommendation | null;
}

export interface CompetencyAggregate {
  competencyId: string;
  /** How many interviewers scored it. */
  n: number;
  /** The remaining figures are null when nobody scored it. */
  mean: number | null;
  median: number | null;
  /** Sample variance (n − 1); 0 for a single score. */
  variance: number | null;
  /** Highest score minus lowest. */
  spread: number | null;
  /** Spread of two points or more. */
  disagreement: boolean;
}

export interface Shortfall {
  competencyId: string;
  mean: number;
  /** The level's target for the competency, and the mean it needed (target + steps above the role's level − tolerance). */
  target: number;
  required: number;
}

export interface LevelCheck {
  levelId: string;
  trackId: string;
  title: string;
  /** Steps from the role's level: −1 the level below, 0 the role's, 1 the level above. */
  offset: number;
  /** The level's equivalence band, null when in none. */
  band: number | null;
  /** The level's competencies that were scored and meet its targets (read at this offset). */
  met: string[];
  shortfalls: Shortfall[];
  /** The level's competencies nobody scored: the evidence is silent on them. */
  unassessed: string[];
  /** Something was scored and nothing falls short. */
  meets: boolean;
}

export interface LevelEstimate {
  roleLevelId: string;
  /** The most senior level checked whose targets the evidence meets; null when none is met. */
  supportedLevelId: string | null;
  /** Most junior first. */
  checks: LevelCheck[];
  tolerance: number;
}

export interface Debrief {
  /** Columns: the plan's competencies, then any other competency a card scored. */
  competencyIds: string[];
  rows: DebriefRow[];
  /** Per column, in column order. */
  aggregates: CompetencyAggregate[];
  /** Competencies with a spread of two points or more, in column order. */
  disagreements: string[];
  /** Competencies nobody scored, in column order. */
  unrated: string[];
  /** Scored competencies, largest spread first, then largest variance, then column order. */
  agenda: string[];
  recommendations: RecommendationTally;
  /** Null when the ladder has no such level. */
  level: LevelEstimate | null;
}

export interface DebriefOptions {
  tolerance?: number;
  reach?: number;
}

/** The middle value (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically, without a comparator call per step.
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The plain aggregate of one competency's scores. */
export function aggregate(competencyId: string, scores: readonly number[]): CompetencyAggregate {
  if (scores.length === 0)
    return {
      competencyId,
      n: 0,
      mean: null,
      median: null,
      variance: null,
      spread: null,
      disagreement: false,
    };
  const n = scores.length;
  const sum = scores.reduce((total, score) => total + score, 0);
  const squares = scores.reduce((total, score) => total + score * score, 0);
  // (nΣx² − (Σx)²) / (n(n − 1)): whole-number scores give one exact division, so equal variances compare equal on the agenda.
  const variance = n > 1 ? (n * squares - sum * sum) / (n * (n - 1)) : 0;
  const spread = largest(scores) - smallest(scores);
  return {
    competencyId,
    n,
    mean: sum / n,
    median: median(scores),
    variance,
    spread,
    disagreement: spread >= DISAGREEMENT_SPREAD,
  };
}

/** Scored competencies in discussion order: largest spread first, then largest variance; ties keep the given order. */
export function agendaOrder(aggregates: readonly CompetencyAggregate[]): string[] {
  return aggregates
    .filter((item) => item.n > 0)
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        b.item.spread! - a.item.spread! || b.item.variance! - a.item.variance! || a.index - b.index,
    )
    .map(({ item }) => item.competencyId);
}

/** The role's level and up to `reach` levels each side of it in its track (a branch's first level looks below to where it splits off), most junior first. */
function levelsAround(
  ladder: Ladder,
  role: Level,
  reach: number,
): { level: Level; offset: number }[] {
  const below: { level: Level; offset: number }[] = [];
  const above: { level: Level; offset: number }[] = [];
  let down: Level | undefined = role;
  let up: Level | undefined = role;
  for (let step = 1; step <= reach; step += 1) {
    down = down && previousLevel(ladder, down.id);
    up = up && nextLevel(ladder, up.id);
    if (down) below.unshift({ level: down, offset: -step });
    if (up) above.push({ level: up, offset: step });
  }
  return [...below, { level: role, offset: 0 }, ...above];
}

/**
 * Checks one level against the per-competency means. Interviewers score against the role's
 * level (the scale speaks of "the level being assessed"), so a mean is read one point lower for
 * each level above the role's and one point higher for each level below: a competency of the
 * level is met when mean − offset ≥ target − tolerance.
 */
export function checkLevel(
  level: Level,
  offset: number,
  means: ReadonlyMap<string, number>,
  tolerance = LEVEL_TOLERANCE,
): LevelCheck {
  const check: LevelCheck = {
    levelId: level.id,
    trackId: level.trackId,
    title: level.title,
    offset,
    band: level.band,
    met: [],
    shortfalls: [],
    unassessed: [],
    meets: false,
  };
  for (const competencyId of level.competencyIds) {
    const mean = means.get(competencyId);
    const target = level.targets[competencyId] ?? level.target;
    if (mean === undefined) check.unassessed.push(competencyId);
    else if (mean - offset >= target - tolerance) check.met.push(competencyId);
    else
      check.shortfalls.push({ competencyId, mean, target, required: target + offset - tolerance });
  }
  check.meets = check.met.length > 0 && check.shortfalls.length === 0;
  return check;
}

/**
 * Which level the evidence supports: the role's level and the levels around it in its track
 * (`reach` each side), each checked against its own targets (`checkLevel`); the most senior one
 * met is supported. Competencies nobody scored neither help nor hurt, and are listed.
 */
export function estimateLevel(
  ladder: Ladder,
  roleLevelId: string,
  means: ReadonlyMap<string, number>,
  options: DebriefOptions = {},
): LevelEstimate | null {
  const role = getLevel(ladder, roleLevelId);
  if (role === undefined) return null;
  const tolerance = options.tolerance ?? LEVEL_TOLERANCE;
  const checks = levelsAround(ladder, role, options.reach ?? LEVEL_REACH).map(({ level, offset }) =>
    checkLevel(level, offset, means, tolerance),
  );
  const supported = checks.filter((check) => check.meets).at(-1);
  return { roleLevelId, supportedLevelId: supported?.levelId ?? null, checks, tolerance };
}

/**
 * The debrief of one loop from its effective cards: the matrix (a row per card, a column per
 * competency), per-competency aggregates and spreads, disagreements, unrated competencies,
 * the agenda, the recommendation tally and the level estimate for the role's level.
 */
export function debrief(
  ladder: Ladder,
  roleLevelId: string,
  planCompetencyIds: readonly string[],
  cards: readonly DebriefCard[],
  options: DebriefOptions = {},
): Debrief {
  const competencyIds = [
    ...new Set([
      ...planCompetencyIds,
      ...cards.flatMap((card) => card.scores.map((entry) => entry.competencyId)),
    ]),
  ];
  const column = new Map(competencyIds.map((competencyId, index) => [competencyId, index]));
  const rows = cards.map((card): DebriefRow => {
    const scores = new Array<number | null>(competencyIds.length).fill(null);
    for (const { competencyId, score } of card.scores)
      if (score !== null) scores[column.get(competencyId)!] = score;
    return {
      interviewerId: card.interviewerId,
      stageId: card.stageId ?? null,
      scores,
      recommendation: card.recommendation,
    };
  });
  const aggregates = competencyIds.map((competencyId, index) =>
    aggregate(
      competencyId,
      rows.flatMap((row) => (row.scores[index] === null ? [] : [row.scores[index]!])),
    ),
  );
  const means = new Map(
    aggregates.flatMap((item) =>
      item.mean === null ? [] : [[item.competencyId, item.mean] as const],
    ),
  );
  return {
    competencyIds,
    rows,
    aggregates,
    disagreements: aggregates.filter((item) => item.disagreement).map((item) => item.competencyId),
    unrated: aggregates.filter((item) => item.n === 0).map((item) => item.competencyId),
    agenda: agendaOrder(aggregates),
    recommendations: tallyRecommendations(cards.map((card) => card.recommendation)),
    level: estimateLevel(ladder, roleLevelId, means, options),
  };
}
