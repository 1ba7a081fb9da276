import { describe, expect, it } from "vitest";
import { loadLadderFromSources } from "~/modules/ladders/load-ladder";
import { ladderJson } from "~/modules/ladders/ladder-json";
import { buildSite } from "~/components/ladders/site/build-site";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import type { LadderSource } from "~/modules/ladders/source-text";
import { errorLines, fixtureLadder, fixtureWith, loadValid, readSources } from "./helpers";

/** The valid fixture with several edits, each of text that occurs once in its file. */
function fixtureWithAll(edits: [file: string, from: string, to: string][]): LadderSource[] {
  const sources = readSources("test/fixtures/ladders/valid");
  for (const [file, from, to] of edits) {
    const target = sources.find((source) => source.file === `test/fixtures/ladders/valid/${file}`)!;
    expect(String(target.text).split(from), `${from} in ${file}`).toHaveLength(2);
    target.text = String(target.text).replace(from, to);
  }
  return sources;
}

const SOURCE = `  description: Small, but uses every part of the format.
  source:
    name: Monzo's progression framework
    url: https://github.com/monzo/progression-framework
    files:
      - frameworks/engineering/backend.md
      - frameworks/generic.md
`;

describe("where a ladder comes from", () => {
  it("is metadata of the ladder: a name, the files it was made from and, where the source is public, its address", () => {
    const ladder = loadValid(
      fixtureWith(
        "ladder.yaml",
        "  description: Small, but uses every part of the format.\n",
        SOURCE,
      ),
    );
    expect(ladder.meta.source).toEqual({
      name: "Monzo's progression framework",
      url: "https://github.com/monzo/progression-framework",
      files: ["frameworks/engineering/backend.md", "frameworks/generic.md"],
    });
    expect(ladderJson(ladder).ladder.source).toEqual(ladder.meta.source);
    expect(fixtureLadder().meta.source).toBeUndefined();
    expect(ladderJson(fixtureLadder()).ladder.source).toBeNull();
  });

  it("is linked from the ladder's page on the published site, and its files are named on no page", () => {
    const ladder = loadValid(
      fixtureWith(
        "ladder.yaml",
        "  description: Small, but uses every part of the format.\n",
        SOURCE,
      ),
    );
    const pages = buildSite([ladder]).filter((file) => file.path.endsWith(".html"));
    const overview = pages.find((file) => file.path === sitePaths.ladder("fixture"))!.content;
    expect(overview).toContain(
      'Imported from <a href="https://github.com/monzo/progression-framework" rel="noopener"',
    );
    for (const page of pages) expect(page.content, page.path).not.toContain("backend.md");
  });

  it("refuses an address that is not a web address and a file path that leaves the source", () => {
    const result = loadLadderFromSources(
      fixtureWith(
        "ladder.yaml",
        "  description: Small, but uses every part of the format.\n",
        "  description: Small.\n  source:\n    name: Ours\n    url: file:///home/me/frameworks\n    files: [../src/monzo/backend.md]\n",
      ),
    );
    expect(errorLines(result)).toEqual([
      `test/fixtures/ladders/valid/ladder.yaml:9:10 ladder.source.url: "file:///home/me/frameworks" is not a web address; links start with http:// or https://`,
      `test/fixtures/ladders/valid/ladder.yaml:10:13 ladder.source.files[0]: "../src/monzo/backend.md" is not a path inside the source; name files relative to its top folder, such as "frameworks/generic.md" (no leading "/", no "..")`,
    ]);
  });
});

describe("a ladder whose source describes nothing", () => {
  const ladder = loadValid(
    fixtureWithAll([
      ["ladder.yaml", "  description: Small, but uses every part of the format.\n", ""],
      [
        "ladder.yaml",
        "    name: Craft\n    description: Building software.\n",
        "    name: Craft\n",
      ],
      ["competencies.yaml", "    description: Readable, changeable code.\n", ""],
      ["tracks/ic.yaml", "    description: Engineers who grow through technical work.\n", ""],
      ["tracks/ic.yaml", "        summary: Delivers well-defined tasks with guidance.\n", ""],
    ]),
  );

  it("loads with those descriptions and summaries left out, as empty text", () => {
    expect(ladder.meta.description).toBe("");
    expect(ladder.areas.find((area) => area.id === "craft")!.description).toBe("");
    expect(
      ladder.competencies.find((competency) => competency.id === "code-quality")!.description,
    ).toBe("");
    expect(ladder.tracks[0]!.description).toBe("");
    expect(ladder.tracks[0]!.levels[0]!.summary).toBe("");
  });

  it("shows nothing in their place: no empty paragraph or block", () => {
    for (const page of buildSite([ladder]).filter((file) => file.path.endsWith(".html"))) {
      expect(page.content, page.path).not.toMatch(
        /<(div|span) class="rich-text[^"]*"[^>]*><\/(div|span)>/,
      );
    }
  });
});
