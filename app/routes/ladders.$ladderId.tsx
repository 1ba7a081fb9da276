import { Form, NavLink, Outlet, useSearchParams } from "react-router";
import type { Route } from "./+types/ladders.$ladderId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { inputClass } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireLadderIn } from "~/modules/ladders/registry.server";
import { languageOf } from "~/i18n/i18n.server";
import { ladderSummary } from "~/modules/ladders/views";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  await requireUser(request);
  const { ladder } = await requireLadderIn(params.ladderId, languageOf(context));
  return { ladder: ladderSummary(ladder) };
});

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${
    isActive
      ? "bg-slate-900 text-white dark:bg-white dark:text-slate-900"
      : "text-slate-700 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
  }`;

export default function LadderLayout({ loaderData }: Route.ComponentProps) {
  const { ladder } = loaderData;
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("ladders");
  const base = `/ladders/${ladder.id}`;
  return (
    <>
      <div className="no-print mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <nav
          aria-label={t("layout.navLabel", { ladder: ladder.name })}
          className="flex flex-wrap gap-1"
        >
          <NavLink to={base} end className={tabClass}>
            {t("layout.overview")}
          </NavLink>
          {ladder.tracks.map((track) => (
            <NavLink key={track.id} to={`${base}/tracks/${track.id}`} className={tabClass}>
              {track.name}
            </NavLink>
          ))}
          <NavLink to={`${base}/compare`} className={tabClass}>
            {t("layout.compare")}
          </NavLink>
          <NavLink to={`${base}/versions`} className={tabClass}>
            {t("layout.versions")}
          </NavLink>
        </nav>
        <Form
          method="get"
          action={`${base}/search`}
          role="search"
          className="flex items-center gap-2"
        >
          <label htmlFor="ladder-search" className="sr-only">
            {t("layout.searchLabel")}
          </label>
          <input
            id="ladder-search"
            type="search"
            name="q"
            defaultValue={searchParams.get("q") ?? ""}
            placeholder={t("layout.searchLabel")}
            className={`${inputClass} w-56`}
          />
          <button
            type="submit"
            className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("layout.search")}
          </button>
        </Form>
      </div>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
