/**
 * How many app processes serve on one machine (WEB_CONCURRENCY). One Node process uses one core
 * and accepts one new connection per turn of its event loop; under load, the health check and
 * new visitors wait behind page work. Several processes share the port (node:cluster: the
 * primary accepts and hands connections out), each on its own core. Pure.
 */
export function processCount(setting: "auto" | number | undefined, options: { cores: number; production: boolean }): number {
  const auto = Math.max(1, options.cores);
  if (setting === undefined) return options.production ? auto : 1;
  return setting === "auto" ? auto : setting;
}

/** Waits before starting a process again after it ended unexpectedly: longer when it keeps ending. */
export function restartDelayMs(recentExits: number): number {
  return Math.min(30_000, 250 * 2 ** Math.max(0, recentExits - 1));
}
