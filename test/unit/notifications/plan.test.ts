import { describe, expect, test } from "vitest";
import { passSections, planMessages, type PlanInput } from "~/modules/notifications/plan";
import { DEFAULT_PREFERENCES } from "~/modules/notifications/preferences";
import type { TodoItem } from "~/modules/todo/todo";

const DAY = 24 * 60 * 60 * 1000;
// Monday 23 November 2026, 10:00 UTC.
const monday = new Date("2026-11-23T10:00:00Z");

function item(
  key: string,
  daysLeft: number | null,
  kind: TodoItem["kind"] = "self-assessment",
  due: Date | null = daysLeft === null ? null : new Date(Date.UTC(2026, 10, 23) + daysLeft * DAY),
): TodoItem {
  return {
    key,
    kind,
    title: { key: "home:todo.selfAssessment.title", values: { cycle: key } },
    detail: [],
    href: `/${key}`,
    due,
    daysLeft,
  };
}

function plan(overrides: Partial<PlanInput>) {
  return planMessages({
    personId: "p1",
    preferences: DEFAULT_PREFERENCES,
    timeZone: "UTC",
    items: [],
    known: new Set(),
    now: monday,
    ...overrides,
  });
}

const summary = (messages: ReturnType<typeof plan>) =>
  messages.map((message) => `${message.status} ${message.key}`);

describe("which reminders a person is owed", () => {
  test("a new item gets one nudge; one already in the outbox gets none", () => {
    const items = [item("a", 10)];
    expect(summary(plan({ items, now: new Date("2026-11-24T10:00:00Z") }))).toEqual([
      "queued nudge-new:p1:a",
    ]);
    expect(
      plan({ items, known: new Set(["nudge-new:p1:a"]), now: new Date("2026-11-24T10:00:00Z") }),
    ).toEqual([]);
  });

  test("due in two days and overdue, once each per due date; a new item's nudge already gives its due date", () => {
    const known = new Set(["nudge-new:p1:a"]);
    const tuesday = new Date("2026-11-24T10:00:00Z");
    expect(summary(plan({ items: [item("a", 2)], known, now: tuesday }))).toEqual([
      "queued nudge-due-soon:p1:a:2026-11-25",
    ]);
    expect(summary(plan({ items: [item("a", 3)], known, now: tuesday }))).toEqual([]);
    expect(summary(plan({ items: [item("a", -1)], known, now: tuesday }))).toEqual([
      "queued nudge-overdue:p1:a:2026-11-22",
    ]);
    expect(summary(plan({ items: [item("a", -1)], now: tuesday }))).toEqual([
      "queued nudge-new:p1:a",
      "skipped nudge-overdue:p1:a:2026-11-22",
    ]);
  });

  test("a scorecard is nudged once it is still owed a day after its interview, not before", () => {
    const known = new Set(["nudge-new:p1:s"]);
    const interview = new Date("2026-11-24T14:00:00Z");
    const card = (now: Date) =>
      plan({ known, now, items: [item("s", 0, "scorecard", new Date(interview.getTime() + DAY))] });
    expect(card(new Date("2026-11-25T13:59:00Z"))).toEqual([]);
    expect(summary(card(new Date("2026-11-25T14:00:00Z")))).toEqual([
      "queued nudge-scorecard:p1:s",
    ]);
  });

  test("the weekly digest comes on Monday from 09:00 on the person's clock; daily every day; never not at all", () => {
    const known = new Set(["nudge-new:p1:a"]);
    const items = [item("a", 10)];
    expect(summary(plan({ items, known }))).toEqual(["queued digest:p1:2026-11-23"]);
    // 10:00 UTC is 05:00 in New York: not yet.
    expect(plan({ items, known, timeZone: "America/New_York" })).toEqual([]);
    // In Tokyo it is 19:00 on Monday.
    expect(summary(plan({ items, known, timeZone: "Asia/Tokyo" }))).toEqual([
      "queued digest:p1:2026-11-23",
    ]);
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo, then 09:00 half an hour later.
    expect(
      plan({ items, known, timeZone: "Asia/Tokyo", now: new Date("2026-11-22T23:30:00Z") }),
    ).toEqual([]);
    expect(
      summary(
        plan({ items, known, timeZone: "Asia/Tokyo", now: new Date("2026-11-23T00:00:00Z") }),
      ),
    ).toEqual(["queued digest:p1:2026-11-23"]);
    const tuesday = new Date("2026-11-24T10:00:00Z");
    expect(plan({ items, known, now: tuesday })).toEqual([]);
    expect(
      summary(
        plan({
          items,
          known,
          now: tuesday,
          preferences: { ...DEFAULT_PREFERENCES, digest: "daily" },
        }),
      ),
    ).toEqual(["queued digest:p1:2026-11-24"]);
    expect(
      plan({ items, known, preferences: { ...DEFAULT_PREFERENCES, digest: "never" } }),
    ).toEqual([]);
    expect(plan({ items: [], known })).toEqual([]);
  });

  test("items new on the day of a digest are told by the digest alone", () => {
    expect(summary(plan({ items: [item("a", 10), item("b", 1)] }))).toEqual([
      "queued digest:p1:2026-11-23",
      "skipped nudge-new:p1:a",
      "skipped nudge-new:p1:b",
      "skipped nudge-due-soon:p1:b:2026-11-24",
    ]);
  });

  test("the digest lists dated items first, soonest first", () => {
    const messages = plan({
      items: [item("undated", null), item("later", 9), item("sooner", 1)],
      known: new Set([
        "nudge-new:p1:undated",
        "nudge-new:p1:later",
        "nudge-new:p1:sooner",
        "nudge-due-soon:p1:sooner:2026-11-24",
      ]),
    });
    expect(messages.map((message) => message.items.map((entry) => entry.key))).toEqual([
      ["sooner", "later", "undated"],
    ]);
  });

  test("a nudge turned off, or everything paused, is recorded as skipped so it does not come later as news", () => {
    const items = [item("a", 10)];
    expect(
      summary(
        plan({
          items,
          now: new Date("2026-11-24T10:00:00Z"),
          preferences: { ...DEFAULT_PREFERENCES, nudgeNew: false },
        }),
      ),
    ).toEqual(["skipped nudge-new:p1:a"]);
    expect(summary(plan({ items, preferences: { ...DEFAULT_PREFERENCES, paused: true } }))).toEqual(
      ["skipped nudge-new:p1:a"],
    );
    // With new-item nudges off, "due soon" is the first word of it.
    expect(
      summary(
        plan({
          items: [item("b", 1)],
          now: new Date("2026-11-24T10:00:00Z"),
          preferences: { ...DEFAULT_PREFERENCES, nudgeNew: false },
        }),
      ),
    ).toEqual(["skipped nudge-new:p1:b", "queued nudge-due-soon:p1:b:2026-11-24"]);
  });
});

describe("one email per person per pass", () => {
  const sections = (messages: ReturnType<typeof plan>) =>
    passSections(messages).map((section) => [
      section.kind,
      section.items.map((entry) => entry.key),
    ]);

  test("new items and items due soon go in one email, each kind with its items; skipped ones are not in it", () => {
    const tuesday = new Date("2026-11-24T10:00:00Z");
    const messages = plan({
      items: [item("a", 2), item("b", 10), item("c", -1)],
      known: new Set(["nudge-new:p1:a", "nudge-new:p1:c"]),
      now: tuesday,
      preferences: { ...DEFAULT_PREFERENCES, nudgeOverdue: false },
    });
    expect(summary(messages)).toEqual([
      "queued nudge-due-soon:p1:a:2026-11-25",
      "queued nudge-new:p1:b",
      "skipped nudge-overdue:p1:c:2026-11-22",
    ]);
    expect(sections(messages)).toEqual([
      ["nudge-new", ["b"]],
      ["nudge-due-soon", ["a"]],
    ]);
  });

  test("when the digest goes, it is the email: the nudges of the same pass are told by it", () => {
    const messages = plan({
      items: [item("a", 1), item("b", 10)],
      known: new Set(["nudge-new:p1:a"]),
      now: new Date("2026-11-23T09:30:00Z"),
    });
    expect(summary(messages)).toEqual([
      "queued digest:p1:2026-11-23",
      "queued nudge-due-soon:p1:a:2026-11-24",
      "skipped nudge-new:p1:b",
    ]);
    expect(sections(messages)).toEqual([["digest", ["a", "b"]]]);
  });

  test("nothing wanted, no email", () => {
    expect(
      passSections(
        plan({ items: [item("a", 10)], preferences: { ...DEFAULT_PREFERENCES, paused: true } }),
      ),
    ).toEqual([]);
  });
});
