import { describe, expect, it, test } from "vitest";
import {
  ALPHA_INTERVAL_TOO_WIDE,
  alphaInterval,
  coincidenceMatrix,
  interviewAgreement,
  krippendorffAlpha,
  type Unit,
} from "~/modules/hiring/krippendorff";

/** Rows of a coders × units table (as the paper prints them) turned into units × coders. */
function unitsFromCoders(coders: readonly Unit[]): Unit[] {
  const width = Math.max(0, ...coders.map((row) => row.length));
  return Array.from({ length: width }, (_, unit) => coders.map((row) => row[unit] ?? null));
}

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
// twelve units, values missing where an observer gave none (printed observers × units).
const _ = null;
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

describe("Krippendorff's alpha", () => {
  const units = unitsFromCoders(observers);

  it("builds the published coincidence matrix, dropping the unit with a single value", () => {
    const coincidences = coincidenceMatrix(units);
    expect(coincidences.units).toBe(11);
    expect(coincidences.values).toEqual([1, 2, 3, 4, 5]);
    expect(coincidences.totals.map((total) => Number(total.toFixed(3)))).toEqual([9, 13, 10, 5, 3]);
    expect(coincidences.n).toBeCloseTo(40, 10);
    // The paper's matrix, rows 1 to 5.
    expect(coincidences.matrix.map((row) => row.map((value) => Number(value.toFixed(4))))).toEqual([
      [7, 1.3333, 0.3333, 0.3333, 0],
      [1.3333, 10, 1.3333, 0.3333, 0],
      [0.3333, 1.3333, 8, 0.3333, 0],
      [0.3333, 0.3333, 0.3333, 4, 0],
      [0, 0, 0, 0, 3],
    ]);
  });

  it("matches the published nominal, ordinal and interval values", () => {
    expect(krippendorffAlpha(units, "nominal").alpha).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "ordinal").alpha).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval").alpha).toBeCloseTo(0.849, 3);
    expect(krippendorffAlpha(units, "ordinal")).toMatchObject({
      level: "ordinal",
      units: 11,
      values: 40,
    });
  });

  it("matches the paper's two-coder binary example", () => {
    // Section A: coders A and B, ten units, nominal α = 0.095.
    const binary = unitsFromCoders([
      [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
      [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
    ]);
    const alpha = krippendorffAlpha(binary, "nominal");
    expect(alpha.alpha).toBeCloseTo(0.095, 3);
    expect(alpha).toMatchObject({ units: 10, values: 20 });
  });

  it("is undefined without variation, and 1 for perfect agreement", () => {
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3, 3],
        ],
        "ordinal",
      ).alpha,
    ).toBeNull();
    expect(krippendorffAlpha([[3], [2]], "ordinal")).toEqual({
      alpha: null,
      level: "ordinal",
      units: 0,
      values: 0,
    });
    expect(
      krippendorffAlpha(
        [
          [1, 1, null],
          [2, 2],
          [4, 4, 4],
        ],
        "ordinal",
      ).alpha,
    ).toBe(1);
  });

  it("ordinal alpha depends only on the order of the values", () => {
    const stretched = units.map((unit) =>
      unit.map((value) => (value === null || value === undefined ? value : value ** 3)),
    );
    expect(krippendorffAlpha(stretched, "ordinal").alpha).toBeCloseTo(
      krippendorffAlpha(units, "ordinal").alpha!,
      12,
    );
    expect(krippendorffAlpha(stretched, "interval").alpha).not.toBeCloseTo(
      krippendorffAlpha(units, "interval").alpha!,
      3,
    );
  });

  it("computes agreement per competency and overall from past loops", () => {
    // Each unit of the paper as a loop scoring "a"; the same loops score "b" identically.
    const loops = units.map((unit) => ({
      cards: unit.map((value) => ({
        scores: [
          { competencyId: "a", score: value ?? null },
          { competencyId: "b", score: value ?? null },
        ],
      })),
    }));
    const agreement = interviewAgreement(loops, "nominal", ["b", "a", "c"]);
    expect(
      agreement.byCompetency.map((item) => [
        item.competencyId,
        item.alpha === null ? null : Number(item.alpha.toFixed(3)),
        item.units,
      ]),
    ).toEqual([
      ["b", 0.743, 11],
      ["a", 0.743, 11],
      ["c", null, 0],
    ]);
    // Every unit twice: the same disagreements over 80 values instead of 40, so 1 − α grows by (80 − 1) / 2 / (40 − 1).
    expect(agreement.overall).toMatchObject({ units: 22, values: 80 });
    const single = krippendorffAlpha(units, "nominal").alpha!;
    expect(agreement.overall.alpha).toBeCloseTo(1 - ((1 - single) * 79) / 2 / 39, 12);
  });
});

describe("the interval of a committee's alpha, resampling nominees", () => {
  /** A window of `nominees`, each marked on four criteria by three members who agree up to `noise`, seeded. */
  function window(nominees: number, noise: number, seed: number): number[][][] {
    let state = seed;
    const random = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
    return Array.from({ length: nominees }, () =>
      Array.from({ length: 4 }, () => {
        const truth = 1 + Math.floor(random() * 4);
        return Array.from({ length: 3 }, () =>
          Math.min(4, Math.max(1, truth + (random() < noise ? (random() < 0.5 ? -1 : 1) : 0))),
        );
      }),
    );
  }

  test("holds the estimate, reads the same on every read, and narrows as nominees are added", () => {
    const small = window(6, 0.3, 7);
    const alpha = krippendorffAlpha(small.flat(), "ordinal").alpha!;
    const interval = alphaInterval(small, "ordinal")!;
    expect(interval[0]).toBeLessThanOrEqual(alpha);
    expect(interval[1]).toBeGreaterThanOrEqual(alpha);
    expect(alphaInterval(small, "ordinal")).toEqual(interval);
    const large = alphaInterval(window(60, 0.3, 7), "ordinal")!;
    expect(large[1] - large[0]).toBeLessThan(interval[1] - interval[0]);
    // Four nominees marked loosely leave it too wide to read; sixty do not.
    const loose = alphaInterval(window(4, 0.8, 5), "ordinal")!;
    expect(loose[1] - loose[0]).toBeGreaterThan(ALPHA_INTERVAL_TOO_WIDE);
    expect(large[1] - large[0]).toBeLessThan(ALPHA_INTERVAL_TOO_WIDE);
  });

  test("one nominee, or marks all alike, give no interval", () => {
    expect(alphaInterval(window(1, 0.3, 3), "ordinal")).toBeNull();
    expect(alphaInterval([[[2, 2, 2]], [[2, 2, 2]]], "ordinal")).toBeNull();
  });

  test("drawing whole nominees: a draw's matrix is the sum of its nominees' matrices", () => {
    // Two copies of one nominee: every draw is that nominee twice, the alpha of its criteria twice over.
    const nominee = [
      [1, 2, 2],
      [3, 3, 4],
      [4, 4, 4],
      [1, 1, 2],
    ];
    const alone = krippendorffAlpha([...nominee, ...nominee], "ordinal").alpha!;
    const [low, high] = alphaInterval([nominee, nominee], "ordinal")!;
    expect(low).toBeCloseTo(alone, 12);
    expect(high).toBeCloseTo(alone, 12);
  });

  test("covers the agreement of the process behind the windows in most windows of twenty nominees", () => {
    const longRun = krippendorffAlpha(window(4000, 0.3, 11).flat(), "ordinal").alpha!;
    let covered = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const interval = alphaInterval(window(20, 0.3, seed * 7919), "ordinal", { draws: 400 })!;
      if (interval[0] <= longRun && longRun <= interval[1]) covered += 1;
    }
    expect(covered / 60).toBeGreaterThanOrEqual(0.85);
  });
});
