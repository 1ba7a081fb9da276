/**
 * What to do after an attempt to deliver a webhook: pure. A 2xx answer delivers it. Anything else
 * (another status, a redirect, no answer in time, a refused connection) is retried with
 * exponential backoff, a minute after the first attempt and doubling, at most six hours apart;
 * after MAX_ATTEMPTS the delivery has failed for good, and the endpoint's log says why.
 */

export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/** The receiver's status, or null when it did not answer; `error` says what went wrong on the way. */
export type AttemptResult = { status: number | null; error?: string };

export type DeliveryOutcome =
  | { status: "delivered" }
  | { status: "retry"; nextAttemptAt: Date; reason: string }
  | { status: "failed"; reason: string };

export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

function reasonOf(result: AttemptResult): string {
  const text =
    result.status === null
      ? (result.error ?? "No answer")
      : `HTTP ${result.status}${result.error ? `: ${result.error}` : ""}`;
  return text.slice(0, 500);
}

/** `attempts` counts this one. */
export function afterAttempt(result: AttemptResult, attempts: number, now: Date): DeliveryOutcome {
  if (result.status !== null && result.status >= 200 && result.status < 300)
    return { status: "delivered" };
  const reason = reasonOf(result);
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", reason };
  return {
    status: "retry",
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    reason,
  };
}

export const DELIVERY_STATUSES = ["queued", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
