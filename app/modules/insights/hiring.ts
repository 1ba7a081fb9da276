import { disclosureCheck, releasedAsOf } from "~/modules/disclosure/check";
import { funnelCells } from "~/modules/disclosure/reports";
import {
  funnelBuckets,
  PIPELINE_STAGE_LABELS,
  type CandidateHistory,
  type FunnelStage,
} from "~/modules/hiring/pipeline";
import {
  correlate,
  VALIDITY_MIN_N,
  type Correlation,
  type HireOutcome,
} from "~/modules/hiring/validity";
import { wilsonInterval, type Proportion } from "~/modules/statistics/intervals";

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
export function validityOverTime(hires: readonly (HireOutcome & { decidedAt: Date | null })[]): {
  periods: ValidityPeriod[];
  minN: number;
} {
  const byYear = new Map<string, { xs: number[]; ys: number[] }>();
  for (const hire of hires) {
    if (!hire.decidedAt) continue;
    const ratings = new Map(
      hire.review.flatMap(({ competencyId, rating }) =>
        rating === null ? [] : [[competencyId, rating] as const],
      ),
    );
    const scores = hire.interview.filter(
      (entry) => entry.score !== null && ratings.has(entry.competencyId),
    );
    if (!scores.length) continue;
    const rated = [...new Set(scores.map((entry) => entry.competencyId))];
    const year = String(hire.decidedAt.getUTCFullYear());
    const pairs = byYear.get(year) ?? { xs: [], ys: [] };
    pairs.xs.push(scores.reduce((sum, entry) => sum + entry.score!, 0) / scores.length);
    pairs.ys.push(rated.reduce((sum, id) => sum + ratings.get(id)!, 0) / rated.length);
    byYear.set(year, pairs);
  }
  return {
    periods: [...byYear]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, pairs]) => ({ period, ...correlate(pairs.xs, pairs.ys) })),
    minN: VALIDITY_MIN_N,
  };
}

export type FunnelStageRow = {
  stage: FunnelStage;
  label: string;
  /** Each count, or null where the disclosure check hides it (the candidates behind it are too few, or it would give such a count). */
  reached: number | null;
  movedOn: number | null;
  rejected: number | null;
  open: number | null;
  /** Some count of the stage is hidden. */
  suppressed: boolean;
  /** Of the candidates decided at the stage, the share who went on: only where both its counts are shown. */
  conversion: Proportion | null;
};

/** The funnel, stage by stage, each count released by the disclosure check (`candidateIds`: whose histories these are, in order). */
export function funnelWithIntervals(
  histories: readonly CandidateHistory[],
  candidateIds: readonly string[],
  floor: number,
): FunnelStageRow[] {
  const buckets = funnelBuckets(histories);
  const ids = (indices: readonly number[]) => indices.map((index) => candidateIds[index]!);
  const release = disclosureCheck(
    funnelCells(
      buckets.map((bucket) => ({
        stage: bucket.stage,
        reached: ids(bucket.reached),
        movedOn: ids(bucket.movedOn),
        rejected: ids(bucket.rejected),
        open: ids(bucket.open),
      })),
    ),
    () => floor,
  );
  return buckets.map((bucket) => {
    const shown = (part: "reached" | "movedOn" | "rejected" | "open") =>
      release.shown.has(`funnel:${bucket.stage}:${part}`);
    const count = (part: "reached" | "movedOn" | "rejected" | "open") =>
      shown(part) ? bucket[part].length : null;
    const decided = bucket.movedOn.length + bucket.rejected.length;
    const parts =
      bucket.stage === "hired"
        ? (["reached"] as const)
        : (["reached", "movedOn", "rejected", "open"] as const);
    return {
      stage: bucket.stage,
      label: PIPELINE_STAGE_LABELS[bucket.stage],
      reached: count("reached"),
      movedOn: bucket.stage === "hired" ? 0 : count("movedOn"),
      rejected: bucket.stage === "hired" ? 0 : count("rejected"),
      open: bucket.stage === "hired" ? 0 : count("open"),
      suppressed: parts.some((part) => !shown(part)),
      conversion:
        bucket.stage !== "hired" && decided > 0 && shown("movedOn") && shown("rejected")
          ? wilsonInterval(bucket.movedOn.length, decided)
          : null,
    };
  });
}

/** A time the reader sat on a candidate's panel: from being put on an interview until her first card of it was in or she was taken off it (null: still owed). */
export type PanelSeat = { since: number; until: number | null };

/**
 * When a reader could first read a candidate's move (decision 075): when it was made, unless she sat
 * on the candidate's panel then, owing her card (where the candidate stands would tell her of the
 * others' verdicts), and then once her card was in: never while it is owed. A move made before she
 * was put on the panel she could read already as an admin, and still can, so being put on it changes
 * nothing she read. Pure.
 */
export function readableAt(movedAt: number, seats: readonly PanelSeat[]): number {
  let at = movedAt;
  for (let moved = true; moved;) {
    moved = false;
    for (const seat of seats) {
      if (seat.since > at || (seat.until !== null && at >= seat.until)) continue;
      if (seat.until === null) return Number.POSITIVE_INFINITY;
      at = seat.until;
      moved = true;
    }
  }
  return at;
}

/**
 * The funnel as it stood when its latest batch of moves closed (decision 075): the floor's worth of
 * different candidates moved since the one before, so two readings never differ by one candidate's
 * move. Moves since are left out, and so is a candidate with none by then; before any batch closes
 * there is nothing to show (even how many candidates there are would move one by one).
 * A move counts when the reader could first read it (`readableAt`, by her seats on each candidate's
 * panels): so moves made while she owed her card join the batch still filling once it is in, and
 * until then are left out. `candidates`: how many the funnel is over.
 */
export function releasedFunnel(
  histories: readonly CandidateHistory[],
  candidateIds: readonly string[],
  floor: number,
  seats: ReadonlyMap<string, readonly PanelSeat[]> = new Map(),
): { candidates: number; funnel: FunnelStageRow[] } {
  const knownAt = (index: number, move: CandidateHistory["moves"][number]) =>
    readableAt(move.at.getTime(), seats.get(candidateIds[index]!) ?? []);
  const readable = histories.map((history, index) => ({
    moves: history.moves.filter((move) => knownAt(index, move) !== Number.POSITIVE_INFINITY),
  }));
  const asOf = releasedAsOf(
    readable.flatMap((history, index) =>
      history.moves.map((move, order) => ({
        id: `${candidateIds[index]!}#${order}`,
        contributor: candidateIds[index]!,
        at: new Date(knownAt(index, move)),
      })),
    ),
    () => floor,
  )?.getTime();
  const kept = readable.map((history, index) => ({
    moves: asOf === undefined ? [] : history.moves.filter((move) => knownAt(index, move) <= asOf),
  }));
  const present = kept.flatMap((history, index) =>
    history.moves.length ? [{ history, id: candidateIds[index]! }] : [],
  );
  return {
    candidates: present.length,
    funnel: funnelWithIntervals(
      present.map((entry) => entry.history),
      present.map((entry) => entry.id),
      floor,
    ),
  };
}
