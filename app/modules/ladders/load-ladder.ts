import { buildLadder } from "./build-ladder";
import { checkApplies, checkQuestionLevels } from "./check-applies";
import { checkCompetencies } from "./check-competencies";
import { checkBranches } from "./check-branches";
import { checkEquivalence } from "./check-equivalence";
import { checkDuplicateIds, checkSingularSections } from "./check-ids";
import { checkCalibrationScales, checkChangelog, checkScale } from "./check-scale";
import { checkTargets } from "./check-targets";
import { checkExpectations } from "./check-tracks";
import { ladderContentHash } from "./content-hash.server";
import { compareText, sortLadderErrors, type LadderError } from "./ladder-errors";
import { formatBytes, resolveLimits, type LadderLimits } from "./limits";
import { mergeLadderFiles } from "./merge";
import { byteLength, readSourceText, type LadderSource } from "./source-text";
import type { Ladder } from "./types";
import { validateLadderFile, type ValidatedFile } from "./validate-file";
import { parseLadderYaml } from "./yaml-source";

export type LadderLoadResult = { ok: true; ladder: Ladder; hash: string } | { ok: false; errors: LadderError[] };

export interface LoadLadderOptions {
  /** Names the ladder in errors that belong to no single file; defaults to the files' common folder. */
  root?: string;
  limits?: Partial<LadderLimits>;
}

/**
 * Loads one ladder from its files' contents. Never throws on bad content: it reports every
 * problem it can find, in every file, in one go.
 */
export function loadLadderFromSources(sources: readonly LadderSource[], options: LoadLadderOptions = {}): LadderLoadResult {
  const limits = resolveLimits(options.limits);
  const sorted = [...sources].sort((a, b) => compareText(a.file, b.file));
  const root = options.root ?? commonFolder(sorted.map((source) => source.file));
  const rootError = (message: string): LadderLoadResult => ({ ok: false, errors: [{ file: root, line: 0, column: 0, path: "", message }] });
  if (sorted.length === 0) return rootError("no ladder files found; a ladder is a folder of .yaml files");
  if (sorted.length > limits.maxFiles) {
    return rootError(`too many files (${sorted.length}); a ladder may have at most ${limits.maxFiles}`);
  }

  const errors: LadderError[] = [];
  const files: ValidatedFile[] = [];
  let totalBytes = 0;
  let complete = true;
  for (const source of sorted) {
    totalBytes += byteLength(source);
    if (totalBytes > limits.maxTotalBytes) {
      errors.push({
        file: source.file,
        line: 1,
        column: 1,
        path: "",
        message: `the ladder's files add up to more than ${formatBytes(limits.maxTotalBytes)}; this file and the ones after it were not read`,
      });
      complete = false;
      break;
    }
    const text = readSourceText(source, limits);
    if (!text.ok) {
      errors.push(text.error);
      complete = false;
      continue;
    }
    const parsed = parseLadderYaml(source.file, text.text, limits);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      complete = false;
      continue;
    }
    const validated = validateLadderFile(parsed.source);
    errors.push(...validated.errors);
    files.push(validated);
  }

  const parts = mergeLadderFiles(files, root, complete && files.every((file) => file.readAll));
  errors.push(
    ...checkSingularSections(parts),
    ...checkDuplicateIds(parts),
    ...checkScale(parts),
    ...checkCalibrationScales(parts),
    ...checkChangelog(parts),
    ...checkCompetencies(parts),
    ...checkApplies(parts),
    ...checkQuestionLevels(parts),
    ...checkExpectations(parts),
    ...checkTargets(parts),
    ...checkEquivalence(parts),
    ...checkBranches(parts),
  );
  if (errors.length > 0) return { ok: false, errors: sortLadderErrors(errors) };
  return { ok: true, ladder: buildLadder(parts), hash: ladderContentHash(parts) };
}

function commonFolder(files: readonly string[]): string {
  const folders = files.map((file) => file.split("/").slice(0, -1));
  const [first = []] = folders;
  let length = first.length;
  for (const folder of folders) {
    let same = 0;
    while (same < Math.min(length, folder.length) && folder[same] === first[same]) same += 1;
    length = same;
  }
  return length === 0 ? "." : first.slice(0, length).join("/");
}
