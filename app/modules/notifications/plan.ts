import { localTime } from "~/modules/time-zones";
import type { TodoItem } from "~/modules/todo/todo";
import { MESSAGE_KINDS, wants, type MessageKind, type Preferences } from "./preferences";

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

export type PlannedMessage = { key: string; kind: MessageKind; items: TodoItem[]; status: "queued" | "skipped" };

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

export function planMessages({ personId, preferences, timeZone, items, known, now }: PlanInput): PlannedMessage[] {
  const planned: PlannedMessage[] = [];
  const add = (key: string, kind: MessageKind, about: TodoItem[], quiet = false) => {
    if (known.has(key)) return;
    planned.push({ key, kind, items: about, status: quiet || !wants(preferences, kind) ? "skipped" : "queued" });
  };

  const local = localTime(now, timeZone);
  const digestDay = preferences.digest === "daily" || (preferences.digest === "weekly" && local.weekday === 1);
  const digest = items.length > 0 && digestDay && local.hour >= DIGEST_HOUR && wants(preferences, "digest") && !known.has(digestKey(personId, local.date));
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
      if (item.due && now.getTime() >= item.due.getTime()) add(`nudge-scorecard:${personId}:${item.key}`, "nudge-scorecard", [item], newSent);
      continue;
    }
    if (item.daysLeft === null) continue;
    if (item.daysLeft >= 0 && item.daysLeft <= DUE_SOON_DAYS) add(`nudge-due-soon:${personId}:${item.key}:${dueDay(item)}`, "nudge-due-soon", [item], newSent);
    if (item.daysLeft < 0) add(`nudge-overdue:${personId}:${item.key}:${dueDay(item)}`, "nudge-overdue", [item], newSent);
  }
  return planned;
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
    const items = wanted.filter((message) => message.kind === kind).flatMap((message) => message.items);
    return items.length ? [{ kind, items }] : [];
  });
}
