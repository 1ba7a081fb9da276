import { describe, expect, test } from "vitest";
import {
  attentionFlags,
  countDisagreements,
  countStates,
  cycleStatus,
  participantFigures,
  participantState,
  progressNeedingAttention,
  progressOf,
  statePairs,
  PARTICIPANT_STATES,
  PROGRESS_PAIRS,
  stateShares,
  totalOf,
  type AttentionFacts,
  type CycleAssessment,
} from "~/modules/cycles/cycle-progress";
import { daysLeft } from "~/modules/days";
import type { Progress } from "~/modules/progress";

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
    }
  });

  test("each state is picked by its own progress pairs, and every pair belongs to exactly one state", () => {
    expect(statePairs("manager-draft")).toEqual([
      { self: 0, manager: 1 },
      { self: 1, manager: 1 },
      { self: 2, manager: 1 },
    ]);
    expect(statePairs("self-submitted")).toEqual([{ self: 2, manager: 0 }]);
    expect(PARTICIPANT_STATES.flatMap((state) => statePairs(state)).length).toBe(
      PROGRESS_PAIRS.length,
    );
  });

  test("counts fold the (self, manager) groups the progress query returns", () => {
    const counts = countStates([
      { self: 0, manager: 0, count: 3 },
      { self: 2, manager: 0, count: 5 },
      { self: 1, manager: 1, count: 2 },
      { self: 2, manager: 1, count: 1 },
      { self: 2, manager: 2, count: 4 },
    ]);
    expect(counts).toEqual({
      "not-started": 3,
      "self-draft": 0,
      "self-submitted": 5,
      "manager-draft": 3,
      "manager-submitted": 4,
    });
    expect(totalOf(counts)).toBe(15);
  });

  test("bar shares are whole percents that add up to 100", () => {
    const shares = stateShares({
      "not-started": 1,
      "self-draft": 1,
      "self-submitted": 1,
      "manager-draft": 0,
      "manager-submitted": 0,
    });
    expect(shares.reduce((sum, share) => sum + share.percent, 0)).toBe(100);
    expect(shares.map((share) => share.percent)).toEqual([34, 33, 33, 0, 0]);
    // No participants: still one share per state, each 0 (every() would also hold for no shares at all).
    expect(
      stateShares({
        "not-started": 0,
        "self-draft": 0,
        "self-submitted": 0,
        "manager-draft": 0,
        "manager-submitted": 0,
      }).map((share) => share.percent),
    ).toEqual([0, 0, 0, 0, 0]);
  });
});

describe("cycle status and days left", () => {
  const cycle = {
    startsOn: new Date("2026-03-01T00:00:00Z"),
    endsOn: new Date("2026-03-28T00:00:00Z"),
    closedAt: null,
  };

  test("upcoming, open through its last day, then overdue until closed", () => {
    expect(cycleStatus(cycle, new Date("2026-02-28T23:00:00Z"))).toBe("upcoming");
    expect(cycleStatus(cycle, new Date("2026-03-01T00:00:00Z"))).toBe("open");
    expect(cycleStatus(cycle, new Date("2026-03-28T23:59:00Z"))).toBe("open");
    expect(cycleStatus(cycle, new Date("2026-03-29T00:00:00Z"))).toBe("overdue");
    expect(
      cycleStatus(
        { ...cycle, closedAt: new Date("2026-03-10T00:00:00Z") },
        new Date("2026-03-05T00:00:00Z"),
      ),
    ).toBe("closed");
  });

  test("days left count whole days to the end of the last day", () => {
    expect(daysLeft(cycle.endsOn, new Date("2026-03-28T10:00:00Z"))).toBe(0);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-27T10:00:00Z"))).toBe(1);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-14T10:00:00Z"))).toBe(14);
    expect(daysLeft(cycle.endsOn, new Date("2026-03-29T10:00:00Z"))).toBe(-1);
  });
});

describe("needs attention", () => {
  const base: AttentionFacts = {
    inCycle: true,
    cycleOpen: true,
    daysLeft: 30,
    self: 0,
    manager: 0,
    disagreements: 0,
    rated: 0,
    unevidenced: 0,
  };
  const kinds = (facts: Partial<AttentionFacts>) =>
    attentionFlags({ ...base, ...facts }).map((flag) => flag.kind);

  test("nothing to flag early in a cycle", () => {
    expect(kinds({})).toEqual([]);
  });

  test("a self-assessment not started near the end, and the manager review with it", () => {
    expect(kinds({ daysLeft: 14 })).toEqual(["self-not-started", "manager-not-started"]);
    expect(attentionFlags({ ...base, daysLeft: 3 })[0]!.message).toEqual({
      key: "team:attention.selfNotStarted",
      values: { days: 3 },
    });
    expect(attentionFlags({ ...base, daysLeft: -2 })[0]!.message).toEqual({
      key: "team:attention.selfNotStartedPastEnd",
    });
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
    expect(
      kinds({
        cycleOpen: false,
        self: 2,
        manager: 2,
        disagreements: 2,
        rated: 20,
        unevidenced: 10,
      }),
    ).toEqual(["disagreement", "thin-evidence"]);
    expect(kinds({ self: 2, manager: 2, rated: 20, unevidenced: 9 })).toEqual([]);
    expect(attentionFlags({ ...base, self: 2, manager: 2, disagreements: 1 })[0]!.message).toEqual({
      key: "team:attention.disagreement",
      values: { points: 2, count: 1 },
    });
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

describe("who needs attention, as the queries ask it", () => {
  test("early in an open cycle, only a manager review not started after the self-assessment is in", () => {
    expect(progressNeedingAttention(true, 30)).toEqual([{ self: 2, manager: 0 }]);
  });

  test("near the end, any side not started", () => {
    expect(progressNeedingAttention(true, 14)).toEqual([
      { self: 0, manager: 0 },
      { self: 0, manager: 1 },
      { self: 0, manager: 2 },
      { self: 1, manager: 0 },
      { self: 2, manager: 0 },
    ]);
    expect(progressNeedingAttention(true, -3)).toEqual(progressNeedingAttention(true, 0));
  });

  test("never in a closed cycle", () => {
    expect(progressNeedingAttention(false, 1)).toEqual([]);
  });
});

describe("a participant's kept figures", () => {
  let next = 0;
  const assessment = (
    kind: string,
    status: string,
    ratings: (number | null)[],
    evidence: number[] = [],
  ): CycleAssessment => ({
    id: `a${String((next += 1)).padStart(3, "0")}`,
    kind,
    status,
    ratings: ratings.map((rating, index) => ({
      competencyId: `c${index}`,
      rating,
      evidence: evidence[index] ?? 0,
    })),
  });

  test("nothing yet", () => {
    expect(participantFigures([])).toEqual({
      self: 0,
      manager: 0,
      rated: 0,
      unevidenced: 0,
      disagreements: 0,
      flagged: false,
    });
  });

  test("drafts move progress but their ratings count for nothing", () => {
    expect(
      participantFigures([
        assessment("self", "draft", [1, 4]),
        assessment("manager", "draft", [4, 1]),
      ]),
    ).toEqual({
      self: 1,
      manager: 1,
      rated: 0,
      unevidenced: 0,
      disagreements: 0,
      flagged: false,
    });
  });

  test("submitted reviews give ratings, missing evidence and disagreements, and flag a conversation", () => {
    const figures = participantFigures([
      assessment("self", "submitted", [1, 3, null], [1, 0, 0]),
      assessment("manager", "submitted", [3, 3, 2], [1, 1, 1]),
    ]);
    expect(figures).toEqual({
      self: 2,
      manager: 2,
      rated: 5,
      unevidenced: 1,
      disagreements: 1,
      flagged: true,
    });
  });

  test("half or more of the ratings without evidence is flagged, less is not", () => {
    expect(participantFigures([assessment("self", "submitted", [2, 2], [1, 0])]).flagged).toBe(
      true,
    );
    expect(
      participantFigures([assessment("self", "submitted", [2, 2, 2], [1, 1, 0])]).flagged,
    ).toBe(false);
  });

  test("the newest submitted review of a kind replaces an older one (a skip-level's second review)", () => {
    const self = assessment("self", "submitted", [2, 2], [1, 1]);
    const first = assessment("manager", "submitted", [4, 4], [1, 1]);
    const second = assessment("manager", "submitted", [2, 2], [1, 1]);
    expect(participantFigures([self, second, first])).toMatchObject({
      manager: 2,
      rated: 4,
      disagreements: 0,
      flagged: false,
    });
    expect(participantFigures([self, first])).toMatchObject({ disagreements: 2, flagged: true });
  });
});
