import { linkOrigin } from "~/modules/identity/setup/first-admin-form";

/**
 * How many app processes serve on one machine (WEB_CONCURRENCY). One Node process uses one core
 * and accepts one new connection per turn of its event loop; under load, the health check and
 * new visitors wait behind page work. Several processes share the port (node:cluster: the
 * primary accepts and hands connections out), each on its own core. Pure.
 */
export function processCount(
  setting: "auto" | number | undefined,
  options: { cores: number; production: boolean; database: "sqlite" | "postgresql" },
): number {
  const auto = Math.max(1, options.cores);
  // SQLite: one process unless the operator asks for more (docs/decisions/046: writes from several
  // processes to one file can be refused as busy where one process queues them).
  if (setting === undefined)
    return options.production && options.database === "postgresql" ? auto : 1;
  return setting === "auto" ? auto : setting;
}

/** Said at start-up when an operator asks for several processes on SQLite. */
export function sqliteProcessesWarning(
  processes: number,
  database: "sqlite" | "postgresql",
): string | null {
  if (database !== "sqlite" || processes === 1) return null;
  return `WEB_CONCURRENCY gives ${processes} app processes on one SQLite file: under concurrent writes some may be refused as busy (docs/decisions/046). PostgreSQL is the database for several processes.`;
}

/**
 * The start log's line: the address people reach Rungs at (PUBLIC_URL when set, and then also
 * where this server listens, which the proxy forwards to), the database, and how many processes.
 */
export function startMessage(
  env: {
    PUBLIC_URL?: string;
    HOST: string;
    PORT: number;
    databaseProvider: "sqlite" | "postgresql";
  },
  processes: number,
): string {
  const address = env.PUBLIC_URL
    ? `${env.PUBLIC_URL}, listening on ${env.HOST}:${env.PORT}`
    : linkOrigin(env);
  return processes === 1
    ? `Rungs is running at ${address} (${env.databaseProvider})`
    : `Rungs is starting ${processes} app processes at ${address} (${env.databaseProvider}; WEB_CONCURRENCY)`;
}

/** Waits before starting a process again after it ended unexpectedly: longer when it keeps ending. */
export function restartDelayMs(recentExits: number): number {
  return Math.min(30_000, 250 * 2 ** Math.max(0, recentExits - 1));
}

/**
 * Paces the restarts of one kind of process (or thread): each call records an exit at `now` and
 * returns how long to wait before starting it again, counting the exits of the last minute.
 */
export function restartPacer(): (now: number) => number {
  const exits: number[] = [];
  return (now) => {
    exits.push(now);
    while (exits[0]! < now - 60_000) exits.shift();
    return restartDelayMs(exits.length);
  };
}
