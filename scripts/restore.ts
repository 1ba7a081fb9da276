/**
 * `npm run restore -- FILE [--force] [--erasures LEDGER]...`: loads a backup made by `npm run backup`
 * into the database that DATABASE_URL names. Stop the app servers first. An empty database only,
 * unless --force (which replaces everything in it); a restore that fails changes nothing.
 * The app servers' start applies any migrations newer than the backup.
 *
 * Erasures (decision 091): every person a newer erasure ledger names (the database replaced, and
 * each LEDGER given: the `.erasures.json` file written beside a newer backup) whom the restored
 * backup does not have erased is named and erased again before the command ends.
 */
import { parseArgs } from "node:util";
import { BackupError, restoreDatabase } from "../app/modules/operations/backup.server.ts";
import { getEnv } from "../app/utils/env.server.ts";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    force: { type: "boolean", default: false },
    erasures: { type: "string", multiple: true, default: [] },
  },
});
if (positionals.length !== 1) {
  console.error(
    "usage: npm run restore -- FILE [--force] [--erasures LEDGER]...   (into DATABASE_URL's database; --force replaces what it holds)",
  );
  process.exit(2);
}
try {
  const result = await restoreDatabase(getEnv().sessionDatabaseUrl, positionals[0]!, {
    force: values.force,
    ledgers: values.erasures,
  });
  console.log(`Restored ${result.tables} tables (${result.rows} rows) from ${result.file}.`);
  if (result.erasuresToReplay.length) {
    console.log(
      `Erasures to replay, newer than the backup: ${result.erasuresToReplay.map((entry) => `${entry.personId} (erased ${entry.erasedAt.toISOString()})`).join(", ")}.`,
    );
    // The restored database's own migrations may be older than the app's: applied first, as a server's start would.
    const { applyMigrations } = await import("../app/db/migrate.server.ts");
    await applyMigrations(getEnv().sessionDatabaseUrl);
    // Erasure runs every module's part of it, which the workflows register.
    await import("../app/modules/workflows.server.ts");
    const { replayErasures } = await import("../app/modules/retention/pass.server.ts");
    const replayed = await replayErasures(result.erasuresToReplay);
    console.log(
      `Erased again: ${replayed.length} of ${result.erasuresToReplay.length}${replayed.length < result.erasuresToReplay.length ? " (the others are not in this backup)" : ""}.`,
    );
  }
  process.exit(0);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exit(1);
}
