import { timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { metrics } from "../app/modules/operations/metrics.server.ts";

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
      res.status(401).set("WWW-Authenticate", 'Bearer realm="metrics"').type("text/plain").send("A bearer token (METRICS_TOKEN) is required.\n");
      return;
    }
    const { registry } = metrics();
    res.set({ "Cache-Control": "no-store", "Content-Type": registry.contentType }).send(await registry.metrics());
  };
}
