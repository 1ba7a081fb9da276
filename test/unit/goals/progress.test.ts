// Goals' pure arithmetic: progress from values (direction-aware, clamped, done / not done), an
// objective's mean, how a final score reads against its commitment, the default quarter, when a
// check-in is due, and the chart's two lines.
import { describe, expect, test } from "vitest";
import {
  chartPoints,
  checkInDue,
  isUnfinished,
  keyResultCountState,
  keyResultFigure,
  keyResultProgress,
  nextQuarter,
  objectiveProgress,
  periodOpenOn,
  quarterOf,
  scoreReading,
  shapeAgrees,
} from "~/modules/goals/progress";

const up = { kind: "metric", direction: "increase", startValue: 40, targetValue: 60 } as const;
const down = { kind: "metric", direction: "decrease", startValue: 30, targetValue: 10 } as const;
const done = { kind: "binary", direction: "increase", startValue: 0, targetValue: 1 } as const;

describe("a key result's progress", () => {
  test("is how far the value went from start to target", () => {
    expect(keyResultProgress(up, 50)).toBe(0.5);
    expect(keyResultProgress(up, 40)).toBe(0);
    expect(keyResultProgress(up, 60)).toBe(1);
  });
  test("follows the direction: a decrease moves down", () => {
    expect(keyResultProgress(down, 20)).toBe(0.5);
    expect(keyResultProgress(down, 10)).toBe(1);
    expect(keyResultProgress(down, 30)).toBe(0);
  });
  test("is clamped to 0..1 past either end", () => {
    expect(keyResultProgress(up, 80)).toBe(1);
    expect(keyResultProgress(up, 20)).toBe(0);
    expect(keyResultProgress(down, 0)).toBe(1);
    expect(keyResultProgress(down, 45)).toBe(0);
  });
  test("is 0 with no value yet, and 0 or 1 for done / not done", () => {
    expect(keyResultProgress(up, null)).toBe(0);
    expect(keyResultProgress(done, 0)).toBe(0);
    expect(keyResultProgress(done, 1)).toBe(1);
    expect(keyResultProgress(done, 0.6)).toBe(0);
  });
  test("a start, target and direction must agree", () => {
    expect(shapeAgrees(up)).toBe(true);
    expect(shapeAgrees(down)).toBe(true);
    expect(shapeAgrees({ ...up, direction: "decrease" })).toBe(false);
    expect(shapeAgrees({ ...up, targetValue: 40 })).toBe(false);
    expect(shapeAgrees(done)).toBe(true);
  });
});

test("an objective's progress is the mean of its key results'", () => {
  expect(objectiveProgress([1, 0.5, 0])).toBe(0.5);
  expect(objectiveProgress([])).toBeNull();
});

describe("a key result's figure", () => {
  const words = { measure: (value: number) => `<${value}>`, done: "Done", notDone: "Not done" };
  test("done or not done reads as words, a figure with its unit, or alone without one", () => {
    expect(keyResultFigure(1, { kind: "binary", unit: "" }, words)).toBe("Done");
    expect(keyResultFigure(0, { kind: "binary", unit: "" }, words)).toBe("Not done");
    expect(keyResultFigure(3087.5, { kind: "metric", unit: "ms" }, words)).toBe("<3087.5> ms");
    expect(keyResultFigure(42, { kind: "percent", unit: "" }, words)).toBe("<42>");
  });
});

describe("a final score's reading", () => {
  test("committed ones against 1.0", () => {
    expect(scoreReading("committed", 1)).toBe("asExpected");
    expect(scoreReading("committed", 0.9)).toBe("short");
  });
  test("aspirational ones against 0.6 to 0.7", () => {
    expect(scoreReading("aspirational", 0.65)).toBe("asExpected");
    expect(scoreReading("aspirational", 0.6)).toBe("asExpected");
    expect(scoreReading("aspirational", 0.7)).toBe("asExpected");
    expect(scoreReading("aspirational", 0.5)).toBe("short");
    expect(scoreReading("aspirational", 0.95)).toBe("beyond");
  });
});

test("two to five key results: fewer is drafting, five is full", () => {
  expect(keyResultCountState(0)).toBe("drafting");
  expect(keyResultCountState(1)).toBe("drafting");
  expect(keyResultCountState(2)).toBe("complete");
  expect(keyResultCountState(5)).toBe("full");
});

test("unfinished: some key result short of its target, or none yet", () => {
  expect(isUnfinished([1, 0.4])).toBe(true);
  expect(isUnfinished([1, 1])).toBe(false);
  expect(isUnfinished([])).toBe(true);
});

describe("periods", () => {
  test("default to the quarter a day falls in", () => {
    const quarter = quarterOf(new Date("2027-05-14T10:00:00Z"));
    expect(quarter.name).toBe("2027 Q2");
    expect(quarter.startsOn.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(quarter.endsOn.toISOString()).toBe("2027-06-30T00:00:00.000Z");
    expect(nextQuarter(new Date("2027-11-02T00:00:00Z")).name).toBe("2028 Q1");
  });
  test("are open from the first day to the end of the last, until closed", () => {
    const period = {
      startsOn: new Date("2027-04-01T00:00:00Z"),
      endsOn: new Date("2027-06-30T00:00:00Z"),
      closedAt: null,
    };
    expect(periodOpenOn(period, new Date("2027-06-30T23:00:00Z"))).toBe(true);
    expect(periodOpenOn(period, new Date("2027-07-01T00:00:00Z"))).toBe(false);
    expect(periodOpenOn(period, new Date("2027-03-31T23:00:00Z"))).toBe(false);
    expect(periodOpenOn({ ...period, closedAt: new Date() }, new Date("2027-05-01"))).toBe(false);
  });
});

test("a check-in is due when none came in the last seven days", () => {
  const now = new Date("2027-05-14T10:00:00Z");
  expect(checkInDue(null, now)).toBe(true);
  expect(checkInDue(new Date("2027-05-08T10:00:00Z"), now)).toBe(false);
  expect(checkInDue(new Date("2027-05-07T10:00:00Z"), now)).toBe(true);
});

test("the chart: the straight line from start to target, and the values' path over the period", () => {
  const points = chartPoints(
    up,
    { startsOn: new Date("2027-04-01T00:00:00Z"), endsOn: new Date("2027-04-10T00:00:00Z") },
    [{ at: new Date("2027-04-06T00:00:00Z"), value: 50 }],
  );
  expect(points.ideal).toEqual([
    { x: 0, y: 0 },
    { x: 1, y: 1 },
  ]);
  expect(points.path).toEqual([
    { x: 0, y: 0 },
    { x: 0.5, y: 0.5 },
  ]);
});
