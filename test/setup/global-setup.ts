import { applyMigrations } from "../../app/db/migrate.server";
import {
  dropPostgresDatabase,
  postgresBase,
  postgresTestPrefix,
  postgresUrlFor,
  provider,
  resetSqliteDir,
  sqliteBase,
  withPostgres,
} from "./databases";

async function dropTestDatabases() {
  await withPostgres(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [postgresTestPrefix],
    );
    for (const { datname } of rows) await dropPostgresDatabase(client, datname);
  });
}

/** Migrates the base database once; each test file then gets a copy of it. */
export default async function setup() {
  if (provider === "postgresql") {
    await dropTestDatabases();
    await withPostgres((client) => client.query(`CREATE DATABASE "${postgresBase}"`));
    await applyMigrations(postgresUrlFor(postgresBase));
    return async () => dropTestDatabases();
  }
  resetSqliteDir();
  await applyMigrations(`file:${sqliteBase}`);
  return undefined;
}
