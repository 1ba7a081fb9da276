import { describe, expect, test } from "vitest";
import { disclosureCheck } from "~/modules/disclosure/check";
import { calibrationShift, type ShiftRecord } from "~/modules/insights/shift";
import { timeInLevel, type LevelSpell } from "~/modules/insights/time-in-level";
import { goalMovement, pulseSummary, type PulseRow } from "~/modules/mentorship/report";

/** Floors count people: one person's many rows (cycles, goals, pairs, stays) are one person under the floor. */
const floor = () => 4;

describe("floors count people, not rows", () => {
  test("the check sizes a cell by the people its units belong to", () => {
    const units = ["p1#1", "p1#2", "p1#3", "p1#4"];
    const personOf = (unit: string) => unit.slice(0, unit.indexOf("#"));
    const release = disclosureCheck([{ id: "all", members: units }], floor, personOf);
    expect(release.shown.has("all")).toBe(false);
    expect(release.sizes.get("all")).toEqual({ n: 1, floor: 4 });
  });

  test("calibration shift of one person calibrated in four cycles is hidden, and shown for four people", () => {
    const record = (personId: string, sessionId: string): ShiftRecord => ({
      personId,
      managerId: "m",
      sessionId,
      proposedRating: 3,
      finalRating: 2,
      proposedOutcome: "stay",
      finalOutcome: "stay",
    });
    const one = calibrationShift(
      ["s1", "s2", "s3", "s4"].map((session) => record("p1", session)),
      floor,
    );
    expect(one.suppressed).toBe(true);
    expect(one.meanShift).toBeNull();
    expect(one.managers[0]!.suppressed).toBe(true);
    const four = calibrationShift(
      ["p1", "p2", "p3", "p4"].map((person) => record(person, "s1")),
      floor,
    );
    expect(four.suppressed).toBe(false);
  });

  test("mentorship goal movement over one mentee's four goals is hidden", () => {
    const rows = ["c1", "c2", "c3", "c4"].map((competencyId) => ({
      pairId: "pair",
      menteeId: "mentee",
      competencyId,
      before: 2,
      after: 3,
    }));
    const movement = goalMovement(rows, floor);
    expect(movement.change).toEqual({ n: null, mean: null, suppressed: true });
    expect(movement.improved).toBeNull();
  });

  test("mentorship pulses of one mentor's four pairs are hidden", () => {
    const rows: PulseRow[] = ["a", "b", "c", "d"].map((pair) => ({
      pairId: pair,
      respondentId: "mentor",
      checkpoint: 30,
      role: "mentor",
      usefulness: 5,
      comfort: 5,
    }));
    const [thirty] = pulseSummary(rows, [30], floor);
    expect(thirty!.mentor.usefulness.suppressed).toBe(true);
    expect(thirty!.everyone.comfort.mean).toBeNull();
  });

  test("time in level over four stays of two people is hidden", () => {
    const stay = (personId: string, days: number): LevelSpell => ({
      personId,
      track: "ic",
      level: "senior",
      days,
      promoted: days > 300,
      entry: 0,
      knownStart: true,
    });
    const [track] = timeInLevel(
      [stay("p1", 200), stay("p1", 400), stay("p2", 250), stay("p2", 500)],
      [{ track: "ic", levels: ["senior"] }],
      floor,
    );
    expect(track!.levels[0]!.suppressed).toBe(true);
    expect(track!.levels[0]!.curve).toBeNull();
  });
});
