import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { NotFoundError } from "~/modules/errors";
import type { Ladder } from "~/modules/ladders";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import {
  canViewCandidate,
  canViewLoop,
  managesOpening,
  type CandidateAccess,
  type LoopAccess,
  type OpeningAccess,
} from "./policy";
import { loopRows, openingRows } from "./queries.server";

/**
 * The facts the hiring policy (policy.ts) judges, read once per request. Anything the viewer may
 * not see is a NotFoundError, as if it did not exist.
 */

export type Stage = { id: string; name: string; position: number; competencyIds: string[] };

/** A stage's competency ids, stored as a JSON list; anything else reads as none. */
export function parseCompetencyIds(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
  } catch {
    return [];
  }
}

export function toStage(row: {
  id: string;
  name: string;
  position: number;
  competencyIds: string;
}): Stage {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    competencyIds: parseCompetencyIds(row.competencyIds),
  };
}

/**
 * The ladder an opening hires on, as it was when the role was opened, in the reader's language:
 * its plan, kits and cards read this version.
 */
export async function openingLadder(
  opening: { ladderVersionId: string },
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<Ladder> {
  return (await requireLadderOfVersionIn(opening.ladderVersionId, language)).ladder;
}

/** An opening the viewer manages (its hiring admins and admins), with its plan. */
export async function requireManagedOpening(viewer: Viewer, openingId: string) {
  const row = await openingRows(openingId);
  const access: OpeningAccess | null = row ? { adminIds: row.adminIds } : null;
  if (!row || !access || !managesOpening(viewer, access))
    throw new NotFoundError({ key: "hiring:errors.noOpening" });
  const { adminIds, stages, ...opening } = row;
  return {
    ...opening,
    admins: adminIds.map((userId) => ({ userId })),
    stages: stages.map(toStage),
    access,
  };
}

/** A loop the viewer may see (the opening's hiring admins, admins, the loop's interviewers), with its access facts. */
export async function requireVisibleLoop(viewer: Viewer, loopId: string) {
  const rows = await loopRows(loopId);
  if (!rows) throw new NotFoundError({ key: "hiring:errors.noLoop" });
  const { head, stages, adminIds, interviews } = rows;
  const access: LoopAccess = {
    adminIds,
    interviews: interviews.map((interview) => ({
      interviewerId: interview.interviewerId,
      submitted: interview.submitted,
    })),
    debriefOpenedAt: head.debriefOpenedAt,
    decided: head.decision !== null,
    purged: head.candidatePurgedAt !== null,
    withdrawn: head.state === "withdrawn",
  };
  if (!canViewLoop(viewer, access)) throw new NotFoundError({ key: "hiring:errors.noLoop" });
  const person = (id: string | null, name: string | null) =>
    id !== null && name !== null ? { id, name } : null;
  return {
    id: head.id,
    state: head.state,
    debriefOpenedAt: head.debriefOpenedAt,
    debriefOpenedById: head.debriefOpenedById,
    decision: head.decision,
    decisionLevelId: head.decisionLevelId,
    rationale: head.rationale,
    decidedAt: head.decidedAt,
    decidedById: head.decidedById,
    inviteCandidate: head.inviteCandidate,
    createdAt: head.createdAt,
    debriefOpenedBy: person(head.debriefOpenedById, head.debriefOpenedByName),
    decidedBy: person(head.decidedById, head.decidedByName),
    candidate: {
      id: head.candidateId,
      name: head.candidateName,
      email: head.candidateEmail,
      source: head.candidateSource,
      notes: head.candidateNotes,
      purgedAt: head.candidatePurgedAt,
      rejectedAt: head.candidateRejectedAt,
      pipelineStage: head.candidatePipelineStage,
      pipelineStageSince: head.candidatePipelineStageSince,
      hiredPersonId: head.candidateHiredPersonId,
      hiredPerson: person(head.candidateHiredPersonId, head.hiredPersonName),
    },
    opening: {
      id: head.openingId,
      title: head.openingTitle,
      ladderId: head.openingLadderId,
      ladderVersionId: head.openingLadderVersionId,
      trackId: head.openingTrackId,
      levelId: head.openingLevelId,
      state: head.openingState,
      createdAt: head.openingCreatedAt,
      admins: adminIds.map((userId) => ({ userId })),
      stages: stages.map(toStage),
    },
    interviews: interviews.map((interview) => ({
      id: interview.id,
      stageId: interview.stageId,
      scheduledAt: interview.scheduledAt,
      interviewerId: interview.interviewerId,
      interviewer: {
        id: interview.interviewerId,
        name: interview.interviewerName,
        level: interview.interviewerLevel,
        teamId: interview.interviewerTeamId,
        team:
          interview.interviewerTeamId !== null && interview.teamName !== null
            ? { name: interview.teamName }
            : null,
      },
      // The original card, when it is in: its submission time.
      scorecards: interview.submitted ? [{ submittedAt: interview.submittedAt }] : [],
    })),
    access,
  };
}

export type VisibleLoop = Awaited<ReturnType<typeof requireVisibleLoop>>;

/**
 * The interviews of a candidate's loops, as the pipeline rules read them. The rules look only at
 * the viewer's own interviews, so callers may read just those.
 */
export function candidateLoopsAccess(
  loops: readonly {
    interviews: readonly { interviewerId: string; scorecards: readonly unknown[] }[];
  }[],
): CandidateAccess["loops"] {
  return loops.map((loop) => ({
    interviews: loop.interviews.map((interview) => ({
      interviewerId: interview.interviewerId,
      submitted: interview.scorecards.length > 0,
    })),
  }));
}

/**
 * A candidate of the opening whom the viewer may know of (the opening's hiring admins, admins,
 * the interviewers of one of their loops), with their loops in it and the pipeline's facts.
 */
export async function requireCandidate(viewer: Viewer, openingId: string, candidateId: string) {
  const row = await db.hiringCandidate.findFirst({
    where: { id: candidateId, loops: { some: { openingId } } },
    select: {
      id: true,
      name: true,
      purgedAt: true,
      pipelineStage: true,
      pipelineStageSince: true,
      loops: {
        where: { openingId },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          state: true,
          decision: true,
          opening: { select: { id: true, state: true, admins: { select: { userId: true } } } },
          interviews: {
            where: { interviewerId: viewer.id },
            select: {
              interviewerId: true,
              scorecards: {
                where: { status: "submitted", amendsId: null },
                select: { id: true },
                take: 1,
              },
            },
          },
        },
      },
    },
  });
  const opening = row?.loops[0]?.opening;
  const access: CandidateAccess | null =
    row && opening
      ? {
          adminIds: opening.admins.map((admin) => admin.userId),
          loops: candidateLoopsAccess(row.loops),
          purged: row.purgedAt !== null,
        }
      : null;
  if (!row || !opening || !access || !canViewCandidate(viewer, access))
    throw new NotFoundError({ key: "hiring:errors.noCandidate" });
  return { ...row, opening: { id: opening.id, state: opening.state }, access };
}

/** Does the person have an interview to hold (in an open loop not yet decided)? It lets them read interview material on the ladder's pages. */
export async function hasInterviewAssignment(userId: string): Promise<boolean> {
  const found = await db.hiringInterview.findFirst({
    where: { interviewerId: userId, loop: { decision: null, state: "open" } },
    select: { id: true },
  });
  return found !== null;
}
