import pg from "pg";
import { db, Prisma } from "~/db/client.server";
import { writeRows } from "~/db/reads.server";
import { getEnv } from "~/utils/env.server";

/**
 * Word between the app servers of a deployment. On PostgreSQL several app servers share one
 * database, and what one says must reach the others (product principle 5: nothing another server
 * needs lives only in memory): it travels as LISTEN/NOTIFY, one listening connection per server.
 * LISTEN needs a session of its own, which a pooler in transaction mode does not keep: the listening
 * connection goes to DATABASE_DIRECT_URL when it is set (decision 102), the notifications through
 * the pages' connections (DATABASE_URL), where a pooler passes them on.
 * On SQLite every app process is on one machine, so there are no other servers; the processes of
 * that machine hear each other through siblings.server.ts.
 */

/** What a channel's owner on this server does with the word it hears. */
export type ServerChannel = {
  /** A notification on the channel, from any server (this one included). */
  heard: (payload: string) => void;
  /** Whether anyone here still wants the channel's word: a dropped connection is opened again only then. */
  wanted: () => boolean;
  /** The connection came back after a drop: whatever was said meanwhile was not heard. */
  missed: () => void;
};

type Servers = {
  channels: Map<string, ServerChannel>;
  listener: { client: pg.Client; channels: Set<string> } | null;
  starting: Promise<{ client: pg.Client; channels: Set<string> }> | null;
  /** When the listening connection dropped, while it is down (null while it listens, or never listened). */
  downSince: Date | null;
};
// Kept on globalThis so that a module reloaded in development finds the connection it opened.
const globalServers = globalThis as { rungsServers?: Servers };
const servers: Servers = (globalServers.rungsServers ??= {
  channels: new Map(),
  listener: null,
  starting: null,
  downSince: null,
});

// A channel is spelled into LISTEN itself, which takes no parameters.
const CHANNEL_NAME = /^[a-z_][a-z0-9_]*$/;
const RECONNECT_MS = 500;
let stopped = false;

/** Whether other app servers may share this database, and so must hear through it. */
export function serversTalkThroughDatabase(): boolean {
  return getEnv().databaseProvider === "postgresql";
}

function connect(): Promise<{ client: pg.Client; channels: Set<string> }> {
  if (servers.listener) return Promise.resolve(servers.listener);
  servers.starting ??= (async () => {
    const client = new pg.Client({ connectionString: getEnv().sessionDatabaseUrl });
    client.on("notification", (message) => {
      if (message.payload) servers.channels.get(message.channel)?.heard(message.payload);
    });
    // The connection dropped (an error, or the server ended it): connect again while anyone wants to hear.
    const dropped = () => {
      if (servers.listener?.client !== client) return;
      servers.listener = null;
      servers.starting = null;
      servers.downSince ??= new Date();
      void client.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void reconnect(), RECONNECT_MS).unref();
    };
    client.on("error", dropped);
    client.on("end", dropped);
    await client.connect();
    const channels = new Set(servers.channels.keys());
    for (const channel of channels) await client.query(`LISTEN ${channel}`);
    servers.listener = { client, channels };
    servers.downSince = null;
    return servers.listener;
  })().catch((error: unknown) => {
    servers.starting = null;
    throw error;
  });
  return servers.starting;
}

/**
 * After a dropped connection, while anyone here wants to hear: listen again, then tell each
 * channel's owner, since something may have been said while nobody listened. Retried until it works.
 */
async function reconnect(): Promise<void> {
  const wanted = () => [...servers.channels.values()].filter((channel) => channel.wanted());
  if (stopped || wanted().length === 0) {
    // Nobody here listens any more: not down, idle (the next viewer connects again).
    servers.downSince = null;
    return;
  }
  try {
    await connect();
    for (const channel of wanted()) channel.missed();
  } catch {
    setTimeout(() => void reconnect(), RECONNECT_MS).unref();
  }
}

/**
 * Whether this server hears the others: "down" from the moment its listening connection dropped
 * until it listens again (the health check reports it: app/modules/operations/health.server.ts);
 * "idle" when nobody here has listened yet, or on SQLite.
 */
export function listenerState(): { state: "listening" | "idle" } | { state: "down"; since: Date } {
  if (servers.downSince && !stopped) return { state: "down", since: servers.downSince };
  return { state: servers.listener ? "listening" : "idle" };
}

/** Hands what the app servers say on `channel` to `owner`, once this server listens (it does when this resolves). Nothing to do on SQLite. */
export async function listenToServers(channel: string, owner: ServerChannel): Promise<void> {
  if (!serversTalkThroughDatabase()) return;
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  servers.channels.set(channel, owner);
  const listener = await connect();
  if (listener.channels.has(channel)) return;
  await listener.client.query(`LISTEN ${channel}`);
  listener.channels.add(channel);
}

/** Says `payload` on `channel` to every app server listening, this one included. Call after the change it announces commits. */
export async function tellServers(channel: string, payload: string): Promise<void> {
  // NOTIFY is not a query of a model: Prisma's API has no way to say it.
  await writeRows(db, Prisma.sql`SELECT pg_notify(${channel}, ${payload})`);
}

/** For tests: stop listening. */
export async function stopListeningToServers(): Promise<void> {
  stopped = true;
  const client = servers.listener?.client;
  servers.listener = null;
  servers.starting = null;
  await client?.end();
}
