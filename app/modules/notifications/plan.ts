import { daysLeft } from "~/modules/days";
import { instantFromLocal, localTime } from "~/modules/time-zones";
import type { TodoItem } from "~/modules/todo/todo";
import { MESSAGE_KINDS, wants, type MessageKind, type Preferences } from "./preferences";
import { smallest } from "~/utils/extremes";

/**
 * Which messages a person is owed now, from their to-do list (app/modules/todo, the one
 * module that decides what a person owes) and their choices: pure. Every message has a
 * key naming the person, the item and the kind, so whatever the number of passes and app
 * servers, the outbox holds it once (its key is unique). A nudge the person does not want
 * is recorded as skipped, so turning it back on later does not bring up old news. What one
 * pass owes a person goes as one email (passSections).
 */

/** The digest goes out from 09:00 on the person's own clock. */
export const DIGEST_HOUR = 9;
/** "Due soon" means due within this many days (daysLeft 0, 1 or 2). */
export const DUE_SOON_DAYS = 2;

export type PlannedMessage = {
  key: string;
  kind: MessageKind;
  items: TodoItem[];
  status: "queued" | "skipped";
};

export type PlanInput = {
  personId: string;
  preferences: Preferences;
  /** The person's time zone, or the organisation's when they named none. */
  timeZone: string;
  items: TodoItem[];
  /** The keys the outbox already holds for this person. */
  known: ReadonlySet<string>;
  now: Date;
};

function dueDay(item: TodoItem): string {
  return item.due ? item.due.toISOString().slice(0, 10) : "none";
}

/** Items with a due date first, soonest first; then the rest in the list's order. */
export function digestOrder(items: readonly TodoItem[]): TodoItem[] {
  return [...items].sort((a, b) => {
    if (a.due && b.due) return a.due.getTime() - b.due.getTime();
    return Number(b.due !== null) - Number(a.due !== null);
  });
}

export function digestKey(personId: string, localDate: string): string {
  return `digest:${personId}:${localDate}`;
}

/** Which reminder an item's days left call for: due soon (DUE_SOON_DAYS or fewer), overdue (past its day), or none yet. */
export function nudgeBand(days: number | null): "nudge-due-soon" | "nudge-overdue" | null {
  if (days === null) return null;
  if (days < 0) return "nudge-overdue";
  return days <= DUE_SOON_DAYS ? "nudge-due-soon" : null;
}

/** Whether the person's digest goes on this weekday (1 Monday … 7 Sunday): every day, or Mondays for a weekly one. */
function isDigestDay(preferences: Preferences, weekday: number): boolean {
  return preferences.digest === "daily" || (preferences.digest === "weekly" && weekday === 1);
}

export function planMessages({
  personId,
  preferences,
  timeZone,
  items,
  known,
  now,
}: PlanInput): PlannedMessage[] {
  const planned: PlannedMessage[] = [];
  const add = (key: string, kind: MessageKind, about: TodoItem[], quiet = false) => {
    if (known.has(key)) return;
    planned.push({
      key,
      kind,
      items: about,
      status: quiet || !wants(preferences, kind) ? "skipped" : "queued",
    });
  };

  const local = localTime(now, timeZone);
  const digestDay = isDigestDay(preferences, local.weekday);
  const digest =
    items.length > 0 &&
    digestDay &&
    local.hour >= DIGEST_HOUR &&
    wants(preferences, "digest") &&
    !known.has(digestKey(personId, local.date));
  if (digest) add(digestKey(personId, local.date), "digest", digestOrder(items));

  for (const item of items) {
    const newKey = `nudge-new:${personId}:${item.key}`;
    // A new item is told once, with its due date: by the digest when one goes now, else by its own
    // nudge. A "due soon" or "overdue" at the same time would say it twice.
    const isNew = !known.has(newKey);
    const newSent = isNew && (digest || wants(preferences, "nudge-new"));
    add(newKey, "nudge-new", [item], digest);
    if (item.kind === "scorecard") {
      // A scorecard is due a day after its interview; the one reminder is that day having passed.
      if (item.due && now.getTime() >= item.due.getTime())
        add(`nudge-scorecard:${personId}:${item.key}`, "nudge-scorecard", [item], newSent);
      continue;
    }
    const band = nudgeBand(item.daysLeft);
    if (band) add(`${band}:${personId}:${item.key}:${dueDay(item)}`, band, [item], newSent);
  }
  return planned;
}

const DAY = 24 * 60 * 60 * 1000;

/** The next digest after `now`: 09:00 on the person's clock on their next digest day; null when they take none. */
export function nextDigestAt(preferences: Preferences, timeZone: string, now: Date): Date | null {
  if (!wants(preferences, "digest")) return null;
  const today = localTime(now, timeZone).date;
  for (let ahead = 0; ahead <= 8; ahead++) {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) + ahead * DAY);
    if (!isDigestDay(preferences, day.getUTCDay() || 7)) continue;
    const at = instantFromLocal(
      `${day.toISOString().slice(0, 10)}T${String(DIGEST_HOUR).padStart(2, "0")}:00`,
      timeZone,
    );
    if (at && at.getTime() > now.getTime()) return at;
  }
  return null;
}

/**
 * When the person is next owed reminders with nothing written (planMessages, with time alone): the
 * next time one of their items enters another band (nudgeBand: due soon, then overdue), a scorecard
 * falls due, or their next digest. Null when only a change can bring them one. The reminders' pass
 * plans the person again then, or sooner when a change names them.
 */
export function nextPlanAt({
  preferences,
  timeZone,
  items,
  now,
}: Pick<PlanInput, "preferences" | "timeZone" | "items" | "now">): Date | null {
  const times: number[] = [];
  const digest = nextDigestAt(preferences, timeZone, now);
  if (digest) times.push(digest.getTime());
  for (const item of items) {
    if (!item.due) continue;
    const due = item.due.getTime();
    if (item.kind === "scorecard") {
      if (due > now.getTime()) times.push(due);
      continue;
    }
    // Days left fall by one each day at the due time of day; the band changes at one of two of those.
    const band = nudgeBand(daysLeft(item.due, now));
    const next = [due - DUE_SOON_DAYS * DAY, due + DAY].find(
      (at) => at > now.getTime() && nudgeBand(daysLeft(item.due!, new Date(at))) !== band,
    );
    if (next !== undefined) times.push(next);
  }
  return times.length ? new Date(smallest(times)) : null;
}

export type MessageSection = { kind: MessageKind; items: TodoItem[] };

/**
 * What one email to a person says for the messages a pass owes them (one email per person per
 * pass): each wanted kind with its items, in a fixed order. When the digest goes, it is the email:
 * it lists every item with when it is due, so the nudges of the same pass are told by it.
 */
export function passSections(messages: readonly PlannedMessage[]): MessageSection[] {
  const wanted = messages.filter((message) => message.status === "queued");
  const digest = wanted.find((message) => message.kind === "digest");
  if (digest) return [{ kind: "digest", items: digest.items }];
  return MESSAGE_KINDS.flatMap((kind) => {
    const items = wanted
      .filter((message) => message.kind === kind)
      .flatMap((message) => message.items);
    return items.length ? [{ kind, items }] : [];
  });
}
