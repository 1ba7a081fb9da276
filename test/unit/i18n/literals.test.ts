// Words a person reads come from the messages in app/locales, in their language: a .tsx file under
// app/routes or app/components that writes them itself fails here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { interfaceFiles, userFacingLiterals } from "../../i18n/user-facing-literals";

const root = process.cwd();

describe("words in the interface's files", () => {
  test("no file writes a word a person reads", () => {
    const left = interfaceFiles(root).flatMap((path) =>
      userFacingLiterals(path).map(({ line, text }) => `${path}:${line} ${JSON.stringify(text)}`),
    );
    expect(left, "use t() with a key in app/locales (docs/i18n.md)").toEqual([]);
  });

  // A refusal a service or a route throws is shown to the person in their language (app/utils/http.server.ts): it
  // names a message key, never English text. (Pure modules' guards against a programmer's input are not refusals.)
  test("no service or route refuses in English words of its own", () => {
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const files = [
      ...walk("app/modules").filter((path) => path.endsWith(".server.ts")),
      ...walk("app/routes").filter((path) => /\.tsx?$/.test(path)),
    ];
    const worded = files.flatMap((path) =>
      readFileSync(join(root, path), "utf8")
        .split("\n")
        .flatMap((line, index) =>
          /new (NotFound|Forbidden|Invalid|Conflict|Unavailable)Error\(\s*["'`]/.test(line)
            ? [`${path}:${index + 1}`]
            : [],
        ),
    );
    expect(worded, "throw the error with { key } of a message in app/locales").toEqual([]);
  });

  test("the check finds the words it is for", () => {
    const found = userFacingLiterals("test/i18n/fixtures/literals.tsx").map(({ text }) => text);
    expect(found).toEqual([
      "Profile · Rungs",
      "Everything about a person.",
      "Home",
      "Never mind",
      "Save your changes",
      "Your name",
      "Saved",
      "Not saved",
      "Search people",
      ":",
      '["a", "b"].join(", ")',
    ]);
  });
});
