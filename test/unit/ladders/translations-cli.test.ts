import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES } from "./helpers";

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/ladders-check.ts", ...args],
    { encoding: "utf8" },
  );
  return { status: result.status, lines: result.stdout.trim().split("\n") };
}

const work = mkdtempSync(join(tmpdir(), "rungs-ladder-translations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The translated fixture in a folder of its own, its German file edited. */
function translatedCopy(name: string, edit: (text: string) => string): string {
  const folder = join(work, name);
  cpSync(`${FIXTURES}/translated`, folder, { recursive: true });
  const file = join(folder, "translations/de/ladder.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  return folder;
}

describe("ladders:check on a ladder's translations", () => {
  it("reports a text translated from an earlier source as stale, at its line, with the fingerprint to write, and passes a language in progress", () => {
    const { status, lines } = run(`${FIXTURES}/translated`);
    expect(lines).toEqual([
      `${FIXTURES}/translated/translations/de/ladder.yaml:17:14 levels.ic1.summary: stale: the source text changed since it was translated; translate it again with source "e7c01591" (warning)`,
      `ladders:check: ${FIXTURES}/translated in de (in progress): 8 of 68 texts translated, 1 stale, 59 missing (--missing lists them)`,
      expect.stringMatching(/^ladders:check: 1 ladder valid: /),
    ]);
    expect(status).toBe(0);
  });

  it("lists each missing text at the nearest place the translation writes, when asked", () => {
    const { lines } = run(`${FIXTURES}/translated`, "--missing");
    expect(lines).toContain(
      `${FIXTURES}/translated/translations/de/ladder.yaml:7:5 scale.1.meaning: missing; translate it with source "da5358b5" (warning)`,
    );
    expect(lines).toContain(
      `${FIXTURES}/translated/translations/de/ladder.yaml:1:1 areas.craft.name: missing; translate it with source "c8f02361" (warning)`,
    );
    expect(lines.filter((line) => line.includes(": missing;"))).toHaveLength(59);
  });

  it("fails a language that says it is complete on its stale and missing texts", () => {
    const folder = translatedCopy("complete", (text) => `complete: true\n${text}`);
    const { status, lines } = run(folder);
    expect(status).toBe(1);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /\/complete\/translations\/de\/ladder\.yaml:18:14 levels\.ic1\.summary: stale: the source text changed since it was translated; translate it again with source "e7c01591"$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /\/complete\/translations\/de\/ladder\.yaml:8:5 scale\.1\.meaning: missing; translate it with source "da5358b5"$/,
      ),
    );
    expect(lines.at(-1)).toMatch(/^ladders:check: 60 errors in 1 of 1 ladder /);
  });

  it("refuses a key the ladder does not have, naming the id it lacks", () => {
    const folder = translatedCopy("unknown-id", (text) =>
      text.replace("  code-quality:\n    name:", "  code-qualty:\n    name:"),
    );
    const { status, lines } = run(folder);
    expect(status).toBe(1);
    expect(lines[0]).toMatch(
      /\/unknown-id\/translations\/de\/ladder\.yaml:11:3 competencies\.code-qualty: the ladder has nothing at competencies\.code-qualty \("code-qualty" is not in competencies\)$/,
    );
  });

  it("checks the shipped ladder's translations: every complete language has every text, none stale", () => {
    const { status, lines } = run();
    expect(lines.filter((line) => !line.startsWith("ladders:check:"))).toEqual([]);
    expect(status).toBe(0);
  });
});
