/**
 * How far apart a mentee's and a mentor's clocks are over a programme, from their named time zones
 * (app/modules/time-zones.ts). Zones change their clocks on different days, or not at all:
 * Europe/London and America/New_York are four hours apart for some weeks of spring and autumn and
 * five otherwise, so two zones are compared on every day of the programme and the largest
 * difference counts. Measured round the clock: UTC+12 and UTC−11 are an hour apart.
 */
import type { Message } from "~/i18n/messages";
import { utcOffsetMinutes } from "~/modules/time-zones";

const MINUTES_A_DAY = 24 * 60;
const DAY = MINUTES_A_DAY * 60_000;
const NOON = DAY / 2;

/** How far apart two offsets from UTC are on the 24-hour clock, in minutes. */
export function offsetDifferenceMinutes(a: number, b: number): number {
  const apart = Math.abs(a - b) % MINUTES_A_DAY;
  return Math.min(apart, MINUTES_A_DAY - apart);
}

/**
 * Offsets already read, by zone and instant: the time zone database does not change while the
 * server runs, and asking ICU for a clock costs microseconds, so a pair's page (two zones on every
 * day of a programme) spent a fifth of its time there on every view. Bounded: emptied when full.
 */
const keptOffsets = new Map<string, Map<number, number>>();
const MOST_KEPT = 100_000;
let kept = 0;

function offsetAt(instant: number, zone: string): number {
  let zoneOffsets = keptOffsets.get(zone);
  if (!zoneOffsets) keptOffsets.set(zone, (zoneOffsets = new Map()));
  let offset = zoneOffsets.get(instant);
  if (offset === undefined) {
    offset = utcOffsetMinutes(new Date(instant), zone);
    if (kept >= MOST_KEPT) {
      for (const other of keptOffsets.values()) other.clear();
      kept = 0;
    }
    zoneOffsets.set(instant, offset);
    kept += 1;
  }
  return offset;
}

/** How many offsets are kept, for the test of the bound. */
export function keptOffsetCount(): number {
  return kept;
}

/** Each zone's offset from UTC at noon (UTC) of every day from `startsOn` to `endsOn`, zone after zone. */
function dailyOffsets(
  zones: readonly string[],
  startsOn: Date,
  endsOn: Date,
): { days: number; offsets: Int16Array } {
  const days = Math.max(1, Math.floor((endsOn.getTime() - startsOn.getTime()) / DAY) + 1);
  const offsets = new Int16Array(zones.length * days);
  zones.forEach((zone, index) => {
    for (let day = 0; day < days; day++)
      offsets[index * days + day] = offsetAt(startsOn.getTime() + day * DAY + NOON, zone);
  });
  return { days, offsets };
}

/**
 * For every two of the zones, the largest difference between their clocks on any day of the
 * programme, in minutes: row-major, zones × zones.
 */
export function largestClockDifferences(
  zones: readonly string[],
  startsOn: Date,
  endsOn: Date,
): Int16Array {
  const { days, offsets } = dailyOffsets(zones, startsOn, endsOn);
  const count = zones.length;
  const largest = new Int16Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      let most = 0;
      for (let day = 0; day < days; day++)
        most = Math.max(
          most,
          offsetDifferenceMinutes(offsets[a * days + day]!, offsets[b * days + day]!),
        );
      largest[a * count + b] = most;
      largest[b * count + a] = most;
    }
  }
  return largest;
}

/** The smallest and largest difference between two zones' clocks over the programme, in minutes. */
export function clockDifferenceRange(
  a: string,
  b: string,
  startsOn: Date,
  endsOn: Date,
): { least: number; most: number } {
  const { days, offsets } = dailyOffsets([a, b], startsOn, endsOn);
  let least = Infinity;
  let most = 0;
  for (let day = 0; day < days; day++) {
    const apart = offsetDifferenceMinutes(offsets[day]!, offsets[days + day]!);
    least = Math.min(least, apart);
    most = Math.max(most, apart);
  }
  return { least, most };
}

/** "5 hours apart", "4 to 5 hours apart", "up to 1 hour apart" over the programme, or "on the same clock", as a message the page words. */
export function clockDifferenceMessage({ least, most }: { least: number; most: number }): Message {
  if (most === 0) return { key: "mentorship:pair.apart.same" };
  if (least === most) return { key: "mentorship:pair.apart.exactly", values: { most: most / 60 } };
  return least === 0
    ? { key: "mentorship:pair.apart.upTo", values: { most: most / 60 } }
    : { key: "mentorship:pair.apart.range", values: { least: least / 60, most: most / 60 } };
}
