import { describe, expect, test } from "vitest";
import {
  bothClocks,
  cadenceRefusal,
  cadencesFor,
  cadencesOffered,
  firstMeeting,
  isOverdue,
  moveMeeting,
  nextSlot,
  onWorkingDay,
  sinceLastHeld,
  slotAfterMeeting,
  slotAt,
} from "~/modules/conversations/cadence";
import type { PageLanguage } from "~/i18n/languages";
import { localTime } from "~/modules/time-zones";
import { inWordsOf } from "../../utils/english";

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe("a series' regular slots", () => {
  test("weekly in Berlin keeps 10:00 on the Berlin clock across the spring change of the clocks", () => {
    // Monday 23 March 2026, 10:00 CET (09:00 UTC); Berlin moves to CEST on Sunday 29 March.
    const anchor = at("2026-03-23T09:00:00Z");
    expect(iso(slotAt(anchor, "weekly", "Europe/Berlin", 1))).toBe("2026-03-30T08:00:00.000Z");
    expect(iso(slotAt(anchor, "weekly", "Europe/Berlin", 2))).toBe("2026-04-06T08:00:00.000Z");
  });

  test("every two weeks in New York across the autumn change", () => {
    // Monday 26 October 2026, 09:30 EDT (13:30 UTC); New York falls back on 1 November.
    const anchor = at("2026-10-26T13:30:00Z");
    expect(iso(slotAt(anchor, "fortnightly", "America/New_York", 1))).toBe(
      "2026-11-09T14:30:00.000Z",
    );
  });

  test("monthly from the 31st meets on the last day of shorter months and is back on the 31st after them", () => {
    const anchor = at("2026-03-31T10:00:00Z");
    expect([1, 2, 3].map((index) => iso(slotAt(anchor, "monthly", "UTC", index)))).toEqual([
      "2026-04-30T10:00:00.000Z",
      "2026-05-29T10:00:00.000Z",
      "2026-06-30T10:00:00.000Z",
    ]);
    expect(iso(slotAt(anchor, "quarterly", "UTC", 1))).toBe("2026-06-30T10:00:00.000Z");
    expect(iso(slotAt(anchor, "bimonthly", "UTC", 4))).toBe("2026-11-30T10:00:00.000Z");
  });

  test("a slot on a Saturday is held on the Friday before, on a Sunday on the Monday after, the time of day kept", () => {
    expect(onWorkingDay("2026-02-28T10:00")).toBe("2026-02-27T10:00");
    expect(onWorkingDay("2027-01-24T10:00")).toBe("2027-01-25T10:00");
    expect(onWorkingDay("2026-03-31T10:00")).toBe("2026-03-31T10:00");
    // Sunday the 31st and Saturday the 1st stay in their month.
    expect(onWorkingDay("2026-05-31T10:00")).toBe("2026-05-29T10:00");
    expect(onWorkingDay("2026-08-01T10:00")).toBe("2026-08-03T10:00");
    // Monthly from Wednesday 28 January: 28 February 2026 is a Saturday, 28 June a Sunday.
    const anchor = at("2026-01-28T09:00:00Z");
    expect(iso(slotAt(anchor, "monthly", "Europe/Berlin", 1))).toBe("2026-02-27T09:00:00.000Z");
    expect(iso(slotAt(anchor, "monthly", "Europe/Berlin", 5))).toBe("2026-06-29T08:00:00.000Z");
    // Two years of every cadence, each slot on a working day of the series' clock (Saturday 00:30 in Auckland is Friday in UTC).
    for (const [first, zone] of [
      ["2026-01-30T11:30:00Z", "Pacific/Auckland"],
      ["2026-01-31T10:00:00Z", "UTC"],
      ["2026-05-01T22:00:00Z", "America/Los_Angeles"],
    ] as const) {
      for (const cadence of [
        "weekly",
        "fortnightly",
        "monthly",
        "bimonthly",
        "quarterly",
      ] as const) {
        for (let index = 1; index <= 24; index++)
          expect([1, 2, 3, 4, 5], `${cadence} ${index} in ${zone}`).toContain(
            localTime(slotAt(at(first), cadence, zone, index), zone).weekday,
          );
      }
    }
    // The first slot too: a Saturday chosen is held on the Friday before, a Sunday on the Monday after.
    expect(iso(slotAt(at("2026-01-31T10:00:00Z"), "monthly", "UTC", 0))).toBe(
      "2026-01-30T10:00:00.000Z",
    );
    expect(iso(slotAt(at("2026-02-01T10:00:00Z"), "weekly", "UTC", 0))).toBe(
      "2026-02-02T10:00:00.000Z",
    );
    // A first slot on a working day is the very instant chosen.
    const chosen = at("2026-01-30T10:00:30.500Z");
    expect(slotAt(chosen, "monthly", "UTC", 0)).toBe(chosen);
  });

  test("the first meeting is slot 0: on a working day, refused when the time chosen or that working day has passed", () => {
    const series = {
      anchor: at("2026-01-31T10:00:00Z"),
      cadence: "weekly" as const,
      timeZone: "UTC",
    };
    expect(firstMeeting(series, at("2026-01-20T00:00:00Z"))).toEqual({
      ok: true,
      startsAt: at("2026-01-30T10:00:00Z"),
    });
    expect(firstMeeting(series, at("2026-01-30T12:00:00Z"))).toEqual({
      ok: false,
      reason: "working-day-passed",
    });
    expect(firstMeeting(series, at("2026-01-31T10:00:00Z"))).toEqual({
      ok: false,
      reason: "passed",
    });
    // The next regular slot after it is the Friday a week on, never the Saturday chosen.
    expect(iso(nextSlot(series.anchor, "weekly", "UTC", at("2026-01-30T10:00:00Z")))).toBe(
      "2026-02-06T10:00:00.000Z",
    );
    expect(iso(nextSlot(series.anchor, "weekly", "UTC", at("2026-01-20T00:00:00Z")))).toBe(
      "2026-01-30T10:00:00.000Z",
    );
  });

  test("the same instant reads as a different day in each zone: the series' clock decides", () => {
    // 23:30 in Los Angeles on a Sunday is Monday morning in Berlin; on the LA clock it is a Sunday, so the next one is Monday 23:30 there.
    const anchor = at("2026-06-01T06:30:00Z");
    expect(iso(slotAt(anchor, "weekly", "America/Los_Angeles", 1))).toBe(
      "2026-06-09T06:30:00.000Z",
    );
    expect(bothClocks(anchor, ["America/Los_Angeles", "Europe/Berlin"], "en")).toEqual([
      "Sunday, 31 May 2026 at 23:30 (America/Los_Angeles)",
      "Monday, 1 June 2026 at 08:30 (Europe/Berlin)",
    ]);
    expect(bothClocks(anchor, ["Europe/Berlin", "Europe/Berlin"], "en")).toHaveLength(1);
    expect(bothClocks(anchor, ["Europe/Berlin"], "de")).toEqual([
      "Montag, 1. Juni 2026 um 08:30 (Europe/Berlin)",
    ]);
  });

  test("the next slot is strictly after the given time, far from the anchor too", () => {
    const anchor = at("2026-01-05T09:00:00Z");
    expect(iso(nextSlot(anchor, "weekly", "UTC", at("2026-01-01T00:00:00Z")))).toBe(
      "2026-01-05T09:00:00.000Z",
    );
    expect(iso(nextSlot(anchor, "weekly", "UTC", at("2026-01-05T09:00:00Z")))).toBe(
      "2026-01-12T09:00:00.000Z",
    );
    expect(iso(nextSlot(anchor, "weekly", "UTC", at("2028-03-01T00:00:00Z")))).toBe(
      "2028-03-06T09:00:00.000Z",
    );
    expect(
      iso(nextSlot(at("2026-01-31T10:00:00Z"), "monthly", "UTC", at("2029-02-27T00:00:00Z"))),
    ).toBe("2029-02-28T10:00:00.000Z");
  });

  test("after a meeting, the slot following the one it was scheduled in; after a gap, the next one to come", () => {
    const series = {
      anchor: at("2026-01-05T09:00:00Z"),
      cadence: "fortnightly" as const,
      timeZone: "UTC",
    };
    expect(
      iso(slotAfterMeeting(series, at("2026-01-19T09:00:00Z"), at("2026-01-10T00:00:00Z"))),
    ).toBe("2026-02-02T09:00:00.000Z");
    expect(
      iso(slotAfterMeeting(series, at("2026-01-19T09:00:00Z"), at("2026-03-01T00:00:00Z"))),
    ).toBe("2026-03-02T09:00:00.000Z");
  });

  test("skip-levels are never as often as a one-to-one can be", () => {
    expect(cadencesFor("one-to-one")).toEqual(["weekly", "fortnightly", "monthly"]);
    expect(cadencesFor("skip-level")).toEqual(["monthly", "bimonthly", "quarterly"]);
    // A form offering both kinds lists every cadence once; one kind, only its own.
    expect(cadencesOffered(["one-to-one", "skip-level", "one-to-one"])).toEqual([
      "weekly",
      "fortnightly",
      "monthly",
      "bimonthly",
      "quarterly",
    ]);
    expect(cadencesOffered(["skip-level"])).toEqual(["monthly", "bimonthly", "quarterly"]);
    expect(cadenceRefusal("skip-level", "monthly")).toBeNull();
    expect(cadenceRefusal("skip-level", "weekly")?.key).toBe(
      "conversations:form.errors.cadenceSkipLevel",
    );
    expect(cadenceRefusal("one-to-one", "quarterly")?.key).toBe(
      "conversations:form.errors.cadenceOneToOne",
    );
  });
});

describe("moving a meeting", () => {
  const now = at("2026-05-01T12:00:00Z");
  const meeting = { startsAt: at("2026-05-04T09:00:00Z"), status: "upcoming" as const };
  const nextRegular = at("2026-05-18T09:00:00Z");

  test("to a time still to come before the next regular meeting, remembering where it was", () => {
    expect(moveMeeting(meeting, at("2026-05-05T15:00:00Z"), nextRegular, now)).toEqual({
      ok: true,
      startsAt: at("2026-05-05T15:00:00Z"),
      movedFrom: meeting.startsAt,
    });
  });

  test("not into the past, not onto or past the next regular meeting, not once held, not to where it is", () => {
    expect(moveMeeting(meeting, at("2026-04-30T09:00:00Z"), nextRegular, now)).toEqual({
      ok: false,
      reason: "in-the-past",
    });
    expect(moveMeeting(meeting, nextRegular, nextRegular, now)).toEqual({
      ok: false,
      reason: "past-next-slot",
    });
    expect(
      moveMeeting({ ...meeting, status: "held" }, at("2026-05-05T15:00:00Z"), nextRegular, now),
    ).toEqual({ ok: false, reason: "not-upcoming" });
    expect(moveMeeting(meeting, meeting.startsAt, nextRegular, now)).toEqual({
      ok: false,
      reason: "unchanged",
    });
  });
});

describe("overdue", () => {
  const started = at("2026-01-01T00:00:00Z");
  test("more than twice the cadence since the last meeting held, or since the series began", () => {
    const held = at("2026-03-02T10:00:00Z");
    expect(isOverdue("weekly", held, started, at("2026-03-16T10:00:00Z"))).toBe(false);
    expect(isOverdue("weekly", held, started, at("2026-03-16T10:00:01Z"))).toBe(true);
    expect(isOverdue("fortnightly", held, started, at("2026-03-29T00:00:00Z"))).toBe(false);
    expect(isOverdue("fortnightly", held, started, at("2026-03-31T00:00:00Z"))).toBe(true);
    expect(isOverdue("monthly", held, started, at("2026-05-02T10:00:00Z"))).toBe(false);
    expect(isOverdue("monthly", held, started, at("2026-05-02T10:00:01Z"))).toBe(true);
    expect(isOverdue("quarterly", null, started, at("2026-06-30T00:00:00Z"))).toBe(false);
    expect(isOverdue("quarterly", null, started, at("2026-07-02T00:00:00Z"))).toBe(true);
  });

  test("how long ago, as the manager chain reads it, in its language", () => {
    const now = at("2026-03-30T12:00:00Z");
    const since = (last: Date | null, language: PageLanguage = "en") =>
      inWordsOf(language, { key: "team:oneToOnes.since", values: sinceLastHeld(last, now) });
    expect(since(null)).toBe("none yet");
    expect(since(at("2026-03-30T08:00:00Z"))).toBe("today");
    expect(since(at("2026-03-29T08:00:00Z"))).toBe("yesterday");
    expect(since(at("2026-03-25T08:00:00Z"))).toBe("5 days ago");
    expect(since(at("2026-03-09T08:00:00Z"))).toBe("3 weeks ago");
    expect(since(at("2025-12-20T08:00:00Z"))).toBe("3 months ago");
    expect(since(at("2026-03-09T08:00:00Z"), "de")).toBe("vor 3 Wochen");
    expect(since(at("2026-03-25T08:00:00Z"), "ar")).toBe("قبل 5 أيام");
  });
});
