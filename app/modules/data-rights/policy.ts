/**
 * Who may start, follow and take a person's export (decision 087). Pure rules on facts; the
 * service reads the facts and calls them, routes never restate them.
 */

export type ExportState = "queued" | "building" | "ready" | "downloaded" | "expired" | "failed";

export type ExportReader = { id: string; isAdmin: boolean };

/** How long an archive waits for its person: one not taken by then is deleted, so no copy of their data lingers. */
export const KEPT_DAYS = 7;

/** The moment before which a ready archive has waited too long. */
export function keptSince(now: Date): Date {
  return new Date(now.getTime() - KEPT_DAYS * 24 * 60 * 60 * 1000);
}

/** How long a build may run before another server takes it over (its server stopped mid-way). */
export const STALE_BUILD_MS = 15 * 60 * 1000;

/**
 * The person starts their own export; an admin starts one for a named person, for a request the
 * company received elsewhere (a letter, an email to HR). Either way the archive goes to the person.
 */
export function canStartExport(reader: ExportReader, personId: string): boolean {
  return reader.id === personId || reader.isAdmin;
}

/** The person sees their exports; an admin sees where one stands (never its content). */
export function canFollowExports(reader: ExportReader, personId: string): boolean {
  return reader.id === personId || reader.isAdmin;
}

/** One export at a time: a new one waits until the last has been built (or has failed). */
export function startRefusal(existing: readonly { state: string }[]): "in-progress" | null {
  return existing.some((row) => row.state === "queued" || row.state === "building")
    ? "in-progress"
    : null;
}

/**
 * Only the person takes their archive, and only once: an admin who started it never reads it, and
 * a downloaded archive is gone. "not-theirs" reads as not found, as if it did not exist.
 */
export function downloadRefusal(
  reader: ExportReader,
  row: { personId: string; state: string },
): "not-theirs" | "not-ready" | "gone" | null {
  if (reader.id !== row.personId) return "not-theirs";
  if (row.state === "downloaded" || row.state === "expired") return "gone";
  if (row.state !== "ready") return "not-ready";
  return null;
}

/** Whether a build is for the taking: queued, or started by a server that has since stopped. */
export function mayBuild(row: { state: string; startedAt: Date | null }, now: Date): boolean {
  if (row.state === "queued") return true;
  return (
    row.state === "building" &&
    row.startedAt !== null &&
    now.getTime() - row.startedAt.getTime() > STALE_BUILD_MS
  );
}

/** Whether the page should look again soon: something is still being built. */
export function stillBuilding(rows: readonly { state: string }[]): boolean {
  return rows.some((row) => row.state === "queued" || row.state === "building");
}
