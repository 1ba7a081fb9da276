/**
 * What to do after an SMTP server's answer: pure. A 4xx answer or no answer at all
 * (connection refused, timed out, dropped) is temporary and retried with backoff; a 5xx
 * answer is permanent and the message is marked failed with the server's words.
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

/** The server's answer in its own words, or what went wrong on the way to it. */
export function failureReason(failure: SendFailure): string {
  const text =
    failure.response?.trim() || [failure.code, failure.message].filter(Boolean).join(": ");
  return text.slice(0, 500);
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
  if (attempts >= MAX_ATTEMPTS)
    return {
      status: "failed",
      reason: `Gave up after ${attempts} attempts. Last answer: ${reason}`,
    };
  return {
    status: "retry",
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
    reason,
  };
}
