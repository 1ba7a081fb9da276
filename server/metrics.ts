import cluster from "node:cluster";
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { metrics } from "../app/platform/metrics.server.ts";

/** Records each request's duration and status under its route pattern (never its path). */
export function observeRequests(patternOf: (path: string) => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const route = patternOf(req.path);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const { requestDuration, responses } = metrics();
      requestDuration.observe({ method: req.method, route }, seconds);
      responses.inc({ route, status: String(res.statusCode) });
    });
    next();
  };
}

/**
 * GET /metrics in Prometheus' text format, for a scraper holding METRICS_TOKEN as a bearer
 * token. Without METRICS_TOKEN the path is not served at all (it falls through to the app's
 * 404): what the metrics say about the organisation's traffic is for its operators only.
 */
export function metricsEndpoint(token: string | undefined) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!expected) return next();
    const given = Buffer.from(req.get("authorization") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="metrics"')
        .type("text/plain")
        .send("A bearer token (METRICS_TOKEN) is required.\n");
      return;
    }
    const { registry } = metrics();
    // With several app processes (WEB_CONCURRENCY), one answer holds them all, gathered by the primary.
    try {
      const { text, contentType } = cluster.isWorker
        ? await fromPrimary()
        : { text: await registry.metrics(), contentType: registry.contentType };
      res.set({ "Cache-Control": "no-store", "Content-Type": contentType }).send(text);
    } catch (error) {
      console.error("Gathering metrics failed:", error);
      res
        .status(503)
        .set("Cache-Control", "no-store")
        .type("text/plain")
        .send("Metrics are unavailable for the moment.\n");
    }
  };
}

export const METRICS_REQUEST = "rungs:metrics-request";
export const METRICS_REPLY = "rungs:metrics-reply";
type MetricsReply = {
  type: typeof METRICS_REPLY;
  id: string;
  text?: string;
  contentType?: string;
  error?: string;
};

export function isMetricsRequest(
  message: unknown,
): message is { type: typeof METRICS_REQUEST; id: string } {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === METRICS_REQUEST
  );
}

/** Asks the primary for every app process's metrics, summed (averaged where a sum means nothing). */
function fromPrimary(): Promise<{ text: string; contentType: string }> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off("message", onMessage);
      reject(new Error("the primary process did not answer with the metrics within 10 s"));
    }, 10_000);
    const onMessage = (message: unknown) => {
      const reply = message as MetricsReply;
      if (reply?.type !== METRICS_REPLY || reply.id !== id) return;
      clearTimeout(timer);
      process.off("message", onMessage);
      if (reply.error !== undefined || reply.text === undefined)
        reject(new Error(reply.error ?? "no metrics"));
      else resolve({ text: reply.text, contentType: reply.contentType ?? "text/plain" });
    };
    process.on("message", onMessage);
    process.send!({ type: METRICS_REQUEST, id });
  });
}
