/**
 * The navigation's to-do figure is the length of the person's to-do list (todo.ts) as last
 * counted, kept with the person and read with their session, so a page does not work the whole
 * list out. A kept count stands for a short while: others' changes (a cycle opening, a session
 * published) reach the figure within that time; the person's own changes at once, since any
 * change they make drops it (auth/session.server.ts). The home page, which works the list out
 * anyway, keeps it up to date with what it shows.
 */

export const KEPT_COUNT_STANDS_MS = 2 * 60 * 1000;

export type KeptTodoCount = { open: number; countedAt: Date } | null;

/** Whether the kept count may be shown as it is: counted within the last two minutes (not ahead of now). */
export function keptCountStands(
  kept: KeptTodoCount,
  now: Date,
): kept is { open: number; countedAt: Date } {
  if (!kept) return false;
  const age = now.getTime() - kept.countedAt.getTime();
  return age >= 0 && age < KEPT_COUNT_STANDS_MS;
}

/** Whether a freshly worked-out list of this length leaves the kept count as it should be (nothing to write). */
export function keptCountHolds(kept: KeptTodoCount, open: number, now: Date): boolean {
  return keptCountStands(kept, now) && kept.open === open;
}
