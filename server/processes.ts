import cluster, { type Worker } from "node:cluster";
import { createServer, type Server } from "node:http";
import { Worker as Thread } from "node:worker_threads";
import client from "prom-client";
import { restartPacer } from "../server/process-rules.ts";
import { isSiblingMessage } from "../app/platform/siblings.server.ts";
import { BEAT_MS, loopRunning } from "./loop-beat.ts";
import { METRICS_REQUEST, METRICS_REPLY, isMetricsRequest } from "./metrics.ts";
import { smallest } from "../app/utils/extremes.ts";
import { projectFile } from "./project-file.ts";

/**
 * The primary process of WEB_CONCURRENCY > 1: starts the app processes (workers) that serve the
 * port, hands each connection to one of them (node:cluster's round robin), passes word between
 * them (app/platform/siblings.server.ts), gathers their metrics for /metrics, and starts a worker
 * again when one ends unexpectedly. It serves no pages itself, so its event loop stays free.
 */
export function startWorkers(count: number): {
  stop: () => Promise<void>;
  serving: () => number;
  /** The earliest time a worker stopped hearing the other app servers, while one has not; null otherwise. */
  liveDownSince: () => number | null;
} {
  let stopping = false;
  const listening = new Set<number>();
  // When each worker's page loop last beat (workerBeats, below): a worker that listens but does not beat is not serving.
  const lastBeat = new Map<number, number>();
  // Since when each worker has not heard the other app servers (its beat says), for HEALTH_PORT.
  const liveDown = new Map<number, number>();
  const pace = restartPacer();
  const aggregator = new client.AggregatorRegistry();

  let everServed = false;
  const fork = () => {
    const worker = cluster.fork();
    worker.on("listening", () => {
      listening.add(worker.id);
      everServed = true;
    });
  };
  cluster.on("message", (worker: Worker, message: unknown) => {
    if (isBeat(message)) {
      lastBeat.set(worker.id, Date.now());
      const since = (message as { liveDownSince?: unknown }).liveDownSince;
      if (typeof since === "number") liveDown.set(worker.id, since);
      else liveDown.delete(worker.id);
    } else if (isSiblingMessage(message)) {
      for (const other of Object.values(cluster.workers ?? {}))
        if (other && other.id !== worker.id && other.isConnected()) other.send(message);
    } else if (isMetricsRequest(message)) {
      aggregator
        .clusterMetrics()
        .then((text) =>
          worker.send({
            type: METRICS_REPLY,
            id: message.id,
            text,
            contentType: aggregator.contentType,
          }),
        )
        .catch((error: unknown) =>
          worker.send({
            type: METRICS_REPLY,
            id: message.id,
            error: error instanceof Error ? error.message : String(error),
          }),
        );
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    listening.delete(worker.id);
    lastBeat.delete(worker.id);
    liveDown.delete(worker.id);
    if (stopping) return;
    // Failing before any process ever served is a start-up failure (a missing build, a bad setting): end, as one process would.
    if (!everServed) {
      console.error(
        `App process ${worker.process.pid} could not start (${signal ?? `code ${code}`}); stopping.`,
      );
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.kill("SIGTERM");
      process.exitCode = 1;
      setTimeout(() => process.exit(1), 2_000).unref();
      return;
    }
    const delay = pace(Date.now());
    console.error(
      `App process ${worker.process.pid} ended (${signal ?? `code ${code}`}); starting another in ${delay} ms.`,
    );
    setTimeout(fork, delay).unref();
  });
  for (let i = 0; i < count; i++) fork();

  return {
    liveDownSince: () => (liveDown.size === 0 ? null : smallest(liveDown.values())),
    serving: () =>
      [...listening].filter((id) => loopRunning(Date.now() - (lastBeat.get(id) ?? 0))).length,
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        const workers = Object.values(cluster.workers ?? {}).filter(
          (worker): worker is Worker => worker !== undefined,
        );
        if (workers.length === 0) return resolve();
        let left = workers.length;
        for (const worker of workers) {
          worker.once("exit", () => --left === 0 && resolve());
          worker.kill("SIGTERM");
        }
        // A worker that does not finish its requests in time is ended.
        setTimeout(() => {
          for (const worker of workers) if (!worker.isDead()) worker.process.kill("SIGKILL");
        }, 10_000).unref();
      }),
  };
}

const BEAT = "rungs:beat";
const isBeat = (message: unknown) =>
  typeof message === "object" && message !== null && (message as { type?: unknown }).type === BEAT;

/**
 * In a worker: its page loop tells the primary it runs, every BEAT_MS (the primary's HEALTH_PORT
 * counts workers that beat), and since when it has not heard the other app servers, if it has not.
 */
export function workerBeats(liveDownSince: () => number | null = () => null): void {
  setInterval(
    () => process.send?.({ type: BEAT, liveDownSince: liveDownSince() }),
    BEAT_MS,
  ).unref();
}

/**
 * HEALTH_PORT: the health check on a port of its own, answered outside the queue of page work
 * (by the primary, or by a thread of the one app process), so a load balancer's check answers
 * while pages keep the loop busy; and it reports on the loop that serves the pages: 200 when the
 * database answers and a page loop is running (has beaten within LOOP_LAG_BOUND_MS:
 * server/loop-beat.ts); 503 otherwise, with what is wrong. Any path answers, so a load balancer
 * may ask for /healthz.
 */
export function serveHealth(
  port: number,
  host: string,
  loops: () => ({ serving: number } | { lagging: number }) & { liveDownSince?: number | null },
): Server {
  const server = createServer((request, response) => {
    void (async () => {
      // Imported here, not at the top: the database client connects when imported, and the
      // server's entry imports this file before it migrates (SQLite's migrations need the file to themselves).
      const { checkHealth } = await import("../app/modules/operations/health.server.ts");
      const state = loops();
      // Live updates are the page processes' (their listener), not this checker's.
      const health = await checkHealth(state.liveDownSince ?? null);
      const loopProblem =
        "lagging" in state
          ? { loop: `no beat for ${state.lagging} ms` }
          : state.serving === 0
            ? { servers: "none" }
            : null;
      const status = health.status === 200 && !loopProblem ? 200 : 503;
      const body =
        status === 200 ? health.body : { ...health.body, status: "unavailable", ...loopProblem };
      response.writeHead(status, {
        "Content-Type": "application/json",
        "Cache-Control": "no-store",
      });
      response.end(request.method === "HEAD" ? undefined : JSON.stringify(body));
    })();
  });
  server.listen(port, host);
  return server;
}

/**
 * HEALTH_PORT for a single app process: serveHealth on a thread of its own (server/health-thread.ts),
 * reading the page loop's heartbeat from `cell` (server/loop-beat.ts). On the process's own event
 * loop the check waited behind page work: 1.0 to 1.2 s while 50 people autosaved (decision 056); on
 * a thread that only asked the database, it answered 200 while the page loop was wedged. A thread
 * that ends is started again, with the same growing delay as a process. `stop` ends it for good.
 */
// A thread runs its file from the source, whether the server runs from its bundle (build/start) or under tsx: it
// registers tsx's loader, then loads the file.
export const THREAD_START = `import("tsx/esm/api").then(({ register }) => { register(); return import(require("node:worker_threads").workerData.url); })`;

export function serveHealthOnThread(
  port: number,
  host: string,
  cell: SharedArrayBuffer,
): { stop: () => Promise<void> } {
  const pace = restartPacer();
  let stopped = false;
  let current: Thread | null = null;
  const start = () => {
    const thread = (current = new Thread(THREAD_START, {
      eval: true,
      workerData: { port, host, cell, url: projectFile("server/health-thread.ts") },
    }));
    thread.on("error", (error) => console.error("The health check's thread failed:", error));
    thread.on("exit", (code) => {
      if (stopped) return;
      const delay = pace(Date.now());
      console.error(
        `The health check's thread ended (code ${code}); starting another in ${delay} ms.`,
      );
      setTimeout(start, delay).unref();
    });
  };
  start();
  return {
    stop: async () => {
      stopped = true;
      await current?.terminate();
    },
  };
}

export { METRICS_REQUEST };
