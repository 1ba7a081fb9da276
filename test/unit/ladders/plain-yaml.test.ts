import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { readPlainYaml } from "~/modules/ladders/plain-yaml";
import { sha256Hex, sha256HexPortable } from "~/modules/ladders/sha256";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : /\.ya?ml$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

/** The reader is a shortcut: whenever it answers, it must answer exactly what `yaml` reads. */
function expectSameAsYaml(text: string) {
  const fast = readPlainYaml(text, 24);
  if (fast !== undefined) expect(fast).toEqual(parseDocument(text).toJS());
  return fast;
}

describe("the fast reader for plain ladder YAML", () => {
  const wellFormed = [...yamlFiles("frameworks"), ...yamlFiles("docs/examples"), ...yamlFiles("test/fixtures/ladders/valid")];

  test.each(wellFormed)("reads %s exactly as yaml does", (file) => {
    expect(expectSameAsYaml(readFileSync(file, "utf8"))).toBeDefined();
  });

  test.each(yamlFiles("test/fixtures/ladders/malformed"))("on %s it answers as yaml does, or leaves the file to yaml", (file) => {
    expectSameAsYaml(readFileSync(file, "latin1"));
  });

  test.each([
    ["anchors and aliases", "a: &x [1, 2]\nb: *x\n"],
    ["tags", "a: !!str 12\n"],
    ["multi-line plain scalars", "a: one\n  two\n"],
    ["multi-line quoted scalars", 'a: "one\n  two"\n'],
    ["escapes", 'a: "tab\\tquote\\" unicode \\u00e9"\n'],
    ["folded and literal blocks", "a: >-\n  one\n  two\n\n  three\nb: |\n  keep\n    indent\n"],
    ["comments and blank lines", "# top\na: 1 # trailing\n\nb:\n  - x # item\n"],
    ["scalar types", "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2026-11-21\ng: '007'\nh: 0x1F\ni: .inf\n"],
    ["keys and colons", "a: 'x: y'\nb: http://example.com\n'quoted key': 1\n"],
    ["flow collections", "a: [one, 'two', \"three\"]\nb: { ic: ic3, m: m1 }\nc: []\nd: {}\n"],
    ["document markers", "---\na: 1\n...\n"],
    ["duplicate keys", "a: 1\na: 2\n"],
    ["tabs", "a:\t1\n"],
    ["nested lists", "a:\n  - - x\n    - y\n  - z\n"],
  ])("%s: same as yaml, or left to yaml", (_name, text) => {
    expectSameAsYaml(text);
  });
});

describe("sha256", () => {
  test.each(["", "abc", "ladder ✓ — é", "x".repeat(1000)])("the portable implementation matches node:crypto for %j", (text) => {
    const expected = createHash("sha256").update(text, "utf8").digest("hex");
    expect(sha256HexPortable(text)).toBe(expected);
    expect(sha256Hex(text)).toBe(expected);
  });
});
