import { EventEmitter } from "node:events";
import { writeRows } from "~/db/reads.server";
import pg from "pg";
import { db, Prisma } from "~/db/client.server";
import { getEnv } from "~/utils/env.server";
import { metrics } from "~/platform/metrics.server";
import { onSiblingMessage, tellSiblings } from "~/platform/siblings.server";

/**
 * "Something changed in session X", to everyone viewing it, within a second. One server keeps
 * its viewers in an in-process emitter; on PostgreSQL the change also goes through
 * LISTEN/NOTIFY, so viewers on every app server hear it (product principle 5: nothing another
 * server needs lives only in memory). Messages carry the session id only: viewers reload what
 * they may see through the ordinary loaders, with their own access checks. On SQLite, where
 * every app process is on one machine (WEB_CONCURRENCY), the change goes to the others through
 * the primary process (app/platform/siblings.server.ts).
 */

const CHANNEL = "rungs_calibration";
const local = new EventEmitter();
local.setMaxListeners(0);
const SIBLING_TOPIC = "calibration-session-changed";
onSiblingMessage(SIBLING_TOPIC, (sessionId) => local.emit(sessionId));

type Live = { listener: pg.Client | null; starting: Promise<void> | null };
const globalLive = globalThis as { rungsCalibrationLive?: Live };
const live: Live = (globalLive.rungsCalibrationLive ??= { listener: null, starting: null });

const RECONNECT_MS = 500;
let stopped = false;

/** On PostgreSQL, one connection per server listens and hands notifications to this server's viewers. */
function listen(): Promise<void> {
  const env = getEnv();
  if (env.databaseProvider !== "postgresql" || live.listener) return Promise.resolve();
  live.starting ??= (async () => {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("notification", (message) => {
      if (message.channel === CHANNEL && message.payload) local.emit(message.payload);
    });
    // The connection dropped (an error, or the server ended it): connect again while anyone is watching.
    const dropped = () => {
      if (live.listener !== client) return;
      live.listener = null;
      live.starting = null;
      void client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void reconnect(), RECONNECT_MS).unref();
    };
    client.on("error", dropped);
    client.on("end", dropped);
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    live.listener = client;
  })().catch((error: unknown) => {
    live.starting = null;
    throw error;
  });
  return live.starting;
}

/**
 * After a dropped connection, while anyone here is watching: listen again, then tell every watcher
 * to reload, since a change may have been announced while nobody listened. Retried until it works.
 */
async function reconnect(): Promise<void> {
  if (stopped || local.eventNames().length === 0) return;
  try {
    await listen();
    for (const sessionId of local.eventNames()) local.emit(sessionId);
  } catch {
    setTimeout(() => void reconnect(), RECONNECT_MS).unref();
  }
}

/** Tells every viewer of the session, on every server, that it changed. Call after the change commits. */
export async function announceSessionChange(sessionId: string): Promise<void> {
  if (getEnv().databaseProvider === "postgresql") {
    // NOTIFY is not a query of a model: Prisma's API has no way to say it.
    await writeRows(db, Prisma.sql`SELECT pg_notify(${CHANNEL}, ${sessionId})`);
  } else {
    local.emit(sessionId);
    tellSiblings(SIBLING_TOPIC, sessionId);
  }
}

/** Calls `onChange` whenever the session changes, until the returned function is called. */
export async function watchSession(sessionId: string, onChange: () => void): Promise<() => void> {
  await listen();
  local.on(sessionId, onChange);
  const { eventStreams } = metrics();
  eventStreams.inc();
  let watching = true;
  return () => {
    if (!watching) return;
    watching = false;
    eventStreams.dec();
    local.off(sessionId, onChange);
  };
}

/** For tests: stop listening. */
export async function stopListening(): Promise<void> {
  stopped = true;
  const client = live.listener;
  live.listener = null;
  live.starting = null;
  await client?.end();
}
