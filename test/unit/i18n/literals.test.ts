// Words a person reads come from the messages in app/locales, in their language: a .tsx file under
// app/routes or app/components that writes them itself fails here.
import { describe, expect, test } from "vitest";
import { interfaceFiles, userFacingLiterals } from "../../i18n/user-facing-literals";

const root = process.cwd();

describe("words in the interface's files", () => {
  test("no file writes a word a person reads", () => {
    const left = interfaceFiles(root).flatMap((path) => userFacingLiterals(path).map(({ line, text }) => `${path}:${line} ${JSON.stringify(text)}`));
    expect(left, "use t() with a key in app/locales (docs/i18n.md)").toEqual([]);
  });

  test("the check finds the words it is for", () => {
    const found = userFacingLiterals("test/i18n/fixtures/literals.tsx").map(({ text }) => text);
    expect(found).toEqual(["Profile · Rungs", "Everything about a person.", "Home", "Never mind", "Save your changes", "Your name", "Saved", "Not saved", "Search people"]);
  });
});
