import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/e2e/chromium";

// The app servers start in the global setup, through the one way tests start a server (scripts/app-servers.ts).
const port = Number(process.env.E2E_PORT ?? 3210);
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
};

/**
 * Specs that share no data with the demo server's journeys: the job-families server's (its own
 * database), single sign-on's (its own), and those that start servers of their own.
 */
const apart = [
  "calibration",
  "demo",
  "job-families",
  "points",
  "single-sign-on",
  "first-day",
  "processes",
  "upgrade",
  "half-year",
  "languages",
  "erasure",
  "reviews",
].map((name) => `**/${name}.spec.ts`);

/**
 * Walks that spend most of their time waiting for a real clock (a one-to-one held a minute after it
 * is set up), each on a server of its own: on two cores a third worker runs them beside the others,
 * where the waiting costs no one time.
 */
const waiting = ["conversations"].map((name) => `**/${name}.spec.ts`);

/**
 * Four projects. The accessibility sweep only reads, so its tests run side by side on both cores,
 * first, on the demo organisation as seeded. Then the journeys on the demo server run one after
 * another (they build on each other's data), beside the journeys that have servers of their own and
 * the waiting walks. Specs that share a server never change a person another spec on it uses: each
 * names the demo people it changes, and test/unit/e2e-demo-people.test.ts checks no other uses them.
 */
export default defineConfig({
  testDir: "./test/e2e",
  timeout: 30_000,
  // Ten seconds, not five: on two cores under three workers a form's answer can take longer than five.
  expect: { timeout: 10_000 },
  workers: 3,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    // A trace is recorded for every test to keep the failing ones' (snapshots of the page around
    // every action, and a screencast): a fifth of the browser run's CPU. CI keeps only what the run
    // prints, so it records none; a failure there is read in its output and screenshot, and run again
    // here with a trace (decision 074).
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    // Buttons ease their colours (not under reduced motion): a theme switched just before an axe
    // pass would otherwise be measured halfway between the light and the dark colours.
    reducedMotion: "reduce",
  },
  projects: [
    {
      name: "sweep",
      testMatch: "**/accessibility.spec.ts",
      fullyParallel: true,
      workers: 2,
      use: chromium,
    },
    {
      name: "journeys",
      testIgnore: ["**/accessibility.spec.ts", ...apart, ...waiting],
      fullyParallel: false,
      workers: 1,
      dependencies: ["sweep"],
      use: chromium,
    },
    {
      name: "apart",
      testMatch: apart,
      fullyParallel: false,
      workers: 1,
      dependencies: ["sweep"],
      use: chromium,
    },
    {
      name: "waiting",
      testMatch: waiting,
      fullyParallel: false,
      workers: 1,
      dependencies: ["sweep"],
      use: chromium,
    },
  ],
  globalSetup: "./test/e2e/servers.ts",
});
