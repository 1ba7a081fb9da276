import { db } from "~/db/client.server";
import { isActionOverdue } from "./agenda";
import { isCadence, isOverdue, sinceInWords } from "./cadence";
import { canSeeMeetingDates, type ConversationViewer } from "./policy";
import type { PulseSummary } from "./pulse";
import { managerPulse } from "./pulse.server";
import { isCurrent } from "./queries.server";

/**
 * What the team page says about one-to-ones, without content: for each person, when their last
 * one-to-one with their manager was held and whether it is overdue (more than twice the cadence),
 * for anyone above them in the chain; how many of the series' actions are past their due day, for
 * the manager of the series alone (one of its two people).
 */
export type ConversationSignal = { personId: string; lastHeldAt: Date | null; lastHeldText: string; overdue: boolean; hasSeries: boolean; overdueActions: number | null };

export async function conversationSignals(viewer: ConversationViewer, people: readonly { id: string; chain: readonly string[] }[], now = new Date()): Promise<Map<string, ConversationSignal>> {
  const visible = people.filter((person) => canSeeMeetingDates(viewer, { managerId: person.chain[0] ?? "", reportId: person.id }, person.chain));
  if (!visible.length) return new Map();
  const series = await db.conversationSeries.findMany({
    where: { kind: "one-to-one", endedAt: null, reportId: { in: visible.map((person) => person.id) } },
    select: {
      id: true,
      kind: true,
      managerId: true,
      reportId: true,
      cadence: true,
      anchorAt: true,
      endedAt: true,
      manager: { select: { deactivatedAt: true } },
      report: { select: { deactivatedAt: true, managerId: true, manager: { select: { managerId: true } } } },
      meetings: { where: { status: "held" }, orderBy: { startsAt: "desc" }, take: 1, select: { startsAt: true } },
      actions: { where: { status: "open", dueOn: { not: null } }, select: { dueOn: true, status: true } },
    },
  });
  const signals = new Map<string, ConversationSignal>();
  for (const person of visible) {
    const own = series.find((row) => row.reportId === person.id && isCurrent(row));
    const lastHeldAt = own?.meetings[0]?.startsAt ?? null;
    signals.set(person.id, {
      personId: person.id,
      lastHeldAt,
      lastHeldText: sinceInWords(lastHeldAt, now),
      hasSeries: own !== undefined,
      // With none held yet, counted from the first regular slot: a series set up ahead is not overdue before it begins.
      overdue: own ? isOverdue(isCadence(own.cadence) ? own.cadence : "monthly", lastHeldAt, own.anchorAt, now) : false,
      overdueActions: own && own.managerId === viewer.id ? own.actions.filter((action) => isActionOverdue({ dueOn: action.dueOn, status: "open" }, now)).length : null,
    });
  }
  return signals;
}

export type TeamConversations = {
  /** Direct reports, each with when they last met the viewer. */
  reports: (Omit<ConversationSignal, "lastHeldAt"> & { name: string })[];
  /**
   * Two levels down, by their manager (through): only who has no one-to-ones set up, or whose
   * last one is overdue. A manager of managers may have hundreds below; the page names them in one
   * line per manager.
   */
  below: { managerId: string; through: string; notSetUp: string[]; overdue: { name: string; lastHeldText: string }[] }[];
  /** The pulse on the viewer's one-to-ones, as their reports answered it, or null when nobody was asked. */
  pulse: PulseSummary | null;
};

/**
 * The team page's one-to-ones: each direct report with when they last met the viewer, and who two
 * levels down has no one-to-ones with their own manager or is overdue (dates only, as the chain may
 * know them), the viewer's own series' overdue actions (counted, never named), and the pulse as an
 * average.
 */
export async function teamConversations(viewer: ConversationViewer, now = new Date()): Promise<TeamConversations> {
  const reports = await db.user.findMany({
    where: { managerId: viewer.id, deactivatedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, reports: { where: { deactivatedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } } },
  });
  if (!reports.length) return { reports: [], below: [], pulse: null };
  const people = [
    ...reports.map((report) => ({ id: report.id, chain: [viewer.id] })),
    ...reports.flatMap((report) => report.reports.map((below) => ({ id: below.id, chain: [report.id, viewer.id] }))),
  ];
  const [signals, pulse] = await Promise.all([conversationSignals(viewer, people, now), managerPulse(viewer, viewer.id, now)]);
  return {
    reports: reports.flatMap((report) => {
      const signal = signals.get(report.id);
      if (!signal) return [];
      const { lastHeldAt: _lastHeldAt, ...shown } = signal;
      return [{ ...shown, name: report.name }];
    }),
    below: reports.flatMap((report) => {
      const notSetUp: string[] = [];
      const overdue: { name: string; lastHeldText: string }[] = [];
      for (const person of report.reports) {
        const signal = signals.get(person.id);
        if (!signal) continue;
        if (!signal.hasSeries) notSetUp.push(person.name);
        else if (signal.overdue) overdue.push({ name: person.name, lastHeldText: signal.lastHeldText });
      }
      return notSetUp.length || overdue.length ? [{ managerId: report.id, through: report.name, notSetUp, overdue }] : [];
    }),
    pulse: pulse.n ? pulse : null,
  };
}
