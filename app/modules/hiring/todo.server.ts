import { db, type Prisma } from "~/db/client.server";
import { candidateLoopsAccess, PURGED_NAME } from "./access.server";
import { ACTIVE_STAGES, isActiveStage } from "./pipeline";
import { takesPartInHiring } from "./queries.server";
import { canMoveCandidate, canRecordDecision, canSeeDebrief, canSeeOthersScorecards, debriefIsOpen, type LoopAccess } from "./policy";

/**
 * The home page's hiring to-dos (app/modules/todo): scorecards the person owes, debriefs they can
 * attend (their own cards in, the debrief open, no decision yet), and decisions they can record
 * as a hiring admin of the opening, the loops of their openings still waiting for cards, and
 * the candidates of those openings waiting in a stage of the pipeline (in screen or offer, or in
 * interviews with no loop open). Four reads.
 */
export async function hiringTodo(viewerId: string) {
  // Most people take part in no open loop: one statement says so, and the three reads are skipped.
  if (!(await takesPartInHiring(viewerId))) return { scorecardsDue: [], debriefsToAttend: [], decisionsToRecord: [], loopsInProgress: [], candidatesWaiting: [] };
  const loopSelect = {
    id: true,
    debriefOpenedAt: true,
    candidate: { select: { name: true, purgedAt: true, pipelineStage: true } },
    opening: { select: { title: true, admins: { select: { userId: true } } } },
    interviews: { select: { interviewerId: true, scorecards: { where: { status: "submitted", amendsId: null }, select: { id: true }, take: 1 } } },
  } satisfies Prisma.HiringLoopSelect;
  const open = { decision: null, state: "open", candidate: { purgedAt: null } } satisfies Prisma.HiringLoopWhereInput;
  const managed = { loops: { some: { opening: { admins: { some: { userId: viewerId } } } } } } satisfies Prisma.HiringCandidateWhereInput;
  const [asInterviewer, asAdmin, waiting] = await Promise.all([
    db.hiringLoop.findMany({ where: { ...open, interviews: { some: { interviewerId: viewerId } } }, select: loopSelect }),
    db.hiringLoop.findMany({ where: { ...open, opening: { admins: { some: { userId: viewerId } } } }, select: loopSelect }),
    db.hiringCandidate.findMany({
      where: { ...managed, purgedAt: null, pipelineStage: { in: [...ACTIVE_STAGES] } },
      orderBy: [{ pipelineStageSince: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        pipelineStage: true,
        pipelineStageSince: true,
        loops: {
          orderBy: { createdAt: "asc" },
          select: {
            state: true,
            decision: true,
            opening: { select: { id: true, title: true, admins: { select: { userId: true } } } },
            interviews: { where: { interviewerId: viewerId }, select: { interviewerId: true, scorecards: { where: { status: "submitted", amendsId: null }, select: { id: true }, take: 1 } } },
          },
        },
      },
    }),
  ]);
  const ownInterviews = await db.hiringInterview.findMany({
    where: { interviewerId: viewerId, loop: open, scorecards: { none: { status: "submitted" } } },
    orderBy: [{ scheduledAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, scheduledAt: true, stage: { select: { name: true } }, loop: { select: { candidate: { select: { name: true } }, opening: { select: { title: true } } } } },
  });
  const access = (loop: (typeof asInterviewer)[number]): LoopAccess => ({
    adminIds: loop.opening.admins.map((admin) => admin.userId),
    interviews: loop.interviews.map((interview) => ({ interviewerId: interview.interviewerId, submitted: interview.scorecards.length > 0 })),
    debriefOpenedAt: loop.debriefOpenedAt,
    decided: false,
    purged: false,
  });
  const viewer = { id: viewerId, isAdmin: false, isHiringAdmin: false };
  const ref = (loop: (typeof asInterviewer)[number]) => ({ loopId: loop.id, candidate: loop.candidate.purgedAt ? PURGED_NAME : loop.candidate.name, opening: loop.opening.title });
  // A hiring admin who interviews on the loop decides only once their own card is in (the policy's rule).
  const decisions = asAdmin.filter((loop) => canRecordDecision(viewer, access(loop)));
  const decidingIds = new Set(decisions.map((loop) => loop.id));
  return {
    scorecardsDue: ownInterviews.map((interview) => ({
      interviewId: interview.id,
      candidate: interview.loop.candidate.name,
      opening: interview.loop.opening.title,
      stage: interview.stage.name,
      scheduledAt: interview.scheduledAt,
    })),
    debriefsToAttend: asInterviewer.filter((loop) => !decidingIds.has(loop.id) && canSeeDebrief(viewer, access(loop))).map(ref),
    decisionsToRecord: decisions.map(ref),
    // A loop of a candidate still in screen is followed as the candidate waiting there (below).
    loopsInProgress: asAdmin
      .filter((loop) => !decidingIds.has(loop.id) && !debriefIsOpen(access(loop)) && loop.candidate.pipelineStage !== "screen")
      .map((loop) => {
        const facts = access(loop);
        // Counts are scorecard information: not for a hiring admin whose own card in the loop is not in.
        const counted = canSeeOthersScorecards(viewer, facts);
        return { ...ref(loop), interviews: facts.interviews.length, submitted: counted ? facts.interviews.filter((interview) => interview.submitted).length : null };
      }),
    // A candidate in interviews is followed through their loop; only with no loop open is there something to do about them.
    candidatesWaiting: waiting.flatMap((candidate) => {
      const opening = candidate.loops[0]?.opening;
      const stage = candidate.pipelineStage;
      if (!opening || !isActiveStage(stage)) return [];
      if (!canMoveCandidate(viewer, { adminIds: opening.admins.map((admin) => admin.userId), loops: candidateLoopsAccess(candidate.loops), purged: false })) return [];
      if (stage === "interviews" && candidate.loops.some((loop) => loop.state === "open" && loop.decision === null)) return [];
      return [{ candidateId: candidate.id, candidate: candidate.name, stage, since: candidate.pipelineStageSince, openingId: opening.id, opening: opening.title }];
    }),
  };
}
