import { cpSync, mkdirSync, rmSync } from "node:fs";
import { startAppServer } from "../../scripts/app-servers";
import { TEST_CLIENT } from "../utils/identity-provider-client";
import { identityProviderPort, ssoPort, ssoProviderName } from "./single-sign-on";

/**
 * Playwright's global setup: the three app servers the browser tests use, started and stopped
 * through scripts/app-servers.ts (the one way tests start a server), which ends each server's
 * process group whole when the run ends, however it ends.
 */
export const port = Number(process.env.E2E_PORT ?? 3210);
/**
 * A second server whose ladder folder holds job families: the shipped engineering ladder, a product ladder with a branching
 * path, and docs/examples' structures ladder (shared topics, sub-levels, points) with the shared file it includes.
 */
export const familiesPort = port + 1;

const databases = "test/.databases";
const database = `${databases}/e2e.db`;
const familiesDatabase = `${databases}/e2e-families.db`;
const familiesFolder = `${databases}/frameworks`;
/** A third server on an empty database with the demo off, signing in through an identity provider that single-sign-on.spec.ts starts. */
const ssoDatabase = `${databases}/e2e-sso.db`;

function fresh(file: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

export default async function startServers() {
  mkdirSync(databases, { recursive: true });
  for (const file of [database, familiesDatabase, ssoDatabase]) fresh(file);
  rmSync(familiesFolder, { recursive: true, force: true });
  mkdirSync(familiesFolder, { recursive: true });
  for (const folder of [
    "frameworks/engineering",
    "test/fixtures/ladders/product",
    "docs/examples/structures-ladder",
    "docs/examples/shared",
  ]) {
    cpSync(folder, `${familiesFolder}/${folder.split("/").at(-1)}`, { recursive: true });
  }
  // The webhooks journey's receiver listens on this machine.
  const demo = { SEED_DEMO: "true", WEBHOOKS_TO_LOOPBACK: "true" };
  const started = await Promise.allSettled([
    startAppServer(`file:./${database}`, { port, env: demo }),
    startAppServer(`file:./${familiesDatabase}`, {
      port: familiesPort,
      env: { ...demo, FRAMEWORKS_DIR: familiesFolder },
    }),
    startAppServer(`file:./${ssoDatabase}`, {
      port: ssoPort,
      before: [[process.execPath, "--import", "tsx", "test/e2e/sso-organisation.ts"]],
      env: {
        PUBLIC_URL: `http://localhost:${ssoPort}`,
        OIDC_ISSUER: `http://127.0.0.1:${identityProviderPort}`,
        OIDC_CLIENT_ID: TEST_CLIENT.id,
        OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
        OIDC_NAME: ssoProviderName,
      },
    }),
  ]);
  const servers = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const failed = started.find((result) => result.status === "rejected");
  if (failed) {
    await Promise.all(servers.map((server) => server.kill()));
    throw failed.reason;
  }
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
