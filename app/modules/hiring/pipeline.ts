/**
 * A candidate's way through an opening's pipeline: screen, interviews, offer, then hired or
 * rejected. Pure: which moves are allowed and what they must say, and the figures read from the
 * moves (how many stand in each stage, conversion from stage to stage, time in stage). The board,
 * the to-do list, the validity loop and the organisation's funnel all read these functions.
 * docs/decisions/045-candidate-pipeline.md.
 */

export const PIPELINE_STAGES = ["screen", "interviews", "offer", "hired", "rejected"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** The stages a candidate waits in, in order; hired follows offer. */
export const ACTIVE_STAGES = [
  "screen",
  "interviews",
  "offer",
] as const satisfies readonly PipelineStage[];
export type ActiveStage = (typeof ACTIVE_STAGES)[number];

/** The stages of the funnel, in order: the active ones, then hired. */
export const FUNNEL_STAGES = [
  "screen",
  "interviews",
  "offer",
  "hired",
] as const satisfies readonly PipelineStage[];
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

export const PIPELINE_STAGE_LABELS: Record<PipelineStage, string> = {
  screen: "Screen",
  interviews: "Interviews",
  offer: "Offer",
  hired: "Hired",
  rejected: "Rejected",
};

/** The stages' words in the messages (hiring's `pipelineStage`), for the pages in several languages. */
export const PIPELINE_STAGE_KEYS = {
  screen: "pipelineStage.screen",
  interviews: "pipelineStage.interviews",
  offer: "pipelineStage.offer",
  hired: "pipelineStage.hired",
  rejected: "pipelineStage.rejected",
} as const satisfies Record<PipelineStage, string>;

export const REJECTION_REASONS = [
  "experience",
  "interviews",
  "withdrew",
  "offer-declined",
  "role-filled",
  "other",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** The reasons' words in the messages (hiring's `rejectionReason`). */
export const REJECTION_REASON_KEYS = {
  experience: "rejectionReason.experience",
  interviews: "rejectionReason.interviews",
  withdrew: "rejectionReason.withdrew",
  "offer-declined": "rejectionReason.offerDeclined",
  "role-filled": "rejectionReason.roleFilled",
  other: "rejectionReason.other",
} as const satisfies Record<RejectionReason, string>;

/**
 * A column of the pipeline board shows this many candidates, those waiting longest first, and
 * says how many more there are: an opening with hundreds of candidates stays one readable page,
 * five columns of ten a screen's worth. The whole column is one link away.
 */
export const PIPELINE_COLUMN_LIMIT = 10;

/** How many of a column's candidates the board shows: all of the column the viewer opened, else up to the limit. */
export function shownInColumn(
  stage: PipelineStage,
  total: number,
  opened: PipelineStage | null,
): number {
  return opened === stage ? total : Math.min(total, PIPELINE_COLUMN_LIMIT);
}

export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === "string" && (PIPELINE_STAGES as readonly string[]).includes(value);
}

export function isActiveStage(value: unknown): value is ActiveStage {
  return typeof value === "string" && (ACTIVE_STAGES as readonly string[]).includes(value);
}

export function isRejectionReason(value: unknown): value is RejectionReason {
  return typeof value === "string" && (REJECTION_REASONS as readonly string[]).includes(value);
}

const ORDER: Record<FunnelStage, number> = { screen: 0, interviews: 1, offer: 2, hired: 3 };

export type MoveRequest = { to: PipelineStage; reason: RejectionReason | null; note: string };

export type MoveCheck =
  | { ok: true; kind: "forward" | "back" | "reject" | "reopen" | "hire" }
  | { ok: false; field: "to" | "reason" | "note"; message: string };

/**
 * Whether a candidate in `from` may move as asked. Active stages move forward or back freely; a
 * rejection needs a reason from the list (and a note for "other"); hired is reached from the offer
 * stage, or from another stage only with a note saying why the offer was skipped; a rejected
 * candidate is reopened into an active stage; a hire stays hired.
 */
export function checkMove(from: PipelineStage, request: MoveRequest): MoveCheck {
  const { to, reason } = request;
  const note = request.note.trim();
  if (to === from)
    return { ok: false, field: "to", message: "hiring:pipeline.errors.alreadyThere" };
  if (from === "hired")
    return { ok: false, field: "to", message: "hiring:pipeline.errors.hireStays" };
  if (from === "rejected") {
    if (!isActiveStage(to))
      return { ok: false, field: "to", message: "hiring:pipeline.errors.reopenActive" };
    return { ok: true, kind: "reopen" };
  }
  if (to === "rejected") {
    if (!reason)
      return { ok: false, field: "reason", message: "hiring:pipeline.errors.reasonMissing" };
    if (reason === "other" && !note)
      return { ok: false, field: "note", message: "hiring:pipeline.errors.otherNote" };
    return { ok: true, kind: "reject" };
  }
  if (to === "hired") {
    if (from !== "offer" && !note)
      return { ok: false, field: "note", message: "hiring:pipeline.errors.offerSkipped" };
    return { ok: true, kind: "hire" };
  }
  return { ok: true, kind: ORDER[to] > ORDER[from] ? "forward" : "back" };
}

/** Where a candidate may be moved from `from`, in the order a form offers them (the next stage first). */
export function movesFrom(from: PipelineStage): PipelineStage[] {
  if (from === "hired") return [];
  if (from === "rejected") return [...ACTIVE_STAGES];
  const next = FUNNEL_STAGES[ORDER[from] + 1]!;
  return [next, ...FUNNEL_STAGES.filter((stage) => stage !== from && stage !== next), "rejected"];
}

/** One recorded move: `from` is null for the candidate's entry into the pipeline. */
export type PipelineMove = { from: PipelineStage | null; to: PipelineStage; at: Date };

/** A candidate's moves, oldest first. */
export type CandidateHistory = { moves: readonly PipelineMove[] };

const DAY = 24 * 60 * 60 * 1000;

/** Whole days between two times (a candidate in a stage since this morning: 0). */
export function daysBetween(since: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY));
}

function currentStage(history: CandidateHistory): PipelineStage | null {
  return history.moves.at(-1)?.to ?? null;
}

/** How many candidates stand in each stage now. */
export function stageCounts(histories: readonly CandidateHistory[]): Record<PipelineStage, number> {
  const counts = Object.fromEntries(PIPELINE_STAGES.map((stage) => [stage, 0])) as Record<
    PipelineStage,
    number
  >;
  for (const history of histories) {
    const stage = currentStage(history);
    if (stage) counts[stage] += 1;
  }
  return counts;
}

export type FunnelRow = {
  stage: FunnelStage;
  /** Candidates who reached the stage (or a later one, having skipped it). */
  reached: number;
  /** Of those, who went on to a later stage. */
  movedOn: number;
  /** Of those, who were rejected with this as the furthest stage they reached. */
  rejected: number;
  /** Still undecided here: reached, neither moved on nor rejected. */
  open: number;
  /** movedOn / (movedOn + rejected): the share of candidates decided at this stage who went on; null when none was decided. */
  conversion: number | null;
};

/** The candidates (their places in the list given) in each part of a stage of the funnel. */
export type FunnelBuckets = {
  stage: FunnelStage;
  reached: number[];
  movedOn: number[];
  rejected: number[];
  open: number[];
};

/**
 * Conversion from stage to stage. Each candidate counts once, at the furthest stage they reached
 * (a move back, or a rejection after one, does not undo having reached it); a rejection is counted
 * at that furthest stage; a reopened candidate is open again. Candidates still waiting are left
 * out of the conversion, which is over decided candidates only, and shown as open. Which
 * candidates are where: reports that release the funnel check who its figures are about.
 */
export function funnelBuckets(histories: readonly CandidateHistory[]): FunnelBuckets[] {
  const furthest: { index: number; stage: FunnelStage; rejected: boolean }[] = [];
  histories.forEach((history, index) => {
    let best: FunnelStage | null = null;
    for (const move of history.moves) {
      if (move.to !== "rejected" && (best === null || ORDER[move.to] > ORDER[best])) best = move.to;
      if (
        move.from &&
        move.from !== "rejected" &&
        (best === null || ORDER[move.from] > ORDER[best])
      )
        best = move.from;
    }
    if (best !== null)
      furthest.push({ index, stage: best, rejected: currentStage(history) === "rejected" });
  });
  return FUNNEL_STAGES.map((stage) => {
    const reached = furthest.filter((candidate) => ORDER[candidate.stage] >= ORDER[stage]);
    const movedOn = reached.filter((candidate) => ORDER[candidate.stage] > ORDER[stage]);
    const rejected = reached.filter((candidate) => candidate.stage === stage && candidate.rejected);
    const open =
      stage === "hired"
        ? []
        : reached.filter((candidate) => candidate.stage === stage && !candidate.rejected);
    const indices = (list: typeof reached) => list.map((candidate) => candidate.index);
    return {
      stage,
      reached: indices(reached),
      movedOn: indices(movedOn),
      rejected: indices(rejected),
      open: indices(open),
    };
  });
}

/** The funnel's counts and conversions (funnelBuckets, counted). */
export function funnel(histories: readonly CandidateHistory[]): FunnelRow[] {
  return funnelBuckets(histories).map(({ stage, reached, movedOn, rejected, open }) => ({
    stage,
    reached: reached.length,
    movedOn: movedOn.length,
    rejected: rejected.length,
    open: open.length,
    conversion:
      stage === "hired" || movedOn.length + rejected.length === 0
        ? null
        : movedOn.length / (movedOn.length + rejected.length),
  }));
}

export type TimeInStageRow = {
  stage: ActiveStage;
  /** Stays in the stage that ended (the candidate moved on, back, or was rejected). */
  completed: number;
  /** Median length of those stays, in days (fractional); null without any. */
  medianDays: number | null;
  /** Candidates in the stage now, and the median of how long they have been waiting, in days. */
  waiting: number;
  medianWaitingDays: number | null;
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Time in each active stage: every stay from entering a stage to the next move, its median over
 * the stays that ended, and apart from them the stays still running at `now` (a median over both
 * would shorten the stage by the candidates who have only just arrived).
 */
export function timeInStage(histories: readonly CandidateHistory[], now: Date): TimeInStageRow[] {
  const ended = new Map<ActiveStage, number[]>(ACTIVE_STAGES.map((stage) => [stage, []]));
  const running = new Map<ActiveStage, number[]>(ACTIVE_STAGES.map((stage) => [stage, []]));
  for (const { moves } of histories) {
    moves.forEach((move, index) => {
      if (!isActiveStage(move.to)) return;
      const next = moves[index + 1];
      const days = ((next ? next.at : now).getTime() - move.at.getTime()) / DAY;
      (next ? ended : running).get(move.to)!.push(Math.max(0, days));
    });
  }
  return ACTIVE_STAGES.map((stage) => {
    const done = ended.get(stage)!;
    const current = running.get(stage)!;
    return {
      stage,
      completed: done.length,
      medianDays: median(done),
      waiting: current.length,
      medianWaitingDays: median(current),
    };
  });
}

/** What a move did, as the board words it (`hiring:pipeline.flash.<done>`) once it redirects there. */
export const MOVES_DONE = ["moved", "movedBack", "reopened"] as const;
export type MoveDone = (typeof MOVES_DONE)[number];
