import { describe, expect, test } from "vitest";
import {
  accountRule,
  attemptRule,
  waitMinutes,
  lockRemaining,
  recordFailure,
  throttleKeys,
} from "~/modules/identity/passwords/throttle";

const t0 = new Date("2026-11-21T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe("login throttle", () => {
  test("locks after the allowed number of failures inside the window", () => {
    let state = null;
    for (let i = 0; i < attemptRule.maxFailures - 1; i++) {
      state = recordFailure(state, attemptRule, at(i));
      expect(lockRemaining(state, at(i))).toBe(0);
    }
    state = recordFailure(state, attemptRule, at(4));
    expect(state.failures).toBe(attemptRule.maxFailures);
    expect(lockRemaining(state, at(4))).toBe(attemptRule.lockMs);
    expect(lockRemaining(state, at(10))).toBe(attemptRule.lockMs - 6 * 60_000);
  });

  test("failures spread beyond the window start counting afresh", () => {
    let state = recordFailure(null, attemptRule, at(0));
    state = recordFailure(state, attemptRule, at(1));
    state = recordFailure(state, attemptRule, at(16));
    expect(state.failures).toBe(1);
    expect(state.windowStart).toEqual(at(16));
  });

  test("an expired lock frees the key and the next failure starts a new count", () => {
    let state = null;
    for (let i = 0; i < attemptRule.maxFailures; i++)
      state = recordFailure(state, attemptRule, at(0));
    expect(lockRemaining(state, at(15))).toBe(0);
    const next = recordFailure(state, attemptRule, at(15));
    expect(next.failures).toBe(1);
    expect(next.lockedUntil).toBeNull();
  });

  test("tells the wait in whole minutes, rounded up", () => {
    expect(waitMinutes(30_000)).toBe(1);
    expect(waitMinutes(14 * 60_000 + 1)).toBe(15);
  });
});

describe("which counts an attempt is checked against", () => {
  test("a known browser only its own; any other attempt the account's at its address and the account's across addresses", () => {
    expect(
      throttleKeys({ email: " Ann@Example.com ", address: "10.0.0.1", knownDevice: null }),
    ).toEqual([
      { key: "account:ann@example.com at 10.0.0.1", rule: attemptRule, clearedBySuccess: true },
      { key: "account:ann@example.com", rule: accountRule, clearedBySuccess: false },
    ]);
    expect(
      throttleKeys({ email: "ann@example.com", address: "10.0.0.1", knownDevice: "abc" }),
    ).toEqual([{ key: "device:abc", rule: attemptRule, clearedBySuccess: true }]);
  });

  test("one address cannot lock an account alone: its own count locks first, short of the account's allowance", () => {
    expect(attemptRule.maxFailures).toBeLessThan(accountRule.maxFailures);
    expect(Math.ceil(accountRule.maxFailures / attemptRule.maxFailures)).toBeGreaterThanOrEqual(4);
  });
});
