import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/e2e/chromium";

// The app servers start in the global setup, through the one way tests start a server (scripts/app-servers.ts).
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "./test/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Buttons ease their colours (not under reduced motion): a theme switched just before an axe
    // pass would otherwise be measured halfway between the light and the dark colours.
    reducedMotion: "reduce",
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
    },
  ],
  globalSetup: "./test/e2e/servers.ts",
});
