/**
 * The layers below the viewer that a page of `limit` people from `offset` falls in, and
 * the offset within them: the page query then reads and orders only those layers (a
 * VP's first page is their direct reports and the next layer, not all 5,000 people).
 */
export function pageWindow(
  shownAtDepth: ReadonlyMap<number, number>,
  offset: number,
  limit: number,
): { fromDepth: number; toDepth: number; offset: number; limit: number } | null {
  let before = 0;
  let window: { fromDepth: number; toDepth: number; offset: number; limit: number } | null = null;
  for (const depth of [...shownAtDepth.keys()].sort((a, b) => a - b)) {
    const people = shownAtDepth.get(depth)!;
    if (!window && before + people > offset)
      window = { fromDepth: depth, toDepth: depth, offset: offset - before, limit };
    if (window) window.toDepth = depth;
    before += people;
    if (before >= offset + limit) break;
  }
  return window;
}
