import { createHash } from "node:crypto";
import path from "node:path";
import { build } from "esbuild";
import type { Plugin } from "vite";

const SUFFIX = "?script";

/**
 * `import src from "./module.ts?script"`: the module bundled with what it imports into one small
 * script of its own, and the address it is served at, for a document sent without the app's
 * scripts to name (decision 167). The address carries the script's hash: built, it is one of the
 * browser build's assets, compressed once and kept by the browser for a year like the rest
 * (decision 131), so a second page with it fetches nothing; in development the server answers it
 * from memory. The same module is imported as it is where the app's scripts run, so what a page
 * does in the browser is written once.
 */
export function pageScripts(): Plugin {
  let base = "/";
  // Development: each script's address and text, as last bundled.
  const served = new Map<string, string>();
  return {
    name: "rungs:page-scripts",
    enforce: "pre",
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const code = served.get(req.url?.split("?")[0] ?? "");
        if (code === undefined) return next();
        res.setHeader("Content-Type", "text/javascript; charset=utf-8");
        res.end(code);
      });
    },
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, {
        skipSelf: true,
      });
      return resolved ? resolved.id + SUFFIX : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const entry = id.slice(0, -SUFFIX.length);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        minify: true,
        format: "iife",
        target: "es2022",
        metafile: true,
        logLevel: "silent",
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(input);
      const code = result.outputFiles[0]!.text;
      const hash = createHash("sha256").update(code).digest("base64url").slice(0, 8);
      const name = path.basename(entry, path.extname(entry)).replaceAll(".", "-");
      const fileName = `assets/${name}-${hash}.js`;
      // The browser's build writes it; the server's build only names it.
      if (this.environment?.mode === "build") {
        if (this.environment.name === "client")
          this.emitFile({ type: "asset", fileName, source: code });
      } else served.set(`${base}${fileName}`, code);
      return `export default ${JSON.stringify(`${base}${fileName}`)};`;
    },
  };
}
