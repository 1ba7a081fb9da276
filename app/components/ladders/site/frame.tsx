import { createContext, useContext, type ReactNode } from "react";
import { ExpectationList } from "~/components/ladders/expectations";
import { LadderPaths } from "~/components/ladders/ladder-paths";
import { marks, Sentence } from "~/components/ladders/sentence";
import { RichText } from "~/components/ui/rich-text";
import { useTranslation } from "~/i18n/use-translation";
import { relativeHref, sitePaths } from "~/modules/ladders/site/site-paths";
import { directionOf, LANGUAGES, type Language } from "~/i18n/languages";

/**
 * The frame and small parts of the published ladder site's pages (build-site.ts renders them
 * with renderToStaticMarkup). Plain React, no router: links are relative hrefs to the site's
 * files, worked out from the page being rendered.
 */
const HereContext = createContext("index.html");

/** The href from the page being rendered to another site path. */
export function useHref(): (to: string) => string {
  const here = useContext(HereContext);
  return (to) => relativeHref(here, to);
}

export const linkClass = "text-brand-600 underline underline-offset-2 dark:text-brand-100";

export function SiteLink({
  to,
  children,
  className = linkClass,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const href = useHref();
  return (
    <a href={href(to)} className={className}>
      {children}
    </a>
  );
}

export interface LadderNav {
  id: string;
  name: string;
  version: string;
  tracks: { id: string; name: string }[];
}

export interface PageFrame {
  /** This page's site path: every link on it is relative to it. */
  path: string;
  /** The language the page is written in, for its `lang` and `dir`. */
  language: Language;
  /** The same page in the site's other languages (decision 081); empty when it is published in one. */
  alternates: { language: Language; href: string }[];
  title: string;
  siteTitle: string;
  /** The ladder the page belongs to, for the navigation; null on the site's home page. */
  ladder: LadderNav | null;
  /** Pages that run the site's script (search, the level picker of the comparison). */
  script?: boolean;
  /** The search page has its own search box; the header's would be a second one. */
  headerSearch?: boolean;
}

export function SitePage({ frame, children }: { frame: PageFrame; children: ReactNode }) {
  const href = (to: string) => relativeHref(frame.path, to);
  const { ladder } = frame;
  const { t } = useTranslation("ladders");
  const { t: tCommon } = useTranslation();
  return (
    <html lang={frame.language} dir={directionOf(frame.language)} data-theme="system">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("site.pageTitle", { page: frame.title, site: frame.siteTitle })}</title>
        {frame.alternates.map((alternate) => (
          <link
            key={alternate.language}
            rel="alternate"
            hrefLang={alternate.language}
            href={alternate.href}
          />
        ))}
        <link rel="stylesheet" href={href(sitePaths.stylesheet())} />
        {frame.script ? <script src={href(sitePaths.script())} defer /> : null}
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <HereContext.Provider value={frame.path}>
          <a
            href="#main"
            className="sr-only rounded-md bg-white px-3 py-2 text-sm focus:not-sr-only focus:absolute focus:start-3 focus:top-3 dark:bg-slate-900"
          >
            {tCommon("shell.skipToContent")}
          </a>
          <header className="no-print border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
                <a href={href(sitePaths.home())} className="font-semibold tracking-tight">
                  {frame.siteTitle}
                </a>
                {ladder ? <LadderNavigation ladder={ladder} path={frame.path} /> : null}
              </div>
              {ladder && frame.headerSearch !== false ? (
                <SearchForm action={href(sitePaths.search(ladder.id))} inputId="site-search" />
              ) : null}
              {frame.alternates.length > 0 ? (
                <OtherLanguages alternates={frame.alternates} />
              ) : null}
            </div>
          </header>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
          <footer className="mx-auto max-w-7xl px-4 pb-8 text-sm text-slate-600 dark:text-slate-400">
            {ladder ? (
              <p>
                <Sentence
                  words={t("site.footer", {
                    ...marks("json"),
                    ladder: ladder.name,
                    version: ladder.version,
                  })}
                  elements={{
                    json: <SiteLink to={sitePaths.json(ladder.id)}>ladder.json</SiteLink>,
                  }}
                />
              </p>
            ) : null}
            <p>{t("site.publishedWith")}</p>
          </footer>
        </HereContext.Provider>
      </body>
    </html>
  );
}

/** Links to the same page in the site's other languages, each named in its own language. */
function OtherLanguages({ alternates }: { alternates: PageFrame["alternates"] }) {
  return (
    <ul className="flex flex-wrap gap-3 text-sm">
      {alternates.map((alternate) => (
        <li key={alternate.language}>
          <a
            href={alternate.href}
            hrefLang={alternate.language}
            lang={alternate.language}
            className={linkClass}
          >
            {LANGUAGES[alternate.language].name}
          </a>
        </li>
      ))}
    </ul>
  );
}

function LadderNavigation({ ladder, path }: { ladder: LadderNav; path: string }) {
  const { t } = useTranslation("ladders");
  const items = [
    { to: sitePaths.ladder(ladder.id), label: t("layout.overview") },
    ...ladder.tracks.map((track) => ({
      to: sitePaths.track(ladder.id, track.id),
      label: track.name,
    })),
    { to: sitePaths.compare(ladder.id), label: t("layout.compare") },
    { to: sitePaths.search(ladder.id), label: t("layout.search") },
  ];
  const current = (to: string) =>
    to === path ||
    (to === sitePaths.compare(ladder.id) && path.startsWith(`${ladder.id}/compare/`));
  return (
    <nav aria-label={t("layout.navLabel", { ladder: ladder.name })}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
          <li key={item.to}>
            <a
              href={relativeHref(path, item.to)}
              aria-current={current(item.to) ? "page" : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
                current(item.to)
                  ? "bg-slate-900 text-white dark:bg-white dark:text-slate-900"
                  : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
              }`}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const inputClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100";
export const buttonClass =
  "rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700";

export function SearchForm({
  action,
  inputId,
  large = false,
}: {
  action: string;
  inputId: string;
  large?: boolean;
}) {
  const { t } = useTranslation("ladders");
  return (
    <form method="get" action={action} role="search" className="flex items-center gap-2">
      <label htmlFor={inputId} className={large ? "text-sm font-medium" : "sr-only"}>
        {t("layout.searchLabel")}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        className={`${inputClass} ${large ? "w-72" : "w-56"}`}
      />
      <button type="submit" className={buttonClass}>
        {t("layout.search")}
      </button>
    </form>
  );
}

export function PageHeader({ title, description }: { title: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {description ? (
        <div className="mt-1 max-w-3xl text-slate-600 dark:text-slate-300">{description}</div>
      ) : null}
    </div>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return (
    <section
      className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-700 dark:bg-slate-900 ${className}`}
    >
      {children}
    </section>
  );
}

/** A note; the site's script hides the one with id "needs-script", which says what works only with it. */
export function Note({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <p
      id={id}
      className="mb-4 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100"
    >
      {children}
    </p>
  );
}

export { ExpectationList, LadderPaths, RichText };
