/**
 * Named IANA time zones ("Europe/Berlin"), read with the Intl API: a person's reminders
 * go out at 09:00 on their own clock.
 */

/** Whether the runtime knows this zone by name ("UTC" included). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Every zone the runtime names, for a picker. */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}

export type LocalTime = {
  /** The calendar day on the zone's clock, "YYYY-MM-DD". */
  date: string;
  /** 1 (Monday) to 7 (Sunday), ISO numbering. */
  weekday: number;
  hour: number;
  minute: number;
};

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formats = new Map<string, Intl.DateTimeFormat>();

/** What the clock and calendar say at `instant` in `timeZone`. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday!] ?? 1,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}
