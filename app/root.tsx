import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  data,
  useMatches,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "react-router";
import { Suspense, type ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/root";
import { SourceTextsFromRoutes } from "~/components/ladders/source-texts";
import { AppShell } from "./components/app-shell";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { languageOf, translateRequests } from "./i18n/i18n.server";
import { directionOf, isPageLanguage, localeOf, SOURCE_LANGUAGE } from "./i18n/languages";
import { useFollowLanguage } from "./i18n/language-chunks";
import { metaT } from "./i18n/meta";
import { navLinks } from "./modules/identity/policy";
import { chosenLanguage, getSignedIn } from "./modules/identity/sessions/session.server";
import { ladderState } from "./modules/ladders/registry.server";
import { openTodoCount } from "./modules/todo/todo.server";
import { useNonce } from "./utils/nonce";
import { documentShipsScripts } from "./utils/page-scripts";
import plainPageScript from "./components/ui/plain-page.page.ts?script";
import { getTheme } from "./utils/theme.server";
import stylesheet from "./tailwind.css?url";
import { getEnv } from "./utils/env.server";
import { withDomainErrors } from "./utils/http.server";
import { shareLookupsWithinRequest } from "./utils/request-memo.server";
import { readYourWrites } from "./db/read-your-writes.server";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: Route.MetaFunction = ({ matches }) => {
  const t = metaT(matches);
  return [{ title: t("meta.title") }, { name: "description", content: t("meta.description") }];
};

function deploymentLanguages() {
  const env = getEnv();
  return { organisation: env.ORG_LANGUAGE, pseudo: env.NODE_ENV !== "production" };
}

/**
 * The loaders of one page view share what they look up per request (who is signed in); each
 * request gets its own translations, in the language chosen for it.
 */
export const middleware: Route.MiddlewareFunction[] = [
  // With read replicas: which reads may go to one, and the session's own writes read back (decision 116).
  readYourWrites,
  shareLookupsWithinRequest,
  translateRequests(chosenLanguage, deploymentLanguages),
];

function ladderProblemCounts(problems: readonly { keptPrevious: boolean }[]) {
  return {
    ladderProblems: problems.length,
    laddersUnserved: problems.filter((problem) => !problem.keptPrevious).length,
  };
}

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const [signedIn, theme] = await Promise.all([getSignedIn(request), getTheme(request)]);
  const viewer = signedIn
    ? {
        id: signedIn.viewer.id,
        name: signedIn.viewer.name,
        email: signedIn.viewer.email,
        timeZone: signedIn.timeZone,
        nav: navLinks({
          ...signedIn.viewer,
          isManager: signedIn.isManager,
          isCalibrator: signedIn.isCalibrator,
          isInterviewer: signedIn.isInterviewer,
        }),
        // The figure beside Home: the kept count while it stands, so most pages read nothing more.
        openTodos: await openTodoCount(signedIn, undefined, languageOf(context)),
        // Admins are told when a ladder failed to load, and whether its last good version is served.
        ...(signedIn.viewer.isAdmin
          ? ladderProblemCounts((await ladderState()).problems)
          : { ladderProblems: 0, laddersUnserved: 0 }),
      }
    : null;
  // The language's code only: its messages reach the browser in their own chunk (app/i18n/i18n.client.ts).
  // Headers only when the session's cookie must follow its renewal: most answers set none.
  return data(
    { viewer, theme, language: languageOf(context) },
    signedIn?.refreshCookie ? { headers: { "Set-Cookie": signedIn.refreshCookie } } : undefined,
  );
});

/**
 * Who is signed in and their theme do not depend on a page's search parameters: moving
 * between sections, filters or pages of the same page does not ask for them again.
 * Actions, explicit revalidation and every other navigation still do.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  currentUrl,
  nextUrl,
  formMethod,
  defaultShouldRevalidate,
}) => {
  if (
    !formMethod &&
    currentUrl.pathname === nextUrl.pathname &&
    currentUrl.search !== nextUrl.search
  )
    return false;
  return defaultShouldRevalidate;
};

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  // The request's instance on the server, the page's in the browser: the server's choice of language.
  const { i18n } = useTranslation();
  const language = isPageLanguage(i18n.language) ? i18n.language : SOURCE_LANGUAGE;
  const rootData = useRouteLoaderData<typeof loader>("root");
  // On the home page the navigation counts the list the page shows, not the kept count.
  const home = useRouteLoaderData<{ todo: readonly unknown[] }>("routes/_index");
  const viewer = rootData?.viewer
    ? { ...rootData.viewer, openTodos: home?.todo.length ?? rootData.viewer.openTodos }
    : null;
  const handles = useMatches().map((match) => match.handle);
  // In the browser the app runs: every page it shows carries its scripts.
  const scripted = typeof document !== "undefined" || documentShipsScripts(handles);
  return (
    <html
      lang={localeOf(language)}
      dir={directionOf(language)}
      data-theme={rootData?.theme ?? "system"}
    >
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {/* In the head, so it is fetched with the stylesheet; run once the document is read. */}
        {scripted ? null : <script src={plainPageScript} defer nonce={nonce} />}
      </head>
      <body>
        <AppShell viewer={viewer} theme={rootData?.theme ?? "system"} scripted={scripted}>
          {children}
        </AppShell>
        {scripted ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  useFollowLanguage(loaderData.language);
  // A page's words may come from a namespace the browser has not fetched yet; its `t` then suspends
  // (decision 104). Navigations wait in a transition, keeping the last page; any other update that
  // suspends shows nothing here for the moment the messages take, rather than failing.
  // Every page's ladder texts, as its routes' loaders describe them: marks and Markdown's HTML.
  return (
    <Suspense fallback={null}>
      <SourceTextsFromRoutes>
        <Outlet />
      </SourceTextsFromRoutes>
    </Suspense>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
