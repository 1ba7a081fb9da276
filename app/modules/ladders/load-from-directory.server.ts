import { readdirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { compareText } from "./ladder-errors";
import { resolveLimits } from "./limits";
import { loadLadderFromSources, type LadderLoadResult, type LoadLadderOptions } from "./load-ladder";
import type { LadderSource } from "./source-text";

export interface LoadFromDirectoryOptions extends Omit<LoadLadderOptions, "root"> {
  /** File names in errors are relative to this folder; defaults to the working directory. */
  relativeTo?: string;
}

const LADDER_FILE = /\.ya?ml$/i;
/** Deeper folders than this are not part of any sensible ladder and may be a loop. */
const MAX_FOLDER_DEPTH = 8;

/** Loads the ladder in `dir`: every .yaml/.yml file below it, in path order. */
export function loadLadderFromDirectory(dir: string, options: LoadFromDirectoryOptions = {}): LadderLoadResult {
  const base = resolve(options.relativeTo ?? process.cwd());
  const root = displayPath(base, resolve(dir));
  const limits = resolveLimits(options.limits);
  let paths: string[];
  try {
    paths = listLadderFiles(resolve(dir), limits.maxFiles + 1);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "folder not found" : `cannot read folder (${String(error)})`;
    return { ok: false, errors: [{ file: root, line: 0, column: 0, path: "", message: reason }] };
  }
  let total = 0;
  const sources = paths
    .map((path) => ({ path, file: displayPath(base, path) }))
    .sort((a, b) => compareText(a.file, b.file))
    .map(({ path, file }): LadderSource => {
      const size = statSync(path).size;
      total += size;
      // Oversized files are reported from their size alone; reading them is the attack.
      if (size > limits.maxFileBytes || total > limits.maxTotalBytes) return { file, text: new Uint8Array(0), size };
      return { file, text: readFileSync(path) };
    });
  return loadLadderFromSources(sources, { ...options, root });
}

export interface LoadedLadderFolder {
  /** The ladder's folder, relative like the errors' file names. */
  folder: string;
  result: LadderLoadResult;
}

/** Loads every ladder folder directly inside `frameworksDir`, in name order. */
export function loadAllLadders(frameworksDir: string, options: LoadFromDirectoryOptions = {}): LoadedLadderFolder[] {
  const base = resolve(options.relativeTo ?? process.cwd());
  const folders = readdirSync(resolve(frameworksDir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort(compareText);
  const loaded = folders.map((name) => {
    const path = join(resolve(frameworksDir), name);
    return { folder: displayPath(base, path), result: loadLadderFromDirectory(path, options) };
  });
  return rejectSharedLadderIds(loaded);
}

/** Ladder ids name ladders in URLs and stored assessments, so two folders may not share one. */
function rejectSharedLadderIds(loaded: LoadedLadderFolder[]): LoadedLadderFolder[] {
  const firstFolder = new Map<string, string>();
  return loaded.map((entry) => {
    if (!entry.result.ok) return entry;
    const id = entry.result.ladder.meta.id;
    const earlier = firstFolder.get(id);
    if (earlier === undefined) {
      firstFolder.set(id, entry.folder);
      return entry;
    }
    const message = `ladder id "${id}" is already used by the ladder in ${earlier}; each ladder needs its own id`;
    return { ...entry, result: { ok: false, errors: [{ file: entry.folder, line: 0, column: 0, path: "", message }] } };
  });
}

/** True when `dir` itself holds ladder files, rather than ladder folders. */
export function holdsLadderFiles(dir: string): boolean {
  return readdirSync(resolve(dir), { withFileTypes: true }).some((entry) => entry.isFile() && LADDER_FILE.test(entry.name));
}

function listLadderFiles(dir: string, stopAfter: number): string[] {
  const found: string[] = [];
  const walk = (folder: string, depth: number): void => {
    const entries: Dirent[] = readdirSync(folder, { withFileTypes: true });
    for (const entry of entries) {
      if (found.length >= stopAfter) return;
      // Symlinks are skipped: they could loop, or reach files outside the ladder.
      if (entry.name.startsWith(".") || entry.isSymbolicLink()) continue;
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
