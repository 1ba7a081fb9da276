import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { testClockRefusal } from "~/platform/clock.server";
import { parseEnv } from "~/utils/env.server";

/** The test clock (decision 078): refused unless a test harness asks for it, and read by every call once set. */
describe("the test clock", () => {
  const allowed = { RUNGS_TEST_CLOCK: "/tmp/clock.json", RUNGS_TEST_CLOCK_ALLOWED: "1" };

  test("is refused unless the test harness also sets RUNGS_TEST_CLOCK_ALLOWED=1", () => {
    expect(testClockRefusal({})).toBeNull();
    expect(testClockRefusal(allowed)).toBeNull();
    expect(testClockRefusal({ RUNGS_TEST_CLOCK: "/tmp/clock.json" })).toMatch(
      /needs RUNGS_TEST_CLOCK_ALLOWED=1/,
    );
    expect(
      testClockRefusal({ RUNGS_TEST_CLOCK: "/tmp/clock.json", RUNGS_TEST_CLOCK_ALLOWED: "true" }),
    ).toMatch(/needs RUNGS_TEST_CLOCK_ALLOWED=1/);
  });

  test("is refused behind a reverse proxy or at an https address, even when allowed", () => {
    expect(testClockRefusal({ ...allowed, TRUST_PROXY: "1" })).toMatch(/reverse proxy/);
    expect(testClockRefusal({ ...allowed, PUBLIC_URL: "https://rungs.example.com" })).toMatch(
      /https PUBLIC_URL/,
    );
    expect(
      testClockRefusal({ ...allowed, PUBLIC_URL: "http://localhost:3000", TRUST_PROXY: "0" }),
    ).toBeNull();
  });

  test("the server's settings refuse it with the reason, so the server does not start", () => {
    expect(() => parseEnv({ RUNGS_TEST_CLOCK: "/tmp/clock.json" })).toThrow(
      /RUNGS_TEST_CLOCK: is a test's setting/,
    );
    expect(() => parseEnv({ ...allowed, TRUST_PROXY: "2" })).toThrow(
      /RUNGS_TEST_CLOCK: cannot be set behind a reverse proxy/,
    );
    expect(parseEnv(allowed).RUNGS_TEST_CLOCK).toBe("/tmp/clock.json");
  });

  describe("now()", () => {
    let folder: string | undefined;
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    test("reads the instant the test set, and moves on from it", async () => {
      folder = mkdtempSync(join(tmpdir(), "rungs-clock-"));
      const file = join(folder, "clock.json");
      vi.stubEnv("RUNGS_TEST_CLOCK", file);
      vi.stubEnv("RUNGS_TEST_CLOCK_ALLOWED", "1");
      vi.resetModules();
      const clock = await import("~/platform/clock.server");
      // No file yet: the machine's time.
      expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
      writeFileSync(file, JSON.stringify({ at: "2027-02-15T09:00:00.000Z", setAt: Date.now() }));
      await new Promise((resolve) => setTimeout(resolve, 150));
      const read = clock.now().getTime();
      expect(read).toBeGreaterThanOrEqual(Date.parse("2027-02-15T09:00:00.000Z"));
      expect(read).toBeLessThan(Date.parse("2027-02-15T09:00:01.000Z"));
    });

    test("a process given the clock without the harness's permission refuses to read the time", async () => {
      vi.stubEnv("RUNGS_TEST_CLOCK", "/tmp/clock.json");
      vi.stubEnv("RUNGS_TEST_CLOCK_ALLOWED", "");
      vi.resetModules();
      const clock = await import("~/platform/clock.server");
      expect(() => clock.now()).toThrow(/RUNGS_TEST_CLOCK is a test's setting/);
    });
  });
});
