import type { Message } from "~/i18n/messages";
import { check, didYouMean } from "./check-messages";
import type { LadderError, LadderPath } from "./ladder-errors";
import type { LadderLimits } from "./limits";
import { readLadderFiles } from "./read-files";
import { INCLUDE_PATH_PATTERN, type ExpectationData } from "./schema";
import type { LadderSource } from "./source-text";
import type { ValidatedFile } from "./validate-file";
import { errorAt, type ParsedSource } from "./yaml-source";

/** What an `include` path names, read: its canonical path and its files. */
export interface IncludeTarget {
  /** The path relative to the frameworks folder, as one spelling (so a circle is seen whichever way it is written). */
  path: string;
  sources: LadderSource[];
}

/**
 * Reads an include path; undefined when there is no such folder or .yaml file. `nearby` lists
 * the include paths beside a path (the folders and .yaml files in its folder), for suggestions.
 */
export type IncludeReader = ((path: string) => IncludeTarget | undefined) & {
  nearby?: (path: string) => string[];
};

/** Where inherited content comes from: the source's name (pages say "from Generic") and its include path. */
export interface Inheritance {
  name: string;
  include: string;
}

/** The expectations one source gives one level for one competency, and where they are written. */
export interface InheritedExpectations {
  source: ParsedSource;
  path: LadderPath;
  levelId: string;
  competencyId: string;
  expectations: ExpectationData[];
  from: Inheritance;
  /** A shared file names the including ladder's levels on purpose; an included ladder's levels may simply not be there. */
  strictLevels: boolean;
}

export interface IncludedSource {
  from: Inheritance;
  files: ValidatedFile[];
  expectations: InheritedExpectations[];
}

export interface ResolvedIncludes {
  included: IncludedSource[];
  errors: LadderError[];
  /** False when an included file could not be read: ids it might define are unknown. */
  complete: boolean;
  /** For an include the schema refused (`../shared`): the path it most likely meant, by the error's place. */
  suggestions: { file: string; path: string; include: string }[];
}

/** The keys a shared source may hold. */
export const SHARED_KEYS = ["shared", "include", "areas", "competencies", "expectations"] as const;

/**
 * Follows a ladder's `include` list, and each included source's own, depth first: a source's
 * includes come before it. A source reached twice is read once; one reached again while it is
 * being followed closes a circle, reported at the include entry that closes it.
 */
export function resolveIncludes(
  own: readonly ValidatedFile[],
  self: string | undefined,
  read: IncludeReader | undefined,
  limits: LadderLimits,
): ResolvedIncludes {
  const included: IncludedSource[] = [];
  const errors: LadderError[] = [];
  const suggestions: ResolvedIncludes["suggestions"] = [];
  const done = new Set<string>();
  let complete = true;

  const follow = (files: readonly ValidatedFile[], chain: readonly string[]): void => {
    for (const file of files) {
      const raw = file.source.data.include;
      if (raw !== undefined && file.singular.include === undefined) {
        // The schema refused the list (its error is the one to fix): what it would give is unknown, not missing.
        complete = false;
        if (Array.isArray(raw)) {
          raw.forEach((path: unknown, index) => {
            const meant =
              typeof path === "string" && !INCLUDE_PATH_PATTERN.test(path)
                ? insideFrameworks(path)
                : null;
            if (meant !== null && read?.(meant) !== undefined)
              suggestions.push({
                file: file.source.file,
                path: `include[${index}]`,
                include: meant,
              });
          });
        }
      }
      file.singular.include?.forEach((path, index) => {
        const at = (message: Message) => errorAt(file.source, ["include", index], message);
        const target = read?.(path);
        if (target === undefined) {
          errors.push(
            at(
              check("includes.notFound", {
                path,
                hint: didYouMean(path, read?.nearby?.(path) ?? []),
              }),
            ),
          );
          complete = false;
          return;
        }
        if (chain.includes(target.path)) {
          const circle = [...chain.slice(chain.indexOf(target.path)), target.path].join(" → ");
          errors.push(at(check("includes.circle", { path, circle })));
          return;
        }
        if (done.has(target.path)) return;
        done.add(target.path);
        const loaded = readLadderFiles(target.sources, limits);
        errors.push(...loaded.errors);
        if (!loaded.complete) complete = false;
        const shared = loaded.files.find((candidate) => candidate.singular.shared !== undefined);
        const ladder = loaded.files.find((candidate) => candidate.singular.ladder !== undefined);
        if (target.sources.length === 0 || (shared === undefined && ladder === undefined)) {
          if (loaded.complete) errors.push(at(check("includes.neither", { path })));
          else complete = false;
          return;
        }
        if (shared !== undefined && ladder !== undefined) {
          errors.push(at(check("includes.both", { path })));
          return;
        }
        follow(loaded.files, [...chain, target.path]);
        const from: Inheritance = {
          name: shared?.singular.shared?.name ?? ladder!.singular.ladder!.name,
          include: target.path,
        };
        if (shared !== undefined) errors.push(...ladderOnlyKeys(loaded.files));
        included.push({
          from,
          files: loaded.files,
          expectations:
            shared !== undefined
              ? sharedExpectations(loaded.files, from)
              : ladderExpectations(loaded.files, from),
        });
      });
    }
  };

  follow(own, self === undefined ? [] : [self]);
  return { included, errors, complete, suggestions };
}

/** `../shared/generic`, `./shared/generic/` and `/shared/generic` as the path from the frameworks folder they point at. */
function insideFrameworks(path: string): string | null {
  const parts = path.split("/").filter((part) => part !== "" && part !== "." && part !== "..");
  const meant = parts.join("/");
  return INCLUDE_PATH_PATTERN.test(meant) ? meant : null;
}

/** A shared source holds topics only: a scale, tracks or changelog there would be silently ignored. */
function ladderOnlyKeys(files: readonly ValidatedFile[]): LadderError[] {
  return files.flatMap((file) =>
    Object.keys(file.source.data)
      .filter((key) => !(SHARED_KEYS as readonly string[]).includes(key))
      .map((key) =>
        errorAt(
          file.source,
          [],
          check("includes.notShared", { key, keys: SHARED_KEYS.join(", ") }),
          key,
        ),
      ),
  );
}

function sharedExpectations(
  files: readonly ValidatedFile[],
  from: Inheritance,
): InheritedExpectations[] {
  return files.flatMap((file) =>
    Object.entries(file.singular.expectations ?? {}).flatMap(([levelId, byCompetency]) =>
      Object.entries(byCompetency).map(([competencyId, expectations]) => ({
        source: file.source,
        path: ["expectations", levelId, competencyId],
        levelId,
        competencyId,
        expectations,
        from,
        strictLevels: true,
      })),
    ),
  );
}

/** An included ladder lends what its levels expect of its own competencies, by level id. */
function ladderExpectations(
  files: readonly ValidatedFile[],
  from: Inheritance,
): InheritedExpectations[] {
  const own = new Set(
    files.flatMap((file) => file.lists.competencies.map((item) => item.value.id)),
  );
  return files.flatMap((file) =>
    file.lists.tracks.flatMap(({ value: track, index }) =>
      track.levels.flatMap((level, levelIndex) =>
        Object.entries(level.expectations)
          .filter(([competencyId]) => own.has(competencyId))
          .map(([competencyId, expectations]) => ({
            source: file.source,
            path: ["tracks", index, "levels", levelIndex, "expectations", competencyId],
            levelId: level.id,
            competencyId,
            expectations,
            from,
            strictLevels: false,
          })),
      ),
    ),
  );
}
