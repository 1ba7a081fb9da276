import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./test";
import { freePort, startAppServer, type AppServer } from "../../scripts/app-servers";

/**
 * WEB_CONCURRENCY: the built app as an operator runs it, two app processes on one port behind
 * the primary, on a fresh embedded database. What the operator sees: every process's figures in
 * one /metrics answer, the health check on HEALTH_PORT, and one SIGTERM ending them all. With one
 * process, HEALTH_PORT is answered by a thread of the process (server/health-thread.ts).
 */
const TOKEN = "processes-metrics-token-2026";

type Running = { server: AppServer; base: string; healthBase: string; log: () => string };
const folders: string[] = [];
const servers: AppServer[] = [];

/** The built app on a fresh embedded database with HEALTH_PORT and METRICS_TOKEN, once its health port answers. */
async function start(processes: number): Promise<Running> {
  const folder = mkdtempSync(join(tmpdir(), "rungs-processes-"));
  folders.push(folder);
  const healthPort = await freePort();
  const healthBase = `http://127.0.0.1:${healthPort}`;
  const server = await startAppServer(`file:${join(folder, "rungs.db")}`, {
    env: {
      WEB_CONCURRENCY: String(processes),
      HEALTH_PORT: String(healthPort),
      METRICS_TOKEN: TOKEN,
    },
    readyUrl: () => `${healthBase}/healthz`,
  });
  servers.push(server);
  return { server, base: server.url, healthBase, log: server.log };
}

async function endsOnSigterm({ server, base }: Running) {
  // The operator's SIGTERM reaches the primary alone; it ends the app processes it started.
  server.signal("SIGTERM");
  expect(await server.exited).toBe(0);
  await expect
    .poll(async () => (await fetch(`${base}/status`).catch(() => null))?.status ?? "closed", {
      timeout: 15_000,
    })
    .toBe("closed");
}

test.describe.configure({ timeout: 120_000 });

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.kill()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test("two app processes serve one port; /metrics counts the requests of both; HEALTH_PORT answers; SIGTERM ends them all", async () => {
  const running = await start(2);
  const { base, healthBase } = running;
  expect(running.log()).toContain("Rungs is starting 2 app processes");
  // Each request on a fresh connection: the primary hands them out in turn, so both processes serve some.
  for (let i = 0; i < 20; i++) {
    const answer = await fetch(`${base}/status`, { headers: { Connection: "close" } });
    expect(answer.status).toBe(200);
  }
  // A response is counted once it has finished, which its client may see a moment before: ask until all 20 are in.
  const metrics = async () => {
    const answer = await fetch(`${base}/metrics`, {
      headers: { Authorization: `Bearer ${TOKEN}`, Connection: "close" },
    });
    expect(answer.status).toBe(200);
    return answer.text();
  };
  await expect
    .poll(metrics, { timeout: 5_000 })
    .toMatch(/^rungs_http_responses_total\{route="\/status",status="200"\} 20$/m);
  expect((await fetch(`${base}/metrics`, { headers: { Connection: "close" } })).status).toBe(401);

  const health = await fetch(`${healthBase}/healthz`);
  expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
  await endsOnSigterm(running);
});

test("one app process starts the health check's thread: HEALTH_PORT answers, nothing failed, and SIGTERM still ends the process", async () => {
  const running = await start(1);
  expect(running.log()).not.toContain("Rungs is starting");
  const health = await fetch(`${running.healthBase}/healthz`);
  expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);
  expect(running.log()).not.toContain("health check's thread");
  await endsOnSigterm(running);
});
