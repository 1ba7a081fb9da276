import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db, type Prisma } from "~/db/client.server";
import { listOf, type Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { ConflictError, ForbiddenError, NotFoundError } from "~/modules/errors";
import { getLevel, levelWithTrack, trackOfLevel, type Ladder } from "~/modules/ladders";
import {
  openingLadder,
  requireManagedOpening,
  requireVisibleLoop,
  type VisibleLoop,
} from "./access.server";
import { asRecommendation, submittedChains, type StoredCard } from "./cards";
import { RECOMMENDATION_KEYS } from "./scorecard";
import type { AssignInput, CandidateInput, Decision, DecisionInput } from "./forms";
import {
  INTERVIEW_MINUTES,
  loopOverlaps,
  makesClash,
  type Clash,
  type InterviewElsewhere,
  type ScheduledInterview,
} from "./overlaps";
import { isActiveStage } from "./pipeline";
import { candidatePipeline, recordMove } from "./pipeline.server";
import { panelMeetsRule, staffingRefusal } from "./panels.server";
import { planCoverage, type Staffing } from "./plan";
import { interviewsBetween, loopCardRows } from "./queries.server";
import {
  canManageLoop,
  canOpenDebriefEarly,
  canRecordDecision,
  canRecordDissent,
  canRemoveInterview,
  canSeeDebrief,
  canSeeOthersScorecards,
  canStaffLoop,
  debriefIsOpen,
  hasSubmittedOwn,
  isInterviewerOn,
  loopStateFor,
  managesOpening,
  visibleScorecards,
  canJoinPanel,
  canLinkHire,
  linkHireRefusal,
} from "./policy";
import * as clock from "~/platform/clock.server";
import { largest, smallest } from "~/utils/extremes";

/**
 * Candidates and their loops: a hiring admin adds a candidate to an opening (which starts their
 * loop), assigns interviewers to the plan's stages, opens the debrief early if need be, records the
 * decision and links a hire to the person they became. Every read of scorecards goes through
 * `visibleScorecards` (independence, policy.ts).
 */

type FieldErrors = Record<string, string[]>;

/** Adds a candidate to an opening: the candidate, their entry into the pipeline's screen stage and their loop, in one write. */
export async function addCandidate(
  viewer: Viewer,
  openingId: string,
  input: CandidateInput,
  now = clock.now(),
): Promise<{ ok: true; loopId: string }> {
  const opening = await requireManagedOpening(viewer, openingId);
  if (opening.state !== "open")
    throw new ConflictError({ key: "hiring:errors.openingClosedForCandidates" });
  const loop = await db.hiringLoop.create({
    data: {
      opening: { connect: { id: openingId } },
      createdAt: now,
      candidate: {
        create: {
          name: input.name,
          email: input.email,
          source: input.source,
          notes: input.notes,
          createdById: viewer.id,
          createdAt: now,
          pipelineStage: "screen",
          pipelineStageSince: now,
          pipelineMoves: {
            create: { fromStage: null, toStage: "screen", movedById: viewer.id, movedAt: now },
          },
        },
      },
    },
    select: { id: true },
  });
  return { ok: true, loopId: loop.id };
}

/** What is read of a scorecard wherever its author or the panel sees it. */
export const cardSelect = {
  id: true,
  interviewId: true,
  authorId: true,
  status: true,
  recommendation: true,
  summary: true,
  amendsId: true,
  revision: true,
  submittedAt: true,
  createdAt: true,
  scores: { select: { competencyId: true, score: true, notes: true } },
} satisfies Prisma.HiringScorecardSelect;

/** A level of the opening's ladder with its track, or null for none. */
function levelAndTrack(ladder: Ladder, levelId: string | null): string | Message | null {
  return levelId ? levelWithTrack(ladder, levelId) : null;
}

/**
 * The loop page: the candidate, the panel by stage with its make-up and coverage, the scorecards the
 * viewer may read, the decision, and, for those who staff it, the clashes in time.
 */
export async function loopPage(
  viewer: Viewer,
  loopId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const loop = await requireVisibleLoop(viewer, loopId);
  const ladder = await openingLadder(loop.opening, language);
  const { access } = loop;
  const seesOthers = canSeeOthersScorecards(viewer, access);
  const manages = managesOpening(viewer, access);
  const cards = visibleScorecards(viewer, access, await loopCardRows(loopId));
  const stageOf = new Map(loop.interviews.map((interview) => [interview.id, interview.stageId]));
  const competencyIdsOf = (interviewId: string) =>
    loop.opening.stages.find((stage) => stage.id === stageOf.get(interviewId))?.competencyIds ?? [];
  const chains = submittedChains(cards, competencyIdsOf);
  const teamNames = new Map(
    loop.interviews.map((interview) => [
      interview.interviewer.teamId,
      interview.interviewer.team?.name ?? null,
    ]),
  );
  const staffing: Record<string, { id: string; teamId: string | null; levelId: string | null }[]> =
    Object.fromEntries(loop.opening.stages.map((stage) => [stage.id, []]));
  for (const interview of loop.interviews)
    staffing[interview.stageId]?.push({
      id: interview.interviewerId,
      teamId: interview.interviewer.teamId,
      levelId: interview.interviewer.level,
    });
  const coverage = planCoverage(
    ladder,
    loop.opening.levelId,
    loop.opening.stages,
    staffing as Staffing,
  );
  const names = new Map(
    loop.interviews.map((interview) => [interview.interviewerId, interview.interviewer.name]),
  );
  const competencyName = Object.fromEntries(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  const scale = ladder.scale.map((point) => ({ value: point.value, label: point.label }));
  // Whether the panel meets the organisation's rule is the panel page's verdict, asked once.
  const meetsRule = coverage?.staffing
    ? await panelMeetsRule(loop.interviews.map((interview) => interview.interviewerId))
    : true;
  const purged = loop.candidate.purgedAt !== null;
  const dissents =
    seesOthers && loop.decision
      ? await db.hiringDissent.findMany({
          where: { loopId },
          orderBy: { createdAt: "asc" },
          select: { id: true, text: true, createdAt: true, author: { select: { name: true } } },
        })
      : [];
  return {
    loop: {
      id: loop.id,
      state: loopStateFor(viewer, access, loop.state),
      createdAt: loop.createdAt.toISOString(),
    },
    opening: {
      id: loop.opening.id,
      title: loop.opening.title,
      level: levelAndTrack(ladder, loop.opening.levelId),
      levelId: loop.opening.levelId,
    },
    candidate: purged
      ? {
          name: null,
          email: "",
          source: "",
          notes: "",
          purgedAt: loop.candidate.purgedAt!.toISOString(),
          hiredPerson: null,
        }
      : {
          name: loop.candidate.name,
          email: loop.candidate.email,
          source: loop.candidate.source,
          notes: loop.candidate.notes,
          purgedAt: null,
          hiredPerson: seesOthers ? loop.candidate.hiredPerson : null,
        },
    stages: loop.opening.stages,
    competencyName,
    scale,
    interviews: loop.interviews.map((interview) => {
      const own = interview.interviewerId === viewer.id;
      const submitted = interview.scorecards.length > 0;
      return {
        id: interview.id,
        stageId: interview.stageId,
        interviewer: {
          id: interview.interviewerId,
          name: interview.interviewer.name,
          team: interview.interviewer.team?.name ?? null,
          level: levelAndTrack(ladder, interview.interviewer.level),
        },
        scheduledAt: interview.scheduledAt?.toISOString() ?? null,
        own,
        /** Null where the viewer may not know it (another's card, before their own is in). */
        status:
          own || seesOthers
            ? ((submitted
                ? "submitted"
                : cards.some((card) => card.interviewId === interview.id)
                  ? "draft"
                  : "not started") as "submitted" | "draft" | "not started")
            : null,
        removable:
          canRemoveInterview(viewer, access, interview.interviewerId) &&
          !submitted &&
          !cards.some((card) => card.interviewId === interview.id),
      };
    }),
    panel: coverage?.staffing
      ? {
          size: coverage.staffing.panel.size,
          meetsRule,
          teams: coverage.staffing.panel.teams.map((group) => ({
            name: group.id === null ? null : (teamNames.get(group.id) ?? group.id),
            count: group.interviewerIds.length,
          })),
          levels: coverage.staffing.panel.levels.map((group) => ({
            name: group.id === null ? null : (levelAndTrack(ladder, group.id) ?? group.id),
            count: group.interviewerIds.length,
          })),
        }
      : null,
    warnings:
      manages && coverage && !loop.decision
        ? coverageWarnings(coverage, competencyName, loop.opening.stages, meetsRule)
        : [],
    /** Interviews that clash in time (the candidate's, or an interviewer's), for those who staff the loop. */
    overlaps: await loopClashes(viewer, loop),
    cards: chains.map((chain) => ({
      interviewId: chain.interviewId,
      stageId: stageOf.get(chain.interviewId) ?? null,
      /** Null for an interviewer no longer in the loop: the page words it. */
      author: names.get(chain.effective.authorId) ?? null,
      own: chain.effective.authorId === viewer.id,
      recommendation: chain.effective.recommendation,
      summary: chain.effective.summary,
      submittedAt: toIso(chain.original.submittedAt),
      amendedAt: chain.amendments.length ? toIso(chain.effective.submittedAt) : null,
      scores: orderScores(chain.effective, competencyIdsOf(chain.interviewId)),
      amendments: chain.amendments.map(({ card, diff }) => ({
        id: card.id,
        submittedAt: toIso(card.submittedAt),
        diff,
      })),
    })),
    decision:
      seesOthers && loop.decision
        ? {
            decision: loop.decision as Decision,
            level: levelAndTrack(ladder, loop.decisionLevelId),
            rationale: loop.rationale,
            decidedAt: loop.decidedAt?.toISOString() ?? null,
            decidedBy: loop.decidedBy?.name ?? null,
            dissents: dissents.map((dissent) => ({
              id: dissent.id,
              text: dissent.text,
              createdAt: dissent.createdAt.toISOString(),
              author: dissent.author.name,
            })),
          }
        : null,
    debrief: {
      open: debriefIsOpen(access),
      openedEarly: loop.debriefOpenedAt
        ? { at: loop.debriefOpenedAt.toISOString(), by: loop.debriefOpenedBy?.name ?? null }
        : null,
      canSee: canSeeDebrief(viewer, access),
      canOpenEarly: canOpenDebriefEarly(viewer, access),
      /** For an interviewer whose own card is not in yet: why they see nobody else's. */
      waitingForOwn: isInterviewerOn(viewer, access) && !hasSubmittedOwn(viewer, access),
    },
    can: {
      /** The opening's page (its hiring admins and admins). */
      opening: manages,
      staff: canStaffLoop(viewer, access),
      manage: canManageLoop(viewer, access),
      decide: canRecordDecision(viewer, access),
      dissent: canRecordDissent(viewer, access),
      linkHire: canLinkHire(viewer, access, loop.decision),
    },
    /** The candidate's place in the pipeline and its moves, for those who may see it (policy's canSeePipeline). */
    pipeline: await candidatePipeline(viewer, loop),
    /** Calendar invitations to the candidate's contact: asked for by a hiring admin, who may turn them on or off while staffing. */
    candidateInvitations: {
      on: loop.inviteCandidate && !purged,
      canChange: canStaffLoop(viewer, access) && !purged,
    },
  };
}

function toIso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function orderScores(card: StoredCard, competencyIds: readonly string[]) {
  const order = new Map(competencyIds.map((id, index) => [id, index]));
  return [...card.scores].sort(
    (a, b) => (order.get(a.competencyId) ?? Infinity) - (order.get(b.competencyId) ?? Infinity),
  );
}

/** What the plan and panel miss, before the loop starts: messages the page words. */
function coverageWarnings(
  coverage: NonNullable<ReturnType<typeof planCoverage>>,
  competencyName: Record<string, string>,
  stages: VisibleLoop["opening"]["stages"],
  meetsRule: boolean,
): Message[] {
  const names = (ids: readonly string[]) => listOf(ids.map((id) => competencyName[id] ?? id));
  const stageName = (id: string) => stages.find((stage) => stage.id === id)?.name ?? id;
  const warnings: Message[] = [];
  if (coverage.uncovered.length)
    warnings.push({
      key: "hiring:loop.coverage.uncovered",
      values: { competencies: names(coverage.uncovered) },
    });
  if (coverage.staffing?.unstaffedStages.length)
    warnings.push({
      key: "hiring:loop.coverage.unstaffed",
      values: { stages: listOf(coverage.staffing.unstaffedStages.map(stageName)) },
    });
  const thin = coverage.staffing?.thinlyCovered ?? [];
  if (thin.length)
    warnings.push({
      key: "hiring:loop.coverage.thin",
      values: { competencies: names(thin.map((item) => item.competencyId)) },
    });
  if (coverage.staffing && !meetsRule) warnings.push({ key: "panels:panel.flagged" });
  return warnings;
}

/** The loop's scheduled interviews, as the overlap rules read them. */
function scheduledOf(loop: VisibleLoop): ScheduledInterview[] {
  const stageName = new Map(loop.opening.stages.map((stage) => [stage.id, stage.name]));
  return loop.interviews.flatMap((interview) =>
    interview.scheduledAt
      ? [
          {
            id: interview.id,
            interviewerId: interview.interviewerId,
            interviewerName: interview.interviewer.name,
            stageName: stageName.get(interview.stageId) ?? "",
            at: interview.scheduledAt,
          },
        ]
      : [],
  );
}

/** The same interviewers' interviews in other loops near these times: one query, only when they are. */
async function interviewsElsewhere(
  loopId: string,
  interviews: readonly ScheduledInterview[],
): Promise<InterviewElsewhere[]> {
  if (interviews.length === 0) return [];
  const times = interviews.map((interview) => interview.at.getTime());
  const margin = INTERVIEW_MINUTES * 60_000;
  const rows = await interviewsBetween(
    loopId,
    [...new Set(interviews.map((interview) => interview.interviewerId))],
    new Date(smallest(times) - margin),
    new Date(largest(times) + margin),
  );
  return rows.map((row) => ({ interviewerId: row.interviewerId, at: row.scheduledAt }));
}

/** Clashes in time among the loop's interviews and with its interviewers' other interviews, for those who staff it. */
async function loopClashes(viewer: Viewer, loop: VisibleLoop): Promise<Clash[]> {
  if (!canStaffLoop(viewer, loop.access)) return [];
  const scheduled = scheduledOf(loop);
  return loopOverlaps(scheduled, await interviewsElsewhere(loop.id, scheduled));
}

/**
 * Assigns an interviewer to a stage of the loop; `clashes` says whether its time clashes with
 * another interview of the candidate's or the interviewer's (it is saved all the same).
 */
export async function assignInterviewer(
  viewer: Viewer,
  loopId: string,
  input: AssignInput,
  now = clock.now(),
): Promise<{ ok: true; clashes: boolean } | { ok: false; fieldErrors: FieldErrors }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canStaffLoop(viewer, loop.access))
    throw new ForbiddenError({ key: "hiring:errors.staffAdminsOnly" });
  if (!loop.opening.stages.some((stage) => stage.id === input.stageId))
    return { ok: false, fieldErrors: { stageId: ["hiring:loop.errors.stageNotInPlan"] } };
  const person = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, deactivatedAt: true, isAdmin: true, isHiringAdmin: true },
  });
  if (!person || person.deactivatedAt)
    return { ok: false, fieldErrors: { email: ["hiring:loop.errors.nobodyActive"] } };
  if (!canJoinPanel(person, loop.access)) {
    return { ok: false, fieldErrors: { email: ["hiring:loop.errors.managesOpening"] } };
  }
  if (
    loop.interviews.some(
      (interview) => interview.stageId === input.stageId && interview.interviewerId === person.id,
    )
  ) {
    return { ok: false, fieldErrors: { email: ["hiring:loop.errors.alreadyInStage"] } };
  }
  const stage = loop.opening.stages.find((candidate) => candidate.id === input.stageId)!;
  const refusal = await staffingRefusal(person.id, stage.competencyIds, input.scheduledAt ?? now);
  if (refusal) return { ok: false, fieldErrors: { email: [refusal] } };
  let created: { id: string };
  try {
    // Staffing a loop of a candidate still in screen moves them on to interviews, in the same write.
    created = await db.$transaction(async (tx) => {
      const interview = await tx.hiringInterview.create({
        data: {
          loopId,
          stageId: input.stageId,
          interviewerId: person.id,
          scheduledAt: input.scheduledAt,
        },
        select: { id: true },
      });
      if (loop.candidate.pipelineStage === "screen")
        await recordMove(tx, {
          candidateId: loop.candidate.id,
          from: "screen",
          to: "interviews",
          movedById: viewer.id,
          at: now,
        });
      return interview;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      return { ok: false, fieldErrors: { email: ["hiring:loop.errors.alreadyInStage"] } };
    throw error;
  }
  if (!input.scheduledAt) return { ok: true, clashes: false };
  const scheduled: ScheduledInterview = {
    id: created.id,
    interviewerId: person.id,
    interviewerName: person.name,
    stageName: loop.opening.stages.find((stage) => stage.id === input.stageId)?.name ?? "",
    at: input.scheduledAt,
  };
  return {
    ok: true,
    clashes: makesClash(
      scheduled,
      scheduledOf(loop),
      await interviewsElsewhere(loopId, [scheduled]),
    ),
  };
}

/**
 * A hiring admin asks for the candidate's contact to get calendar invitations for the loop's
 * interviews (or stops them: those sent are cancelled), while the loop is staffed. A purged
 * candidate, or one without an email, gets nothing.
 */
export async function setCandidateInvitations(
  viewer: Viewer,
  loopId: string,
  send: boolean,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canStaffLoop(viewer, loop.access))
    throw new ForbiddenError({ key: "hiring:errors.inviteAdminsOnly" });
  if (send && loop.access.purged)
    return { ok: false, error: "hiring:loop.errors.purgedNoInvitations" };
  if (send && !loop.candidate.email)
    return { ok: false, error: "hiring:loop.errors.noCandidateEmail" };
  await db.hiringLoop.update({ where: { id: loopId }, data: { inviteCandidate: send } });
  return { ok: true };
}

/**
 * Takes an interviewer off the loop while they have no scorecard for it. Her seat on the panel is
 * kept, dated, in the same transaction: what she could read of the candidate while she sat on it,
 * and her having been staffed, are history that insights and the access audit have shown already.
 */
export async function removeInterview(
  viewer: Viewer,
  loopId: string,
  interviewId: string,
  now = clock.now(),
): Promise<void> {
  const loop = await requireVisibleLoop(viewer, loopId);
  const interview = loop.interviews.find((candidate) => candidate.id === interviewId);
  if (!interview) throw new NotFoundError({ key: "hiring:errors.noSuchInterview" });
  if (!canRemoveInterview(viewer, loop.access, interview.interviewerId)) {
    if (!canStaffLoop(viewer, loop.access))
      throw new ForbiddenError({ key: "hiring:errors.staffAdminsOnly" });
    throw new ForbiddenError({ key: "hiring:errors.ownCardFirst" });
  }
  await db.$transaction(async (tx) => {
    const seat = await tx.hiringInterview.findUnique({
      where: { id: interviewId },
      select: { stageId: true, interviewerId: true, createdAt: true },
    });
    const removed = await tx.hiringInterview.deleteMany({
      where: { id: interviewId, scorecards: { none: {} } },
    });
    if (!seat || removed.count === 0)
      throw new ConflictError({ key: "hiring:errors.interviewStays" });
    await tx.hiringInterviewRemoval.create({
      data: {
        interviewerId: seat.interviewerId,
        loopId,
        candidateId: loop.candidate.id,
        stageId: seat.stageId,
        seatedAt: seat.createdAt,
        removedAt: now,
      },
    });
  });
}

/** Opens the debrief before every card is in, recording who and when. */
export async function openDebriefEarly(
  viewer: Viewer,
  loopId: string,
  now = clock.now(),
): Promise<void> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canOpenDebriefEarly(viewer, loop.access))
    throw new ConflictError({ key: "hiring:errors.debriefNotYours" });
  await db.hiringLoop.updateMany({
    where: { id: loopId, debriefOpenedAt: null },
    data: { debriefOpenedAt: now, debriefOpenedById: viewer.id },
  });
}

/** Records the decision with its rationale, once, and moves the candidate on in the pipeline. */
export async function recordDecision(
  viewer: Viewer,
  loopId: string,
  input: DecisionInput,
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canRecordDecision(viewer, loop.access))
    throw new ConflictError({ key: "hiring:debrief.errors.decidedOnce" });
  let levelId: string | null = null;
  if (input.decision === "hire-other-level") {
    const ladder = await openingLadder(loop.opening);
    if (!input.levelId || !getLevel(ladder, input.levelId))
      return { ok: false, fieldErrors: { levelId: ["hiring:debrief.errors.levelNotInLadder"] } };
    if (input.levelId === loop.opening.levelId)
      return { ok: false, fieldErrors: { levelId: ["hiring:debrief.errors.ownLevel"] } };
    const track = trackOfLevel(ladder, loop.opening.levelId);
    if (trackOfLevel(ladder, input.levelId)?.id !== track?.id)
      return { ok: false, fieldErrors: { levelId: ["hiring:debrief.errors.otherTrack"] } };
    levelId = input.levelId;
  }
  await db.$transaction(async (tx) => {
    const updated = await tx.hiringLoop.updateMany({
      where: { id: loopId, decision: null },
      data: {
        decision: input.decision,
        decisionLevelId: levelId,
        rationale: input.rationale,
        decidedById: viewer.id,
        decidedAt: now,
        state: "decided",
      },
    });
    if (updated.count !== 1)
      throw new ConflictError({ key: "hiring:debrief.errors.decidedMeanwhile" });
    // The decision moves the candidate on: a no-hire rejects them (the retention clock starts), a hire takes them to the offer stage.
    const stage = loop.candidate.pipelineStage;
    const move = { candidateId: loop.candidate.id, movedById: viewer.id, at: now };
    if (input.decision === "no-hire" && isActiveStage(stage))
      await recordMove(tx, { ...move, from: stage, to: "rejected", reason: "interviews" });
    if (input.decision !== "no-hire" && (stage === "screen" || stage === "interviews"))
      await recordMove(tx, { ...move, from: stage, to: "offer" });
  });
  return { ok: true };
}

export async function recordDissent(viewer: Viewer, loopId: string, text: string): Promise<void> {
  const loop = await requireVisibleLoop(viewer, loopId);
  if (!canRecordDissent(viewer, loop.access))
    throw new ConflictError({ key: "hiring:debrief.errors.dissentNotAllowed" });
  await db.hiringDissent.create({ data: { loopId, authorId: viewer.id, text } });
}

/** Links a hire to the person they became, so the validity loop can follow their reviews; a candidate at the offer stage is then hired. */
export async function linkHire(
  viewer: Viewer,
  loopId: string,
  email: string,
  now = clock.now(),
): Promise<{ ok: true } | { ok: false; fieldErrors: FieldErrors }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  const stage = loop.candidate.pipelineStage;
  const refusal = linkHireRefusal(viewer, loop.access, { decision: loop.decision, stage });
  if (refusal) throw new ConflictError(refusal);
  const person = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!person) return { ok: false, fieldErrors: { email: ["hiring:loop.errors.nobodyToLink"] } };
  const other = await db.hiringCandidate.findFirst({
    where: { hiredPersonId: person.id, id: { not: loop.candidate.id } },
    select: { id: true },
  });
  if (other) return { ok: false, fieldErrors: { email: ["hiring:loop.errors.linkedElsewhere"] } };
  // They have an account: the offer was taken, so the candidate is hired.
  await db.$transaction(async (tx) => {
    await tx.hiringCandidate.update({
      where: { id: loop.candidate.id },
      data: { hiredPersonId: person.id },
    });
    if (stage === "offer")
      await recordMove(tx, {
        candidateId: loop.candidate.id,
        from: "offer",
        to: "hired",
        movedById: viewer.id,
        at: now,
      });
  });
  return { ok: true };
}

/**
 * The loop's scorecards the viewer may read, as CSV rows: one per competency of each card that
 * counts, the competency by its id (the same in every language) and its name in the reader's.
 */
export async function loopExport(
  viewer: Viewer,
  loopId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<{ filename: string; rows: (string | number)[][] }> {
  const loop = await requireVisibleLoop(viewer, loopId);
  const ladder = await openingLadder(loop.opening, language);
  const cards = visibleScorecards(viewer, loop.access, await loopCardRows(loopId));
  const stageOf = new Map(loop.interviews.map((interview) => [interview.id, interview]));
  const stageName = new Map(loop.opening.stages.map((stage) => [stage.id, stage.name]));
  const competencyName = new Map(
    ladder.competencies.map((competency) => [competency.id, competency.name]),
  );
  // Headers and words in the reader's language; the code columns ("competency id", and last the
  // status's and recommendation's codes) the same in every language (decisions 119 and 124).
  const t = i18nFor(language).getFixedT(language, "hiring");
  const statusWord = (status: string) =>
    status === "draft" || status === "submitted" ? t(`export.status.${status}`) : status;
  const recommendationWord = (value: string | null) => {
    const recommendation = asRecommendation(value);
    return recommendation ? t(RECOMMENDATION_KEYS[recommendation]) : (value ?? "");
  };
  const rows: (string | number)[][] = [
    [
      t("export.columns.candidate"),
      t("export.columns.stage"),
      t("export.columns.interviewer"),
      t("export.columns.status"),
      t("export.columns.submittedUtc"),
      "competency id",
      t("export.columns.competency"),
      t("export.columns.score"),
      t("export.columns.notes"),
      t("export.columns.recommendation"),
      t("export.columns.summary"),
      "status value",
      "recommendation value",
    ],
  ];
  const candidate = loop.candidate.purgedAt ? t("candidate.purged") : loop.candidate.name;
  const effective = submittedChains(cards).map((chain) => chain.effective);
  const drafts = cards.filter((card) => card.status === "draft");
  for (const card of [...effective, ...drafts]) {
    const interview = stageOf.get(card.interviewId);
    for (const score of card.scores) {
      rows.push([
        candidate,
        (interview && stageName.get(interview.stageId)) ?? "",
        interview?.interviewer.name ?? "",
        statusWord(card.status),
        card.submittedAt ? card.submittedAt.toISOString() : "",
        score.competencyId,
        competencyName.get(score.competencyId) ?? score.competencyId,
        score.score ?? t("export.notAssessed"),
        score.notes,
        recommendationWord(card.recommendation),
        card.summary,
        card.status,
        card.recommendation ?? "",
      ]);
    }
  }
  const slug = `${loop.opening.title}-${candidate}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return { filename: `${slug || "loop"}-scorecards.csv`, rows };
}

export type LoopPage = Awaited<ReturnType<typeof loopPage>>;
