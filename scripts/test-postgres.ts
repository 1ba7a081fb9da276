import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startPooler } from "./pooler";
import { startReplica } from "./replica";

/**
 * Runs the database-facing tests (test/integration) against PostgreSQL. The
 * server is TEST_POSTGRES_URL (default postgresql://rungs:rungs@127.0.0.1:5432/rungs);
 * its role needs CREATEDB, since each test file gets its own database.
 *
 * The pages' connections go through PgBouncer in transaction mode, started here in front of that
 * server and stopped at the end (scripts/pooler.ts, decision 102): each test file's DATABASE_URL
 * is the pooler's, and its DATABASE_DIRECT_URL the server's own, for what needs a session of its
 * own (migrations, LISTEN, backups). TEST_POSTGRES_POOLER=off tests without the pooler.
 *
 * A streaming replica of that server (scripts/replica.ts, decision 116), made with pg_basebackup and
 * started beside it, is TEST_POSTGRES_REPLICA_URL for the tests of read replicas; stopped at the end
 * too. TEST_POSTGRES_REPLICA=off tests without it (those tests are then skipped).
 */
const serverUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://rungs:rungs@127.0.0.1:5432/rungs";
const pooler = process.env.TEST_POSTGRES_POOLER === "off" ? null : await startPooler(serverUrl);
const replica =
  process.env.TEST_POSTGRES_REPLICA === "off"
    ? null
    : await startReplica(serverUrl).catch(async (error: unknown) => {
        await pooler?.stop();
        throw error;
      });
const env = {
  ...process.env,
  TEST_DATABASE: "postgresql",
  TEST_POSTGRES_URL: serverUrl,
  // This run's databases are its own (test/setup/databases.ts): another run on the server keeps its.
  TEST_POSTGRES_RUN: process.env.TEST_POSTGRES_RUN ?? randomBytes(3).toString("hex"),
  ...(pooler ? { TEST_POSTGRES_POOLER_URL: pooler.urlFor(serverUrl) } : {}),
  ...(replica ? { TEST_POSTGRES_REPLICA_URL: replica.urlFor(serverUrl) } : {}),
};
if (pooler)
  console.log(`PgBouncer (transaction mode) in front of PostgreSQL on 127.0.0.1:${pooler.port}`);
if (replica)
  console.log(
    `A streaming replica of it on 127.0.0.1:${replica.port} (base backup and start: ${replica.seconds} s)`,
  );
// Files or folders given (`npm run test:postgres -- test/integration/people`) narrow the run; options pass through.
const args = process.argv.slice(2);
const narrowed = args.some((arg) => arg.startsWith("test/integration"));
const started = Date.now();
const vitest = spawn(
  "./node_modules/.bin/vitest",
  ["run", ...(narrowed ? [] : ["test/integration"]), ...args],
  { stdio: "inherit", env },
);
// Stopped from outside (Ctrl-C, a CI timeout): Vitest ends first, then the pooler.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => vitest.kill(signal));
const status = await new Promise<number>((resolve) =>
  vitest.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))),
);
await Promise.all([pooler?.stop(), replica?.stop()]);
const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `PostgreSQL tests ${pooler ? "through PgBouncer" : "direct"}: ${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`,
);
process.exit(status);
