import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestClockSetting } from "../app/platform/clock.server.ts";
import { serverNodeFlags } from "./serve-flags.mjs";

/**
 * The one way tests and scripts start and stop Rungs' server: Playwright's global setup, the
 * specs and integration tests that start their own, and the benchmarks. The production build is
 * started as `npm run serve` starts it (`node build/start/index.js`, no launcher process in
 * between) in a process group of its own, so stopping ends the group whole: the server, the
 * app processes it forks (WEB_CONCURRENCY) and anything they started. Every group still running
 * when this process exits is killed then, so a test that fails half-way leaves nothing behind.
 */

export type AppServer = {
  url: string;
  port: number;
  pid: number;
  /** What the server printed so far (stdout and stderr). */
  log: () => string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends a signal to the server's own process only (to test how it handles it). */
  signal: (signal: NodeJS.Signals) => void;
  /** As an operator would: SIGTERM to the group, then SIGKILL to whatever is left after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** As a crash would: SIGKILL to the group, nothing finishes. */
  kill: () => Promise<void>;
  /** The test clock's file (RUNGS_TEST_CLOCK) when started with `testClock`, for setTestClock and for scripts run beside the server. */
  clockFile: string | null;
};

export type StartOptions = {
  /** Added to the environment (over the defaults below). */
  env?: Record<string, string | undefined>;
  /** Defaults to a free port on 127.0.0.1. */
  port?: number;
  /** The URL polled until it answers 200; defaults to the server's /healthz. */
  readyUrl?: (url: string) => string;
  /** How long to wait for readiness. */
  timeoutMs?: number;
  /** Commands run before the server, in the same process group (for example a seed script). */
  before?: string[][];
  /** The checkout to serve (another release, for the bench); defaults to this one. */
  cwd?: string;
  /** Where the server's output goes: kept for log() (the default), or this process's stderr. */
  output?: "kept" | "stderr";
  /**
   * Starts the server on a test clock set to this instant (decision 078); setTestClock moves it.
   * Every process of the server reads it: the app processes, the email pass, the `before` steps.
   */
  testClock?: Date;
};

/** The wait after writing a test clock before every process of a server reads it (they look at most every 100 ms). */
const CLOCK_SPREAD_MS = 250;

/** Moves a test clock (RUNGS_TEST_CLOCK's file) to `at`; the time then moves on from there as a clock does. */
export async function setTestClock(file: string, at: Date): Promise<void> {
  const setting: TestClockSetting = { at: at.toISOString(), setAt: Date.now() };
  // Written beside and renamed over, so no process reads half a file.
  writeFileSync(`${file}.next`, JSON.stringify(setting));
  renameSync(`${file}.next`, file);
  await new Promise((resolve) => setTimeout(resolve, CLOCK_SPREAD_MS));
}

/** The environment that puts a process on a test clock, in a new folder, set to `at`. */
export async function testClockEnv(
  at: Date,
): Promise<{ file: string; env: Record<string, string> }> {
  const file = join(mkdtempSync(join(tmpdir(), "rungs-clock-")), "clock.json");
  await setTestClock(file, at);
  return { file, env: { RUNGS_TEST_CLOCK: file, RUNGS_TEST_CLOCK_ALLOWED: "1" } };
}

const running = new Set<number>();

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is gone already.
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error;
  }
}

const killRunning = () => {
  for (const pid of running) signalGroup(pid, "SIGKILL");
};
process.once("exit", killRunning);
// A run stopped by a signal ends without "exit": end the servers, then let the signal do what it would have.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    killRunning();
    process.kill(process.pid, signal);
  });
}

let handedOut = 0;
/** This process's block of ports, once claimed: kept on the process, so a module read again claims no second block. */
const kept = globalThis as unknown as { rungsPortBlock?: Promise<number> };

const CLAIMS_FROM = 19_000;
const BLOCKS_FROM = 20_000;
const BLOCK_SIZE = 100;
// Below the kernel's ephemeral range (32768 and up): 120 blocks of 100 end at 32,000.
const BLOCKS = 120;

/**
 * The first port of a block of its own for this process (a Vitest or Playwright worker), claimed by
 * listening on the block's claim port for as long as the process lives: binding is the one step
 * two processes cannot both win, so no two workers share a block, of this run or of another suite
 * run beside it on the machine (a port picked by number per worker was, and a server whose port was
 * taken left its checks to the other suite's).
 */
function portBlock(): Promise<number> {
  kept.rungsPortBlock ??= (async () => {
    for (let index = 0; index < BLOCKS; index++) {
      const claim = createServer();
      const held = await new Promise<boolean>((resolve) => {
        claim.once("error", () => resolve(false));
        claim.listen(CLAIMS_FROM + index, "127.0.0.1", () => resolve(true));
      });
      if (!held) continue;
      claim.unref();
      return BLOCKS_FROM + index * BLOCK_SIZE;
    }
    throw new Error("Every block of test ports is claimed.");
  })();
  return kept.rungsPortBlock;
}

/**
 * A port to listen on, from this process's own block (`portBlock`), below the kernel's ephemeral
 * range: a port the kernel picked could be picked again by another worker before the first server
 * listened. A port something else holds is skipped.
 */
export async function freePort(): Promise<number> {
  const first = await portBlock();
  for (let tries = 0; tries < BLOCK_SIZE; tries++) {
    const port = first + (handedOut++ % BLOCK_SIZE);
    if (await canListen(port)) return port;
  }
  throw new Error("No free port in this worker's block.");
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The server as `npm run build` bundles it (decision 141), run from the project's root. */
export const SERVER_BUNDLE = "build/start/index.js";

export function ensureBuild(): void {
  if (existsSync(SERVER_BUNDLE)) return;
  // A production build whoever asks: Vitest sets NODE_ENV=test, and a build under it bundles React's
  // development client, whose hydration warnings (a hidden `nonce`) then failed the browser tests
  // that served it.
  const built = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (built.status !== 0) throw new Error("The app did not build.");
}

/** Node's flags as the checkout's `npm run serve` gives them: none for one that predates them (the bench's `--against`). */
const flagsOf = (checkout: string) =>
  existsSync(join(checkout, "scripts/serve-flags.mjs")) ? serverNodeFlags() : [];

/** Starts the built app and waits until it answers; `databaseUrl` is its DATABASE_URL. */
export async function startAppServer(
  databaseUrl: string,
  options: StartOptions = {},
): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const clock = options.testClock ? await testClockEnv(options.testClock) : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    SEED_DEMO: "false",
    LOG_REQUESTS: "false",
    ...options.env,
    ...clock?.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
  };
  // A test's direct URL (behind the pooler, scripts/test-postgres.ts) is its own database's: a
  // server on another database must not inherit it.
  if (databaseUrl !== process.env.DATABASE_URL && !options.env?.DATABASE_DIRECT_URL)
    delete env.DATABASE_DIRECT_URL;
  const steps = [
    ...(options.before ?? []),
    // A checkout built before the server had a bundle (the bench's `--against`) runs its source.
    existsSync(join(options.cwd ?? ".", SERVER_BUNDLE))
      ? [process.execPath, ...flagsOf(options.cwd ?? "."), SERVER_BUNDLE]
      : [process.execPath, "--import", "tsx", "server/index.ts"],
  ];
  // One shell per server so the steps share its process group; exec hands the group's leader to the server.
  const script = steps
    .map(
      (step, index) => `${index === steps.length - 1 ? "exec " : ""}${step.map(quote).join(" ")}`,
    )
    .join(" && ");
  const child: ChildProcess = spawn("/bin/sh", ["-c", script], {
    cwd: options.cwd,
    env,
    stdio:
      options.output === "stderr" ? ["ignore", "ignore", "inherit"] : ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid!;
  running.add(pid);
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      running.delete(pid);
      resolve(code);
    }),
  );
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const waitExit = async (ms: number) => {
    let timer: NodeJS.Timeout | undefined;
    const done = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]);
    clearTimeout(timer);
    return done;
  };
  const kill = async () => {
    signalGroup(pid, "SIGKILL");
    if (!ended()) await waitExit(10_000);
  };
  const stop = async (graceMs = 15_000) => {
    if (!ended()) {
      signalGroup(pid, "SIGTERM");
      if (await waitExit(graceMs)) {
        // The server is gone; anything of its group that outlived it goes too.
        signalGroup(pid, "SIGKILL");
        return;
      }
    }
    await kill();
  };
  const server: AppServer = {
    url,
    port,
    pid,
    log: () => log,
    exited,
    signal: (signal) => child.kill(signal),
    stop,
    kill,
    clockFile: clock?.file ?? null,
  };

  const readyUrl = options.readyUrl?.(url) ?? `${url}/healthz`;
  const deadline = Date.now() + (options.timeoutMs ?? 100_000);
  for (;;) {
    if (ended()) throw new Error(`The app server stopped before answering:\n${log}`);
    try {
      if ((await fetch(readyUrl)).ok) return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`The app server did not answer ${readyUrl} in time:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function quote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Reads a server-sent event stream until `text` arrives (or `timeout` passes: then it throws). */
export async function waitForEvent(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  text: string,
  timeout: number,
): Promise<void> {
  const decoder = new TextDecoder();
  let received = "";
  const deadline = Date.now() + timeout;
  while (!received.includes(text)) {
    const left = deadline - Date.now();
    if (left <= 0)
      throw new Error(`No "${text}" within ${timeout} ms; received: ${JSON.stringify(received)}`);
    const chunk = await Promise.race([
      reader.read(),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), left)),
    ]);
    if (chunk === null) continue;
    if (chunk.done)
      throw new Error(`The stream ended before "${text}"; received: ${JSON.stringify(received)}`);
    received += decoder.decode(chunk.value, { stream: true });
  }
}
