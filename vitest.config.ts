import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
    setupFiles: ["./test/setup/setup-test-env.ts"],
    globalSetup: ["./test/setup/global-setup.ts"],
    restoreMocks: true,
    pool: "forks",
  },
});
