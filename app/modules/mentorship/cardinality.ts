/**
 * The size of a maximum matching in a bipartite graph whose right-hand nodes take several
 * partners each (a mentor with capacity 2 takes two mentees): Hopcroft–Karp on the graph with
 * each right-hand node split into one slot per unit of capacity.
 */

export interface CapacitatedGraph {
  /** Left node u's neighbours are `targets[start[u]]` up to (not including) `targets[end[u]]`. */
  start: Int32Array;
  end: Int32Array;
  /** Right-hand node indices. */
  targets: Int32Array;
  /** How many left nodes each right-hand node can take. */
  capacity: Int32Array;
}

const FREE = -1;
const UNREACHED = 0x7fffffff;

/** Returns how many left nodes a maximum matching of the graph pairs. */
export function maximumMatchingSize(graph: CapacitatedGraph): number {
  const leftCount = graph.start.length;
  const slotStart = new Int32Array(graph.capacity.length + 1);
  graph.capacity.forEach(
    (capacity, right) => (slotStart[right + 1] = slotStart[right]! + capacity),
  );
  const matcher: Matcher = {
    graph,
    slotStart,
    leftSlot: new Int32Array(leftCount).fill(FREE),
    slotLeft: new Int32Array(slotStart[graph.capacity.length]!).fill(FREE),
    layer: new Int32Array(leftCount),
    nextEdge: new Int32Array(leftCount),
  };
  let size = 0;
  while (layerFromFreeLeft(matcher)) {
    for (let left = 0; left < leftCount; left++) {
      if (matcher.leftSlot[left] === FREE && augmentFrom(matcher, left)) size++;
    }
  }
  return size;
}

interface Matcher {
  graph: CapacitatedGraph;
  slotStart: Int32Array;
  leftSlot: Int32Array;
  slotLeft: Int32Array;
  /** Breadth-first layer of each left node in the current phase. */
  layer: Int32Array;
  /** The next edge each left node's depth-first search tries in this phase. */
  nextEdge: Int32Array;
}

/** Breadth-first search from every free left node over alternating paths; true when some path reaches a free slot. */
function layerFromFreeLeft(matcher: Matcher): boolean {
  const { graph, slotStart, leftSlot, slotLeft, layer, nextEdge } = matcher;
  const queue = new Int32Array(leftSlot.length);
  let head = 0;
  let tail = 0;
  for (let left = 0; left < leftSlot.length; left++) {
    nextEdge[left] = graph.start[left]!;
    if (leftSlot[left] === FREE) {
      layer[left] = 0;
      queue[tail++] = left;
    } else {
      layer[left] = UNREACHED;
    }
  }
  let reachesFree = false;
  while (head < tail) {
    const left = queue[head++]!;
    for (let edge = graph.start[left]!; edge < graph.end[left]!; edge++) {
      const right = graph.targets[edge]!;
      for (let slot = slotStart[right]!; slot < slotStart[right + 1]!; slot++) {
        const holder = slotLeft[slot]!;
        if (holder === FREE) {
          reachesFree = true;
        } else if (layer[holder] === UNREACHED) {
          layer[holder] = layer[left]! + 1;
          queue[tail++] = holder;
        }
      }
    }
  }
  return reachesFree;
}

/** Depth-first search along the layers for a shortest augmenting path from `left`; flips it when found. */
function augmentFrom(matcher: Matcher, left: number): boolean {
  const { graph, slotStart, leftSlot, slotLeft, layer, nextEdge } = matcher;
  for (; nextEdge[left]! < graph.end[left]!; nextEdge[left]!++) {
    const right = graph.targets[nextEdge[left]!]!;
    for (let slot = slotStart[right]!; slot < slotStart[right + 1]!; slot++) {
      const holder = slotLeft[slot]!;
      if (holder === FREE || (layer[holder] === layer[left]! + 1 && augmentFrom(matcher, holder))) {
        leftSlot[left] = slot;
        slotLeft[slot] = left;
        return true;
      }
    }
  }
  layer[left] = UNREACHED;
  return false;
}
