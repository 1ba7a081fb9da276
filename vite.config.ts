import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  server: { port: 3000 },
  build: { target: "es2022" },
  // Server-only native packages: the dependency scan reaches them through *.server.ts
  // imports, but they must never be pre-bundled for the browser.
  optimizeDeps: { exclude: ["@node-rs/argon2", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"] },
  plugins: [tailwindcss(), reactRouter(), tsconfigPaths()],
});
