import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/e2e/chromium";

const port = Number(process.env.E2E_PORT ?? 3210);
const database = "test/.databases/e2e.db";

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
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromiumPath, args: chromiumArgs } },
    },
  ],
  webServer: {
    // The built app in production mode, on a fresh embedded database with the demo organisation.
    command: `rm -f ${database} ${database}-wal ${database}-shm && mkdir -p test/.databases && ./node_modules/.bin/tsx server/index.ts`,
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: `file:./${database}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      SEED_DEMO: "true",
      LOG_REQUESTS: "false",
    },
  },
});
