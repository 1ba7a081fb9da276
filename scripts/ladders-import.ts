/**
 * Imports a ladder from the format a company already keeps:
 *   npm run ladders:import -- --from monzo|ft|pathway|snowflake [--out DIR] [--force] [--id ID] [--family NAME] [--source-url URL|none] SOURCE
 * Writes one ladder folder (default frameworks/<id>) and any shared folder it includes beside it, prints one line per thing of the source
 * it could not place as it was (with the source file), then checks the folder with the ladder
 * loader and counts the source's statements it keeps. Exits 1 when the source cannot be read, the folder exists without --force, or the
 * written ladder does not validate.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { formatLadderError } from "../app/modules/ladders/ladder-errors.ts";
import { loadLadderFromDirectory } from "../app/modules/ladders/load-from-directory.server.ts";
import { importFt } from "../app/modules/ladders/import/ft.ts";
import { keptStatements } from "../app/modules/ladders/import/kept.ts";
import { importMonzo, isMonzoGenericPage } from "../app/modules/ladders/import/monzo.ts";
import { importPathway } from "../app/modules/ladders/import/pathway.ts";
import { importSnowflake } from "../app/modules/ladders/import/snowflake.ts";
import {
  ImportSourceError,
  type ImportedLadder,
  type SourceFile,
} from "../app/modules/ladders/import/types.ts";
import { counted } from "./counted.ts";

const USAGE =
  "usage: npm run ladders:import -- --from monzo|ft|pathway|snowflake [--out DIR] [--force] [--id LADDER_ID] [--family NAME] [--source-url URL|none] SOURCE_DIR";
const FORMATS = ["monzo", "ft", "pathway", "snowflake"] as const;
type Format = (typeof FORMATS)[number];

class UsageError extends Error {}

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    console.log(`ladders:import: ${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let imported: ImportedLadder;
  try {
    imported = importFrom(args.from, args.source, {
      ladderId: args.id,
      family: args.family,
      ...(args.sourceUrl === undefined
        ? {}
        : { sourceUrl: args.sourceUrl === "none" ? null : args.sourceUrl }),
    });
  } catch (error) {
    if (error instanceof ImportSourceError || error instanceof UsageError) {
      console.log(`ladders:import: ${error.message}`);
      return 1;
    }
    throw error;
  }

  const out = args.out ?? join("frameworks", imported.ladderId);
  // Shared folders go beside the ladder's: include paths are relative to the folder that holds it.
  const folders = [
    { path: out, files: imported.files },
    ...(imported.shared ?? []).map((shared) => ({
      path: join(dirname(out), shared.folder),
      files: shared.files,
    })),
  ];
  const existing = folders.filter((folder) => existsSync(folder.path)).map((folder) => folder.path);
  if (existing.length > 0 && !args.force) {
    console.log(
      `ladders:import: ${existing.join(" and ")} already ${existing.length === 1 ? "exists" : "exist"}; nothing was written (pass --force to replace ${existing.length === 1 ? "it" : "them"})`,
    );
    return 1;
  }
  for (const folder of folders) {
    rmSync(folder.path, { recursive: true, force: true });
    for (const file of folder.files) {
      const path = join(folder.path, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  }
  for (const line of imported.report) console.log(`${line.file}: ${line.message}`);

  const result = loadLadderFromDirectory(out);
  if (!result.ok) {
    for (const error of result.errors) console.log(formatLadderError(error));
    console.log(
      `ladders:import: wrote ${out}, but it does not validate (${result.errors.length} errors above)`,
    );
    return 1;
  }
  for (const warning of result.warnings) console.log(`${formatLadderError(warning)} (warning)`);
  const { ladder } = result;
  const levels = ladder.tracks.flatMap((track) => track.levels);
  const statements = levels.reduce(
    (sum, level) =>
      sum + Object.values(level.expectations).reduce((count, list) => count + list.length, 0),
    0,
  );
  const counts = keptStatements(imported.stated, ladder);
  const kept = `keeps ${counts.kept} of the source's ${counted(counts.stated, "statement", "statements")}`;
  const placed =
    imported.report.length === 0
      ? "everything placed"
      : `${counted(imported.report.length, "line", "lines")} above on what was not placed as it was`;
  console.log(
    `ladders:import: wrote ${out} (${ladder.meta.id}: ${counted(ladder.tracks.length, "track", "tracks")}, ${counted(levels.length, "level", "levels")}, ${counted(ladder.competencies.length, "competency", "competencies")}, ${counted(statements, "statement", "statements")}; valid${result.warnings.length === 0 ? "" : `, with ${counted(result.warnings.length, "warning", "warnings")} above`}); ${kept}; ${placed}`,
  );
  return 0;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      from: { type: "string" },
      out: { type: "string" },
      force: { type: "boolean", default: false },
      id: { type: "string" },
      family: { type: "string" },
      "source-url": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help)
    return {
      help: true as const,
      from: "monzo" as Format,
      source: "",
      force: false,
      out: undefined,
      id: undefined,
      family: undefined,
      sourceUrl: undefined,
    };
  const from = values.from;
  if (from === undefined || !(FORMATS as readonly string[]).includes(from))
    throw new Error(`--from must be one of ${FORMATS.join(", ")}`);
  if (positionals.length !== 1) throw new Error("name one source folder");
  const source = positionals[0]!;
  if (!isFolder(source)) throw new Error(`${source} is not a folder`);
  const sourceUrl = values["source-url"];
  if (sourceUrl !== undefined && sourceUrl !== "none" && !/^https?:\/\/\S+$/i.test(sourceUrl))
    throw new Error(`--source-url must be a web address (https://…) or none, not "${sourceUrl}"`);
  return {
    help: false as const,
    from: from as Format,
    source,
    force: values.force,
    out: values.out,
    id: values.id,
    family: values.family,
    sourceUrl,
  };
}

function importFrom(
  format: Format,
  dir: string,
  options: { ladderId?: string; family?: string; sourceUrl?: string | null },
): ImportedLadder {
  if (format === "monzo") return importMonzo(monzoSources(dir), options);
  if (format === "ft") {
    const family = ftJobFamily(dir, options.family);
    return importFt(family.source, options, ftSitePages(family.folder));
  }
  if (format === "snowflake") return importSnowflake(snowflakeSources(dir), options);
  return importPathway(pathwaySources(dir), options);
}

/** Where Snowflake's constants.js may be: under src/ in a checkout of Medium/snowflake, or at the top of a folder holding it alone. */
const SNOWFLAKE_CONSTANTS = ["src/constants.js", "constants.js"];

/** Medium's Snowflake: the checkout's constants.js, and its README.md for the ladder's description. */
function snowflakeSources(dir: string): SourceFile[] {
  const constants = SNOWFLAKE_CONSTANTS.map((name) => join(dir, name)).find((path) =>
    existsSync(path),
  );
  if (constants === undefined)
    throw new UsageError(
      `${dir} holds no constants.js, neither as ${SNOWFLAKE_CONSTANTS.join(" nor as ")} (Snowflake keeps its tracks, milestones and points there)`,
    );
  return [constants, join(dir, "README.md")].filter((path) => existsSync(path)).map(read);
}

/**
 * Every framework page under the folder, and Monzo's generic framework (the page whose path is
 * /generic, frameworks/generic.md in Monzo's repository) from it or the folders above.
 */
function monzoSources(dir: string): SourceFile[] {
  const sources = listFiles(dir, /\.md$/i).map(read);
  if (!sources.some((source) => isMonzoGenericPage(source.text))) {
    for (
      let folder = dirname(resolve(dir)), depth = 0;
      depth < 3;
      folder = dirname(folder), depth++
    ) {
      const generic = readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.md$/i.test(entry.name))
        .map((entry) => read(join(folder, entry.name)))
        .find((source) => isMonzoGenericPage(source.text));
      if (generic !== undefined) {
        sources.push(generic);
        break;
      }
    }
  }
  return sources;
}

/** One job family: the folder's only .yml file, or the one --family names (data/job-families/ of a checkout works too). */
function ftJobFamily(
  dir: string,
  family: string | undefined,
): { source: SourceFile; folder: string } {
  const folder =
    !hasFiles(dir, /\.ya?ml$/i) && isFolder(join(dir, "data", "job-families"))
      ? join(dir, "data", "job-families")
      : dir;
  const families = readdirSync(folder)
    .filter((name) => /\.ya?ml$/i.test(name))
    .map((file) => ({ file, name: file.replace(/\.ya?ml$/i, "") }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = families.map((family) => family.name);
  if (families.length === 0) throw new UsageError(`${folder} holds no job family (.yml) files`);
  if (family === undefined && families.length > 1)
    throw new UsageError(
      `${folder} holds several job families (${names.join(", ")}); pick one with --family NAME`,
    );
  const index = family === undefined ? 0 : names.indexOf(family);
  if (index === -1)
    throw new UsageError(`${folder} has no job family "${family}" (it has ${names.join(", ")})`);
  return { source: read(join(folder, families[index]!.file)), folder };
}

/** The FT site's pages the ladder's description comes from, where the checkout has them (site/ beside data/). */
function ftSitePages(familiesFolder: string): SourceFile[] {
  const pages = join(resolve(familiesFolder), "..", "..", "site", "pages");
  return [join(pages, "job-families.md"), join(pages, "competencies", "how-to-use.md")]
    .filter((path) => existsSync(path))
    .map(read);
}

/** Pathway's map data: the folder holding levels.yaml (products/map/starter of a checkout works too). */
function pathwaySources(dir: string): SourceFile[] {
  const folder =
    !existsSync(join(dir, "levels.yaml")) &&
    existsSync(join(dir, "products", "map", "starter", "levels.yaml"))
      ? join(dir, "products", "map", "starter")
      : dir;
  if (!existsSync(join(folder, "levels.yaml")))
    throw new UsageError(
      `${dir} holds no levels.yaml (pathway's map data: levels.yaml, capabilities/, behaviours/, disciplines/)`,
    );
  return listFiles(folder, /\.ya?ml$/i).map(read);
}

function read(path: string): SourceFile {
  const shown = relative(process.cwd(), resolve(path)) || path;
  return {
    path: sep === "/" ? shown : shown.split(sep).join("/"),
    text: readFileSync(path, "utf8"),
  };
}

function listFiles(dir: string, pattern: RegExp): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      if (entry.name.startsWith(".") || entry.name === "node_modules" || entry.isSymbolicLink())
        continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < 8) walk(path, depth + 1);
      else if (entry.isFile() && pattern.test(entry.name)) found.push(path);
    }
  };
  walk(dir, 0);
  return found;
}

function hasFiles(dir: string, pattern: RegExp): boolean {
  return readdirSync(dir, { withFileTypes: true }).some(
    (entry) => entry.isFile() && pattern.test(entry.name),
  );
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

process.exitCode = main(process.argv.slice(2));
