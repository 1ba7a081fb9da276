import { chunksOf } from "~/db/chunks";
import { ORGANISATION_WRITE } from "~/db/transactions";
import { db, type Prisma } from "~/db/client.server";
import { applyDuePromotions } from "~/modules/calibration/sessions.server";
import { dayToDate } from "~/modules/days";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { getLevel } from "~/modules/ladders/lookups";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import * as clock from "~/platform/clock.server";
import type { WindowInput } from "./forms";
import {
  known,
  NOMINATION_STATES,
  PROMOTION_EVENT_KINDS,
  type PromotionEventKind,
} from "./history";
import {
  canEditWindow,
  canManagePromotions,
  canOpenWindow,
  ladderVersionLocked,
  WINDOW_STATES,
  votesStartRefusal,
  windowCloseRefusal,
  type CloseFacts,
  type PromotionViewer,
  type VotesFacts,
} from "./policy";
import { NOMINATION_KINDS } from "./policy";
import { allSettings, modeOfLadder, settingsFor } from "./settings.server";

type EventWriter = Pick<Prisma.TransactionClient, "promotionEvent">;

/** One entry of a window's append-only history (the database refuses to change or remove one). */
export async function recordPromotionEvent(
  tx: EventWriter,
  event: {
    windowId: string;
    nominationId?: string | null;
    actorId: string | null;
    kind: PromotionEventKind;
    change?: Record<string, unknown>;
    reason?: string | null;
    at?: Date;
  },
): Promise<void> {
  await tx.promotionEvent.create({
    data: {
      windowId: event.windowId,
      nominationId: event.nominationId ?? null,
      actorId: event.actorId,
      kind: event.kind,
      change: JSON.stringify(event.change ?? {}),
      reason: event.reason ?? null,
      createdAt: event.at ?? clock.now(),
    },
  });
}

const WINDOW_FIELDS = {
  id: true,
  name: true,
  ladderId: true,
  ladderVersionId: true,
  state: true,
  nominationsOpenOn: true,
  nominationsCloseOn: true,
  packetsDueOn: true,
  votesDueOn: true,
  effectiveOn: true,
  minMembers: true,
  membersAtOrAbove: true,
  minOutsideMembers: true,
  redactedFirstRead: true,
  openedAt: true,
  closedAt: true,
  revision: true,
} as const;

export type WindowRow = Prisma.PromotionWindowGetPayload<{ select: typeof WINDOW_FIELDS }>;

export async function requireWindow(windowId: string): Promise<WindowRow> {
  const window = await db.promotionWindow.findUnique({
    where: { id: windowId },
    select: WINDOW_FIELDS,
  });
  if (!window) throw new NotFoundError({ key: "promotions:errors.noSuchWindow" });
  return window;
}

function windowDates(input: WindowInput) {
  return {
    name: input.name,
    nominationsOpenOn: dayToDate(input.nominationsOpenOn),
    nominationsCloseOn: dayToDate(input.nominationsCloseOn),
    packetsDueOn: dayToDate(input.packetsDueOn),
    votesDueOn: dayToDate(input.votesDueOn),
    effectiveOn: dayToDate(input.effectiveOn),
  };
}

/**
 * An admin sets up a window for a ladder its committees decide: its dates, and the committee rules
 * the ladder's settings hold now. A draft until opened; its criteria are the ladder's current version.
 */
export async function createWindow(viewer: PromotionViewer, input: WindowInput): Promise<string> {
  if (!canManagePromotions(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  const served = await servedLadderVersion(input.ladderId);
  if (!served) throw new InvalidError({ key: "promotions:errors.noSuchLadder" });
  const settings = settingsFor(input.ladderId, await allSettings());
  if (settings.mode !== "committee")
    throw new InvalidError({ key: "promotions:errors.ladderDecidedInCalibration" });
  return db.$transaction(async (tx) => {
    const window = await tx.promotionWindow.create({
      data: {
        ...windowDates(input),
        ladderId: input.ladderId,
        ladderVersionId: served.versionId,
        minMembers: settings.minMembers,
        membersAtOrAbove: settings.membersAtOrAbove,
        minOutsideMembers: settings.minOutsideMembers,
        redactedFirstRead: settings.redactedFirstRead,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordPromotionEvent(tx, {
      windowId: window.id,
      actorId: viewer.id,
      kind: "created",
      change: { name: [null, input.name], ladderVersionId: [null, served.versionId] },
    });
    return window.id;
  });
}

/**
 * An admin changes a window's name and dates (its ladder only while a draft, when its criteria
 * follow the ladder's current version). From another tab's stale copy: a conflict, nothing written.
 */
export async function updateWindow(
  viewer: PromotionViewer,
  windowId: string,
  input: WindowInput,
  revision: number,
): Promise<void> {
  const window = await requireWindow(windowId);
  if (!canEditWindow(viewer, window))
    throw new ForbiddenError({ key: "promotions:errors.windowClosed" });
  let ladderVersionId = window.ladderVersionId;
  if (!ladderVersionLocked(window)) {
    const served = await servedLadderVersion(input.ladderId);
    if (!served) throw new InvalidError({ key: "promotions:errors.noSuchLadder" });
    ladderVersionId = served.versionId;
  } else if (input.ladderId !== window.ladderId) {
    throw new InvalidError({ key: "promotions:errors.ladderLocked" });
  }
  const dates = windowDates(input);
  await db.$transaction(async (tx) => {
    const written = await tx.promotionWindow.updateMany({
      where: { id: windowId, revision },
      data: { ...dates, ladderId: input.ladderId, ladderVersionId, revision: { increment: 1 } },
    });
    if (written.count !== 1)
      throw new ConflictError({ key: "promotions:errors.windowChangedMeanwhile" });
    const change: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(dates)) {
      const before = window[field as keyof typeof dates];
      const same =
        before instanceof Date && value instanceof Date
          ? before.getTime() === value.getTime()
          : before === value;
      if (!same)
        change[field] = [
          before instanceof Date ? before.toISOString().slice(0, 10) : before,
          value instanceof Date ? value.toISOString().slice(0, 10) : value,
        ];
    }
    if (ladderVersionId !== window.ladderVersionId)
      change.ladderVersionId = [window.ladderVersionId, ladderVersionId];
    await recordPromotionEvent(tx, { windowId, actorId: viewer.id, kind: "edit", change });
  });
}

/**
 * An admin opens a draft window: nominations may come in from its first day. Its ladder version is
 * locked now (the criteria are fixed before anyone is read), and its eligible population is kept as
 * it is today, for the audit. Calibration promotions waiting for a window become its nominations.
 */
export async function openWindow(
  viewer: PromotionViewer,
  windowId: string,
  now = clock.now(),
): Promise<void> {
  const window = await requireWindow(windowId);
  if (!canOpenWindow(viewer, window, await modeOfLadder(window.ladderId))) {
    throw new InvalidError(
      window.state === "draft"
        ? { key: "promotions:errors.ladderDecidedInCalibration" }
        : { key: "promotions:errors.windowAlreadyOpen" },
    );
  }
  const served = await servedLadderVersion(window.ladderId);
  if (!served) throw new InvalidError({ key: "promotions:errors.noSuchLadder" });
  const people = await db.user.findMany({
    where: {
      deactivatedAt: null,
      level: { not: null },
      OR: [{ ladderId: window.ladderId }, { ladderId: null }],
    },
    select: {
      id: true,
      ladderId: true,
      track: true,
      level: true,
      teamId: true,
      managerId: true,
      attributes: true,
      levelSince: true,
      createdAt: true,
    },
  });
  const eligible = people.filter(
    (person) =>
      person.ladderId === window.ladderId || getLevel(served.ladder, person.level!) !== undefined,
  );
  await db.$transaction(async (tx) => {
    const opened = await tx.promotionWindow.updateMany({
      where: { id: windowId, state: "draft" },
      data: {
        state: "open",
        openedAt: now,
        ladderVersionId: served.versionId,
        revision: { increment: 1 },
      },
    });
    if (opened.count !== 1)
      throw new ConflictError({ key: "promotions:errors.windowChangedMeanwhile" });
    for (const chunk of chunksOf(eligible))
      await tx.promotionEligible.createMany({
        data: chunk.map((person) => ({
          windowId,
          personId: person.id,
          trackId: person.track,
          levelId: person.level,
          teamId: person.teamId,
          managerId: person.managerId,
          attributes: person.attributes,
          levelSince: person.levelSince ?? person.createdAt,
        })),
      });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "state",
      change: {
        state: ["draft", "open"],
        ladderVersionId: [window.ladderVersionId, served.versionId],
        eligible: [null, eligible.length],
      },
      at: now,
    });
    // Every eligible person is written in this one transaction: about half a minute at 200,000 people.
  }, ORGANISATION_WRITE);
  // Calibration's promotions waiting for a window come in now rather than at the clock's next turn.
  await applyDuePromotions(now);
}

/** What decides whether a window's votes may start: its state, its chair, its standing nominations and the packets not yet in. */
export async function votesFacts(windowId: string): Promise<VotesFacts> {
  const window = await requireWindow(windowId);
  const standing = { windowId, state: { not: "withdrawn" } };
  const [chairs, nominations, packetsOut] = await Promise.all([
    db.promotionCommitteeMember.count({ where: { windowId, role: "chair" } }),
    db.promotionNomination.count({ where: standing }),
    db.promotionNomination.count({
      where: { ...standing, packets: { none: { submittedAt: { not: null } } } },
    }),
  ]);
  return { state: window.state, hasChair: chairs > 0, nominations, packetsOut };
}

/**
 * An admin ends a window's nominations and starts its committee's votes (policy: `votesStartRefusal`):
 * from now on nobody nominates into it or writes a packet, and its members read and vote.
 */
export async function startVotes(
  viewer: PromotionViewer,
  windowId: string,
  now = clock.now(),
): Promise<void> {
  const refusal = votesStartRefusal(viewer, await votesFacts(windowId));
  if (refusal)
    throw canManagePromotions(viewer) ? new ConflictError(refusal) : new ForbiddenError(refusal);
  await db.$transaction(async (tx) => {
    const moved = await tx.promotionWindow.updateMany({
      where: { id: windowId, state: "open" },
      data: { state: "committee", revision: { increment: 1 } },
    });
    if (moved.count !== 1)
      throw new ConflictError({ key: "promotions:errors.windowChangedMeanwhile" });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "state",
      change: { state: ["open", "committee"] },
      at: now,
    });
  });
}

/** What decides whether a window may close: its state, its chair, whether the chair opened its audit, and the decisions not yet released. */
export async function closeFacts(windowId: string): Promise<CloseFacts> {
  const window = await requireWindow(windowId);
  const [chairs, audits, unreleased] = await Promise.all([
    db.promotionCommitteeMember.count({ where: { windowId, role: "chair" } }),
    db.promotionEvent.count({ where: { windowId, kind: "audit-opened" } }),
    db.promotionNomination.count({
      where: {
        windowId,
        state: { not: "withdrawn" },
        OR: [{ decision: null }, { decision: { releasedAt: null } }],
      },
    }),
  ]);
  return { state: window.state, hasChair: chairs > 0, chairOpenedAudit: audits > 0, unreleased };
}

/**
 * An admin closes a window once its meeting has released every decision and its chair has opened
 * the audit (policy: `windowCloseRefusal`). Closed, its outcomes are shown in aggregate to everyone.
 */
export async function closeWindow(
  viewer: PromotionViewer,
  windowId: string,
  now = clock.now(),
): Promise<void> {
  const refusal = windowCloseRefusal(viewer, await closeFacts(windowId));
  if (refusal)
    throw canManagePromotions(viewer) ? new ConflictError(refusal) : new ForbiddenError(refusal);
  await db.$transaction(async (tx) => {
    const closed = await tx.promotionWindow.updateMany({
      where: { id: windowId, state: "meeting" },
      data: { state: "closed", closedAt: now, revision: { increment: 1 } },
    });
    if (closed.count !== 1)
      throw new ConflictError({ key: "promotions:errors.windowChangedMeanwhile" });
    await recordPromotionEvent(tx, {
      windowId,
      actorId: viewer.id,
      kind: "state",
      change: { state: ["meeting", "closed"] },
      at: now,
    });
  });
}

/** The admin's list: every window, newest first, with its nominations counted. */
export async function windowsForAdmin(viewer: PromotionViewer) {
  if (!canManagePromotions(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  const windows = await db.promotionWindow.findMany({
    select: {
      ...WINDOW_FIELDS,
      _count: { select: { nominations: { where: { state: { not: "withdrawn" } } } } },
    },
    orderBy: [{ nominationsOpenOn: "desc" }, { id: "asc" }],
  });
  return windows.map(({ _count, ...window }) => ({
    ...window,
    state: known(WINDOW_STATES, window.state, "closed"),
    nominations: _count.nominations,
  }));
}

/** The windows taking (or about to take) nominations for a ladder, earliest first: where a nomination goes. */
export async function upcomingWindows(ladderId: string | null, now: Date) {
  const today = dayToDate(now.toISOString().slice(0, 10));
  return db.promotionWindow.findMany({
    where: {
      ...(ladderId ? { ladderId } : {}),
      state: { in: ["draft", "open"] },
      nominationsCloseOn: { gte: today },
    },
    select: WINDOW_FIELDS,
    orderBy: [{ nominationsOpenOn: "asc" }, { id: "asc" }],
  });
}

/** One window for its admin page: its settings and dates, its nominations (with whether each packet is in), its history. */
export async function windowForAdmin(viewer: PromotionViewer, windowId: string) {
  if (!canManagePromotions(viewer)) throw new ForbiddenError({ key: "common:errors.adminsOnly" });
  const window = await requireWindow(windowId);
  const [nominations, events, eligible, facts, votes, auditOpened] = await Promise.all([
    db.promotionNomination.findMany({
      where: { windowId },
      select: {
        id: true,
        nomineeId: true,
        kind: true,
        state: true,
        targetLevelId: true,
        candidateNumber: true,
        packets: { select: { submittedAt: true } },
      },
      orderBy: { candidateNumber: "asc" },
    }),
    db.promotionEvent.findMany({
      where: { windowId },
      select: { id: true, kind: true, actorId: true, createdAt: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 50,
    }),
    db.promotionEligible.count({ where: { windowId } }),
    closeFacts(windowId),
    votesFacts(windowId),
    db.promotionEvent.findFirst({
      where: { windowId, kind: "audit-opened" },
      select: { actorId: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const names = new Map(
    (
      await db.user.findMany({
        where: {
          id: {
            in: [
              ...new Set([
                ...nominations.map((row) => row.nomineeId),
                ...events.flatMap((event) => (event.actorId ? [event.actorId] : [])),
                ...(auditOpened?.actorId ? [auditOpened.actorId] : []),
              ]),
            ],
          },
        },
        select: { id: true, name: true },
      })
    ).map((person) => [person.id, person.name]),
  );
  return {
    window: { ...window, state: known(WINDOW_STATES, window.state, "closed") },
    eligible,
    closeFacts: facts,
    votesFacts: votes,
    auditOpened: auditOpened
      ? {
          at: auditOpened.createdAt,
          chairName: auditOpened.actorId ? (names.get(auditOpened.actorId) ?? "") : "",
        }
      : null,
    nominations: nominations.map((row) => ({
      id: row.id,
      number: row.candidateNumber,
      nomineeName: names.get(row.nomineeId) ?? "",
      kind: known(NOMINATION_KINDS, row.kind, "sponsor"),
      state: known(NOMINATION_STATES, row.state, "nominated"),
      targetLevelId: row.targetLevelId,
      packetSubmitted: row.packets.some((packet) => packet.submittedAt !== null),
    })),
    events: events.map((event) => ({
      id: event.id,
      kind: known(PROMOTION_EVENT_KINDS, event.kind, "edit"),
      actorName: event.actorId ? (names.get(event.actorId) ?? "") : null,
      at: event.createdAt,
    })),
  };
}
