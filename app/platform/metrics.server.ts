import cluster from "node:cluster";
import client from "prom-client";

/**
 * The process's Prometheus metrics (GET /metrics, docs/operations.md). One set per process,
 * kept on globalThis: the server's own code and the built app both record into it.
 * Labels are bounded: route patterns (never paths with ids), methods, status codes.
 */
export interface Metrics {
  registry: client.Registry;
  requestDuration: client.Histogram<"method" | "route">;
  responses: client.Counter<"route" | "status">;
  databaseStatementDuration: client.Histogram;
  eventStreams: client.Gauge;
  loginFailures: client.Counter<"reason">;
  replicaReads: client.Counter<"answered">;
}

const holder = globalThis as { rungsMetrics?: Metrics };

export function metrics(): Metrics {
  return (holder.rungsMetrics ??= createMetrics());
}

function createMetrics(): Metrics {
  const registry = new client.Registry();
  // With several app processes the primary gathers each one's registry for /metrics (server/processes.ts).
  if (cluster.isWorker) {
    client.AggregatorRegistry.setRegistries([registry]);
    // Constructing one is what makes this process answer the primary's requests for its figures.
    new client.AggregatorRegistry();
  }
  // Process CPU and memory, garbage collection, and the event loop's delay (nodejs_eventloop_lag_*).
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    requestDuration: new client.Histogram({
      name: "rungs_http_request_duration_seconds",
      help: "Time to answer a request, by route pattern and method.",
      labelNames: ["method", "route"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    responses: new client.Counter({
      name: "rungs_http_responses_total",
      help: "Responses sent, by route pattern and status code.",
      labelNames: ["route", "status"],
      registers: [registry],
    }),
    databaseStatementDuration: new client.Histogram({
      name: "rungs_database_statement_duration_seconds",
      help: "Time each SQL statement took, from the app's side of the driver.",
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    }),
    eventStreams: new client.Gauge({
      name: "rungs_event_streams_open",
      help: "Live-update streams (server-sent events) open on this server.",
      registers: [registry],
    }),
    loginFailures: new client.Counter({
      name: "rungs_login_failures_total",
      help: "Failed password sign-ins: wrong email or password, or refused while throttled.",
      labelNames: ["reason"],
      registers: [registry],
    }),
    replicaReads: new client.Counter({
      name: "rungs_database_replica_reads_total",
      help: "Reads sent to a read replica (DATABASE_REPLICA_URLS), by who answered: the replica, or the primary after the replica failed.",
      labelNames: ["answered"],
      registers: [registry],
    }),
  };
}

/** Adds a gauge whose value is read when scraped (for figures kept in the database, such as the email outbox). */
export function addScrapedGauge(
  name: string,
  help: string,
  labelNames: string[],
  read: () => Promise<{ labels: Record<string, string>; value: number }[]>,
): void {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new client.Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    // Every app process reads the same database: across processes the figure is taken once, not summed.
    aggregator: "first",
    async collect() {
      this.reset();
      for (const { labels, value } of await read()) this.set(labels, value);
    },
  });
}
