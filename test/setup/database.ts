import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, vi } from "vitest";
import {
  copySqliteBase,
  dropPostgresDatabase,
  postgresBase,
  postgresPoolerUrl,
  postgresTestPrefix,
  postgresUrlFor,
  provider,
  withPostgres,
} from "./databases";

/*
 * The files of a worker share its process (vitest.config.ts: isolate off), so each starts from what
 * a new process would have: the environment as the worker began, none of the app's process-wide
 * holders (`globalThis.rungs…`: the database client, the ladder registry, metrics, servers), real
 * timers, and every module of the app evaluated again, reading this file's database. Only
 * node_modules stay loaded: that is what the sharing saves. And the holders below: caches keyed by
 * a digest of all their results are made from, which no test can make stale (the ladders'
 * translations as read, app/modules/ladders/load-from-directory.server.ts: half a second of parsing
 * in each file that loads the ladders).
 */
const KEPT_ACROSS_FILES = new Set(["rungsTranslationsRead"]);
const worker = globalThis as { testEnvAtStart?: Record<string, string | undefined> } & Record<
  string,
  unknown
>;
worker.testEnvAtStart ??= { ...process.env };
for (const key of Object.keys(process.env))
  if (!(key in worker.testEnvAtStart)) delete process.env[key];
Object.assign(process.env, worker.testEnvAtStart);
for (const key of Object.keys(worker))
  if (key.startsWith("rungs") && !KEPT_ACROSS_FILES.has(key)) delete worker[key];
vi.useRealTimers();
vi.resetModules();

// A fresh database for this test file, before any app module reads DATABASE_URL.
const name = `${postgresTestPrefix}${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
if (provider === "postgresql") {
  await withPostgres(async (client) => {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${postgresBase}"`);
    // Behind the pooler, connections' startup options (random_page_cost and jit, decisions 050 and 132) do not
    // reach the server: set on the database instead, as docs/postgresql-and-scaling.md says.
    if (postgresPoolerUrl) {
      await client.query(`ALTER DATABASE "${name}" SET random_page_cost = 1.1`);
      await client.query(`ALTER DATABASE "${name}" SET jit = off`);
    }
  });
  // Pages through the pooler (transaction mode: no named prepared statements in Debian's 1.18),
  // sessions (migrations, LISTEN, backups) straight to the server (decision 102).
  process.env.DATABASE_URL = postgresPoolerUrl
    ? postgresUrlFor(name, postgresPoolerUrl)
    : postgresUrlFor(name);
  if (postgresPoolerUrl) {
    process.env.DATABASE_DIRECT_URL = postgresUrlFor(name);
    process.env.DATABASE_PREPARED_STATEMENTS = "off";
  }
} else {
  process.env.DATABASE_URL = copySqliteBase(name);
}
process.env.NODE_ENV = "test";
process.env.SECURE_COOKIES = "false";

const global = globalThis as { rungsDb?: { $disconnect(): Promise<void> } };

// As in the app, every workflow's to-do provider and hooks are registered; once the test file is
// loaded, so that environment it sets before its imports (vi.hoisted) is what the modules read.
beforeAll(async () => {
  await import("~/modules/workflows.server");
});

afterAll(async () => {
  await global.rungsDb?.$disconnect();
  delete global.rungsDb;
  // Dropped while the worker's next file runs (a drop waits about a fifth of a second on the
  // server); what a worker's last file leaves, the global teardown drops.
  if (provider === "postgresql") {
    void withPostgres((client) => dropPostgresDatabase(client, name)).catch(() => undefined);
  }
});
