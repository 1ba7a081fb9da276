import { describe, expect, test } from "vitest";
import { daysLeft } from "~/modules/days";
import { nextDigestAt, nextPlanAt, nudgeBand, planMessages } from "~/modules/notifications/plan";
import { DEFAULT_PREFERENCES, type Preferences } from "~/modules/notifications/preferences";
import type { TodoItem } from "~/modules/todo/todo";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// Tuesday 24 November 2026, 10:00 UTC.
const tuesday = new Date("2026-11-24T10:00:00Z");

/** The item as the to-do list shows it at `now`: its days left worked out then (todo.ts does the same). */
function itemAt(
  key: string,
  due: Date | null,
  now: Date,
  kind: TodoItem["kind"] = "self-assessment",
): TodoItem {
  return {
    key,
    kind,
    title: { key: "home:todo.selfAssessment.title", values: { cycle: key } },
    detail: [],
    href: `/${key}`,
    due,
    daysLeft: due ? daysLeft(due, now) : null,
  };
}

describe("when a person's reminders are next owed with nothing written", () => {
  test("the bands a due date passes through: later, due soon from two days before, overdue from the day after", () => {
    expect([5, 3, 2, 0, -1, -7, null].map(nudgeBand)).toEqual([
      null,
      null,
      "nudge-due-soon",
      "nudge-due-soon",
      "nudge-overdue",
      "nudge-overdue",
      null,
    ]);
  });

  test("an item due on Friday: next at its due-soon moment, then at its overdue one, then never", () => {
    const preferences: Preferences = { ...DEFAULT_PREFERENCES, digest: "never" };
    const friday = new Date("2026-11-27T00:00:00Z");
    const next = (now: Date) =>
      nextPlanAt({ preferences, timeZone: "UTC", items: [itemAt("a", friday, now)], now });
    expect(next(new Date("2026-11-24T10:00:00Z"))).toEqual(new Date("2026-11-25T00:00:00Z"));
    expect(next(new Date("2026-11-25T00:00:00Z"))).toEqual(new Date("2026-11-28T00:00:00Z"));
    expect(next(new Date("2026-11-28T00:00:00Z"))).toBeNull();
  });

  test("a scorecard: when it falls due, not before and not again", () => {
    const preferences: Preferences = { ...DEFAULT_PREFERENCES, digest: "never" };
    const due = new Date("2026-11-25T14:00:00Z");
    expect(
      nextPlanAt({
        preferences,
        timeZone: "UTC",
        items: [itemAt("s", due, tuesday, "scorecard")],
        now: tuesday,
      }),
    ).toEqual(due);
    expect(
      nextPlanAt({
        preferences,
        timeZone: "UTC",
        items: [itemAt("s", due, due, "scorecard")],
        now: due,
      }),
    ).toBeNull();
  });

  test("the digest: 09:00 on the person's own clock, on Mondays when weekly, every day when daily, never when off or paused", () => {
    expect(nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "weekly" }, "UTC", tuesday)).toEqual(
      new Date("2026-11-30T09:00:00Z"),
    );
    expect(nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "daily" }, "UTC", tuesday)).toEqual(
      new Date("2026-11-25T09:00:00Z"),
    );
    expect(
      nextDigestAt(
        { ...DEFAULT_PREFERENCES, digest: "daily" },
        "UTC",
        new Date("2026-11-24T08:59:00Z"),
      ),
    ).toEqual(new Date("2026-11-24T09:00:00Z"));
    // 10:00 UTC on Tuesday is 05:00 in New York: today's 09:00 there is still to come.
    expect(
      nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "daily" }, "America/New_York", tuesday),
    ).toEqual(new Date("2026-11-24T14:00:00Z"));
    // Monday 09:00 in Tokyo is Monday 00:00 UTC.
    expect(
      nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "weekly" }, "Asia/Tokyo", tuesday),
    ).toEqual(new Date("2026-11-30T00:00:00Z"));
    expect(nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "never" }, "UTC", tuesday)).toBeNull();
    expect(
      nextDigestAt({ ...DEFAULT_PREFERENCES, digest: "daily", paused: true }, "UTC", tuesday),
    ).toBeNull();
  });

  test("nothing planMessages would add comes before the moment nextPlanAt names, and something comes at it (generated lists, zones and choices)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const zones = ["UTC", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"];
    const digests: Preferences["digest"][] = ["weekly", "daily", "never"];
    for (let round = 0; round < 300; round++) {
      const now = new Date(tuesday.getTime() + Math.floor(random() * 14 * DAY));
      const preferences: Preferences = { ...DEFAULT_PREFERENCES, digest: digests[round % 3]! };
      const timeZone = zones[round % zones.length]!;
      const dues = Array.from(
        { length: 1 + Math.floor(random() * 3) },
        () => new Date(now.getTime() + Math.floor((random() * 12 - 4) * DAY)),
      );
      const kinds: TodoItem["kind"][] = dues.map(() =>
        random() < 0.25 ? "scorecard" : "self-assessment",
      );
      const items = (at: Date) =>
        dues.map((due, index) => itemAt(`i${index}`, due, at, kinds[index]));
      // Everything owed now has been recorded, as a pass does.
      const known = new Set(
        planMessages({
          personId: "p",
          preferences,
          timeZone,
          items: items(now),
          known: new Set(),
          now,
        }).map((message) => message.key),
      );
      const next = nextPlanAt({ preferences, timeZone, items: items(now), now });
      const owed = (at: Date) =>
        planMessages({
          personId: "p",
          preferences,
          timeZone,
          items: items(at),
          known,
          now: at,
        }).map((message) => message.key);
      const until = next ? next.getTime() : now.getTime() + 20 * DAY;
      for (let step = 1; step <= 24; step++) {
        const at = new Date(now.getTime() + ((until - now.getTime()) * step) / 25);
        expect(
          owed(at),
          `round ${round}: nothing owed at ${at.toISOString()} before ${next?.toISOString()}`,
        ).toEqual([]);
      }
      expect(owed(new Date(until - 1)), `round ${round}: a millisecond before`).toEqual([]);
      if (next)
        expect(
          owed(next).length,
          `round ${round}: something owed at ${next.toISOString()}`,
        ).toBeGreaterThan(0);
    }
  });
});
