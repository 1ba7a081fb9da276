/**
 * Login throttling rules, kept free of storage so they can be tested alone.
 *
 * A browser someone has signed in from before (a known device, see KnownDevice) has its
 * own count for that account and nothing else: failures elsewhere, by anyone, on any
 * address, never lock a person out of the browsers they use. Every other attempt counts
 * against the account at the client's address ("account:<email> at <address>"), so failures
 * lock that account from that address only: an attacker locks out neither the people who share
 * their address (an office behind one NAT or proxy) nor the account's owner elsewhere. It also
 * counts against the account across all addresses ("account:<email>"), with a larger allowance
 * that one address cannot fill alone, so guessing one account's password from many addresses
 * is still bounded. The address is the client's as Express sees it under TRUST_PROXY.
 */
export type ThrottleRule = { maxFailures: number; windowMs: number; lockMs: number };

/** One browser, or one account from one address. */
export const attemptRule: ThrottleRule = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};
/** One account from every address together: locking it takes failures from at least four addresses. */
export const accountRule: ThrottleRule = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
};

export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };

/** Milliseconds until the key may try again, or 0 when it may try now. */
export function lockRemaining(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/** The state after one more failed attempt. */
export function recordFailure(
  state: ThrottleState | null,
  rule: ThrottleRule,
  now: Date,
): ThrottleState {
  const windowOpen =
    state &&
    now.getTime() - state.windowStart.getTime() < rule.windowMs &&
    lockRemaining(state, now) === 0
      ? state
      : null;
  const expiredLock = state?.lockedUntil && state.lockedUntil <= now;
  const base =
    windowOpen && !expiredLock ? windowOpen : { failures: 0, windowStart: now, lockedUntil: null };
  const failures = base.failures + 1;
  return {
    failures,
    windowStart: base.windowStart,
    lockedUntil: failures >= rule.maxFailures ? new Date(now.getTime() + rule.lockMs) : null,
  };
}

/** A wait as the person is told it: in whole minutes, rounded up, at least one. */
export function waitMinutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / 60_000));
}

/** A count an attempt is checked against; `clearedBySuccess` when a successful sign-in starts it again. */
export type ThrottleKey = { key: string; rule: ThrottleRule; clearedBySuccess: boolean };

const normalise = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `account:${normalise(email)}`;
export const accountAtAddressKey = (email: string, address: string) =>
  `account:${normalise(email)} at ${address}`;
export const deviceKey = (tokenHash: string) => `device:${tokenHash}`;

/**
 * The counts a sign-in attempt is checked against and adds its failure to. A success clears the
 * browser's or the account-at-address count; the account's count across addresses stays, since a
 * success from one place says nothing about the failures from others.
 */
export function throttleKeys(attempt: {
  email: string;
  address: string;
  knownDevice: string | null;
}): ThrottleKey[] {
  if (attempt.knownDevice)
    return [{ key: deviceKey(attempt.knownDevice), rule: attemptRule, clearedBySuccess: true }];
  return [
    {
      key: accountAtAddressKey(attempt.email, attempt.address),
      rule: attemptRule,
      clearedBySuccess: true,
    },
    { key: accountKey(attempt.email), rule: accountRule, clearedBySuccess: false },
  ];
}
