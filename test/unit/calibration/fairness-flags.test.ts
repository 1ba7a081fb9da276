import { describe, expect, test } from "vitest";
import type { FairnessGroup, FairnessPerson } from "~/modules/calibration/fairness";
import { sessionFairness } from "../../utils/fairness";
import { seeded } from "./random";

/**
 * Seeded sessions of 60 people in four dimensions (team, track, level, location): how often the
 * report marks a difference between a group and the rest when there is none, and how often it
 * marks one that is there.
 */

const dimensions = [
  { id: "team", label: "Team" },
  { id: "track", label: "Track" },
  { id: "level", label: "Level" },
  { id: "attribute:location", label: "Location" },
];

const pick = <T>(random: () => number, values: readonly T[]) =>
  values[Math.floor(random() * values.length)]!;

/** A rating on a four-point scale, most people at 3. */
function rating(random: () => number): number {
  const u = random();
  return u < 0.1 ? 1 : u < 0.4 ? 2 : u < 0.85 ? 3 : 4;
}

/** 60 people whose ratings and promotions do not depend on their groups, except `Payments`' ratings raised by `lift`. */
function session(random: () => number, lift = 0): FairnessPerson[] {
  return Array.from({ length: 60 }, () => {
    const team = pick(random, ["Payments", "Search", "Growth", "Platform"]);
    return {
      finalRating: Math.min(4, rating(random) + (team === "Payments" ? lift : 0)),
      promoted: random() < 0.2,
      groups: {
        team,
        track: random() < 0.7 ? "Engineering" : "Management",
        level: pick(random, ["L1", "L2", "L3"]),
        "attribute:location": pick(random, ["Berlin", "Lisbon", "Remote"]),
      },
    };
  });
}

const marked = (group: FairnessGroup) =>
  [group.ratingDifference, group.promotionDifference].some((difference) => difference?.worthALook);

describe("fairness flags over many comparisons", () => {
  test("with no differences at all, at most one session in ten shows any flag (2,000 sessions)", () => {
    const random = seeded(42);
    let sessions = 0;
    let withFlag = 0;
    for (let index = 0; index < 2000; index++) {
      const report = sessionFairness(session(random), dimensions, 4);
      sessions += 1;
      if (report.dimensions.some((dimension) => dimension.groups.some(marked))) withFlag += 1;
    }
    expect(withFlag / sessions).toBeLessThanOrEqual(0.1);
  });

  test("a team rated a point higher than everyone else is marked in most sessions, and the report says how many comparisons it made", () => {
    const random = seeded(43);
    let found = 0;
    for (let index = 0; index < 200; index++) {
      const report = sessionFairness(session(random, 1), dimensions, 4);
      const payments = report.dimensions[0]!.groups.find((group) => group.value === "Payments")!;
      if (payments.ratingDifference?.worthALook) found += 1;
      const shown = report.dimensions.flatMap((dimension) =>
        dimension.groups.filter((group) => !group.suppressed),
      );
      expect(report.comparisons).toBe(2 * shown.length);
    }
    // Capped at 4, the lift is about 0.85 points on 15 people against 45: about seven sessions in ten.
    expect(found / 200).toBeGreaterThan(0.6);
  });
});
