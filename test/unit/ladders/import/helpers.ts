import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Expectation, Ladder } from "~/modules/ladders";
import type { ImportedLadder, SourceFile } from "~/modules/ladders/import/types";
import { loadValid } from "../helpers";

export const IMPORT_FIXTURES = "test/fixtures/import";

/** Every file under `dir` whose name matches, in path order, as the import command reads them. */
export function readSourceFiles(dir: string, pattern: RegExp): SourceFile[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(folder, entry.name)) : pattern.test(entry.name) ? [join(folder, entry.name)] : []));
  return walk(dir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/** The imported files loaded by the project's own ladder loader; throws with every error when they do not validate. */
export function loadImported(imported: ImportedLadder): Ladder {
  return loadValid(imported.files.map((file) => ({ file: `imported/${file.path}`, text: file.content })));
}

/** Every statement of the ladder, with where it sits. */
export function statementsOf(ladder: Ladder): { track: string; level: string; competency: string; expectation: Expectation }[] {
  return ladder.tracks.flatMap((track) =>
    track.levels.flatMap((level) =>
      Object.entries(level.expectations).flatMap(([competency, list]) => list.map((expectation) => ({ track: track.id, level: level.id, competency, expectation }))),
    ),
  );
}

export function reportLines(imported: ImportedLadder): string[] {
  return imported.report.map((line) => `${line.file}: ${line.message}`);
}
