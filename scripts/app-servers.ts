import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Real app servers for tests that need more than one (live updates across servers): the
 * production build, started as `npm run serve` would, against the test file's database.
 * Builds the app first when there is no build yet (npm test builds it before the PostgreSQL run).
 */

export type AppServer = { url: string; stop: () => Promise<void>; kill: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export function ensureBuild(): void {
  if (existsSync("build/server/index.js")) return;
  const built = spawnSync("npx", ["react-router", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("The app did not build.");
}

/** Starts one server on a free port and waits until it answers. */
export async function startAppServer(databaseUrl: string): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", SECURE_COOKIES: "false", SEED_DEMO: "false" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app server stopped: ${errors}`);
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The app server did not answer within a minute: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill(signal);
    });
  // stop: as an operator would; kill: as a crash would (SIGKILL, nothing finishes).
  return { url, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}

/** Reads a server-sent event stream until `text` arrives (or `timeout` passes: then it throws). */
export async function waitForEvent(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, timeout: number): Promise<void> {
  const decoder = new TextDecoder();
  let received = "";
  const deadline = Date.now() + timeout;
  while (!received.includes(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`No "${text}" within ${timeout} ms; received: ${JSON.stringify(received)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (chunk === null) continue;
    if (chunk.done) throw new Error(`The stream ended before "${text}"; received: ${JSON.stringify(received)}`);
    received += decoder.decode(chunk.value, { stream: true });
  }
}
