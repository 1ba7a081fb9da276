import { describe, expect, test } from "vitest";
import type { FairnessPerson, FairnessReport } from "~/modules/calibration/fairness";
import { sessionFairness } from "../../utils/fairness";
import { seeded } from "./random";
import { proportionDifference, wilsonInterval } from "~/modules/statistics/intervals";
import { canSeeFairness } from "~/modules/calibration/policy";

/**
 * Tries to work out hidden figures from those a reader sees: per dimension, the session's totals
 * less every shown group's give the hidden people's together (directly, or through each shown
 * group's difference from the rest); if they are fewer than the floor, a small group's mean rating
 * and promotions are revealed. Returns what could be derived.
 */
function hiddenFiguresDerivable(report: FairnessReport, floor: number): string[] {
  if (report.meanRating === null || report.promotionRate === null) return [];
  const derived: string[] = [];
  const totalRating = report.meanRating * report.n;
  const totalPromoted = report.promotionRate.estimate * report.n;
  for (const dimension of report.dimensions) {
    const shown = dimension.groups.filter((group) => !group.suppressed);
    const hiddenN = report.n - shown.reduce((sum, group) => sum + group.n, 0);
    if (hiddenN === 0 || hiddenN >= floor) continue;
    const ratingSum = (groups: typeof shown) =>
      groups.reduce((sum, group) => sum + group.meanRating! * group.n, 0);
    const promotedSum = (groups: typeof shown) =>
      groups.reduce((sum, group) => sum + group.promotionRate!.estimate * group.n, 0);
    derived.push(
      `${dimension.label}: the ${hiddenN} hidden people's mean rating ${(totalRating - ratingSum(shown)) / hiddenN} and promotions ${totalPromoted - promotedSum(shown)}`,
    );
    for (const group of shown) {
      const restN = report.n - group.n;
      const restRating = (group.meanRating! - group.ratingDifference!.estimate) * restN;
      derived.push(
        `${dimension.label} through ${group.value}: ${(restRating - ratingSum(shown.filter((other) => other !== group))) / hiddenN}`,
      );
    }
  }
  return derived;
}

const round4 = (values: readonly number[]) =>
  values.map((value) => Math.round(value * 10_000) / 10_000);

describe("intervals for proportions (Newcombe 1998's worked examples)", () => {
  test("Wilson's score interval for 81 of 263", () => {
    expect(round4(wilsonInterval(81, 263).interval)).toEqual([0.2553, 0.3662]);
  });

  test("the hybrid score interval for a difference: 56/70 − 48/80 and 9/10 − 3/10", () => {
    const first = proportionDifference({ successes: 56, n: 70 }, { successes: 48, n: 80 })!;
    expect(first.estimate).toBeCloseTo(0.2, 10);
    expect(round4(first.interval)).toEqual([0.0524, 0.3339]);
    expect(first.excludesZero).toBe(true);
    const second = proportionDifference({ successes: 9, n: 10 }, { successes: 3, n: 10 })!;
    expect(round4(second.interval)).toEqual([0.1705, 0.809]);
  });

  test("no difference without people on both sides", () => {
    expect(proportionDifference({ successes: 0, n: 0 }, { successes: 1, n: 3 })).toBeNull();
  });
});

const person = (
  finalRating: number | null,
  promoted: boolean,
  team: string | null,
  location: string | null = null,
): FairnessPerson => ({
  finalRating,
  promoted,
  groups: { team, "attribute:location": location },
});
const dimensions = [
  { id: "team", label: "Team" },
  { id: "attribute:location", label: "Location" },
];

describe("the fairness report", () => {
  test("each group against everyone else, with figures only above the floor", () => {
    const people = [
      ...Array.from({ length: 6 }, (_, index) => person(4, index < 3, "Payments", "Berlin")),
      ...Array.from({ length: 6 }, () => person(2, false, "Search", "Lisbon")),
      ...Array.from({ length: 5 }, (_, index) => person(3, index === 0, "Growth", "Berlin")),
      person(null, false, "Growth"), // no final rating: not counted
    ];
    const report = sessionFairness(people, dimensions, 4);
    expect(report.n).toBe(17);
    expect(report.promotionRate?.estimate).toBeCloseTo(4 / 17, 10);
    const payments = report.dimensions[0]!.groups.find((group) => group.value === "Payments")!;
    expect(payments).toMatchObject({ n: 6, suppressed: false, meanRating: 4 });
    expect(payments.ratingDifference?.estimate).toBeCloseTo(4 - (6 * 2 + 5 * 3) / 11, 10);
    expect(payments.ratingDifference?.excludesZero).toBe(true);
    expect(payments.promotionRate?.estimate).toBe(0.5);
    expect(payments.promotionDifference?.estimate).toBeCloseTo(0.5 - 1 / 11, 10);
    // Groups are listed largest first.
    expect(report.dimensions[0]!.groups.map((group) => group.value)).toEqual([
      "Payments",
      "Search",
      "Growth",
    ]);
    const location = report.dimensions[1]!;
    expect(location.groups.map((group) => [group.value, group.n])).toEqual([
      ["Berlin", 11],
      ["Lisbon", 6],
    ]);
  });

  test("a group below the floor is neither named nor counted, and the next smallest is suppressed when it is the only one", () => {
    const people = [
      ...Array.from({ length: 8 }, () => person(3, false, "Payments")),
      ...Array.from({ length: 5 }, () => person(3, true, "Search")),
      ...Array.from({ length: 3 }, () => person(1, false, "Tiny")),
    ];
    const team = sessionFairness(people, dimensions.slice(0, 1), 4).dimensions[0]!;
    const shown = Object.fromEntries(team.groups.map((group) => [group.value, group.suppressed]));
    expect(shown).toEqual({ Payments: false, Search: true });
    expect(team.smallGroupsLeftOut).toBe(true);
    const search = team.groups.find((group) => group.value === "Search")!;
    expect(search).toEqual({
      value: "Search",
      label: "Search",
      n: 5,
      suppressed: true,
      meanRating: null,
      ratingDifference: null,
      promotionRate: null,
      promotionDifference: null,
      feedback: null,
    });
    // A big group whose rest is below the floor is not compared with those few either.
    const lopsided = [
      ...Array.from({ length: 10 }, () => person(3, false, "Big")),
      person(1, false, "One"),
      person(4, true, "Two"),
      person(4, true, "Two"),
    ];
    expect(
      sessionFairness(lopsided, dimensions.slice(0, 1), 4).dimensions[0]!.groups.map((group) => [
        group.value,
        group.suppressed,
      ]),
    ).toEqual([["Big", true]]);
    // With a higher floor nothing at all is shown.
    expect(
      sessionFairness(people, dimensions.slice(0, 1), 9).dimensions[0]!.groups.every(
        (group) => group.suppressed,
      ),
    ).toBe(true);
  });

  test("people without a value in a dimension are counted as unknown there, not as a group", () => {
    const people = [
      ...Array.from({ length: 4 }, () => person(3, false, "A", "Berlin")),
      ...Array.from({ length: 4 }, () => person(2, false, "A", "Lisbon")),
      ...Array.from({ length: 4 }, () => person(4, true, "B")),
    ];
    const location = sessionFairness(people, dimensions, 4).dimensions[1]!;
    expect(location.unknown).toBe(4);
    expect(location.groups.map((group) => group.value)).toEqual(["Berlin", "Lisbon"]);
    // Berlin is compared with everyone else in the session: Lisbon and the people with no location.
    expect(location.groups[0]!.ratingDifference?.estimate).toBe(0);
    expect(location.groups[0]!.promotionDifference?.estimate).toBe(-0.5);
    expect(hiddenFiguresDerivable(sessionFairness(people, dimensions, 4), 4)).toEqual([]);
  });

  test("one person with no team, kept in the totals, cannot be worked out from the two teams shown", () => {
    const people = [
      ...Array.from({ length: 5 }, (_, index) => person(3, index === 0, "A")),
      ...Array.from({ length: 5 }, () => person(2, false, "B")),
      person(4, true, null),
    ];
    const report = sessionFairness(people, dimensions.slice(0, 1), 4);
    expect(report.dimensions[0]!.unknown).toBe(1);
    expect(report.dimensions[0]!.groups.filter((group) => group.suppressed)).toHaveLength(1);
    expect(hiddenFiguresDerivable(report, 4)).toEqual([]);
  });

  test("on simulated sessions, no hidden group's figures follow from those shown", () => {
    const random = seeded(18);
    const teams = ["A", "B", "C", "D", "E"];
    for (let session = 0; session < 500; session++) {
      const size = 3 + Math.floor(random() * 30);
      const people = Array.from({ length: size }, () =>
        person(
          1 + Math.floor(random() * 4),
          random() < 0.3,
          random() < 0.1 ? null : teams[Math.floor(random() * teams.length)]!,
          random() < 0.5 ? "Berlin" : random() < 0.8 ? "Lisbon" : null,
        ),
      );
      expect(hiddenFiguresDerivable(sessionFairness(people, dimensions, 4), 4)).toEqual([]);
    }
  });

  test("only admins see it, and only once outcomes are locked", () => {
    const session = {
      facilitatorId: "f",
      calibratorIds: ["m"],
      state: "locked" as const,
      withheldPersonIds: [],
    };
    expect(canSeeFairness({ id: "a", isAdmin: true }, session)).toBe(true);
    expect(canSeeFairness({ id: "a", isAdmin: true }, { ...session, state: "published" })).toBe(
      true,
    );
    expect(canSeeFairness({ id: "a", isAdmin: true }, { ...session, state: "live" })).toBe(false);
    expect(canSeeFairness({ id: "f", isAdmin: false }, session)).toBe(false);
    expect(canSeeFairness({ id: "m", isAdmin: false }, session)).toBe(false);
  });
});
