import { z } from "zod";

/**
 * Calendar days as the forms take them (YYYY-MM-DD) and as they are stored (midnight UTC). Pure;
 * every workflow with a date field (cycles, calibration, mentorship) uses these.
 */

function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** A form's date field; its errors are message keys, worded where the form shows them. */
export const Day = z
  .string({ error: "common:errors.day.missing" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "common:errors.day.format" })
  .refine(isRealDay, { error: "common:errors.day.notReal" });

export function dayToDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export const dateToDay = (date: Date) => date.toISOString().slice(0, 10);

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from now until the end of a last day such as a cycle's (0 on that day, negative once past). */
export function daysLeft(lastDay: Date, now: Date): number {
  return Math.ceil((lastDay.getTime() + DAY - now.getTime()) / DAY) - 1;
}
