import type { Message } from "~/i18n/messages";
import { check, findingOf, said } from "./check-messages";
import { buildLadder } from "./build-ladder";
import { checkApplies, warnQuestionLevels } from "./check-applies";
import { checkCompetencies } from "./check-competencies";
import { checkBranches } from "./check-branches";
import { checkEquivalence } from "./check-equivalence";
import { checkIncludes } from "./check-includes";
import { checkPoints } from "./check-points";
import { checkDuplicateIds, checkSingularSections } from "./check-ids";
import {
  checkCalibrationScales,
  checkChangelog,
  checkScale,
  warnChangelogVersion,
} from "./check-scale";
import { checkTargets } from "./check-targets";
import { warnLongText } from "./check-text-length";
import { checkExpectations, warnRepeatedStatements } from "./check-tracks";
import { ladderContentHash } from "./content-hash.server";
import { resolveIncludes, type IncludeReader, type ResolvedIncludes } from "./includes";
import { sortLadderErrors, type LadderError } from "./ladder-errors";
import { compareText } from "~/utils/compare";
import { resolveLimits, type LadderLimits } from "./limits";
import { errorIn, mergeLadderFiles } from "./merge";
import { readLadderFiles } from "./read-files";
import type { LadderSource } from "./source-text";
import type { Ladder } from "./types";

/**
 * Errors make a ladder unusable, so it is not served. Warnings name something to fix in a ladder
 * that still works: a check added in a release starts as a warning, so a ladder that validated
 * on the release before keeps loading (docs/ladders.md, "Errors and warnings").
 */
export type LadderLoadResult =
  | { ok: true; ladder: Ladder; hash: string; warnings: LadderError[]; idAt: LadderPlace }
  | { ok: false; errors: LadderError[]; warnings: LadderError[] };

/** Where something is written: `frameworks/engineering/ladder.yaml:3:7`. */
export type LadderPlace = Pick<LadderError, "file" | "line" | "column">;

export interface LoadLadderOptions {
  /** Names the ladder in errors that belong to no single file; defaults to the files' common folder. */
  root?: string;
  limits?: Partial<LadderLimits>;
  /** Reads what the ladder's `include` names (relative to the frameworks folder); without it, every include is not found. */
  readInclude?: IncludeReader;
  /** The ladder's own folder relative to the frameworks folder, so an include of itself is seen as a circle. */
  includePath?: string;
}

/**
 * Loads one ladder from its files' contents. Never throws on bad content: it reports every
 * problem it can find, in every file, in one go.
 */
export function loadLadderFromSources(
  sources: readonly LadderSource[],
  options: LoadLadderOptions = {},
): LadderLoadResult {
  const limits = resolveLimits(options.limits);
  const sorted = [...sources].sort((a, b) => compareText(a.file, b.file));
  const root = options.root ?? commonFolder(sorted.map((source) => source.file));
  const rootError = (message: Message): LadderLoadResult => ({
    ok: false,
    errors: [{ file: root, line: 0, column: 0, path: "", ...said(message) }],
    warnings: [],
  });
  if (sorted.length === 0) return rootError(check("files.none"));
  if (sorted.length > limits.maxFiles)
    return rootError(check("files.tooMany", { count: sorted.length, max: limits.maxFiles }));

  const read = readLadderFiles(sorted, limits);
  const includes = resolveIncludes(read.files, options.includePath, options.readInclude, limits);
  const errors: LadderError[] = [
    ...withIncludeSuggestions(read.errors, includes.suggestions),
    ...includes.errors,
  ];
  const parts = mergeLadderFiles(
    read.files,
    root,
    read.complete && includes.complete,
    includes.included,
  );
  errors.push(
    ...checkSingularSections(parts),
    ...checkDuplicateIds(parts),
    ...checkScale(parts),
    ...checkCalibrationScales(parts),
    ...checkChangelog(parts),
    ...checkCompetencies(parts),
    ...checkApplies(parts),
    ...checkExpectations(parts),
    ...checkTargets(parts),
    ...checkEquivalence(parts),
    ...checkBranches(parts),
    ...checkIncludes(parts),
    ...checkPoints(parts),
  );
  const warnings = sortLadderErrors([
    ...warnLongText(parts),
    ...warnChangelogVersion(parts),
    ...warnQuestionLevels(parts),
    ...warnRepeatedStatements(parts),
  ]);
  if (errors.length > 0) return { ok: false, errors: sortLadderErrors(errors), warnings };
  const { file, line, column } = errorIn(parts.ladder!, ["id"], "");
  return {
    ok: true,
    ladder: buildLadder(parts),
    hash: ladderContentHash(parts),
    warnings,
    idAt: { file, line, column },
  };
}

/** An include path the schema refused, when the path it points at exists: the schema's message says which. */
function withIncludeSuggestions(
  errors: readonly LadderError[],
  suggestions: ResolvedIncludes["suggestions"],
): LadderError[] {
  return errors.map((error) => {
    const suggestion = suggestions.find(
      (candidate) => candidate.file === error.file && candidate.path === error.path,
    );
    return suggestion === undefined
      ? error
      : {
          ...error,
          ...said(
            check("includes.meant", { finding: findingOf(error), include: suggestion.include }),
          ),
        };
  });
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
