import { describe, expect, it } from "vitest";
import { managerLeniency } from "~/modules/calibration/leniency";
import { normal, seeded } from "./random";

describe("manager leniency", () => {
  it("flags a manager only when the interval of their difference from the rest excludes zero", () => {
    const proposals = [
      ...[4, 4, 4, 3, 4, 4].map((rating) => ({ managerId: "generous", rating })),
      ...[3, 2, 3, 2, 3, 3].map((rating) => ({ managerId: "a", rating })),
      ...[2, 3, 3, 2, 3, 2].map((rating) => ({ managerId: "b", rating })),
      ...[3, 3, 2].map((rating) => ({ managerId: "small", rating })),
    ];
    const result = managerLeniency(proposals);
    const generous = result.managers.find((manager) => manager.managerId === "generous")!;
    expect(generous).toMatchObject({ n: 6, othersN: 15, suppressed: false, flagged: true });
    expect(generous.sd).toBeCloseTo(Math.sqrt((5 * (4 - 23 / 6) ** 2 + (3 - 23 / 6) ** 2) / 5), 6);
    expect(generous.difference).toBeCloseTo(23 / 6 - 39 / 15, 6);
    expect(generous.interval![0]).toBeGreaterThan(0);
    // Fewer proposals than the floor: nothing shown, nothing flagged, but the count is.
    expect(result.managers.find((manager) => manager.managerId === "small")).toEqual({
      managerId: "small",
      n: 3,
      othersN: 18,
      mean: null,
      sd: null,
      difference: null,
      interval: null,
      flagged: false,
      suppressed: true,
    });
  });

  it("does not flag differences that are noise: managers drawn from the same distribution are flagged about 5% of the time", () => {
    const random = seeded(42);
    let flagged = 0;
    let shown = 0;
    for (let session = 0; session < 200; session++) {
      const proposals = ["m1", "m2", "m3", "m4"].flatMap((managerId) =>
        Array.from({ length: 6 }, () => ({ managerId, rating: Math.min(4, Math.max(1, Math.round(2.8 + normal(random, 0.8)))) })),
      );
      for (const manager of managerLeniency(proposals).managers) {
        if (manager.suppressed) continue;
        shown += 1;
        if (manager.flagged) flagged += 1;
      }
    }
    expect(shown).toBe(800);
    expect(flagged / shown).toBeLessThan(0.1);
  });

  it("the session mean is suppressed below the floor too", () => {
    expect(managerLeniency([{ managerId: "a", rating: 3 }], 4).mean).toBeNull();
  });
});
