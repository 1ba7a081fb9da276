import { describe, expect, it } from "vitest";
import { belowFloor, SMALL_GROUP_FLOOR, suppressedGroups } from "~/modules/statistics/small-groups";

describe("small groups", () => {
  it("fewer than four people (nobody included) are below the default floor", () => {
    expect(SMALL_GROUP_FLOOR).toBe(4);
    expect([0, 1, 3, 4].map((n) => belowFloor(n))).toEqual([true, true, true, false]);
    expect(belowFloor(5, 6)).toBe(true);
  });

  it("hides the groups below the floor, and the smallest shown until everyone hidden makes a group of the floor", () => {
    const cells = [
      { key: "a", n: 8 },
      { key: "b", n: 5 },
      { key: "c", n: 2 },
    ];
    expect([...suppressedGroups(cells, 15)].sort()).toEqual(["b", "c"]);
    // Without the total shown, nothing can be taken from it: only the small group is hidden.
    expect([...suppressedGroups(cells, null)]).toEqual(["c"]);
    // Two small groups hidden together, three people between them, are still too few.
    expect([...suppressedGroups([...cells.slice(0, 2), { key: "c", n: 1 }, { key: "d", n: 2 }], 16)].sort()).toEqual(["b", "c", "d"]);
    // Hidden groups of the floor's size together need nothing more.
    expect([...suppressedGroups([...cells.slice(0, 2), { key: "c", n: 2 }, { key: "d", n: 2 }], 17)].sort()).toEqual(["c", "d"]);
  });

  it("people counted in the total but shown in no group count among the hidden", () => {
    const teams = [
      { key: "A", n: 5 },
      { key: "B", n: 6 },
    ];
    expect([...suppressedGroups(teams, 12)]).toEqual(["A"]);
    expect([...suppressedGroups([...teams, { key: "none", n: 1, hidden: true }], 12)].sort()).toEqual(["A", "none"]);
    expect([...suppressedGroups([...teams, { key: "none", n: 4, hidden: true }], 15)]).toEqual(["none"]);
  });

  it("a group whose rest is below the floor is hidden: the total less the group would give the rest", () => {
    expect([...suppressedGroups([{ key: "big", n: 10 }, { key: "one", n: 1 }], 11)].sort()).toEqual(["big", "one"]);
  });
});
