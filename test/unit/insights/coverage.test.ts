import { describe, expect, it } from "vitest";
import { mentoringComparison, type Review } from "~/modules/insights/mentoring";
import { calibrationShift, type ShiftRecord } from "~/modules/insights/shift";
import { normal, seeded } from "../calibration/random";

/**
 * Seeded simulations of the insights page's intervals: with no effect, a 95% interval should
 * exclude the truth in about 5 runs of 100, whatever the data's structure. Each band is about
 * three simulation standard errors wide.
 */

const covers = (interval: [number, number], truth: number) =>
  interval[0] <= truth && truth <= interval[1];

describe("mentoring and growth: the person is the unit", () => {
  /**
   * 12 mentees with 3 goals each, mentoring doing nothing. Each mentee has five comparable people
   * of their own (same level, same starting rating). Everyone's goal ratings move by a person's
   * own amount (normal, sd `spread`) plus the goal's noise (sd 1): a person's goals move together.
   */
  function run(random: () => number, spread: number) {
    const reviews = new Map<string, Review[]>();
    const pairs = [];
    const goals = ["g1", "g2", "g3"];
    const person = (id: string, levelId: string) => {
      const own = normal(random, spread);
      reviews.set(id, [
        {
          personId: id,
          levelId,
          submittedAt: 50,
          ratings: new Map(goals.map((goal) => [goal, 2])),
        },
        {
          personId: id,
          levelId,
          submittedAt: 150,
          ratings: new Map(goals.map((goal) => [goal, 2 + own + normal(random)])),
        },
      ]);
    };
    for (let mentee = 0; mentee < 12; mentee++) {
      person(`m${mentee}`, `level${mentee}`);
      for (let other = 0; other < 5; other++) person(`c${mentee}.${other}`, `level${mentee}`);
      pairs.push({ menteeId: `m${mentee}`, activeSince: 100, goals });
    }
    return mentoringComparison(
      pairs,
      reviews,
      new Set(pairs.map((pair) => pair.menteeId)),
      () => 4,
    );
  }

  it.each([0, 0.4, 0.8])(
    "with no effect and person-level spread %f, the difference's 95% interval covers zero in 95 ± 1.5% of 3,000 runs",
    (spread) => {
      const random = seeded(7000 + spread * 10);
      let covered = 0;
      const runs = 3000;
      for (let index = 0; index < runs; index++) {
        const comparison = run(random, spread);
        expect(comparison).toMatchObject({ mentees: 12, goals: 36, suppressed: false });
        if (covers(comparison.difference!.interval, 0)) covered += 1;
      }
      expect(covered / runs).toBeGreaterThanOrEqual(0.935);
      expect(covered / runs).toBeLessThanOrEqual(0.965);
    },
  );
});

describe("calibration shift: each manager's interval from their own spread", () => {
  /**
   * Sessions of ten managers with six calibrated people each: five whose finals move up and down
   * a lot (shifts with sd 1) and five steady ones (sd 0.25), each around a mean shift of their
   * own. A manager's interval should cover their own mean shift in 95% of sessions, whichever kind.
   */
  it("covers each manager's true mean shift in 95 ± 2% of 1,000 sessions, for managers whose finals move a lot and for steady ones", () => {
    const random = seeded(8008);
    const covered = { volatile: 0, steady: 0 };
    const shown = { volatile: 0, steady: 0 };
    for (let session = 0; session < 1000; session++) {
      const truth = new Map<string, number>();
      const records: ShiftRecord[] = [];
      for (let manager = 0; manager < 10; manager++) {
        const managerId = `${manager < 5 ? "volatile" : "steady"}${manager}`;
        const mean = normal(random, 0.3);
        truth.set(managerId, mean);
        for (let person = 0; person < 6; person++) {
          const shift = mean + normal(random, manager < 5 ? 1 : 0.25);
          records.push({
            personId: `${managerId}.${person}`,
            managerId,
            sessionId: "s",
            proposedRating: 3,
            finalRating: 3 + shift,
            proposedOutcome: "stay",
            finalOutcome: "stay",
          });
        }
      }
      for (const manager of calibrationShift(records, () => 4).managers) {
        const kind = manager.managerId.startsWith("volatile") ? "volatile" : "steady";
        shown[kind] += 1;
        if (covers(manager.meanShift!.interval, truth.get(manager.managerId)!)) covered[kind] += 1;
      }
    }
    expect(shown).toEqual({ volatile: 5000, steady: 5000 });
    for (const kind of ["volatile", "steady"] as const) {
      expect(covered[kind] / shown[kind], kind).toBeGreaterThanOrEqual(0.93);
      expect(covered[kind] / shown[kind], kind).toBeLessThanOrEqual(0.97);
    }
  });
});
