import { readRows } from "~/db/reads.server";
import { listenerState } from "~/platform/servers.server";

export type Health = {
  status: 200 | 503;
  body: ({ status: "ok" } | { status: "unavailable"; database?: "unreachable"; servers?: "none" }) &
    LiveUpdatesReport;
};

/** While live updates from other app servers are not heard (decision 102): since when. */
export type LiveUpdatesReport = { liveUpdates?: { listening: false; downSince: string } };

/**
 * 200 when the database answers `SELECT 1`, 503 otherwise: what a load balancer asks of an app server.
 * The statement is the check itself, so it stays here rather than in a queries module: it reads no
 * table (Prisma's model API has no statement that reads none), and any table read would make the
 * check depend on that table and its size.
 *
 * While this process's listening connection is down (app/platform/servers.server.ts), the body
 * says so and since when, and the status stays 200: pages still work, the connection is being
 * made again, and open pages catch up when it is; taking every server out of the load balancer
 * whenever the database restarts would turn a pause of live updates into an outage.
 */
export async function checkHealth(
  liveDownSince: number | null = liveUpdatesDownSince(),
): Promise<Health> {
  const live: LiveUpdatesReport =
    liveDownSince === null
      ? {}
      : { liveUpdates: { listening: false, downSince: new Date(liveDownSince).toISOString() } };
  try {
    await readRows`SELECT 1`;
    return { status: 200, body: { status: "ok", ...live } };
  } catch {
    return { status: 503, body: { status: "unavailable", database: "unreachable", ...live } };
  }
}

/** When this process's listener dropped, while it is down; null otherwise. */
export function liveUpdatesDownSince(): number | null {
  const listener = listenerState();
  return listener.state === "down" ? listener.since.getTime() : null;
}
