import type { TFunction } from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE } from "~/i18n/languages";
import { ladderJson } from "~/modules/ladders/ladder-json";
import { nextLevel } from "~/modules/ladders/lookups";
import { ladderSearchIndex } from "~/modules/ladders/search-expectations";
import type { Ladder } from "~/modules/ladders/types";
import { competencyView, ladderOverview, levelComparisonView, levelOptions, levelView, trackMatrix } from "~/modules/ladders/views";
import { SitePage, type LadderNav, type PageFrame } from "./frame";
import { ComparePage, ComparisonPage, CompetencyPage, HomePage, LevelPage, OverviewPage, SearchPage, TrackPage } from "./pages";
import { relativeHref, sitePaths } from "~/modules/ladders/site/site-paths";

/**
 * The published ladder site (npm run ladders:site): every page of every ladder as a file, from
 * the same views the app's pages use. Pure: the script writes the files and adds the
 * stylesheet and script (assets/), which are built, not rendered.
 */
export interface SiteFile {
  /** Relative to the site's root folder, with "/" between folders. */
  path: string;
  content: string;
}

export interface SiteOptions {
  /** The name at the top of every page. */
  title?: string;
}

type SiteT = TFunction<"ladders">;

export function buildSite(ladders: readonly Ladder[], options: SiteOptions = {}): SiteFile[] {
  // The site is published in English, the language the ladders are written in.
  const i18n = i18nFor(SOURCE_LANGUAGE);
  const t: SiteT = i18n.getFixedT(SOURCE_LANGUAGE, "ladders");
  const siteTitle = options.title ?? t("site.defaultTitle");
  const page = (frame: Omit<PageFrame, "siteTitle">, body: ReactElement): SiteFile => ({
    path: frame.path,
    content: `<!DOCTYPE html>${renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <SitePage frame={{ ...frame, siteTitle }}>{body}</SitePage>
      </I18nextProvider>,
    )}\n`,
  });
  const files: SiteFile[] = [page({ path: sitePaths.home(), title: t("site.homeTitle"), ladder: null }, <HomePage ladders={ladders.map(ladderOverview)} />)];
  for (const ladder of ladders) files.push(...ladderPages(ladder, page, t));
  return files;
}

function ladderPages(ladder: Ladder, page: (frame: Omit<PageFrame, "siteTitle">, body: ReactElement) => SiteFile, t: SiteT): SiteFile[] {
  const id = ladder.meta.id;
  const nav: LadderNav = { id, name: ladder.meta.name, version: ladder.meta.version, tracks: ladder.tracks.map((track) => ({ id: track.id, name: track.name })) };
  const levels = levelOptions(ladder);
  const files: SiteFile[] = [];
  files.push(page({ path: sitePaths.ladder(id), title: t("overview.heading", { ladder: ladder.meta.name }), ladder: nav }, <OverviewPage overview={ladderOverview(ladder)} />));
  for (const track of ladder.tracks) {
    const matrix = trackMatrix(ladder, track.id)!;
    files.push(page({ path: sitePaths.track(id, track.id), title: track.name, ladder: nav }, <TrackPage ladderId={id} matrix={matrix} />));
  }
  for (const level of levels) {
    const view = levelView(ladder, level.id)!;
    files.push(page({ path: sitePaths.level(id, level.id), title: t("site.levelTitle", { level: level.title, track: level.trackName }), ladder: nav }, <LevelPage ladderId={id} view={view} />));
  }
  for (const competency of ladder.competencies) {
    // Interview material is for interviewers: the published site is read by candidates.
    const view = { ...competencyView(ladder, competency.id)!, interview: null };
    files.push(
      page({ path: sitePaths.competency(id, competency.id), title: competency.name, ladder: nav }, <CompetencyPage ladderId={id} view={view} />),
    );
  }
  const steps = levels.flatMap((from) => {
    const next = nextLevel(ladder, from.id);
    const to = next && levels.find((level) => level.id === next.id);
    return to ? [{ from, to }] : [];
  });
  files.push(page({ path: sitePaths.compare(id), title: t("compare.heading"), ladder: nav, script: true }, <ComparePage ladderId={id} options={levels} steps={steps} />));
  // Every ordered pair, so any two levels the picker offers have a page.
  for (const from of levels) {
    for (const to of levels) {
      const comparison = levelComparisonView(ladder, from.id, to.id)!;
      files.push(page({ path: sitePaths.comparison(id, from.id, to.id), title: t("site.comparisonTitle", { from: from.title, to: to.title }), ladder: nav }, <ComparisonPage ladderId={id} comparison={comparison} />));
    }
  }
  const searchPath = sitePaths.search(id);
  const searchData = {
    index: ladderSearchIndex(ladder),
    levels: Object.fromEntries(levels.map((level) => [level.id, { title: level.title, trackName: level.trackName, href: relativeHref(searchPath, sitePaths.level(id, level.id)) }])),
  };
  files.push(page({ path: searchPath, title: t("search.heading"), ladder: nav, script: true, headerSearch: false }, <SearchPage ladderId={id} data={searchData} />));
  files.push({ path: sitePaths.json(id), content: `${JSON.stringify(ladderJson(ladder), null, 2)}\n` });
  return files;
}
