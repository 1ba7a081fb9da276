/**
 * Whether a process's page loop is running, as its health check reports it. The loop writes the
 * time every BEAT_MS from a timer; a check answered elsewhere (the health thread, or the primary
 * for its workers) reads how long ago that was. A loop held by page work, a long synchronous
 * task or a wedge stops beating, and past LOOP_LAG_BOUND_MS the check answers 503
 * (docs/operations.md, "Health checks").
 */
export const BEAT_MS = 250;
export const LOOP_LAG_BOUND_MS = 3_000;

/**
 * A heartbeat cell shared between the page loop and the health thread: the time of the last beat,
 * and when the loop's process stopped hearing the other app servers (0 while it hears them).
 */
export function beatCell(): SharedArrayBuffer {
  return new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
}

/** Beats into `cell` from the calling thread's loop until the process ends; `liveDownSince` is read at each beat. */
export function beatInto(
  cell: SharedArrayBuffer,
  liveDownSince: () => number | null = () => null,
): void {
  const view = new BigInt64Array(cell);
  const beat = () => {
    Atomics.store(view, 1, BigInt(liveDownSince() ?? 0));
    Atomics.store(view, 0, BigInt(Date.now()));
  };
  beat();
  setInterval(beat, BEAT_MS).unref();
}

/** When the process beating into `cell` stopped hearing the other app servers; null while it hears them. */
export function liveDownSinceIn(cell: SharedArrayBuffer): number | null {
  const since = Number(Atomics.load(new BigInt64Array(cell), 1));
  return since === 0 ? null : since;
}

/** How long ago the loop last beat into `cell`, in milliseconds. */
export function sinceLastBeat(cell: SharedArrayBuffer, now = Date.now()): number {
  return now - Number(Atomics.load(new BigInt64Array(cell), 0));
}

/** Whether a loop that last beat `since` milliseconds ago counts as running. */
export const loopRunning = (since: number) => since <= LOOP_LAG_BOUND_MS;
