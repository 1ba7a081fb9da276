/**
 * Which part of a goal tree a page shows. A company of thousands has thousands of objectives; the
 * tree shows the top of it, breadth first, within a budget, and under each objective at most a few
 * of the objectives supporting it, the viewer's own first, with how many more there are (they are
 * listed on the objective's page). A small company's tree is shown whole.
 */

/** Objectives a tree shows at most, and supporters under each before "n more". */
export const TREE_BUDGET = 60;
export const SUPPORTERS_SHOWN = 8;

/**
 * The first few supporters of each objective asked, in the order the tree shows them, and how many
 * there are; `over`: more than `total` (counting stops at `COUNTED_AT_MOST`).
 */
export type Supporters = { ids: string[]; total: number; over?: boolean };

/**
 * How far a tree counts what it does not show: a company objective of a large organisation has tens
 * of thousands of supporters, and "more than 1,000" says what a reader needs there without reading
 * them all on every view. The objective's page counts them all.
 */
export const COUNTED_AT_MOST = 1000;

/**
 * Reads, for each objective asked (null: the top of the tree), its first `limit` supporters the
 * viewer reads, the viewer's own and their team's first and then in the order they were written,
 * and how many there are (also when `limit` is 0). The goal tree reads them from the database level
 * by level (queries.server.ts), so a tree costs a statement a level, not a read of every objective.
 */
export type ReadSupporters = (
  parents: readonly (string | null)[],
  limit: number,
) => Promise<Map<string | null, Supporters>>;

export type TreeShape = {
  /** Ids to show, each after its parent. */
  shown: string[];
  /** Supporters not shown, by the objective they support. */
  more: Map<string, number>;
  /** Objectives whose supporters were counted to `COUNTED_AT_MOST` and stopped: more than it support each. */
  over: Set<string>;
  /** Objectives at the top of the tree not shown ("more than" this many when `moreAtTopOver`). */
  moreAtTop: number;
  moreAtTopOver: boolean;
};

export async function shapeTree(
  read: ReadSupporters,
  budget = TREE_BUDGET,
  perObjective = SUPPORTERS_SHOWN,
): Promise<TreeShape> {
  const none: Supporters = { ids: [], total: 0 };
  const tops = (await read([null], budget)).get(null) ?? none;
  const shown = [...tops.ids];
  const more = new Map<string, number>();
  const over = new Set<string>();
  let level = tops.ids;
  // Breadth first: each level's supporters are read once; the last level read still counts what
  // is not shown under it.
  while (level.length) {
    const supporters = await read(
      level,
      Math.max(0, Math.min(perObjective, budget - shown.length)),
    );
    const next: string[] = [];
    for (const id of level) {
      const { ids, total, over: counted } = supporters.get(id) ?? none;
      const taken = ids.slice(0, Math.max(0, Math.min(perObjective, budget - shown.length)));
      shown.push(...taken);
      next.push(...taken);
      if (total > taken.length) more.set(id, total - taken.length);
      if (counted) over.add(id);
    }
    level = next;
  }
  return {
    shown,
    more,
    over,
    moreAtTop: tops.total - tops.ids.length,
    moreAtTopOver: tops.over ?? false,
  };
}
