import { funnel, PIPELINE_STAGE_LABELS, type CandidateHistory, type FunnelStage } from "~/modules/hiring/pipeline";
import { correlate, VALIDITY_CAVEAT, VALIDITY_MIN_N, type Correlation, type HireOutcome } from "~/modules/hiring/validity";
import { wilsonInterval, type Proportion } from "~/modules/statistics/intervals";
import { belowFloor } from "~/modules/statistics/small-groups";

/**
 * Hiring over time, for admins: the validity loop year by year (does a hire's interview say
 * anything about their first manager review?) and the pipeline's funnel, stage by stage, with
 * the conversion of the candidates decided at each stage and Wilson's interval. Pure; the rules
 * of both come from the hiring module (validity.ts, pipeline.ts).
 */

export type ValidityPeriod = Correlation & { period: string };

/**
 * Per calendar year (UTC) of the hiring decision: each hire's mean interview score against their
 * mean review rating, both over the competencies the review rated; Pearson and Spearman with
 * Fisher's interval, none below the validity loop's minimum of hires.
 */
export function validityOverTime(hires: readonly (HireOutcome & { decidedAt: Date | null })[]): { periods: ValidityPeriod[]; minN: number; caveat: string } {
  const byYear = new Map<string, { xs: number[]; ys: number[] }>();
  for (const hire of hires) {
    if (!hire.decidedAt) continue;
    const ratings = new Map(hire.review.flatMap(({ competencyId, rating }) => (rating === null ? [] : [[competencyId, rating] as const])));
    const scores = hire.interview.filter((entry) => entry.score !== null && ratings.has(entry.competencyId));
    if (!scores.length) continue;
    const rated = [...new Set(scores.map((entry) => entry.competencyId))];
    const year = String(hire.decidedAt.getUTCFullYear());
    const pairs = byYear.get(year) ?? { xs: [], ys: [] };
    pairs.xs.push(scores.reduce((sum, entry) => sum + entry.score!, 0) / scores.length);
    pairs.ys.push(rated.reduce((sum, id) => sum + ratings.get(id)!, 0) / rated.length);
    byYear.set(year, pairs);
  }
  return {
    periods: [...byYear].sort(([a], [b]) => a.localeCompare(b)).map(([period, pairs]) => ({ period, ...correlate(pairs.xs, pairs.ys) })),
    minN: VALIDITY_MIN_N,
    caveat: VALIDITY_CAVEAT,
  };
}

export type FunnelStageRow = {
  stage: FunnelStage;
  label: string;
  reached: number;
  movedOn: number;
  rejected: number;
  open: number;
  /** Of the candidates decided at the stage, the share who went on; hidden below the floor. */
  suppressed: boolean;
  conversion: Proportion | null;
};

export function funnelWithIntervals(histories: readonly CandidateHistory[], floor: number): FunnelStageRow[] {
  return funnel(histories).map((row) => {
    const decided = row.movedOn + row.rejected;
    const suppressed = row.stage !== "hired" && belowFloor(decided, floor);
    return {
      stage: row.stage,
      label: PIPELINE_STAGE_LABELS[row.stage],
      reached: row.reached,
      movedOn: row.movedOn,
      rejected: row.rejected,
      open: row.open,
      suppressed,
      conversion: row.conversion === null || suppressed ? null : wilsonInterval(row.movedOn, decided),
    };
  });
}
