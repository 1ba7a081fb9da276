/**
 * `npm run restore -- FILE [--force]`: loads a backup made by `npm run backup` into the
 * database that DATABASE_URL names. Stop the app servers first. An empty database only,
 * unless --force (which replaces everything in it); a restore that fails changes nothing.
 * The app servers' start applies any migrations newer than the backup.
 */
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase } from "../app/modules/operations/backup.server.ts";
import { getEnv } from "../app/utils/env.server.ts";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
if (positionals.length !== 1) {
  console.error("usage: npm run restore -- FILE [--force]   (into DATABASE_URL's database; --force replaces what it holds)");
  process.exit(2);
}
try {
  const result = await restoreDatabase(getEnv().DATABASE_URL, positionals[0]!, { force: values.force });
  console.log(`Restored ${result.tables} tables (${result.rows} rows) from ${result.file}.`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
