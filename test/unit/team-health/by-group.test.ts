import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  experienceByGroup,
  groupsOf,
  quarterBounds,
  quarterOf,
  type GroupStore,
} from "~/modules/team-health/by-group";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";

/**
 * Experience by group (decision 126) against scipy on generated stores (scripts/team-health-by-group-fixtures.py,
 * a fixed seed; CI has no scipy, so the JSON is the record): twelve organisations of two tracks and three levels,
 * each group's store released in whole batches of four with items too alike withheld, every item and score
 * against the rest of the shown groups (Welch's t; the score's conservative t), Holm over every comparison.
 */

type Compared = { estimate: number; interval: [number, number]; pValue: number; adjustedP: number };
type ExpectedGroup = {
  answers: number;
  items: Record<string, { mean: number | null; difference: Compared | null }>;
  score: { estimate: number; difference: Compared | null } | null;
};
const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/team-health-by-group-scipy.json", import.meta.url), "utf8"),
) as {
  cases: { stores: GroupStore[]; comparisons: number; groups: Record<string, ExpectedGroup> }[];
};

// Means and estimates are arithmetic: to 1e-12. Intervals and p-values go through jStat's t, which
// agrees with scipy's to about 1e-9 of its value: to 1e-7.
const exact = (actual: number, expected: number, what: string) =>
  expect(actual, what).toBeCloseTo(expected, 12);
const close = (actual: number, expected: number, what: string) =>
  expect(actual, what).toBeCloseTo(expected, 7);

function compare(actual: Compared | null, expected: Compared | null, what: string) {
  if (!expected) return expect(actual, what).toBeNull();
  expect(actual, what).not.toBeNull();
  exact(actual!.estimate, expected.estimate, `${what} estimate`);
  close(actual!.interval[0], expected.interval[0], `${what} low`);
  close(actual!.interval[1], expected.interval[1], `${what} high`);
  close(actual!.pValue, expected.pValue, `${what} p`);
  close(actual!.adjustedP, expected.adjustedP, `${what} adjusted p`);
}

/** Every group's people spread over teams: the policy's spread rule is the integration tests'. */
const spread = () => ({ asked: 40, elsewhere: 20 });

describe("experience by group equals scipy's on generated stores", () => {
  it("has cases of every kind: scores compared, items withheld, groups not yet shown, marks that hold up", () => {
    const groups = fixture.cases.flatMap((entry) => Object.values(entry.groups));
    expect(fixture.cases.length).toBe(12);
    expect(groups.filter((group) => group.score?.difference).length).toBeGreaterThan(2);
    expect(groups.some((group) => group.score === null)).toBe(true);
    expect(
      groups.some((group) => Object.values(group.items).some((item) => item.mean === null)),
    ).toBe(true);
    expect(
      groups.some((group) =>
        Object.values(group.items).some((item) => (item.difference?.adjustedP ?? 1) < 0.05),
      ),
    ).toBe(true);
    const stored = fixture.cases.reduce((sum, entry) => sum + entry.stores.length, 0);
    expect(stored).toBeGreaterThan(groups.length);
  });

  fixture.cases.forEach((entry, index) => {
    it(`organisation ${index}: each group's figures, its differences from the rest and Holm over all`, () => {
      const experience = experienceByGroup(entry.stores, spread);
      expect(experience.comparisons).toBe(entry.comparisons);
      for (const dimension of experience.dimensions)
        for (const group of dimension.groups) {
          const what = `${dimension.id}:${group.value}`;
          const expected = entry.groups[what];
          if (!expected) {
            expect(group.shown, what).toBe(false);
            continue;
          }
          if (!group.shown) throw new Error(`${what} is not shown`);
          expect(group.answers, what).toBe(expected.answers);
          for (const row of group.items) {
            const item = expected.items[row.item]!;
            if (item.mean === null) expect(row.figures, `${what} ${row.item}`).toBeNull();
            else exact(row.figures!.scoredMean, item.mean, `${what} ${row.item} mean`);
            compare(row.difference, item.difference, `${what} ${row.item}`);
          }
          if (!expected.score) expect(group.score, what).toBeNull();
          else {
            exact(group.score!.estimate, expected.score.estimate, `${what} score`);
            compare(group.scoreDifference, expected.score.difference, `${what} score`);
          }
        }
    });
  });
});

describe("groups and quarters", () => {
  it("takes track, level and each imported attribute, never a team or a manager, and nothing unknown", () => {
    expect(
      groupsOf({
        track: "engineering",
        level: null,
        attributes: { location: " Lisbon ", team: "Falcons", Manager: "Maya", empty: "" },
      }),
    ).toEqual([
      { dimension: "track", group: "engineering" },
      { dimension: "attribute:location", group: "Lisbon" },
    ]);
  });

  it("names an answer's quarter by its check-in's start, in UTC", () => {
    expect(quarterOf(new Date("2026-12-31T23:59:59Z"))).toBe("2026-Q4");
    expect(quarterOf(new Date("2027-01-01T00:00:00Z"))).toBe("2027-Q1");
    expect(quarterBounds("2026-Q2")).toEqual({
      from: new Date("2026-04-01T00:00:00Z"),
      to: new Date("2026-07-01T00:00:00Z"),
    });
    expect(quarterBounds("2026-Q5")).toBeNull();
  });

  it("sets a group against the other shown groups only: a hidden group's answers are in no rest", () => {
    const store = (group: string, values: number[]) => ({
      dimension: "level",
      group,
      floor: 4,
      answers: values.map((value) => ({
        batch: 0,
        values: Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, value])),
      })),
    });
    const stores = [
      store("junior", [1, 2, 3, 4]),
      store("mid", [4, 5, 6, 7]),
      store("staff", [1, 1, 7, 7]),
    ];
    const shown = (dimension: string, group: string) =>
      group === "staff" ? { asked: 5, elsewhere: 1 } : { asked: 9, elsewhere: 4 };
    const [junior, mid, staff] = experienceByGroup(stores, shown).dimensions[0]!.groups;
    expect(staff).toEqual({ value: "staff", shown: false });
    if (!junior?.shown || !mid?.shown) throw new Error("junior and mid are shown");
    // Junior against mid alone: 2.5 against 5.5 on every item as answered, the reverse-scored ones turned round.
    expect(junior.items.map((row) => row.difference!.estimate)).toEqual(
      EDMONDSON_ITEMS.map((item) =>
        ["mistakesHeldAgainst", "rejectDifferent", "hardToAskHelp"].includes(item) ? 3 : -3,
      ),
    );
    // Scores (4 × 2.5 + 3 × 5.5) / 7 against (4 × 5.5 + 3 × 2.5) / 7.
    expect(junior.scoreDifference!.estimate).toBeCloseTo(-3 / 7, 12);
  });

  it("shows a group whose people were asked in one team only as too few, whatever its answers", () => {
    const answers = [2, 3, 5, 6].map((value) => ({
      batch: 0,
      values: Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, value])),
    }));
    const stores = [{ dimension: "level", group: "staff", floor: 4, answers }];
    expect(
      experienceByGroup(stores, () => ({ asked: 6, elsewhere: 3 })).dimensions[0]!.groups,
    ).toEqual([{ value: "staff", shown: false }]);
    expect(
      experienceByGroup(stores, () => ({ asked: 8, elsewhere: 4 })).dimensions[0]!.groups[0],
    ).toMatchObject({ value: "staff", shown: true, answers: 4 });
  });
});
