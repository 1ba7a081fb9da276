import type { i18n, TFunction } from "i18next";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "~/i18n/i18n.server";
import { SOURCE_LANGUAGE, type Language } from "~/i18n/languages";
import { SourceTextsProvider } from "~/components/ladders/source-texts";
import { withRichText, type SourceTexts } from "~/modules/ladders/translations";
import { ladderJson } from "~/modules/ladders/ladder-json";
import { nextLevel } from "~/modules/ladders/lookups";
import { ladderSearchIndex } from "~/modules/ladders/search-expectations.server";
import { SEARCH_PAGE_LIMIT } from "~/modules/ladders/search-index";
import type { Ladder } from "~/modules/ladders/types";
import {
  competencyView,
  ladderOverview,
  levelComparisonView,
  levelOptions,
  levelView,
  trackMatrix,
} from "~/modules/ladders/views";
import { SitePage, type LadderNav, type PageFrame } from "./frame";
import {
  ComparePage,
  ComparisonPage,
  CompetencyPage,
  HomePage,
  LevelPage,
  OverviewPage,
  SearchPage,
  TrackPage,
  type SiteSearchData,
} from "./pages";
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
  /**
   * The site in one language (docs/decisions/081): its ladders already in that language
   * (`translateLadder`), the texts left in the source to mark, and an i18next instance in the
   * language for the marks' words. The source's language, unmarked, without it.
   */
  edition?: { language: Language; sourceTexts: SourceTexts; i18n: i18n };
  /** Every language the site is published in, each with its folder from the published root ("" for the one at the root): each page links to itself in the others. */
  editions?: { language: Language; folder: string }[];
}

type SiteT = TFunction<"ladders">;

export function buildSite(ladders: readonly Ladder[], options: SiteOptions = {}): SiteFile[] {
  const language = options.edition?.language ?? SOURCE_LANGUAGE;
  // The edition's instance words the site in its language; without one, the site is in the ladders' own language.
  const instance = options.edition?.i18n ?? i18nFor(SOURCE_LANGUAGE);
  const t: SiteT = instance.getFixedT(language, "ladders");
  const common = instance.getFixedT(language, "common");
  const siteTitle = options.title ?? t("site.defaultTitle");
  const editions = options.editions ?? [];
  const folder = editions.find((edition) => edition.language === language)?.folder ?? "";
  const alternatesOf = (path: string) =>
    editions
      .filter((edition) => edition.language !== language)
      .map((edition) => ({
        language: edition.language,
        href: relativeHref(`${folder}${path}`, `${edition.folder}${path}`),
      }));
  // Every ladder text with Markdown the site may show, as HTML (decision 129).
  const { richText } = withRichText({ ladders }, ladders);
  const page = (
    frame: Omit<PageFrame, "siteTitle" | "language" | "alternates">,
    body: ReactElement,
  ): SiteFile => {
    const rendered = (
      <SitePage frame={{ ...frame, siteTitle, language, alternates: alternatesOf(frame.path) }}>
        {body}
      </SitePage>
    );
    const content = (
      <SourceTextsProvider texts={{ sourceTexts: options.edition?.sourceTexts, richText }}>
        {rendered}
      </SourceTextsProvider>
    );
    return {
      path: frame.path,
      content: `<!DOCTYPE html>${renderToStaticMarkup(<I18nextProvider i18n={instance}>{content}</I18nextProvider>)}\n`,
    };
  };
  const files: SiteFile[] = [
    page(
      { path: sitePaths.home(), title: t("site.homeTitle"), ladder: null },
      <HomePage ladders={ladders.map(ladderOverview)} />,
    ),
  ];
  for (const ladder of ladders) files.push(...ladderPages(ladder, page, t, common));
  return files;
}

/**
 * The search page's words with their stand-ins left for the script to fill: a value is never
 * worded again, so `{query}` passed as the query comes out as it went in. Every count up to the
 * most a search returns is worded, as the language's plural forms are its own.
 */
function searchWords(t: SiteT): SiteSearchData["words"] {
  return {
    results: Array.from({ length: SEARCH_PAGE_LIMIT + 1 }, (_, count) =>
      t("search.results", { count, query: "{query}" }),
    ),
    noMatch: t("search.noMatch", { query: "{query}" }),
    example: t("search.example", { example: "{example}" }),
    place: t("search.place", { level: "{level}", competency: "{competency}" }),
  };
}

function ladderPages(
  ladder: Ladder,
  page: (
    frame: Omit<PageFrame, "siteTitle" | "language" | "alternates">,
    body: ReactElement,
  ) => SiteFile,
  t: SiteT,
  common: TFunction<"common">,
): SiteFile[] {
  const id = ladder.meta.id;
  const nav: LadderNav = {
    id,
    name: ladder.meta.name,
    version: ladder.meta.version,
    tracks: ladder.tracks.map((track) => ({ id: track.id, name: track.name })),
  };
  const levels = levelOptions(ladder);
  const files: SiteFile[] = [];
  files.push(
    page(
      {
        path: sitePaths.ladder(id),
        title: t("overview.heading", { ladder: ladder.meta.name }),
        ladder: nav,
      },
      <OverviewPage overview={ladderOverview(ladder)} />,
    ),
  );
  for (const track of ladder.tracks) {
    const matrix = trackMatrix(ladder, track.id)!;
    files.push(
      page(
        { path: sitePaths.track(id, track.id), title: track.name, ladder: nav },
        <TrackPage ladderId={id} matrix={matrix} />,
      ),
    );
  }
  for (const level of levels) {
    const view = levelView(ladder, level.id)!;
    files.push(
      page(
        {
          path: sitePaths.level(id, level.id),
          title: common("level.withTrack", { level: level.title, track: level.trackName }),
          ladder: nav,
        },
        <LevelPage ladderId={id} view={view} />,
      ),
    );
  }
  for (const competency of ladder.competencies) {
    // Interview material is for interviewers: the published site is read by candidates.
    const view = { ...competencyView(ladder, competency.id)!, interview: null };
    files.push(
      page(
        { path: sitePaths.competency(id, competency.id), title: competency.name, ladder: nav },
        <CompetencyPage ladderId={id} view={view} />,
      ),
    );
  }
  const steps = levels.flatMap((from) => {
    const next = nextLevel(ladder, from.id);
    const to = next && levels.find((level) => level.id === next.id);
    return to ? [{ from, to }] : [];
  });
  files.push(
    page(
      { path: sitePaths.compare(id), title: t("compare.heading"), ladder: nav, script: true },
      <ComparePage ladderId={id} options={levels} steps={steps} />,
    ),
  );
  // Every ordered pair, so any two levels the picker offers have a page.
  for (const from of levels) {
    for (const to of levels) {
      const comparison = levelComparisonView(ladder, from.id, to.id)!;
      files.push(
        page(
          {
            path: sitePaths.comparison(id, from.id, to.id),
            title: t("site.comparisonTitle", { from: from.title, to: to.title }),
            ladder: nav,
          },
          <ComparisonPage ladderId={id} comparison={comparison} />,
        ),
      );
    }
  }
  const searchPath = sitePaths.search(id);
  const searchData = {
    index: ladderSearchIndex(ladder),
    levels: Object.fromEntries(
      levels.map((level) => [
        level.id,
        {
          title: level.title,
          trackName: level.trackName,
          href: relativeHref(searchPath, sitePaths.level(id, level.id)),
        },
      ]),
    ),
    words: searchWords(t),
  };
  files.push(
    page(
      {
        path: searchPath,
        title: t("search.heading"),
        ladder: nav,
        script: true,
        headerSearch: false,
      },
      <SearchPage ladderId={id} data={searchData} />,
    ),
  );
  files.push({
    path: sitePaths.json(id),
    content: `${JSON.stringify(ladderJson(ladder), null, 2)}\n`,
  });
  return files;
}
