/**
 * Builds the published ladder site: `npm run ladders:site -- <out-folder> [--title "…"] [--from <folder>]`.
 * Every ladder in the folder of ladders (default: FRAMEWORKS_DIR or frameworks) becomes static
 * pages (overview, tracks, levels, competencies, comparisons, search) and a ladder.json, with
 * relative links only, so the folder can be served by any static host, from a sub-path, or
 * opened from disk. Nothing is written when a ladder does not load: a half-published ladder is
 * worse than none. docs/ladders.md, "Publishing your ladders". A ladder's translations
 * (docs/decisions/081) each make an edition of the whole site in its own folder (de/, fr/, …),
 * linked page to page with the others.
 */
import { cpSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import tailwindcss from "@tailwindcss/vite";
import { build } from "vite";
import { formatLadderError } from "../app/modules/ladders/ladder-errors.ts";
import {
  loadAllLadders,
  loadTranslationsFromDirectory,
} from "../app/modules/ladders/load-from-directory.server.ts";
import { siteEditions } from "../app/modules/ladders/site/site-editions.ts";
import { i18nFor } from "../app/i18n/i18n.server.ts";
import { buildSite } from "../app/components/ladders/site/build-site.tsx";
import { sitePaths } from "../app/modules/ladders/site/site-paths.ts";

const SITE_SOURCES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../app/components/ladders/site",
);

const USAGE =
  'usage: npm run ladders:site -- <out-folder> [--title "Career ladders"] [--from <folder of ladders>]';

function parseArgs(args: string[]): { out: string; title?: string; from: string } | string {
  let out: string | undefined;
  let title: string | undefined;
  let from = process.env.FRAMEWORKS_DIR || "frameworks";
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === "--title" || arg === "--from") {
      const value = args[++index];
      if (!value) return `ladders:site: ${arg} needs a value`;
      if (arg === "--title") title = value;
      else from = value;
    } else if (arg.startsWith("-")) {
      return `ladders:site: unknown option ${arg}`;
    } else if (out === undefined) {
      out = arg;
    } else {
      return "ladders:site: give one out folder";
    }
  }
  if (!out) return "ladders:site: give the folder to write the site to";
  return { out, title, from };
}

async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === "string") {
    console.log(`${parsed}\n${USAGE}`);
    return 1;
  }
  if (!isFolder(parsed.from)) {
    console.log(`ladders:site: ${parsed.from} is not a folder`);
    return 1;
  }
  const loaded = loadAllLadders(parsed.from);
  for (const { result } of loaded)
    for (const warning of result.warnings) console.log(`${formatLadderError(warning)} (warning)`);
  const failed = loaded.filter(({ result }) => !result.ok);
  for (const { result } of failed)
    if (!result.ok) for (const error of result.errors) console.log(formatLadderError(error));
  if (failed.length) {
    console.log(
      `ladders:site: ${failed.map(({ folder }) => folder).join(", ")} did not load; nothing was written (npm run ladders:check shows the same errors)`,
    );
    return 1;
  }
  const ladders = loaded.flatMap(({ folder, result }) => {
    if (!result.ok) return [];
    // A translation's errors leave its wrong entries out, as on the app's pages; ladders:check says the same.
    const { translations, errors } = loadTranslationsFromDirectory(folder, result.ladder);
    for (const error of errors) console.log(`${formatLadderError(error)} (warning)`);
    return [{ ladder: result.ladder, translations }];
  });
  if (ladders.length === 0) {
    console.log(`ladders:site: no ladders in ${parsed.from}`);
    return 1;
  }

  const out = resolve(parsed.out);
  const editions = siteEditions(ladders);
  let written = 0;
  for (const edition of editions) {
    const options = {
      title: parsed.title,
      editions,
      ...(edition.folder === ""
        ? {}
        : {
            edition: {
              language: edition.language,
              sourceTexts: edition.sourceTexts,
              i18n: i18nFor(edition.language),
            },
          }),
    };
    for (const file of buildSite(edition.ladders, options)) {
      const path = join(out, edition.folder, ...file.path.split("/"));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
      written += 1;
    }
  }
  await buildAssets(out);
  // Each edition is a whole site of its own: it carries the same stylesheet and script.
  for (const edition of editions.filter((item) => item.folder !== ""))
    cpSync(
      join(out, dirname(sitePaths.stylesheet())),
      join(out, edition.folder, dirname(sitePaths.stylesheet())),
      { recursive: true },
    );
  const languages =
    editions.length > 1 ? ` in ${editions.map((edition) => edition.language).join(", ")}` : "";
  console.log(
    `ladders:site: ${written} files for ${ladders.map(({ ladder }) => `${ladder.meta.id} ${ladder.meta.version}`).join(", ")}${languages} written to ${parsed.out}; open ${join(parsed.out, sitePaths.home())}`,
  );
  return 0;
}

/**
 * The stylesheet (the app's Tailwind build, with classes from the site's pages) and the
 * script (search and the comparison picker, an IIFE so it runs from file://), built by Vite.
 */
async function buildAssets(out: string) {
  const assets = join(out, dirname(sitePaths.stylesheet()));
  const common = { configFile: false as const, root: SITE_SOURCES, logLevel: "warn" as const };
  await build({
    ...common,
    plugins: [tailwindcss()],
    build: {
      outDir: assets,
      emptyOutDir: false,
      rollupOptions: {
        input: { site: join(SITE_SOURCES, "site.css") },
        output: { assetFileNames: "[name][extname]" },
      },
    },
  });
  await build({
    ...common,
    build: {
      outDir: assets,
      emptyOutDir: false,
      target: "es2020",
      lib: {
        entry: join(SITE_SOURCES, "site-script.ts"),
        formats: ["iife"],
        name: "ladderSite",
        fileName: () => "site.js",
      },
    },
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

process.exitCode = await main(process.argv.slice(2));
