import type { Server } from "node:http";
import { setMaxListeners } from "node:events";

/** How long a stopping app process may take, at most, before it exits (docs/operations.md). */
export const STOP_WITHIN_MS = 10_000;

/**
 * SIGTERM (or SIGINT) for one app process: stop accepting connections, end the event streams
 * (`stopping` is aborted: the calibration stream's loader listens), close idle keep-alive
 * connections, let requests in flight finish, and exit when the last connection has closed.
 * Whatever is still open a second before STOP_WITHIN_MS is closed, so the process always exits
 * in time, before an orchestrator's SIGKILL. A second signal changes nothing.
 */
export function stopOnSignal(
  server: Server,
  stopping: AbortController,
  exit: (code: number) => void = process.exit,
): () => void {
  // Every open event stream listens to the one signal.
  setMaxListeners(0, stopping.signal);
  let begun = false;
  return () => {
    if (begun) return;
    begun = true;
    server.close(() => exit(0));
    stopping.abort();
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), STOP_WITHIN_MS - 1_000).unref();
  };
}
