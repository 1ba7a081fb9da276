import { describe, expect, it } from "vitest";
import type { Ladder } from "~/modules/ladders";
import { importFt } from "~/modules/ladders/import/ft";
import { importMonzo } from "~/modules/ladders/import/monzo";
import { importSnowflake } from "~/modules/ladders/import/snowflake";
import { loadLadderFromDirectory } from "~/modules/ladders/load-from-directory.server";
import { buildSite, type SiteFile } from "~/components/ladders/site/build-site";
import { sitePaths } from "~/modules/ladders/site/site-paths";
import { fixtureLadder } from "./helpers";
import { IMPORT_FIXTURES, loadImported, readSourceFiles } from "./import/helpers";

function loaded(folder: string): Ladder {
  const result = loadLadderFromDirectory(folder);
  if (!result.ok) throw new Error(`${folder} should load`);
  return result.ladder;
}

/**
 * Every link of every page of a built site, followed as a browser would: the file it names must
 * be in the site (or be one of its assets), and the fragment after "#" must be an id on that page.
 */
function brokenLinks(files: SiteFile[]): string[] {
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  const assets = new Set([sitePaths.stylesheet(), sitePaths.script()]);
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    if (!ids.has(path))
      ids.set(
        path,
        new Set([...byPath.get(path)!.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]!)),
      );
    return ids.get(path)!;
  };
  const broken: string[] = [];
  for (const file of files.filter((candidate) => candidate.path.endsWith(".html"))) {
    for (const [, raw] of file.content.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = raw!.replace(/&amp;/g, "&");
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
      const [path = "", fragment] = href.split("#");
      const parts = file.path.split("/").slice(0, -1);
      for (const part of path.split("/")) {
        if (part === "..") parts.pop();
        else if (part !== "." && part !== "") parts.push(part);
      }
      const target = path === "" ? file.path : parts.join("/");
      if (assets.has(target)) continue;
      if (!byPath.has(target)) broken.push(`${file.path} -> ${href}: no such file`);
      else if (
        fragment !== undefined &&
        fragment !== "" &&
        !idsOf(target).has(decodeURIComponent(fragment))
      )
        broken.push(`${file.path} -> ${href}: no such anchor`);
    }
  }
  return broken;
}

describe("a built site, crawled", () => {
  it("has every file and every anchor its links lead to: the fixture and example ladders and imported ones", () => {
    const monzo = loadImported(
      importMonzo([
        ...readSourceFiles(`${IMPORT_FIXTURES}/monzo/frameworks/engineering`, /\.md$/),
        ...readSourceFiles(`${IMPORT_FIXTURES}/monzo/frameworks`, /^generic\.md$/),
      ]),
    );
    const [ftFamily] = readSourceFiles(
      `${IMPORT_FIXTURES}/ft-public/data/job-families`,
      /^engineering\.yml$/,
    );
    const ft = loadImported(importFt(ftFamily!));
    const snowflake = loadImported(
      importSnowflake(
        readSourceFiles(`${IMPORT_FIXTURES}/snowflake`, /^(constants\.js|README\.md)$/),
      ),
    );
    const ladders = [
      fixtureLadder(),
      loaded("docs/examples/structures-ladder"),
      monzo,
      ft,
      snowflake,
    ];
    const site = buildSite(ladders);
    expect(brokenLinks(site)).toEqual([]);
    // Where an imported ladder came from is its metadata: no page names a file on the machine that imported it.
    for (const file of site.filter((candidate) => candidate.path.endsWith(".html")))
      expect(file.content, file.path).not.toContain(IMPORT_FIXTURES);
  });

  it("finds a link to an anchor that is not there", () => {
    const files: SiteFile[] = [
      {
        path: "index.html",
        content:
          '<a href="a.html#here">here</a> <a href="a.html#gone">gone</a> <a href="missing.html">missing</a>',
      },
      { path: "a.html", content: '<h2 id="here">Here</h2>' },
    ];
    expect(brokenLinks(files)).toEqual([
      "index.html -> a.html#gone: no such anchor",
      "index.html -> missing.html: no such file",
    ]);
  });
});
