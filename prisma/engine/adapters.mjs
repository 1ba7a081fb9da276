// Driver adapter factories for the WebAssembly schema engine, with the fixes the
// engine needs from them (see docs/decisions/002-prisma-offline-migrations.md):
//
// - SQLite: the engine replays a migration script on the shadow database through a
//   single-statement call, which better-sqlite3 refuses for several statements (or
//   none); such calls go to executeScript.
// - PostgreSQL: @prisma/adapter-pg cannot decode the catalog types `name` (oid 19) and
//   `"char"` (18) the engine reads while describing a schema (prisma/orm#27403); they
//   are relabelled as text before the adapter sees them.
// - PostgreSQL: the adapter's own shadow database connects to the main database when
//   given a connection string, and drops the shadow database while its pool is still
//   open; the shadow database is created and dropped here instead.
// - PostgreSQL: executeScript sends the whole script in one simple-protocol query (as the
//   native engine does) instead of splitting it on every ";".

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/** @param {string} url */
export function providerOf(url) {
  if (/^file:/i.test(url)) return "sqlite";
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  throw new Error(
    `Unsupported database URL "${redactUrl(url)}": expected file:... (SQLite) or postgres(ql)://... (PostgreSQL).`,
  );
}

/** Hide a password in a URL before it reaches a log or an error message. */
export function redactUrl(url) {
  return String(url).replace(/\/\/([^:/@]*):[^@/]*@/, "//$1:***@");
}

// ---------------------------------------------------------------------------
// SQLite

/**
 * Absolute path of the database file behind a `file:` URL. Relative paths are resolved
 * against `baseDir` (the project root for the app and the Prisma config).
 */
export function sqliteFilePath(url, baseDir = process.cwd()) {
  const file = url.replace(/^file:/i, "").replace(/\?.*$/, "");
  if (file === ":memory:" || file === "") return ":memory:";
  return path.resolve(baseDir, file);
}

/** Delete a SQLite database file and its journal side files. */
export function deleteSqliteFiles(file) {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    fs.rmSync(file + suffix, { force: true });
  }
}

// better-sqlite3 prepares exactly one statement: a whole script (or one that is only
// comments, like an empty migration) is refused with a RangeError.
function isScriptError(error) {
  return (
    error instanceof RangeError &&
    /contains (more than one statement|no statements)/i.test(error.message)
  );
}

function withScriptFallback(queryable, adapter) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  return {
    async queryRaw(query) {
      try {
        return await queryRaw(query);
      } catch (error) {
        if (query.args.length > 0 || !isScriptError(error)) throw error;
        await adapter.executeScript(query.sql);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
    },
    async executeRaw(query) {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.args.length > 0 || !isScriptError(error)) throw error;
        await adapter.executeScript(query.sql);
        return 0;
      }
    },
  };
}

function fixSqliteAdapter(adapter) {
  const fixed = withScriptFallback(adapter, adapter);
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    ...fixed,
    executeScript: (script) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel) {
      const tx = await adapter.startTransaction(isolationLevel);
      return Object.assign(Object.create(tx), withScriptFallback(tx, adapter));
    },
  };
}

function sqliteFactory(url, { baseDir, onConnect }) {
  const file = sqliteFilePath(url, baseDir);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: file === ":memory:" ? ":memory:" : `file:${file}` });
  return {
    provider: "sqlite",
    adapterName: inner.adapterName,
    async connect() {
      const adapter = fixSqliteAdapter(await inner.connect());
      onConnect?.(adapter);
      return adapter;
    },
    // An in-memory database: nothing to clean up, nothing shared between runs.
    async connectToShadowDb() {
      return fixSqliteAdapter(await inner.connectToShadowDb());
    },
  };
}

// ---------------------------------------------------------------------------
// PostgreSQL

const CATALOG_TYPE_RELABELS = new Map([
  [19, 25], // name -> text
  [18, 25], // "char" -> text
  [1003, 1009], // name[] -> text[]
  [1002, 1009], // "char"[] -> text[]
]);

function relabelFields(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    for (const field of res?.fields ?? []) {
      const relabelled = CATALOG_TYPE_RELABELS.get(field.dataTypeID);
      if (relabelled !== undefined) field.dataTypeID = relabelled;
    }
  }
  return result;
}

class CatalogTypesClient extends pg.Client {
  query(config, values, callback) {
    if (config === null || typeof config !== "object" || typeof config.submit === "function") {
      return super.query(config, values, callback);
    }
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    const types = config.types ?? pg.types;
    const relabelled = {
      ...config,
      types: {
        getTypeParser: (oid, format) =>
          types.getTypeParser(CATALOG_TYPE_RELABELS.get(oid) ?? oid, format),
      },
    };
    if (callback) {
      return super.query(relabelled, values, (error, result) =>
        callback(error, error ? result : relabelFields(result)),
      );
    }
    return super.query(relabelled, values).then(relabelFields);
  }
}

/**
 * pg connection settings for a postgres:// URL. Prisma's `schema` parameter becomes the
 * adapter's schema and the connection's search_path.
 */
export function pgConnection(url) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? undefined;
  parsed.searchParams.delete("schema");
  const config = { connectionString: parsed.toString() };
  if (schema) config.options = `-c search_path="${schema.replaceAll('"', '""')}"`;
  return { config, schema };
}

/** The same server and credentials, another database. */
export function pgUrlForDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function pgDatabaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

function fixPgAdapter(adapter, { onDispose } = {}) {
  const pool = adapter.underlyingDriver();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    async executeScript(script) {
      try {
        await pool.query(script);
      } catch (error) {
        // Let the adapter turn the pg error into a driver adapter error.
        adapter.onError(error);
      }
    },
    async dispose() {
      await adapter.dispose();
      await onDispose?.();
    },
  };
}

async function withPgClient(url, fn) {
  const client = new pg.Client(pgConnection(url).config);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Drop a database, closing other sessions on it first (PostgreSQL 13+). */
export async function dropPgDatabase(adminUrl, database) {
  await withPgClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  });
}

function connectPg({ config, schema }) {
  return new PrismaPg(
    { ...config, Client: CatalogTypesClient },
    schema ? { schema } : undefined,
  ).connect();
}

function pgFactory(url, { shadowDatabaseUrl, onConnect, onShadowDatabase }) {
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const adapter = fixPgAdapter(await connectPg(pgConnection(url)));
      onConnect?.(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        // A shadow database of the user's: emptied first, as the native engine does.
        const shadow = pgConnection(shadowDatabaseUrl);
        const schema = quoteIdent(shadow.schema ?? "public");
        await withPgClient(shadowDatabaseUrl, (client) =>
          client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema};`),
        );
        return fixPgAdapter(await connectPg(shadow));
      }
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withPgClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`));
      const shadow = { database, dropped: false };
      const drop = async () => {
        if (shadow.dropped) return;
        shadow.dropped = true;
        await dropPgDatabase(url, database);
      };
      onShadowDatabase?.(drop);
      const adapter = await connectPg(pgConnection(pgUrlForDatabase(url, database)));
      return fixPgAdapter(adapter, { onDispose: drop });
    },
  };
}

// ---------------------------------------------------------------------------

/**
 * A migration-aware adapter factory (connect + connectToShadowDb) for a database URL.
 * `onConnect` sees every main-database adapter (so they can be closed when done, and
 * SQLite files before a reset deletes them); `onShadowDatabase` receives the drop function of every
 * PostgreSQL shadow database created (so none outlives the process).
 */
export function createAdapterFactory(
  url,
  { shadowDatabaseUrl, baseDir, onConnect, onShadowDatabase } = {},
) {
  return providerOf(url) === "sqlite"
    ? sqliteFactory(url, { baseDir, onConnect })
    : pgFactory(url, { shadowDatabaseUrl, onConnect, onShadowDatabase });
}
