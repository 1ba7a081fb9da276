import { describe, expect, it } from "vitest";
import { kaplanMeier, survivalAt } from "~/modules/statistics/kaplan-meier";

// Freireich et al. (1963), the 6-MP arm: weeks in remission of 21 leukaemia patients, "+" censored
// (the textbook example of Kleinbaum & Klein, Survival Analysis, ch. 2). The reference figures are
// R 4.2's survival 3.5-3: summary(survfit(Surv(time, status) ~ 1, conf.type = "log-log")) and
// quantile(fit, 0.5), printed to six places.
const sixMp = [
  6, 6, 6, -6, 7, -9, 10, -10, -11, 13, 16, -17, -19, -20, 22, 23, -25, -32, -32, -34, -35,
].map((week) => ({ time: Math.abs(week), event: week > 0 }));

const R_SIX_MP = [
  // time, at risk, events, survival, Greenwood's standard error, lower, upper
  [6, 21, 3, 0.857143, 0.07636, 0.619718, 0.951552],
  [7, 17, 1, 0.806723, 0.086935, 0.563147, 0.922809],
  [10, 15, 1, 0.752941, 0.09635, 0.5032, 0.889362],
  [13, 12, 1, 0.690196, 0.106815, 0.43161, 0.849066],
  [16, 11, 1, 0.627451, 0.114054, 0.367511, 0.804912],
  [22, 7, 1, 0.537815, 0.128234, 0.267779, 0.746791],
  [23, 6, 1, 0.448179, 0.134591, 0.188052, 0.680143],
] as const;

describe("Kaplan–Meier", () => {
  it("matches R's survfit on the Freireich 6-MP data: survival, Greenwood's error and the log-log band at each event", () => {
    const curve = kaplanMeier(sixMp);
    expect(curve.n).toBe(21);
    expect(curve.events).toBe(9);
    const eventSteps = curve.steps.filter((step) => step.events > 0);
    expect(eventSteps).toHaveLength(R_SIX_MP.length);
    eventSteps.forEach((step, index) => {
      const [time, atRisk, events, survival, error, lower, upper] = R_SIX_MP[index]!;
      expect([step.time, step.atRisk, step.events]).toEqual([time, atRisk, events]);
      expect(step.survival).toBeCloseTo(survival, 5);
      expect(step.standardError).toBeCloseTo(error, 5);
      expect(step.interval![0]).toBeCloseTo(lower, 5);
      expect(step.interval![1]).toBeCloseTo(upper, 5);
    });
  });

  it("keeps the censored among those at risk until they are last seen, not dropped", () => {
    const curve = kaplanMeier(sixMp);
    // Week 9: one censored, nobody leaves; the 16 at risk include them, and week 10 starts from 15.
    expect(curve.steps.find((step) => step.time === 9)).toMatchObject({
      atRisk: 16,
      events: 0,
      censored: 1,
    });
    expect(curve.steps.find((step) => step.time === 10)).toMatchObject({
      atRisk: 15,
      events: 1,
      censored: 1,
    });
    // Dropping the censored would give 9 of 9 events and a curve down to zero.
    expect(curve.steps.at(-1)!.survival).toBeCloseTo(0.448179, 5);
    expect(survivalAt(curve, 12)).toBeCloseTo(0.752941, 5);
    expect(survivalAt(curve, 5)).toBe(1);
  });

  it("gives the median with Brookmeyer and Crowley's interval as R's quantile does (6-MP: 23, from 13, no upper end)", () => {
    const curve = kaplanMeier(sixMp);
    expect(curve.median).toBe(23);
    expect(curve.medianInterval).toEqual([13, null]);
  });

  it("closes the median's interval when the band's upper curve reaches one half (R: median 7, interval 3 to 10)", () => {
    const times = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((time) => ({ time, event: true }));
    const curve = kaplanMeier([
      ...times,
      { time: 3, event: false },
      { time: 5, event: false },
      { time: 8, event: false },
    ]);
    expect(curve.median).toBe(7);
    expect(curve.medianInterval).toEqual([3, 10]);
    // Nobody left at the end: the log-log band has no room for 0.
    expect(curve.steps.at(-1)).toMatchObject({ survival: 0, interval: null });
  });

  it("takes the midpoint where the curve sits at one half, and has no median while more than half remain (R: 2.5, from 1)", () => {
    const curve = kaplanMeier([1, 2, 3, 4].map((time) => ({ time, event: true })));
    expect(curve.median).toBe(2.5);
    expect(curve.medianInterval).toEqual([1, null]);
    const early = kaplanMeier([
      { time: 1, event: true },
      ...[2, 3, 4].map((time) => ({ time, event: false })),
    ]);
    expect(early.median).toBeNull();
    expect(kaplanMeier([]).steps).toEqual([]);
  });

  it("counts someone first seen partway through among those at risk only from then (left truncation), as R's Surv(entry, time, event) does", () => {
    // R: summary(survfit(Surv(c(0, 0, 3, 1), c(2, 4, 5, 6), c(1, 0, 1, 1)) ~ 1)): at risk 3, 3, 2, 1 at times 2, 4, 5, 6.
    const curve = kaplanMeier([
      { entry: 0, time: 2, event: true },
      { entry: 0, time: 4, event: false },
      { entry: 3, time: 5, event: true },
      { entry: 1, time: 6, event: true },
    ]);
    expect(curve.steps.map((step) => [step.time, step.atRisk, step.events, step.censored])).toEqual(
      [
        [2, 3, 1, 0],
        [4, 3, 0, 1],
        [5, 2, 1, 0],
        [6, 1, 1, 0],
      ],
    );
    expect(curve.steps.map((step) => Number(step.survival.toFixed(6)))).toEqual([
      0.666667, 0.666667, 0.333333, 0,
    ]);
    expect(curve.median).toBe(5);
    // Without the entry times, the two late arrivals would count as at risk from the start: 4 at time 2, and a higher curve.
    expect(
      kaplanMeier([
        { time: 2, event: true },
        { time: 4, event: false },
        { time: 5, event: true },
        { time: 6, event: true },
      ]).steps[0]!.atRisk,
    ).toBe(4);
  });
});
