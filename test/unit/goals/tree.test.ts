import { describe, expect, test } from "vitest";
import { shapeTree as shapeBy, type Supporters } from "~/modules/goals/tree";

type TreeNode = { id: string; parentId: string | null; near: boolean };
const node = (id: string, parentId: string | null, near = false): TreeNode => ({
  id,
  parentId,
  near,
});

/**
 * The tree's walk over objectives held in memory, read as the database reads them
 * (queries.server.ts's treeSupporters, tested against the database in goals.test.ts): an objective
 * whose parent is not among them stands at the top; the near ones first, else in the order given.
 * Each read is counted, as each is a statement.
 */
let reads = 0;
function shapeTree(nodes: readonly TreeNode[], budget?: number, perObjective?: number) {
  const ids = new Set(nodes.map((one) => one.id));
  const under = (one: TreeNode) =>
    one.parentId !== null && ids.has(one.parentId) ? one.parentId : null;
  reads = 0;
  return shapeBy(
    async (parents, limit) => {
      reads += 1;
      return new Map(
        parents.map((parent): [string | null, Supporters] => {
          const siblings = nodes.filter((one) => under(one) === parent);
          const ordered = [
            ...siblings.filter((one) => one.near),
            ...siblings.filter((one) => !one.near),
          ];
          return [
            parent,
            { ids: ordered.slice(0, limit).map((one) => one.id), total: ordered.length },
          ];
        }),
      );
    },
    budget,
    perObjective,
  );
}

describe("the part of a goal tree a page shows", () => {
  test("a small tree is shown whole, each objective after the one it supports", async () => {
    const nodes = [node("company", null), node("team", "company"), node("person", "team")];
    expect(await shapeTree(nodes)).toEqual({
      shown: ["company", "team", "person"],
      more: new Map(),
      over: new Set(),
      moreAtTop: 0,
      moreAtTopOver: false,
    });
  });

  test("under each objective a few supporters, the viewer's own first, and how many more", async () => {
    const teams = Array.from({ length: 12 }, (_, index) =>
      node(`team ${index}`, "company", index === 10),
    );
    const shape = await shapeTree([node("company", null), ...teams], 60, 8);
    expect(shape.shown).toEqual([
      "company",
      "team 10",
      ...Array.from({ length: 7 }, (_, index) => `team ${index}`),
    ]);
    expect(shape.more).toEqual(new Map([["company", 4]]));
  });

  test("breadth first within the budget: the top of a large company's tree, and what is left counted", async () => {
    const nodes = [
      ...["a", "b", "c"].map((id) => node(id, null)),
      ...["a", "b", "c"].flatMap((parent) =>
        Array.from({ length: 200 }, (_, index) => node(`${parent}${index}`, parent)),
      ),
      ...Array.from({ length: 5 }, (_, index) => node(`a0-${index}`, "a0")),
    ];
    const shape = await shapeTree(nodes, 20, 8);
    expect(shape.shown).toHaveLength(20);
    // A statement a level: the top, its supporters, theirs (only counted, the budget spent).
    expect(reads).toBe(3);
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
    expect((await shapeTree(nodes, 2, 8)).moreAtTop).toBe(1);
  });

  test("an objective whose parent the viewer does not read stands at the top", async () => {
    expect((await shapeTree([node("team", "unread")])).shown).toEqual(["team"]);
  });
});
