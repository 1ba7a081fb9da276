import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/unit/**/*.test.{ts,tsx}", "test/integration/**/*.test.ts"],
    setupFiles: ["./test/setup/setup-test-env.ts"],
    globalSetup: ["./test/setup/global-setup.ts"],
    restoreMocks: true,
    // Guards against hangs, not speed checks: database tests share two cores with the app build in CI.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
