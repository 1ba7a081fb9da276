import type { Message } from "~/i18n/messages";
import { db, type Prisma } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "~/modules/errors";
import { personTimeZone } from "~/modules/time-zones.server";
import { carryOver } from "./agenda";
import {
  cadenceRefusal,
  DEFAULT_MINUTES,
  FIRST_MEETING_REFUSALS,
  firstMeeting,
  MOVE_REFUSALS,
  moveMeeting,
  nextSlot,
  slotAfterMeeting,
  type Cadence,
  type SeriesKind,
} from "./cadence";
import {
  canSeeSeries,
  canWorkInSeries,
  HOLD_REFUSALS,
  holdRefusal,
  SKIP_REFUSALS,
  skipRefusal,
  startSeriesRefusal,
  type ConversationViewer,
} from "./policy";
import { currentSeriesBetween, readSeries, seriesOf, type StoredSeries } from "./queries.server";
import * as clock from "~/platform/clock.server";
import { largest, smallest } from "~/utils/extremes";

/**
 * One-to-one and skip-level series and their meetings: setting up, changing the cadence, moving a
 * meeting, skipping one, recording it held, rolling a series on to its next meeting, and withdrawing a person's
 * meetings when they are deactivated. Every write is one transaction with its audit event, which
 * records who, when and the cadence, never what was said.
 */

type Tx = Prisma.TransactionClient;

/** A meeting whose time passed without being recorded as held gives way to the next one this long after it ended. */
export const ROLL_ON_AFTER_HOURS = 12;
const MIN_MINUTES = 15;
const MAX_MINUTES = 180;

async function auditConversation(
  tx: Tx,
  actorId: string | null,
  action: Parameters<typeof recordAuditEvent>[1]["action"],
  seriesId: string,
  detail: Prisma.InputJsonValue,
) {
  await recordAuditEvent(tx, {
    actorId,
    action,
    subjectType: "conversation",
    subjectId: seriesId,
    detail,
  });
}

export type StartSeriesInput = {
  kind: SeriesKind;
  managerId: string;
  reportId: string;
  cadence: Cadence;
  firstAt: Date;
  minutes?: number;
};

/**
 * Sets up a series between a manager (for a skip-level, the report's manager's manager) and a
 * report, with its first meeting. Either of the two may; it meets on the manager's clock, the
 * first meeting on a working day too (firstMeeting).
 */
export async function startSeries(
  viewer: ConversationViewer,
  input: StartSeriesInput,
  now = clock.now(),
): Promise<string> {
  const cadenceRefused = cadenceRefusal(input.kind, input.cadence);
  if (cadenceRefused) throw new InvalidError(cadenceRefused);
  const minutes = input.minutes ?? DEFAULT_MINUTES;
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES)
    throw new InvalidError({ key: "conversations:errors.meetingLength" });
  return db.$transaction(async (tx) => {
    const [report, manager] = await Promise.all([
      tx.user.findUnique({
        where: { id: input.reportId },
        select: {
          id: true,
          deactivatedAt: true,
          managerId: true,
          manager: { select: { managerId: true } },
        },
      }),
      tx.user.findUnique({
        where: { id: input.managerId },
        select: { id: true, deactivatedAt: true, timeZone: true },
      }),
    ]);
    if (!report || !manager || report.deactivatedAt || manager.deactivatedAt)
      throw new NotFoundError({ key: "conversations:errors.noPerson" });
    const line = { managerId: report.managerId, skipManagerId: report.manager?.managerId ?? null };
    // Anyone the pairing is not theirs to make gets the answer ids nobody has get (policy.ts).
    const refusal = startSeriesRefusal(viewer, input, line);
    if (refusal === "not-theirs") throw new NotFoundError({ key: "conversations:errors.noPerson" });
    if (refusal === "wrong-kind")
      throw new ForbiddenError({
        key:
          input.kind === "one-to-one"
            ? "conversations:errors.oneToOneBetween"
            : "conversations:errors.skipLevelBetween",
      });
    const timeZone = personTimeZone(manager.timeZone);
    // Slot 0 on the series' clock: a weekend's time chosen moves to a working day as every slot does.
    const first = firstMeeting({ anchor: input.firstAt, cadence: input.cadence, timeZone }, now);
    if (!first.ok) throw new InvalidError(FIRST_MEETING_REFUSALS[first.reason]);
    if (await currentSeriesBetween(input.kind, input.managerId, input.reportId, tx))
      throw new ConflictError({ key: "conversations:errors.seriesExists" });
    const series = await tx.conversationSeries.create({
      data: {
        kind: input.kind,
        managerId: input.managerId,
        reportId: input.reportId,
        cadence: input.cadence,
        timeZone,
        anchorAt: input.firstAt,
        minutes,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await tx.conversationMeeting.create({
      data: { seriesId: series.id, scheduledFor: first.startsAt, startsAt: first.startsAt },
    });
    await auditConversation(tx, viewer.id, "conversation.series_started", series.id, {
      kind: input.kind,
      managerId: input.managerId,
      reportId: input.reportId,
      cadence: input.cadence,
      firstAt: first.startsAt.toISOString(),
    });
    return series.id;
  });
}

const clockOf = (series: StoredSeries) => ({
  anchor: series.anchorAt,
  cadence: series.cadence,
  timeZone: series.timeZone,
});

export async function requireWork(
  viewer: ConversationViewer,
  seriesId: string,
  tx: Tx,
): Promise<StoredSeries> {
  const series = await readSeries(seriesId, tx);
  if (!canWorkInSeries(viewer, series.facts)) {
    if (!canSeeSeries(viewer, series.facts))
      throw new NotFoundError({ key: "conversations:errors.noConversation" });
    throw new ForbiddenError({ key: "conversations:errors.seriesEnded" });
  }
  return series;
}

/**
 * The series' next meeting still to come, made when there is none: after the latest meeting's
 * regular slot (or now, after a gap). A meeting whose time passed unrecorded becomes missed once
 * it ended more than ROLL_ON_AFTER_HOURS ago, and its open points move on.
 */
export async function rollOn(
  tx: Tx,
  series: StoredSeries,
  now: Date,
): Promise<{ id: string; startsAt: Date; made: boolean }> {
  const meetings = await tx.conversationMeeting.findMany({
    where: { seriesId: series.id },
    orderBy: [{ scheduledFor: "desc" }, { id: "asc" }],
    take: 2,
    select: { id: true, scheduledFor: true, startsAt: true, status: true },
  });
  const latest = meetings[0];
  if (
    latest &&
    latest.status === "upcoming" &&
    latest.startsAt.getTime() + (series.minutes + ROLL_ON_AFTER_HOURS * 60) * 60_000 > now.getTime()
  )
    return { id: latest.id, startsAt: latest.startsAt, made: false };
  const scheduledFor = latest
    ? slotAfterMeeting(clockOf(series), latest.scheduledFor, now)
    : nextSlot(series.anchorAt, series.cadence, series.timeZone, now);
  const next = await tx.conversationMeeting.create({
    data: { seriesId: series.id, scheduledFor, startsAt: scheduledFor },
    select: { id: true, startsAt: true },
  });
  if (latest) {
    if (latest.status === "upcoming")
      await tx.conversationMeeting.update({ where: { id: latest.id }, data: { status: "missed" } });
    await carryPoints(tx, latest.id, next.id);
  }
  return { ...next, made: true };
}

async function carryPoints(tx: Tx, fromMeetingId: string, toMeetingId: string) {
  const points = await tx.conversationPoint.findMany({
    where: { meetingId: fromMeetingId, status: "open" },
    select: {
      id: true,
      text: true,
      authorId: true,
      source: true,
      sourceKey: true,
      status: true,
      carried: true,
      createdAt: true,
    },
  });
  for (const { id, carried } of carryOver(
    points.map((point) => ({ ...point, source: "added" as const, status: "open" as const })),
  )) {
    await tx.conversationPoint.update({ where: { id }, data: { meetingId: toMeetingId, carried } });
  }
}

/** Every current series whose next meeting is due to be set (the notification pass calls it before planning invitations). */
export async function rollOnAll(now: Date): Promise<number> {
  // Series with no meeting still to come, nor one that began within the longest meeting and the grace: rollOn decides for each.
  const due = await db.conversationSeries.findMany({
    where: {
      endedAt: null,
      meetings: {
        none: {
          status: "upcoming",
          startsAt: {
            gt: new Date(now.getTime() - (MAX_MINUTES + ROLL_ON_AFTER_HOURS * 60) * 60_000),
          },
        },
      },
    },
    select: { id: true },
  });
  let made = 0;
  for (const { id } of due) {
    const rolled = await db.$transaction(async (tx) => {
      const series = await readSeries(id, tx);
      return series.facts.current ? (await rollOn(tx, series, now)).made : false;
    });
    if (rolled) made++;
  }
  return made;
}

/** The series' next meeting, set when due; for its page. */
export async function nextMeetingOf(
  viewer: ConversationViewer,
  seriesId: string,
  now = clock.now(),
): Promise<{ id: string; startsAt: Date } | null> {
  return db.$transaction(async (tx) => {
    const series = await readSeries(seriesId, tx);
    if (!canWorkInSeries(viewer, series.facts)) return null;
    return rollOn(tx, series, now);
  });
}

/**
 * `inSeries`: the series of the page the request came from. A meeting, point, note or action of
 * another series is not found there, though the viewer may work in both; and nothing about a record
 * (its state, that it exists) is told before the viewer's access to its series is checked.
 */
export const ofSeries = (inSeries: string | undefined) =>
  inSeries === undefined ? {} : { seriesId: inSeries };

/** A new cadence, from the next meeting's slot on. */
export async function changeCadence(
  viewer: ConversationViewer,
  seriesId: string,
  cadence: Cadence,
  now = clock.now(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const series = await requireWork(viewer, seriesId, tx);
    const refused = cadenceRefusal(series.kind, cadence);
    if (refused) throw new InvalidError(refused);
    if (cadence === series.cadence) return;
    const next = await rollOn(tx, series, now);
    const meeting = await tx.conversationMeeting.findUniqueOrThrow({
      where: { id: next.id },
      select: { scheduledFor: true },
    });
    await tx.conversationSeries.update({
      where: { id: seriesId },
      data: { cadence, anchorAt: meeting.scheduledFor },
    });
    await auditConversation(tx, viewer.id, "conversation.cadence_changed", seriesId, {
      from: series.cadence,
      to: cadence,
    });
  });
}

/** Either of the two moves a meeting still to come, before the series' next regular slot; both calendars follow. */
export async function moveMeetingTo(
  viewer: ConversationViewer,
  meetingId: string,
  to: Date,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const meeting = await tx.conversationMeeting.findFirst({
      where: { id: meetingId, ...ofSeries(inSeries) },
      select: {
        id: true,
        seriesId: true,
        scheduledFor: true,
        startsAt: true,
        movedFrom: true,
        status: true,
      },
    });
    if (!meeting) throw new NotFoundError({ key: "conversations:errors.noMeeting" });
    const series = await requireWork(viewer, meeting.seriesId, tx);
    const status =
      meeting.status === "upcoming" && meeting.startsAt.getTime() > now.getTime()
        ? "upcoming"
        : "held";
    const nextRegular = nextSlot(
      series.anchorAt,
      series.cadence,
      series.timeZone,
      meeting.scheduledFor,
    );
    const moved = moveMeeting({ startsAt: meeting.startsAt, status }, to, nextRegular, now);
    if (!moved.ok) throw new InvalidError(MOVE_REFUSALS[moved.reason]);
    // Moved-from keeps the first time it was set for, however often it moves.
    await tx.conversationMeeting.update({
      where: { id: meetingId },
      data: { startsAt: moved.startsAt, movedFrom: meeting.movedFrom ?? moved.movedFrom },
    });
    await auditConversation(tx, viewer.id, "conversation.meeting_moved", series.id, {
      meetingId,
      movedFrom: moved.movedFrom.toISOString(),
      to: moved.startsAt.toISOString(),
    });
  });
}

/** Either of the two records that a meeting took place (once its time has come): its open points move to the next meeting. */
export async function holdMeeting(
  viewer: ConversationViewer,
  meetingId: string,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const meeting = await tx.conversationMeeting.findFirst({
      where: { id: meetingId, ...ofSeries(inSeries) },
      select: { id: true, seriesId: true, scheduledFor: true, startsAt: true, status: true },
    });
    if (!meeting) throw new NotFoundError({ key: "conversations:errors.noMeeting" });
    const series = await requireWork(viewer, meeting.seriesId, tx);
    const refusal = holdRefusal(meeting, now);
    if (refusal === "held") return;
    if (refusal) throw new InvalidError(HOLD_REFUSALS[refusal]);
    await tx.conversationMeeting.update({
      where: { id: meetingId },
      data: { status: "held", heldAt: now },
    });
    if (meeting.status === "upcoming") {
      const next = await tx.conversationMeeting.findFirst({
        where: { seriesId: series.id, status: "upcoming", startsAt: { gt: meeting.startsAt } },
        select: { id: true, startsAt: true },
      });
      const slot = slotAfterMeeting(clockOf(series), meeting.scheduledFor, now);
      const target =
        next ??
        (await tx.conversationMeeting.create({
          data: { seriesId: series.id, scheduledFor: slot, startsAt: slot },
          select: { id: true },
        }));
      await carryPoints(tx, meetingId, target.id);
    }
    await auditConversation(tx, viewer.id, "conversation.meeting_held", series.id, {
      meetingId,
      at: meeting.startsAt.toISOString(),
    });
  });
}

/**
 * Either of the two skips one meeting still to come: it leaves both calendars (the next
 * notification pass sends each a CANCEL for that meeting's event), the series goes on at its next
 * regular slot, and the open points move there.
 */
export async function skipMeeting(
  viewer: ConversationViewer,
  meetingId: string,
  inSeries?: string,
  now = clock.now(),
): Promise<void> {
  await db.$transaction(async (tx) => {
    const meeting = await tx.conversationMeeting.findFirst({
      where: { id: meetingId, ...ofSeries(inSeries) },
      select: { id: true, seriesId: true, scheduledFor: true, startsAt: true, status: true },
    });
    if (!meeting) throw new NotFoundError({ key: "conversations:errors.noMeeting" });
    const series = await requireWork(viewer, meeting.seriesId, tx);
    const refusal = skipRefusal(meeting, now);
    if (refusal === "skipped") return;
    if (refusal) throw new InvalidError(SKIP_REFUSALS[refusal]);
    await tx.conversationMeeting.update({ where: { id: meetingId }, data: { status: "skipped" } });
    const later = await tx.conversationMeeting.findFirst({
      where: {
        seriesId: series.id,
        status: "upcoming",
        scheduledFor: { gt: meeting.scheduledFor },
      },
      select: { id: true },
    });
    const slot = slotAfterMeeting(clockOf(series), meeting.scheduledFor, now);
    const next =
      later ??
      (await tx.conversationMeeting.create({
        data: { seriesId: series.id, scheduledFor: slot, startsAt: slot },
        select: { id: true },
      }));
    await carryPoints(tx, meetingId, next.id);
    await auditConversation(tx, viewer.id, "conversation.meeting_skipped", series.id, {
      meetingId,
      at: meeting.startsAt.toISOString(),
    });
  });
}

/** The series a deactivation ends: the person's, not yet ended. */
const seriesOfPerson = (personId: string) => ({
  endedAt: null,
  OR: [{ managerId: personId }, { reportId: personId }],
});
/** The meetings of those series a deactivation withdraws: still to come. */
const meetingsToCome = (seriesIds: string[], now: Date) => ({
  seriesId: { in: seriesIds },
  status: "upcoming",
  startsAt: { gt: now },
});

/** How many series deactivating the person would end, and how many meetings still to come it would withdraw. */
export async function conversationsEndedBy(
  client: Pick<Tx, "conversationSeries" | "conversationMeeting">,
  personId: string,
  now: Date,
): Promise<{ series: number; meetings: number }> {
  const series = await client.conversationSeries.findMany({
    where: seriesOfPerson(personId),
    select: { id: true },
  });
  if (!series.length) return { series: 0, meetings: 0 };
  return {
    series: series.length,
    meetings: await client.conversationMeeting.count({
      where: meetingsToCome(
        series.map((row) => row.id),
        now,
      ),
    }),
  };
}

/**
 * In the deactivation's transaction (its hook in app/modules/workflows.server.ts, for the admin's
 * page and SCIM alike): the person's series end and their meetings still to come are withdrawn, so
 * the other person's calendar loses them (the next notification pass sends the cancellation); what
 * happened before stays as the other person's record. Returns how many meetings were withdrawn.
 */
export async function withdrawConversationsOf(
  tx: Tx,
  personId: string,
  now: Date,
): Promise<number> {
  const series = await tx.conversationSeries.findMany({
    where: seriesOfPerson(personId),
    select: { id: true },
  });
  if (!series.length) return 0;
  const ids = series.map((row) => row.id);
  const { count } = await tx.conversationMeeting.updateMany({
    where: meetingsToCome(ids, now),
    data: { status: "withdrawn" },
  });
  await tx.conversationSeries.updateMany({ where: { id: { in: ids } }, data: { endedAt: now } });
  return count;
}

export type Pairing = {
  value: string;
  kind: SeriesKind;
  label: Message;
  managerId: string;
  reportId: string;
};

/**
 * What the viewer may set up: a one-to-one with each direct report and with their own manager, a
 * skip-level with each person two levels down and with their manager's manager; less those that
 * already meet.
 */
export async function startOptions(viewer: ConversationViewer): Promise<Pairing[]> {
  const [me, reports, existing] = await Promise.all([
    db.user.findUnique({
      where: { id: viewer.id },
      select: {
        manager: {
          select: {
            id: true,
            name: true,
            deactivatedAt: true,
            manager: { select: { id: true, name: true, deactivatedAt: true } },
          },
        },
      },
    }),
    db.user.findMany({
      where: { managerId: viewer.id, deactivatedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: {
        id: true,
        name: true,
        reports: {
          where: { deactivatedAt: null },
          orderBy: [{ name: "asc" }, { id: "asc" }],
          select: { id: true, name: true },
        },
      },
    }),
    db.conversationSeries.findMany({
      where: { endedAt: null, OR: [{ managerId: viewer.id }, { reportId: viewer.id }] },
      select: { kind: true, managerId: true, reportId: true },
    }),
  ]);
  const taken = new Set(
    existing.map((series) => `${series.kind}:${series.managerId}:${series.reportId}`),
  );
  const options: Pairing[] = [];
  const offer = (kind: SeriesKind, managerId: string, reportId: string, label: Message) => {
    const value = `${kind}:${managerId}:${reportId}`;
    if (!taken.has(value)) options.push({ value, kind, managerId, reportId, label });
  };
  for (const report of reports)
    offer("one-to-one", viewer.id, report.id, {
      key: "conversations:pairing.withReport",
      values: { name: report.name },
    });
  const manager = me?.manager;
  if (manager && !manager.deactivatedAt)
    offer("one-to-one", manager.id, viewer.id, {
      key: "conversations:pairing.withManager",
      values: { name: manager.name },
    });
  for (const report of reports)
    for (const below of report.reports)
      offer("skip-level", viewer.id, below.id, {
        key: "conversations:pairing.skipWithReport",
        values: { name: below.name, manager: report.name },
      });
  const skip = manager?.manager;
  if (skip && !skip.deactivatedAt && skip.id !== viewer.id)
    offer("skip-level", skip.id, viewer.id, {
      key: "conversations:pairing.skipWithManager",
      values: { name: skip.name },
    });
  return options;
}

export type SeriesListItem = {
  id: string;
  kind: SeriesKind;
  otherName: string;
  role: "manager" | "report";
  cadence: Cadence;
  current: boolean;
  nextAt: Date | null;
  lastHeldAt: Date | null;
};

/** The viewer's series, current ones first, with when they next and last met. */
export async function conversationsOf(
  viewer: ConversationViewer,
  now = clock.now(),
): Promise<SeriesListItem[]> {
  const series = await seriesOf(viewer.id);
  if (!series.length) return [];
  const meetings = await db.conversationMeeting.findMany({
    where: {
      seriesId: { in: series.map((row) => row.id) },
      OR: [{ status: "held" }, { status: "upcoming", startsAt: { gt: now } }],
    },
    select: { seriesId: true, startsAt: true, status: true },
  });
  const items = series.map((row): SeriesListItem => {
    const own = meetings.filter((meeting) => meeting.seriesId === row.id);
    const held = own
      .filter((meeting) => meeting.status === "held")
      .map((meeting) => meeting.startsAt.getTime());
    const next = own
      .filter((meeting) => meeting.status === "upcoming")
      .map((meeting) => meeting.startsAt.getTime());
    const role = row.managerId === viewer.id ? "manager" : "report";
    return {
      id: row.id,
      kind: row.kind,
      role,
      otherName: role === "manager" ? row.report.name : row.manager.name,
      cadence: row.cadence,
      current: row.facts.current,
      nextAt: row.facts.current && next.length ? new Date(smallest(next)) : null,
      lastHeldAt: held.length ? new Date(largest(held)) : null,
    };
  });
  return items.sort((a, b) => Number(b.current) - Number(a.current));
}
