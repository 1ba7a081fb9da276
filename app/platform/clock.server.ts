import { readFileSync, statSync } from "node:fs";

/**
 * The time the app runs on (decision 078). In a deployment it is the machine's. A test that walks
 * months of a company's life sets a test clock instead: RUNGS_TEST_CLOCK names a file holding the
 * instant the test moved to, and every process that reads this module (each app process, the
 * email pass, the scripts) reads that file, so all of them agree without being told in turn.
 * Sign-in sessions, throttles, leases and logs stay on the machine's time: a browser's cookie and
 * a process's lease age in real time whatever day the test says it is.
 */

/** What the file holds: the instant set, and the real time it was set at, so the test's time moves on from there. */
export type TestClockSetting = { at: string; setAt: number };

/** Why these settings may not run on a test clock, or null when they may (or none is asked for). */
export function testClockRefusal(source: Record<string, string | undefined>): string | null {
  if (!source.RUNGS_TEST_CLOCK?.trim()) return null;
  if (source.RUNGS_TEST_CLOCK_ALLOWED !== "1")
    return "is a test's setting: it needs RUNGS_TEST_CLOCK_ALLOWED=1, which only the test harness sets";
  if (Number(source.TRUST_PROXY ?? 0) > 0)
    return "cannot be set behind a reverse proxy (TRUST_PROXY): a test server is reached directly";
  if (source.PUBLIC_URL?.trim().toLowerCase().startsWith("https:"))
    return "cannot be set with an https PUBLIC_URL: a test server is reached on this machine";
  return null;
}

export class TestClockRefused extends Error {}

/** A stat at most this often: a test's change reaches every process within it. */
const CHECK_EVERY_MS = 100;

let file: string | null | undefined;
let checkedAt = 0;
let modifiedAt = -1;
let setting: { at: number; setAt: number } | null = null;

function testClockFile(): string | null {
  if (file !== undefined) return file;
  const refusal = testClockRefusal(process.env);
  if (refusal) throw new TestClockRefused(`RUNGS_TEST_CLOCK ${refusal}.`);
  file = process.env.RUNGS_TEST_CLOCK?.trim() || null;
  return file;
}

function readSetting(path: string, realNow: number) {
  if (realNow - checkedAt < CHECK_EVERY_MS) return setting;
  checkedAt = realNow;
  const modified = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (modified === modifiedAt) return setting;
  modifiedAt = modified;
  if (!modified) return (setting = null);
  const read = JSON.parse(readFileSync(path, "utf8")) as TestClockSetting;
  setting = { at: Date.parse(read.at), setAt: read.setAt };
  return setting;
}

/** Now, as every page, service, reminder and email pass sees it. */
export function now(): Date {
  const realNow = Date.now();
  const path = testClockFile();
  if (!path) return new Date(realNow);
  const current = readSetting(path, realNow);
  return new Date(current ? current.at + (realNow - current.setAt) : realNow);
}
