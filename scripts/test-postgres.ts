import { spawnSync } from "node:child_process";

/**
 * Runs the database-facing tests (test/integration) against PostgreSQL. The
 * server is TEST_POSTGRES_URL (default postgresql://rungs:rungs@127.0.0.1:5432/rungs);
 * its role needs CREATEDB, since each test file gets its own database.
 */
const env = {
  ...process.env,
  TEST_DATABASE: "postgresql",
  TEST_POSTGRES_URL:
    process.env.TEST_POSTGRES_URL ?? "postgresql://rungs:rungs@127.0.0.1:5432/rungs",
};
// Files or folders given (`npm run test:postgres -- test/integration/people`) narrow the run; options pass through.
const args = process.argv.slice(2);
const narrowed = args.some((arg) => arg.startsWith("test/integration"));
const result = spawnSync(
  "./node_modules/.bin/vitest",
  ["run", ...(narrowed ? [] : ["test/integration"]), ...args],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
