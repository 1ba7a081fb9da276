// Words a person reads come from the messages in app/locales, in their language: a .tsx file under
// app/routes or app/components that writes them itself fails here, unless it is listed as not yet
// converted; a listed file with nothing left to convert fails too, so the list only shrinks.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { interfaceFiles, userFacingLiterals } from "../../i18n/user-facing-literals";

const root = process.cwd();
const baseline = readFileSync("test/i18n/not-yet-translated.txt", "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));

describe("words in the interface's files", () => {
  test("a converted file writes no word a person reads", () => {
    const listed = new Set(baseline);
    const left = interfaceFiles(root)
      .filter((path) => !listed.has(path))
      .flatMap((path) => userFacingLiterals(path).map(({ line, text }) => `${path}:${line} ${JSON.stringify(text)}`));
    expect(left, "use t() with a key in app/locales (docs/i18n.md), or list the file in test/i18n/not-yet-translated.txt").toEqual([]);
  });

  test("every file listed as not yet converted exists and still has words to convert", () => {
    const done = baseline.filter((path) => !existsSync(path) || userFacingLiterals(path).length === 0);
    expect(done, "remove these lines from test/i18n/not-yet-translated.txt").toEqual([]);
  });

  test("the check finds the words it is for", () => {
    const found = userFacingLiterals("test/i18n/fixtures/literals.tsx").map(({ text }) => text);
    expect(found).toEqual(["Profile · Rungs", "Everything about a person.", "Home", "Never mind", "Save your changes", "Your name", "Saved", "Not saved", "Search people"]);
  });
});
