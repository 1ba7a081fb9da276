/**
 * `npm run links:check` (part of `npm test`): every relative link in README.md and docs/**\/*.md
 * leads somewhere. A link fails when its file does not exist, or when its `#anchor` (in the same
 * file, or `file.md#anchor`) is no heading of that Markdown file by GitHub's rules
 * (scripts/markdown-links.ts). Links to other sites (http, https, mailto) and links inside fenced
 * code blocks are not checked. Prints each failure as file:line and the link, and exits 1.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { anchorsOf, isExternal, linksOf, splitTarget } from "./markdown-links.ts";

const root = process.cwd();

function markdownFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const file = path.posix.join(folder, entry.name);
      if (entry.isDirectory()) return markdownFiles(file);
      return entry.name.endsWith(".md") ? [file] : [];
    });
}

const files = ["README.md", ...markdownFiles("docs")];
const anchors = new Map<string, Set<string>>();
const anchorsIn = (file: string) => {
  let known = anchors.get(file);
  if (!known) {
    known = anchorsOf(readFileSync(path.join(root, file), "utf8"));
    anchors.set(file, known);
  }
  return known;
};

const broken: string[] = [];
let checked = 0;
for (const file of files) {
  for (const { line, target } of linksOf(readFileSync(path.join(root, file), "utf8"))) {
    if (target === "" || isExternal(target)) continue;
    checked += 1;
    const { path: linked, anchor } = splitTarget(target);
    const resolved =
      linked === ""
        ? file
        : linked.startsWith("/")
          ? path.posix.normalize(linked.slice(1))
          : path.posix.join(path.posix.dirname(file), linked);
    const where = `${file}:${line}: ${target}`;
    if (resolved.startsWith("../") || !existsSync(path.join(root, resolved))) {
      broken.push(`${where} (no file ${resolved})`);
      continue;
    }
    if (anchor === null || anchor === "" || !resolved.endsWith(".md")) continue;
    if (statSync(path.join(root, resolved)).isDirectory()) continue;
    if (!anchorsIn(resolved).has(anchor))
      broken.push(`${where} (no heading #${anchor} in ${resolved})`);
  }
}

if (broken.length > 0) {
  for (const line of broken) console.error(line);
  console.error(
    `links:check: ${broken.length} of ${checked} links in ${files.length} files lead nowhere`,
  );
  process.exitCode = 1;
} else {
  console.log(`links:check: ${checked} links in ${files.length} files resolve`);
}
