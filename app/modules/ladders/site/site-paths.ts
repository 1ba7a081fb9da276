/**
 * Where each page of the published ladder site lives, as a path from the site's root folder,
 * and links between pages as relative hrefs: the site works from any sub-path of any static
 * host and from file://, so no link starts at "/" and every link names its file (a folder link
 * opens a directory listing from disk, not its index.html).
 */
export const sitePaths = {
  home: () => "index.html",
  stylesheet: () => "assets/site.css",
  script: () => "assets/site.js",
  ladder: (ladderId: string) => `${ladderId}/index.html`,
  json: (ladderId: string) => `${ladderId}/ladder.json`,
  track: (ladderId: string, trackId: string) => `${ladderId}/tracks/${trackId}.html`,
  level: (ladderId: string, levelId: string) => `${ladderId}/levels/${levelId}.html`,
  competency: (ladderId: string, competencyId: string) =>
    `${ladderId}/competencies/${competencyId}.html`,
  compare: (ladderId: string) => `${ladderId}/compare/index.html`,
  comparison: (ladderId: string, fromId: string, toId: string) =>
    `${ladderId}/compare/${fromId}/${toId}.html`,
  search: (ladderId: string) => `${ladderId}/search.html`,
};

/** The href that leads from the page at `from` to `to` (both site paths; `to` may end in a #fragment). */
export function relativeHref(from: string, to: string): string {
  const [target = "", fragment] = to.split("#", 2);
  const fromFolders = from.split("/").slice(0, -1);
  const toParts = target.split("/");
  let shared = 0;
  while (
    shared < fromFolders.length &&
    shared < toParts.length - 1 &&
    fromFolders[shared] === toParts[shared]
  )
    shared++;
  const path = [...fromFolders.slice(shared).map(() => ".."), ...toParts.slice(shared)].join("/");
  return fragment === undefined ? path : `${path}#${fragment}`;
}
