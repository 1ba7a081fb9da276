import { describe, expect, it } from "vitest";
import {
  clockDifferenceRange,
  clockDifferenceMessage,
  keptOffsetCount,
  largestClockDifferences,
  offsetDifferenceMinutes,
} from "~/modules/mentorship/time-zones";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("how far apart two people's clocks are over a programme", () => {
  it("is measured round the clock: UTC+12 and UTC−11 are an hour apart", () => {
    expect(offsetDifferenceMinutes(720, -660)).toBe(60);
    expect(offsetDifferenceMinutes(330, -300)).toBe(630);
  });

  it("London and New York: four hours apart while only New York has moved its clocks, five before and after", () => {
    const zones = ["Europe/London", "America/New_York", "Asia/Kolkata"];
    const table = (from: string, to: string) =>
      Array.from(largestClockDifferences(zones, day(from), day(to)));
    // 9 to 27 March 2026: New York is on daylight time (from 8 March), London not yet (29 March).
    expect(table("2026-03-09", "2026-03-27")).toEqual([0, 240, 330, 240, 0, 570, 330, 570, 0]);
    // Across the change, the largest difference counts.
    expect(table("2026-03-09", "2026-04-10")).toEqual([0, 300, 330, 300, 0, 570, 330, 570, 0]);
    expect(
      clockDifferenceRange(
        "Europe/London",
        "America/New_York",
        day("2026-03-01"),
        day("2026-04-10"),
      ),
    ).toEqual({ least: 240, most: 300 });
    expect(
      clockDifferenceRange(
        "Europe/London",
        "America/New_York",
        day("2026-10-20"),
        day("2026-11-05"),
      ),
    ).toEqual({ least: 240, most: 300 });
    expect(
      clockDifferenceRange(
        "Europe/London",
        "America/New_York",
        day("2026-06-01"),
        day("2026-06-30"),
      ),
    ).toEqual({ least: 300, most: 300 });
  });

  it("zones in opposite hemispheres move apart by two hours over a year", () => {
    expect(
      clockDifferenceRange(
        "Europe/London",
        "Australia/Sydney",
        day("2026-01-01"),
        day("2026-12-31"),
      ),
    ).toEqual({ least: 540, most: 660 });
  });

  it("a programme of one day, or one whose last day comes first, is compared on its first day", () => {
    expect(
      Array.from(
        largestClockDifferences(
          ["Europe/London", "America/New_York"],
          day("2026-03-10"),
          day("2026-03-01"),
        ),
      ),
    ).toEqual([0, 240, 240, 0]);
  });

  it("is said in hours", () => {
    expect(clockDifferenceMessage({ least: 240, most: 300 })).toEqual({
      key: "mentorship:pair.apart.range",
      values: { least: 4, most: 5 },
    });
    expect(clockDifferenceMessage({ least: 300, most: 300 })).toEqual({
      key: "mentorship:pair.apart.exactly",
      values: { most: 5 },
    });
    expect(clockDifferenceMessage({ least: 330, most: 330 })).toEqual({
      key: "mentorship:pair.apart.exactly",
      values: { most: 5.5 },
    });
    expect(clockDifferenceMessage({ least: 0, most: 0 })).toEqual({
      key: "mentorship:pair.apart.same",
    });
    expect(clockDifferenceMessage({ least: 0, most: 60 })).toEqual({
      key: "mentorship:pair.apart.upTo",
      values: { most: 1 },
    });
  });

  it("reads each zone's clock once per day however often a page asks, and keeps a bounded number", () => {
    const zones = ["Pacific/Chatham", "America/St_Johns"];
    const before = keptOffsetCount();
    const first = clockDifferenceRange(zones[0]!, zones[1]!, day("2031-01-01"), day("2031-12-31"));
    expect(keptOffsetCount() - before).toBe(2 * 365);
    expect(
      clockDifferenceRange(zones[0]!, zones[1]!, day("2031-01-01"), day("2031-12-31")),
    ).toEqual(first);
    expect(keptOffsetCount() - before).toBe(2 * 365);
    // 300 years of one zone's days: more than are kept, so the kept ones are let go on the way.
    largestClockDifferences(["Asia/Kathmandu"], day("1900-01-01"), day("2199-12-31"));
    expect(keptOffsetCount()).toBeLessThanOrEqual(100_000);
  });
});
