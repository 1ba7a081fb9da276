import { db, type Prisma } from "~/db/client.server";
import { isActionOverdue } from "./agenda";
import { isCadence, isOverdue, sinceInWords } from "./cadence";
import { canSeeMeetingDates, type ConversationViewer } from "./policy";
import type { PulseSummary } from "./pulse";
import { managerPulse } from "./pulse.server";
import { isCurrent } from "./queries.server";
import { compareText } from "~/utils/compare";
import { oneToOnesCard, type OneToOnesCard } from "./team-card";
import * as clock from "~/platform/clock.server";

/**
 * What the team page says about one-to-ones, without content: for each person, when their last
 * one-to-one with their manager was held and whether it is overdue (more than twice the cadence),
 * for anyone above them in the chain; how many of the series' actions are past their due day, for
 * the manager of the series alone (one of its two people).
 */
export type ConversationSignal = {
  personId: string;
  lastHeldAt: Date | null;
  lastHeldText: string;
  overdue: boolean;
  hasSeries: boolean;
  overdueActions: number | null;
};

/**
 * `reports` says where the series' reports are when the caller knows a shorter way than the people's
 * ids (the team page: one or two levels below the viewer; a list of a thousand ids cost SQLite ten
 * times the relation's filter). Only the people given get a signal either way.
 */
export async function conversationSignals(
  viewer: ConversationViewer,
  people: readonly { id: string; chain: readonly string[] }[],
  now = clock.now(),
  reports?: Prisma.UserWhereInput,
): Promise<Map<string, ConversationSignal>> {
  const visible = people.filter((person) =>
    canSeeMeetingDates(
      viewer,
      { managerId: person.chain[0] ?? "", reportId: person.id },
      person.chain,
    ),
  );
  if (!visible.length) return new Map();
  const series = await db.conversationSeries.findMany({
    where: {
      kind: "one-to-one",
      endedAt: null,
      ...(reports ? { report: reports } : { reportId: { in: visible.map((person) => person.id) } }),
    },
    select: {
      id: true,
      kind: true,
      managerId: true,
      reportId: true,
      cadence: true,
      anchorAt: true,
      endedAt: true,
      manager: { select: { deactivatedAt: true } },
      report: {
        select: { deactivatedAt: true, managerId: true, manager: { select: { managerId: true } } },
      },
      meetings: {
        where: { status: "held" },
        orderBy: { startsAt: "desc" },
        take: 1,
        select: { startsAt: true },
      },
      actions: {
        where: { status: "open", dueOn: { not: null } },
        select: { dueOn: true, status: true },
      },
    },
  });
  const currentOf = new Map<string, (typeof series)[number]>();
  for (const row of series)
    if (!currentOf.has(row.reportId) && isCurrent(row)) currentOf.set(row.reportId, row);
  const signals = new Map<string, ConversationSignal>();
  for (const person of visible) {
    const own = currentOf.get(person.id);
    const lastHeldAt = own?.meetings[0]?.startsAt ?? null;
    signals.set(person.id, {
      personId: person.id,
      lastHeldAt,
      lastHeldText: sinceInWords(lastHeldAt, now),
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
    });
  }
  return signals;
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
  // Two flat reads, not a nested one: Prisma's nested read listed the direct reports' ids and sorted everyone below them in the database (6 ms for 1,200 people on SQLite against 2).
  const [reports, belowThem] = await Promise.all([
    db.user.findMany({
      where: { managerId: viewer.id, deactivatedAt: null },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.user.findMany({
      where: { deactivatedAt: null, manager: { managerId: viewer.id, deactivatedAt: null } },
      select: { id: true, name: true, managerId: true },
    }),
  ]);
  if (!reports.length) return { ...oneToOnesCard([], [], all), pulse: null };
  const byManager = new Map<string, { id: string; name: string }[]>();
  for (const person of belowThem.sort(
    (a, b) => compareText(a.name, b.name) || compareText(a.id, b.id),
  )) {
    const list = byManager.get(person.managerId!) ?? [];
    list.push(person);
    byManager.set(person.managerId!, list);
  }
  const people = [
    ...reports.map((report) => ({ id: report.id, chain: [viewer.id] })),
    ...reports.flatMap((report) =>
      (byManager.get(report.id) ?? []).map((below) => ({
        id: below.id,
        chain: [report.id, viewer.id],
      })),
    ),
  ];
  const inLine = { OR: [{ managerId: viewer.id }, { manager: { managerId: viewer.id } }] };
  const [signals, pulse] = await Promise.all([
    conversationSignals(viewer, people, now, inLine),
    managerPulse(viewer, viewer.id, now),
  ]);
  const lines = reports.flatMap((report) => {
    const signal = signals.get(report.id);
    return signal ? [{ ...signal, name: report.name }] : [];
  });
  const below = reports.flatMap((report) => {
    const notSetUp: string[] = [];
    const overdue: { name: string; lastHeldText: string }[] = [];
    for (const person of byManager.get(report.id) ?? []) {
      const signal = signals.get(person.id);
      if (!signal) continue;
      if (!signal.hasSeries) notSetUp.push(person.name);
      else if (signal.overdue)
        overdue.push({ name: person.name, lastHeldText: signal.lastHeldText });
    }
    return notSetUp.length || overdue.length
      ? [{ managerId: report.id, through: report.name, notSetUp, overdue }]
      : [];
  });
  return {
    ...oneToOnesCard(lines, below, all),
    // Whether anyone answered yet is not the manager's to know: the line is there for every manager.
    pulse,
  };
}
