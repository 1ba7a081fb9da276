import { describe, expect, test } from "vitest";
import {
  attentionFlags,
  countDisagreements,
  countStates,
  cycleStatus,
  daysLeft,
  participantStage,
  participantState,
  parseState,
  progressOf,
  stageOf,
  stateShares,
  totalOf,
  type AttentionFacts,
  type Progress,
} from "~/modules/cycles/cycle-progress";

describe("participant state", () => {
  test("the furthest status of each kind counts", () => {
    expect(progressOf([])).toBe(0);
    expect(progressOf(["draft"])).toBe(1);
    expect(progressOf(["draft", "submitted"])).toBe(2);
  });

  test("a begun manager review is the later step, whatever the self-assessment's state", () => {
    const table: [Progress, Progress, string][] = [
      [0, 0, "not-started"],
      [1, 0, "self-draft"],
      [2, 0, "self-submitted"],
      [0, 1, "manager-draft"],
      [2, 1, "manager-draft"],
      [1, 2, "manager-submitted"],
      [2, 2, "manager-submitted"],
    ];
    for (const [self, manager, state] of table) {
      expect(participantState(self, manager), `self ${self}, manager ${manager}`).toBe(state);
      expect(stageOf(participantState(self, manager))).toBe(participantStage(self, manager));
    }
  });

  test("counts fold the (self, manager) groups the progress query returns, numbers or bigints alike", () => {
    const counts = countStates([
      { self: 0, manager: 0, count: 3 },
      { self: 2, manager: 0, count: 5n },
      { self: 1, manager: 1, count: "2" },
      { self: 2, manager: 1, count: 1 },
      { self: 2, manager: 2, count: 4 },
    ]);
    expect(counts).toEqual({ "not-started": 3, "self-draft": 0, "self-submitted": 5, "manager-draft": 3, "manager-submitted": 4 });
    expect(totalOf(counts)).toBe(15);
  });

  test("only known states pass the filter", () => {
    expect(parseState("self-draft")).toBe("self-draft");
    expect(parseState("drop table")).toBe("");
    expect(parseState(null)).toBe("");
  });

  test("bar shares are whole percents that add up to 100", () => {
    const shares = stateShares({ "not-started": 1, "self-draft": 1, "self-submitted": 1, "manager-draft": 0, "manager-submitted": 0 });
    expect(shares.reduce((sum, share) => sum + share.percent, 0)).toBe(100);
    expect(shares.map((share) => share.percent)).toEqual([34, 33, 33, 0, 0]);
    // No participants: still one share per state, each 0 (every() would also hold for no shares at all).
    expect(stateShares({ "not-started": 0, "self-draft": 0, "self-submitted": 0, "manager-draft": 0, "manager-submitted": 0 }).map((share) => share.percent)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("cycle status and days left", () => {
  const cycle = { startsOn: new Date("2026-03-01T00:00:00Z"), endsOn: new Date("2026-03-28T00:00:00Z"), closedAt: null };

  test("upcoming, open through its last day, then overdue until closed", () => {
    expect(cycleStatus(cycle, new Date("2026-02-28T23:00:00Z"))).toBe("upcoming");
    expect(cycleStatus(cycle, new Date("2026-03-01T00:00:00Z"))).toBe("open");
    expect(cycleStatus(cycle, new Date("2026-03-28T23:59:00Z"))).toBe("open");
    expect(cycleStatus(cycle, new Date("2026-03-29T00:00:00Z"))).toBe("overdue");
    expect(cycleStatus({ ...cycle, closedAt: new Date("2026-03-10T00:00:00Z") }, new Date("2026-03-05T00:00:00Z"))).toBe("closed");
  });

  test("days left count whole days to the end of the last day", () => {
    expect(daysLeft(cycle.endsOn, new Date("2026-03-28T10:00:00Z"))).toBe(0);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-27T10:00:00Z"))).toBe(1);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-14T10:00:00Z"))).toBe(14);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-29T10:00:00Z"))).toBe(-1);
  });
});

describe("needs attention", () => {
  const base: AttentionFacts = { inCycle: true, cycleOpen: true, daysLeft: 30, self: 0, manager: 0, disagreements: 0, rated: 0, unevidenced: 0 };
  const kinds = (facts: Partial<AttentionFacts>) => attentionFlags({ ...base, ...facts }).map((flag) => flag.kind);

  test("nothing to flag early in a cycle", () => {
    expect(kinds({})).toEqual([]);
  });

  test("a self-assessment not started near the end, and the manager review with it", () => {
    expect(kinds({ daysLeft: 14 })).toEqual(["self-not-started", "manager-not-started"]);
    expect(attentionFlags({ ...base, daysLeft: 3 })[0]!.label).toBe("Self-assessment not started, 3 days left");
    expect(attentionFlags({ ...base, daysLeft: -2 })[0]!.label).toBe("Self-assessment not started, cycle past its end");
    expect(kinds({ daysLeft: 5, self: 1 })).toEqual(["manager-not-started"]);
  });

  test("the manager review is flagged as soon as the self-assessment is in", () => {
    expect(kinds({ self: 2 })).toEqual(["manager-not-started"]);
    expect(kinds({ self: 2, manager: 1 })).toEqual([]);
  });

  test("timing flags only apply to participants of an open cycle", () => {
    expect(kinds({ daysLeft: 1, inCycle: false })).toEqual([]);
    expect(kinds({ daysLeft: 1, cycleOpen: false })).toEqual([]);
  });

  test("a big disagreement and thin evidence are flagged in any cycle", () => {
    expect(kinds({ cycleOpen: false, self: 2, manager: 2, disagreements: 2, rated: 20, unevidenced: 10 })).toEqual(["disagreement", "thin-evidence"]);
    expect(kinds({ self: 2, manager: 2, rated: 20, unevidenced: 9 })).toEqual([]);
    expect(attentionFlags({ ...base, self: 2, manager: 2, disagreements: 1 })[0]!.label).toBe("Self and manager 2+ points apart on 1 competency");
  });

  test("disagreements count competencies rated on both sides at least two points apart", () => {
    const self = new Map<string, number | null>([
      ["a", 1],
      ["b", 4],
      ["c", 3],
      ["d", null],
      ["e", 2],
    ]);
    const manager = new Map<string, number | null>([
      ["a", 3],
      ["b", 2],
      ["c", 2],
      ["d", 4],
    ]);
    expect(countDisagreements(self, manager)).toBe(2);
  });
});
