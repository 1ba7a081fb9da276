import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, vi } from "vitest";
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

// As in the app: every workflow's to-do provider and deactivation hook, registered once.
await import("~/modules/workflows.server");

const global = globalThis as { rungsDb?: { $disconnect(): Promise<void> } };
delete global.rungsDb;

// An unexpected console.error fails the test; tests that expect one spy on it.
beforeEach(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error was called: ${args.map(String).join(" ")}`);
  });
});

afterAll(async () => {
  await global.rungsDb?.$disconnect();
  delete global.rungsDb;
  if (provider === "postgresql") {
    await withPostgres((client) => dropPostgresDatabase(client, name));
  }
});
