import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";
import { pageScripts } from "./scripts/page-script-plugin";
import { serverNodeFlags } from "./scripts/serve-flags.mjs";

/**
 * Two projects. "pure": test/unit, logic without a database, run in worker threads that keep the
 * modules they imported between files (nothing there keeps state in a module). "database":
 * test/integration, each file on its own real database (a copy of one migrated base), in worker
 * processes that keep node_modules loaded between files: each file starts with the app's modules
 * evaluated again, its environment and the app's process-wide holders as a new process has them
 * (test/setup/database.ts). Starting a process per file was half the run's CPU.
 * `vitest run --project pure` runs the first alone.
 *
 * A worker per core, not Vitest's default of one fewer: a database test spends much of its time
 * waiting on its database, a spawned command or a server, and on two cores one worker left the
 * other core idle.
 */
export default defineConfig({
  plugins: [tsconfigPaths(), pageScripts()],
  test: {
    restoreMocks: true,
    maxWorkers: availableParallelism(),
    // Guards against hangs, not speed checks: database tests share two cores with the app build in CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "pure",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          setupFiles: [
            "./test/setup/no-database.ts",
            "./test/setup/console-errors.ts",
            "./test/setup/i18n.ts",
          ],
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "database",
          include: ["test/integration/**/*.test.ts"],
          setupFiles: [
            "./test/setup/database.ts",
            "./test/setup/console-errors.ts",
            "./test/setup/i18n.ts",
          ],
          globalSetup: ["./test/setup/global-setup.ts"],
          pool: "forks",
          // The server's Node flags (decision 156): the app's request context costs the tests as it does the server.
          execArgv: serverNodeFlags(),
          isolate: false,
        },
      },
    ],
  },
});
