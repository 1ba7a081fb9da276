/**
 * Log lines are JSON, one per line (docs/operations.md): what a log collector parses without
 * rules of its own. Errors carry their stack and, where there is one, the request's id (also
 * sent to the client as X-Request-Id), so a report of "it failed" finds its line.
 */
type Fields = Record<string, unknown>;

export function logLine(level: "info" | "warn" | "error", msg: string, fields: Fields = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  // Through the console (stdout for info, stderr otherwise), where tests watch for errors.
  if (level === "info") console.log(line);
  else if (level === "warn") console.warn(line);
  else console.error(line);
}

export function logError(msg: string, error: unknown, fields: Fields = {}): void {
  const described =
    error instanceof Error
      ? { error: error.message, errorName: error.name, stack: error.stack }
      : { error: String(error) };
  logLine("error", msg, { ...fields, ...described });
}
