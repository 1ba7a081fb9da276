// One schema engine request in a worker thread of its own, ended when it answers or its deadline
// passes. The WebAssembly engine cannot be trusted to fail cleanly: a Rust panic traps its instance
// for every later call in the process ("unreachable"), and a throw inside its own callbacks leaves
// the call unsettled for ever ("Option::unwrap_throw() on a None value"). In a thread, a panic ends
// with the thread, an unsettled call meets the deadline, and the caller's process is untouched.
// Used by app/db/migrate.server.ts; the CLI stand-in (schema-engine.mjs) is a process of its own.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker, parentPort, workerData } from "node:worker_threads";

import { SchemaEngineError, WasmSchemaEngine, setCompiledSchemaEngine } from "./wasm-engine.mjs";

const TASK = "rungsSchemaEngineRequest";

let compiled;

/** The engine's module, compiled once per process and shared with every thread it starts. */
function compiledEngine() {
  compiled ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    return WebAssembly.compile(
      await fs.promises.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm")),
    );
  })();
  return compiled;
}

/**
 * Runs `method` with `params` on a fresh engine for `url` in a thread of its own; resolves with the
 * engine's answer or rejects with a SchemaEngineError (a panic says so), also when the thread ends
 * without answering or `deadlineMs` passes first.
 */
export async function requestInEngineThread({ url, baseDir, method, params, deadlineMs }) {
  const module = await compiledEngine();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      // Plain JavaScript needs none of the process's flags; some fail a thread (`--input-type`).
      execArgv: [],
      workerData: { [TASK]: { url, baseDir, method, params, module } },
    });
    let settled = false;
    const settle = (finish) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      finish();
      void worker.terminate();
    };
    const deadline = setTimeout(
      () =>
        settle(() =>
          reject(
            new SchemaEngineError(
              `The schema engine did not answer ${method} within ${Math.round(deadlineMs / 1000)} s; it was stopped.`,
            ),
          ),
        ),
      deadlineMs,
    );
    worker.on("message", (answer) =>
      settle(() =>
        "error" in answer
          ? reject(
              Object.assign(new SchemaEngineError(answer.error.message, answer.error), {
                stack: answer.error.stack,
              }),
            )
          : resolve(answer.result),
      ),
    );
    worker.on("error", (error) =>
      settle(() => reject(new SchemaEngineError(`The schema engine failed: ${error.message}`))),
    );
    worker.on("exit", (code) =>
      settle(() =>
        reject(
          new SchemaEngineError(
            `The schema engine stopped without answering ${method} (exit code ${code}).`,
          ),
        ),
      ),
    );
  });
}

// The thread's side: one engine, one request, one answer.
if (parentPort && workerData?.[TASK]) {
  const { url, baseDir, method, params, module } = workerData[TASK];
  setCompiledSchemaEngine(module);
  const engine = new WasmSchemaEngine({ url, baseDir });
  try {
    const result = await engine.request(method, params);
    // Closed before answering, so connections end cleanly; the caller ends the thread on the answer.
    await engine.close();
    parentPort.postMessage({ result });
  } catch (error) {
    parentPort.postMessage({
      error: {
        message: error?.message ?? String(error),
        code: error?.code,
        meta: error?.meta === undefined ? undefined : JSON.parse(JSON.stringify(error.meta)),
        isPanic: error?.isPanic ?? false,
        stack: error?.stack,
      },
    });
  }
}
