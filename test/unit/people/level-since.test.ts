import { describe, expect, test } from "vitest";
import {
  levelSinceAfter,
  predatesRecordedMove,
  readLevelSince,
} from "~/modules/people/level-since";

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const NOW = new Date("2026-06-15T10:00:00Z");

describe("reading a level since day", () => {
  test("a day as YYYY-MM-DD is that day at midnight UTC; an empty one is none", () => {
    expect(readLevelSince("2021-03-01", NOW)).toEqual({ ok: true, day: day("2021-03-01") });
    expect(readLevelSince(" 2021-03-01 ", NOW)).toEqual({ ok: true, day: day("2021-03-01") });
    expect(readLevelSince("", NOW)).toEqual({ ok: true, day: null });
  });

  test("another form, a day the calendar lacks, one before 1970 and one in the future are refused with what to write", () => {
    expect(readLevelSince("01/03/2021", NOW)).toEqual({
      ok: false,
      problem: "format",
      message: "write the day as YYYY-MM-DD, for example 2021-03-01",
    });
    expect(readLevelSince("2021-02-30", NOW)).toEqual({
      ok: false,
      problem: "notADay",
      message: "2021-02-30 is not a day of the calendar",
    });
    expect(readLevelSince("0202-03-01", NOW)).toEqual({
      ok: false,
      problem: "before1970",
      message: "0202-03-01 is before 1970: check the year",
    });
    expect(readLevelSince("2026-07-01", NOW)).toEqual({
      ok: false,
      problem: "future",
      message: "2026-07-01 is in the future: give the day the person reached their level",
    });
  });

  test("today counts wherever it is already today (up to UTC+14), so nobody's own today is in the future", () => {
    expect(readLevelSince("2026-06-15", NOW)).toEqual({ ok: true, day: day("2026-06-15") });
    expect(readLevelSince("2026-06-16", new Date("2026-06-15T11:00:00Z"))).toEqual({
      ok: true,
      day: day("2026-06-16"),
    });
    expect(readLevelSince("2026-06-16", new Date("2026-06-15T09:00:00Z")).ok).toBe(false);
  });
});

describe("the person's level since after a write", () => {
  const current = day("2019-05-01");

  test("a day given with the write is kept, even one after the person arrived (it then says nothing earlier)", () => {
    expect(
      levelSinceAfter({
        levelChanged: false,
        given: day("2020-01-01"),
        current: null,
        movedAt: null,
      }),
    ).toEqual(day("2020-01-01"));
    expect(
      levelSinceAfter({ levelChanged: false, given: day("2020-01-01"), current, movedAt: null }),
    ).toEqual(day("2020-01-01"));
    expect(
      levelSinceAfter({ levelChanged: true, given: day("2024-03-01"), current, movedAt: null }),
    ).toEqual(day("2024-03-01"));
  });

  test("a write that says nothing of it keeps it; one that clears it clears it", () => {
    expect(
      levelSinceAfter({ levelChanged: false, given: undefined, current, movedAt: null }),
    ).toEqual(current);
    expect(
      levelSinceAfter({ levelChanged: false, given: null, current, movedAt: null }),
    ).toBeNull();
  });

  test("a change of level without a day clears it: Rungs records that change itself", () => {
    expect(
      levelSinceAfter({ levelChanged: true, given: undefined, current, movedAt: null }),
    ).toBeNull();
    expect(levelSinceAfter({ levelChanged: true, given: null, current, movedAt: null })).toBeNull();
  });

  test("a change of level that repeats the day the person had does not keep it: that day began the stay they leave", () => {
    expect(
      levelSinceAfter({ levelChanged: true, given: day("2019-05-01"), current, movedAt: null }),
    ).toBeNull();
  });

  test("a day before a change of level Rungs recorded is not kept: the stay began with the change", () => {
    const movedAt = new Date("2025-04-03T09:30:00Z");
    expect(
      levelSinceAfter({ levelChanged: false, given: day("2019-05-01"), current: null, movedAt }),
    ).toBeNull();
    expect(
      levelSinceAfter({ levelChanged: true, given: day("2025-01-01"), current: null, movedAt }),
    ).toBeNull();
    // The day of the change itself, or a later one, is kept.
    expect(
      levelSinceAfter({ levelChanged: false, given: day("2025-04-03"), current: null, movedAt }),
    ).toEqual(day("2025-04-03"));
    expect(predatesRecordedMove(day("2025-04-02"), movedAt)).toBe(true);
    expect(predatesRecordedMove(day("2025-04-03"), movedAt)).toBe(false);
    expect(predatesRecordedMove(day("2019-05-01"), null)).toBe(false);
  });
});
