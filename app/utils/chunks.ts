/** The items in runs of at most `size`, in order: for reads by a list of ids that may run to tens of thousands (a statement's parameters are bounded). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    runs.push(items.slice(start, start + size));
  return runs;
}
