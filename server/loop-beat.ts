/**
 * Whether a process's page loop is running, as its health check reports it. The loop writes the
 * time every BEAT_MS from a timer; a check answered elsewhere (the health thread, or the primary
 * for its workers) reads how long ago that was. A loop held by page work, a long synchronous
 * task or a wedge stops beating, and past LOOP_LAG_BOUND_MS the check answers 503
 * (docs/operations.md, "Health checks").
 */
export const BEAT_MS = 250;
export const LOOP_LAG_BOUND_MS = 3_000;

/** A heartbeat cell shared between the page loop and the health thread. */
export function beatCell(): SharedArrayBuffer {
  return new SharedArrayBuffer(BigInt64Array.BYTES_PER_ELEMENT);
}

/** Beats into `cell` from the calling thread's loop until the process ends. */
export function beatInto(cell: SharedArrayBuffer): void {
  const view = new BigInt64Array(cell);
  const beat = () => Atomics.store(view, 0, BigInt(Date.now()));
  beat();
  setInterval(beat, BEAT_MS).unref();
}

/** How long ago the loop last beat into `cell`, in milliseconds. */
export function sinceLastBeat(cell: SharedArrayBuffer, now = Date.now()): number {
  return now - Number(Atomics.load(new BigInt64Array(cell), 0));
}

/** Whether a loop that last beat `since` milliseconds ago counts as running. */
export const loopRunning = (since: number) => since <= LOOP_LAG_BOUND_MS;
