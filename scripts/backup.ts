/**
 * `npm run backup -- FILE`: a consistent backup of the database that DATABASE_URL names,
 * taken while the app servers go on serving (docs/decisions/038-backup-and-restore.md).
 * SQLite: a SQLite file made by the online backup API. PostgreSQL: a pg_dump custom archive.
 */
import { parseArgs } from "node:util";
import {
  BackupError,
  backupDatabase,
  ledgerFileOf,
} from "../app/modules/operations/backup.server.ts";
import { getEnv } from "../app/utils/env.server.ts";

const { positionals } = parseArgs({ allowPositionals: true, options: {} });
if (positionals.length !== 1) {
  console.error("usage: npm run backup -- FILE   (the database is DATABASE_URL's)");
  process.exit(2);
}
try {
  const result = await backupDatabase(getEnv().sessionDatabaseUrl, positionals[0]!);
  console.log(
    `Backed up ${result.tables} tables (${result.rows} rows) to ${result.file}; its erasure ledger is ${ledgerFileOf(result.file)}.`,
  );
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
