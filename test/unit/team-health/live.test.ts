import { describe, expect, it } from "vitest";
import { lockRemaining, recordFailure } from "~/modules/identity/passwords/throttle";
import {
  formatLiveCode,
  LIVE_CODE_ALPHABET,
  LIVE_CODE_LENGTH,
  newLiveCode,
  normaliseLiveCode,
} from "~/modules/team-health/live";
import { liveCodeRule, liveEntry } from "~/modules/team-health/policy";

const admin = { id: "a", isAdmin: true };
const person = { id: "p", isAdmin: false };
const none = { asked: false, member: false, managesMember: false };
const asked = { asked: true, member: true, managesMember: false };

describe("a live check-in's code", () => {
  it("is six characters nobody mixes up, said or written", () => {
    for (const confusable of "0O1IL2Z5S8BUV") expect(LIVE_CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(LIVE_CODE_ALPHABET).size).toBe(LIVE_CODE_ALPHABET.length);
    // Enough codes that ten guesses a quarter of an hour find none in a lifetime of retros.
    expect(LIVE_CODE_ALPHABET.length ** LIVE_CODE_LENGTH).toBeGreaterThan(100_000_000);
    let next = 0;
    const code = newLiveCode((below) => next++ % below);
    expect(code).toBe("ACDEFG");
    expect(formatLiveCode(code)).toBe("ACD-EFG");
  });

  it("is read however it was typed, and nothing else is a code", () => {
    expect(normaliseLiveCode("acd-efg")).toBe("ACDEFG");
    expect(normaliseLiveCode(" acd efg ")).toBe("ACDEFG");
    expect(normaliseLiveCode("ACDEF")).toBeNull();
    expect(normaliseLiveCode("ACDEF0")).toBeNull();
    expect(normaliseLiveCode("ACDEFGH")).toBeNull();
    expect(normaliseLiveCode("../../x")).toBeNull();
  });
});

describe("where a code takes the viewer", () => {
  it("takes whoever was asked to answer while it is open and they have not", () => {
    expect(liveEntry(person, asked, { open: true, answered: false })).toBe("answer");
    expect(liveEntry(person, asked, { open: true, answered: true })).toBe("room");
    expect(liveEntry(person, asked, { open: false, answered: false })).toBe("room");
  });

  it("takes the team's readers to the room and nobody else anywhere", () => {
    expect(liveEntry(admin, none, { open: true, answered: false })).toBe("room");
    expect(
      liveEntry(person, { ...none, managesMember: true }, { open: true, answered: false }),
    ).toBe("room");
    expect(liveEntry(person, { ...none, member: true }, { open: true, answered: false })).toBe(
      "room",
    );
    expect(liveEntry(person, none, { open: true, answered: false })).toBeNull();
  });

  it("locks a viewer out after ten codes that open nothing, for a quarter of an hour", () => {
    const now = new Date("2026-11-29T10:00:00Z");
    let state = null;
    for (let miss = 0; miss < 9; miss++) state = recordFailure(state, liveCodeRule, now);
    expect(lockRemaining(state, now)).toBe(0);
    state = recordFailure(state, liveCodeRule, now);
    expect(lockRemaining(state, now)).toBe(15 * 60_000);
  });
});
