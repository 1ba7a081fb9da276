import { describe, expect, test } from "vitest";
import { todoItems, type TodoFacts } from "~/modules/todo/todo";

const now = new Date("2026-03-20T10:00:00Z");
const spring = { id: "c1", name: "Spring 2026", endsOn: new Date("2026-03-28T00:00:00Z") };
const autumn = { id: "c2", name: "Autumn 2025", endsOn: new Date("2026-03-10T00:00:00Z") };
const none: TodoFacts = { ownCycles: [], reportsToReview: [], cyclesToClose: [] };

describe("what to do next", () => {
  test("nothing to do: an empty list", () => {
    expect(todoItems(none, now)).toEqual([]);
  });

  test("a self-assessment not submitted is due at the cycle's end; a submitted one is gone", () => {
    const items = todoItems({ ...none, ownCycles: [{ cycle: spring, selfProgress: 1, canAssess: true }] }, now);
    expect(items).toEqual([
      { key: "self:c1", kind: "self-assessment", title: "Assess yourself for Spring 2026", detail: "Your draft is saved; finish and submit it.", href: "/assess", due: spring.endsOn, daysLeft: 8 },
    ]);
    expect(todoItems({ ...none, ownCycles: [{ cycle: spring, selfProgress: 2, canAssess: true }] }, now)).toEqual([]);
    // Someone who cannot assess (no level) is not asked to.
    expect(todoItems({ ...none, ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: false }] }, now)).toEqual([]);
  });

  test("reviews are one item per cycle, naming who is ready; one report links straight to their review", () => {
    const [many] = todoItems(
      {
        ...none,
        reportsToReview: [
          { cycle: spring, person: { id: "p1", name: "Lena" }, selfProgress: 2, managerProgress: 1 },
          { cycle: spring, person: { id: "p2", name: "Omar" }, selfProgress: 0, managerProgress: 0 },
        ],
      },
      now,
    );
    expect(many).toMatchObject({ kind: "manager-review", title: "Review 2 reports for Spring 2026", href: "/team", daysLeft: 8 });
    expect(many!.detail).toBe("1 ready to review. Lena (self-assessment submitted, your review drafted); Omar (self-assessment not started).");
    const [one] = todoItems({ ...none, reportsToReview: [{ cycle: spring, person: { id: "p2", name: "Omar" }, selfProgress: 1, managerProgress: 0 }] }, now);
    expect(one).toMatchObject({ title: "Review Omar for Spring 2026", href: "/people/p2/review" });
  });

  test("soonest first, overdue ones marked by negative days", () => {
    const items = todoItems({ ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }], reportsToReview: [], cyclesToClose: [autumn] }, now);
    expect(items.map((item) => [item.key, item.daysLeft])).toEqual([
      ["close:c2", -10],
      ["self:c1", 8],
    ]);
  });

  test("calibration: proposals still to make, and sessions to run until published, undated after dated items", () => {
    const items = todoItems(
      {
        ...none,
        ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }],
        proposalsToMake: [{ session: { id: "s1", name: "Checkout calibration" }, dueOn: null, total: 3, missing: 2 }],
        sessionsToRun: [{ session: { id: "s2", name: "Search calibration" }, stateLabel: "Live", nextLabel: "Locked" }],
      },
      now,
    );
    expect(items.map((item) => [item.kind, item.title, item.detail, item.href])).toEqual([
      ["self-assessment", "Assess yourself for Spring 2026", "Not started yet.", "/assess"],
      ["calibration-proposals", "Propose ratings for Checkout calibration", "2 of 3 reports have no proposal yet.", "/calibration/s1"],
      ["calibration-facilitate", "Run Search calibration", "Live; next: locked.", "/calibration/s2"],
    ]);
  });

  test("proposals with a due date are dated, and sorted among the dated items", () => {
    const due = new Date(now.getTime() + 2 * 24 * 60 * 60 * 1000);
    const items = todoItems({ ...none, ownCycles: [{ cycle: spring, selfProgress: 0, canAssess: true }], proposalsToMake: [{ session: { id: "s1", name: "Checkout calibration" }, dueOn: due, total: 3, missing: 2 }] }, now);
    expect(items.map((item) => [item.key, item.due, item.daysLeft])).toEqual([
      ["proposals:s1", due, 2],
      ["self:c1", spring.endsOn, expect.any(Number)],
    ]);
  });
});
