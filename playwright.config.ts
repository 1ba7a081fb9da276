import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./test/e2e/chromium";
import { identityProviderPort, ssoPort, ssoProviderName } from "./test/e2e/single-sign-on";
import { TEST_CLIENT } from "./test/utils/identity-provider-client";

const port = Number(process.env.E2E_PORT ?? 3210);
const database = "test/.databases/e2e.db";
/**
 * A second server whose ladder folder holds job families: the shipped engineering ladder, a product ladder with a branching
 * path, and docs/examples' structures ladder (shared topics, sub-levels, points) with the shared file it includes.
 */
const familiesPort = port + 1;
const familiesDatabase = "test/.databases/e2e-families.db";
const familiesFolder = "test/.databases/frameworks";

/** A third server on an empty database with the demo off, signing in through an identity provider that single-sign-on.spec.ts starts. */
const ssoDatabase = "test/.databases/e2e-sso.db";

const serverEnv = { NODE_ENV: "production", HOST: "127.0.0.1", SEED_DEMO: "true", LOG_REQUESTS: "false" };

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
  webServer: [
    {
      // The built app in production mode, on a fresh embedded database with the demo organisation.
      command: `rm -f ${database} ${database}-wal ${database}-shm && mkdir -p test/.databases && ./node_modules/.bin/tsx server/index.ts`,
      url: `http://localhost:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...serverEnv, DATABASE_URL: `file:./${database}`, PORT: String(port) },
    },
    {
      command:
        `rm -rf ${familiesDatabase} ${familiesDatabase}-wal ${familiesDatabase}-shm ${familiesFolder} && mkdir -p ${familiesFolder} && ` +
        `cp -r frameworks/engineering test/fixtures/ladders/product docs/examples/structures-ladder docs/examples/shared ${familiesFolder}/ && ./node_modules/.bin/tsx server/index.ts`,
      url: `http://localhost:${familiesPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...serverEnv, DATABASE_URL: `file:./${familiesDatabase}`, PORT: String(familiesPort), FRAMEWORKS_DIR: familiesFolder },
    },
    {
      command: `rm -f ${ssoDatabase} ${ssoDatabase}-wal ${ssoDatabase}-shm && mkdir -p test/.databases && ./node_modules/.bin/tsx test/e2e/sso-organisation.ts && ./node_modules/.bin/tsx server/index.ts`,
      url: `http://localhost:${ssoPort}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...serverEnv,
        SEED_DEMO: "false",
        DATABASE_URL: `file:./${ssoDatabase}`,
        PORT: String(ssoPort),
        PUBLIC_URL: `http://localhost:${ssoPort}`,
        OIDC_ISSUER: `http://127.0.0.1:${identityProviderPort}`,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        OIDC_NAME: ssoProviderName,
      },
    },
  ],
});
