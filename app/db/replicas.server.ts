import { AsyncLocalStorage } from "node:async_hooks";
import { metrics } from "~/platform/metrics.server";
import { mayReadReplica, parseLsn, READ_OPERATIONS, replicaCaughtUp } from "./read-routing";

/**
 * What the read routing (read-routing.ts, decision 116) needs to know of the work in progress: the
 * request it belongs to (opened by the root's middleware, read-your-writes.server.ts) and whether
 * the code asked for reads that may be a moment old (`mayLag`). Nothing here imports the client, so
 * the client can ask it.
 */
export type RequestReads = {
  method: string;
  /** Set by the first write of the request: its later reads go to the primary. */
  wrote: boolean;
  /** Where the primary's WAL ended after this session's last write (its cookie), if lately. */
  wroteAt: bigint | null;
  /** The replica this request reads, once chosen and checked; null: the primary. */
  replica?: Promise<number | null>;
};

const requests = new AsyncLocalStorage<RequestReads>();
const lagging = new AsyncLocalStorage<boolean>();

/**
 * Runs `read` allowing its reads (model reads and readRows alike) to go to a replica, and so be a
 * moment old, when the request allows it (read-routing.ts). Only figures belong here: the facts a
 * rule depends on are read before or beside, outside it.
 */
export function mayLag<T>(read: () => Promise<T>): Promise<T> {
  // Awaited inside: a Prisma query starts when awaited, and must start within the scope.
  return lagging.run(true, async () => await read());
}

/** The request's reads and writes, tracked while `run` runs (read-your-writes.server.ts). */
export function withRequestReads<T>(reads: RequestReads, run: () => Promise<T>): Promise<T> {
  return requests.run(reads, async () => await run());
}

/** A replica client's own questions: where its replay is, as PostgreSQL writes a WAL position. */
type Replica = { $queryRawUnsafe: (sql: string) => Promise<unknown> };

/**
 * Which replica (its index) a read goes to, or null for the primary; marks the request as having
 * written when the operation is not a read. `inTransaction`: the operation belongs to a transaction.
 */
export async function routeOperation(
  operation: string,
  inTransaction: boolean,
  replicas: readonly Replica[],
): Promise<number | null> {
  const request = requests.getStore() ?? null;
  const read = READ_OPERATIONS.has(operation);
  if (!read && request) request.wrote = true;
  if (
    !mayReadReplica({
      replicas: replicas.length,
      read,
      inTransaction,
      mayLag: lagging.getStore() === true,
      request,
    })
  )
    return null;
  request!.replica ??= chooseReplica(request!.wroteAt, replicas);
  return request!.replica;
}

/** A replica at random, if it has replayed the session's last write; else the primary. */
async function chooseReplica(
  wroteAt: bigint | null,
  replicas: readonly Replica[],
): Promise<number | null> {
  const index = Math.floor(Math.random() * replicas.length);
  if (wroteAt === null) return index;
  try {
    const rows = (await replicas[index]!.$queryRawUnsafe(
      "SELECT pg_last_wal_replay_lsn()::text AS lsn",
    )) as { lsn: string | null }[];
    return replicaCaughtUp(parseLsn(rows[0]?.lsn), wroteAt) ? index : null;
  } catch {
    // A replica that does not answer: the primary does.
    return null;
  }
}

/** Reads that went to a replica, and those a replica failed and the primary answered (also in the metrics). */
export const routedReads = { replica: 0, replicaFailed: 0 };

/** Counts a read sent to a replica: answered by it, or by the primary after it failed. */
export function countReplicaRead(answered: "replica" | "primary", error?: unknown): void {
  if (answered === "replica") routedReads.replica++;
  else {
    routedReads.replicaFailed++;
    console.warn("A read replica failed a read; the primary answered it.", error);
  }
  metrics().replicaReads.inc({ answered });
}
