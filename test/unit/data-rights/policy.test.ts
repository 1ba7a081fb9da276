import { describe, expect, test } from "vitest";
import {
  canFollowExports,
  canStartExport,
  downloadRefusal,
  mayBuild,
  STALE_BUILD_MS,
  startRefusal,
} from "~/modules/data-rights/policy";

const person = { id: "lena", isAdmin: false };
const admin = { id: "ada", isAdmin: true };
const colleague = { id: "omar", isAdmin: false };

describe("a person's export: who may do what", () => {
  test("the person and admins start and follow it; nobody else", () => {
    expect([
      canStartExport(person, "lena"),
      canStartExport(admin, "lena"),
      canStartExport(colleague, "lena"),
    ]).toEqual([true, true, false]);
    expect([
      canFollowExports(person, "lena"),
      canFollowExports(admin, "lena"),
      canFollowExports(colleague, "lena"),
    ]).toEqual([true, true, false]);
  });

  test("only the person takes the archive, once it is ready, and only once", () => {
    const ready = { personId: "lena", state: "ready" };
    expect(downloadRefusal(person, ready)).toBeNull();
    expect(downloadRefusal(admin, ready)).toBe("not-theirs");
    expect(downloadRefusal(colleague, ready)).toBe("not-theirs");
    expect(downloadRefusal(person, { personId: "lena", state: "building" })).toBe("not-ready");
    expect(downloadRefusal(person, { personId: "lena", state: "downloaded" })).toBe("gone");
  });

  test("one export at a time: a new one waits until the last is built or has failed", () => {
    expect(startRefusal([{ state: "building" }])).toBe("in-progress");
    expect(startRefusal([{ state: "queued" }])).toBe("in-progress");
    expect(
      startRefusal([{ state: "ready" }, { state: "failed" }, { state: "downloaded" }]),
    ).toBeNull();
  });

  test("a build is taken when queued, or when the server building it has stopped", () => {
    const now = new Date("2026-11-27T10:00:00Z");
    expect(mayBuild({ state: "queued", startedAt: null }, now)).toBe(true);
    expect(mayBuild({ state: "building", startedAt: new Date(now.getTime() - 60_000) }, now)).toBe(
      false,
    );
    expect(
      mayBuild({ state: "building", startedAt: new Date(now.getTime() - STALE_BUILD_MS - 1) }, now),
    ).toBe(true);
    expect(mayBuild({ state: "ready", startedAt: new Date(0) }, now)).toBe(false);
  });
});
