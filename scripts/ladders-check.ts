/**
 * Validates ladders: `npm run ladders:check [-- <folder>]`. The folder is either one ladder (it
 * holds .yaml files) or a folder of ladders (default: frameworks). Prints every error and every
 * warning, one per line, then a summary; exits 1 when any ladder has errors (warnings alone exit 0).
 */
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { sharedIds } from "../app/modules/ladders/shared-ids.ts";
import { plural } from "../app/utils/plural.ts";
import { formatLadderError } from "../app/modules/ladders/ladder-errors.ts";
import {
  holdsLadderFiles,
  loadAllLadders,
  loadLadderFromDirectory,
  type LoadedLadderFolder,
} from "../app/modules/ladders/load-from-directory.server.ts";

function main(args: string[]): number {
  if (args.includes("--help") || args.includes("-h")) {
    console.log("usage: npm run ladders:check [-- <folder>]   (default folder: frameworks)");
    return 0;
  }
  const target = args[0] ?? "frameworks";
  if (!isFolder(target)) {
    console.log(`ladders:check: ${target} is not a folder`);
    return 1;
  }
  const ladders: LoadedLadderFolder[] = holdsLadderFiles(target)
    ? [{ folder: relative(process.cwd(), resolve(target)) || ".", result: loadLadderFromDirectory(target) }]
    : loadAllLadders(target);
  if (ladders.length === 0) {
    console.log(`ladders:check: no ladders in ${target} (expected .yaml files, or folders of them)`);
    return 1;
  }

  let errorCount = 0;
  let warningCount = 0;
  const failed: string[] = [];
  const valid: string[] = [];
  for (const { folder, result } of ladders) {
    for (const warning of result.warnings) console.log(`${formatLadderError(warning)} (warning)`);
    warningCount += result.warnings.length;
    if (result.ok) {
      const { ladder, hash } = result;
      const levels = ladder.tracks.reduce((sum, track) => sum + track.levels.length, 0);
      valid.push(
        `${folder} (${ladder.meta.id} ${ladder.meta.version}: ${plural(ladder.tracks.length, "# track")}, ${plural(levels, "# level")}, ${plural(ladder.competencies.length, "# competency")}, hash ${hash.slice(0, 12)})`,
      );
      continue;
    }
    for (const error of result.errors) console.log(formatLadderError(error));
    errorCount += result.errors.length;
    failed.push(folder);
  }
  for (const note of sharedIds(ladders.flatMap(({ result }) => (result.ok ? [result.ladder] : [])))) console.log(`ladders:check: note: ${note}`);
  const warned = warningCount === 0 ? "" : `, with ${plural(warningCount, "# warning")} to fix`;
  if (failed.length === 0) {
    console.log(`ladders:check: ${plural(valid.length, "# ladder")} valid${warned}: ${valid.join("; ")}`);
    return 0;
  }
  console.log(`ladders:check: ${plural(errorCount, "# error")} in ${failed.length} of ${plural(ladders.length, "# ladder")} (${failed.join(", ")})${warned}`);
  return 1;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

process.exitCode = main(process.argv.slice(2));
