/**
 * Validates ladders: `npm run ladders:check [-- <folder>] [--missing]`. The folder is either one
 * ladder (it holds .yaml files) or a folder of ladders (default: frameworks). Prints every error and
 * every warning, one per line, then a summary; exits 1 when any ladder has errors (warnings alone
 * exit 0). Each ladder's translations (docs/decisions/081) are checked too: a malformed file or a key
 * the ladder does not have is an error, a stale text is reported, and so is a missing one (each with
 * `--missing`, else counted); in a language that says it is complete, missing and stale are errors.
 */
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { sharedIds } from "../app/modules/ladders/shared-ids.ts";
import { counted } from "./counted.ts";
import { formatLadderError, type LadderError } from "../app/modules/ladders/ladder-errors.ts";
import {
  holdsLadderFiles,
  loadAllLadders,
  loadLadderFromDirectory,
  loadTranslationsFromDirectory,
  type LoadedLadderFolder,
} from "../app/modules/ladders/load-from-directory.server.ts";
import { checkTranslation, type TranslationFinding } from "../app/modules/ladders/translations.ts";
import type { Ladder } from "../app/modules/ladders/types.ts";

function main(args: string[]): number {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(
      "usage: npm run ladders:check [-- <folder>] [--missing]   (default folder: frameworks; --missing lists each text a translation lacks)",
    );
    return 0;
  }
  const listMissing = args.includes("--missing");
  const target = args.find((arg) => !arg.startsWith("--")) ?? "frameworks";
  if (!isFolder(target)) {
    console.log(`ladders:check: ${target} is not a folder`);
    return 1;
  }
  const ladders: LoadedLadderFolder[] = holdsLadderFiles(target)
    ? [
        {
          folder: relative(process.cwd(), resolve(target)) || ".",
          result: loadLadderFromDirectory(target),
        },
      ]
    : loadAllLadders(target);
  if (ladders.length === 0) {
    console.log(
      `ladders:check: no ladders in ${target} (expected .yaml files, or folders of them)`,
    );
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
      const translationErrors = checkTranslations(folder, ladder, listMissing);
      if (translationErrors > 0) {
        errorCount += translationErrors;
        failed.push(folder);
        continue;
      }
      const levels = ladder.tracks.reduce((sum, track) => sum + track.levels.length, 0);
      valid.push(
        `${folder} (${ladder.meta.id} ${ladder.meta.version}: ${counted(ladder.tracks.length, "track", "tracks")}, ${counted(levels, "level", "levels")}, ${counted(ladder.competencies.length, "competency", "competencies")}, hash ${hash.slice(0, 12)})`,
      );
      continue;
    }
    for (const error of result.errors) console.log(formatLadderError(error));
    errorCount += result.errors.length;
    failed.push(folder);
  }
  for (const note of sharedIds(ladders.flatMap(({ result }) => (result.ok ? [result.ladder] : []))))
    console.log(`ladders:check: note: ${note}`);
  const warned =
    warningCount === 0 ? "" : `, with ${counted(warningCount, "warning", "warnings")} to fix`;
  if (failed.length === 0) {
    console.log(
      `ladders:check: ${counted(valid.length, "ladder", "ladders")} valid${warned}: ${valid.join("; ")}`,
    );
    return 0;
  }
  console.log(
    `ladders:check: ${counted(errorCount, "error", "errors")} in ${failed.length} of ${counted(ladders.length, "ladder", "ladders")} (${failed.join(", ")})${warned}`,
  );
  return 1;
}

/** Prints what each translation of the ladder lacks; returns how many errors it printed. */
function checkTranslations(folder: string, ladder: Ladder, listMissing: boolean): number {
  const { translations, errors } = loadTranslationsFromDirectory(folder, ladder);
  for (const error of errors) console.log(formatLadderError(error));
  let errorCount = errors.length;
  const finding = (
    what: string,
    advice: string,
    { key, at, fingerprint }: TranslationFinding,
  ): LadderError => ({
    ...at,
    path: key,
    message: `${what}; ${advice} with source "${fingerprint}"`,
  });
  for (const translation of translations) {
    const report = checkTranslation(ladder, translation);
    const suffix = report.complete ? "" : " (warning)";
    const lines = [
      ...report.stale.map((item) =>
        finding(
          "stale: the source text changed since it was translated",
          "translate it again",
          item,
        ),
      ),
      ...(report.complete || listMissing
        ? report.missing.map((item) => finding("missing", "translate it", item))
        : []),
    ];
    for (const line of lines) console.log(`${formatLadderError(line)}${suffix}`);
    if (report.complete) errorCount += report.stale.length + report.missing.length;
    const translated = report.total - report.missing.length - report.stale.length;
    const state = report.complete ? "complete" : "in progress";
    const listed =
      report.complete || listMissing || report.missing.length === 0
        ? ""
        : " (--missing lists them)";
    console.log(
      `ladders:check: ${folder} in ${translation.language} (${state}): ${translated} of ${report.total} texts translated, ${report.stale.length} stale, ${report.missing.length} missing${listed}`,
    );
  }
  return errorCount;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

process.exitCode = main(process.argv.slice(2));
