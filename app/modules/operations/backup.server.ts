import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { checkUrlKeepsSession, NoSessionError } from "~/db/session-url.server";
import { erasuresToReplay } from "~/modules/retention/policy";
import {
  BACKUP_HEADER_BYTES,
  backupKindOf,
  databaseKindOf,
  libpqUrl,
  type BackupKind,
  type TableFingerprint,
} from "./backup-file";

/**
 * Backups and restores of the whole database (docs/decisions/038-backup-and-restore.md).
 *
 * SQLite: SQLite's online backup API copies the file page by page while the server goes on
 * serving (WAL lets writers continue); the copy is one consistent state of the database.
 * PostgreSQL: pg_dump in its custom format (one snapshot, REPEATABLE READ), restored by
 * pg_restore into psql as a single transaction, so a failed restore leaves nothing behind.
 */
export class BackupError extends Error {}

function withoutPassword(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "***";
  return url.toString();
}

/** pg_dump and pg_restore's SQL set session settings (search_path): they need a session of their own (decision 102). */
async function refuseWithoutSession(databaseUrl: string): Promise<void> {
  try {
    await checkUrlKeepsSession(libpqUrl(databaseUrl));
  } catch (error) {
    if (error instanceof NoSessionError)
      throw new BackupError(`${withoutPassword(databaseUrl)}: ${error.message}`);
    throw error;
  }
}

const MIGRATIONS_TABLE = "_prisma_migrations";

export interface BackupResult {
  kind: BackupKind;
  file: string;
  tables: number;
  rows: number;
}

/** An entry of the erasure ledger (decision 091): who was erased, and when; nothing else. */
export type ErasureEntry = { personId: string; erasedAt: Date };

/** The erasure ledger written beside a backup, `FILE.erasures.json`: what a later restore of an older backup must replay. */
export function ledgerFileOf(backupFile: string): string {
  return `${path.resolve(backupFile)}.erasures.json`;
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  const target = path.resolve(file);
  if (!existsSync(path.dirname(target)))
    throw new BackupError(`No folder ${path.dirname(target)} to write the backup into.`);
  if (existsSync(target) && statSync(target).isDirectory())
    throw new BackupError(`${target} is a folder: give a file name for the backup.`);
  // Written beside the target and renamed at the end: a failed backup never leaves a partial file under the name asked for.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const kind = databaseKindOf(databaseUrl);
  // pg_dump sets its session's search_path to nothing: through a pooler in transaction mode that
  // setting stays on a pooled connection and the pages given it next find no table (decision 102).
  if (kind === "postgresql") await refuseWithoutSession(databaseUrl);
  try {
    if (kind === "sqlite") await backupSqlite(sqlitePath(databaseUrl), partial);
    else
      await run("pg_dump", [
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        `--file=${partial}`,
        `--dbname=${libpqUrl(databaseUrl)}`,
      ]);
    renameSync(partial, target);
  } finally {
    rmSync(partial, { force: true });
  }
  const fingerprints =
    kind === "sqlite"
      ? await tableFingerprints(`file:${target}`)
      : await tableFingerprints(databaseUrl);
  // Read after the copy: the ledger beside it holds at least every erasure the backup holds.
  writeLedgerFile(ledgerFileOf(target), await readErasureLedger(databaseUrl));
  return {
    kind,
    file: target,
    tables: fingerprints.length,
    rows: fingerprints.reduce((sum, table) => sum + table.rows, 0),
  };
}

export interface RestoreOptions {
  /** Replace whatever the database holds. Without it a database with any row is refused. */
  force?: boolean;
  /** Erasure ledgers newer than the backup (the files written beside newer backups), whose erasures the restore must replay. */
  ledgers?: readonly string[];
}

export type RestoreResult = BackupResult & {
  /** Erasures in a newer ledger (the database replaced, or a ledger file given) that the restored database lacks: to replay before anyone reads it. */
  erasuresToReplay: ErasureEntry[];
};

export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const source = path.resolve(file);
  const kind = readBackupKind(source);
  const databaseKind = databaseKindOf(databaseUrl);
  if (kind !== databaseKind) {
    throw new BackupError(
      `${source} is a ${label(kind)} backup and DATABASE_URL names a ${label(databaseKind)} database: restore it into the kind of database it came from.`,
    );
  }
  if (kind === "sqlite") checkSqliteBackup(source);
  else await refuseWithoutSession(databaseUrl);
  if (!options.force) {
    const filled = await tablesWithRows(databaseUrl);
    if (filled.length > 0) {
      throw new BackupError(
        `The database is not empty (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? ", …" : ""} hold rows). ` +
          "Restore into an empty database, or add --force to replace everything in it.",
      );
    }
  }
  // The database being replaced may be newer than the backup: its ledger is read before it goes.
  const newer = [
    ...(await readErasureLedger(databaseUrl)),
    ...(options.ledgers ?? []).flatMap(readLedgerFile),
  ];
  if (kind === "sqlite") await restoreSqlite(source, sqlitePath(databaseUrl));
  else await restorePostgres(source, databaseUrl);
  const fingerprints = await tableFingerprints(databaseUrl);
  const erasures = erasuresToReplay(await readErasureLedger(databaseUrl), newer);
  return {
    kind,
    file: source,
    tables: fingerprints.length,
    rows: fingerprints.reduce((sum, table) => sum + table.rows, 0),
    erasuresToReplay: erasures,
  };
}

/** The erasure ledger of a database, read without the app's client (the restore works on any URL); empty before its table exists. */
export async function readErasureLedger(databaseUrl: string): Promise<ErasureEntry[]> {
  const table = "ErasureRecord";
  if (databaseKindOf(databaseUrl) === "sqlite") {
    const file = sqlitePath(databaseUrl);
    if (!existsSync(file)) return [];
    const database = new Database(file, { readonly: true });
    try {
      if (!sqliteTables(database).includes(table)) return [];
      // Prisma stores SQLite dates as milliseconds since the epoch.
      const rows = database.prepare(`SELECT "personId", "erasedAt" FROM "${table}"`).all() as {
        personId: string;
        erasedAt: number | string;
      }[];
      return rows.map((row) => ({ personId: row.personId, erasedAt: new Date(row.erasedAt) }));
    } finally {
      database.close();
    }
  }
  return withPostgres(databaseUrl, async (client) => {
    if (!(await postgresTables(client)).includes(table)) return [];
    const { rows } = await client.query<{ personId: string; erasedAt: Date }>(
      `SELECT "personId", "erasedAt" FROM "${table}"`,
    );
    return rows.map((row) => ({ personId: row.personId, erasedAt: new Date(row.erasedAt) }));
  });
}

function writeLedgerFile(file: string, entries: readonly ErasureEntry[]): void {
  const sorted = [...entries].sort(
    (a, b) => a.erasedAt.getTime() - b.erasedAt.getTime() || a.personId.localeCompare(b.personId),
  );
  writeFileSync(
    file,
    `${JSON.stringify({ erasures: sorted.map((entry) => ({ personId: entry.personId, erasedAt: entry.erasedAt.toISOString() })) }, null, 2)}\n`,
  );
}

function readLedgerFile(file: string): ErasureEntry[] {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) throw new BackupError(`There is no erasure ledger at ${resolved}.`);
  try {
    const parsed = JSON.parse(readFileSync(resolved, "utf8")) as { erasures?: unknown };
    if (!Array.isArray(parsed.erasures)) throw new Error("it has no list of erasures");
    return parsed.erasures.map((entry: unknown) => {
      const { personId, erasedAt } = entry as { personId?: unknown; erasedAt?: unknown };
      if (
        typeof personId !== "string" ||
        typeof erasedAt !== "string" ||
        Number.isNaN(Date.parse(erasedAt))
      )
        throw new Error("an entry lacks a person's id or a date");
      return { personId, erasedAt: new Date(erasedAt) };
    });
  } catch (error) {
    throw new BackupError(`${resolved} is not an erasure ledger: ${(error as Error).message}.`);
  }
}

/** Every table's row count and a digest of its rows (in a stable order), for comparing two databases. */
export async function tableFingerprints(databaseUrl: string): Promise<TableFingerprint[]> {
  if (databaseKindOf(databaseUrl) === "sqlite") {
    const database = new Database(sqlitePath(databaseUrl), { readonly: true, fileMustExist: true });
    try {
      return sqliteTables(database).map((table) =>
        fingerprint(table, database.prepare(`SELECT * FROM "${table}"`).all()),
      );
    } finally {
      database.close();
    }
  }
  return withPostgres(databaseUrl, async (client) => {
    const fingerprints: TableFingerprint[] = [];
    for (const table of await postgresTables(client)) {
      const { rows } = await client.query({ text: `SELECT * FROM "${table}"`, rowMode: "array" });
      fingerprints.push(fingerprint(table, rows));
    }
    return fingerprints;
  });
}

function fingerprint(table: string, rows: unknown[]): TableFingerprint {
  const lines = rows
    .map((row) =>
      JSON.stringify(row, (_key, value: unknown) =>
        typeof value === "bigint" ? value.toString() : value,
      ),
    )
    .sort();
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line).update("\n");
  return { table, rows: rows.length, digest: hash.digest("hex") };
}

function sqlitePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

function sqliteTables(database: Database.Database): string[] {
  const rows = database
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

async function postgresTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((row) => row.name);
}

async function withPostgres<T>(
  databaseUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables (other than the migrations record) that hold at least one row. */
async function tablesWithRows(databaseUrl: string): Promise<string[]> {
  if (databaseKindOf(databaseUrl) === "sqlite") {
    const file = sqlitePath(databaseUrl);
    if (!existsSync(file)) return [];
    const database = new Database(file, { readonly: true });
    try {
      return sqliteTables(database).filter(
        (table) =>
          table !== MIGRATIONS_TABLE &&
          database.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined,
      );
    } finally {
      database.close();
    }
  }
  return withPostgres(databaseUrl, async (client) => {
    const filled: string[] = [];
    for (const table of await postgresTables(client)) {
      if (table === MIGRATIONS_TABLE) continue;
      const { rowCount } = await client.query(`SELECT 1 FROM "${table}" LIMIT 1`);
      if (rowCount) filled.push(table);
    }
    return filled;
  });
}

async function backupSqlite(file: string, partial: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`There is no database at ${file}.`);
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // Every page in each step (as many as better-sqlite3 allows asking for): one step reads one
    // consistent state and finishes the copy. Asking for only the pages that remained made a
    // copy that another connection's commit restarts ask too few again, round after round,
    // while writers kept committing: the test with 50 writers once hung until its timeout.
    await database.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    database.close();
  }
}

function readBackupKind(file: string): BackupKind {
  if (!existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  if (statSync(file).isDirectory())
    throw new BackupError(`${file} is a folder, not a backup file.`);
  const header = new Uint8Array(BACKUP_HEADER_BYTES);
  const descriptor = openSync(file, "r");
  try {
    readSync(descriptor, header, 0, header.length, 0);
  } finally {
    closeSync(descriptor);
  }
  const kind = backupKindOf(header);
  if (!kind)
    throw new BackupError(
      `${file} is not a Rungs backup: it is neither a SQLite database nor a pg_dump archive.`,
    );
  return kind;
}

function checkSqliteBackup(file: string): void {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (!sqliteTables(database).includes(MIGRATIONS_TABLE))
      throw new BackupError(
        `${file} is a SQLite database but not a Rungs one (it has no migrations record).`,
      );
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${file} cannot be read as a SQLite database: ${(error as Error).message}`,
    );
  } finally {
    database.close();
  }
}

async function restoreSqlite(source: string, target: string): Promise<void> {
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restoring`;
  rmSync(partial, { force: true });
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(partial);
  } finally {
    backup.close();
  }
  // The old database's write-ahead log must not be replayed onto the restored file.
  for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(partial, target);
}

async function restorePostgres(source: string, databaseUrl: string): Promise<void> {
  // pg_restore writes the archive as SQL; psql runs it after emptying the schema, all in one
  // transaction: a restore that fails part-way leaves the database as it was.
  const url = libpqUrl(databaseUrl);
  const preamble = "DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n";
  const restore = spawn("pg_restore", ["--no-owner", "--no-privileges", "--file=-", source], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const psql = spawn(
    "psql",
    [
      "--no-psqlrc",
      "--quiet",
      "--single-transaction",
      "--set=ON_ERROR_STOP=1",
      `--dbname=${url}`,
      "--file=-",
    ],
    {
      stdio: ["pipe", "ignore", "pipe"],
    },
  );
  const errors: string[] = [];
  restore.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  psql.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  // psql may stop reading (on the first error) before pg_restore stops writing.
  psql.stdin.on("error", () => undefined);
  psql.stdin.write(preamble);
  restore.stdout.pipe(psql.stdin);
  const [restoreStatus, psqlStatus] = await Promise.all([
    exitStatus(restore, "pg_restore"),
    exitStatus(psql, "psql"),
  ]);
  if (restoreStatus !== 0 || psqlStatus !== 0)
    throw new BackupError(`The restore failed and changed nothing:\n${errors.join("").trim()}`);
}

function exitStatus(child: ReturnType<typeof spawn>, tool: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(missingTool(tool, error)));
    child.on("close", resolve);
  });
}

function missingTool(tool: string, error: Error): Error {
  return (error as NodeJS.ErrnoException).code === "ENOENT"
    ? new BackupError(
        `${tool} is not installed: install PostgreSQL's client tools (Debian: postgresql-client) of the server's major version.`,
      )
    : error;
}

function run(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "ignore", "pipe"] });
    const errors: string[] = [];
    child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
    child.on("error", (error) => reject(missingTool(tool, error)));
    child.on("close", (status) =>
      status === 0
        ? resolve()
        : reject(new BackupError(`${tool} failed:\n${errors.join("").trim()}`)),
    );
  });
}

function label(kind: BackupKind): string {
  return kind === "sqlite" ? "SQLite" : "PostgreSQL";
}
