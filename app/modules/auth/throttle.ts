/**
 * Login throttling rules, kept free of storage so they can be tested alone.
 *
 * A browser someone has signed in from before (a known device, see KnownDevice) has its
 * own count for that account and nothing else: failures elsewhere, by anyone, on any
 * address, never lock a person out of the browsers they use. Every other attempt counts
 * against the account ("account:<email>", whatever the address, so rotating addresses
 * gains nothing) and against the client address ("ip:<address>", so one address cannot
 * try many accounts).
 */
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

export const accountRule: ThrottleRule = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const addressRule: ThrottleRule = { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemaining(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt. */
export function recordFailure(state: ThrottleState | null, rule: ThrottleRule, now: Date): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStart.getTime() < rule.windowMs && lockRemaining(state, now) === 0
    ? state
    : null;
  const expiredLock = state?.lockedUntil && state.lockedUntil <= now;
  const base = windowOpen && !expiredLock ? windowOpen : { failures: 0, windowStart: now, lockedUntil: null };
  const failures = base.failures + 1;
  return {
    failures,
    windowStart: base.windowStart,
    lockedUntil: failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null,
  };
}

export function describeWait(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

export type ThrottleKey = { key: string; rule: ThrottleRule };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;
export const deviceKey = (tokenHash: string) => `device:${tokenHash}`;

/** The counts a sign-in attempt is checked against and adds its failure to. */
export function throttleKeys(attempt: { email: string; address: string; knownDevice: string | null }): ThrottleKey[] {
  if (attempt.knownDevice) return [{ key: deviceKey(attempt.knownDevice), rule: accountRule }];
  return [
    { key: accountKey(attempt.email), rule: accountRule },
    { key: addressKey(attempt.address), rule: addressRule },
  ];
}
