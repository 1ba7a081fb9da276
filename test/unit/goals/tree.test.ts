import { describe, expect, test } from "vitest";
import { shapeTree, type TreeNode } from "~/modules/goals/tree";

const node = (id: string, parentId: string | null, near = false): TreeNode => ({
  id,
  parentId,
  near,
});

describe("the part of a goal tree a page shows", () => {
  test("a small tree is shown whole, each objective after the one it supports", () => {
    const nodes = [node("company", null), node("team", "company"), node("person", "team")];
    expect(shapeTree(nodes)).toEqual({
      shown: ["company", "team", "person"],
      more: new Map(),
      moreAtTop: 0,
    });
  });

  test("under each objective a few supporters, the viewer's own first, and how many more", () => {
    const teams = Array.from({ length: 12 }, (_, index) =>
      node(`team ${index}`, "company", index === 10),
    );
    const shape = shapeTree([node("company", null), ...teams], 60, 8);
    expect(shape.shown).toEqual([
      "company",
      "team 10",
      ...Array.from({ length: 7 }, (_, index) => `team ${index}`),
    ]);
    expect(shape.more).toEqual(new Map([["company", 4]]));
  });

  test("breadth first within the budget: the top of a large company's tree, and what is left counted", () => {
    const nodes = [
      ...["a", "b", "c"].map((id) => node(id, null)),
      ...["a", "b", "c"].flatMap((parent) =>
        Array.from({ length: 200 }, (_, index) => node(`${parent}${index}`, parent)),
      ),
      ...Array.from({ length: 5 }, (_, index) => node(`a0-${index}`, "a0")),
    ];
    const shape = shapeTree(nodes, 20, 8);
    expect(shape.shown).toHaveLength(20);
    expect(shape.shown.slice(0, 3)).toEqual(["a", "b", "c"]);
    // Each top objective has its supporters before any of theirs is shown.
    expect(shape.shown).not.toContain("a0-0");
    expect(shape.more).toEqual(
      new Map([
        ["a", 192],
        ["b", 192],
        ["c", 199],
        ["a0", 5],
      ]),
    );
    expect(shapeTree(nodes, 2, 8).moreAtTop).toBe(1);
  });

  test("an objective whose parent the viewer does not read stands at the top", () => {
    expect(shapeTree([node("team", "unread")]).shown).toEqual(["team"]);
  });
});
