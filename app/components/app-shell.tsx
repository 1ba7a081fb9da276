import { Form, Link, useLocation } from "react-router";
import { useEffect, useId, useState, type ReactNode } from "react";
import { isLanguage, LANGUAGES, languages } from "~/i18n/languages";
import { useTranslation } from "~/i18n/use-translation";
import type common from "~/locales/en/common.json";
import { isActivePath } from "~/utils/active-path";
import { useFollowLinksInPage } from "./ui/client-links";
import type { NavLinks } from "~/modules/identity/policy";
import type { Theme } from "~/utils/theme.server";

export type NavViewer = {
  id: string;
  name: string;
  email: string;
  nav: NavLinks;
  ladderProblems: number;
  laddersUnserved: number;
  openTodos: number;
};

/** A link of the navigation; its label is a key of `common`'s `nav`, worded where it is shown. */
type NavItem = { to: string; label: `nav.${keyof typeof common.nav}`; count?: number };

/** A group of the administration's links, under a heading (a key of `common`'s `shell.adminGroups`). */
type NavGroup = {
  label: `shell.adminGroups.${keyof typeof common.shell.adminGroups}`;
  items: NavItem[];
};

export function navItems(viewer: NavViewer): { main: NavItem[]; admin: NavGroup[] } {
  const main: NavItem[] = [
    // Home lists what the person must do next: the figure says how many things.
    { to: "/", label: "nav.home", count: viewer.openTodos },
    { to: "/ladders", label: "nav.ladders" },
    { to: `/people/${viewer.id}`, label: "nav.myGrowth" },
    { to: "/reviews", label: "nav.reviews" },
    ...(viewer.nav.team ? [{ to: "/team", label: "nav.team" } as const] : []),
    ...(viewer.nav.calibration ? [{ to: "/calibration", label: "nav.calibration" } as const] : []),
    ...(viewer.nav.hiring ? [{ to: "/hiring", label: "nav.hiring" } as const] : []),
    { to: "/mentorship", label: "nav.mentorship" },
    { to: "/opportunities", label: "nav.opportunities" },
    { to: "/goals", label: "nav.goals" },
    { to: "/conversations", label: "nav.conversations" },
    { to: "/team-health", label: "nav.teamHealth" },
    { to: "/promotions", label: "nav.promotions" },
    ...(viewer.nav.insights ? [{ to: "/insights", label: "nav.insights" } as const] : []),
    // The access audit has the readers insights has: admins, and managers over their own people.
    ...(viewer.nav.insights ? [{ to: "/access-audit", label: "nav.accessAudit" } as const] : []),
    { to: "/settings/email", label: "nav.emailSettings" },
  ];
  // Fourteen links in three groups a person looks in: who is here, how processes run, what the app keeps and sends.
  const admin: NavGroup[] = viewer.nav.admin
    ? [
        {
          label: "shell.adminGroups.people",
          items: [
            { to: "/admin/people", label: "nav.people" },
            { to: "/admin/teams", label: "nav.teams" },
            { to: "/admin/scim", label: "nav.scim" },
            { to: "/admin/api", label: "nav.api" },
          ],
        },
        {
          label: "shell.adminGroups.processes",
          items: [
            { to: "/admin/cycles", label: "nav.reviewCycles" },
            { to: "/admin/promotions", label: "nav.promotionProcess" },
            { to: "/admin/ladders", label: "nav.ladderStatus" },
            { to: "/admin/stretch", label: "nav.stretch" },
            { to: "/admin/team-health", label: "nav.teamHealthItems" },
            { to: "/admin/goals", label: "nav.goalPeriods" },
          ],
        },
        {
          label: "shell.adminGroups.records",
          items: [
            { to: "/admin/email", label: "nav.emailOutbox" },
            { to: "/admin/webhooks", label: "nav.webhooks" },
            { to: "/admin/retention", label: "nav.retention" },
            { to: "/admin/audit", label: "nav.auditLog" },
          ],
        },
      ]
    : [];
  return { main, admin };
}

/**
 * The person's language, in the header of every page (decision 107): each language named in itself.
 * A choice is posted in the page and the page is worded again where it stands, so nothing typed in
 * it is lost; without JavaScript, the Apply button posts it and the page comes back in it. On a
 * phone the header has no room for it: it heads the menu there.
 */
function LanguageSwitch({ className, scripted }: { className: string; scripted: boolean }) {
  const location = useLocation();
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.language) ? i18n.language : "";
  return (
    <Form
      method="post"
      action="/language"
      preventScrollReset
      className={`items-center gap-1 ${className}`}
      aria-label={t("language.switch")}
    >
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor={id} className="sr-only">
        {t("language.switchLabel")}
      </label>
      <select
        // Chosen afresh when the page's language changes (a choice made in another tab included).
        key={current}
        id={id}
        name="language"
        defaultValue={current}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        {current === "" ? <option value="">{i18n.language}</option> : null}
        {languages.map((code) => (
          <option key={code} value={code} lang={LANGUAGES[code].locale}>
            {LANGUAGES[code].name}
          </option>
        ))}
      </select>
      <WithoutScripts scripted={scripted}>
        <button type="submit" className="text-sm underline">
          {t("language.apply")}
        </button>
      </WithoutScripts>
    </Form>
  );
}

/**
 * What a page shows only when nothing runs its handlers: in a `<noscript>` where the app's scripts
 * come (a browser running them never shows it), plainly where the document has none (decision 134).
 */
function WithoutScripts({ scripted, children }: { scripted: boolean; children: ReactNode }) {
  return scripted ? <noscript>{children}</noscript> : children;
}

function ThemeSwitch({ theme, scripted }: { theme: Theme; scripted: boolean }) {
  const location = useLocation();
  const { t } = useTranslation();
  return (
    <Form
      method="post"
      action="/theme"
      className="flex items-center gap-1"
      aria-label={t("theme.switch")}
    >
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <label htmlFor="theme-select" className="sr-only">
        {t("theme.label")}
      </label>
      <select
        id="theme-select"
        name="theme"
        defaultValue={theme}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="system">{t("theme.system")}</option>
        <option value="light">{t("theme.light")}</option>
        <option value="dark">{t("theme.dark")}</option>
      </select>
      <WithoutScripts scripted={scripted}>
        <button type="submit" className="text-sm underline">
          {t("theme.apply")}
        </button>
      </WithoutScripts>
    </Form>
  );
}

const menuClass =
  "shrink-0 whitespace-nowrap rounded-md border border-slate-300 px-2 py-1 text-sm md:hidden dark:border-slate-600";

export function AppShell({
  viewer,
  theme,
  scripted,
  children,
}: {
  viewer: NavViewer | null;
  theme: Theme;
  /** Whether the document carries the app's scripts (decision 134). */
  scripted: boolean;
  children: ReactNode;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  // The menu opens by a script: until the page is hydrated a tap would do nothing, so it waits.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const location = useLocation();
  const { t } = useTranslation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const nav = viewer ? navItems(viewer) : null;
  // The navigation's links are plain anchors followed in the page, their active state worked
  // out here: as router links, seventeen of them cost a page more than twenty-five table rows.
  const followLinks = useFollowLinksInPage();
  const active = (item: NavItem) => isActivePath(location.pathname, item.to, item.to === "/");

  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        {t("shell.skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
          {/* A plain anchor followed in the page, as the navigation's are: it is on every page, signed out too. */}
          <a
            href="/"
            onClick={followLinks}
            className="flex shrink-0 items-center gap-2 text-lg font-semibold tracking-tight"
          >
            <span
              aria-hidden="true"
              className="grid size-7 place-items-center rounded bg-brand-600 text-sm text-white"
            >
              R
            </span>
            {/* On a phone the mark alone: the header must fit 390 px with the theme, Sign out and Menu. */}
            <span className="sr-only sm:not-sr-only">Rungs</span>
          </a>
          {/* Wraps where a language's words leave no room (the theme's Apply button, sent with a page
              without the app's scripts, in German): nothing may scroll sideways on a phone. */}
          <div className="flex min-w-0 flex-wrap items-center justify-end gap-2 sm:gap-3">
            <ThemeSwitch theme={theme} scripted={scripted} />
            {viewer ? (
              <>
                <LanguageSwitch className="hidden sm:flex" scripted={scripted} />
                <span className="hidden text-sm text-slate-600 sm:inline dark:text-slate-300">
                  {viewer.name}
                </span>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="whitespace-nowrap rounded-md px-2 py-1 text-sm font-medium text-slate-700 underline-offset-2 hover:underline dark:text-slate-200"
                  >
                    {t("shell.signOut")}
                  </button>
                </Form>
                {scripted ? (
                  <button
                    type="button"
                    className={menuClass}
                    aria-expanded={menuOpen}
                    aria-controls="primary-navigation"
                    disabled={!interactive}
                    onClick={() => setMenuOpen((open) => !open)}
                  >
                    {t("shell.menu")}
                  </button>
                ) : (
                  // Without the app's scripts the menu is a link to itself, shown while it is the target.
                  <a href="#primary-navigation" className={menuClass}>
                    {t("shell.menu")}
                  </a>
                )}
              </>
            ) : null}
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl gap-6 px-4 py-6">
        {nav ? (
          <nav
            id="primary-navigation"
            aria-label={t("shell.mainNavigation")}
            className={`no-print w-full shrink-0 md:block md:w-52 ${menuOpen ? "block" : "hidden"} target:block absolute start-0 end-0 z-20 bg-white p-4 shadow md:static md:bg-transparent md:p-0 md:shadow-none dark:bg-slate-900 md:dark:bg-transparent`}
            onClick={followLinks}
          >
            <LanguageSwitch className="mb-3 flex sm:hidden" scripted={scripted} />
            <ul className="space-y-1">
              {nav.main.map((item) => (
                <li key={item.to}>
                  <a
                    href={item.to}
                    aria-current={active(item) ? "page" : undefined}
                    className="nav-link flex items-center justify-between gap-2"
                  >
                    {t(item.label)}
                    {item.count ? (
                      <span className="rounded-full bg-brand-600 px-2 text-xs font-semibold leading-5 text-white">
                        {item.count}
                        <span className="sr-only"> {t("shell.toDo")}</span>
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
            {nav.admin.length ? (
              <>
                <h2 className="mt-6 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
                  {t("shell.administration")}
                </h2>
                {nav.admin.map((group) => (
                  <div key={group.label}>
                    <h3
                      id={`nav-${group.label.split(".").at(-1)}`}
                      className="mt-3 px-3 text-xs font-medium text-slate-600 dark:text-slate-300"
                    >
                      {t(group.label)}
                    </h3>
                    <ul
                      aria-labelledby={`nav-${group.label.split(".").at(-1)}`}
                      className="mt-1 space-y-1"
                    >
                      {group.items.map((item) => (
                        <li key={item.to}>
                          <a
                            href={item.to}
                            aria-current={active(item) ? "page" : undefined}
                            className="nav-link"
                          >
                            {t(item.label)}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </>
            ) : null}
          </nav>
        ) : null}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">
          {viewer?.ladderProblems ? (
            <div
              role="alert"
              className="no-print mb-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-700 dark:bg-red-950 dark:text-red-100"
            >
              {viewer.laddersUnserved
                ? t("shell.ladderErrorsUnserved")
                : t("shell.ladderErrorsServed")}{" "}
              <Link to="/admin/ladders" className="font-medium underline">
                {t("shell.seeLadderErrors")}
              </Link>
            </div>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
