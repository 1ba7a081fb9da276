import { describe, expect, test } from "vitest";
import {
  equityAudit,
  GROUPS_LISTED,
  labelledAudit,
  listedAudit,
  type AuditUnit,
} from "~/modules/equity/audit";

const start = new Date(Date.UTC(2026, 0, 1));

/** `count` people of a team known from the start, the first `nominated` of them nominated. */
function team(team: string, count: number, nominated: number, level = "ic2"): AuditUnit[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${team}-${index}`,
    history: [
      {
        at: start,
        state: { stage: index < nominated ? "nominated" : "eligible", groups: { team, level } },
      },
    ],
  }));
}

// Ten small teams first by name (a band each, no rate), then 22 teams with a rate, then one far below the others.
const units = [
  ...Array.from({ length: 10 }, (_, index) => team(`a-small-${index}`, 6, 1)).flat(),
  ...Array.from({ length: 22 }, (_, index) =>
    team(`r-${String(index).padStart(2, "0")}`, 20, 10, index % 2 ? "ic2" : "ic3"),
  ).flat(),
  ...team("z-below", 60, 8),
];
const audit = labelledAudit(
  equityAudit(
    { name: "listed", stages: ["eligible", "nominated"], dimensions: ["team", "level"] },
    units,
    () => 4,
  ),
  [],
);
const teams = audit.dimensions.find((dimension) => dimension.id === "team")!;

describe("an audit as a page lists it", () => {
  test("the audit the tests list has what they need: small teams with no rate, 22 with one, one below four-fifths", () => {
    expect(teams.groups).toHaveLength(33);
    const rated = teams.groups.filter((group) => group.steps?.[0]?.rate);
    expect(rated.map((group) => group.value)).toEqual([
      ...Array.from({ length: 22 }, (_, index) => `r-${String(index).padStart(2, "0")}`),
      "z-below",
    ]);
    expect(
      teams.groups.find((group) => group.value === "z-below")?.steps?.[0]?.impact?.flagged,
    ).toBe(true);
  });

  test("a dimension of many groups lists those below four-fifths, then those with a rate, in the audit's order, and counts the rest", () => {
    const listed = listedAudit(audit, null);
    const team = listed.dimensions.find((dimension) => dimension.id === "team")!;
    expect(team.groups.map((group) => group.value)).toEqual([
      ...Array.from(
        { length: GROUPS_LISTED - 1 },
        (_, index) => `r-${String(index).padStart(2, "0")}`,
      ),
      "z-below",
    ]);
    expect(team.unlisted).toBe(33 - GROUPS_LISTED);
    // Every listed figure is the audit's own, and so are its comparisons.
    for (const group of team.groups)
      expect(group).toEqual(teams.groups.find((other) => other.value === group.value));
    expect(listed.comparisons).toBe(audit.comparisons);
    expect(listed.total).toEqual(audit.total);
  });

  test("a dimension of few groups, or the one asked for whole, is listed whole", () => {
    const listed = listedAudit(audit, "team");
    expect(
      listed.dimensions.map((dimension) => [
        dimension.id,
        dimension.groups.length,
        dimension.unlisted,
      ]),
    ).toEqual([
      ["team", 33, 0],
      ["level", 2, 0],
    ]);
    expect(listedAudit(audit, null).dimensions[1]).toEqual({ ...audit.dimensions[1], unlisted: 0 });
  });
});
