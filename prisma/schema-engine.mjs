#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on
// our machines. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here, so the
// ordinary `prisma migrate|db` commands start this program instead. It speaks the
// native engine's protocol and runs the same engine compiled to WebAssembly
// (prisma/engine/wasm-engine.mjs). See docs/decisions/002-prisma-offline-migrations.md.
//
// Protocol, as the Prisma 7 CLI uses it:
// - `--version` prints `schema-engine-cli <hash>`.
// - `--datasource <json> cli <can-connect-to-database|create-database|drop-database>`
//   runs once; failures exit 1 with JSON log lines on stderr (the CLI skips the first).
// - Otherwise (`--datamodels <file>`... `--datasource <json>`): JSON-RPC 2.0, one JSON
//   object per line on stdin/stdout, until stdin closes. stderr carries JSON log lines.
//   `diff` output goes to the CLI as a `print` request before the result.
// - `SCHEMA_ENGINE_DATASOURCE` (the same JSON as --datasource) is read when no --datasource is
//   given: app/db/schema-engine-process.server.ts starts this program for migrations at start-up.
//
// This file must keep its .mjs extension: Node 20 runs an extension-less file as
// CommonJS, where these imports silently do nothing.

import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";

import {
  SchemaEngineError,
  WasmSchemaEngine,
  canConnectToDatabase,
  createDatabase,
  dropDatabase,
  redactUrl,
  schemaEngineVersion,
} from "./engine/wasm-engine.mjs";

function logLine(level, fields, target = "schema_engine::logger") {
  return JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target });
}

function writeStderr(line) {
  process.stderr.write(line + "\n");
}

function parseArgs(argv) {
  // A caller that keeps the URL's password out of the process list gives it in the environment.
  const datasource = JSON.parse(process.env.SCHEMA_ENGINE_DATASOURCE ?? "{}");
  const args = { datamodels: [], datasource, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case "--version":
      case "-V":
        args.version = true;
        break;
      case "--datamodels":
      case "-d":
        args.datamodels.push(argv[++i]);
        break;
      case "--datasource":
        args.datasource = JSON.parse(argv[++i] ?? "{}");
        break;
      case "--enabled-preview-features":
      case "--extension-types":
        i++; // Not used by this project; the wasm engine takes no such options.
        break;
      case "cli":
        args.cli = argv[++i];
        break;
      default:
        throw new Error(`schema-engine shim: unknown argument ${arg}`);
    }
  }
  return args;
}

async function runOneShot(command, url) {
  writeStderr(
    logLine(
      "INFO",
      { message: `Starting schema engine CLI (wasm shim): ${command}` },
      "schema_engine_cli",
    ),
  );
  try {
    if (!url) throw new SchemaEngineError("No datasource URL given.", { code: "P1012" });
    switch (command) {
      case "can-connect-to-database":
        await canConnectToDatabase(url);
        break;
      case "create-database":
        await createDatabase(url);
        break;
      case "drop-database":
        await dropDatabase(url);
        break;
      default:
        throw new SchemaEngineError(`Unknown cli sub-command: ${command}`);
    }
    return 0;
  } catch (error) {
    const message = String(error.message ?? error).replaceAll(url, redactUrl(url));
    process.stderr.write(logLine("ERROR", { is_panic: false, error_code: error.code, message }));
    return 1;
  }
}

function rpcError(id, error) {
  const data = { is_panic: Boolean(error.isPanic), message: error.message };
  if (error.code) data.error_code = error.code;
  if (error.meta) data.meta = error.meta;
  return {
    jsonrpc: "2.0",
    id,
    error: { code: 4466, message: "An error happened. Check the data field for details.", data },
  };
}

async function runRpcServer({ datamodels, datasource }) {
  writeStderr(
    logLine(
      "INFO",
      { message: "Starting schema engine RPC server (wasm shim)" },
      "schema_engine_cli",
    ),
  );
  const engine = new WasmSchemaEngine({
    url: datasource.url,
    shadowDatabaseUrl: datasource.shadowDatabaseUrl,
    datamodels: datamodels.map((file) => [file, fs.readFileSync(path.resolve(file), "utf8")]),
    onLog: writeStderr,
  });

  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  const pendingPrints = new Map();
  let nextPrintId = 1_000_000;
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  let panicked = false;
  const inFlight = new Set();

  const handle = async (request) => {
    try {
      let result = await engine.request(request.method, request.params);
      if (request.method === "diff" && typeof result?.stdout === "string") {
        // The CLI adds the final newline itself.
        if (result.stdout.length > 0) await print(result.stdout.replace(/\n$/, ""));
        result = { ...result, stdout: null };
      }
      send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
    } catch (error) {
      const engineError =
        error instanceof SchemaEngineError
          ? error
          : new SchemaEngineError(String(error?.message ?? error));
      if (engineError.isPanic) panicked = true;
      writeStderr(
        logLine("ERROR", {
          is_panic: engineError.isPanic,
          error_code: engineError.code,
          message: engineError.message,
        }),
      );
      send(rpcError(request.id, engineError));
    }
  };

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our `print` requests.
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    const task = handle(message);
    inFlight.add(task);
    task.finally(() => inFlight.delete(task));
  });

  // The CLI ends stdin and immediately sends SIGTERM when it is done with the engine:
  // treat both as "shut down", so connections are closed (SQLite leaves no journal
  // behind) and PostgreSQL shadow databases are dropped.
  await new Promise((resolve) => {
    input.once("close", resolve);
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await Promise.allSettled([...inFlight]);
  await engine
    .close()
    .catch((error) =>
      writeStderr(logLine("WARN", { message: `Closing the engine: ${error.message}` })),
    );
  return panicked ? 101 : 0;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${await schemaEngineVersion()}\n`);
    return 0;
  }
  if (args.cli) return runOneShot(args.cli, args.datasource.url);
  return runRpcServer(args);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    writeStderr(logLine("ERROR", { is_panic: false, message: String(error?.stack ?? error) }));
    process.exit(1);
  },
);
