import { db, type Prisma } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, ForbiddenError } from "~/modules/errors";
import { ViewCache } from "~/platform/view-cache.server";
import { candidateLoopsAccess, requireCandidate, requireManagedOpening } from "./access.server";
import {
  candidateMoves,
  pendingInterviewElsewhere,
  pipelineBoardVersion,
  type CandidateMove,
} from "./queries.server";
import {
  checkMove,
  daysBetween,
  funnel,
  isActiveStage,
  isPipelineStage,
  isRejectionReason,
  movesFrom,
  PIPELINE_COLUMN_LIMIT,
  PIPELINE_STAGES,
  shownInColumn,
  stageCounts,
  timeInStage,
  type CandidateHistory,
  type MoveDone,
  type MoveRequest,
  type PipelineStage,
  type RejectionReason,
} from "./pipeline";
import {
  canMoveCandidate,
  canSeePipeline,
  managesOpening,
  type CandidateAccess,
  type LoopAccess,
} from "./policy";
import * as clock from "~/platform/clock.server";

/**
 * Candidates through an opening's pipeline (pipeline.ts has the rules and figures): a hiring admin
 * moves a candidate, rejects them with a reason, reopens them, or starts another loop; the board
 * shows each stage with its candidates and their time in it. Every move is appended to the
 * candidate's record by `recordMove`, the one writer of their stage. Independence (policy.ts): a
 * hiring admin who owes a scorecard in one of the candidate's loops neither sees nor moves them.
 */

type FieldErrors = Record<string, string[]>;

export type RecordedMove = {
  candidateId: string;
  from: PipelineStage;
  to: PipelineStage;
  reason?: RejectionReason | null;
  note?: string;
  movedById: string | null;
  at: Date;
};

/**
 * Moves a candidate in the caller's transaction: appends the move, and keeps their stage, its
 * time and `rejectedAt` (the retention clock) in step with it. A rejection withdraws their loops
 * still undecided. False when the candidate was no longer in `from` (moved meanwhile) or purged.
 */
export async function recordMove(
  tx: Prisma.TransactionClient,
  move: RecordedMove,
): Promise<boolean> {
  const { candidateId, from, to, at } = move;
  const rejectedAt =
    to === "rejected" ? { rejectedAt: at } : from === "rejected" ? { rejectedAt: null } : {};
  const updated = await tx.hiringCandidate.updateMany({
    where: { id: candidateId, pipelineStage: from, purgedAt: null },
    data: { pipelineStage: to, pipelineStageSince: at, ...rejectedAt },
  });
  if (updated.count !== 1) return false;
  await tx.hiringPipelineMove.create({
    data: {
      candidateId,
      fromStage: from,
      toStage: to,
      reason: to === "rejected" ? (move.reason ?? null) : null,
      note: move.note?.trim() ?? "",
      movedById: move.movedById,
      movedAt: at,
    },
  });
  if (to === "rejected")
    await tx.hiringLoop.updateMany({
      where: { candidateId, state: "open", decision: null },
      data: { state: "withdrawn" },
    });
  return true;
}

function stageOf(value: string): PipelineStage {
  return isPipelineStage(value) ? value : "screen";
}

function refuseMove(viewer: Viewer, access: CandidateAccess): never {
  if (access.purged && canSeePipeline(viewer, access))
    throw new ConflictError({ key: "hiring:pipeline.errors.purged" });
  if (managesOpening(viewer, access))
    throw new ForbiddenError({ key: "hiring:pipeline.errors.ownFirst" });
  throw new ForbiddenError({ key: "hiring:pipeline.errors.adminsOnly" });
}

/** A hiring admin moves a candidate of the opening: forward, back, to hired, to rejected (with a reason), or reopens a rejected one. */
export async function moveCandidate(
  viewer: Viewer,
  openingId: string,
  candidateId: string,
  request: MoveRequest,
  now = clock.now(),
): Promise<{ ok: true; done: MoveDone } | { ok: false; fieldErrors: FieldErrors }> {
  const candidate = await requireCandidate(viewer, openingId, candidateId);
  if (!canMoveCandidate(viewer, candidate.access)) refuseMove(viewer, candidate.access);
  const from = stageOf(candidate.pipelineStage);
  const check = checkMove(from, request);
  if (!check.ok) return { ok: false, fieldErrors: { [check.field]: [check.message] } };
  await db.$transaction(async (tx) => {
    const moved = await recordMove(tx, {
      candidateId,
      from,
      to: request.to,
      reason: request.reason,
      note: request.note,
      movedById: viewer.id,
      at: now,
    });
    if (!moved) throw new ConflictError({ key: "hiring:pipeline.errors.movedMeanwhile" });
  });
  const done = (
    {
      forward: "moved",
      back: "movedBack",
      hire: "moved",
      reject: "moved",
      reopen: "reopened",
    } as const
  )[check.kind];
  return { ok: true, done };
}

/**
 * Another loop for a candidate in the opening (a second round, or after reopening them): while
 * they wait in an active stage, the opening is open, and none of their loops is still undecided,
 * so the to-do list and the debrief always follow one loop. Its debrief and decision are its own.
 */
export async function startAnotherLoop(
  viewer: Viewer,
  openingId: string,
  candidateId: string,
  now = clock.now(),
): Promise<{ loopId: string }> {
  const candidate = await requireCandidate(viewer, openingId, candidateId);
  if (!canMoveCandidate(viewer, candidate.access)) refuseMove(viewer, candidate.access);
  if (candidate.opening.state !== "open")
    throw new ConflictError({ key: "hiring:pipeline.errors.openingClosed" });
  const stage = stageOf(candidate.pipelineStage);
  if (!isActiveStage(stage)) throw new ConflictError({ key: "hiring:pipeline.errors.noNewLoop" });
  if (candidate.loops.some((loop) => loop.state === "open" && loop.decision === null))
    throw new ConflictError({ key: "hiring:pipeline.errors.loopOpen" });
  return db.$transaction(async (tx) => {
    const loop = await tx.hiringLoop.create({
      data: { openingId, candidateId },
      select: { id: true },
    });
    if (
      stage === "screen" &&
      !(await recordMove(tx, {
        candidateId,
        from: stage,
        to: "interviews",
        movedById: viewer.id,
        at: now,
      }))
    ) {
      throw new ConflictError({ key: "hiring:pipeline.errors.movedMeanwhile" });
    }
    return { loopId: loop.id };
  });
}

function orderedMoves(stage: PipelineStage, rejectedFrom: string | null): PipelineStage[] {
  const moves = movesFrom(stage);
  if (stage !== "rejected" || !isActiveStage(rejectedFrom)) return moves;
  return [rejectedFrom, ...moves.filter((to) => to !== rejectedFrom)];
}

function historyOf(
  moves: readonly { fromStage: string | null; toStage: string; movedAt: Date }[],
): CandidateHistory {
  return {
    moves: moves.flatMap((move) =>
      isPipelineStage(move.toStage)
        ? [
            {
              from: isPipelineStage(move.fromStage) ? move.fromStage : null,
              to: move.toStage,
              at: move.movedAt,
            },
          ]
        : [],
    ),
  };
}

function moveView(move: CandidateMove) {
  return {
    from: isPipelineStage(move.fromStage) ? move.fromStage : null,
    to: move.toStage,
    reason: isRejectionReason(move.reason) ? move.reason : null,
    note: move.note,
    at: move.movedAt.toISOString(),
    by: move.movedByName,
  };
}

/**
 * Every candidate of an opening with their stage and moves, as the board and its figures read
 * them: the same for every viewer (what each may see is decided after), kept per opening and
 * version of the candidates (pipelineBoardVersion: a move writes its candidate), so a board of
 * hundreds of candidates reads one short statement while nothing moves. Each server keeps its own; the version comes
 * from the shared database.
 */
const boards = new ViewCache<Awaited<ReturnType<typeof readBoard>>>({
  entries: 32,
  maxAgeMs: 10 * 60 * 1000,
});

async function openingBoard(openingId: string) {
  const version = await pipelineBoardVersion();
  return boards.get(`${openingId}\u0000${version}`, () => readBoard(openingId));
}

async function readBoard(openingId: string) {
  const rows = await db.hiringCandidate.findMany({
    where: { loops: { some: { openingId } } },
    orderBy: [{ pipelineStageSince: "asc" }, { id: "asc" }],
    select: { id: true, purgedAt: true, pipelineStage: true, pipelineStageSince: true },
  });
  const moves = await db.hiringPipelineMove.findMany({
    where: { candidateId: { in: rows.map((row) => row.id) } },
    orderBy: [{ candidateId: "asc" }, { movedAt: "asc" }, { id: "asc" }],
    select: { candidateId: true, fromStage: true, toStage: true, reason: true, movedAt: true },
  });
  const movesOf = new Map<string, typeof moves>();
  for (const move of moves)
    (
      movesOf.get(move.candidateId) ?? movesOf.set(move.candidateId, []).get(move.candidateId)!
    ).push(move);
  // Each candidate's history for the figures, worked out once per version rather than on every request.
  const historyOfCandidate = new Map(
    rows.map((row) => [row.id, historyOf(movesOf.get(row.id) ?? [])]),
  );
  return { rows, movesOf, historyOfCandidate };
}

/**
 * The opening's pipeline: a column per stage with its count and its candidates (time in the stage,
 * their latest loop, the moves allowed), the median time in each stage and the conversion from
 * stage to stage. Candidates in whose loops the viewer still owes a scorecard are counted apart,
 * in no stage and in no figure. `moving`: the candidate whose move form is open (?move=).
 *
 * Every candidate's stage and moves are read for the figures; names and loops only for the
 * candidates the board shows (PIPELINE_COLUMN_LIMIT a column), so an opening of hundreds of
 * candidates reads and renders a board's worth.
 */
export async function pipelinePage(
  viewer: Viewer,
  openingId: string,
  options: { opened?: PipelineStage | null; moving?: string | null; moved?: string | null } = {},
  now = clock.now(),
) {
  const opened = options.opened ?? null;
  const opening = await requireManagedOpening(viewer, openingId);
  const [{ rows, movesOf, historyOfCandidate }, ownInterviews] = await Promise.all([
    openingBoard(openingId),
    ownInterviewsIn(viewer.id, openingId),
  ]);
  const ownLoops = new Map<string, Map<string, typeof ownInterviews>>();
  for (const interview of ownInterviews) {
    const loops =
      ownLoops.get(interview.loop.candidateId) ??
      ownLoops.set(interview.loop.candidateId, new Map()).get(interview.loop.candidateId)!;
    loops.set(interview.loopId, [...(loops.get(interview.loopId) ?? []), interview]);
  }
  const placed = rows.flatMap((row) => {
    const loops = candidateLoopsAccess(
      [...(ownLoops.get(row.id)?.values() ?? [])].map((interviews) => ({ interviews })),
    );
    const access: CandidateAccess = {
      adminIds: opening.access.adminIds,
      loops,
      purged: row.purgedAt !== null,
    };
    return canSeePipeline(viewer, access)
      ? [{ row, access, stage: stageOf(row.pipelineStage), moves: movesOf.get(row.id) ?? [] }]
      : [];
  });
  const histories = placed.map(({ row }) => historyOfCandidate.get(row.id)!);
  // The moves and the kept stage are written together (recordMove), so counting either is the same.
  const counts = stageCounts(histories);
  const open = opening.state === "open";
  const columns = PIPELINE_STAGES.map((stage) => ({ stage, ...inStage(placed, stage, opened) }));
  // The candidate a move just redirected here for (?candidate=), when the viewer sees their card.
  const moved = placed.find(({ row }) => row.id === options.moved && row.purgedAt === null);
  const details = await db.hiringCandidate.findMany({
    where: {
      id: {
        in: [
          ...columns.flatMap((column) => column.shown.map(({ row }) => row.id)),
          ...(moved ? [moved.row.id] : []),
        ],
      },
    },
    select: {
      id: true,
      name: true,
      loops: {
        where: { openingId },
        orderBy: { createdAt: "asc" },
        select: { id: true, state: true, decision: true },
      },
    },
  });
  const detailsOf = new Map(details.map((detail) => [detail.id, detail]));
  return {
    opening: { id: opening.id, title: opening.title, state: opening.state },
    /** Candidates in whose loops the viewer still owes a scorecard: in no column and no figure. */
    hidden: rows.length - placed.length,
    columns: columns.map(({ stage, shown, more, whole }) => ({
      stage,
      count: counts[stage],
      /** Candidates of the column the board leaves out (PIPELINE_COLUMN_LIMIT), and whether the viewer opened the whole column. */
      more,
      whole,
      candidates: shown.map(({ row, access, moves }) => {
        const canMove = canMoveCandidate(viewer, access);
        const detail = detailsOf.get(row.id);
        const loops = detail?.loops ?? [];
        const lastMove = moves.at(-1);
        return {
          id: row.id,
          name: row.purgedAt || !detail ? null : detail.name,
          since: row.pipelineStageSince.toISOString(),
          days: daysBetween(row.pipelineStageSince, now),
          loopId: loops.at(-1)?.id ?? null,
          loops: loops.length,
          reason:
            stage === "rejected" && isRejectionReason(lastMove?.reason) ? lastMove.reason : null,
          // A rejected candidate is offered first the stage they were rejected from.
          moves: canMove ? orderedMoves(stage, lastMove?.fromStage ?? null) : [],
          /** Their move form is open on the board (?move=). */
          moving: canMove && options.moving === row.id,
          canStartLoop:
            canMove &&
            open &&
            isActiveStage(stage) &&
            !loops.some((loop) => loop.state === "open" && loop.decision === null),
        };
      }),
    })),
    /** Who a move just redirected here for, and the stage they are in now. */
    moved:
      moved && detailsOf.has(moved.row.id)
        ? { id: moved.row.id, name: detailsOf.get(moved.row.id)!.name, stage: moved.stage }
        : null,
    timeInStage: timeInStage(histories, now),
    funnel: funnel(histories),
  };
}

export type PipelinePage = Awaited<ReturnType<typeof pipelinePage>>;

/**
 * The viewer's own interviews in the opening's loops, with their candidate and whether their card
 * is in: whether they still owe a card decides what they may see. Most who open a board interview
 * in none of its loops, so that is asked first, in one short statement.
 */
async function ownInterviewsIn(viewerId: string, openingId: string) {
  const where = {
    interviewerId: viewerId,
    loop: { openingId },
  } satisfies Prisma.HiringInterviewWhereInput;
  if (!(await db.hiringInterview.findFirst({ where, select: { id: true } }))) return [];
  return db.hiringInterview.findMany({
    where,
    select: {
      interviewerId: true,
      loopId: true,
      loop: { select: { candidateId: true } },
      scorecards: { where: { status: "submitted", amendsId: null }, select: { id: true }, take: 1 },
    },
  });
}

/** A column's candidates as the board shows them, how many it leaves out, and whether it is shown whole past the limit. */
function inStage<T extends { stage: PipelineStage }>(
  placed: readonly T[],
  stage: PipelineStage,
  opened: PipelineStage | null,
) {
  const all = placed.filter((candidate) => candidate.stage === stage);
  const shown = all.slice(0, shownInColumn(stage, all.length, opened));
  return {
    shown,
    more: all.length - shown.length,
    whole: opened === stage && all.length > PIPELINE_COLUMN_LIMIT,
  };
}

/** A candidate's place in the pipeline and their moves, for the loop page: null for whoever may not see it. */
export async function candidatePipeline(
  viewer: Viewer,
  loop: {
    id: string;
    opening: { id: string };
    access: Pick<LoopAccess, "adminIds" | "interviews">;
    candidate: {
      id: string;
      purgedAt: Date | null;
      pipelineStage: string;
      pipelineStageSince: Date;
    };
  },
) {
  // This loop's interviews are known, and another loop can only hide the pipeline: when this one
  // does (an interviewer, or a hiring admin who owes a card here), nothing more is read.
  const here: CandidateAccess = {
    adminIds: loop.access.adminIds,
    loops: [
      {
        interviews: loop.access.interviews.filter(
          (interview) => interview.interviewerId === viewer.id,
        ),
      },
    ],
    purged: loop.candidate.purgedAt !== null,
  };
  if (!canSeePipeline(viewer, here)) return null;
  // Of the candidate's other loops in the opening (usually none) the rule asks only whether the
  // viewer holds an interview there whose card is not in: one read, where the loops with their
  // interviews and cards were a statement each on SQLite, even when empty.
  const [pendingElsewhere, moves] = await Promise.all([
    pendingInterviewElsewhere(viewer.id, loop.candidate.id, loop.opening.id, loop.id),
    candidateMoves(loop.candidate.id),
  ]);
  // Loops where the viewer's cards are all in ask nothing of the rule, so they are left out.
  const access: CandidateAccess = pendingElsewhere
    ? {
        ...here,
        loops: [...here.loops, { interviews: [{ interviewerId: viewer.id, submitted: false }] }],
      }
    : here;
  if (!canSeePipeline(viewer, access)) return null;
  const stage = stageOf(loop.candidate.pipelineStage);
  return {
    stage,
    since: loop.candidate.pipelineStageSince.toISOString(),
    moves: moves.map(moveView).reverse(),
  };
}
