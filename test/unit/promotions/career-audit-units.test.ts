// The pure rules of time to promotion: how a stay's months are counted, and which stays join which
// funnel on which day.
import { describe, expect, test } from "vitest";
import {
  monthsAfter,
  timeToPromotionUnits,
  type TenurePerson,
} from "~/modules/promotions/career-audit-units";

const at = (day: string) => new Date(`${day}T00:00:00.000Z`).getTime();
const day = (time: number) => new Date(time).toISOString().slice(0, 10);

describe("time to promotion's units", () => {
  test("a month later is the same day of the month, or the month's last where it is shorter", () => {
    expect(day(monthsAfter(at("2025-03-14"), 12))).toBe("2026-03-14");
    expect(day(monthsAfter(at("2024-02-29"), 12))).toBe("2025-02-28");
    expect(day(monthsAfter(at("2025-01-31"), 1))).toBe("2025-02-28");
    expect(day(monthsAfter(at("2025-08-31"), 24))).toBe("2027-08-31");
  });

  test("a stay joins on the day its months are up, promoted only if a promotion ended it by then; one that ended another way before never joins", () => {
    const person = (id: string, stay: Partial<TenurePerson["stays"][number]>): TenurePerson => ({
      id,
      stays: [
        {
          track: "ic",
          level: "ic2",
          began: at("2024-01-10"),
          seenAt: at("2024-01-10"),
          endedAt: null,
          promoted: false,
          ...stay,
        },
      ],
      corrections: [],
      groupsSince: [{ from: null, groups: { team: "Atlas" } }],
    });
    const people = [
      person("stayed", {}),
      person("promoted-in-time", { endedAt: at("2025-01-10"), promoted: true }),
      person("promoted-late", { endedAt: at("2025-01-11"), promoted: true }),
      person("moved-sideways", { endedAt: at("2024-06-01") }),
      person("unknown-start", { began: null }),
      person("seen-late", { seenAt: at("2025-03-01") }),
    ];
    const units = timeToPromotionUnits(
      people,
      12,
      ["yearAtLevel", "promotedWithinYear"],
      new Date(at("2026-01-01")),
    );
    expect(
      units.map((unit) => [
        unit.person,
        day(unit.history[0]!.at.getTime()),
        unit.history[0]!.state?.stage,
      ]),
    ).toEqual([
      ["stayed", "2025-01-10", "yearAtLevel"],
      ["promoted-in-time", "2025-01-10", "promotedWithinYear"],
      ["promoted-late", "2025-01-10", "yearAtLevel"],
      ["seen-late", "2025-03-01", "yearAtLevel"],
    ]);
    expect(units[0]!.history[0]!.state?.groups).toEqual({
      team: "Atlas",
      track: "ic",
      level: "ic2",
    });
    // Not read before its day.
    expect(
      timeToPromotionUnits(
        people,
        12,
        ["yearAtLevel", "promotedWithinYear"],
        new Date(at("2025-01-10")),
      ),
    ).toEqual([]);
  });
});
