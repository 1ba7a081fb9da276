import { describe, expect, it } from "vitest";
import { ladderJson } from "~/modules/ladders/ladder-json";
import { buildSite, type SiteFile } from "~/components/ladders/site/build-site";
import { relativeHref, sitePaths } from "~/modules/ladders/site/site-paths";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { fixtureLadder, fixtureWith, loadValid } from "./helpers";

/** Where an href found on the page at `from` leads, as a site path (null when it leaves the site). */
function resolveHref(from: string, href: string): string | null {
  if (/^[a-z]+:/i.test(href)) return null;
  const [path = ""] = href.split("#");
  if (path === "") return from;
  const parts = from.split("/").slice(0, -1);
  for (const part of path.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== "." && part !== "") parts.push(part);
  }
  return parts.join("/");
}

const hrefsOf = (file: SiteFile) =>
  [...file.content.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) =>
    match[1]!.replace(/&amp;/g, "&"),
  );

describe("relativeHref", () => {
  it("leads from one site page to another without leaving the site's folder or naming its root", () => {
    expect(relativeHref("index.html", "engineering/index.html")).toBe("engineering/index.html");
    expect(relativeHref("engineering/index.html", "engineering/levels/ic1.html")).toBe(
      "levels/ic1.html",
    );
    expect(relativeHref("engineering/levels/ic1.html", "engineering/levels/ic2.html#testing")).toBe(
      "ic2.html#testing",
    );
    expect(relativeHref("engineering/compare/ic1/ic2.html", "assets/site.css")).toBe(
      "../../../assets/site.css",
    );
    expect(relativeHref("engineering/tracks/ic.html", "engineering/compare/index.html")).toBe(
      "../compare/index.html",
    );
    expect(relativeHref("engineering/search.html", "engineering/search.html")).toBe("search.html");
  });
});

describe("buildSite", () => {
  const ladder = fixtureLadder();
  const files = buildSite([ladder], { title: "Acme ladders" });
  const byPath = new Map(files.map((file) => [file.path, file]));
  const pages = files.filter((file) => file.path.endsWith(".html"));
  const levels = ladder.tracks.flatMap((track) => track.levels);

  it("has a page for the ladder, every track, every level, every competency, every pair of levels, and search", () => {
    const expected = [
      sitePaths.home(),
      sitePaths.ladder("fixture"),
      ...ladder.tracks.map((track) => sitePaths.track("fixture", track.id)),
      ...levels.map((level) => sitePaths.level("fixture", level.id)),
      ...ladder.competencies.map((competency) => sitePaths.competency("fixture", competency.id)),
      sitePaths.compare("fixture"),
      ...levels.flatMap((from) =>
        levels.map((to) => sitePaths.comparison("fixture", from.id, to.id)),
      ),
      sitePaths.search("fixture"),
    ];
    expect(pages.map((page) => page.path).sort()).toEqual(expected.sort());
    expect(byPath.get(sitePaths.level("fixture", "ic3"))!.content).toContain("<h1");
    expect(byPath.get(sitePaths.level("fixture", "ic3"))!.content).toContain(
      "Raises code quality across the team through shared patterns.",
    );
  });

  it("links only relatively, and every link inside the site leads to a file it holds", () => {
    const assets = new Set([sitePaths.stylesheet(), sitePaths.script()]);
    const broken: string[] = [];
    for (const page of pages) {
      for (const href of hrefsOf(page)) {
        expect(href, `${page.path} links to ${href}`).not.toMatch(/^\//);
        const target = resolveHref(page.path, href);
        if (target !== null && !byPath.has(target) && !assets.has(target))
          broken.push(`${page.path} -> ${href}`);
      }
    }
    expect(broken).toEqual([]);
    // Every page is styled, whatever its depth.
    expect(hrefsOf(byPath.get(sitePaths.comparison("fixture", "ic1", "m1"))!)).toContain(
      "../../../assets/site.css",
    );
  });

  it("is a complete HTML document per page, in the system's light or dark theme", () => {
    for (const page of pages) {
      expect(
        page.content.startsWith('<!DOCTYPE html><html lang="en" dir="ltr" data-theme="system">'),
        page.path,
      ).toBe(true);
      expect(page.content).toMatch(/<title>[^<]+ · Acme ladders<\/title>/);
    }
  });

  it("leaves interview material out: candidates read the site", () => {
    const questions = ladder.competencies.flatMap(
      (competency) => competency.interview?.questions.map((question) => question.text) ?? [],
    );
    expect(questions.length).toBeGreaterThan(0);
    for (const page of pages)
      for (const question of questions) expect(page.content, page.path).not.toContain(question);
  });

  it("carries the search index in the search page, with hrefs to the level pages", () => {
    const search = byPath.get(sitePaths.search("fixture"))!.content;
    const json = /<script type="application\/json" id="search-data">(.*?)<\/script>/s.exec(
      search,
    )![1]!;
    const data = JSON.parse(json) as {
      index: { entries: { levelId: string; text: string }[] };
      levels: Record<string, { href: string }>;
    };
    expect(data.index.entries).toContainEqual(
      expect.objectContaining({
        levelId: "ic3",
        text: "Raises code quality across the team through shared patterns.",
      }),
    );
    expect(data.levels["ic3"]!.href).toBe("levels/ic3.html");
  });

  it("writes ladder.json in the documented shape", () => {
    expect(JSON.parse(byPath.get(sitePaths.json("fixture"))!.content)).toEqual(ladderJson(ladder));
  });
});

describe("references", () => {
  const sources = fixtureWith(
    "tracks/ic.yaml",
    "            - text: Acts on review feedback promptly.\n",
    "            - text: Acts on review feedback promptly.\n              links:\n                - title: Review guide\n                  url: https://example.com/review\n",
  );
  const competencies = sources.find((source) => source.file.endsWith("valid/competencies.yaml"))!;
  competencies.text = String(competencies.text).replace(
    "    area: craft\n",
    "    area: craft\n    links:\n      - title: Style guide\n        url: https://example.com/style\n",
  );
  const files = new Map(buildSite([loadValid(sources)]).map((file) => [file.path, file.content]));

  it("shows a statement's and a competency's links on the level and competency pages, opening in the same tab", () => {
    for (const path of [
      sitePaths.level("fixture", "ic1"),
      sitePaths.competency("fixture", "code-quality"),
    ]) {
      expect(files.get(path), path).toContain(
        '<a href="https://example.com/review" rel="noopener"',
      );
      expect(files.get(path), path).toContain('<a href="https://example.com/style" rel="noopener"');
      expect(files.get(path), path).not.toContain('target="_blank"');
    }
  });
});

describe("ladderJson", () => {
  it("gives every field: tracks, levels, competencies, statements with ids and links, scale", () => {
    const ladder = loadValid(
      fixtureWith(
        "tracks/ic.yaml",
        "            - text: Acts on review feedback promptly.\n",
        "            - id: 0b3c9e1a-review.feedback_1\n              text: Acts on review feedback promptly.\n              links:\n                - title: Review guide\n                  url: https://example.com/review\n",
      ),
    );
    const json = ladderJson(ladder);
    expect(json).toMatchObject({
      format: "rungs-ladder",
      formatVersion: 1,
      ladder: { id: "fixture", name: ladder.meta.name, version: ladder.meta.version },
    });
    expect(json.scale).toEqual(
      ladder.scale.map(({ value, label, meaning }) => ({ value, label, meaning })),
    );
    expect(json.tracks.map((track) => track.levels.map((level) => level.id))).toEqual(
      ladder.tracks.map((track) => track.levels.map((level) => level.id)),
    );
    const ic1 = json.tracks[0]!.levels[0]!;
    expect(ic1).toMatchObject({
      id: "ic1",
      title: "Engineer I",
      summary: "Delivers well-defined tasks with guidance.",
      alsoTitled: [],
      sublevels: [],
      target: expect.any(Number),
    });
    expect(ic1.competencies[0]).toEqual({
      competencyId: "code-quality",
      target: expect.any(Number),
      statements: [
        {
          id: null,
          text: "Writes small, readable changes that follow the team's conventions.",
          plainText: "Writes small, readable changes that follow the team's conventions.",
          examples: [],
          links: [],
          inheritedFrom: null,
        },
        {
          id: "0b3c9e1a-review.feedback_1",
          text: "Acts on review feedback promptly.",
          plainText: "Acts on review feedback promptly.",
          examples: ["Extracts a shared helper after a review comment."],
          links: [{ title: "Review guide", url: "https://example.com/review" }],
          inheritedFrom: null,
        },
      ],
    });
    expect(json.competencies.map((competency) => competency.id)).toEqual(
      ladder.competencies.map((competency) => competency.id),
    );
    expect(json.competencies[0]).toEqual({
      id: ladder.competencies[0]!.id,
      name: ladder.competencies[0]!.name,
      description: ladder.competencies[0]!.description,
      areaId: ladder.competencies[0]!.areaId,
      trackIds: ladder.competencies[0]!.trackIds,
      applies: ladder.competencies[0]!.applies,
      links: [],
      inheritedFrom: null,
    });
    expect(json.includes).toEqual([]);
    expect(json.points).toBeNull();
    expect(json.equivalence).toEqual(ladder.equivalence.map((band) => band.levelIdByTrack));
    // Plain data: what a tool reads is what was written.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("a ladder with shared topics", () => {
  const result = loadLadderFromDirectory("docs/examples/structures-ladder");
  if (!result.ok) throw new Error("the structures example should load");
  const ladder = result.ladder;
  const source = ladder.includes![0]!.name;

  it("says in the JSON what is inherited and from where", () => {
    const json = ladderJson(ladder);
    expect(json.includes).toEqual([{ path: ladder.includes![0]!.path, name: source }]);
    const inherited = ladder.competencies.filter((competency) => competency.inheritedFrom);
    expect(inherited.length).toBeGreaterThan(0);
    expect(
      json.competencies
        .filter((competency) => competency.inheritedFrom === source)
        .map((competency) => competency.id),
    ).toEqual(inherited.map((competency) => competency.id));
    expect(
      json.tracks
        .flatMap((track) =>
          track.levels.flatMap((level) => level.competencies.flatMap((entry) => entry.statements)),
        )
        .some((statement) => statement.inheritedFrom === source),
    ).toBe(true);
  });

  it("gives the points scheme in the JSON", () => {
    expect(ladder.points).toBeDefined();
    expect(ladderJson(ladder).points).toEqual(ladder.points);
  });

  it("gives levels' sub-levels in the JSON and on the site's level pages", () => {
    const level = ladder.tracks
      .flatMap((track) => track.levels)
      .find((candidate) => candidate.sublevels.length > 0)!;
    const json = ladderJson(ladder)
      .tracks.flatMap((track) => track.levels)
      .find((candidate) => candidate.id === level.id)!;
    expect(json.sublevels).toEqual(
      level.sublevels.map((sublevel) => ({
        id: sublevel.id,
        title: sublevel.title,
        summary: sublevel.summary ?? null,
      })),
    );
    const page = buildSite([ladder]).find(
      (file) => file.path === sitePaths.level(ladder.meta.id, level.id),
    )!.content;
    for (const sublevel of level.sublevels)
      expect(page).toContain(
        `<li id="sublevel-${sublevel.id}"><span class="font-medium">${sublevel.title}</span>`,
      );
  });

  it("marks inherited competencies on the site's level and competency pages", () => {
    const files = new Map(buildSite([ladder]).map((file) => [file.path, file.content]));
    const competency = ladder.competencies.find((candidate) => candidate.inheritedFrom)!;
    // Beside the competency's area and its name, not only on its inherited statements.
    expect(files.get(sitePaths.competency(ladder.meta.id, competency.id))).toMatch(
      new RegExp(`Area: [^<]*<span[^>]*>from ${source}</span>`),
    );
    const level = ladder.tracks[0]!.levels.find((candidate) =>
      candidate.competencyIds.includes(competency.id),
    )!;
    expect(files.get(sitePaths.level(ladder.meta.id, level.id))).toMatch(
      new RegExp(`${competency.name}</a><span[^>]*>from ${source}</span></h3>`),
    );
  });
});
