import { reactRouter } from "@react-router/dev/vite";
import tailwindcss from "@tailwindcss/vite";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { constants, brotliCompressSync, gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { pageScripts } from "./scripts/page-script-plugin";

/**
 * Writes each script and stylesheet of the browser's build once more compressed, brotli at its best
 * quality and gzip, for the server to send as they are (server/precompressed.ts, decision 131):
 * compressed once here instead of for each request at the quality a page can afford.
 */
function precompressAssets(): Plugin {
  return {
    name: "rungs:precompress-assets",
    applyToEnvironment: (environment) => environment.name === "client",
    writeBundle(options) {
      const dir = path.join(options.dir ?? "build/client", "assets");
      for (const file of readdirSync(dir).filter((name) => /\.(js|css)$/.test(name))) {
        const text = readFileSync(path.join(dir, file));
        const brotli = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY };
        writeFileSync(path.join(dir, `${file}.br`), brotliCompressSync(text, { params: brotli }));
        writeFileSync(path.join(dir, `${file}.gz`), gzipSync(text, { level: 9 }));
      }
    },
  };
}

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
  plugins: [tailwindcss(), reactRouter(), tsconfigPaths(), pageScripts(), precompressAssets()],
});
