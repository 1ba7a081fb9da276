import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/identity/policy";
import { ForbiddenError } from "~/modules/errors";
import { announceSessionChange } from "./live.server";
import {
  agendaNeighbours,
  discussionTimes,
  DISCUSS_EVENT,
  NOTES_EVENT,
  type DiscussionMarker,
} from "./meeting-mode";
import { canRunMeeting, type SessionAccess } from "./policy";
import { baseFor } from "./session-view.server";
import { requireEntry, requireSessionAccess } from "./sessions.server";
import * as clock from "~/platform/clock.server";

/**
 * Meeting mode (decision 043): the facilitator steps through the agenda one entry at a time; each
 * step is a "discuss" event, written with the server's clock, and the time per entry is read from
 * them; discussion notes are a field per entry, each saved version a "notes" event. Every step
 * reaches the other calibrators through the session's live updates.
 */

function requireMeetingRight(
  viewer: Viewer,
  session: { facilitatorId: string; access: SessionAccess },
): void {
  if (!canRunMeeting(viewer, session.access)) {
    throw new ForbiddenError({
      key:
        viewer.id === session.facilitatorId
          ? "calibration:errors.meetingWhileLive"
          : "calibration:errors.facilitatorRunsMeeting",
    });
  }
}

/** The meeting's steps, oldest first: each entry opened, the discussion ended, and the session locked (which ends it too). */
async function meetingSteps(sessionId: string): Promise<DiscussionMarker[]> {
  const steps = await db.calibrationEvent.findMany({
    where: { sessionId, kind: { in: [DISCUSS_EVENT, "state"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { kind: true, entryId: true, createdAt: true, change: true },
  });
  return steps.flatMap((step) => {
    if (step.kind === DISCUSS_EVENT) return [{ at: step.createdAt, entryId: step.entryId }];
    const to = (JSON.parse(step.change) as { state?: [unknown, unknown] }).state?.[1];
    return to === "locked" ? [{ at: step.createdAt, entryId: null }] : [];
  });
}

/** The entry's discussion notes as last saved ("" when none). */
async function notesOf(entryId: string): Promise<string> {
  const last = await db.calibrationEvent.findFirst({
    where: { entryId, kind: NOTES_EVENT },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { change: true },
  });
  const notes = last
    ? (JSON.parse(last.change) as { meetingNotes?: [unknown, unknown] }).meetingNotes?.[1]
    : null;
  return typeof notes === "string" ? notes : "";
}

/**
 * Meeting mode as the viewer sees it: the entry under discussion (unless it is one the viewer may
 * not open: then only that one is), its notes, the entries before and after it on the viewer's
 * agenda, and the time spent on each entry the viewer may open, with their total.
 */
export async function meetingView(
  viewer: Viewer,
  sessionId: string,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const session = await requireSessionAccess(viewer, sessionId);
  const [base, steps] = await Promise.all([
    baseFor(viewer, session, language),
    meetingSteps(session.id),
  ]);
  const times = discussionTimes(steps, now);
  const agenda = base.entries;
  const byId = new Map(agenda.map((entry) => [entry.id, entry]));
  const currentId = times.current?.entryId ?? null;
  const current = currentId ? (byId.get(currentId) ?? null) : null;
  // With nothing open, the meeting goes on after the entry last opened (or starts at the top).
  const lastOpened =
    [...steps].reverse().find((step) => step.entryId !== null && byId.has(step.entryId))?.entryId ??
    null;
  const around = agendaNeighbours(agenda, current?.id ?? lastOpened);
  const discussed = agenda.flatMap((entry) => {
    const ms = times.perEntry.get(entry.id);
    return ms === undefined
      ? []
      : [{ id: entry.id, name: entry.name, ms, open: entry.id === currentId }];
  });
  const totalMs = discussed.reduce((sum, entry) => sum + entry.ms, 0);
  const pick = (entry: (typeof agenda)[number] | null) =>
    entry ? { id: entry.id, name: entry.name } : null;
  return {
    session: {
      id: session.id,
      name: session.name,
      state: session.state,
      secondDimension: session.secondDimension,
    },
    canRun: canRunMeeting(viewer, session.access),
    agendaLength: agenda.length,
    current: current
      ? {
          id: current.id,
          name: current.name,
          manager: current.manager,
          place: current.place,
          flags: current.flags,
          proposal: current.proposal,
          final: current.final,
          position: around.position,
          ms: times.perEntry.get(current.id) ?? 0,
          since: times.current!.since.toISOString(),
          notes: await notesOf(current.id),
        }
      : null,
    /** An entry the viewer may not open is being discussed (their own, or a manager's of theirs). */
    discussingWithheld: currentId !== null && current === null,
    previous: current ? pick(around.previous) : null,
    next: current ? pick(around.next) : lastOpened ? pick(around.next) : pick(agenda[0] ?? null),
    resuming: current === null && lastOpened !== null,
    discussed,
    totalMs,
  };
}

/** The facilitator opens an entry of the agenda (the one open before is left): a "discuss" event; nothing when it already is open. */
export async function openInMeeting(
  viewer: Viewer,
  sessionId: string,
  entryId: string,
): Promise<{ unchanged: boolean }> {
  const { entry, session } = await requireEntry(viewer, entryId, sessionId);
  requireMeetingRight(viewer, session);
  const last = await db.calibrationEvent.findFirst({
    where: { sessionId, kind: DISCUSS_EVENT },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { entryId: true },
  });
  if (last?.entryId === entry.id) return { unchanged: true };
  await db.calibrationEvent.create({
    data: {
      sessionId,
      entryId: entry.id,
      actorId: viewer.id,
      kind: DISCUSS_EVENT,
      change: JSON.stringify({ discussion: [null, "opened"] }),
    },
  });
  await announceSessionChange(sessionId);
  return { unchanged: false };
}

/** The facilitator ends the discussion (the clock of the entry open stops); nothing when none is open. */
export async function endMeeting(
  viewer: Viewer,
  sessionId: string,
): Promise<{ unchanged: boolean }> {
  const session = await requireSessionAccess(viewer, sessionId);
  requireMeetingRight(viewer, session);
  const last = await db.calibrationEvent.findFirst({
    where: { sessionId, kind: DISCUSS_EVENT },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { entryId: true },
  });
  if (!last?.entryId) return { unchanged: true };
  await db.calibrationEvent.create({
    data: {
      sessionId,
      entryId: null,
      actorId: viewer.id,
      kind: DISCUSS_EVENT,
      change: JSON.stringify({ discussion: [null, "ended"] }),
    },
  });
  await announceSessionChange(sessionId);
  return { unchanged: false };
}

/** The facilitator's discussion notes on an entry, as they type (autosaved) or save: each version that changes them is a "notes" event of the entry's history. */
export async function saveMeetingNotes(
  viewer: Viewer,
  sessionId: string,
  entryId: string,
  notes: string,
): Promise<{ savedAt: string; unchanged: boolean }> {
  const { entry, session } = await requireEntry(viewer, entryId, sessionId);
  requireMeetingRight(viewer, session);
  const before = await notesOf(entry.id);
  if (before === notes) return { savedAt: clock.now().toISOString(), unchanged: true };
  const event = await db.calibrationEvent.create({
    data: {
      sessionId,
      entryId: entry.id,
      actorId: viewer.id,
      kind: NOTES_EVENT,
      change: JSON.stringify({ meetingNotes: [before || null, notes || null] }),
    },
    select: { createdAt: true },
  });
  await announceSessionChange(sessionId);
  return { savedAt: event.createdAt.toISOString(), unchanged: false };
}
