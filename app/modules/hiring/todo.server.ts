import { db } from "~/db/client.server";
import type { ChangeWindow, TodoChanges } from "~/modules/todo/todo";
import { isActiveStage } from "./pipeline";
import {
  hiringTodoCandidates,
  hiringTodoLoops,
  signOffRows,
  takesPartInHiring,
} from "./queries.server";
import {
  canMoveCandidate,
  canRecordDecision,
  canSeeDebrief,
  canSeeOthersScorecards,
  debriefIsOpen,
  type LoopAccess,
} from "./policy";

/** Earlier first, an interview with no time set before any with one (as SQLite orders them). */
function byTime(a: Date | null, b: Date | null): number {
  return (a?.getTime() ?? -Infinity) - (b?.getTime() ?? -Infinity) || 0;
}

/** Consecutive rows with the same key as one group, in the rows' order. */
function grouped<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups: T[][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && key(last[0]!) === key(row)) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/**
 * The home page's hiring to-dos (app/modules/todo): scorecards the person owes, debriefs they can
 * attend (their own cards in, the debrief open, no decision yet), and decisions they can record
 * as a hiring admin of the opening, the loops of their openings still waiting for cards, and
 * the candidates of those openings waiting in a stage of the pipeline (in screen or offer, or in
 * interviews with no loop open); and trainees' seats on their interviews waiting for their
 * sign-off. Three statements for someone who takes part in hiring (one more while they owe a
 * sign-off), one for everyone else. Not asked at a moment: time alone changes none (a loop, a debrief,
 * a decision and a stage move by someone's step; an interview's time only dates its card).
 */
export async function hiringTodo(viewerId: string) {
  // Most people take part in no open loop: one statement says so, and the two reads are skipped.
  const { involved, signing } = await takesPartInHiring(viewerId);
  // Sign-offs outlive the loop's decision, so they are read whether or not the person is in an open loop.
  const signOffs = signing ? signOffRows(viewerId) : Promise.resolve([]);
  if (!involved)
    return {
      scorecardsDue: [],
      debriefsToAttend: [],
      decisionsToRecord: [],
      loopsInProgress: [],
      candidatesWaiting: [],
      signOffsDue: await signOffs,
    };
  const [loopRows, candidateRows, signOffsDue] = await Promise.all([
    hiringTodoLoops(viewerId),
    hiringTodoCandidates(viewerId),
    signOffs,
  ]);
  const viewer = { id: viewerId, isAdmin: false, isHiringAdmin: false };
  const loops = grouped(loopRows, (row) => row.loopId).map((rows) => {
    const [first] = rows as [(typeof rows)[number]];
    const interviews = rows.filter((row) => row.interviewId !== null);
    const access: LoopAccess = {
      adminIds: first.viewerAdmin ? [viewerId] : [],
      interviews: interviews.map((row) => ({
        interviewerId: row.interviewerId!,
        submitted: row.submitted,
      })),
      debriefOpenedAt: first.debriefOpenedAt,
      decided: false,
      purged: false,
    };
    return {
      ref: { loopId: first.loopId, candidate: first.candidate, opening: first.opening },
      admin: first.viewerAdmin,
      pipelineStage: first.pipelineStage,
      access,
      interviews,
    };
  });
  const asInterviewer = loops.filter((loop) =>
    loop.interviews.some((row) => row.interviewerId === viewerId),
  );
  const asAdmin = loops.filter((loop) => loop.admin);
  // A hiring admin who interviews on the loop decides only once their own card is in (the policy's rule).
  const decisions = asAdmin.filter((loop) => canRecordDecision(viewer, loop.access));
  const decidingIds = new Set(decisions.map((loop) => loop.ref.loopId));
  const ownInterviews = loops
    .flatMap((loop) =>
      loop.interviews.filter((row) => row.interviewerId === viewerId && !row.anySubmitted),
    )
    .sort((a, b) => byTime(a.scheduledAt, b.scheduledAt) || byTime(a.createdAt, b.createdAt));
  return {
    signOffsDue,
    scorecardsDue: ownInterviews.map((row) => ({
      interviewId: row.interviewId!,
      candidate: row.candidate,
      opening: row.opening,
      stage: row.stage!,
      scheduledAt: row.scheduledAt,
    })),
    debriefsToAttend: asInterviewer
      .filter((loop) => !decidingIds.has(loop.ref.loopId) && canSeeDebrief(viewer, loop.access))
      .map((loop) => loop.ref),
    decisionsToRecord: decisions.map((loop) => loop.ref),
    // A loop of a candidate still in screen is followed as the candidate waiting there (below).
    loopsInProgress: asAdmin
      .filter(
        (loop) =>
          !decidingIds.has(loop.ref.loopId) &&
          !debriefIsOpen(loop.access) &&
          loop.pipelineStage !== "screen",
      )
      .map((loop) => {
        // Counts are scorecard information: not for a hiring admin whose own card in the loop is not in.
        const counted = canSeeOthersScorecards(viewer, loop.access);
        return {
          ...loop.ref,
          interviews: loop.access.interviews.length,
          submitted: counted
            ? loop.access.interviews.filter((interview) => interview.submitted).length
            : null,
        };
      }),
    // A candidate in interviews is followed through their loop; only with no loop open is there something to do about them.
    candidatesWaiting: grouped(candidateRows, (row) => row.candidateId).flatMap((rows) => {
      const [first] = rows as [(typeof rows)[number]];
      const stage = first.pipelineStage;
      if (!isActiveStage(stage)) return [];
      // The candidate's first loop names the opening they are followed in, as on the pipeline board.
      const loops = grouped(rows, (row) => row.loopId).map((loop) => ({
        interviews: loop
          .filter((row) => row.interviewerId !== null)
          .map((row) => ({ interviewerId: row.interviewerId!, submitted: row.submitted })),
      }));
      if (
        !canMoveCandidate(viewer, {
          adminIds: first.viewerAdmin ? [viewerId] : [],
          loops,
          purged: false,
        })
      )
        return [];
      if (stage === "interviews" && rows.some((row) => row.state === "open" && !row.decided))
        return [];
      return [
        {
          candidateId: first.candidateId,
          candidate: first.candidate,
          stage,
          since: first.since,
          openingId: first.openingId,
          opening: first.opening,
        },
      ];
    }),
  };
}

/**
 * Whose hiring to-dos may have changed (the reminders' pass): the interviewers and the opening's
 * hiring admins of every loop written, or whose interview, scorecard, candidate (a move writes the
 * candidate's stage) or opening was; and a hiring admin added to an opening. Time alone adds none:
 * a scorecard falling due is a due date on the interviewer's list.
 */
export async function hiringTodoChanges({ writtenSince }: ChangeWindow): Promise<TodoChanges> {
  const since = { gte: writtenSince };
  const [loops, admins, seats] = await Promise.all([
    db.hiringLoop.findMany({
      where: {
        OR: [
          { updatedAt: since },
          {
            interviews: {
              some: { OR: [{ updatedAt: since }, { scorecards: { some: { updatedAt: since } } }] },
            },
          },
          { candidate: { updatedAt: since } },
          { opening: { updatedAt: since } },
        ],
      },
      select: { id: true, openingId: true },
    }),
    db.hiringOpeningAdmin.findMany({ where: { createdAt: since }, select: { userId: true } }),
    // A trainee seated or signed off: the interviewer they sit with owes (or no longer owes) a sign-off.
    db.hiringTraineeSeat.findMany({
      where: { updatedAt: since },
      select: { interview: { select: { interviewerId: true } } },
    }),
  ]);
  const signers = seats.map((seat) => seat.interview.interviewerId);
  if (!loops.length) return { people: admins.map((row) => row.userId).concat(signers) };
  const [interviewers, openingAdmins] = await Promise.all([
    db.hiringInterview.findMany({
      where: { loopId: { in: loops.map((loop) => loop.id) } },
      select: { interviewerId: true },
      distinct: ["interviewerId"],
    }),
    db.hiringOpeningAdmin.findMany({
      where: { openingId: { in: [...new Set(loops.map((loop) => loop.openingId))] } },
      select: { userId: true },
    }),
  ]);
  return {
    people: [...admins, ...openingAdmins]
      .map((row) => row.userId)
      .concat(
        interviewers.map((row) => row.interviewerId),
        signers,
      ),
  };
}
