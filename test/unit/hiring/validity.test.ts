import { describe, expect, it } from "vitest";
import {
  correlate,
  fisherInterval,
  pearson,
  ranks,
  spearman,
  validityReport,
  VALIDITY_CAVEAT,
  type HireOutcome,
} from "~/modules/hiring/validity";

describe("correlations", () => {
  it("computes Pearson's r and Spearman's rho by hand", () => {
    // x: 1..5, y: 2 4 5 4 5. Deviations give Sxy = 6, Sxx = 10, Syy = 6, so r = 6 / √60.
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(6 / Math.sqrt(60), 12);
    // Ranks of y with ties: 1, 2.5, 4.5, 2.5, 4.5; against 1..5, Sxy = 7, Syy = 9, so rho = 7 / √90.
    expect(ranks([2, 4, 5, 4, 5])).toEqual([1, 2.5, 4.5, 2.5, 4.5]);
    expect(spearman([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(7 / Math.sqrt(90), 12);
    // Monotone but not linear: rho is 1, r is not.
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBe(1);
    expect(pearson([1, 2, 3, 4], [1, 8, 27, 64])).toBeLessThan(1);
    expect(pearson([1, 2, 3], [3, 3, 3])).toBeNull();
  });

  it("gives Fisher's z interval", () => {
    // r = 0.5, n = 30: tanh(atanh(0.5) ± 1.96 / √27) = tanh(0.5493 ± 0.3772) → (0.170, 0.729).
    const [low, high] = fisherInterval(0.5, 30)!;
    expect(low).toBeCloseTo(0.1704, 4);
    expect(high).toBeCloseTo(0.729, 3);
    // Spearman's wider interval: variance 1.06 / (n − 3).
    const [spearmanLow] = fisherInterval(0.5, 30, 0.95, 1.06)!;
    expect(spearmanLow).toBeCloseTo(
      Math.tanh(Math.atanh(0.5) - 1.959964 * Math.sqrt(1.06 / 27)),
      5,
    );
    expect(fisherInterval(0.5, 3)).toBeNull();
  });

  it("suppresses figures below the minimum n", () => {
    const xs = [1, 2, 3, 4, 2, 3, 4, 3, 1];
    const ys = [1, 3, 3, 4, 2, 2, 4, 3, 2];
    expect(correlate(xs, ys)).toEqual({ n: 9, suppressed: true, pearson: null, spearman: null });
    const shown = correlate([...xs, 4], [...ys, 3]);
    expect(shown).toMatchObject({ n: 10, suppressed: false });
    expect(shown.pearson!.value).toBeCloseTo(pearson([...xs, 4], [...ys, 3])!, 12);
    expect(shown.pearson!.interval![0]).toBeLessThan(shown.pearson!.value);
    expect(correlate(xs, ys, 5).suppressed).toBe(false);
  });
});

describe("validity report", () => {
  // Twelve hires: design scores track later system-design ratings; coding scores are averaged over two interviewers.
  const design = [1, 2, 2, 3, 3, 3, 4, 4, 2, 3, 4, 1];
  const rating = [1, 2, 3, 3, 2, 3, 4, 3, 2, 4, 4, 2];
  const hires: HireOutcome[] = design.map((score, i) => ({
    personId: `p${i}`,
    interview: [
      { stageId: "design", competencyId: "system-design", score },
      { stageId: "coding", competencyId: "testing", score: 3 },
      { stageId: "coding", competencyId: "testing", score: i % 3 === 0 ? null : 2 },
      { stageId: "coding", competencyId: "code-quality", score: (i % 4) + 1 },
    ],
    review: [
      { competencyId: "system-design", rating: rating[i]! },
      { competencyId: "testing", rating: i < 9 ? (i % 2) + 2 : null },
      { competencyId: "security", rating: 3 },
    ],
  }));
  const report = validityReport(hires);

  it("correlates interview scores with later ratings per competency, suppressing small groups", () => {
    expect(report.hires).toBe(12);
    const systemDesign = report.byCompetency.find((item) => item.competencyId === "system-design")!;
    expect(systemDesign).toMatchObject({ n: 12, suppressed: false });
    expect(systemDesign.pearson!.value).toBeCloseTo(pearson(design, rating)!, 12);
    expect(systemDesign.spearman!.value).toBeCloseTo(spearman(design, rating)!, 12);
    // Spearman's interval is the wider one (variance 1.06 / (n − 3)).
    expect(systemDesign.pearson!.interval).toEqual(fisherInterval(systemDesign.pearson!.value, 12));
    expect(systemDesign.spearman!.interval).toEqual(
      fisherInterval(systemDesign.spearman!.value, 12, 0.95, 1.06),
    );
    // testing: only nine hires have a review rating of it.
    const testing = report.byCompetency.find((item) => item.competencyId === "testing");
    expect(testing).toEqual({
      competencyId: "testing",
      n: 9,
      suppressed: true,
      pearson: null,
      spearman: null,
    });
    // code-quality was never reviewed; security never interviewed.
    expect(report.byCompetency.map((item) => item.competencyId)).toEqual([
      "system-design",
      "testing",
    ]);
  });

  it("correlates per stage over the competencies the stage scored and the review rated", () => {
    const coding = report.byStage.find((item) => item.stageId === "coding")!;
    // Hire i's coding pair: mean of their testing scores against their testing rating, for the nine rated.
    const xs = hires.slice(0, 9).map((_, i) => (i % 3 === 0 ? 3 : 2.5));
    const ys = hires.slice(0, 9).map((_, i) => (i % 2) + 2);
    // code-quality was never reviewed, so only the nine hires with a testing rating pair up.
    expect(coding).toEqual({
      stageId: "coding",
      n: 9,
      suppressed: true,
      pearson: null,
      spearman: null,
    });
    expect(
      validityReport(hires, 5).byStage.find((item) => item.stageId === "coding")!.pearson!.value,
    ).toBeCloseTo(pearson(xs, ys)!, 12);
    expect(report.byStage.find((item) => item.stageId === "design")!.pearson!.value).toBeCloseTo(
      pearson(design, rating)!,
      12,
    );
  });

  it("says plainly that it follows hired people only", () => {
    expect(report.caveat).toBe(VALIDITY_CAVEAT);
    expect(report.caveat).toMatch(/hired people only/);
    expect(report.minN).toBe(10);
  });
});
