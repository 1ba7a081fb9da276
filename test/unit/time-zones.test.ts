import { describe, expect, it } from "vitest";
import { formatsFor } from "~/i18n/format";
import { meetingSchema } from "~/modules/calibration/meeting";
import {
  dateTimeField,
  instantFromLocal,
  isTimeZone,
  localDateTimeValue,
  localTime,
  optionalDateTimeField,
  resolveTimeZone,
  timeZoneLabel,
  timeZoneNames,
  utcOffsetMinutes,
} from "~/modules/time-zones";

const at = (iso: string) => new Date(iso);

describe("named time zones", () => {
  it("are checked with Intl and listed once each, UTC among them", () => {
    expect([
      isTimeZone("Europe/Berlin"),
      isTimeZone("UTC"),
      isTimeZone("Etc/GMT-5"),
      isTimeZone("Mars/Olympus"),
      isTimeZone(""),
    ]).toEqual([true, true, true, false, false]);
    const names = timeZoneNames();
    expect(names).toContain("UTC");
    expect(names).toContain("Europe/London");
    expect(new Set(names).size).toBe(names.length);
    // A person's own zone is offered where the list lacks it, once.
    expect(timeZoneNames("Etc/GMT-5")[0]).toBe("Etc/GMT-5");
    expect(timeZoneNames("Europe/London").filter((name) => name === "Europe/London")).toHaveLength(
      1,
    );
    expect(timeZoneNames("Mars/Olympus")).toEqual(names);
  });

  it("a person's zone is their own choice while it is known, else the organisation's", () => {
    expect(resolveTimeZone("America/New_York", "Europe/London")).toBe("America/New_York");
    expect(resolveTimeZone(null, "Europe/London")).toBe("Europe/London");
    expect(resolveTimeZone("Mars/Olympus", "Europe/London")).toBe("Europe/London");
  });

  it("are shown by name; the Etc area's fixed offsets, whose signs read backwards, with the offset too", () => {
    expect(timeZoneLabel("Europe/Berlin")).toBe("Europe/Berlin");
    expect(timeZoneLabel("Etc/GMT-5")).toBe("Etc/GMT-5 (GMT+05:00)");
    expect(timeZoneLabel("Etc/GMT+3")).toBe("Etc/GMT+3 (GMT-03:00)");
  });
});

describe("clocks across a daylight-saving change", () => {
  it("London and New York change on different Sundays, so the gap between them moves by an hour in late March and early November", () => {
    const gap = (iso: string) =>
      (utcOffsetMinutes(at(iso), "Europe/London") - utcOffsetMinutes(at(iso), "America/New_York")) /
      60;
    // New York moves on 8 March 2026, London on 29 March; London moves back on 25 October, New York on 1 November.
    expect(
      [
        "2026-03-07T12:00:00Z",
        "2026-03-09T12:00:00Z",
        "2026-03-28T12:00:00Z",
        "2026-03-30T12:00:00Z",
      ].map(gap),
    ).toEqual([5, 4, 4, 5]);
    expect(
      [
        "2026-10-24T12:00:00Z",
        "2026-10-26T12:00:00Z",
        "2026-10-31T12:00:00Z",
        "2026-11-02T12:00:00Z",
      ].map(gap),
    ).toEqual([5, 4, 4, 5]);
    expect(utcOffsetMinutes(at("2026-06-01T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(utcOffsetMinutes(at("2026-06-01T12:00:00Z"), "Asia/Kathmandu")).toBe(345);
  });

  it("reads the calendar and clock of a zone", () => {
    expect(localTime(at("2026-11-22T23:30:00Z"), "Europe/Berlin")).toEqual({
      date: "2026-11-23",
      weekday: 1,
      hour: 0,
      minute: 30,
    });
    expect(localTime(at("2026-03-29T01:30:00Z"), "Europe/London")).toEqual({
      date: "2026-03-29",
      weekday: 7,
      hour: 2,
      minute: 30,
    });
  });
});

describe("a time entered on the viewer's clock", () => {
  it("names the instant it is in that zone, before and after the clocks change", () => {
    expect(instantFromLocal("2026-03-27T10:00", "Europe/Berlin")).toEqual(
      at("2026-03-27T09:00:00Z"),
    );
    expect(instantFromLocal("2026-03-30T10:00", "Europe/Berlin")).toEqual(
      at("2026-03-30T08:00:00Z"),
    );
    expect(instantFromLocal("2026-10-30T09:00", "America/New_York")).toEqual(
      at("2026-10-30T13:00:00Z"),
    );
    expect(instantFromLocal("2026-11-02T09:00", "America/New_York")).toEqual(
      at("2026-11-02T14:00:00Z"),
    );
    expect(instantFromLocal("2026-12-01T14:00", "UTC")).toEqual(at("2026-12-01T14:00:00Z"));
    expect(instantFromLocal("2026-12-01T14:00:00", "Asia/Kolkata")).toEqual(
      at("2026-12-01T08:30:00Z"),
    );
  });

  it("a time the clocks skip is read with the offset before the change; one they repeat is the first of the two", () => {
    expect(instantFromLocal("2026-03-29T01:30", "Europe/London")).toEqual(
      at("2026-03-29T01:30:00Z"),
    );
    expect(localDateTimeValue(at("2026-03-29T01:30:00Z"), "Europe/London")).toBe(
      "2026-03-29T02:30",
    );
    expect(instantFromLocal("2026-10-25T01:30", "Europe/London")).toEqual(
      at("2026-10-25T00:30:00Z"),
    );
    expect(instantFromLocal("2026-11-01T01:30", "America/New_York")).toEqual(
      at("2026-11-01T05:30:00Z"),
    );
  });

  it("reads back as it was entered", () => {
    for (const [value, zone] of [
      ["2026-03-30T10:00", "Europe/Berlin"],
      ["2026-11-02T09:15", "America/New_York"],
      ["2026-07-01T23:45", "Pacific/Auckland"],
      ["2026-01-01T00:00", "Asia/Kathmandu"],
    ] as const) {
      expect(localDateTimeValue(instantFromLocal(value, zone)!, zone)).toBe(value);
    }
  });

  it("is nothing when it is not a date and time", () => {
    for (const value of [
      "next Tuesday",
      "",
      "2026-02-30T10:00",
      "2026-12-01T24:00",
      "2026-12-01",
      "2026-12-01T14:00Z",
    ])
      expect(instantFromLocal(value, "Europe/Berlin")).toBeNull();
  });

  it("a form's field gives the instant, a message for nonsense, and for an optional one null when empty", () => {
    const required = dateTimeField("Europe/Berlin", {
      invalid: "Give a date and time.",
      missing: "Give the date and time.",
    });
    expect(required.parse("2026-03-30T10:00")).toEqual(at("2026-03-30T08:00:00Z"));
    expect(required.safeParse("").error?.issues[0]?.message).toBe("Give the date and time.");
    expect(required.safeParse("soon").error?.issues[0]?.message).toBe("Give a date and time.");
    const optional = optionalDateTimeField(
      "America/New_York",
      "Give a date and time, or leave it empty.",
    );
    expect(optional.parse(undefined)).toBeNull();
    expect(optional.parse("2026-11-02T09:00")).toEqual(at("2026-11-02T14:00:00Z"));
    expect(optional.safeParse("soon").error?.issues[0]?.message).toBe(
      "Give a date and time, or leave it empty.",
    );
  });
});

describe("a time shown on the viewer's clock", () => {
  it("names the zone", () => {
    const berlin = formatsFor("en", "Europe/Berlin");
    expect(berlin.dateTime(at("2026-03-30T08:00:00Z"), "full")).toBe(
      "Monday, 30 March 2026 at 10:00 (Europe/Berlin)",
    );
    expect(formatsFor("en", "America/New_York").dateTime("2026-11-02T14:00:00.000Z")).toBe(
      "2 Nov 2026, 09:00 (America/New_York)",
    );
    expect(formatsFor("en", "UTC").dateTime(at("2026-11-02T14:00:00Z"))).toBe(
      "2 Nov 2026, 14:00 (UTC)",
    );
    expect(berlin.timeOfDay(at("2026-03-30T08:05:00Z"))).toBe("10:05 (Europe/Berlin)");
  });

  it("keeps a form's schema per zone, and reads each zone's on its own clock", () => {
    const berlin = meetingSchema("Europe/Berlin");
    expect(meetingSchema("Europe/Berlin")).toBe(berlin);
    const entered = { startsAt: "2026-11-02T09:00", minutes: "60" };
    expect(berlin.parse(entered).startsAt.toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(meetingSchema("America/New_York").parse(entered).startsAt.toISOString()).toBe(
      "2026-11-02T14:00:00.000Z",
    );
    expect(meetingSchema("Europe/Berlin").parse(entered).startsAt.toISOString()).toBe(
      "2026-11-02T08:00:00.000Z",
    );
  });
});
