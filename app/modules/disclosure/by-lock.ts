import { disclosureCheck, type Cell, type Release } from "./check";

/**
 * Reports over locked calibration sessions change each time another session locks, and a reader who
 * read them before subtracts (decision 076): team A 2 of 5 promoted, then 3 of 6. So such a release
 * is made lock by lock: at each lock, the tables as they stood after every earlier lock are cells of
 * the check beside the new ones, what an earlier lock showed fixed and what it hid withheld. A figure
 * then moves only by a change of at least the floor in people, and comes back once enough people
 * have been added since it was last shown. Nothing is stored: locked outcomes are fixed, so each read
 * works out the same earlier releases again. Pure.
 */

/** Sessions in the order they locked: one with no lock recorded as if before any, ties by id (as calibrationInScope orders them). */
export function lockOrder(
  entries: readonly { sessionId: string; lockedAt?: number | null }[],
): string[] {
  const lockedAt = new Map<string, number>();
  for (const entry of entries)
    lockedAt.set(entry.sessionId, entry.lockedAt ?? Number.NEGATIVE_INFINITY);
  return [...lockedAt]
    .sort(([a, at], [b, bt]) => at - bt || (a < b ? -1 : a > b ? 1 : 0))
    .map(([sessionId]) => sessionId);
}

/**
 * The release after the last of `moments` locks. `modelsAt(moment)`: the cells a reader has read by
 * then, as one or more models of the same cells (a person's two outcomes apart or as one: what any
 * model hides, every one hides), a table as it stood after each lock under a name of its own.
 */
export function releaseLockByLock(
  moments: number,
  modelsAt: (moment: number) => readonly (readonly Cell[])[],
  floorOf: (unit: string) => number,
  personOf?: (unit: string) => string,
): Release {
  const fixed = new Set<string>();
  const hidden = new Set<string>();
  let release: Release = { shown: new Set(), sizes: new Map() };
  for (let moment = 0; moment < moments; moment++) {
    const models = modelsAt(moment);
    // A run's own hidden cells, withheld, change nothing in it: once a run of each model hides nothing more, all hold.
    for (let run = 0; ; run++) {
      const model = models[run % models.length]!;
      release = disclosureCheck(
        model.map((cell) =>
          hidden.has(cell.id)
            ? { ...cell, withheld: true }
            : fixed.has(cell.id)
              ? { ...cell, fixed: true }
              : cell,
        ),
        floorOf,
        personOf,
      );
      const before = hidden.size;
      for (const cell of model) if (!release.shown.has(cell.id)) hidden.add(cell.id);
      if (models.length === 1 || (run > 0 && hidden.size === before)) break;
    }
    for (const id of release.shown) fixed.add(id);
  }
  return release;
}

/** A release with one table's cells renamed (`from`: the last lock's name of the table; `to`: the name pages read), its ids `<table>`, `<table>:…` and `<table>≠…`. */
export function renamedTable(release: Release, from: string, to: string): Release {
  const named = (id: string) =>
    id === from || id.startsWith(`${from}:`) || id.startsWith(`${from}≠`)
      ? to + id.slice(from.length)
      : id;
  return {
    shown: new Set([...release.shown].map(named)),
    sizes: new Map([...release.sizes].map(([id, size]) => [named(id), size])),
  };
}
