import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { formatLadderError, type Expectation, type Ladder } from "~/modules/ladders";
import type { ImportedLadder, LadderOutputFile, SourceFile } from "~/modules/ladders/import/types";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";

export const IMPORT_FIXTURES = "test/fixtures/import";

/** Every file under `dir` whose name matches, in path order, as the import command reads them. */
export function readSourceFiles(dir: string, pattern: RegExp): SourceFile[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((entry) =>
        entry.isDirectory()
          ? walk(join(folder, entry.name))
          : pattern.test(entry.name)
            ? [join(folder, entry.name)]
            : [],
      );
  return walk(dir).map((path) => ({ path, text: readFileSync(path, "utf8") }));
}

/**
 * The imported files, written to a frameworks folder as the import command writes them (the
 * ladder's folder and the shared folders it includes beside it), loaded by the project's own
 * ladder loader; throws with every error when they do not validate.
 */
export function loadImported(imported: ImportedLadder): Ladder {
  const frameworks = mkdtempSync(join(tmpdir(), "rungs-import-"));
  try {
    const write = (folder: string, files: LadderOutputFile[]) => {
      for (const file of files) {
        mkdirSync(dirname(join(frameworks, folder, file.path)), { recursive: true });
        writeFileSync(join(frameworks, folder, file.path), file.content);
      }
    };
    write(imported.ladderId, imported.files);
    for (const shared of imported.shared ?? []) write(shared.folder, shared.files);
    const result = loadLadderFromDirectory(join(frameworks, imported.ladderId), {
      relativeTo: frameworks,
    });
    if (!result.ok)
      throw new Error(
        `expected a valid ladder:\n${result.errors.map(formatLadderError).join("\n")}`,
      );
    return result.ladder;
  } finally {
    rmSync(frameworks, { recursive: true, force: true });
  }
}

/** Every statement of the ladder, with where it sits. */
export function statementsOf(
  ladder: Ladder,
): { track: string; level: string; competency: string; expectation: Expectation }[] {
  return ladder.tracks.flatMap((track) =>
    track.levels.flatMap((level) =>
      Object.entries(level.expectations).flatMap(([competency, list]) =>
        list.map((expectation) => ({ track: track.id, level: level.id, competency, expectation })),
      ),
    ),
  );
}

export function reportLines(imported: ImportedLadder): string[] {
  return imported.report.map((line) => `${line.file}: ${line.message}`);
}
