import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate } from "~/db/rows";
import { NotFoundError } from "~/modules/errors";
import { isCadence, type Cadence, type SeriesKind } from "./cadence";
import { seriesHolds, type SeriesFacts } from "./policy";

/**
 * The reads of career conversations through Prisma's API: a series with the facts its rules need,
 * and the few cross-workflow reads (calendar invitations, the to-do list, the team page), each
 * one statement.
 */

const seriesSelect = {
  id: true,
  kind: true,
  managerId: true,
  reportId: true,
  cadence: true,
  timeZone: true,
  anchorAt: true,
  minutes: true,
  endedAt: true,
  createdAt: true,
  manager: { select: { id: true, name: true, timeZone: true, deactivatedAt: true } },
  report: {
    select: {
      id: true,
      name: true,
      timeZone: true,
      deactivatedAt: true,
      managerId: true,
      manager: { select: { managerId: true } },
    },
  },
} satisfies Prisma.ConversationSeriesSelect;

type SeriesRow = Prisma.ConversationSeriesGetPayload<{ select: typeof seriesSelect }>;

export type StoredSeries = Omit<SeriesRow, "kind" | "cadence"> & {
  kind: SeriesKind;
  cadence: Cadence;
  facts: SeriesFacts;
};

const kindOf = (kind: string): SeriesKind => (kind === "skip-level" ? "skip-level" : "one-to-one");

/** Whether the series still meets: not ended, both people active, the reporting line it was set up for unchanged. */
export function isCurrent(row: {
  kind: string;
  managerId: string;
  endedAt: Date | null;
  manager: { deactivatedAt: Date | null };
  report: {
    deactivatedAt: Date | null;
    managerId: string | null;
    manager: { managerId: string | null } | null;
  };
}): boolean {
  if (row.endedAt || row.manager.deactivatedAt || row.report.deactivatedAt) return false;
  return seriesHolds(kindOf(row.kind), row.managerId, {
    managerId: row.report.managerId,
    skipManagerId: row.report.manager?.managerId ?? null,
  });
}

function stored(row: SeriesRow): StoredSeries {
  const kind = kindOf(row.kind);
  return {
    ...row,
    kind,
    cadence: isCadence(row.cadence) ? row.cadence : "monthly",
    facts: { kind, managerId: row.managerId, reportId: row.reportId, current: isCurrent(row) },
  };
}

/** A series with its two people and whether it is current; NotFoundError when there is none. */
export async function readSeries(
  seriesId: string,
  client: Pick<Prisma.TransactionClient, "conversationSeries"> = db,
): Promise<StoredSeries> {
  const row = await client.conversationSeries.findUnique({
    where: { id: seriesId },
    select: seriesSelect,
  });
  if (!row) throw new NotFoundError({ key: "conversations:errors.noConversation" });
  return stored(row);
}

/** The series a person is one of the two people of (current ones and their record), newest first. */
export async function seriesOf(personId: string): Promise<StoredSeries[]> {
  const rows = await db.conversationSeries.findMany({
    where: { OR: [{ managerId: personId }, { reportId: personId }] },
    select: seriesSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return rows.map(stored);
}

/** The current series of a kind between two people, if one is set up. */
export async function currentSeriesBetween(
  kind: SeriesKind,
  managerId: string,
  reportId: string,
  client: Pick<Prisma.TransactionClient, "conversationSeries"> = db,
): Promise<StoredSeries | null> {
  const rows = await client.conversationSeries.findMany({
    where: { kind, managerId, reportId, endedAt: null },
    select: seriesSelect,
  });
  return rows.map(stored).find((series) => series.facts.current) ?? null;
}

/**
 * Meetings still to come of current series, with both people: what calendar invitations are sent
 * for (app/modules/notifications). A series whose line changed or whose person left drops out, and
 * its people's invitations are cancelled.
 */
export async function upcomingConversations(now: Date) {
  const meetings = await db.conversationMeeting.findMany({
    where: { status: "upcoming", startsAt: { gt: now }, series: { endedAt: null } },
    select: { id: true, startsAt: true, series: { select: seriesSelect } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
  });
  return meetings
    .filter((meeting) => isCurrent(meeting.series))
    .map((meeting) => ({
      meetingId: meeting.id,
      seriesId: meeting.series.id,
      kind: kindOf(meeting.series.kind),
      startsAt: meeting.startsAt,
      minutes: meeting.series.minutes,
      manager: { id: meeting.series.managerId, name: meeting.series.manager.name },
      report: { id: meeting.series.reportId, name: meeting.series.report.name },
    }));
}

/**
 * The open actions of series not ended that the person is in, soonest due first, in one statement
 * (and the to-do list's probe): whether each series is still current is decided from its row.
 */
export function openActionsRead(personId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, a."ownerId", a."dueOn", a."seriesId"
    FROM "ConversationAction" a JOIN "ConversationSeries" s ON s.id = a."seriesId"
    WHERE a.status = 'open' AND s."endedAt" IS NULL AND (s."managerId" = ${personId} OR s."reportId" = ${personId})
    ORDER BY a."dueOn", a.id`;
}

const openActionRow = z.object({
  id: z.string(),
  ownerId: z.string(),
  dueOn: sqlDate.nullable(),
  seriesId: z.string(),
});

/**
 * Open actions of the person's current series (for both people's to-do lists), with the other
 * person's name. A series that ended or whose line changed is a record: its actions leave the lists.
 * One statement for someone with no open action (most people, most days); one more otherwise.
 */
export async function openActionsFor(personId: string) {
  const actions = parseRows(openActionRow, await readRows(openActionsRead(personId)));
  if (!actions.length) return [];
  const series = new Map(
    (
      await db.conversationSeries.findMany({
        where: { id: { in: [...new Set(actions.map((action) => action.seriesId))] } },
        select: seriesSelect,
      })
    ).map((row) => [row.id, row]),
  );
  return actions.flatMap((action) => {
    const row = series.get(action.seriesId);
    if (!row || !isCurrent(row)) return [];
    return [
      {
        actionId: action.id,
        seriesId: row.id,
        kind: kindOf(row.kind),
        mine: action.ownerId === personId,
        otherName: row.managerId === personId ? row.report.name : row.manager.name,
        dueOn: action.dueOn,
      },
    ];
  });
}
