import { db } from "~/db/client.server";
import { isActionOverdue } from "./agenda";
import { isCadence, isOverdue, sinceInWords } from "./cadence";
import { canSeeMeetingDates, type ConversationViewer } from "./policy";
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
      createdAt: true,
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
      overdue: own ? isOverdue(isCadence(own.cadence) ? own.cadence : "monthly", lastHeldAt, own.createdAt, now) : false,
      overdueActions: own && own.managerId === viewer.id ? own.actions.filter((action) => isActionOverdue({ dueOn: action.dueOn, status: "open" }, now)).length : null,
    });
  }
  return signals;
}
