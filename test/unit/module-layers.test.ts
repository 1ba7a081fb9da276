import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, test } from "vitest";

/**
 * The modules' folders are layered one way, read from the import lines themselves: no two module
 * folders import each other (directly or round a longer loop), and app/platform, the machinery
 * below them, imports no module.
 */

const MODULES = "app/modules";
const PLATFORM = "app/platform";
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|(?:^|[\s;])import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g;

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sources(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The project paths a file imports, as paths from the repository's root (packages left out). */
function importedPaths(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(IMPORT)].flatMap((match) => {
    const specifier = match[1] ?? match[2] ?? match[3]!;
    if (specifier.startsWith("~/")) return [join("app", specifier.slice(2))];
    if (specifier.startsWith(".")) return [join(dirname(file), specifier)];
    return [];
  });
}

/** The module folder a path is in or names (app/modules/people/x.ts and app/modules/people are both people); null for files at the top. */
function moduleFolder(path: string): string | null {
  const rel = relative(MODULES, path);
  if (rel.startsWith("..")) return null;
  const [first, ...rest] = rel.split(sep);
  if (rest.length) return first!;
  try {
    return statSync(join(MODULES, first!)).isDirectory() ? first! : null;
  } catch {
    return null;
  }
}

/** Which module folders each one imports. */
function folderImports(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sources(MODULES)) {
    const from = moduleFolder(file);
    if (!from) continue;
    for (const path of importedPaths(file)) {
      const to = moduleFolder(path);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Each loop of folders, as the path that closes it (a -> b -> a), found once from its first folder. */
function loops(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const done = new Set<string>();
  const visit = (folder: string, path: string[]) => {
    for (const next of edges.get(folder) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) found.push([...path.slice(at), next].join(" -> "));
      else if (!done.has(next)) visit(next, [...path, next]);
    }
    done.add(folder);
  };
  for (const folder of [...edges.keys()].sort()) if (!done.has(folder)) visit(folder, [folder]);
  return found;
}

describe("the modules' layers", () => {
  test("no two module folders import each other, directly or round a loop", () => {
    const edges = folderImports();
    expect(edges.size).toBeGreaterThan(10);
    expect(loops(edges)).toEqual([]);
  });

  test("app/platform imports no module", () => {
    const reaching = sources(PLATFORM).flatMap((file) =>
      importedPaths(file)
        .filter((path) => !relative(MODULES, path).startsWith(".."))
        .map((path) => `${file} -> ${path}`),
    );
    expect(reaching).toEqual([]);
  });
});
