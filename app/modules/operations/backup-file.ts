/**
 * What a backup file holds, told from its first bytes: Rungs writes SQLite backups as
 * SQLite database files and PostgreSQL backups in pg_dump's custom format.
 */
export type BackupKind = "sqlite" | "postgresql";

const SQLITE_HEADER = "SQLite format 3\0";
const PG_DUMP_HEADER = "PGDMP";

/** The number of leading bytes `backupKindOf` needs. */
export const BACKUP_HEADER_BYTES = SQLITE_HEADER.length;

export function backupKindOf(header: Uint8Array): BackupKind | null {
  const text = String.fromCharCode(...header.subarray(0, BACKUP_HEADER_BYTES));
  if (text === SQLITE_HEADER) return "sqlite";
  if (text.startsWith(PG_DUMP_HEADER)) return "postgresql";
  return null;
}

export function databaseKindOf(databaseUrl: string): BackupKind {
  return databaseUrl.startsWith("file:") ? "sqlite" : "postgresql";
}

/**
 * Prisma's connection parameters that libpq (pg_dump, pg_restore, psql) does not know and
 * refuses; everything else in the URL (sslmode, host, port, credentials) is passed through.
 */
const PRISMA_ONLY_PARAMETERS = [
  "schema",
  "connection_limit",
  "pool_timeout",
  "pgbouncer",
  "statement_cache_size",
  "socket_timeout",
];

export function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  for (const name of PRISMA_ONLY_PARAMETERS) url.searchParams.delete(name);
  return url.toString();
}

/** One table's rows as the round-trip compares them: how many, and a digest of their content. */
export interface TableFingerprint {
  table: string;
  rows: number;
  digest: string;
}

/** Tables whose fingerprints differ between two databases (missing on either side included). */
export function differingTables(left: TableFingerprint[], right: TableFingerprint[]): string[] {
  const byName = new Map(right.map((fingerprint) => [fingerprint.table, fingerprint]));
  const differing = left.filter((fingerprint) => {
    const other = byName.get(fingerprint.table);
    return !other || other.rows !== fingerprint.rows || other.digest !== fingerprint.digest;
  });
  const leftNames = new Set(left.map((fingerprint) => fingerprint.table));
  const missing = right.filter((fingerprint) => !leftNames.has(fingerprint.table));
  return [...differing, ...missing].map((fingerprint) => fingerprint.table).sort();
}
