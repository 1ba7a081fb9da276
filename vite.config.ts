import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  server: { port: 3000 },
  build: { target: "es2022" },
  // Server-only native packages: the dependency scan reaches them through *.server.ts
  // imports, but they must never be pre-bundled for the browser.
  optimizeDeps: {
    exclude: [
      "@node-rs/argon2",
      "better-sqlite3",
      "@prisma/adapter-better-sqlite3",
      "@prisma/adapter-pg",
      "pg",
    ],
  },
  // The server build's entry is server/app.ts (React Router's handler and each request's context),
  // which imports the app's build: one copy of the app's modules in the server.
  environments: { ssr: { build: { rollupOptions: { input: "./server/app.ts" } } } },
  plugins: [tailwindcss(), reactRouter(), tsconfigPaths()],
});
