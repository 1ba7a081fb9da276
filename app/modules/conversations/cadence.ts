import { formatsFor } from "~/i18n/format";
import type { PageLanguage } from "~/i18n/languages";
import { listOf, type Message } from "~/i18n/messages";
import { instantFromLocal, localDateTimeValue } from "~/modules/time-zones";

/**
 * When career conversations happen: pure. A series meets at a cadence on the clock of the zone it
 * was set up in (its `timeZone`, a named IANA zone from app/modules/time-zones.ts): 10:00 on a
 * Monday in Berlin stays 10:00 in Berlin across a change of the clocks, whatever UTC says. Each
 * regular slot is counted from the series' anchor (its first slot), so a monthly series set up
 * on the 31st meets on the last day of shorter months and is back on the 31st after them. A slot
 * that would fall on a Saturday or Sunday of that clock, the first one included, is held on the
 * nearest working day (Friday or Monday): people have no working week of their own on file, so it
 * is Monday to Friday. Moving one meeting leaves the rhythm alone: the next regular slot follows
 * from the slot it was moved from.
 */

/** A manager and a report; skip-levels are less often (a manager's manager and people two levels down). */
export const ONE_TO_ONE_CADENCES = ["weekly", "fortnightly", "monthly"] as const;
export const SKIP_LEVEL_CADENCES = ["monthly", "bimonthly", "quarterly"] as const;
export const CADENCES = ["weekly", "fortnightly", "monthly", "bimonthly", "quarterly"] as const;
export type Cadence = (typeof CADENCES)[number];

export const SERIES_KINDS = ["one-to-one", "skip-level"] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];

/** How long a meeting is booked for unless the series says otherwise. */
export const DEFAULT_MINUTES = 30;

/** The cadences a kind of series may take: skip-levels never as often as a one-to-one can be. */
export function cadencesFor(kind: SeriesKind): readonly Cadence[] {
  return kind === "one-to-one" ? ONE_TO_ONE_CADENCES : SKIP_LEVEL_CADENCES;
}

/**
 * Why a kind of series does not take a cadence, or null: the one check the form's schema (on its
 * field) and the service (for any caller) make, naming the cadences the kind takes.
 */
export function cadenceRefusal(kind: SeriesKind, cadence: Cadence): Message | null {
  if (cadencesFor(kind).includes(cadence)) return null;
  return {
    key:
      kind === "one-to-one"
        ? "conversations:form.errors.cadenceOneToOne"
        : "conversations:form.errors.cadenceSkipLevel",
    values: {
      cadences: listOf(cadencesFor(kind).map((each) => ({ key: `conversations:cadence.${each}` }))),
    },
  };
}

/** The cadences a form setting up any of these kinds offers: those some kind takes, each once, in order. */
export function cadencesOffered(kinds: Iterable<SeriesKind>): Cadence[] {
  const offered = [...kinds];
  return CADENCES.filter((cadence) => offered.some((kind) => cadencesFor(kind).includes(cadence)));
}

export function isCadence(value: string): value is Cadence {
  return (CADENCES as readonly string[]).includes(value);
}

/** One step of the cadence, in days or in calendar months. */
function step(cadence: Cadence): { days: number } | { months: number } {
  switch (cadence) {
    case "weekly":
      return { days: 7 };
    case "fortnightly":
      return { days: 14 };
    case "monthly":
      return { months: 1 };
    case "bimonthly":
      return { months: 2 };
    case "quarterly":
      return { months: 3 };
  }
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** A wall-clock value ("2026-03-30T10:00") moved on by whole days or calendar months, the time of day kept. */
function addToWallClock(value: string, by: { days: number } | { months: number }): string {
  const [datePart, timePart] = value.split("T") as [string, string];
  const [year, month, day] = datePart.split("-").map(Number) as [number, number, number];
  if ("days" in by) {
    const date = new Date(Date.UTC(year, month - 1, day + by.days));
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${timePart}`;
  }
  const total = year * 12 + (month - 1) + by.months;
  const [toYear, toMonth] = [Math.floor(total / 12), (total % 12) + 1];
  return `${pad(toYear, 4)}-${pad(toMonth)}-${pad(Math.min(day, daysInMonth(toYear, toMonth)))}T${timePart}`;
}

/** The wall clock moved by `count` steps of the cadence (negative: back). */
function stepped(value: string, cadence: Cadence, count: number): string {
  const by = step(cadence);
  return addToWallClock(
    value,
    "days" in by ? { days: by.days * count } : { months: by.months * count },
  );
}

/**
 * A wall-clock value on a Saturday moved back to the Friday before, on a Sunday on to the Monday
 * after: the nearest working day, the time of day kept. Unless that leaves the month (Sunday the
 * 31st, Saturday the 1st): a monthly meeting stays in its month, on the working day the other side.
 */
export function onWorkingDay(value: string): string {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  if (weekday !== 0 && weekday !== 6) return value;
  const [nearest, other] = weekday === 6 ? [-1, 2] : [1, -2];
  const moved = addToWallClock(value, { days: nearest });
  return moved.slice(0, 7) === value.slice(0, 7) ? moved : addToWallClock(value, { days: other });
}

/**
 * The series' `index`th regular slot (0 is the first meeting, at the anchor: the time its two
 * people chose), on the series' clock and on a working day, the first one too. A shift is two
 * days at most and the steps are a week at least, so slots keep their order.
 */
export function slotAt(anchor: Date, cadence: Cadence, timeZone: string, index: number): Date {
  const chosen = localDateTimeValue(anchor, timeZone);
  const slot = onWorkingDay(stepped(chosen, cadence, index));
  // The anchor itself when it stays: read back from its wall clock, a time the night the clocks
  // go back happens twice and could come back as the other one.
  return slot === chosen ? anchor : instantFromLocal(slot, timeZone)!;
}

export type FirstMeetingRefusal = "passed" | "working-day-passed";

export const FIRST_MEETING_REFUSALS: Record<FirstMeetingRefusal, Message> = {
  passed: { key: "conversations:errors.firstPassed" },
  "working-day-passed": { key: "conversations:errors.firstWorkingDayPassed" },
};

/**
 * A new series' first meeting: its slot 0, so a time chosen on a weekend of the series' clock is
 * held on the nearest working day as every later slot is. Refused when the time chosen has passed,
 * or the working day it moves to (the Friday before a Saturday) has.
 */
export function firstMeeting(
  series: { anchor: Date; cadence: Cadence; timeZone: string },
  now: Date,
): { ok: true; startsAt: Date } | { ok: false; reason: FirstMeetingRefusal } {
  if (series.anchor.getTime() <= now.getTime()) return { ok: false, reason: "passed" };
  const startsAt = slotAt(series.anchor, series.cadence, series.timeZone, 0);
  if (startsAt.getTime() <= now.getTime()) return { ok: false, reason: "working-day-passed" };
  return { ok: true, startsAt };
}

/** The first regular slot strictly after `after`. */
export function nextSlot(anchor: Date, cadence: Cadence, timeZone: string, after: Date): Date {
  const by = step(cadence);
  const approxDays = "days" in by ? by.days : by.months * 30.44;
  // A guess from the elapsed time, corrected by a step or two either way.
  let index = Math.max(
    0,
    Math.floor((after.getTime() - anchor.getTime()) / (approxDays * 86_400_000)) - 1,
  );
  while (slotAt(anchor, cadence, timeZone, index).getTime() <= after.getTime()) index++;
  while (index > 0 && slotAt(anchor, cadence, timeZone, index - 1).getTime() > after.getTime())
    index--;
  return slotAt(anchor, cadence, timeZone, index);
}

/**
 * The regular slot after a meeting: the one following the slot it was scheduled in (not where it
 * was moved to), and never one already past: a series that missed some meetings resumes at the
 * next slot to come.
 */
export function slotAfterMeeting(
  series: { anchor: Date; cadence: Cadence; timeZone: string },
  scheduledFor: Date,
  now: Date,
): Date {
  const after = scheduledFor.getTime() > now.getTime() ? scheduledFor : now;
  return nextSlot(series.anchor, series.cadence, series.timeZone, after);
}

export type MoveRefusal = "not-upcoming" | "in-the-past" | "unchanged" | "past-next-slot";

export const MOVE_REFUSALS: Record<MoveRefusal, Message> = {
  "not-upcoming": { key: "conversations:errors.move.notUpcoming" },
  "in-the-past": { key: "conversations:errors.move.inThePast" },
  unchanged: { key: "conversations:errors.move.unchanged" },
  "past-next-slot": { key: "conversations:errors.move.pastNextSlot" },
};

/**
 * Moving a meeting (either of the two may): to any time still to come before the series' next
 * regular slot, so two meetings of one series never swap places. Returns the new time and the
 * time it was moved from, or why not.
 */
export function moveMeeting(
  meeting: { startsAt: Date; status: "upcoming" | "held" | "withdrawn" },
  to: Date,
  nextRegular: Date,
  now: Date,
): { ok: true; startsAt: Date; movedFrom: Date } | { ok: false; reason: MoveRefusal } {
  if (meeting.status !== "upcoming") return { ok: false, reason: "not-upcoming" };
  if (to.getTime() <= now.getTime()) return { ok: false, reason: "in-the-past" };
  if (to.getTime() === meeting.startsAt.getTime()) return { ok: false, reason: "unchanged" };
  if (to.getTime() >= nextRegular.getTime()) return { ok: false, reason: "past-next-slot" };
  return { ok: true, startsAt: to, movedFrom: meeting.startsAt };
}

/** The meeting's time on each of the two people's clocks, the zone named, in the reader's language; once when they share a zone. */
export function bothClocks(
  startsAt: Date,
  zones: readonly string[],
  language: PageLanguage,
): string[] {
  return [...new Set(zones)].map((zone) => formatsFor(language, zone).dateTime(startsAt, "full"));
}

/**
 * Overdue: more than twice the cadence since the last meeting held (or, with none held yet, since
 * the series began). Twice, so one skipped meeting is not a signal and two in a row are.
 */
export function isOverdue(
  cadence: Cadence,
  lastHeldAt: Date | null,
  startedAt: Date,
  now: Date,
): boolean {
  const from = lastHeldAt ?? startedAt;
  const by = step(cadence);
  const limit =
    "days" in by
      ? new Date(from.getTime() + 2 * by.days * 86_400_000)
      : monthsLater(from, 2 * by.months);
  return now.getTime() > limit.getTime();
}

/** The same UTC clock `months` calendar months later (the day kept, or the month's last). */
function monthsLater(from: Date, months: number): Date {
  const total = from.getUTCFullYear() * 12 + from.getUTCMonth() + months;
  const [year, month] = [Math.floor(total / 12), total % 12];
  const day = Math.min(from.getUTCDate(), daysInMonth(year, month + 1));
  return new Date(
    Date.UTC(year, month, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds()),
  );
}

export type SinceLastHeld = {
  unit: "none" | "today" | "yesterday" | "days" | "weeks" | "months";
  count: number;
};

/**
 * How long ago the last meeting was, as the manager chain reads it ("last one-to-one 3 weeks
 * ago"): whole days under two weeks, weeks under two months, then months. Worded by the page
 * (conversations' `list.lastHeld`, the team page's `oneToOnes.since`).
 */
export function sinceLastHeld(last: Date | null, now: Date): SinceLastHeld {
  if (!last) return { unit: "none", count: 0 };
  const days = Math.floor((now.getTime() - last.getTime()) / 86_400_000);
  if (days <= 0) return { unit: "today", count: 0 };
  if (days === 1) return { unit: "yesterday", count: 1 };
  if (days < 14) return { unit: "days", count: days };
  if (days < 61) return { unit: "weeks", count: Math.floor(days / 7) };
  return { unit: "months", count: Math.floor(days / 30.44) };
}
