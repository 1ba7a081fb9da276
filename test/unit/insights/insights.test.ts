import { describe, expect, it } from "vitest";
import { correlate } from "~/modules/hiring/validity";
import { funnelBuckets } from "~/modules/hiring/pipeline";
import { funnelWithIntervals, readableAt, validityOverTime } from "~/modules/insights/hiring";
import { Attacker } from "../../utils/derive";
import { mentoringComparison } from "~/modules/insights/mentoring";
import { wilsonInterval } from "~/modules/statistics/intervals";
import { insightsScope } from "~/modules/insights/policy";
import { calibrationShift, type ShiftRecord } from "~/modules/insights/shift";
import {
  levelSpells,
  releasedSpells,
  timeInLevel,
  type PersonHistory,
} from "~/modules/insights/time-in-level";

const DAY = 86_400_000;
const viewer = { id: "v", name: "V", email: "v@example.com", isAdmin: false, isHiringAdmin: false };

describe("insights", () => {
  it("admins see the organisation, managers the people under them, nobody else anything", () => {
    expect(insightsScope({ ...viewer, isAdmin: true }, { hasReports: false })).toEqual({
      kind: "organisation",
    });
    expect(insightsScope(viewer, { hasReports: true })).toEqual({
      kind: "reports",
      managerId: "v",
    });
    expect(insightsScope(viewer, { hasReports: false })).toBeNull();
  });

  it("a person's stays: promoted out of the first, moved sideways out of the second (censored), still at the third (censored)", () => {
    const spells = levelSpells(
      {
        id: "p",
        createdAt: 0,
        deactivatedAt: null,
        current: { track: "manager", level: "m1" },
        changes: [
          {
            at: 100 * DAY,
            from: { track: "ic", level: "ic1" },
            to: { track: "ic", level: "ic2" },
            promotion: true,
          },
          {
            at: 250 * DAY,
            from: { track: "ic", level: "ic2" },
            to: { track: "manager", level: "m1" },
            promotion: false,
          },
        ],
      },
      400 * DAY + 5,
    );
    expect(spells).toEqual([
      {
        personId: "p",
        track: "ic",
        level: "ic1",
        days: 100,
        promoted: true,
        entry: 0,
        knownStart: false,
      },
      {
        personId: "p",
        track: "ic",
        level: "ic2",
        days: 150,
        promoted: false,
        entry: 0,
        knownStart: true,
      },
      {
        personId: "p",
        track: "manager",
        level: "m1",
        days: 150,
        promoted: false,
        entry: 0,
        knownStart: true,
      },
    ]);
    // Someone who left is censored when they left; nothing changed: one stay from createdAt.
    expect(
      levelSpells(
        {
          id: "p",
          createdAt: 0,
          deactivatedAt: 30 * DAY,
          current: { track: "ic", level: "ic1" },
          changes: [],
        },
        400 * DAY,
      ),
    ).toEqual([
      {
        personId: "p",
        track: "ic",
        level: "ic1",
        days: 30,
        promoted: false,
        entry: 0,
        knownStart: false,
      },
    ]);
  });

  it("a person who left and came back has two stays: the first ended when they left, the second from their return, counted from then", () => {
    const ic2 = { track: "ic", level: "ic2" };
    const spells = levelSpells(
      {
        id: "p",
        createdAt: 0,
        deactivatedAt: null,
        current: ic2,
        changes: [
          {
            at: 100 * DAY,
            from: ic2,
            to: ic2,
            promotion: false,
            fromSince: -300 * DAY,
            presence: "left",
          },
          // Moved while away: the return is at the new level, and nothing is counted meanwhile.
          { at: 150 * DAY, from: ic2, to: { track: "ic", level: "ic3" }, promotion: true },
          {
            at: 200 * DAY,
            from: { track: "ic", level: "ic3" },
            to: { track: "ic", level: "ic3" },
            promotion: false,
            fromSince: -300 * DAY,
            presence: "returned",
          },
        ],
      },
      260 * DAY,
    );
    expect(spells).toEqual([
      {
        personId: "p",
        track: "ic",
        level: "ic2",
        days: 400,
        promoted: false,
        entry: 300,
        knownStart: true,
      },
      {
        personId: "p",
        track: "ic",
        level: "ic3",
        days: 60,
        promoted: false,
        entry: 0,
        knownStart: true,
      },
    ]);
    // The same person before the return: the move made while away already begins no stay, nor ends one.
    const away = levelSpells(
      {
        id: "p",
        createdAt: 0,
        deactivatedAt: 100 * DAY,
        current: { track: "ic", level: "ic3" },
        changes: [
          {
            at: 150 * DAY,
            from: ic2,
            to: { track: "ic", level: "ic3" },
            promotion: true,
            fromSince: -300 * DAY,
          },
        ],
      },
      260 * DAY,
    );
    expect(away).toEqual([spells[0]]);
  });

  it("a stay known to have begun before Rungs (a level since) counts from that day and enters the curve when Rungs first saw it", () => {
    // At L3 for years (since day −1000), added on day 0, promoted on day 30: 1,030 days at L3, seen from day 1,000 of them.
    const promoted = levelSpells(
      {
        id: "p",
        createdAt: 0,
        deactivatedAt: null,
        current: { track: "ic", level: "ic4" },
        changes: [
          {
            at: 30 * DAY,
            from: { track: "ic", level: "ic3" },
            to: { track: "ic", level: "ic4" },
            promotion: true,
            fromSince: -1000 * DAY,
          },
        ],
      },
      100 * DAY,
    );
    expect(promoted).toEqual([
      {
        personId: "p",
        track: "ic",
        level: "ic3",
        days: 1030,
        promoted: true,
        entry: 1000,
        knownStart: true,
      },
      {
        personId: "p",
        track: "ic",
        level: "ic4",
        days: 70,
        promoted: false,
        entry: 0,
        knownStart: true,
      },
    ]);
    // Still at the level given at import: the current stay counts from its day.
    expect(
      levelSpells(
        {
          id: "p",
          createdAt: 0,
          deactivatedAt: null,
          current: { track: "ic", level: "ic3" },
          levelSince: -200 * DAY,
          changes: [],
        },
        50 * DAY,
      ),
    ).toEqual([
      {
        personId: "p",
        track: "ic",
        level: "ic3",
        days: 250,
        promoted: false,
        entry: 200,
        knownStart: true,
      },
    ]);
    // A "since" after Rungs first saw the stay says nothing earlier: the stay counts from when it was seen.
    expect(
      levelSpells(
        {
          id: "p",
          createdAt: 0,
          deactivatedAt: null,
          current: { track: "ic", level: "ic3" },
          levelSince: 10 * DAY,
          changes: [],
        },
        50 * DAY,
      )[0],
    ).toMatchObject({ days: 50, entry: 0 });
    // The curve: the late arrival is not at risk before day 1,000 of their stay, so early promotions of others are not diluted by them.
    const curve = timeInLevel(
      [
        ...promoted.slice(0, 1),
        ...[100, 200, 300].map((days, index) => ({
          personId: `other${index}`,
          track: "ic",
          level: "ic3",
          days,
          promoted: true,
          entry: 0,
          knownStart: true,
        })),
      ],
      [{ track: "ic", levels: ["ic3"] }],
      () => 4,
    )[0]!.levels[0]!;
    expect(curve.curve!.steps.map((step) => [step.time, step.atRisk])).toEqual([
      [100, 3],
      [200, 2],
      [300, 1],
      [1030, 1],
    ]);
    expect(curve.unknownStarts).toBe(0);
  });

  it("levels with fewer stays than the floor get no curve; the others a Kaplan–Meier curve in the ladder's order", () => {
    let people = 0;
    const stay = (level: string, days: number, promoted: boolean) => ({
      personId: `p${people++}`,
      track: "ic",
      level,
      days,
      promoted,
      entry: 0,
      knownStart: true,
    });
    const tracks = timeInLevel(
      [
        stay("ic2", 10, true),
        stay("ic2", 20, false),
        stay("ic2", 30, true),
        stay("ic2", 40, true),
        stay("ic1", 5, true),
        stay("ic1", 6, true),
        stay("ic1", 7, false),
      ],
      [{ track: "ic", levels: ["ic1", "ic2", "ic3"] }],
      () => 4,
    );
    expect(tracks).toHaveLength(1);
    expect(
      tracks[0]!.levels.map((level) => [
        level.level,
        level.n,
        level.suppressed,
        level.curve === null,
      ]),
    ).toEqual([
      ["ic1", null, true, true],
      ["ic2", 4, false, false],
    ]);
    // 4 at risk, one promoted at 10 (0.75), one censored at 20, then 30: 0.75 × 1/2 = 0.375, the median.
    expect(tracks[0]!.levels[1]!.curve!.median).toBe(30);
  });

  it("calibration shift per manager: final minus proposed, its interval from the manager's own spread; a manager under the floor is hidden with the next smallest, as the total is shown", () => {
    let people = 0;
    const record = (managerId: string | null, shift: number, changed = false): ShiftRecord => ({
      personId: `p${people++}`,
      managerId,
      sessionId: "s",
      proposedRating: 3,
      finalRating: 3 + shift,
      proposedOutcome: "stay",
      finalOutcome: changed ? "promote" : "stay",
    });
    const report = calibrationShift(
      [
        ...[0, 0, -1, -1, 0, 0].map((shift, index) => record("ana", shift, index === 0)),
        ...[1, 0, 0, 0, 0].map((shift) => record("ben", shift)),
        record("cy", 1),
        // No proposal: not compared.
        { ...record("ana", 0), proposedRating: null },
      ],
      () => 4,
    );
    expect(report.n).toBe(12);
    expect(report.meanShift!.estimate).toBeCloseTo(0, 10);
    expect(
      report.managers.map((manager) => [manager.managerId, manager.n, manager.suppressed]),
    ).toEqual([
      ["ana", 6, false],
      ["ben", 5, true],
      ["cy", 1, true],
    ]);
    expect(report.managers[0]!.meanShift!.estimate).toBeCloseTo(-1 / 3, 10);
    // The interval from Ana's own spread (R: mean(a) ± qt(0.975, 5) · sd(a) / √6); from everyone's it was −0.875178 to 0.208512.
    expect(report.managers[0]!.meanShift!.interval[0]).toBeCloseTo(-0.87526, 5);
    expect(report.managers[0]!.meanShift!.interval[1]).toBeCloseTo(0.208593, 5);
    expect(report.managers[0]!.outcomeChanged!.estimate).toBeCloseTo(1 / 6, 10);
    expect(report.managers[1]!.meanShift).toBeNull();
  });

  it("a manager whose shifts are all equal gets an interval from everyone's spread, not one of zero width", () => {
    let people = 0;
    const record = (managerId: string, shift: number): ShiftRecord => ({
      personId: `p${people++}`,
      managerId,
      sessionId: "s",
      proposedRating: 3,
      finalRating: 3 + shift,
      proposedOutcome: "stay",
      finalOutcome: "stay",
    });
    const report = calibrationShift(
      [
        ...[0, 0, 0, 0, 0].map((shift) => record("steady", shift)),
        ...[1, -1, 0, 1, -1].map((shift) => record("moving", shift)),
      ],
      () => 4,
    );
    const steady = report.managers.find((manager) => manager.managerId === "steady")!;
    // R: 0 ± qt(0.975, 9) · sd(c(0,0,0,0,0,1,-1,0,1,-1)) / √5.
    expect(steady.meanShift!.estimate).toBe(0);
    expect(steady.meanShift!.interval[1]).toBeCloseTo(0.6744, 4);
  });
});

describe("a manager's time in level over time", () => {
  const at = (id: string, days: number, inside?: PersonHistory["inside"]): PersonHistory => ({
    id,
    createdAt: days * DAY,
    deactivatedAt: null,
    current: { track: "ic", level: "ic1" },
    changes: [],
    inside,
  });
  const floorOfTwo = () => 2;
  const read = (people: PersonHistory[]) =>
    releasedSpells(people, 10 * DAY, floorOfTwo).map((spell) => [spell.personId, spell.days]);

  it("a move out of the organisation is the person's contribution, and the level is read with the people still inside when its batch closed", () => {
    // a and b arrive: a batch. c arrives, then a moves out on day 5: the next batch, read on day 5 without a.
    expect(read([at("a", 0, [{ since: null, until: 5 * DAY }]), at("b", 1), at("c", 2)])).toEqual([
      ["b", 4],
      ["c", 3],
    ]);
  });

  it("a stay begun outside the organisation is released with the move in, not when it began", () => {
    // a and b arrive: a batch. d arrived at the level outside on day 3 and moves in on day 6; e arrives on day 4: the next batch closes with d's move, on day 6, with d's stay from day 3.
    expect(
      read([at("a", 0), at("b", 1), at("d", 3, [{ since: 6 * DAY, until: null }]), at("e", 4)]),
    ).toEqual([
      ["a", 6],
      ["b", 5],
      ["d", 3],
      ["e", 2],
    ]);
    // Without e, d's move in alone is no batch: the level stands as it was on day 1.
    expect(read([at("a", 0), at("b", 1), at("d", 3, [{ since: 6 * DAY, until: null }])])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
  });
});

describe("mentoring and growth", () => {
  const review = (personId: string, levelId: string, submittedAt: number, rating: number) => ({
    personId,
    levelId,
    submittedAt,
    ratings: new Map([["g", rating]]),
  });
  const reviews = new Map(
    Object.entries({
      m1: [review("m1", "ic2", 50, 2), review("m1", "ic2", 150, 3)],
      m2: [review("m2", "ic2", 60, 2), review("m2", "ic2", 160, 4)],
      // Comparable: same level, same starting rating, in no programme.
      c1: [review("c1", "ic2", 40, 2), review("c1", "ic2", 140, 2)],
      c2: [review("c2", "ic2", 40, 2), review("c2", "ic2", 170, 3)],
      // Not comparable: another level, another starting rating, a mentee elsewhere.
      c3: [review("c3", "ic3", 40, 2), review("c3", "ic3", 140, 4)],
      c4: [review("c4", "ic2", 40, 3), review("c4", "ic2", 140, 4)],
      x: [review("x", "ic2", 40, 2), review("x", "ic2", 140, 4)],
    }),
  );
  const pairs = [
    { menteeId: "m1", activeSince: 100, goals: ["g"] },
    { menteeId: "m2", activeSince: 100, goals: ["g", "unrated"] },
  ];

  it("compares each mentee's goal movement with comparable people's over the same dates, and says it is an association", () => {
    const comparison = mentoringComparison(pairs, reviews, new Set(["m1", "m2", "x"]), () => 2);
    expect(comparison).toMatchObject({
      mentees: 2,
      goals: 2,
      comparisonPeople: 2,
      suppressed: false,
    });
    // Mentees +1 and +2; c1 and c2 moved 0 and +1 (0.5 each time); differences 0.5 and 1.5.
    expect(comparison.menteeChange!.estimate).toBeCloseTo(1.5, 10);
    expect(comparison.comparisonChange!.estimate).toBeCloseTo(0.5, 10);
    expect(comparison.difference!.estimate).toBeCloseTo(1, 10);
    // Both mentees were compared with c1 and c2, so their differences share those two people's noise.
    // Over mentees alone: variance 0.5 / 2. Each person's part, their change less the rest of the
    // comparison (the other person, and the mentee's change less the difference of 1), over 2 people:
    // m1: c1 (0 − 0.5) / 2, c2 (1 − 0) / 2; m2: c1 (0 − 1) / 2, c2 (1 − 0.5) / 2; the cross products,
    // twice (−0.25 · −0.5 + 0.5 · 0.25) = 0.5, over 2 · 1 add 0.25. t with one degree of freedom:
    // 12.706 × √0.5.
    expect(comparison.difference!.interval[0]).toBeCloseTo(1 - 12.7062 * Math.sqrt(0.5), 3);
  });

  it("shows nothing while mentees or comparable people are fewer than the floor", () => {
    const comparison = mentoringComparison(pairs, reviews, new Set(["m1", "m2", "x"]), () => 4);
    expect(comparison).toMatchObject({
      mentees: 2,
      comparisonPeople: 2,
      suppressed: true,
      menteeChange: null,
      difference: null,
    });
  });
});

describe("hiring over time", () => {
  it("a move is the reader's to read when made, unless she sat on the candidate's panel owing her card then: once it is in, never while owed", () => {
    const seats = [
      { since: 10, until: 20 },
      { since: 18, until: 30 },
      { since: 50, until: null },
    ];
    // Before she was put on the panel she could read it already, as she can after her cards.
    expect([readableAt(5, seats), readableAt(35, seats)]).toEqual([5, 35]);
    // Made while she owed a card: once the last of the overlapping seats' cards was in.
    expect([readableAt(12, seats), readableAt(25, seats)]).toEqual([30, 30]);
    expect(readableAt(60, seats)).toBe(Number.POSITIVE_INFINITY);
    expect(readableAt(60, [])).toBe(60);
  });

  it("the validity loop per year of decision: each hire's mean interview score against their mean review rating, none below the minimum of hires", () => {
    const hire = (year: number, score: number, rating: number) => ({
      personId: `p${year}${score}${rating}`,
      decidedAt: new Date(Date.UTC(year, 5, 1)),
      interview: [
        { competencyId: "a", score, stageId: "s" },
        // Not rated in the review: left out.
        { competencyId: "b", score: 1, stageId: "s" },
      ],
      review: [{ competencyId: "a", rating }],
    });
    const scores = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4];
    const { periods, minN } = validityOverTime([
      ...scores.map((score, index) => hire(2025, score, scores[(index + 1) % 10]!)),
      hire(2026, 3, 3),
      { ...hire(2027, 3, 3), decidedAt: null },
    ]);
    expect(minN).toBe(10);
    expect(periods.map((period) => [period.period, period.n, period.suppressed])).toEqual([
      ["2025", 10, false],
      ["2026", 1, true],
    ]);
    // The 2025 figures are hiring's own correlation of the same pairs.
    expect(periods[0]!.pearson!.value).toBeCloseTo(
      correlate(
        scores,
        scores.map((_, index) => scores[(index + 1) % 10]!),
      ).pearson!.value,
      10,
    );
  });

  it("the funnel with Wilson's interval of each stage's conversion; a count of fewer candidates than the floor is hidden, and so is any that would give it", () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    const candidate = (
      ...stages: ("screen" | "interviews" | "offer" | "hired" | "rejected")[]
    ) => ({
      moves: stages.map((to, index) => ({
        from: index === 0 ? null : stages[index - 1]!,
        to,
        at: at(index + 1),
      })),
    });
    const histories = [
      ...Array.from({ length: 5 }, () => candidate("screen", "interviews", "offer", "hired")),
      ...Array.from({ length: 6 }, () => candidate("screen", "interviews", "rejected")),
      ...Array.from({ length: 8 }, () => candidate("screen", "rejected")),
      ...Array.from({ length: 4 }, () => candidate("screen")),
      candidate("screen", "interviews"),
    ];
    const ids = histories.map((_, index) => `c${index}`);
    const rows = funnelWithIntervals(histories, ids, 4);
    // Screen: 12 went on, 8 rejected (20 decided), 4 waiting: all shown.
    expect(rows[0]).toMatchObject({
      stage: "screen",
      reached: 24,
      movedOn: 12,
      rejected: 8,
      open: 4,
      suppressed: false,
    });
    expect(rows[0]!.conversion!.interval).toEqual(wilsonInterval(12, 20).interval);
    // Interviews: one candidate still waiting there, so a count beside them is hidden too (the rejections, fewer to hide than
    // the five who went on, who are also the offer stage's): the waiting one cannot be worked out, and no conversion is shown.
    expect(rows[1]).toMatchObject({
      stage: "interviews",
      reached: 12,
      movedOn: 5,
      rejected: null,
      open: null,
      suppressed: true,
      conversion: null,
    });
    // Offer: 5 reached, all 5 went on and none was rejected (a count of nobody is shown).
    expect(rows[2]).toMatchObject({ stage: "offer", reached: 5, movedOn: 5, rejected: 0 });
    // Whatever is shown, no hidden count follows from the shown ones (an independent attacker).
    const buckets = funnelBuckets(histories);
    const member = (indices: number[]) => indices.map((index) => ids[index]!);
    const cells = buckets.flatMap((bucket) =>
      (["reached", "movedOn", "rejected", "open"] as const).map((part) => ({
        part,
        stage: bucket.stage,
        members: member(bucket[part]),
      })),
    );
    const released = (stage: string, part: string) => {
      const row = rows.find((candidate) => candidate.stage === stage)!;
      return row[part as "reached"] !== null;
    };
    const attacker = new Attacker(
      cells.filter((cell) => released(cell.stage, cell.part)).map((cell) => cell.members),
    );
    for (const cell of cells)
      if (!released(cell.stage, cell.part) && cell.members.length)
        expect(attacker.derives(cell.members), `${cell.stage} ${cell.part}`).toBe(false);
  });
});
