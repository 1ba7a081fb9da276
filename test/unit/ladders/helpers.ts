import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { formatLadderError, type Ladder } from "~/modules/ladders";
import { loadLadderFromSources, type LadderLoadResult } from "~/modules/ladders/load-ladder";
import type { LadderSource } from "~/modules/ladders/source-text";

/** Vitest runs from the repository root, so file names in errors read like the CLI's. */
export const FIXTURES = "test/fixtures/ladders";

/** Every .yaml file under `dir`, as the directory loader would see it. */
export function readSources(dir: string): LadderSource[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(folder, entry.name))
        : entry.name.endsWith(".yaml")
          ? [join(folder, entry.name)]
          : [],
    );
  return walk(dir).map((path) => ({
    file: relative(process.cwd(), path),
    text: readFileSync(path, "utf8"),
  }));
}

/** The valid multi-file fixture ladder, with `from` replaced by `to` in one file. */
export function fixtureWith(file: string, from: string, to: string): LadderSource[] {
  const sources = readSources(`${FIXTURES}/valid`);
  const target = sources.find((source) => source.file === `${FIXTURES}/valid/${file}`);
  if (target === undefined || typeof target.text !== "string")
    throw new Error(`no fixture file ${file}`);
  if (target.text.split(from).length !== 2)
    throw new Error(`"${from}" must occur exactly once in ${file}`);
  target.text = target.text.replace(from, to);
  return sources;
}

/** Errors as the CLI prints them: the clearest way to assert message and position together. */
export function errorLines(result: LadderLoadResult): string[] {
  return result.ok ? [] : result.errors.map(formatLadderError);
}

/** Warnings as ladders:check prints them (without its " (warning)" suffix). */
export function warningLines(result: LadderLoadResult): string[] {
  return result.warnings.map(formatLadderError);
}

export function loadValid(sources: LadderSource[]): Ladder {
  const result = loadLadderFromSources(sources);
  if (!result.ok) throw new Error(`expected a valid ladder:\n${errorLines(result).join("\n")}`);
  return result.ladder;
}

export function fixtureLadder(): Ladder {
  return loadValid(readSources(`${FIXTURES}/valid`));
}
