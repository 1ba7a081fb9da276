// One schema engine request in a process of its own: the CLI stand-in (prisma/schema-engine.mjs),
// spoken to as the Prisma CLI speaks to it. The WebAssembly engine does not always fail cleanly: a
// Rust panic traps its instance for every later call in the process ("unreachable"), and a throw
// inside its own callbacks leaves the call unsettled for ever ("Option::unwrap_throw() on a None
// value"). In a process of its own, a panic ends with it and an unsettled call meets a deadline.
import { spawn } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { SchemaEngineError, redactUrl } from "../../prisma/engine/wasm-engine.mjs";

const STAND_IN = fileURLToPath(new URL("../../prisma/schema-engine.mjs", import.meta.url));

export interface EngineRequest {
  url: string;
  /** Where a relative SQLite path is resolved from. */
  baseDir: string;
  method: string;
  params: unknown;
  /** The process is stopped, and the call rejected, when no answer came by then. */
  deadlineMs: number;
}

interface RpcAnswer {
  id: number;
  result?: unknown;
  error?: {
    message: string;
    data?: { message?: string; error_code?: string; meta?: unknown; is_panic?: boolean };
  };
}

/**
 * Runs `method` with `params` on a fresh engine for `url`; resolves with its answer or rejects with
 * a SchemaEngineError (a panic says so), also when the process ends without answering or the
 * deadline passes first.
 */
export function requestInEngineProcess<Result>(request: EngineRequest): Promise<Result> {
  const { url, baseDir, method, params, deadlineMs } = request;
  return new Promise<Result>((resolve, reject) => {
    const engine = spawn(process.execPath, [STAND_IN], {
      cwd: path.resolve(baseDir),
      env: { ...process.env, SCHEMA_ENGINE_DATASOURCE: JSON.stringify({ url }) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    // The engine's log lines, for a process that ends without answering.
    let said = "";
    engine.stderr.setEncoding("utf8");
    engine.stderr.on("data", (chunk: string) => (said = (said + chunk).slice(-4_000)));
    let answer: RpcAnswer | undefined;
    const deadline = setTimeout(() => {
      engine.kill("SIGKILL");
      fail(
        `The schema engine did not answer ${method} within ${Math.round(deadlineMs / 1000)} s; it was stopped.`,
      );
    }, deadlineMs);
    let settled = false;
    const fail = (
      message: string,
      options?: ConstructorParameters<typeof SchemaEngineError>[1],
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      reject(new SchemaEngineError(message.replaceAll(url, redactUrl(url)), options));
    };
    readline.createInterface({ input: engine.stdout }).on("line", (line) => {
      const message = JSON.parse(line) as RpcAnswer;
      if (message.id !== 1) return;
      answer = message;
      // Ending its input ends the engine: it closes its connections and exits.
      engine.stdin.end();
    });
    engine.on("error", (error) => fail(`The schema engine did not start: ${error.message}`));
    engine.on("close", (code, signal) => {
      if (answer?.error) {
        const data = answer.error.data ?? {};
        fail(data.message ?? answer.error.message, {
          code: data.error_code,
          meta: data.meta,
          isPanic: data.is_panic ?? false,
        });
      } else if (answer) {
        settled = true;
        clearTimeout(deadline);
        resolve(answer.result as Result);
      } else {
        fail(
          `The schema engine stopped without answering ${method} (${signal ?? `exit code ${code}`}): ${lastMessage(said)}`,
        );
      }
    });
    engine.stdin.on("error", () => {}); // An engine that died first: its close says why.
    engine.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) + "\n");
  });
}

/** The last log line's message the engine wrote before it stopped. */
function lastMessage(log: string): string {
  const line = log.trim().split("\n").at(-1) ?? "";
  try {
    return String((JSON.parse(line) as { fields?: { message?: unknown } }).fields?.message ?? line);
  } catch {
    return line;
  }
}
