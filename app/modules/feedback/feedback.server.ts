import { withSourceTexts } from "~/modules/ladders/translations";
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "~/db/client.server";
import { memoForRequest } from "~/utils/request-memo.server";
import { StaleRevision, withRetry } from "~/db/retry.server";
import { mergeSave, type DraftValues, type FieldConflict } from "~/modules/assessments/draft";
import { type SaveDraftInput } from "~/modules/assessments/draft-input";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { calibratesPersonInCycle } from "~/modules/calibration/queries.server";
import { dateToDay, dayToDate } from "~/modules/days";
import { personFloors } from "~/modules/disclosure/floors.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import type { Message } from "~/i18n/messages";
import type { Viewer } from "~/modules/identity/policy";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { competenciesForLevel, trackOfLevel } from "~/modules/ladders";
import { ladderForPerson } from "~/modules/ladders/registry.server";
import {
  requireLadderOfVersion,
  requireLadderOfVersionIn,
} from "~/modules/ladders/versions.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import { peerCounts, type FeedbackCounts } from "./counts";
import {
  answeredRows,
  answerUpdates,
  answerValues,
  submissionProblem,
  validateAnswerChanges,
} from "./answers";
import {
  canMove,
  declineLock,
  ineligibility,
  ineligibilityText,
  isLive,
  roomForMore,
  type Channel,
  type RequestState,
} from "./nomination";
import {
  answerRefusal,
  canChangeSettings,
  canDeclineRequest,
  canDecideNomination,
  canSwapReviewer,
  feedbackView,
  NOMINATIONS_CLOSED,
  nominateRefusal,
  nominationsOpen,
  outsideNominations,
  nominationState,
  withdrawRefusal,
  type FeedbackReader,
} from "./policy";
import { anonymityFloor, releaseFeedback, type FeedbackRelease } from "./release";
import {
  askedCompetencies,
  FeedbackSettingsSchema,
  pickProblem,
  type FeedbackSettings,
} from "./settings";
import { feedbackReleasedTo } from "./subject-release.server";
import * as clock from "~/platform/clock.server";
import { emitWebhookEvents } from "~/modules/webhooks/emit.server";

/**
 * Peer and upward feedback in a review cycle: the cycle's settings, nominations and their
 * approval, answers (autosaved drafts, then submitted), and what each reader is shown. Every
 * function authorises the viewer itself (policy.ts); every decision about a request is an audit
 * event in the same transaction.
 */

type Tx = Prisma.TransactionClient;

const settingsSelect = {
  peer: true,
  upward: true,
  minPeers: true,
  maxPeers: true,
  nominator: true,
  dueOn: true,
  competencies: true,
  answerKind: true,
  namesShown: true,
  reviewCap: true,
} satisfies Prisma.FeedbackSettingsSelect;

function toSettings(
  row: Prisma.FeedbackSettingsGetPayload<{ select: typeof settingsSelect }>,
): FeedbackSettings {
  return FeedbackSettingsSchema.parse({ ...row, dueOn: dateToDay(row.dueOn) });
}

/**
 * The cycle's settings row with the secret its releases are keyed by (which toSettings leaves out,
 * so no page's data carries it). Read once for the loaders of a page view, where nothing writes:
 * the page and each channel's release ask for it.
 */
function settingsRowOf(cycleId: string, client: Pick<Tx, "feedbackSettings">) {
  const read = () =>
    client.feedbackSettings.findUnique({
      where: { cycleId },
      select: { ...settingsSelect, secret: true },
    });
  return client === db ? memoForRequest(`feedback-settings:${cycleId}`, read) : read();
}

/** The cycle's feedback settings, or null when the cycle asks for no feedback. */
export async function feedbackSettingsOf(
  cycleId: string,
  client: Pick<Tx, "feedbackSettings"> = db,
): Promise<FeedbackSettings | null> {
  const row = await settingsRowOf(cycleId, client);
  return row ? toSettings(row) : null;
}

async function requireCycle(cycleId: string) {
  const cycle = await db.reviewCycle.findUnique({
    where: { id: cycleId },
    select: { id: true, name: true, closedAt: true },
  });
  if (!cycle) throw new NotFoundError({ key: "feedback:errors.noCycle" });
  return cycle;
}

/**
 * An admin sets the cycle's feedback settings. Turning upward feedback on asks every participant's
 * active direct reports about them (once: asking again changes nothing). Settings, requests and the
 * audit event commit together.
 */
export async function saveFeedbackSettings(
  viewer: Viewer,
  cycleId: string,
  input: FeedbackSettings,
): Promise<void> {
  const cycle = await requireCycle(cycleId);
  if (!canChangeSettings(viewer, { closed: cycle.closedAt !== null }))
    throw new ForbiddenError({ key: "feedback:errors.onlyAdminsChangeSettings" });
  const settings = FeedbackSettingsSchema.parse(input);
  const data = { ...settings, dueOn: dayToDate(settings.dueOn) };
  await db.$transaction(async (tx) => {
    const opening = !(await tx.feedbackSettings.findUnique({
      where: { cycleId },
      select: { cycleId: true },
    }));
    await tx.feedbackSettings.upsert({
      where: { cycleId },
      create: { cycleId, ...data, secret: randomBytes(24).toString("base64url") },
      update: data,
    });
    const asked = settings.upward ? await askReportsUpward(tx, cycleId, settings) : 0;
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: "feedback.settings_changed",
      subjectType: "ReviewCycle",
      subjectId: cycleId,
      detail: { ...settings, ...(asked ? { upwardRequests: asked } : {}) },
    });
    // The cycle's first settings open its feedback window; later changes to them open nothing.
    if (opening)
      await emitWebhookEvents(tx, [
        {
          kind: "feedback.window_opened",
          cycle,
          feedback: { peer: settings.peer, upward: settings.upward, dueOn: data.dueOn },
        },
      ]);
  });
}

/** The competencies at the person's level, on the ladder served to them now, or null when they have no level on a ladder. */
async function levelFacts(subject: { ladderId: string | null; level: string | null }) {
  const served = subject.level ? await ladderForPerson(subject) : undefined;
  const track = served && subject.level ? trackOfLevel(served.ladder, subject.level) : undefined;
  if (!served || !track || !subject.level) return null;
  return {
    ladderVersionId: served.versionId,
    trackId: track.id,
    levelId: subject.level,
    levelCompetencyIds: competenciesForLevel(served.ladder, subject.level).map(
      (competency) => competency.id,
    ),
  };
}

/** What a request records about its subject when it is made: their ladder version, track, level and the competencies asked (settings.ts). */
async function subjectLadderFacts(
  client: Pick<Tx, "feedbackFocus">,
  cycleId: string,
  subject: { id: string; ladderId: string | null; level: string | null },
  settings: FeedbackSettings,
) {
  const facts = await levelFacts(subject);
  if (!facts) return null;
  const focus =
    settings.competencies === "manager-picks"
      ? await client.feedbackFocus.findUnique({
          where: { cycleId_subjectId: { cycleId, subjectId: subject.id } },
          select: { competencyIds: true },
        })
      : null;
  const { levelCompetencyIds, ...place } = facts;
  return {
    ...place,
    competencyIds: JSON.stringify(
      askedCompetencies(
        levelCompetencyIds,
        settings.competencies,
        focus ? (JSON.parse(focus.competencyIds) as string[]) : null,
      ),
    ),
  };
}

/**
 * In the transaction that adds people to a cycle (cycles.server.ts): when the cycle asks for upward
 * feedback, a manager who joins has their reports asked about them, as those who were in it when the
 * settings were saved. Returns how many requests were made.
 */
export async function askUpwardForNewParticipants(tx: Tx, cycleId: string): Promise<number> {
  const settings = await feedbackSettingsOf(cycleId, tx);
  return settings?.upward ? askReportsUpward(tx, cycleId, settings) : 0;
}

async function askReportsUpward(
  tx: Tx,
  cycleId: string,
  settings: FeedbackSettings,
): Promise<number> {
  const managers = await tx.user.findMany({
    where: {
      deactivatedAt: null,
      cycleParticipations: { some: { cycleId } },
      reports: { some: { deactivatedAt: null } },
    },
    select: {
      id: true,
      ladderId: true,
      level: true,
      reports: { where: { deactivatedAt: null }, select: { id: true } },
    },
  });
  let asked = 0;
  for (const manager of managers) {
    const facts = await subjectLadderFacts(tx, cycleId, manager, settings);
    if (!facts) continue;
    const existing = new Set(
      (
        await tx.feedbackRequest.findMany({
          where: { cycleId, channel: "upward", subjectId: manager.id },
          select: { reviewerId: true },
        })
      ).map((row) => row.reviewerId),
    );
    const missing = manager.reports.filter((report) => !existing.has(report.id));
    if (!missing.length) continue;
    await tx.feedbackRequest.createMany({
      data: missing.map((report) => ({
        cycleId,
        channel: "upward",
        subjectId: manager.id,
        reviewerId: report.id,
        state: "approved",
        dueOn: dayToDate(settings.dueOn),
        ...facts,
      })),
    });
    asked += missing.length;
  }
  return asked;
}

async function requireSettings(
  cycleId: string,
  client: Pick<Tx, "feedbackSettings"> = db,
): Promise<FeedbackSettings> {
  const settings = await feedbackSettingsOf(cycleId, client);
  if (!settings) throw new NotFoundError({ key: "feedback:errors.noFeedbackAsked" });
  return settings;
}

/** A person as feedback's pages and services read them, or null: once for the loaders of a page view. */
export function feedbackPersonOf(personId: string) {
  return memoForRequest(`feedback-person:${personId}`, () =>
    db.user.findUnique({
      where: { id: personId },
      select: {
        id: true,
        name: true,
        managerId: true,
        teamId: true,
        ladderId: true,
        level: true,
        deactivatedAt: true,
      },
    }),
  );
}

async function requirePerson(personId: string) {
  const person = await feedbackPersonOf(personId);
  if (!person) throw new NotFoundError({ key: "feedback:errors.noPerson" });
  return person;
}

function requestEvent(
  actorId: string,
  action:
    | "feedback.nominated"
    | "feedback.approved"
    | "feedback.declined"
    | "feedback.request_declined"
    | "feedback.withdrawn",
  request: { id: string; subjectId: string; reviewerId: string; cycleId: string },
  detail: Record<string, string> = {},
) {
  return {
    actorId,
    action,
    subjectType: "person" as const,
    subjectId: request.subjectId,
    detail: {
      requestId: request.id,
      reviewerId: request.reviewerId,
      cycleId: request.cycleId,
      ...detail,
    },
  };
}

export type NominationResult =
  { ok: true; requestId: string; state: RequestState } | { ok: false; message: Message };

/**
 * Nominates a peer to give the person feedback. The person's nomination waits for their manager's
 * approval; the manager's own is approved at once. Who may be chosen (not the person, not their
 * manager, nobody deactivated, nobody at the cycle's cap, nobody asked already) and the most peers
 * are checked again inside the transaction, so two nominations at once cannot pass a limit.
 * A colleague named by email is looked up only once the viewer may nominate, so that nobody else
 * learns from the answer whether an email is someone's.
 */
export async function nominatePeer(
  viewer: Viewer,
  cycleId: string,
  subjectId: string,
  reviewerId: string,
  now = clock.now(),
): Promise<NominationResult> {
  return nominate(viewer, cycleId, subjectId, { reviewerId }, now);
}

/** Nominates the colleague with this email (the picker's free field), as nominatePeer does. */
export async function nominatePeerByEmail(
  viewer: Viewer,
  cycleId: string,
  subjectId: string,
  email: string,
  now = clock.now(),
): Promise<NominationResult> {
  return nominate(viewer, cycleId, subjectId, { email }, now);
}

/** What nominating someone for the person needs, checked before the transaction: the cycle asks for peers, the viewer may choose, the person is in it and has a level. */
async function nominationSetUp(viewer: Viewer, cycleId: string, subjectId: string, now: Date) {
  const subject = await requirePerson(subjectId);
  const line = { ...subject, managerChain: await managerChain(subjectId) };
  // Refused before anything is said of the cycle: to whoever the person's choices are not, as for nobody.
  if (outsideNominations(viewer, line))
    throw new NotFoundError({ key: "feedback:errors.noPerson" });
  const cycle = await requireCycle(cycleId);
  const settings = await requireSettings(cycleId);
  if (!settings.peer || cycle.closedAt)
    throw new NotFoundError({ key: "feedback:errors.noPeerFeedbackAsked" });
  if (nominateRefusal(viewer, line, settings.nominator) === "manager-chooses")
    throw new ForbiddenError({ key: "feedback:errors.cannotNominate" });
  if (
    !nominationsOpen(
      { closed: cycle.closedAt !== null, peer: settings.peer, dueOn: dayToDate(settings.dueOn) },
      await feedbackReleasedTo(subjectId, cycle),
      now,
    )
  )
    throw new ConflictError(NOMINATIONS_CLOSED);
  const participant = await db.reviewCycleParticipant.findUnique({
    where: { cycleId_userId: { cycleId, userId: subjectId } },
    select: { userId: true },
  });
  if (!participant) throw new NotFoundError({ key: "feedback:errors.notInCycle" });
  const facts = await subjectLadderFacts(db, cycleId, subject, settings);
  return { settings, subject, facts };
}

type NominationSetUp = Awaited<ReturnType<typeof nominationSetUp>>;

async function nominate(
  viewer: Viewer,
  cycleId: string,
  subjectId: string,
  named: { reviewerId: string } | { email: string },
  now: Date,
): Promise<NominationResult> {
  const setUp = await nominationSetUp(viewer, cycleId, subjectId, now);
  const reviewer = await findReviewer(named);
  if (!reviewer && "email" in named)
    return {
      ok: false,
      message: { key: "feedback:errors.noSuchEmail", values: { email: named.email.trim() } },
    };
  if (!reviewer) throw new NotFoundError({ key: "feedback:errors.noPerson" });
  if (!setUp.facts) return { ok: false, message: { key: "feedback:errors.noLevel" } };
  const facts = setUp.facts;
  return withRetry(() =>
    db.$transaction((tx) => nominateIn(tx, viewer, cycleId, { ...setUp, facts }, reviewer, now), {
      isolationLevel: "Serializable",
    }),
  );
}

/**
 * The colleague named. By email, only an active account is anyone: a deactivated one answered
 * otherwise than an unknown email would tell the nominator that the account existed.
 */
async function findReviewer(named: { reviewerId: string } | { email: string }) {
  const select = { id: true, name: true, deactivatedAt: true } as const;
  return "email" in named
    ? db.user.findFirst({
        where: { email: named.email.trim().toLowerCase(), deactivatedAt: null },
        select,
      })
    : db.user.findUnique({ where: { id: named.reviewerId }, select });
}

/**
 * Inside the transaction: who may be chosen (not the person, not their manager, nobody deactivated,
 * nobody at the cycle's cap, nobody asked already) and the most peers are checked again, so two
 * nominations at once cannot pass a limit.
 */
async function nominateIn(
  tx: Tx,
  viewer: Viewer,
  cycleId: string,
  { settings, subject, facts }: NominationSetUp & { facts: NonNullable<NominationSetUp["facts"]> },
  reviewer: { id: string; name: string; deactivatedAt: Date | null },
  now: Date,
): Promise<NominationResult> {
  const subjectId = subject.id;
  const reviewerId = reviewer.id;
  const state: RequestState = nominationState(viewer, subject);
  const live = await tx.feedbackRequest.findMany({
    where: {
      cycleId,
      channel: "peer",
      subjectId,
      state: { in: ["nominated", "approved", "submitted"] },
    },
    select: { reviewerId: true },
  });
  const load = await tx.feedbackRequest.count({
    where: {
      cycleId,
      channel: "peer",
      reviewerId,
      state: { in: ["nominated", "approved", "submitted"] },
    },
  });
  const reasons = ineligibility(
    { id: reviewer.id, name: reviewer.name, active: reviewer.deactivatedAt === null },
    {
      channel: "peer",
      subject,
      alreadyNominated: new Set(live.map((row) => row.reviewerId)),
      requestsOf: new Map([[reviewer.id, load]]),
      reviewCap: settings.reviewCap,
    },
  );
  if (reasons.length)
    return {
      ok: false,
      message: ineligibilityText(reasons[0]!, reviewer.name, settings.reviewCap),
    };
  if (!roomForMore(live.length, settings))
    return {
      ok: false,
      message: {
        key: "feedback:errors.mostPeers",
        values: { name: subject.name, max: settings.maxPeers },
      },
    };
  const values = {
    state,
    nominatedById: viewer.id,
    dueOn: dayToDate(settings.dueOn),
    declineReason: null,
    declinedById: null,
    withdrawnReason: null,
    decidedAt: state === "approved" ? now : null,
    withdrawnAt: null,
    ...facts,
  };
  const request = await tx.feedbackRequest.upsert({
    where: {
      cycleId_channel_subjectId_reviewerId: { cycleId, channel: "peer", subjectId, reviewerId },
    },
    create: { cycleId, channel: "peer", subjectId, reviewerId, ...values },
    update: values,
    select: { id: true, cycleId: true, subjectId: true, reviewerId: true },
  });
  // A request that was answered and is reused keeps nothing of the answer it had.
  await tx.feedbackAnswer.deleteMany({ where: { requestId: request.id } });
  await recordAuditEvent(tx, requestEvent(viewer.id, "feedback.nominated", request, { state }));
  return { ok: true, requestId: request.id, state };
}

class NominationRefused extends Error {
  constructor(readonly result: Extract<NominationResult, { ok: false }>) {
    super(result.message.key);
  }
}

/**
 * The person's manager swaps a peer reviewer still waiting for another in one step (policy.ts,
 * canSwapReviewer): a nomination is declined with the reason (the person reads it), a request
 * already asked is withdrawn, and the other is asked at once. When the other cannot be asked, or the
 * first was meanwhile answered, nothing changes.
 */
export async function swapReviewer(
  viewer: Viewer,
  requestId: string,
  replacement: { reviewerId: string } | { email: string },
  reason: string | null,
  now = clock.now(),
): Promise<NominationResult> {
  const request = await requireRequest(requestId);
  if (!canSwapReviewer(viewer, request, request.subject))
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  const why = reason?.trim() ?? "";
  if (request.state === "nominated" && !why)
    return { ok: false, message: { key: "feedback:errors.swapReason" } };
  const setUp = await nominationSetUp(viewer, request.cycleId, request.subjectId, now);
  const reviewer = await findReviewer(replacement);
  if (!reviewer && "email" in replacement)
    return {
      ok: false,
      message: { key: "feedback:errors.noSuchEmail", values: { email: replacement.email.trim() } },
    };
  if (!reviewer) throw new NotFoundError({ key: "feedback:errors.noPerson" });
  if (!setUp.facts) return { ok: false, message: { key: "feedback:errors.noLevel" } };
  const facts = setUp.facts;
  try {
    return await withRetry(() =>
      db.$transaction(
        async (tx): Promise<NominationResult> => {
          const declining = request.state === "nominated";
          const { count } = await tx.feedbackRequest.updateMany({
            where: { id: requestId, state: request.state },
            data: declining
              ? { state: "declined", decidedAt: now, declineReason: why, declinedById: viewer.id }
              : { state: "withdrawn", withdrawnReason: "by-manager", withdrawnAt: now },
          });
          if (count !== 1) throw new ConflictError({ key: "feedback:errors.changedMeanwhile" });
          await recordAuditEvent(
            tx,
            requestEvent(
              viewer.id,
              declining ? "feedback.declined" : "feedback.withdrawn",
              request,
              declining ? { reason: why } : { reason: "by-manager" },
            ),
          );
          const result = await nominateIn(
            tx,
            viewer,
            request.cycleId,
            { ...setUp, facts },
            reviewer,
            now,
          );
          if (!result.ok) throw new NominationRefused(result);
          return result;
        },
        { isolationLevel: "Serializable" },
      ),
    );
  } catch (error) {
    if (error instanceof NominationRefused) return error.result;
    throw error;
  }
}

async function requireRequest(requestId: string, client: Pick<Tx, "feedbackRequest"> = db) {
  const request = await client.feedbackRequest.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      cycleId: true,
      channel: true,
      subjectId: true,
      reviewerId: true,
      nominatedById: true,
      state: true,
      declineReason: true,
      declinedById: true,
      revision: true,
      ladderVersionId: true,
      trackId: true,
      levelId: true,
      competencyIds: true,
      dueOn: true,
      subject: { select: { name: true, managerId: true } },
      reviewer: { select: { name: true } },
      cycle: { select: { name: true, closedAt: true } },
    },
  });
  if (!request) throw new NotFoundError({ key: "feedback:errors.noRequest" });
  return request;
}

/** Whether peers are still asked for the request's person (policy's nominationsOpen, from the cycle's own settings: an admin may turn peers off or move the due day). */
async function peersStillAsked(
  request: { cycleId: string; subjectId: string; cycle: { closedAt: Date | null } },
  now: Date,
): Promise<boolean> {
  const [settings, released] = await Promise.all([
    feedbackSettingsOf(request.cycleId),
    feedbackReleasedTo(request.subjectId, {
      id: request.cycleId,
      closedAt: request.cycle.closedAt,
    }),
  ]);
  if (!settings) return false;
  return nominationsOpen(
    {
      closed: request.cycle.closedAt !== null,
      peer: settings.peer,
      dueOn: dayToDate(settings.dueOn),
    },
    released,
    now,
  );
}

/** The person's manager approves a nomination, or declines it with a reason the person reads. */
export async function decideNomination(
  viewer: Viewer,
  requestId: string,
  decision: "approve" | "decline",
  reason: string | null,
  now = clock.now(),
): Promise<void> {
  const request = await requireRequest(requestId);
  if (!canDecideNomination(viewer, request.subject))
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  if (!(await peersStillAsked(request, now))) throw new ConflictError(NOMINATIONS_CLOSED);
  const to: RequestState = decision === "approve" ? "approved" : "declined";
  const why = reason?.trim() ?? "";
  if (to === "declined" && !why) throw new InvalidError({ key: "feedback:errors.declineReason" });
  await db.$transaction(async (tx) => {
    const { count } = await tx.feedbackRequest.updateMany({
      where: { id: requestId, state: "nominated" },
      data: {
        state: to,
        decidedAt: now,
        declineReason: to === "declined" ? why : null,
        declinedById: to === "declined" ? viewer.id : null,
      },
    });
    if (count !== 1 || !canMove("nominated", to))
      throw new ConflictError({ key: "feedback:errors.alreadyDecided" });
    await recordAuditEvent(
      tx,
      requestEvent(
        viewer.id,
        to === "approved" ? "feedback.approved" : "feedback.declined",
        request,
        to === "declined" ? { reason: why } : {},
      ),
    );
  });
}

export type DeclineOutcome =
  { ok: true } | { ok: false; kind: "locked" | "invalid"; message: string };

/**
 * The reviewer declines a peer request before answering it, with a reason. The person's manager
 * reads the reason beside the request on the person's feedback page, and their to-do list asks them
 * to choose another peer while the person has fewer than the cycle asks for (todo.server.ts). Only
 * this request changes; for anyone but the reviewer it does not exist. `reason` is null when the
 * form was invalid: that is answered only after the viewer is known to be the reviewer.
 */
export async function declineRequest(
  viewer: Viewer,
  requestId: string,
  reason: string | null,
): Promise<DeclineOutcome> {
  const request = await requireRequest(requestId);
  if (!canDeclineRequest(viewer, request))
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  const locked = declineLock(request, { closed: request.cycle.closedAt !== null });
  if (locked) return { ok: false, kind: "locked", message: locked };
  const why = reason?.trim() ?? "";
  if (!why) return { ok: false, kind: "invalid", message: "feedback:errors.reviewerDeclineReason" };
  await db.$transaction(async (tx) => {
    const { count } = await tx.feedbackRequest.updateMany({
      where: { id: requestId, channel: "peer", state: "approved", cycle: { closedAt: null } },
      data: { state: "declined", declineReason: why, declinedById: viewer.id },
    });
    if (count !== 1 || !canMove("approved", "declined"))
      throw new ConflictError({ key: "feedback:errors.answeredMeanwhile" });
    await recordAuditEvent(
      tx,
      requestEvent(viewer.id, "feedback.request_declined", request, { reason: why }),
    );
  });
  return { ok: true };
}

/** Whoever nominated a pending request, or the person's manager, withdraws it. */
export async function withdrawRequest(
  viewer: Viewer,
  requestId: string,
  now = clock.now(),
): Promise<void> {
  const request = await requireRequest(requestId);
  const refusal = withdrawRefusal(viewer, request, request.subject);
  if (refusal === "not-theirs") throw new NotFoundError({ key: "feedback:errors.noRequest" });
  if (refusal === "not-pending") throw new ConflictError({ key: "feedback:errors.notPending" });
  if (refusal === "asked") throw new ConflictError({ key: "feedback:errors.asked" });
  if (!(await peersStillAsked(request, now))) throw new ConflictError(NOMINATIONS_CLOSED);
  const withdrawnReason = viewer.id === request.subject.managerId ? "by-manager" : "by-nominator";
  await db.$transaction(async (tx) => {
    const { count } = await tx.feedbackRequest.updateMany({
      where: { id: requestId, state: { in: ["nominated", "approved"] } },
      data: { state: "withdrawn", withdrawnReason, withdrawnAt: now },
    });
    if (count !== 1) throw new ConflictError({ key: "feedback:errors.withdrawnMeanwhile" });
    await recordAuditEvent(
      tx,
      requestEvent(viewer.id, "feedback.withdrawn", request, { reason: withdrawnReason }),
    );
  });
}

/** Requests a deactivation withdraws: still waiting, in a cycle still open. */
const pending = { state: { in: ["nominated", "approved"] }, cycle: { closedAt: null } };

/** How many requests deactivating the person would withdraw (by and about them), as withdrawRequestsOfDeactivated would. */
export async function requestsEndedBy(
  client: Pick<Tx, "feedbackRequest">,
  personId: string,
): Promise<number> {
  return client.feedbackRequest.count({
    where: { OR: [{ reviewerId: personId }, { subjectId: personId }], ...pending },
  });
}

/**
 * In the transaction that deactivates someone (its hook in app/modules/workflows.server.ts, for the admin's page and
 * SCIM alike): the requests still waiting that they were to answer, and those about them, are
 * withdrawn. The managers of the people who lose a reviewer are told on their to-do list
 * (`replacementsNeeded`). Returns how many were withdrawn.
 */
export async function withdrawRequestsOfDeactivated(
  tx: Pick<Tx, "feedbackRequest">,
  personId: string,
  now: Date,
): Promise<number> {
  const asReviewer = await tx.feedbackRequest.updateMany({
    where: { reviewerId: personId, ...pending },
    data: { state: "withdrawn", withdrawnReason: "reviewer-deactivated", withdrawnAt: now },
  });
  const asSubject = await tx.feedbackRequest.updateMany({
    where: { subjectId: personId, ...pending },
    data: { state: "withdrawn", withdrawnReason: "subject-deactivated", withdrawnAt: now },
  });
  return asReviewer.count + asSubject.count;
}

/**
 * For a manager: their reports in open cycles who lost a peer reviewer because the reviewer was
 * deactivated, and now have fewer live peers than the cycle asks for. The to-do list tells the
 * manager (feedback's to-do facts); the item goes once someone else is asked.
 */
export async function replacementsNeeded(managerId: string): Promise<
  {
    cycleId: string;
    cycleName: string;
    person: { id: string; name: string };
    reviewerName: string;
  }[]
> {
  const withdrawn = await db.feedbackRequest.findMany({
    where: {
      channel: "peer",
      state: "withdrawn",
      withdrawnReason: "reviewer-deactivated",
      subject: { managerId, deactivatedAt: null },
      cycle: { closedAt: null },
    },
    select: {
      cycleId: true,
      subjectId: true,
      cycle: { select: { name: true, feedbackSettings: { select: { minPeers: true } } } },
      subject: { select: { name: true } },
      reviewer: { select: { name: true } },
    },
  });
  const result = [];
  for (const row of withdrawn) {
    const live = await db.feedbackRequest.count({
      where: {
        cycleId: row.cycleId,
        channel: "peer",
        subjectId: row.subjectId,
        state: { in: ["nominated", "approved", "submitted"] },
      },
    });
    if (live < (row.cycle.feedbackSettings?.minPeers ?? 0))
      result.push({
        cycleId: row.cycleId,
        cycleName: row.cycle.name,
        person: { id: row.subjectId, name: row.subject.name },
        reviewerName: row.reviewer.name,
      });
  }
  return result;
}

/**
 * When the cycle has managers pick what each person's feedback asks about: the person's manager
 * picks competencies at the person's level. Requests not yet answered ask about the pick from now
 * on (what a reviewer already wrote on another competency is dropped when they submit).
 */
export async function pickCompetencies(
  viewer: Viewer,
  cycleId: string,
  subjectId: string,
  picked: readonly string[],
): Promise<{ ok: true } | { ok: false; message: string }> {
  // The person's manager only; for anyone else, nothing is said of the cycle either.
  const subject = await requirePerson(subjectId);
  if (!canDecideNomination(viewer, subject))
    throw new NotFoundError({ key: "feedback:errors.noPerson" });
  const cycle = await requireCycle(cycleId);
  const settings = await requireSettings(cycleId);
  if (settings.competencies !== "manager-picks" || cycle.closedAt)
    throw new ConflictError({ key: "feedback:errors.everyCompetency" });
  const facts = await levelFacts(subject);
  if (!facts) return { ok: false, message: "feedback:errors.noLevelToPick" };
  const problem = pickProblem(picked, facts.levelCompetencyIds);
  if (problem) return { ok: false, message: problem };
  const competencyIds = JSON.stringify(
    askedCompetencies(facts.levelCompetencyIds, "manager-picks", picked),
  );
  await db.$transaction(async (tx) => {
    await tx.feedbackFocus.upsert({
      where: { cycleId_subjectId: { cycleId, subjectId } },
      create: { cycleId, subjectId, competencyIds, chosenById: viewer.id },
      update: { competencyIds, chosenById: viewer.id },
    });
    await tx.feedbackRequest.updateMany({
      where: { cycleId, subjectId, state: { in: ["nominated", "approved"] } },
      data: { competencyIds },
    });
  });
  return { ok: true };
}

/** The manager's pick for the person in the cycle, or null when none was made. */
export async function pickedCompetencies(
  cycleId: string,
  subjectId: string,
): Promise<string[] | null> {
  const focus = await db.feedbackFocus.findUnique({
    where: { cycleId_subjectId: { cycleId, subjectId } },
    select: { competencyIds: true },
  });
  return focus ? (JSON.parse(focus.competencyIds) as string[]) : null;
}

// Answers

async function answerRules(request: {
  ladderVersionId: string;
  levelId: string;
  competencyIds: string;
  cycleId: string;
}) {
  const ladder = await requireLadderOfVersion(request.ladderVersionId);
  const settings = await requireSettings(request.cycleId);
  const competencyIds = JSON.parse(request.competencyIds) as string[];
  return {
    settings,
    rules: { answerKind: settings.answerKind, scale: ladder.scale, competencyIds },
  };
}

/** The reviewer's request as the answer form shows it; NotFoundError for anyone else. */
export async function answerPage(
  viewer: Viewer,
  requestId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const request = await requireRequest(requestId);
  const declinedByReviewer =
    request.state === "declined" && request.declinedById === request.reviewerId;
  if (
    request.reviewerId !== viewer.id ||
    !(["approved", "submitted"].includes(request.state) || declinedByReviewer)
  )
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  const [{ settings, rules }, translated] = await Promise.all([
    answerRules(request),
    requireLadderOfVersionIn(request.ladderVersionId, language),
  ]);
  const { ladder } = translated;
  const level = ladder.tracks
    .flatMap((track) => track.levels)
    .find((candidate) => candidate.id === request.levelId);
  const answers = await db.feedbackAnswer.findMany({
    where: { requestId },
    select: { competencyId: true, rating: true, example: true },
  });
  // The ladder texts shown, marked where left in the source, with their HTML (decision 129).
  return withSourceTexts(
    {
      request: {
        id: request.id,
        channel: request.channel as Channel,
        state: request.state,
        revision: request.revision,
        dueOn: dateToDay(request.dueOn),
        subject: { id: request.subjectId, name: request.subject.name },
        cycle: { id: request.cycleId, name: request.cycle.name },
      },
      level: level ? { id: level.id, title: level.title } : null,
      competencies: competenciesForLevel(ladder, request.levelId)
        .filter((competency) => rules.competencyIds.includes(competency.id))
        .map((competency) => ({
          id: competency.id,
          name: competency.name,
          description: competency.description,
          expectations: level?.expectations[competency.id] ?? [],
        })),
      scale: settings.answerKind === "rating" ? ladder.scale : [],
      // Upward answers are never read with a name; peer answers are, by the manager (and by the person, when the cycle says so).
      namesShown: request.channel === "upward" ? "never" : settings.namesShown,
      /** Answers without names are shown in groups of at least this many people (release.ts). */
      anonymityFloor: anonymityFloor(request.channel as Channel),
      values: answerValues(answers),
      lockedReason: answerRefusal(request),
      /** The reviewer may still decline (a peer request not yet answered, in an open cycle). */
      mayDecline: declineLock(request, { closed: request.cycle.closedAt !== null }) === null,
      declineReason: declinedByReviewer ? request.declineReason : null,
    },
    translated,
  );
}

export type AnswerSaveOutcome =
  | {
      status: 200;
      body: {
        ok: true;
        revision: number;
        values: DraftValues;
        conflicts: FieldConflict[];
        savedAt: string;
      };
    }
  | {
      status: 400;
      body: { ok: false; kind: "invalid"; message: string; fieldErrors: Record<string, string[]> };
    }
  | { status: 409; body: { ok: false; kind: "locked"; message: string } };

const lockedOutcome = (message: string) => ({
  status: 409 as const,
  body: { ok: false as const, kind: "locked" as const, message },
});

/** Autosave of the reviewer's draft: the changed fields merged as the self-assessment's are, in one transaction. */
export async function saveAnswerDraft(
  viewer: Viewer,
  requestId: string,
  input: SaveDraftInput,
  now = clock.now(),
): Promise<AnswerSaveOutcome> {
  const request = await requireRequest(requestId);
  if (request.reviewerId !== viewer.id)
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  const locked = answerRefusal(request);
  if (locked) return lockedOutcome(locked);
  const { rules } = await answerRules(request);
  const fieldErrors = validateAnswerChanges(input.changes, rules);
  if (Object.keys(fieldErrors).length)
    return {
      status: 400,
      body: { ok: false, kind: "invalid", message: "feedback:errors.invalidChanges", fieldErrors },
    };
  return withRetry(() =>
    db.$transaction(async (tx): Promise<AnswerSaveOutcome> => {
      const current = await requireRequest(requestId, tx);
      const lockedNow = answerRefusal(current);
      if (lockedNow) return lockedOutcome(lockedNow);
      const values = answerValues(
        await tx.feedbackAnswer.findMany({
          where: { requestId },
          select: { competencyId: true, rating: true, example: true },
        }),
      );
      const { writes, conflicts } = mergeSave(values, input.changes);
      let revision = current.revision;
      if (Object.keys(writes).length) {
        for (const row of answerUpdates(values, writes)) {
          await tx.feedbackAnswer.upsert({
            where: { requestId_competencyId: { requestId, competencyId: row.competencyId } },
            create: { requestId, ...row },
            update: { rating: row.rating, example: row.example },
          });
        }
        const bumped = await tx.feedbackRequest.updateMany({
          where: { id: requestId, revision: current.revision, state: "approved" },
          data: { revision: { increment: 1 } },
        });
        if (bumped.count !== 1) throw new StaleRevision();
        revision = current.revision + 1;
      }
      return {
        status: 200,
        body: {
          ok: true,
          revision,
          values: { ...values, ...writes },
          conflicts,
          savedAt: now.toISOString(),
        },
      };
    }),
  );
}

export type AnswerSubmitOutcome =
  { ok: true } | { ok: false; kind: "locked" | "stale" | "incomplete"; message: string };

/**
 * Submits the reviewer's answer: it locks, and competencies left empty are dropped (a reviewer
 * leaves out what they have not seen). Refuses when the draft changed since `revision`, the one the
 * reviewer last saw (in another tab).
 */
export async function submitAnswer(
  viewer: Viewer,
  requestId: string,
  revision: number,
  now = clock.now(),
): Promise<AnswerSubmitOutcome> {
  const request = await requireRequest(requestId);
  if (request.reviewerId !== viewer.id)
    throw new NotFoundError({ key: "feedback:errors.noRequest" });
  const locked = answerRefusal(request);
  if (locked) return { ok: false, kind: "locked", message: locked };
  const { rules } = await answerRules(request);
  return withRetry(() =>
    db.$transaction(async (tx): Promise<AnswerSubmitOutcome> => {
      const current = await requireRequest(requestId, tx);
      const lockedNow = answerRefusal(current);
      if (lockedNow) return { ok: false, kind: "locked", message: lockedNow };
      if (revision !== current.revision)
        return { ok: false, kind: "stale", message: "feedback:errors.stale" };
      const values = answerValues(
        await tx.feedbackAnswer.findMany({
          where: { requestId },
          select: { competencyId: true, rating: true, example: true },
        }),
      );
      const problem = submissionProblem(values, rules.competencyIds);
      if (problem) return { ok: false, kind: "incomplete", message: problem };
      const kept = answeredRows(values, rules.competencyIds).map((row) => row.competencyId);
      await tx.feedbackAnswer.deleteMany({ where: { requestId, competencyId: { notIn: kept } } });
      const updated = await tx.feedbackRequest.updateMany({
        where: { id: requestId, revision: current.revision, state: "approved" },
        data: { state: "submitted", submittedAt: now, revision: { increment: 1 } },
      });
      if (updated.count !== 1) throw new StaleRevision();
      return { ok: true };
    }),
  );
}

// Reading

/** The audit event of a person's first opening of their released feedback in a cycle: its to-do goes with it (todo.server.ts). */
export const FEEDBACK_OPENED = "feedback.opened";

/**
 * Records, once, that the person opened their feedback in the cycle once it was released to them:
 * from then on the to-do list no longer announces it. A second opening writes nothing.
 */
export async function markFeedbackOpened(personId: string, cycleId: string): Promise<void> {
  const where = {
    action: FEEDBACK_OPENED,
    actorId: personId,
    subjectType: "ReviewCycle",
    subjectId: cycleId,
  };
  if (await db.auditEvent.findFirst({ where, select: { id: true } })) return;
  await recordAuditEvent(db, {
    actorId: personId,
    action: FEEDBACK_OPENED,
    subjectType: "ReviewCycle",
    subjectId: cycleId,
  });
}

/** When a submitted answer arrived, the order its batch is cut in (submitting sets it; the column allows none for requests not yet answered). */
function submittedAtOf(request: { submittedAt: Date | null }): Date {
  return request.submittedAt ?? new Date(0);
}

/**
 * One person's feedback of one channel in a cycle, as the viewer may read it (policy.ts, then
 * release.ts). NotFoundError when the viewer may read nothing of it.
 */
export async function feedbackAbout(
  viewer: FeedbackReader,
  cycleId: string,
  subjectId: string,
  channel: Channel,
): Promise<{ release: FeedbackRelease; competencyIds: string[] }> {
  const settingsRow = await settingsRowOf(cycleId, db);
  if (!settingsRow) throw new NotFoundError({ key: "feedback:errors.noFeedbackAsked" });
  const settings = toSettings(settingsRow);
  const isSubject = viewer.id === subjectId;
  const chain = isSubject ? [] : await managerChain(subjectId);
  const calibrates =
    !isSubject &&
    !viewer.isAdmin &&
    !chain.includes(viewer.id) &&
    (await calibratesPersonInCycle(viewer.id, subjectId, cycleId));
  const released = isSubject && (await feedbackReleasedTo(subjectId, await requireCycle(cycleId)));
  const view = feedbackView(viewer, {
    channel,
    subjectId,
    subjectManagerChain: chain,
    calibratesSubject: calibrates,
    releasedToSubject: released,
    namesShown: settings.namesShown,
  });
  if (view === "none") throw new NotFoundError({ key: "feedback:errors.noFeedback" });
  const asked = await db.feedbackRequest.findMany({
    where: { cycleId, channel, subjectId },
    select: {
      id: true,
      state: true,
      reviewerId: true,
      competencyIds: true,
      submittedAt: true,
      reviewer: { select: { name: true } },
      answers: { select: { competencyId: true, rating: true, example: true } },
    },
  });
  // What was asked, of everyone asked: the competencies of the answers in alone would change with each one submitted.
  const competencyIds = [
    ...new Set(asked.flatMap((request) => JSON.parse(request.competencyIds) as string[])),
  ];
  const requests = asked.filter((request) => request.state === "submitted");
  const rows = requests.flatMap((request) =>
    request.answers.map((answer) => ({
      id: `${request.id}:${answer.competencyId}`,
      authorId: request.reviewerId,
      authorName: request.reviewer.name,
      submittedAt: submittedAtOf(request),
      ...answer,
    })),
  );
  const floorOf = channel === "upward" ? await personFloors() : () => 0;
  return {
    release: releaseFeedback(view, channel, rows, competencyIds, {
      secret: settingsRow.secret,
      floorOf,
    }),
    competencyIds,
  };
}

/**
 * For an admin's CSV export of the cycle: per person, how many peers were asked, answered and
 * declined, and how many reports answered upward feedback, counted only where the reader may be
 * shown that aggregate: the same view (policy.ts) and release (release.ts, through the one
 * disclosure check under each report's floor) as the person's feedback page gives them. Null when
 * the cycle asks for no feedback; otherwise a reader of one batch of people at a time, so that the
 * settings and floors are read once per export.
 */
export async function feedbackCountsForExport(
  reader: FeedbackReader,
  cycleId: string,
): Promise<((subjectIds: readonly string[]) => Promise<Map<string, FeedbackCounts>>) | null> {
  if (!reader.isAdmin) throw new ForbiddenError({ key: "feedback:errors.onlyAdminsExport" });
  const settings = await feedbackSettingsOf(cycleId);
  if (!settings) return null;
  const { secret } = await db.feedbackSettings.findUniqueOrThrow({
    where: { cycleId },
    select: { secret: true },
  });
  const floorOf = await personFloors();
  return async (subjectIds) => {
    const ids = [...subjectIds];
    const [peer, upward, ownReleased] = await Promise.all([
      db.feedbackRequest.findMany({
        where: { cycleId, channel: "peer", subjectId: { in: ids } },
        select: { subjectId: true, state: true, reviewerId: true, declinedById: true },
      }),
      db.feedbackRequest.findMany({
        where: { cycleId, channel: "upward", subjectId: { in: ids }, state: "submitted" },
        select: {
          id: true,
          subjectId: true,
          reviewerId: true,
          competencyIds: true,
          submittedAt: true,
          answers: { select: { competencyId: true, rating: true } },
        },
      }),
      ids.includes(reader.id)
        ? requireCycle(cycleId).then((cycle) => feedbackReleasedTo(reader.id, cycle))
        : false,
    ]);
    const counts = new Map<string, FeedbackCounts>();
    for (const subjectId of ids) {
      // An admin reads every person's feedback from above; the chain and calibration facts matter only for other readers, who never export.
      const view = feedbackView(reader, {
        channel: "upward",
        subjectId,
        subjectManagerChain: [],
        calibratesSubject: false,
        releasedToSubject: subjectId === reader.id && ownReleased,
        namesShown: settings.namesShown,
      });
      const requests = upward.filter((request) => request.subjectId === subjectId);
      const competencyIds = [
        ...new Set(requests.flatMap((request) => JSON.parse(request.competencyIds) as string[])),
      ];
      // Figures only: no example text and no name goes in.
      const rows = requests.flatMap((request) =>
        request.answers.map((answer) => ({
          id: `${request.id}:${answer.competencyId}`,
          authorId: request.reviewerId,
          authorName: "",
          example: "",
          submittedAt: submittedAtOf(request),
          ...answer,
        })),
      );
      const release = releaseFeedback(view, "upward", rows, competencyIds, { secret, floorOf });
      counts.set(subjectId, {
        ...peerCounts(peer.filter((request) => request.subjectId === subjectId)),
        upwardAnswers: "release" in release ? release.release.authors : null,
      });
    }
    return counts;
  };
}

/** The requests about a person in a cycle, for them and their manager: who is asked and where each stands. Names of upward reviewers are never listed. */
export async function requestsAbout(viewer: Viewer, cycleId: string, subjectId: string) {
  const subject = await requirePerson(subjectId);
  if (viewer.id !== subjectId && viewer.id !== subject.managerId)
    throw new NotFoundError({ key: "feedback:errors.noPerson" });
  const rows = await db.feedbackRequest.findMany({
    where: { cycleId, channel: "peer", subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      channel: true,
      state: true,
      declineReason: true,
      declinedById: true,
      withdrawnReason: true,
      nominatedById: true,
      reviewer: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({ ...row, live: isLive(row.state) }));
}

/**
 * The requests a person was asked to answer and has answered or may still answer, oldest first: for
 * their own export, which reads each through `answerPage`, the rule of what a reviewer reads of it.
 */
export async function requestsAskedOf(personId: string): Promise<string[]> {
  const rows = await db.feedbackRequest.findMany({
    where: { reviewerId: personId, state: { in: ["approved", "submitted"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}
