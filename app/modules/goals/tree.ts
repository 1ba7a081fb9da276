/**
 * Which part of a goal tree a page shows. A company of thousands has thousands of objectives; the
 * tree shows the top of it, breadth first, within a budget, and under each objective at most a few
 * of the objectives supporting it, the viewer's own first, with how many more there are (they are
 * listed on the objective's page). A small company's tree is shown whole.
 */

/** Objectives a tree shows at most, and supporters under each before "n more". */
export const TREE_BUDGET = 60;
export const SUPPORTERS_SHOWN = 8;

export type TreeNode = {
  id: string;
  /** The objective it supports, when the viewer reads that one too. */
  parentId: string | null;
  /** The viewer's own, or their team's: shown first among their siblings. */
  near: boolean;
};

export type TreeShape = {
  /** Ids to show, each after its parent. */
  shown: string[];
  /** Supporters not shown, by the objective they support. */
  more: Map<string, number>;
  /** Objectives at the top of the tree not shown. */
  moreAtTop: number;
};

export function shapeTree(
  nodes: readonly TreeNode[],
  budget = TREE_BUDGET,
  perObjective = SUPPORTERS_SHOWN,
): TreeShape {
  const ids = new Set(nodes.map((node) => node.id));
  const childrenOf = new Map<string | null, TreeNode[]>();
  for (const node of nodes) {
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(node);
    childrenOf.set(parent, siblings);
  }
  // The viewer's own first; otherwise the order given (the order objectives were written).
  const ordered = (parent: string | null) => {
    const siblings = childrenOf.get(parent) ?? [];
    return [...siblings.filter((node) => node.near), ...siblings.filter((node) => !node.near)];
  };
  const shown: string[] = [];
  const more = new Map<string, number>();
  const tops = ordered(null);
  const topShown = tops.slice(0, budget);
  shown.push(...topShown.map((node) => node.id));
  let level = topShown;
  while (level.length) {
    const next: TreeNode[] = [];
    for (const node of level) {
      const children = ordered(node.id);
      const room = Math.max(0, Math.min(perObjective, budget - shown.length));
      const taken = children.slice(0, room);
      shown.push(...taken.map((child) => child.id));
      next.push(...taken);
      if (children.length > taken.length) more.set(node.id, children.length - taken.length);
    }
    level = next;
  }
  return { shown, more, moreAtTop: tops.length - topShown.length };
}
