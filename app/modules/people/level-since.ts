import { dateToDay, dayToDate } from "~/modules/days";

/**
 * A person's level since (User.levelSince): the day they reached their current level, when that
 * was before Rungs recorded it. Insights count their stay at the level from that day, entering the
 * curve when Rungs first saw them (decision 042). Every writer (the person form, the CSV import,
 * SCIM, a promotion applied after calibration) reads a given day with readLevelSince and decides
 * the stored one with levelSinceAfter; the level change it records keeps the day it replaces
 * (level-history.server.ts). Pure.
 */

const EARLIEST = "1970-01-01";

/** Today where the day is furthest ahead (UTC+14), so nobody is told their own today is in the future. */
function latestDay(now: Date): string {
  return dateToDay(new Date(now.getTime() + 14 * 60 * 60 * 1000));
}

/** What is wrong with a given day: the person form says it in the admin's language, by this. */
export type LevelSinceProblem = "format" | "notADay" | "before1970" | "future";

export type LevelSinceReading =
  { ok: true; day: Date | null } | { ok: false; problem: LevelSinceProblem; message: string };

/**
 * A day as written (YYYY-MM-DD; empty for none) at midnight UTC, or what is wrong with it: its
 * kind, and in English, lower case, for the CSV import and SCIM to place after a column's name.
 */
export function readLevelSince(text: string, now: Date): LevelSinceReading {
  const value = text.trim();
  if (!value) return { ok: true, day: null };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value))
    return {
      ok: false,
      problem: "format",
      message: "write the day as YYYY-MM-DD, for example 2021-03-01",
    };
  const day = dayToDate(value);
  if (Number.isNaN(day.getTime()) || dateToDay(day) !== value)
    return { ok: false, problem: "notADay", message: `${value} is not a day of the calendar` };
  if (value < EARLIEST)
    return { ok: false, problem: "before1970", message: `${value} is before 1970: check the year` };
  if (value > latestDay(now))
    return {
      ok: false,
      problem: "future",
      message: `${value} is in the future: give the day the person reached their level`,
    };
  return { ok: true, day };
}

/** Whether a day is before the day of the last change of level Rungs recorded (`movedAt`; null: none), which began the person's stay. */
export function predatesRecordedMove(day: Date, movedAt: Date | null): boolean {
  return movedAt !== null && dateToDay(day) < dateToDay(movedAt);
}

export type LevelSinceWrite = {
  /** Whether the write changes the person's track or level. */
  levelChanged: boolean;
  /** The day the write gives: undefined when it says nothing of it, null when it clears it. */
  given: Date | null | undefined;
  /** The person's level since before the write. */
  current: Date | null;
  /** When Rungs last recorded a change of the person's level; null when it never did. */
  movedAt: Date | null;
};

/**
 * The person's level since after a write. A day given with it is kept; a change of level without
 * one clears it, since Rungs records that change itself; otherwise it stays. A given day that
 * cannot be when the person reached their level is not kept: one before a change of level Rungs
 * recorded (its own record of when the stay began wins, so a provider or spreadsheet that repeats
 * an old day does not undo it), and, with a change of level, the day they already had (it began
 * the stay they leave; the person form sends it back unchanged).
 */
export function levelSinceAfter({
  levelChanged,
  given,
  current,
  movedAt,
}: LevelSinceWrite): Date | null {
  const usable = given && !predatesRecordedMove(given, movedAt) ? given : null;
  if (levelChanged)
    return usable && !(current && dateToDay(usable) === dateToDay(current)) ? usable : null;
  if (given === undefined) return current;
  return given === null ? null : (usable ?? current);
}

/**
 * The day a person has been at their current level, as their page reads it (the level since field,
 * else the recorded move its hint names): the level since given (every writer keeps it consistent with
 * the moves Rungs recorded), else the last move Rungs recorded (`movedAt`, `MOVES`: a return begins a
 * new stay, decision 075, and reactivating clears the level since of the stay that ended), else the day
 * the person arrived in Rungs.
 */
export function atLevelSince({
  levelSince,
  movedAt,
  createdAt,
}: {
  levelSince: Date | null;
  movedAt: Date | null;
  createdAt: Date;
}): Date {
  return levelSince ?? movedAt ?? createdAt;
}
