import { describe, expect, test } from "vitest";
import { rankOpportunities } from "~/modules/opportunities/ranking";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("ranking opportunities by the growth-plan gaps they close", () => {
  test("levels that fit first, then the larger gap closed, a focus competency counting twice, then the earlier start", () => {
    const gaps = {
      readiness: new Map<string, number | null>([
        ["testing", 0.5],
        ["hiring", 0.25],
        ["security", 1],
        ["planning", null],
      ]),
      focus: new Set(["testing"]),
    };
    const ranked = rankOpportunities(
      [
        { id: "met", competencyIds: ["security"], fitsLevel: true, startsOn: day("2027-01-01") },
        { id: "hiring", competencyIds: ["hiring"], fitsLevel: true, startsOn: day("2027-01-01") },
        { id: "focus", competencyIds: ["testing"], fitsLevel: true, startsOn: day("2027-02-01") },
        {
          id: "unassessed",
          competencyIds: ["planning"],
          fitsLevel: true,
          startsOn: day("2027-01-15"),
        },
        {
          id: "above",
          competencyIds: ["testing", "hiring"],
          fitsLevel: false,
          startsOn: day("2027-01-01"),
        },
      ],
      gaps,
    );
    expect(ranked.map((rank) => [rank.id, rank.score, rank.closes, rank.focusCloses])).toEqual([
      ["focus", 1, ["testing"], ["testing"]],
      ["hiring", 0.75, ["hiring"], []],
      ["unassessed", 0.5, ["planning"], []],
      ["met", 0, [], []],
      ["above", 1.75, ["testing", "hiring"], ["testing"]],
    ]);
  });

  test("a focus competency the gap analysis does not cover still counts, as not assessed", () => {
    const ranked = rankOpportunities(
      [{ id: "a", competencyIds: ["mentoring"], fitsLevel: true, startsOn: day("2027-01-01") }],
      { readiness: new Map(), focus: new Set(["mentoring"]) },
    );
    expect(ranked[0]).toMatchObject({ score: 1, closes: ["mentoring"] });
  });
});
