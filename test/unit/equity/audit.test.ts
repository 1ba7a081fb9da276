import { describe, expect, test } from "vitest";
import {
  equityAudit,
  type AuditState,
  type AuditStep,
  type AuditUnit,
} from "~/modules/equity/audit";
import { fourFifthsRule } from "~/modules/statistics/adverse-impact";
import { wilsonInterval } from "~/modules/statistics/intervals";
import { seeded } from "../../../prisma/seed/random";
import { Attacker, finestGroups } from "../../utils/derive";

const STAGES = ["eligible", "nominated", "promoted"];
const start = new Date(Date.UTC(2026, 0, 1));
const floor = () => 4;

/** People known from the start: `count` of them in a team, the first `nominated` nominated and the first `promoted` of those promoted. */
function team(
  team: string,
  count: number,
  nominated: number,
  promoted: number,
  level = "ic2",
): AuditUnit[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `${team}-${index}`,
    history: [
      {
        at: start,
        state: {
          stage: index < promoted ? "promoted" : index < nominated ? "nominated" : "eligible",
          groups: { team, level },
        } satisfies AuditState,
      },
    ],
  }));
}

describe("the equity audit", () => {
  test("gives each shown group its rates with Wilson's intervals, its ratio to the highest and the four-fifths rule over every comparison shown", () => {
    const units = [
      ...team("Payments", 40, 30, 12),
      ...team("Search", 40, 10, 4),
      ...team("Mobile", 20, 12, 5),
    ];
    const audit = equityAudit(
      { name: "promotions", stages: STAGES, dimensions: ["team"] },
      units,
      floor,
    );
    expect(audit.total.steps!.map((step) => [step.from, step.to, step.n, step.successes])).toEqual([
      ["eligible", "nominated", 100, 52],
      ["nominated", "promoted", 52, 21],
      ["eligible", "promoted", 100, 21],
    ]);
    const [mobile, payments, search] = audit.dimensions[0]!.groups;
    expect([mobile!.value, payments!.value, search!.value]).toEqual([
      "Mobile",
      "Payments",
      "Search",
    ]);
    expect(payments!.steps![0]).toMatchObject({
      n: 40,
      successes: 30,
      highest: true,
      impact: null,
      rate: wilsonInterval(30, 40),
    });
    // Search is nominated at a third of Payments' rate: flagged; the family is every comparison shown (two groups at each of three steps).
    expect(audit.comparisons).toBe(6);
    const nominated = search!.steps![0]!.impact!;
    expect(nominated.reference).toBe("Payments");
    expect(nominated.ratio!.estimate).toBeCloseTo(1 / 3, 12);
    expect(nominated.flagged).toBe(true);
    const family = audit.dimensions[0]!.groups.flatMap((group) =>
      group.steps!.flatMap((step) => (step.impact ? [step] : [])),
    );
    const referenceOf = (step: AuditStep) =>
      audit.dimensions[0]!.groups.find(
        (group) => group.value === step.impact!.reference,
      )!.steps!.find((other) => other.from === step.from && other.to === step.to)!;
    const decided = fourFifthsRule(
      family.map((step) => ({
        group: { successes: step.successes!, n: step.n! },
        reference: { successes: referenceOf(step).successes!, n: referenceOf(step).n! },
      })),
    );
    expect(family.map((step) => step.impact!.adjustedP)).toEqual(
      decided.map((finding) => finding.adjustedP),
    );
    // Of those nominated, Search's promotions (4 of 10) against Mobile's (5 of 12) are no sign.
    expect(search!.steps![1]!.impact!.flagged).toBe(false);
  });

  test("a group below its floor is neither named nor counted, and a group beside it is hidden so that the total less the shown groups does not give it", () => {
    const units = [
      ...team("Payments", 9, 5, 2),
      ...team("Search", 6, 3, 1),
      ...team("Tiny", 2, 2, 1),
    ];
    const audit = equityAudit(
      { name: "promotions", stages: STAGES, dimensions: ["team"] },
      units,
      floor,
    );
    const groups = audit.dimensions[0]!.groups;
    expect(groups.map((group) => group.value)).toEqual(["Payments", "Search"]);
    // Everyone known at once is read whole, though 17 is no whole number of batches of four.
    expect(audit.total.steps![0]!.n).toBe(17);
    expect(groups.find((group) => group.value === "Payments")!.steps![0]!.n).toBe(9);
    expect(audit.dimensions[0]!.smallGroupsLeftOut).toBe(true);
    expect(audit.total.shown).toBe(true);
    // The smaller of the two is hidden with Tiny, and shows nothing measured.
    expect(groups.find((group) => group.value === "Search")).toEqual({
      value: "Search",
      shown: false,
      steps: null,
    });
    expect(groups.find((group) => group.value === "Payments")!.shown).toBe(true);
  });

  test("a count of nobody or everyone, or within the floor of either, is shown only as a band, and no exact count beside it gives it (decision 105)", () => {
    const units = [
      ...team("Payments", 10, 5, 2),
      ...team("Search", 8, 0, 0),
      ...team("Mobile", 12, 12, 6),
    ];
    const audit = equityAudit(
      { name: "promotions", stages: STAGES, dimensions: ["team"] },
      units,
      floor,
    );
    const stepOf = (team: string, to: string, from = "eligible") =>
      audit.dimensions[0]!.groups.find((group) => group.value === team)!.steps!.find(
        (step) => step.from === from && step.to === to,
      )!;
    // Search: none of eight nominated; Mobile: all twelve. Neither reads as a count, a rate or a comparison.
    expect(stepOf("Search", "nominated")).toMatchObject({
      n: 8,
      successes: null,
      band: { low: 0, high: 3 },
      rate: null,
      impact: null,
    });
    expect(stepOf("Mobile", "nominated")).toMatchObject({
      n: 12,
      successes: null,
      band: { low: 9, high: 12 },
      rate: null,
    });
    // Of Mobile's nominees nothing is shown: how many there were is itself a band.
    expect(stepOf("Mobile", "promoted", "nominated")).toMatchObject({
      n: null,
      successes: null,
      band: null,
      rate: null,
    });
    // Payments' 5 of 10 stays exact, and is compared with no band. Everyone less Payments gives Search and Mobile together
    // (12 of 20), which pins neither: Search's 0 to 3 and Mobile's 9 to 12 both fit.
    expect(stepOf("Payments", "nominated")).toMatchObject({ n: 10, successes: 5, impact: null });
    expect(audit.total.steps![0]).toMatchObject({ n: 30, successes: 17 });

    // With Mobile's count exact, everyone less Payments less Mobile would give Search's 0: one of the three is not shown exactly.
    const second = equityAudit(
      { name: "promotions", stages: STAGES, dimensions: ["team"] },
      [...team("Payments", 10, 5, 2), ...team("Search", 8, 0, 0), ...team("Mobile", 12, 6, 6)],
      floor,
    );
    const nominations = [
      second.total.steps![0]!,
      ...second.dimensions[0]!.groups.map((group) => group.steps![0]!),
    ];
    expect(nominations.filter((step) => step.successes === null).length).toBe(2);
    expect(nominations.filter((step) => step.band).map((step) => step.band)).toEqual([
      { low: 0, high: 3 },
    ]);
  });

  test("shows nothing before the floor's worth of people are in, and a stage it does not know is refused", () => {
    const audit = equityAudit(
      { name: "access", stages: ["saw", "applied", "chosen"], dimensions: ["team"] },
      team("Payments", 3, 1, 0).map((unit) => ({
        ...unit,
        history: [{ at: start, state: { ...unit.history[0]!.state!, stage: "saw" } }],
      })),
      floor,
    );
    expect(audit).toEqual({
      total: { shown: false, steps: null },
      dimensions: [{ id: "team", groups: [], smallGroupsLeftOut: true }],
      comparisons: 0,
      adjustment: "holm",
    });
    expect(() =>
      equityAudit(
        { name: "promotions", stages: STAGES, dimensions: [] },
        [{ id: "x", history: [{ at: start, state: { stage: "hired", groups: {} } }] }],
        floor,
      ),
    ).toThrow(/not a stage/);
  });

  test("on random organisations known at once, an attacker adding and subtracting every shown row works out no hidden group, no group left out and no small finest group", () => {
    const random = seeded(20261127);
    let hidden = 0;
    for (let round = 0; round < 60; round++) {
      const people = Array.from({ length: 6 + Math.floor(random() * 30) }, (_, index) => ({
        id: `p${index}`,
        team: `t${Math.floor(random() * random() * 5)}`,
        level: random() < 0.1 ? null : `l${Math.floor(random() * 3)}`,
        stage: STAGES[Math.floor(random() * random() * 3)]!,
      }));
      const units = people.map((person) => ({
        id: person.id,
        history: [
          {
            at: start,
            state: { stage: person.stage, groups: { team: person.team, level: person.level } },
          },
        ],
      }));
      const audit = equityAudit(
        { name: "promotions", stages: STAGES, dimensions: ["team", "level"] },
        units,
        floor,
      );
      const members = (dimension: "team" | "level", value: string) =>
        people.filter((person) => person[dimension] === value).map((person) => person.id);
      const rows = [
        { id: "everyone", members: people.map((person) => person.id), shown: audit.total.shown },
        ...audit.dimensions.flatMap((dimension) =>
          dimension.groups.map((group) => ({
            id: `${dimension.id}:${group.value}`,
            members: members(dimension.id as "team" | "level", group.value),
            shown: group.shown,
          })),
        ),
      ];
      const attacker = new Attacker(rows.filter((row) => row.shown).map((row) => row.members));
      const listed = new Set(rows.map((row) => row.id));
      const groups = (["team", "level"] as const).flatMap((dimension) =>
        [...new Set(people.flatMap((person) => person[dimension] ?? []))].map((value) => ({
          id: `${dimension}:${value}`,
          members: members(dimension, value),
        })),
      );
      const small = finestGroups(
        groups.map((group) => group.members).concat([people.map((person) => person.id)]),
      ).filter((group) => group.length < 4);
      const found = [
        ...rows
          .filter((row) => !row.shown && row.members.length < 4 && attacker.derives(row.members))
          .map((row) => row.id),
        ...groups
          .filter((group) => !listed.has(group.id) && attacker.derives(group.members))
          .map((group) => `${group.id} (left out)`),
        ...small.filter((group) => attacker.derives(group)).map((group) => group.join("+")),
      ];
      expect(found, `round ${round}`).toEqual([]);
      hidden += rows.filter((row) => !row.shown).length;
    }
    expect(hidden).toBeGreaterThan(10);
  });
});
