/**
 * What to do after an SMTP server's answer: pure. A 4xx answer or no answer at all
 * (connection refused, timed out, dropped) is temporary and retried with backoff; a 5xx
 * answer is permanent and the message is marked failed with the server's words. The outbox page
 * reads a stored answer back as a kind of failure (`failureOf`) and shows the words quoted.
 */

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_MS = 60_000;
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;

export type SendFailure = {
  responseCode?: number;
  response?: string;
  code?: string;
  message: string;
};

export type Outcome =
  { status: "retry"; nextAttemptAt: Date; reason: string } | { status: "failed"; reason: string };

/**
 * The server's answer in its own words, or what went wrong on the way to it; an answer's code
 * first, so that `failureOf` can tell a refusal from a delay when it is read.
 */
export function failureReason(failure: SendFailure): string {
  const text =
    failure.response?.trim() || [failure.code, failure.message].filter(Boolean).join(": ");
  const code = failure.responseCode;
  return (code !== undefined && !text.startsWith(String(code)) ? `${code} ${text}` : text).slice(
    0,
    500,
  );
}

export const SEND_FAILURES = ["deferred", "refused", "unreachable", "gaveUp"] as const;
export type SendFailureKind = (typeof SEND_FAILURES)[number];

/** A message before 2026-11-29 kept its last answer behind these English words when it gave up. */
const OLD_GAVE_UP = /^Gave up after \d+ attempts\. Last answer: /;

/**
 * What the outbox page says of a message's last failed attempt (`lastError`: the answer as stored):
 * its kind, worded in the admin's language (`admin:outbox.failure`), and the answer itself, shown
 * quoted as the server or the network said it. A 5xx answer is a refusal; a failed message that
 * was not refused gave up after its attempts; a queued one waits after a 4xx or after no answer.
 */
export function failureOf(
  status: string,
  lastError: string | null,
): { kind: SendFailureKind; detail: string } | null {
  if (lastError === null) return null;
  const detail = lastError.replace(OLD_GAVE_UP, "");
  const answer = /^([45])\d\d\b/.exec(detail)?.[1];
  if (answer === "5") return { kind: "refused", detail };
  if (status === "failed") return { kind: "gaveUp", detail };
  return { kind: answer === "4" ? "deferred" : "unreachable", detail };
}

export function isPermanent(failure: SendFailure): boolean {
  return typeof failure.responseCode === "number" && failure.responseCode >= 500;
}

/** One minute after the first try, doubling, at most six hours apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
}

/** `attempts` counts this one. */
export function afterFailure(failure: SendFailure, attempts: number, now: Date): Outcome {
  const reason = failureReason(failure);
  if (isPermanent(failure)) return { status: "failed", reason };
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", reason };
  return {
    status: "retry",
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    reason,
  };
}
