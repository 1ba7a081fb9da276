import { build } from "esbuild";
import type { Plugin } from "vite";

const SUFFIX = "?script";

/**
 * `import code from "./module.ts?script"`: the module bundled with what it imports into one small
 * script, as text, for a document sent without the app's scripts to carry under its nonce
 * (decision 167). The same module is imported as it is where the app's scripts run, so what a page
 * does in the browser is written once.
 */
export function pageScripts(): Plugin {
  return {
    name: "rungs:page-scripts",
    enforce: "pre",
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, {
        skipSelf: true,
      });
      return resolved ? resolved.id + SUFFIX : null;
    },
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const result = await build({
        entryPoints: [id.slice(0, -SUFFIX.length)],
        bundle: true,
        write: false,
        minify: true,
        format: "iife",
        target: "es2022",
        metafile: true,
        logLevel: "silent",
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(input);
      return `export default ${JSON.stringify(result.outputFiles[0]!.text.trim())};`;
    },
  };
}
