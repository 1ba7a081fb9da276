import { describe, expect, test } from "vitest";
import { fairnessReport, type FairnessPerson } from "~/modules/calibration/fairness";
import {
  cycleOutcomeRelease,
  outcomeDimensions,
  outcomeGroups,
  outcomeTableRelease,
  type OutcomeEntry,
} from "~/modules/disclosure/outcomes";
import { sessionTable } from "~/modules/disclosure/reports";
import { sessionFairness } from "../../utils/fairness";

/**
 * Two sessions of one cycle, s2 locked after s1; the fairness report of s2 is read beside the cycle's
 * insights and s1's report. s1's three are too few to show, so nothing read at its lock is taken from
 * what s2 adds.
 */
const rows: [string, string, string, string][] = [
  ["p0", "s1", "B", "l2"],
  ["p1", "s2", "C", "l1"],
  ["p2", "s2", "C", "l2"],
  ["p3", "s2", "C", "l1"],
  ["p4", "s2", "C", "l2"],
  ["p5", "s2", "A", "l2"],
  ["p6", "s2", "C", "l2"],
  ["p7", "s1", "B", "l1"],
  ["p8", "s1", "B", "l2"],
  ["p9", "s2", "A", "l2"],
];

describe("comparisons with everyone else", () => {
  test("a group's difference from the rest is not shown where the rest is fewer people than the floor: it would give their figures", () => {
    const entries: OutcomeEntry[] = rows.map(([personId, sessionId, team, levelId]) => ({
      personId,
      sessionId,
      cycleId: "c",
      team,
      trackId: "ic",
      levelId,
      attributes: {},
    }));
    const release = cycleOutcomeRelease("c", entries, true, () => 4);
    const own = entries.filter((entry) => entry.sessionId === "s2");
    const dimensions = outcomeDimensions(own);
    const people: FairnessPerson[] = own.map((entry, index) => ({
      finalRating: 1 + (index % 4),
      promoted: index % 3 === 0,
      groups: outcomeGroups(entry, dimensions),
    }));
    const report = fairnessReport(
      people,
      dimensions.map((id) => ({ id, label: id })),
      outcomeTableRelease(release, sessionTable("s2")),
    );
    for (const dimension of report.dimensions) {
      for (const group of dimension.groups) {
        if (group.ratingDifference === null && group.promotionDifference === null) continue;
        const rest = own.filter(
          (entry) => outcomeGroups(entry, dimensions)[dimension.id] !== group.value,
        ).length;
        expect(rest, `${dimension.id}=${group.value} against ${rest}`).toBeGreaterThanOrEqual(4);
      }
    }
    // s2's own figures are hidden and team C (five of its seven) is shown: the two of team A beside it are not compared with it.
    expect(report.meanRating).toBeNull();
    const c = report.dimensions
      .find((dimension) => dimension.id === "team")!
      .groups.find((group) => group.value === "C")!;
    expect(c.meanRating).not.toBeNull();
    expect([c.ratingDifference, c.promotionDifference]).toEqual([null, null]);
  });

  test("the total less a shown group is not five people each alone in their team, under a floor of six", () => {
    const person = (team: string, rating: number, promoted = false): FairnessPerson => ({
      finalRating: rating,
      promoted,
      groups: { team },
    });
    const people = [
      ...Array.from({ length: 10 }, () => person("A", 3)),
      person("B", 1),
      person("C", 4, true),
      person("D", 2),
      person("E", 4, true),
      person("F", 1),
    ];
    const report = sessionFairness(people, [{ id: "team", label: "Team" }], 6);
    const a = report.dimensions[0]!.groups.find((group) => group.value === "A")!;
    // Each of the five is below the floor on their own; together they are still fewer than six.
    expect(report.meanRating !== null && a.meanRating !== null).toBe(false);
    expect(a.ratingDifference).toBeNull();
  });
});

describe("one outcome per person and cycle", () => {
  test("a person calibrated again in a later session: the cycle's row and the earlier session's report do not give their change", () => {
    // Six people in s1; p7 in s1 (stay) and again in s2, locked later (promote): insights counts s2's outcome, s1's report its own.
    const entry = (personId: string, sessionId: string): OutcomeEntry => ({
      personId,
      sessionId,
      cycleId: "c",
      team: "A",
      trackId: "ic",
      levelId: "l1",
      attributes: {},
    });
    const entries = [
      entry("p7", "s2"),
      ...["p1", "p2", "p3", "p4", "p5", "p6", "p7"].map((person) => entry(person, "s1")),
    ];
    const release = cycleOutcomeRelease("c", entries, true, () => 4);
    const cycle = outcomeTableRelease(release, "cycle:c");
    const s1 = outcomeTableRelease(release, sessionTable("s1"));
    expect(cycle.table && s1.table).toBe(false);
    expect(cycle.group("team", "A") && s1.group("team", "A")).toBe(false);
  });
});
