/**
 * What to do after an attempt to deliver a webhook: pure. A 2xx answer delivers it. Anything else
 * (another status, a redirect, no answer in time, a refused connection) is retried with
 * exponential backoff, a minute after the first attempt and doubling, at most six hours apart;
 * after MAX_ATTEMPTS the delivery has failed for good, and the endpoint's log says why.
 */

export const MAX_ATTEMPTS = 10;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

/**
 * Why an attempt got no answer, as a kind: never the text of a connection error or of another
 * service's answer, which would make the delivery log a way to read what listens inside.
 */
export const DELIVERY_FAILURES = [
  "inside",
  "unresolvable",
  "timeout",
  "refused",
  "tls",
  "network",
  "sealed",
] as const;
export type DeliveryFailure = (typeof DELIVERY_FAILURES)[number];

/** A stored failure as its kind; a row kept from before kinds were stored is a failed connection. */
export const failureOf = (stored: string | null): DeliveryFailure | null =>
  stored === null
    ? null
    : (DELIVERY_FAILURES as readonly string[]).includes(stored)
      ? (stored as DeliveryFailure)
      : "network";

/** The receiver's status, or null when it did not answer and `failure` says why. */
export type AttemptResult =
  { status: number; failure?: undefined } | { status: null; failure: DeliveryFailure };

export type DeliveryOutcome =
  | { status: "delivered" }
  | { status: "retry"; nextAttemptAt: Date; reason: DeliveryFailure | null }
  | { status: "failed"; reason: DeliveryFailure | null };

export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/** What the delivery log keeps of a failed attempt: the kind of failure, or null beside a status. */
function reasonOf(result: AttemptResult): DeliveryFailure | null {
  return result.status === null ? result.failure : null;
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
