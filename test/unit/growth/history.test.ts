import { describe, expect, test } from "vitest";
import { buildHistory, profileAgainstBar, type HistoryAssessment } from "~/modules/growth/history";

const competencies = [
  { id: "code-quality", name: "Code quality" },
  { id: "testing", name: "Testing" },
];

const day = (month: number, date = 1) => new Date(Date.UTC(2026, month - 1, date));

function assessment(
  kind: "self" | "manager",
  cycle: { id: string; name: string; starts: Date } | null,
  submittedAt: Date,
  ratings: Record<string, number | null>,
): HistoryAssessment {
  return {
    kind,
    cycleId: cycle?.id ?? null,
    cycleName: cycle?.name ?? null,
    cycleStartsOn: cycle?.starts ?? null,
    submittedAt,
    ratings: Object.entries(ratings).map(([competencyId, rating]) => ({ competencyId, rating })),
  };
}

const spring = { id: "c1", name: "Spring 2026", starts: day(3) };
const autumn = { id: "c2", name: "Autumn 2026", starts: day(9) };

describe("buildHistory", () => {
  test("one point per cycle in date order, with self and manager ratings per competency", () => {
    const history = buildHistory(competencies, [
      assessment("manager", autumn, day(10), { "code-quality": 3, testing: 2 }),
      assessment("self", spring, day(3, 10), { "code-quality": 2, testing: 3 }),
      assessment("manager", spring, day(3, 20), { "code-quality": 2, testing: 3 }),
      assessment("self", autumn, day(9, 15), { "code-quality": 3, testing: 3 }),
    ]);
    expect(history.points.map((point) => point.cycleName)).toEqual(["Spring 2026", "Autumn 2026"]);
    expect(
      history.rows.map((row) => [row.competencyId, row.values, row.latest, row.trend]),
    ).toEqual([
      [
        "code-quality",
        [
          { self: 2, manager: 2 },
          { self: 3, manager: 3 },
        ],
        3,
        "up",
      ],
      [
        "testing",
        [
          { self: 3, manager: 3 },
          { self: 3, manager: 2 },
        ],
        2,
        "down",
      ],
    ]);
  });

  test("out-of-cycle assessments group by month; the newest of each kind in a point counts", () => {
    const history = buildHistory(competencies, [
      assessment("self", null, day(5, 2), { "code-quality": 1 }),
      assessment("self", null, day(5, 20), { "code-quality": 2 }),
      assessment("manager", spring, day(3, 20), { "code-quality": 2 }),
    ]);
    expect(history.points.map(({ cycleName, month }) => [cycleName, month])).toEqual([
      ["Spring 2026", null],
      [null, "2026-05"],
    ]);
    expect(history.rows[0]!.values).toEqual([
      { self: null, manager: 2 },
      { self: 2, manager: null },
    ]);
    expect(history.rows[0]!.trend).toBe("same");
    expect(history.rows[1]!).toMatchObject({ latest: null, trend: null });
  });

  test("competencies rated under another track are kept, after the listed ones", () => {
    const history = buildHistory(competencies, [
      assessment("manager", spring, day(4), { "team-health": 3 }),
    ]);
    expect(history.rows.map((row) => row.competencyId)).toEqual([
      "code-quality",
      "testing",
      "team-health",
    ]);
    expect(history.rows[2]!.trend).toBeNull();
  });

  test("no assessments, no points", () => {
    expect(buildHistory(competencies, []).points).toEqual([]);
  });
});

describe("the current profile against the level's targets", () => {
  test("manager rating (else self) against each competency's target, the level's default where it names none", () => {
    const rows = profileAgainstBar({
      competencies,
      targets: { testing: 2 },
      target: 3,
      self: [
        { competencyId: "code-quality", rating: 4 },
        { competencyId: "testing", rating: 2 },
      ],
      manager: [{ competencyId: "code-quality", rating: 2 }],
    });
    expect(rows).toEqual([
      {
        competencyId: "code-quality",
        name: "Code quality",
        self: 4,
        manager: 2,
        bar: 3,
        againstBar: -1,
      },
      { competencyId: "testing", name: "Testing", self: 2, manager: null, bar: 2, againstBar: 0 },
    ]);
    expect(
      profileAgainstBar({ competencies, targets: {}, target: 3, self: null, manager: null })[0]!
        .againstBar,
    ).toBeNull();
  });
});
