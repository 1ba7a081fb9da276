import { describe, expect, test } from "vitest";
import {
  MANAGERS_SHOWN,
  NAMES_PER_LINE,
  oneToOnesCard,
  REPORTS_SHOWN,
  type BelowLine,
  type ReportLine,
} from "~/modules/conversations/team-card";

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
function report(name: string, facts: Partial<ReportLine> = {}): ReportLine {
  return {
    personId: `id-${name}`,
    name,
    hasSeries: true,
    overdue: false,
    lastHeldAt: day(20),
    lastHeld: { unit: "days", count: 3 },
    overdueActions: 0,
    ...facts,
  };
}
function line(through: string, notSetUp: number, overdue: number): BelowLine {
  return {
    managerId: `id-${through}`,
    through,
    notSetUp: Array.from({ length: notSetUp }, (_, index) => `${through} new ${index}`),
    overdue: Array.from({ length: overdue }, (_, index) => ({
      name: `${through} late ${index}`,
      lastHeld: { unit: "months", count: 3 },
    })),
  };
}

describe("the team page's one-to-ones card", () => {
  test("overdue first, then none set up, then overdue actions, then the longest since the last one, then by name", () => {
    const reports = [
      report("Ann"),
      report("Bea", { lastHeldAt: day(2) }),
      report("Cat", { overdueActions: 2 }),
      report("Dan", { hasSeries: false, lastHeldAt: null, overdueActions: null }),
      report("Eve", { overdue: true, lastHeldAt: day(5) }),
      report("Fox", { overdue: true, lastHeldAt: day(1) }),
      report("Abe"),
    ];
    expect(oneToOnesCard(reports, [], false).reports.map((shown) => shown.name)).toEqual([
      "Fox",
      "Eve",
      "Dan",
      "Cat",
      "Bea",
      "Abe",
      "Ann",
    ]);
  });

  test("names the first few who most need one and counts the rest by what they need; all of them when asked", () => {
    const reports = [
      ...Array.from({ length: REPORTS_SHOWN }, (_, index) =>
        report(`Late ${String(index).padStart(2, "0")}`, { overdue: true }),
      ),
      report("Zed", { overdue: true }),
      report("Yan", { hasSeries: false, lastHeldAt: null, overdueActions: null }),
      report("Xia"),
    ];
    const card = oneToOnesCard(reports, [], false);
    expect(card.reports).toHaveLength(REPORTS_SHOWN);
    expect(card.reports.every((shown) => shown.overdue)).toBe(true);
    expect(card.moreReports).toEqual({ people: 3, overdue: 1, notSetUp: 1 });
    expect(card.reports[0]).not.toHaveProperty("lastHeldAt");
    const all = oneToOnesCard(reports, [], true);
    expect(all.reports).toHaveLength(REPORTS_SHOWN + 3);
    expect(all.moreReports).toEqual({ people: 0, overdue: 0, notSetUp: 0 });
  });

  test("two levels down: the managers with most people waiting first, a few names a line, the rest counted", () => {
    const below = [
      line("Quiet", 1, 0),
      ...Array.from({ length: MANAGERS_SHOWN }, (_, index) =>
        line(`Busy ${index}`, NAMES_PER_LINE + 2, 1),
      ),
      line("Lots", 0, NAMES_PER_LINE + 4),
    ];
    const card = oneToOnesCard([report("Ann")], below, false);
    expect(card.below).toHaveLength(MANAGERS_SHOWN);
    // Lots has the most waiting; the busy ones tie and go by name; the last busy one and Quiet are counted.
    expect(card.below[0]).toMatchObject({ through: "Lots", moreOverdue: 4, moreNotSetUp: 0 });
    expect(card.below[0]!.overdue).toHaveLength(NAMES_PER_LINE);
    expect(card.below[1]).toMatchObject({ through: "Busy 0", moreNotSetUp: 2, moreOverdue: 0 });
    expect(card.below[1]!.notSetUp).toHaveLength(NAMES_PER_LINE);
    expect(card.below.map((shown) => shown.through)).not.toContain("Quiet");
    expect(card.moreBelow).toEqual({ managers: 2, people: NAMES_PER_LINE + 3 + 1 });
    const all = oneToOnesCard([report("Ann")], below, true);
    expect(all.below).toHaveLength(MANAGERS_SHOWN + 2);
    expect(all.below.every((shown) => shown.moreNotSetUp === 0 && shown.moreOverdue === 0)).toBe(
      true,
    );
    expect(all.moreBelow).toEqual({ managers: 0, people: 0 });
  });
});
