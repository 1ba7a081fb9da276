import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { sqliteFilePath, type Prisma } from "./client.server";
import { readRows, toSqlite } from "./reads.server";
import { noteStatement } from "./statement-count.server";
import { getEnv } from "~/utils/env.server";

/**
 * Heavy reads without holding up every other request. PostgreSQL runs a statement in
 * its own processes while Node serves other requests; embedded SQLite runs it on
 * Node's one JavaScript thread, so a team overview's walk of the reporting line (a
 * millisecond or two for 250 reports, ~14 for a VP's 5,000) stalled every page
 * of every user for that long. On SQLite these statements run instead on worker
 * threads, each with its own read-only connection: WAL lets them read the last
 * committed state while the app's connection writes. On PostgreSQL it is Prisma's
 * `readRows` (reads.server.ts), on Prisma's pool.
 *
 * Only for single reads that need not see a transaction in progress: a worker reads
 * what is committed. A worker answers a read it has already made from the rows it read,
 * until anything is committed to the database (decision 009). Rows come back as SQLite gives them (numbers, strings, null);
 * callers turn counts into numbers and timestamps into dates, as they must for
 * PostgreSQL's bigints and Date objects anyway (see decision 006, "Raw SQL rules").
 */
export async function readOffLoop<T>(query: Prisma.Sql): Promise<T[]> {
  const env = getEnv();
  if (env.databaseProvider !== "sqlite") return readRows(query) as Promise<T[]>;
  // The workers' connections are not Prisma's, so their statements are counted here.
  noteStatement(query.sql);
  return readers(sqliteFilePath(env.DATABASE_URL)).read(query.sql, query.values.map(toSqlite)) as Promise<T[]>;
}

/**
 * The worker: plain JavaScript, handed over as source so it needs no file of its own
 * in the dev server, the built server or the tests. Statements are prepared once per
 * SQL text (as the app's connection does, sqlite-statements.server.ts).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 10000 });
connection.pragma("cache_size = -65536");
const kept = new Map();
// Rows read since the database last changed: PRAGMA data_version moves whenever another
// connection (the app's, a script's) commits, so a repeated read in between is answered
// from them, and the first read after any commit reads the database again.
const answers = new Map();
let version = null;
parentPort.on("message", ({ id, sql, values }) => {
  try {
    const now = connection.pragma("data_version", { simple: true });
    if (now !== version) {
      answers.clear();
      version = now;
    }
    const key = sql + "\u0000" + JSON.stringify(values);
    let rows = answers.get(key);
    if (!rows) {
      let statement = kept.get(sql);
      if (!statement) {
        if (kept.size >= 200) kept.delete(kept.keys().next().value);
        kept.set(sql, (statement = connection.prepare(sql)));
      }
      rows = statement.all(...values);
      if (answers.size >= 100) answers.delete(answers.keys().next().value);
      answers.set(key, rows);
    }
    parentPort.postMessage({ id, rows });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

type Pending = { resolve(rows: unknown[]): void; reject(error: Error): void };
type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

export class ReadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ReadError";
  }
}

/** Workers for one database file; each takes the next read when it has the fewest waiting. */
class Readers {
  private workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private next = 0;

  constructor(
    readonly file: string,
    private readonly size: number,
  ) {}

  read(sql: string, values: unknown[]): Promise<unknown[]> {
    const slot = this.pick();
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, sql, values });
    });
  }

  close() {
    for (const { worker } of this.workers) void worker.terminate();
    this.workers = [];
  }

  private pick() {
    if (this.workers.length < this.size) return this.start();
    return this.workers.reduce((best, slot) => (slot.pending.size < best.pending.size ? slot : best));
  }

  private start() {
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver } });
    // Idle workers never keep the process alive (the dev server, scripts and tests exit as before).
    worker.unref();
    const slot = { worker, pending: new Map<number, Pending>() };
    worker.on("message", ({ id, rows, error }: Reply) => {
      const waiting = slot.pending.get(id);
      slot.pending.delete(id);
      if (error) waiting?.reject(new ReadError(error.message, error.code));
      else waiting?.resolve(rows ?? []);
    });
    const fail = (error: Error) => {
      // A worker that stopped is replaced on the next read; whatever it was doing fails.
      this.workers = this.workers.filter((other) => other !== slot);
      for (const waiting of slot.pending.values()) waiting.reject(error);
      slot.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new ReadError(`The database reader stopped (exit code ${code}).`)));
    this.workers.push(slot);
    return slot;
  }
}

/** One database, so one set of readers; kept across dev-server reloads, and replaced when the database changes (each test file has its own). */
const globalForReaders = globalThis as unknown as { rungsReaders?: Readers };

function readers(file: string): Readers {
  const current = globalForReaders.rungsReaders;
  if (current?.file === file) return current;
  current?.close();
  return (globalForReaders.rungsReaders = new Readers(file, Math.max(1, Math.min(4, availableParallelism() - 1))));
}
