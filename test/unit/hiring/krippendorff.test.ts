import { describe, expect, it } from "vitest";
import {
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
