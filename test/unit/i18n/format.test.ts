import { describe, expect, test } from "vitest";
import { formatsFor } from "~/i18n/format";

describe("formatting in the page's language and the viewer's time zone", () => {
  test("numbers and percentages in each language's own way", () => {
    expect(formatsFor("en", "UTC").number(1234.5, 1)).toBe("1,234.5");
    expect(formatsFor("de", "UTC").number(1234.5, 1)).toBe("1.234,5");
    // Given digits, always that many: a mean of 5 beside one of 4.5 reads "5.0".
    expect(formatsFor("en", "UTC").number(5, 1)).toBe("5.0");
    expect(formatsFor("de", "UTC").number(0.8, 2)).toBe("0,80");
    // A measured value as it was typed, grouped: a key result's 3087.5 ms.
    expect(formatsFor("en", "UTC").measure(3087.5)).toBe("3,087.5");
    expect(formatsFor("de", "UTC").measure(3087.5)).toBe("3.087,5");
    expect(formatsFor("en", "UTC").measure(2975)).toBe("2,975");
    expect(formatsFor("en", "UTC").percent(0.42)).toBe("42%");
    expect(formatsFor("de", "UTC").percent(0.42)).toBe("42\u00a0%"); // a no-break space
    expect(formatsFor("fr", "UTC").percent(0.425, 1)).toBe("42,5\u00a0%");
  });

  test("a month (the growth history's points outside a cycle) is the language's own", () => {
    expect(formatsFor("en", "Pacific/Auckland").month("2026-05")).toBe("May 2026");
    expect(formatsFor("de", "America/Los_Angeles").month("2026-05")).toBe("Mai 2026");
    expect(formatsFor("fr", "UTC").month(new Date("2026-05-01T00:00:00Z"))).toBe("mai 2026");
  });

  test("a day is the same day everywhere, written as the language writes it", () => {
    expect(formatsFor("en", "Pacific/Auckland").day("2026-12-18")).toBe("18 Dec 2026");
    expect(formatsFor("de", "America/Los_Angeles").day(new Date("2026-12-18T00:00:00Z"))).toBe(
      "18.12.2026",
    );
  });

  test("days written again are the same words, each day its own, in each language and form", () => {
    const english = formatsFor("en", "UTC");
    const days = ["2026-12-18", "2026-12-19", "2026-12-18", "2027-01-04", "2026-12-19"];
    expect(days.map(english.day)).toEqual([
      "18 Dec 2026",
      "19 Dec 2026",
      "18 Dec 2026",
      "4 Jan 2027",
      "19 Dec 2026",
    ]);
    // Any time of a day is that day; before 1970 too.
    expect(english.day(new Date("2026-12-18T23:59:59.999Z"))).toBe("18 Dec 2026");
    expect(english.day(new Date("1969-07-20T20:17:00Z"))).toBe("20 Jul 1969");
    expect(english.day("1969-07-21")).toBe("21 Jul 1969");
    expect(formatsFor("de", "UTC").day("2026-12-18")).toBe("18.12.2026");
    expect(english.month("2026-12-18")).toBe("Dec 2026");
    expect(english.weekday("2026-12-18")).toBe("Fri");
    expect(() => english.day("not a day")).toThrow(RangeError);
    // Made once per language and zone, for every component that asks.
    expect(formatsFor("en", "UTC")).toBe(english);
    expect(formatsFor("en", "Europe/Paris")).not.toBe(english);
  });

  test("times written again are the same words, each minute and clock its own", () => {
    const london = formatsFor("en", "Europe/London");
    const times = [
      "2026-03-30T09:15:00Z",
      "2026-03-30T09:15:59Z",
      "2026-03-30T09:16:00Z",
      "2026-03-30T09:15:30Z",
      "1969-07-20T20:17:40Z",
      "1969-07-20T20:18:00Z",
    ];
    expect(times.map((at) => london.timeOfDay(at))).toEqual([
      "10:15 (Europe/London)",
      "10:15 (Europe/London)",
      "10:16 (Europe/London)",
      "10:15 (Europe/London)",
      "21:17 (Europe/London)",
      "21:18 (Europe/London)",
    ]);
    expect(london.dateTime("2026-03-30T09:16:00Z")).toBe("30 Mar 2026, 10:16 (Europe/London)");
    expect(formatsFor("en", "Asia/Kolkata").timeOfDay("2026-03-30T09:15:00Z")).toBe(
      "14:45 (Asia/Kolkata)",
    );
  });

  test("an instant is read on the viewer's clock, the zone named", () => {
    const lateInLondon = "2026-03-30T23:30:00Z";
    expect(formatsFor("en", "Europe/London").dateTime(lateInLondon)).toBe(
      "31 Mar 2026, 00:30 (Europe/London)",
    );
    expect(formatsFor("de", "America/New_York").dateTime(lateInLondon)).toBe(
      "30.03.2026, 19:30 (America/New_York)",
    );
    expect(formatsFor("fr", "Europe/Paris").timeOfDay(lateInLondon)).toBe("01:30 (Europe/Paris)");
  });

  test("a time of day on no day (the digest's hour) is written as the language writes its times", () => {
    expect(formatsFor("en", "Pacific/Auckland").clock(9)).toBe("09:00");
    expect(formatsFor("fr", "America/New_York").clock(9, 30)).toBe("09:30");
    expect(formatsFor("es", "UTC").clock(9)).toBe("9:00");
  });

  test("names make a list as the language writes one", () => {
    expect(formatsFor("en", "UTC").list(["Testing", "Security", "Design"])).toBe(
      "Testing, Security and Design",
    );
    expect(formatsFor("fr", "UTC").list(["Tests", "Sécurité"])).toBe("Tests et Sécurité");
    expect(formatsFor("ar", "UTC").list(["أ", "ب", "ج"])).toBe("أ وب وج");
  });

  test("names sort in the language's alphabetical order", () => {
    expect(["Zebra", "Ärger", "Apfel"].sort(formatsFor("de", "UTC").compare)).toEqual([
      "Apfel",
      "Ärger",
      "Zebra",
    ]);
    expect(["été", "etre", "Eva"].sort(formatsFor("fr", "UTC").compare)).toEqual([
      "été",
      "etre",
      "Eva",
    ]);
  });
});
