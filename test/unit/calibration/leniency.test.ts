import { describe, expect, it } from "vitest";
import { managerLeniency } from "~/modules/calibration/leniency";
import { seeded } from "./random";

describe("manager leniency", () => {
  it("flags a manager only when the interval of their difference from the rest excludes zero", () => {
    const proposals = [
      ...[4, 4, 4, 3, 4, 4].map((rating) => ({ managerId: "generous", rating })),
      ...[3, 2, 3, 2, 3].map((rating) => ({ managerId: "a", rating })),
      ...[2, 3, 3, 2, 3, 2].map((rating) => ({ managerId: "b", rating })),
      ...[3, 3, 2].map((rating) => ({ managerId: "small", rating })),
    ];
    const result = managerLeniency(proposals);
    const generous = result.managers.find((manager) => manager.managerId === "generous")!;
    expect(generous).toMatchObject({ n: 6, othersN: 14, suppressed: false, flagged: true });
    expect(generous.sd).toBeCloseTo(Math.sqrt((5 * (4 - 23 / 6) ** 2 + (3 - 23 / 6) ** 2) / 5), 6);
    expect(generous.difference).toBeCloseTo(23 / 6 - 36 / 14, 6);
    expect(generous.interval![0]).toBeGreaterThan(0);
    // Fewer proposals than the floor: not compared, nothing flagged, but the count is. The others are compared whatever their
    // neighbours: whoever reads these figures reads every proposal behind them by name (decision 060).
    expect(result.managers.find((manager) => manager.managerId === "a")).toMatchObject({
      n: 5,
      suppressed: false,
    });
    expect(result.managers.find((manager) => manager.managerId === "small")).toEqual({
      managerId: "small",
      n: 3,
      othersN: 17,
      mean: null,
      sd: null,
      difference: null,
      interval: null,
      flagged: false,
      suppressed: true,
    });
  });

  it("a manager whose proposals are all equal is not flagged for it: the interval's spread is the session's, not their own", () => {
    // Welch's interval with a's own spread of zero gave +0.5 (0.17 to 0.83) and flagged a.
    const proposals = [
      ...[3, 3, 3, 3].map((rating) => ({ managerId: "a", rating })),
      ...[2, 3, 3, 2, 3, 2].map((rating) => ({ managerId: "b", rating })),
      ...[3, 2, 3, 2, 2, 3].map((rating) => ({ managerId: "c", rating })),
    ];
    const a = managerLeniency(proposals).managers.find((manager) => manager.managerId === "a")!;
    expect(a.difference).toBeCloseTo(0.5, 6);
    expect(a.interval![0]).toBeLessThan(0);
    expect(a.flagged).toBe(false);
  });

  // Managers drawn from one distribution on a four-point scale: a method that holds its 95% flags about 5% of them, whether or not their proposals happen to be all equal.
  const probabilities = [0.1, 0.3, 0.45, 0.15];
  const draw = (random: () => number) => {
    let u = random();
    for (const [index, probability] of probabilities.entries()) {
      u -= probability;
      if (u < 0) return index + 1;
    }
    return probabilities.length;
  };
  it.each([
    [4, 6],
    [4, 12],
  ])(
    "on simulated sessions of managers with %i to %i proposals each, about five in a hundred are flagged, and no more of those whose proposals are all equal",
    (least, most) => {
      const random = seeded(least * 100 + most);
      let shown = 0;
      let flagged = 0;
      let allEqual = 0;
      let allEqualFlagged = 0;
      for (let session = 0; session < 2000; session++) {
        const proposals = ["m1", "m2", "m3", "m4", "m5"].flatMap((managerId) =>
          Array.from({ length: least + Math.floor(random() * (most - least + 1)) }, () => ({
            managerId,
            rating: draw(random),
          })),
        );
        for (const manager of managerLeniency(proposals).managers) {
          if (manager.suppressed) continue;
          shown += 1;
          if (manager.flagged) flagged += 1;
          if (manager.sd === 0) {
            allEqual += 1;
            if (manager.flagged) allEqualFlagged += 1;
          }
        }
      }
      expect(shown).toBeGreaterThan(9000);
      expect(flagged / shown).toBeGreaterThan(0.02);
      expect(flagged / shown).toBeLessThanOrEqual(0.06);
      expect(allEqual).toBeGreaterThan(50);
      expect(allEqualFlagged / allEqual).toBeLessThanOrEqual(0.06);
    },
  );

  // Decision 018 once said managers whose proposals are all equal are flagged no more often than others. On sessions drawn from (0, .25, .5, .25) they were
  // flagged 7.6% of the time against 3.8% overall: all equal at the most common rating they are never flagged, all a point away nearly always, as a permutation test would.
  it("on sessions drawn from (0, .25, .5, .25), managers whose proposals are all equal are flagged when their rating is away from the session's middle, not for being equal", () => {
    const random = seeded(2505);
    const skewed = (random: () => number) => {
      const u = random();
      return u < 0.25 ? 2 : u < 0.75 ? 3 : 4;
    };
    let shown = 0;
    let flagged = 0;
    const allEqual = new Map<number, { n: number; flagged: number }>();
    for (let session = 0; session < 4000; session++) {
      const proposals = ["m1", "m2", "m3", "m4", "m5"].flatMap((managerId) =>
        Array.from({ length: 4 + Math.floor(random() * 3) }, () => ({
          managerId,
          rating: skewed(random),
        })),
      );
      for (const manager of managerLeniency(proposals).managers) {
        if (manager.suppressed) continue;
        shown += 1;
        if (manager.flagged) flagged += 1;
        if (manager.sd === 0) {
          const tally =
            allEqual.get(manager.mean!) ??
            allEqual.set(manager.mean!, { n: 0, flagged: 0 }).get(manager.mean!)!;
          tally.n += 1;
          if (manager.flagged) tally.flagged += 1;
        }
      }
    }
    const rate = (rating: number) => allEqual.get(rating)!.flagged / allEqual.get(rating)!.n;
    const equal = [...allEqual.values()].reduce(
      (sum, tally) => ({ n: sum.n + tally.n, flagged: sum.flagged + tally.flagged }),
      { n: 0, flagged: 0 },
    );
    expect(flagged / shown).toBeGreaterThan(0.02);
    expect(flagged / shown).toBeLessThanOrEqual(0.06);
    expect(allEqual.get(3)!.n).toBeGreaterThan(500);
    expect(rate(3)).toBeLessThanOrEqual(0.01);
    expect(rate(2)).toBeGreaterThan(0.75);
    expect(rate(4)).toBeGreaterThan(0.75);
    // Together, more often than managers overall: the figure decision 018 gives.
    expect(equal.flagged / equal.n).toBeGreaterThan(0.06);
    expect(equal.flagged / equal.n).toBeLessThan(0.1);
  });

  it("every manager with the floor's worth of proposals on both sides is compared; fewer on either side is not", () => {
    const proposals = [
      ...[3, 3, 3, 3, 3].map((rating) => ({ managerId: "a", rating })),
      ...[2, 3, 4, 3, 3].map((rating) => ({ managerId: "b", rating })),
      ...[4, 2, 3, 3].map((rating) => ({ managerId: "c", rating })),
      ...[3, 2, 4].map((rating) => ({ managerId: "small", rating })),
    ];
    const result = managerLeniency(proposals);
    expect(result.managers.map((manager) => [manager.managerId, manager.suppressed])).toEqual([
      ["a", false],
      ["b", false],
      ["c", false],
      ["small", true],
    ]);
    // Beside a manager of all but three proposals, fewer than the floor remain: not compared either.
    const lopsided = managerLeniency([
      ...Array.from({ length: 10 }, () => ({ managerId: "big", rating: 3 })),
      ...[2, 3, 4].map((rating) => ({ managerId: "few", rating })),
    ]);
    expect(lopsided.managers.every((manager) => manager.suppressed)).toBe(true);
  });

  it("the session mean is suppressed below the floor too", () => {
    expect(managerLeniency([{ managerId: "a", rating: 3 }], 4).mean).toBeNull();
  });
});
