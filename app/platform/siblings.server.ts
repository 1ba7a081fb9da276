import cluster from "node:cluster";

/**
 * Word between the app processes of one machine (WEB_CONCURRENCY, server/processes.ts): a
 * worker's message goes to the primary, which hands it to every other worker. For what must
 * reach the other processes at once and has no database of its own to travel through on SQLite
 * (a calibration session changed; ladders reloaded). Outside a cluster (one process, or tests)
 * there are no siblings and nothing is sent.
 */
export const SIBLING_MESSAGE = "rungs:siblings";

export type SiblingMessage = { type: typeof SIBLING_MESSAGE; topic: string; payload: string };

export function isSiblingMessage(message: unknown): message is SiblingMessage {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { type?: unknown }).type === SIBLING_MESSAGE
  );
}

export function hasSiblings(): boolean {
  return cluster.isWorker && typeof process.send === "function";
}

/** Sends `payload` under `topic` to every other app process on this machine. */
export function tellSiblings(topic: string, payload: string): void {
  if (!hasSiblings()) return;
  const message: SiblingMessage = { type: SIBLING_MESSAGE, topic, payload };
  process.send!(message);
}

/** Calls `handler` with each payload another app process sends under `topic`. */
export function onSiblingMessage(topic: string, handler: (payload: string) => void): void {
  if (!hasSiblings()) return;
  process.on("message", (message: unknown) => {
    if (isSiblingMessage(message) && message.topic === topic) handler(message.payload);
  });
}
