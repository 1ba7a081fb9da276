import { randomUUID } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

// Paths that carry a secret (one-time sign-in links) are logged without it.
const secretPaths: [RegExp, string][] = [[/^\/set-password\/[^/?]+/, "/set-password/[redacted]"]];

export function redactPath(path: string): string {
  return secretPaths.reduce(
    (current, [pattern, replacement]) => current.replace(pattern, replacement),
    path,
  );
}

/** An id a trusted proxy may pass on: short, and nothing a log line could be confused by. */
const PASSED_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives every request an id, sent back as X-Request-Id and written on its log lines. Behind a
 * trusted proxy (TRUST_PROXY above 0) the proxy's own X-Request-Id is kept, so one id follows
 * the request through both logs; otherwise a client cannot choose the id.
 */
export function requestIds(trustProxy: number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const passed = trustProxy > 0 ? req.get("x-request-id") : undefined;
    const id = passed && PASSED_ID.test(passed) ? passed : randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  };
}

/** One JSON line per request: its id, method, path (no query string), status, duration. */
export function requestLog() {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      process.stdout.write(
        `${JSON.stringify({
          time: new Date().toISOString(),
          level: res.statusCode >= 500 ? "error" : "info",
          msg: "request",
          requestId: res.locals.requestId as string | undefined,
          method: req.method,
          path: redactPath(req.path),
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        })}\n`,
      );
    });
    next();
  };
}
