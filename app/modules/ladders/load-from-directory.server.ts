import { createHash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { check, said } from "./check-messages";
import type { IncludeReader } from "./includes";
import { compareText } from "~/utils/compare";
import { resolveLimits, type LadderLimits } from "./limits";
import {
  loadLadderFromSources,
  type LadderLoadResult,
  type LadderPlace,
  type LoadLadderOptions,
} from "./load-ladder";
import type { LadderSource } from "./source-text";
import { ladderTexts, readTranslation, type LadderTranslation } from "./translations";
import type { LadderError } from "./ladder-errors";
import type { Ladder } from "./types";

export interface LoadFromDirectoryOptions extends Omit<LoadLadderOptions, "root"> {
  /** File names in errors are relative to this folder; defaults to the working directory. */
  relativeTo?: string;
  /** Where `include` paths start; defaults to the folder that holds the ladder's folder. */
  frameworksDir?: string;
}

const LADDER_FILE = /\.ya?ml$/i;
/** Deeper folders than this are not part of any sensible ladder and may be a loop. */
const MAX_FOLDER_DEPTH = 8;
/** A ladder's translations (decision 081): beside its files, never part of its content. */
export const TRANSLATIONS_FOLDER = "translations";

/** Loads the ladder in `dir`: every .yaml/.yml file below it, in path order. */
export function loadLadderFromDirectory(
  dir: string,
  options: LoadFromDirectoryOptions = {},
): LadderLoadResult {
  const base = resolve(options.relativeTo ?? process.cwd());
  const root = displayPath(base, resolve(dir));
  const limits = resolveLimits(options.limits);
  let paths: string[];
  try {
    paths = listLadderFiles(resolve(dir), limits.maxFiles + 1);
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? check("files.folderNotFound")
        : check("files.unreadableFolder", { detail: String(error) });
    return {
      ok: false,
      errors: [{ file: root, line: 0, column: 0, path: "", ...said(reason) }],
      warnings: [],
    };
  }
  const frameworksDir = resolve(options.frameworksDir ?? dirname(resolve(dir)));
  return loadLadderFromSources(readSources(paths, base, limits), {
    ...options,
    root,
    readInclude: includeReader(frameworksDir, base, limits),
    includePath: relative(frameworksDir, resolve(dir)).split(sep).join("/"),
  });
}

/** Sources in path order; oversized files are reported from their size alone, since reading them is the attack. */
function readSources(paths: readonly string[], base: string, limits: LadderLimits): LadderSource[] {
  let total = 0;
  return paths
    .map((path) => ({ path, file: displayPath(base, path) }))
    .sort((a, b) => compareText(a.file, b.file))
    .map(({ path, file }): LadderSource => {
      const size = statSync(path).size;
      total += size;
      if (size > limits.maxFileBytes || total > limits.maxTotalBytes)
        return { file, text: new Uint8Array(0), size };
      return { file, text: readFileSync(path) };
    });
}

/** Reads an include: a folder's ladder files or one .yaml file, inside the frameworks folder (the path's pattern keeps it there). */
function includeReader(frameworksDir: string, base: string, limits: LadderLimits): IncludeReader {
  const read = (path: string) => {
    const full = resolve(frameworksDir, path);
    let isFolder: boolean;
    try {
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) return undefined;
      isFolder = stats.isDirectory();
      if (!isFolder && !(stats.isFile() && LADDER_FILE.test(full))) return undefined;
    } catch {
      return undefined;
    }
    const paths = isFolder ? listLadderFiles(full, limits.maxFiles + 1) : [full];
    return {
      path: relative(frameworksDir, full).split(sep).join("/"),
      sources: readSources(paths, base, limits),
    };
  };
  /** The folders and .yaml files beside an include path that names nothing: one may be what it meant. */
  const nearby = (path: string): string[] => {
    const folder = path.split("/").slice(0, -1).join("/");
    try {
      return readdirSync(resolve(frameworksDir, folder), { withFileTypes: true })
        .filter(
          (entry) =>
            !entry.name.startsWith(".") &&
            (entry.isDirectory() || (entry.isFile() && LADDER_FILE.test(entry.name))),
        )
        .map((entry) => (folder === "" ? entry.name : `${folder}/${entry.name}`));
    } catch {
      return [];
    }
  };
  return Object.assign(read, { nearby });
}

export interface LoadedTranslations {
  /** One per language folder that could be read, in language folder order. */
  translations: LadderTranslation[];
  /** Every problem found; the entries they concern are left out of `translations`. */
  errors: LadderError[];
}

/** Reads `translations/<language>/` beside the ladder in `dir`, each language against the loaded ladder. */
export function loadTranslationsFromDirectory(
  dir: string,
  ladder: Ladder,
  options: Pick<LoadFromDirectoryOptions, "relativeTo" | "limits"> = {},
): LoadedTranslations {
  const base = resolve(options.relativeTo ?? process.cwd());
  const limits = resolveLimits(options.limits);
  const folder = join(resolve(dir), TRANSLATIONS_FOLDER);
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return { translations: [], errors: [] };
  }
  const translations: LadderTranslation[] = [];
  const errors: LadderError[] = [];
  for (const entry of entries
    .filter((item) => !item.name.startsWith("."))
    .sort((a, b) => compareText(a.name, b.name))) {
    const path = join(folder, entry.name);
    if (!entry.isDirectory()) {
      errors.push({
        file: displayPath(base, path),
        line: 0,
        column: 0,
        path: "",
        message: `a translation is a folder named after its language (${TRANSLATIONS_FOLDER}/de/), holding .yaml files`,
      });
      continue;
    }
    const read = readTranslationKept(
      ladder,
      displayPath(base, path),
      entry.name,
      readSources(listLadderFiles(path, limits.maxFiles + 1), base, limits),
      limits,
    );
    errors.push(...read.errors);
    if ("translation" in read) translations.push(read.translation);
  }
  return { translations, errors };
}

type TranslationRead = ReturnType<typeof readTranslation>;

/**
 * Translations read against a ladder, by a digest of all they are read from: the ladder's text
 * keys, the folder and language, the files' names and bytes, and the limits. Reading the same again
 * gives the same result, and parsing a language's YAML takes about a tenth of a second (the four
 * languages of the shipped ladder, 1.2 MB, about half a second), so a reload that changed nothing,
 * or a second load of the same files in the process, reuses the last reading. Results are never
 * changed once read. Kept on globalThis, as the ladder registry is (and across the test files of a
 * worker: test/setup/database.ts keeps this holder); the latest 16 readings.
 */
const kept = globalThis as { rungsTranslationsRead?: Map<string, TranslationRead> };
const KEPT_READINGS = 16;

function readTranslationKept(
  ladder: Ladder,
  folder: string,
  language: string,
  sources: LadderSource[],
  limits: LadderLimits,
): TranslationRead {
  const digest = createHash("sha256");
  for (const part of [folder, language, JSON.stringify(limits)]) digest.update(`${part}\0`);
  for (const { key } of ladderTexts(ladder)) digest.update(`${key}\0`);
  for (const source of sources) {
    digest.update(`\0${source.file}\0${source.size ?? ""}\0`);
    digest.update(source.text);
  }
  const key = digest.digest("hex");
  const readings = (kept.rungsTranslationsRead ??= new Map());
  const earlier = readings.get(key);
  if (earlier !== undefined) return earlier;
  const read = readTranslation(ladder, folder, language, sources, limits);
  readings.set(key, read);
  if (readings.size > KEPT_READINGS) readings.delete(readings.keys().next().value!);
  return read;
}

export interface LoadedLadderFolder {
  /** The ladder's folder, relative like the errors' file names. */
  folder: string;
  result: LadderLoadResult;
}

/** Loads every ladder folder directly inside `frameworksDir`, in name order. */
export function loadAllLadders(
  frameworksDir: string,
  options: LoadFromDirectoryOptions = {},
): LoadedLadderFolder[] {
  const base = resolve(options.relativeTo ?? process.cwd());
  const folders = readdirSync(resolve(frameworksDir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .filter((name) => !isSharedFolder(join(resolve(frameworksDir), name)))
    .sort(compareText);
  const loaded = folders.map((name) => {
    const path = join(resolve(frameworksDir), name);
    return {
      folder: displayPath(base, path),
      result: loadLadderFromDirectory(path, { ...options, frameworksDir }),
    };
  });
  return rejectSharedLadderIds(loaded);
}

/**
 * Ladder ids name ladders in URLs and stored assessments, so two folders may not share one. The
 * later folder is refused, at its id, naming where the earlier one wrote it.
 */
function rejectSharedLadderIds(loaded: LoadedLadderFolder[]): LoadedLadderFolder[] {
  const first = new Map<string, { folder: string; at: LadderPlace }>();
  return loaded.map((entry) => {
    if (!entry.result.ok) return entry;
    const id = entry.result.ladder.meta.id;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, { folder: entry.folder, at: entry.result.idAt });
      return entry;
    }
    const { file, line, column } = earlier.at;
    const message = `ladder id "${id}" is already used by the ladder in ${earlier.folder} (${file}:${line}:${column}); each ladder needs its own id`;
    return {
      ...entry,
      result: {
        ok: false,
        errors: [{ ...entry.result.idAt, path: "ladder.id", message }],
        warnings: entry.result.warnings,
      },
    };
  });
}

/**
 * A folder of shared topics (docs/ladders.md, "Shared topics"): a file has a top-level
 * `shared` and none a `ladder`. It is no ladder of its own; the ladders that include it check it.
 */
function isSharedFolder(dir: string): boolean {
  const limits = resolveLimits();
  const texts = listLadderFiles(dir, limits.maxFiles + 1).map((path) =>
    statSync(path).size > limits.maxFileBytes ? "" : readFileSync(path, "utf8"),
  );
  return (
    texts.some((text) => /^shared:/m.test(text)) && !texts.some((text) => /^ladder:/m.test(text))
  );
}

/** True when `dir` itself holds ladder files, rather than ladder folders. */
export function holdsLadderFiles(dir: string): boolean {
  return readdirSync(resolve(dir), { withFileTypes: true }).some(
    (entry) => entry.isFile() && LADDER_FILE.test(entry.name),
  );
}

function listLadderFiles(dir: string, stopAfter: number): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    const entries: Dirent[] = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (found.length >= stopAfter) return;
      // Symlinks are skipped: they could loop, or reach files outside the ladder.
      if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
      if (depth === 0 && entry.isDirectory() && entry.name === TRANSLATIONS_FOLDER) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && depth < MAX_FOLDER_DEPTH) walk(path, depth + 1);
      else if (entry.isFile() && LADDER_FILE.test(entry.name)) found.push(path);
    }
  };
  walk(dir, 0);
  return found;
}

function displayPath(base: string, path: string): string {
  const shown = relative(base, path) || ".";
  return sep === "/" ? shown : shown.split(sep).join("/");
}
