/**
 * Where a read goes when Rungs has read replicas (DATABASE_REPLICA_URLS; decision 116). The rule,
 * in one place: a read goes to a replica only when all of these hold, and to the primary otherwise.
 *
 * - It is a read (a model's find/count/aggregate/groupBy, or a raw read through readRows), not in a
 *   transaction (a transaction is the primary's, reads and writes alike).
 * - The code asked for it with `mayLag` (app/db/replicas.server.ts): the figures of a page that may
 *   be a moment old. Nothing else is: every rule's facts (who may read what, disclosure floors and
 *   releases, autosave revisions, release state) are read outside `mayLag`, on the primary.
 * - It runs in a GET or HEAD request (a page or its `.data`). Actions, the API's writes, jobs and
 *   start-up read the primary: whatever decides a write sees the newest state.
 * - The request has not written (its later reads see its own writes), and the session's last write
 *   (the primary's WAL position it ended at, carried by a cookie for a while after) has been replayed
 *   by the replica: a person reads back their own save on every server, however far behind a
 *   replica is.
 */
export type ReadFacts = {
  replicas: number;
  read: boolean;
  inTransaction: boolean;
  mayLag: boolean;
  /** Null outside a request (jobs, start-up, a test calling a service). */
  request: { method: string; wrote: boolean } | null;
};

/** Whether the read may go to a replica at all; then `replicaCaughtUp` decides for the session. */
export function mayReadReplica(facts: ReadFacts): boolean {
  return (
    facts.replicas > 0 &&
    facts.read &&
    !facts.inTransaction &&
    facts.mayLag &&
    facts.request !== null &&
    (facts.request.method === "GET" || facts.request.method === "HEAD") &&
    !facts.request.wrote
  );
}

/**
 * Whether a replica that has replayed up to `replayed` shows this session's own writes, the last of
 * which ended at `wroteAt` on the primary (null: none lately). A replica that answers no position
 * (not a standby, or replay not started) shows nothing certain.
 */
export function replicaCaughtUp(replayed: bigint | null, wroteAt: bigint | null): boolean {
  if (wroteAt === null) return true;
  return replayed !== null && replayed >= wroteAt;
}

/** Model operations that only read. Anything else (and every raw write) is a write. */
export const READ_OPERATIONS: ReadonlySet<string> = new Set([
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "count",
  "aggregate",
  "groupBy",
  "$queryRaw",
  "$queryRawUnsafe",
]);

/** A WAL position as PostgreSQL writes it (`16/B374D848`: two hexadecimal halves), as a number. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? "");
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
