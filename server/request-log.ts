import type { NextFunction, Request, Response } from "express";

// Paths that carry a secret (one-time sign-in links) are logged without it.
const secretPaths: [RegExp, string][] = [[/^\/set-password\/[^/?]+/, "/set-password/[redacted]"]];

export function redactPath(path: string): string {
  return secretPaths.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), path);
}

/** One JSON line per request: method, path (no query string), status, duration. */
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
