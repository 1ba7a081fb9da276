import { describe, expect, test } from "vitest";
import { disclosureCheck, type Cell } from "~/modules/disclosure/check";
import { seeded } from "../../../prisma/seed/random";
import { Attacker, finestGroups } from "../../utils/derive";

const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, index) => `${prefix}${index + 1}`);
const cell = (id: string, members: readonly string[], withheld = false): Cell => ({
  id,
  members,
  withheld,
});
const floorOf = (floor: number) => () => floor;

/** What an attacker can work out from a release: every hidden cell below its floor, and every union of up to three finest groups below it. */
function leaks(
  cells: readonly Cell[],
  shown: ReadonlySet<string>,
  floorOfUnit: (unit: string) => number,
): string[] {
  const attacker = new Attacker(cells.filter((c) => shown.has(c.id)).map((c) => c.members));
  const floor = (units: readonly string[]) => Math.max(...units.map(floorOfUnit));
  const found: string[] = [];
  for (const c of cells) {
    const members = [...new Set(c.members)];
    if (
      !shown.has(c.id) &&
      members.length &&
      members.length < floor(members) &&
      attacker.derives(members)
    )
      found.push(c.id);
  }
  const small = finestGroups(cells.map((c) => c.members)).filter(
    (group) => group.length < floor(group),
  );
  for (let i = 0; i < small.length; i++) {
    for (let j = i; j < small.length; j++) {
      for (let k = j; k < small.length; k++) {
        const union = [
          ...new Set([...small[i]!, ...(j > i ? small[j]! : []), ...(k > j ? small[k]! : [])]),
        ];
        if (union.length < floor(union) && attacker.derives(union))
          found.push(`finest groups ${union.join("+")}`);
      }
    }
  }
  return found;
}

describe("the disclosure check", () => {
  test("a group below the floor is hidden, and the smallest group beside it too, so the total less the shown groups is not one group", () => {
    const [a, b] = [people("a", 8), people("b", 2)];
    const cells = [cell("total", [...a, ...b]), cell("A", a), cell("B", b)];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect([...shown].sort()).toEqual(["total"]);
    // Without the total, B alone is hidden.
    expect([...disclosureCheck(cells.slice(1), floorOf(4)).shown]).toEqual(["A"]);
  });

  test("a track and its levels: the track less its shown levels does not give a hidden level", () => {
    const [l1, l2, l3, l4] = [
      people("l1-", 5),
      people("l2-", 6),
      people("l3-", 1),
      people("l4-", 1),
    ];
    const cells = [
      cell("track:IC", [...l1, ...l2, ...l3, ...l4]),
      cell("level:1", l1),
      cell("level:2", l2),
      cell("level:3", l3),
      cell("level:4", l4),
    ];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect(shown.has("level:3") || shown.has("level:4")).toBe(false);
    expect(leaks(cells, shown, floorOf(4))).toEqual([]);
    // The two hidden levels together are two people: one more level goes with them.
    expect(shown.has("track:IC") && shown.has("level:1") && shown.has("level:2")).toBe(false);
  });

  test("across reports: a cycle's figure less one session's does not give the other session's hidden figure", () => {
    const [s1, s2] = [people("s1-", 2), people("s2-", 5)];
    const cells = [cell("cycle", [...s1, ...s2]), cell("session-1", s1), cell("session-2", s2)];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect(shown.has("session-1")).toBe(false);
    expect(shown.has("cycle") && shown.has("session-2")).toBe(false);
    expect(leaks(cells, shown, floorOf(4))).toEqual([]);
  });

  test("groups that happen to nest (everyone in Berlin and London is on Payments) are caught without being declared", () => {
    const [london, berlin, rest] = [people("lon", 6), people("ber", 2), people("rest", 9)];
    const cells = [
      cell("team:Payments", [...london, ...berlin]),
      cell("team:Search", rest),
      cell("place:London", london),
      cell("place:Berlin", berlin),
      cell("place:Paris", rest),
    ];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect(shown.has("place:Berlin")).toBe(false);
    expect(shown.has("team:Payments") && shown.has("place:London")).toBe(false);
    expect(leaks(cells, shown, floorOf(4))).toEqual([]);
  });

  test("a floor raised for some people holds for every cell they are in", () => {
    const raised = new Set(people("r", 5));
    const floorOfUnit = (unit: string) => (raised.has(unit) ? 8 : 4);
    const cells = [
      cell("raised", [...raised]),
      cell("others", people("o", 5)),
      cell("mixed", [...people("r", 2), ...people("o", 3)]),
    ];
    const release = disclosureCheck(cells, floorOfUnit);
    expect([...release.shown]).toEqual(["others"]);
    expect(release.sizes.get("mixed")).toEqual({ n: 5, floor: 8 });
  });

  test("people with no group are withheld but counted: the total less every group is them, so a group goes with them", () => {
    const [a, b, none] = [people("a", 5), people("b", 6), people("none", 2)];
    const cells = [
      cell("total", [...a, ...b, ...none]),
      cell("A", a),
      cell("B", b),
      cell("none", none, true),
    ];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect(shown.has("none")).toBe(false);
    expect(shown.has("A") && shown.has("B")).toBe(false);
    expect(leaks(cells, shown, floorOf(4))).toEqual([]);
  });

  test("a person alone in their combination of groups is not worked out from crossing tables", () => {
    // Teams and levels cross; Ann is the only Staff engineer and Staff is hidden, but Ann's team less its other level gives her.
    const cells = [
      cell("team:A", ["ann", "a1", "a2", "a3", "a4"]),
      cell("team:B", ["b1", "b2", "b3", "b4", "b5"]),
      cell("level:Senior", ["a1", "a2", "a3", "a4", "b1"]),
      cell("level:Staff", ["ann"]),
      cell("level:Mid", ["b2", "b3", "b4", "b5"]),
    ];
    const { shown } = disclosureCheck(cells, floorOf(4));
    expect(leaks(cells, shown, floorOf(4))).toEqual([]);
  });

  test("a figure read before stays shown: its later reading with one more person is hidden instead, though the earlier is the cheaper", () => {
    const five = ["a", "b", "c", "d", "e"];
    const release = disclosureCheck(
      [
        { id: "team then", members: five, fixed: true },
        { id: "team now", members: [...five, "f"] },
      ],
      () => 4,
    );
    expect([...release.shown]).toEqual(["team then"]);
  });

  test("on random tables, nothing the attacker tries works out a hidden figure or a small finest group", () => {
    const random = seeded(20261125);
    for (let round = 0; round < 120; round++) {
      const units = people("u", 8 + Math.floor(random() * 30));
      const dimensions = 1 + Math.floor(random() * 3);
      const cells: Cell[] = [];
      if (random() < 0.7) cells.push(cell("total", units));
      for (let d = 0; d < dimensions; d++) {
        const groups = 2 + Math.floor(random() * 5);
        const byGroup = new Map<number, string[]>();
        for (const unit of units) {
          if (random() < 0.1) continue;
          const group = Math.floor(random() * random() * groups);
          (byGroup.get(group) ?? byGroup.set(group, []).get(group)!).push(unit);
        }
        for (const [group, members] of byGroup) cells.push(cell(`${d}:${group}`, members));
        const none = units.filter(
          (unit) => ![...byGroup.values()].some((members) => members.includes(unit)),
        );
        if (none.length) cells.push(cell(`${d}:none`, none, true));
      }
      // A second report over a random part of the same people.
      if (random() < 0.5) {
        const part = units.filter(() => random() < 0.5);
        cells.push(cell("report:total", part));
        cells.push(
          cell(
            "report:half",
            part.filter((_, index) => index % 2 === 0),
          ),
        );
      }
      const raised = new Set(units.filter(() => random() < 0.15));
      const floorOfUnit = (unit: string) => (raised.has(unit) ? 6 : 4);
      const { shown } = disclosureCheck(cells, floorOfUnit);
      expect(leaks(cells, shown, floorOfUnit), `round ${round}`).toEqual([]);
    }
  });
});
