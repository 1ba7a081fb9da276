import { z } from "zod";
import { smallest } from "~/utils/extremes";

/**
 * Time zones, one model for the whole of Rungs (decision 058): every person has a named IANA zone
 * ("Europe/Berlin"), their own choice or else the organisation's (ORG_TIME_ZONE). Times are
 * stored as instants, and entered and shown on the viewer's clock with the zone named; emails and
 * calendar invitations use the recipient's. Pure, on the Intl API, so the server and the browser
 * read a zone the same way.
 */

/** Zones the runtime said it knows: every signed-in page asks of its reader's, and a formatter per ask is not free. Capped: the runtime also accepts any spelling's case. */
const known = new Set<string>();
const KNOWN_AT_MOST = 2_000;

/** Whether the runtime knows this zone by name ("UTC" included). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  if (known.has(name)) return true;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    if (known.size < KNOWN_AT_MOST) known.add(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Every zone the runtime names, each once, for a picker; with the person's own zone first where the
 * list lacks it (an Etc/GMT offset, or a name the runtime lists under another spelling).
 */
export function timeZoneNames(current: string | null = null): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  const listed = names.includes("UTC") ? names : ["UTC", ...names];
  return current && isTimeZone(current) && !listed.includes(current)
    ? [current, ...listed]
    : listed;
}

/** A form's choice of a person's own zone: a name from the list, or empty (null) for the organisation's. */
export const TimeZoneChoice = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || isTimeZone(value), {
    message: "common:timeZone.unknown",
  });

/** The zone a person's times are on: their own choice while the runtime knows it, else the organisation's. */
export function resolveTimeZone(chosen: string | null | undefined, organisation: string): string {
  return chosen && isTimeZone(chosen) ? chosen : organisation;
}

/**
 * A zone as lists show it: its name, and for the fixed offsets of the Etc area (whose signs read
 * backwards: Etc/GMT-5 is five hours ahead of UTC) the offset as well.
 */
export function timeZoneLabel(zone: string): string {
  if (!zone.startsWith("Etc/")) return zone;
  const offset = new Intl.DateTimeFormat("en-GB", { timeZone: zone, timeZoneName: "longOffset" })
    .formatToParts(new Date(0))
    .find((part) => part.type === "timeZoneName")?.value;
  return offset ? `${zone} (${offset})` : zone;
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** What the zone's clock and calendar read at the instant, field by field. */
function clockParts(instant: Date, zone: string) {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    clocks.set(zone, clock);
  }
  const parts: Record<string, string> = {};
  for (const part of clock.formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: parts.weekday ?? "Mon",
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
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
const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** What the clock and calendar say at `instant` in `zone`. */
export function localTime(instant: Date, zone: string): LocalTime {
  const clock = clockParts(instant, zone);
  return {
    date: `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`,
    weekday: WEEKDAYS[clock.weekday] ?? 1,
    hour: clock.hour,
    minute: clock.minute,
  };
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far the zone's clock is ahead of UTC at the instant, in minutes (negative west of Greenwich). */
export function utcOffsetMinutes(instant: Date, zone: string): number {
  const clock = clockParts(instant, zone);
  const asIfUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  return Math.round((asIfUtc - Math.floor(instant.getTime() / 1000) * 1000) / MINUTE);
}

/** The zone's clock at the instant as a date-and-time field's value: "2026-03-30T10:00". */
export function localDateTimeValue(instant: Date, zone: string): string {
  const clock = clockParts(instant, zone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/**
 * The instant a date-and-time field's value ("2026-03-30T10:00", as a datetime-local input sends
 * it) names on the zone's clock; null for anything else. Where the clocks go forward the skipped
 * times are read with the offset before the change (01:30 in London on the last Sunday of March is
 * 02:30 BST); where they go back, a time that happens twice is the first of the two. Calendars do
 * the same (Temporal calls it "compatible").
 */
export function instantFromLocal(value: string, zone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  const before = utcOffsetMinutes(new Date(wall - DAY), zone);
  const after = utcOffsetMinutes(new Date(wall + DAY), zone);
  const readings = [wall - before * MINUTE, wall - after * MINUTE].filter(
    (instant) => instant + utcOffsetMinutes(new Date(instant), zone) * MINUTE === wall,
  );
  return new Date(readings.length ? smallest(readings) : wall - before * MINUTE);
}

/**
 * A form's schema that reads times on a zone's clock, made once per zone and kept: a schema is
 * immutable, and making one (60 µs for a meeting's) cost more than the rest of the form on a page
 * that shows it. Zones are the viewers' own, so a handful per process.
 */
export function perTimeZone<T>(make: (zone: string) => T): (zone: string) => T {
  const made = new Map<string, T>();
  return (zone) => {
    let schema = made.get(zone);
    if (schema === undefined) made.set(zone, (schema = make(zone)));
    return schema;
  };
}

const readDateTime =
  (zone: string, invalid: string) => (value: string, context: z.RefinementCtx) => {
    const instant = instantFromLocal(value, zone);
    if (instant) return instant;
    context.addIssue({ code: "custom", message: invalid });
    return z.NEVER;
  };

/** A form's date-and-time field, required, read on the zone's clock: the instant it names. */
export function dateTimeField(
  zone: string,
  { invalid, missing }: { invalid: string; missing: string },
) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(40)
    .transform(readDateTime(zone, invalid));
}

/** A form's date-and-time field that may be left empty (null), read on the zone's clock. */
export function optionalDateTimeField(zone: string, invalid: string) {
  const read = readDateTime(zone, invalid);
  return z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((value, context) => (value ? read(value, context) : null));
}
