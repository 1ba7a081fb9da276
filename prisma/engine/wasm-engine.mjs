// Prisma's schema engine, compiled to WebAssembly (@prisma/schema-engine-wasm) and
// driven through the JS driver adapters, with the workarounds it needs to behave like
// the native engine the Prisma CLI expects. Used by prisma/schema-engine.mjs (the
// stand-in for the native binary) and by app/db/migrate.server.ts (migrations at
// start-up). Why this exists: docs/decisions/002-prisma-offline-migrations.md.

import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";

import {
  createAdapterFactory,
  deleteSqliteFiles,
  pgConnection,
  pgDatabaseName,
  pgUrlForDatabase,
  providerOf,
  quoteIdent,
  sqliteFilePath,
} from "./adapters.mjs";

export { providerOf, redactUrl, sqliteFilePath } from "./adapters.mjs";

/** An error the Prisma CLI can show: a Prisma error code (P1001, P3006, ...) and a message. */
export class SchemaEngineError extends Error {
  constructor(message, { code, meta, isPanic = false } = {}) {
    super(message);
    this.name = "SchemaEngineError";
    this.code = code;
    this.meta = meta;
    this.isPanic = isPanic;
  }
}

// ---------------------------------------------------------------------------
// Loading the WebAssembly module. Node 20 cannot `import` a .wasm file without a flag,
// so it is instantiated by hand with the package's JS glue as its import object.

let wasmModule;

/** @returns {Promise<typeof import("@prisma/schema-engine-wasm")>} */
export function loadSchemaEngineWasm() {
  wasmModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const glue = await import(pathToFileURL(gluePath).href);
    const bytes = await fs.promises.readFile(
      path.join(path.dirname(gluePath), "schema_engine_bg.wasm"),
    );
    // The engine reports the reason of a Rust panic here before trapping.
    globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
      message: "",
      set_message(message) {
        this.message = message;
      },
    };
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return wasmModule;
}

export async function schemaEngineVersion() {
  return (await loadSchemaEngineWasm()).version();
}

// ---------------------------------------------------------------------------
// Migrations folder, read the way the Prisma CLI reads it.

/** @returns {import("@prisma/schema-engine-wasm").MigrationList} */
export function readMigrationsList(migrationsDir, shadowDbInitScript = "") {
  const baseDir = path.resolve(migrationsDir);
  let lockContent = null;
  try {
    lockContent = fs.readFileSync(path.join(baseDir, "migration_lock.toml"), "utf8");
  } catch {
    // No lock file yet: the engine writes one with the first migration.
  }
  let entries = [];
  try {
    entries = fs.readdirSync(baseDir, { withFileTypes: true });
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
  const migrationDirectories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      let content;
      try {
        content = {
          tag: "ok",
          value: fs.readFileSync(path.join(baseDir, entry.name, "migration.sql"), "utf8"),
        };
      } catch (error) {
        content = { tag: "error", value: error.message };
      }
      return { path: entry.name, migrationFile: { path: "migration.sql", content } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript,
  };
}

// ---------------------------------------------------------------------------
// Databases: can we connect, create, drop. These are what the native engine's one-shot
// `cli can-connect-to-database|create-database|drop-database` sub-commands do.

function pgLocation(url) {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}`;
}

function pgConnectError(error, url) {
  const location = pgLocation(url);
  const database = pgDatabaseName(url);
  switch (error.code) {
    case "3D000":
      return new SchemaEngineError(
        `Database \`${database}\` does not exist on the database server at \`${location}\`.`,
        {
          code: "P1003",
          meta: { database_name: database, database_host: location },
        },
      );
    case "28P01":
    case "28000":
      return new SchemaEngineError(
        `Authentication failed against database server at \`${location}\`, the provided database credentials for \`${new URL(url).username}\` are not valid.`,
        { code: "P1000" },
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
    case "EAI_AGAIN":
      return new SchemaEngineError(`Can't reach database server at \`${location}\``, {
        code: "P1001",
        meta: { database_host: location },
      });
    default:
      return new SchemaEngineError(`${error.message} (database server at \`${location}\`)`, {
        code: error.code?.startsWith?.("P") ? error.code : undefined,
      });
  }
}

async function withPg(url, fn) {
  const client = new pg.Client(pgConnection(url).config);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw pgConnectError(error, url);
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// Maintenance connection for CREATE/DROP DATABASE: the server's `postgres` database.
function pgAdminUrl(url) {
  return pgUrlForDatabase(url, pgDatabaseName(url) === "postgres" ? "template1" : "postgres");
}

/** Throws a SchemaEngineError (P1003 when the database does not exist) if it cannot connect. */
export async function canConnectToDatabase(url, { baseDir } = {}) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url, baseDir);
    if (file !== ":memory:" && !fs.existsSync(file)) {
      throw new SchemaEngineError(
        `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`,
        {
          code: "P1003",
          meta: { database_file_name: path.basename(file), database_file_path: file },
        },
      );
    }
    return;
  }
  await withPg(url, (client) => client.query("SELECT 1"));
}

/** Creates the database (and, for SQLite, its folder); returns its name. */
export async function createDatabase(url, { baseDir } = {}) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url, baseDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, "a"));
    return path.basename(file);
  }
  const database = pgDatabaseName(url);
  await withPg(pgAdminUrl(url), async (client) => {
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    } catch (error) {
      // 23505: two sessions created it at the same moment.
      if (error.code === "42P04" || error.code === "23505") {
        throw new SchemaEngineError(
          `Database \`${database}\` already exists on the database server at \`${pgLocation(url)}\``,
          {
            code: "P1009",
          },
        );
      }
      throw error;
    }
  });
  return database;
}

export async function dropDatabase(url, { baseDir } = {}) {
  if (providerOf(url) === "sqlite") {
    const file = sqliteFilePath(url, baseDir);
    if (file !== ":memory:") deleteSqliteFiles(file);
    return;
  }
  const database = pgDatabaseName(url);
  await withPg(pgAdminUrl(url), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`),
  );
}

// ---------------------------------------------------------------------------
// The engine.

const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * One schema engine for one database, answering the native engine's JSON-RPC methods
 * (same names and params). Calls are serialised: the engine is not re-entrant.
 */
export class WasmSchemaEngine {
  #url;
  #shadowDatabaseUrl;
  #datamodels;
  #baseDir;
  #onLog;
  #engine = null;
  #adapters = new Set();
  #shadowDrops = new Set();
  #errorRegistry = null;
  #queue = Promise.resolve();

  /**
   * @param {object} options
   * @param {string} options.url database URL (file:... or postgres(ql)://...)
   * @param {string} [options.shadowDatabaseUrl]
   * @param {[string, string][]} [options.datamodels] Prisma schema files as [path, content]
   * @param {string} [options.baseDir] base for relative SQLite paths (default: cwd)
   * @param {(line: string) => void} [options.onLog] the engine's JSON log lines
   */
  constructor({ url, shadowDatabaseUrl, datamodels, baseDir = process.cwd(), onLog }) {
    if (!url) {
      throw new SchemaEngineError(
        "No database URL: set datasource.url in prisma.config.ts (DATABASE_URL).",
        {
          code: "P1012",
        },
      );
    }
    providerOf(url);
    this.#url = url;
    this.#shadowDatabaseUrl = shadowDatabaseUrl || undefined;
    this.#datamodels = datamodels?.length ? datamodels : undefined;
    this.#baseDir = baseDir;
    this.#onLog = onLog;
  }

  get provider() {
    return providerOf(this.#url);
  }

  /** Run one JSON-RPC method; resolves with its result or rejects with a SchemaEngineError. */
  request(method, params) {
    const run = this.#queue.then(() => this.#dispatch(method, params ?? {}));
    this.#queue = run.catch(() => {});
    return run;
  }

  async close() {
    await this.#queue;
    await this.#shutdown();
  }

  async #shutdown() {
    if (this.#engine) {
      this.#engine.free();
      this.#engine = null;
    }
    const adapters = [...this.#adapters];
    this.#adapters.clear();
    await Promise.allSettled(adapters.map((adapter) => adapter.dispose()));
    const drops = [...this.#shadowDrops];
    this.#shadowDrops.clear();
    await Promise.allSettled(drops.map((drop) => drop()));
  }

  async #getEngine() {
    if (this.#engine) return this.#engine;
    const wasm = await loadSchemaEngineWasm();
    const factory = bindMigrationAwareSqlAdapterFactory(
      createAdapterFactory(this.#url, {
        shadowDatabaseUrl: this.#shadowDatabaseUrl,
        baseDir: this.#baseDir,
        onConnect: (adapter) => this.#adapters.add(adapter),
        onShadowDatabase: (drop) => this.#shadowDrops.add(drop),
      }),
    );
    this.#errorRegistry = factory.errorRegistry;
    let pending = "";
    const log = (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim()) this.#onLog?.(line);
      }
    };
    try {
      this.#engine = await wasm.SchemaEngine.new({ datamodels: this.#datamodels }, log, factory);
    } catch (error) {
      throw this.#toEngineError(error);
    }
    return this.#engine;
  }

  async #call(method, params) {
    const engine = await this.#getEngine();
    try {
      // Call through the engine object: the wasm bindings need `this`.
      return await engine[method](params);
    } catch (error) {
      throw this.#toEngineError(error);
    }
  }

  #toEngineError(error) {
    if (error instanceof SchemaEngineError) return error;
    if (error instanceof WebAssembly.RuntimeError) {
      const registry = globalThis.PRISMA_WASM_PANIC_REGISTRY;
      const message = registry?.message || error.message;
      if (registry) registry.message = "";
      return new SchemaEngineError(message, { isPanic: true });
    }
    // A JS exception inside an adapter reaches the engine as "External error id#N";
    // the exception itself is parked in the adapter factory's registry.
    const message = String(error?.message ?? error).replace(
      /External error id#(\d+)/g,
      (text, id) => {
        const parked = this.#errorRegistry?.consumeError(Number(id))?.error;
        return parked ? `${text}: ${parked.message ?? parked}` : text;
      },
    );
    const code = typeof error?.code === "string" ? error.code : undefined;
    return new SchemaEngineError(message, { code, meta: error?.meta });
  }

  async #dispatch(method, params) {
    switch (method) {
      case "devDiagnostic":
        return this.#devDiagnostic(params);
      case "diagnoseMigrationHistory":
        return this.#diagnoseMigrationHistory(params);
      case "evaluateDataLoss":
      case "createMigration":
        return this.#withMigrationsSchema(params, () => this.#call(method, params));
      case "reset":
        return this.#reset(params);
      case "getDatabaseVersion":
        return this.#call("version", undefined);
      case "createDatabase":
        return {
          databaseName: await createDatabase(this.#datasourceUrl(params.datasource), {
            baseDir: this.#baseDir,
          }),
        };
      case "dbExecute":
        return this.#dbExecute(params);
      case "debugPanic": {
        const engine = await this.#getEngine();
        try {
          engine.debugPanic();
        } catch (error) {
          throw this.#toEngineError(error);
        }
        return {};
      }
      case "markMigrationApplied":
        return this.#withMigrationsTable(params, () => this.#call(method, params));
      case "applyMigrations":
        return this.#applyMigrations(params);
      case "diff":
      case "ensureConnectionValidity":
      case "introspect":
      case "introspectSql":
      case "markMigrationRolledBack":
      case "schemaPush":
        return this.#call(method, params);
      default:
        throw new SchemaEngineError(`Unknown schema engine method: ${method}`);
    }
  }

  #datasourceUrl(datasource) {
    if (datasource?.tag === "ConnectionString" && datasource.url) return datasource.url;
    return this.#url;
  }

  // The wasm engine answers P1014 (`_prisma_migrations` missing) where the native
  // engine reports "nothing applied yet". Applying an empty migration list creates
  // the table; an existing non-empty schema without history then needs a reset,
  // as the native engine would say after detecting drift.
  async #createMigrationsTable(migrationsList, filters) {
    await this.#call("applyMigrations", {
      migrationsList: { ...migrationsList, migrationDirectories: [] },
      filters: filters ?? NO_FILTER,
    });
  }

  async #withMigrationsTable(params, run) {
    try {
      return await run();
    } catch (error) {
      if (error.code !== "P1014") throw error;
      await this.#createMigrationsTable(params.migrationsList, params.filters);
      return run();
    }
  }

  // The native engine names the migration that failed (P3018); the wasm engine only
  // passes on the database error.
  async #applyMigrations(params) {
    try {
      return await this.#call("applyMigrations", params);
    } catch (error) {
      if (error.code?.startsWith("P3")) throw error;
      const failed = await this.#call("diagnoseMigrationHistory", {
        migrationsList: params.migrationsList,
        optInToShadowDatabase: false,
        filters: params.filters ?? NO_FILTER,
      }).then(
        (diagnostic) => diagnostic.failedMigrationNames,
        () => [],
      );
      const migrationName = failed.at(-1);
      if (!migrationName) throw error;
      throw new SchemaEngineError(
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. " +
          "Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
          `Migration name: ${migrationName}\n\nDatabase error:\n${error.message}`,
        { code: "P3018", meta: { migration_name: migrationName, database_error: error.message } },
      );
    }
  }

  async #devDiagnostic(params) {
    let result;
    try {
      result = await this.#call("devDiagnostic", params);
    } catch (error) {
      if (error.code !== "P1014") throw error;
      try {
        await this.#createMigrationsTable(params.migrationsList, params.filters);
      } catch (createError) {
        if (createError.code !== "P3005") throw createError;
        return {
          action: {
            tag: "reset",
            reason:
              "The database schema is not empty but has no migration history (no `_prisma_migrations` table).",
          },
        };
      }
      result = await this.#call("devDiagnostic", params);
    }
    return result;
  }

  async #diagnoseMigrationHistory(params) {
    let result;
    try {
      result = await this.#call("diagnoseMigrationHistory", params);
    } catch (error) {
      if (error.code !== "P1014") throw error;
      if (!params.optInToShadowDatabase) {
        // Read-only question (migrate status): answer it without creating anything.
        const names = params.migrationsList.migrationDirectories.map((dir) => dir.path);
        return {
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: false,
          history:
            names.length > 0
              ? { diagnostic: "databaseIsBehind", unappliedMigrationNames: names }
              : null,
        };
      }
      await this.#createMigrationsTable(params.migrationsList, params.filters);
      result = await this.#call("diagnoseMigrationHistory", params);
    }
    return result;
  }

  // evaluateDataLoss and createMigration read the schema of the migrations folder from
  // a cache that only diagnoseMigrationHistory/devDiagnostic fill (those are given the
  // shadow-database factory); on a miss they fail with "shadow DB must be provided
  // through an external factory". Fill it, then ask again.
  async #withMigrationsSchema(params, run) {
    try {
      return await run();
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/i.test(error.message))
        throw error;
      await this.#diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: true,
        filters: params.filters ?? NO_FILTER,
      });
      return run();
    }
  }

  async #reset(params) {
    if (this.provider !== "sqlite") return this.#call("reset", params);
    // The wasm engine's SQLite reset only deletes rows; a reset means an empty file.
    const file = sqliteFilePath(this.#url, this.#baseDir);
    await this.#shutdown();
    if (file !== ":memory:") deleteSqliteFiles(file);
    await this.#getEngine();
    return {};
  }

  async #dbExecute({ datasourceType, script }) {
    const url =
      datasourceType?.tag === "url" && datasourceType.url ? datasourceType.url : this.#url;
    const factory = createAdapterFactory(url, { baseDir: this.#baseDir });
    let adapter;
    try {
      adapter = await factory.connect();
      await adapter.executeScript(script);
    } catch (error) {
      const cause = error?.cause;
      throw new SchemaEngineError(cause?.originalMessage ?? cause?.message ?? error.message);
    } finally {
      await adapter?.dispose().catch(() => {});
    }
    return {};
  }
}
