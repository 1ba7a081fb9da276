import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { copySqliteBase, dropPostgresDatabase, postgresBase, postgresUrlFor, provider, withPostgres } from "./databases";

// A fresh database for this test file, before any app module reads DATABASE_URL.
const name = `rungs_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
if (provider === "postgresql") {
  await withPostgres((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresBase}"`));
  process.env.DATABASE_URL = postgresUrlFor(name);
} else {
  process.env.DATABASE_URL = copySqliteBase(name);
}
process.env.NODE_ENV = "test";
process.env.SECURE_COOKIES = "false";

const global = globalThis as { rungsDb?: { $disconnect(): Promise<void> } };
delete global.rungsDb;

// As in the app, every workflow's to-do provider and hooks are registered; once the test file is
// loaded, so that environment it sets before its imports (vi.hoisted) is what the modules read.
beforeAll(async () => {
  await import("~/modules/workflows.server");
});

afterAll(async () => {
  await global.rungsDb?.$disconnect();
  delete global.rungsDb;
  if (provider === "postgresql") {
    await withPostgres((client) => dropPostgresDatabase(client, name));
  }
});
