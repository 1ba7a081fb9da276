import { describe, expect, it } from "vitest";
import {
  agendaOrder,
  entryFlags,
  nearPromotionBoundary,
  ratingDistribution,
  type EntryFacts,
} from "~/modules/calibration/entries";

const entry = (overrides: Partial<EntryFacts> = {}): EntryFacts => ({
  id: "e",
  name: "Ada",
  proposedRating: 3,
  proposedOutcome: "stay",
  selfAverage: 3,
  managerAverage: 3,
  ratedCount: 16,
  evidenceCount: 12,
  ...overrides,
});
const session = [3, 3, 3, 2, 3, 3, 3, 2, 3, 3];

describe("entry flags", () => {
  it("a well-evidenced entry in line with the session has none", () => {
    expect(entryFlags(entry(), session)).toEqual([]);
  });

  it("thin evidence: fewer than one piece per two rated competencies", () => {
    expect(entryFlags(entry({ evidenceCount: 7 }), session)).toEqual(["thin-evidence"]);
    expect(entryFlags(entry({ evidenceCount: 8 }), session)).toEqual([]);
  });

  it("a gap of a point or more between the self-assessment and the manager review", () => {
    expect(entryFlags(entry({ selfAverage: 3.6, managerAverage: 2.6 }), session)).toEqual([
      "self-manager-gap",
    ]);
    expect(entryFlags(entry({ selfAverage: 3.5, managerAverage: 2.6 }), session)).toEqual([]);
    expect(entryFlags(entry({ selfAverage: null }), session)).toEqual([]);
  });

  it("an outlier: more than two standard deviations from the session's mean, judged only with enough proposals", () => {
    expect(entryFlags(entry({ proposedRating: 1 }), session)).toEqual(["outlier"]);
    expect(entryFlags(entry({ proposedRating: 1 }), [3, 3, 2])).toEqual([]);
  });
});

describe("the agenda", () => {
  it("puts flagged entries first (most flags first), then those near a promotion boundary, then the rest, by name within each", () => {
    const order = agendaOrder([
      { name: "Zoe", flags: [], nearBoundary: false },
      { name: "Yan", flags: [], nearBoundary: true },
      { name: "Bo", flags: ["outlier"] as const, nearBoundary: false },
      { name: "Al", flags: [], nearBoundary: false },
      { name: "Cy", flags: ["outlier", "thin-evidence"] as const, nearBoundary: true },
      { name: "Ab", flags: ["outlier"] as const, nearBoundary: true },
    ]);
    expect(order.map((item) => item.name)).toEqual(["Cy", "Ab", "Bo", "Yan", "Al", "Zoe"]);
  });

  it("near a boundary: a proposed promotion, an undecided level, or the top rating", () => {
    expect(nearPromotionBoundary({ proposedOutcome: "promote", proposedRating: 3 }, 4)).toBe(true);
    expect(nearPromotionBoundary({ proposedOutcome: "not-ready", proposedRating: 3 }, 4)).toBe(
      true,
    );
    expect(nearPromotionBoundary({ proposedOutcome: "stay", proposedRating: 4 }, 4)).toBe(true);
    expect(nearPromotionBoundary({ proposedOutcome: "stay", proposedRating: 3 }, 4)).toBe(false);
  });
});

describe("the distribution", () => {
  it("counts each scale point and the people with no rating yet", () => {
    expect(ratingDistribution([3, 3, null, 1, 4, 3], [1, 2, 3, 4])).toEqual({
      counts: [
        { value: 1, count: 1 },
        { value: 2, count: 0 },
        { value: 3, count: 3 },
        { value: 4, count: 1 },
      ],
      notRated: 1,
    });
  });
});
