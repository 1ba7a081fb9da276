import { workerData } from "node:worker_threads";
import { serveHealth } from "./processes.ts";
import { liveDownSinceIn, loopRunning, sinceLastBeat } from "./loop-beat.ts";

// HEALTH_PORT's listener when one app process serves the pages: on a thread of its own, with its
// own event loop and database connection, so the check answers while the page work holds the
// process's loop (server/processes.ts serveHealthOnThread, decision 056), and reports that loop's
// heartbeat, so a wedged loop answers 503. The check is loaded and run once before the port opens:
// loading it on the first request took a second under load.
const { port, host, cell } = workerData as { port: number; host: string; cell: SharedArrayBuffer };
const { checkHealth } = await import("../app/modules/operations/health.server.ts");
await checkHealth();
serveHealth(port, host, () => {
  const since = sinceLastBeat(cell);
  const liveDownSince = liveDownSinceIn(cell);
  return loopRunning(since) ? { serving: 1, liveDownSince } : { lagging: since, liveDownSince };
});
