import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlDate, sqlInt } from "~/db/rows";
import { isActionOverdue } from "./agenda";
import { isCadence, isOverdue, sinceLastHeld, type SinceLastHeld } from "./cadence";
import { canSeeMeetingDates, type ConversationViewer } from "./policy";
import type { PulseSummary } from "./pulse";
import { managerPulse } from "./pulse.server";
import { isCurrent } from "./queries.server";
import { compareText } from "~/utils/compare";
import { belowShown, cardOf, oneToOnesCard, type OneToOnesCard } from "./team-card";
import * as clock from "~/platform/clock.server";
import { ViewCache } from "~/platform/view-cache.server";
import { peopleChangedAt } from "~/modules/people/queries.server";

/**
 * What the team page says about one-to-ones, without content: for each person, when their last
 * one-to-one with their manager was held and whether it is overdue (more than twice the cadence),
 * for anyone above them in the chain; how many of the series' actions are past their due day, for
 * the manager of the series alone (one of its two people).
 */
export type ConversationSignal = {
  personId: string;
  lastHeldAt: Date | null;
  lastHeld: SinceLastHeld;
  overdue: boolean;
  hasSeries: boolean;
  overdueActions: number | null;
};

/** Only the people given get a signal: their series are found by their ids. */
export async function conversationSignals(
  viewer: ConversationViewer,
  people: readonly { id: string; chain: readonly string[] }[],
  now = clock.now(),
): Promise<Map<string, ConversationSignal>> {
  const visible = people.filter((person) =>
    canSeeMeetingDates(
      viewer,
      { managerId: person.chain[0] ?? "", reportId: person.id },
      person.chain,
    ),
  );
  if (!visible.length) return new Map();
  const currentOf = await currentSeries(Prisma.join(visible.map((person) => person.id)));
  const signals = new Map<string, ConversationSignal>();
  for (const person of visible)
    signals.set(person.id, signalOf(viewer, person.id, currentOf.get(person.id), now));
  return signals;
}

const seriesRow = z.object({
  id: z.string(),
  kind: z.string(),
  managerId: z.string(),
  reportId: z.string(),
  cadence: z.string(),
  anchorAt: sqlDate,
  managerDeactivatedAt: sqlDate.nullable(),
  reportDeactivatedAt: sqlDate.nullable(),
  reportManagerId: z.string().nullable(),
  skipManagerId: z.string().nullable(),
  lastHeldAt: sqlDate.nullable(),
});
const openActionRow = z.object({ seriesId: z.string(), dueOn: sqlDate });

/**
 * Each report's current one-to-one series, by report, for the reports `reportIds` lists (a list of
 * ids, or a statement that selects them): with both people and the report's line, the last meeting
 * held and the open actions that have a due day, in two statements, where Prisma's nested selects
 * sent six (four reading nothing for a manager without one-to-ones).
 */
async function currentSeries(reportIds: Prisma.Sql): Promise<Map<string, CurrentSeries>> {
  const open = Prisma.sql`s.kind = 'one-to-one' AND s."endedAt" IS NULL AND s."reportId" IN (${reportIds})`;
  const [series, actions] = await Promise.all([
    readRows`
      SELECT s.id, s.kind, s."managerId", s."reportId", s.cadence, s."anchorAt",
        m."deactivatedAt" AS "managerDeactivatedAt", r."deactivatedAt" AS "reportDeactivatedAt",
        r."managerId" AS "reportManagerId", rm."managerId" AS "skipManagerId",
        (SELECT MAX(h."startsAt") FROM "ConversationMeeting" h
          WHERE h."seriesId" = s.id AND h.status = 'held') AS "lastHeldAt"
      FROM "ConversationSeries" s JOIN "User" m ON m.id = s."managerId"
        JOIN "User" r ON r.id = s."reportId" LEFT JOIN "User" rm ON rm.id = r."managerId"
      WHERE ${open}
      ORDER BY s.id`,
    readRows`
      SELECT a."seriesId", a."dueOn"
      FROM "ConversationAction" a JOIN "ConversationSeries" s ON s.id = a."seriesId"
      WHERE a.status = 'open' AND a."dueOn" IS NOT NULL AND ${open}`,
  ]);
  // By series once: a VP's line holds thousands of series and their actions.
  const actionsOf = new Map<string, { dueOn: Date }[]>();
  for (const action of parseRows(openActionRow, actions)) {
    const of = actionsOf.get(action.seriesId);
    if (of) of.push(action);
    else actionsOf.set(action.seriesId, [action]);
  }
  const currentOf = new Map<string, CurrentSeries>();
  for (const row of parseRows(seriesRow, series)) {
    const current = isCurrent({
      kind: row.kind,
      managerId: row.managerId,
      endedAt: null,
      manager: { deactivatedAt: row.managerDeactivatedAt },
      report: {
        deactivatedAt: row.reportDeactivatedAt,
        managerId: row.reportManagerId,
        manager: row.reportManagerId === null ? null : { managerId: row.skipManagerId },
      },
    });
    if (currentOf.has(row.reportId) || !current) continue;
    currentOf.set(row.reportId, {
      managerId: row.managerId,
      cadence: row.cadence,
      anchorAt: row.anchorAt,
      reportManagerId: row.reportManagerId,
      lastHeldAt: row.lastHeldAt,
      actions: actionsOf.get(row.id) ?? [],
    });
  }
  return currentOf;
}

type CurrentSeries = {
  managerId: string;
  cadence: string;
  anchorAt: Date;
  reportManagerId: string | null;
  lastHeldAt: Date | null;
  actions: { dueOn: Date }[];
};

/** One person's signal from their current series, if any (the viewer may see their meeting dates). */
function signalOf(
  viewer: ConversationViewer,
  personId: string,
  own: CurrentSeries | undefined,
  now: Date,
): ConversationSignal {
  const lastHeldAt = own?.lastHeldAt ?? null;
  return {
    personId,
    lastHeldAt,
    lastHeld: sinceLastHeld(lastHeldAt, now),
    hasSeries: own !== undefined,
    // With none held yet, counted from the first regular slot: a series set up ahead is not overdue before it begins.
    overdue: own
      ? isOverdue(isCadence(own.cadence) ? own.cadence : "monthly", lastHeldAt, own.anchorAt, now)
      : false,
    overdueActions:
      own && own.managerId === viewer.id
        ? own.actions.filter((action) =>
            isActionOverdue({ dueOn: action.dueOn, status: "open" }, now),
          ).length
        : null,
  };
}

const reportRow = z.object({ id: z.string(), name: z.string(), below: sqlInt });

/**
 * A manager's active reports by name, each with how many active reports of their own they have:
 * kept per manager until anyone in the organisation changes (a move, a name, a leaver each write
 * the person's row), as the team overview keeps its counts (decision 049). A VP's 794 reports at
 * 200,000 people cost PostgreSQL 5 to 6 ms and the app 1.5 to 2.4 a request to count again.
 */
const directReports = new ViewCache<z.infer<typeof reportRow>[]>({
  entries: 256,
  maxAgeMs: 10 * 60 * 1000,
});

async function directReportsCounted(managerId: string) {
  const changedAt = await peopleChangedAt();
  return directReports.get(JSON.stringify([managerId, changedAt]), () =>
    readDirectReports(managerId),
  );
}

async function readDirectReports(managerId: string) {
  return parseRows(
    reportRow,
    await readRows`
    SELECT m.id, m.name,
      (SELECT COUNT(*) FROM "User" u WHERE u."managerId" = m.id AND u."deactivatedAt" IS NULL) AS "below"
    FROM "User" m
    WHERE m."managerId" = ${managerId} AND m."deactivatedAt" IS NULL
    ORDER BY m.name, m.id`,
  );
}

export type TeamConversations = OneToOnesCard & {
  /** The pulse on the viewer's one-to-ones, as their reports answered it, or null when they have no reports. */
  pulse: PulseSummary | null;
};

/**
 * The team page's one-to-ones: each direct report with when they last met the viewer, and who two
 * levels down has no one-to-ones with their own manager or is overdue (dates only, as the chain may
 * know them), the viewer's own series' overdue actions (counted, never named), and the pulse as an
 * average; those who most need a one-to-one first, the rest counted unless `all` (team-card.ts).
 */
export async function teamConversations(
  viewer: ConversationViewer,
  all: boolean,
  now = clock.now(),
): Promise<TeamConversations> {
  // Two levels down is counted per manager in the database (a VP's is most of the organisation),
  // with the direct reports in one raw read: at 200,000 people a VP's 794 reports and their counts
  // cost Prisma's result mapping about 5 ms of CPU as two reads, 1.5 to 2.4 as this one. Names are
  // read only for the lines the card shows. Everyone there is below the viewer, so the viewer is in each one's
  // chain as canSeeMeetingDates asks.
  const [reports, currentOf] = await Promise.all([
    directReportsCounted(viewer.id),
    currentSeries(Prisma.sql`
      SELECT u.id FROM "User" u WHERE u."managerId" = ${viewer.id}
      UNION ALL
      SELECT u.id FROM "User" u JOIN "User" d ON d.id = u."managerId" WHERE d."managerId" = ${viewer.id}`),
  ]);
  if (!reports.length) return { ...oneToOnesCard([], [], all), pulse: null };
  const signalFor = (id: string, chain: string[]) =>
    canSeeMeetingDates(viewer, { managerId: chain[0]!, reportId: id }, chain)
      ? signalOf(viewer, id, currentOf.get(id), now)
      : null;
  const lines = reports.flatMap((report) => {
    const signal = signalFor(report.id, [viewer.id]);
    return signal ? [{ ...signal, name: report.name }] : [];
  });
  // Per manager below: everyone counted, less those with a current series, whose signals say
  // whether they are overdue.
  const people = new Map(reports.map((report) => [report.id, report.below]));
  const withSeries = new Map<string, { series: number; overdue: number }>();
  for (const [personId, series] of currentOf) {
    const managerId = series.reportManagerId;
    if (managerId === null || !people.has(managerId)) continue;
    const signal = signalFor(personId, [managerId, viewer.id]);
    if (!signal) continue;
    const counted = withSeries.get(managerId) ?? { series: 0, overdue: 0 };
    counted.series += 1;
    if (signal.overdue) counted.overdue += 1;
    withSeries.set(managerId, counted);
  }
  const counts = reports.flatMap((report) => {
    const counted = withSeries.get(report.id) ?? { series: 0, overdue: 0 };
    const notSetUp = (people.get(report.id) ?? 0) - counted.series;
    return notSetUp || counted.overdue
      ? [{ managerId: report.id, through: report.name, notSetUp, overdue: counted.overdue }]
      : [];
  });
  const { shown, moreBelow } = belowShown(counts, (line) => line.notSetUp + line.overdue, all);
  const [named, pulse] = await Promise.all([
    shown.length
      ? db.user.findMany({
          where: { managerId: { in: shown.map((line) => line.managerId) }, deactivatedAt: null },
          select: { id: true, name: true, managerId: true },
        })
      : [],
    managerPulse(viewer, viewer.id, now),
  ]);
  const shownBelow = shown.map(({ managerId, through }) => ({
    managerId,
    through,
    notSetUp: [] as string[],
    overdue: [] as { name: string; lastHeld: SinceLastHeld }[],
  }));
  const lineOf = new Map(shownBelow.map((line) => [line.managerId, line]));
  for (const person of named.sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id),
  )) {
    const signal = signalFor(person.id, [person.managerId!, viewer.id]);
    const line = lineOf.get(person.managerId!);
    if (!signal || !line) continue;
    if (!signal.hasSeries) line.notSetUp.push(person.name);
    else if (signal.overdue) line.overdue.push({ name: person.name, lastHeld: signal.lastHeld });
  }
  return {
    ...cardOf(lines, shownBelow, moreBelow, all),
    // Whether anyone answered yet is not the manager's to know: the line is there for every manager.
    pulse,
  };
}
