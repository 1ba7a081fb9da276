import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/use-translation";
import { Link } from "react-router";
import type { Route } from "./+types/_index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaT } from "~/i18n/meta";
import { sentencesOf, wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import type { Formats } from "~/i18n/format";
import { Card, PageHeader } from "~/components/ui/page";
import { requireSignedIn } from "~/modules/identity/sessions/session.server";
import { homeSummary } from "~/modules/people/home.server";
import { todoOf } from "~/modules/todo/todo.server";
import type { TodoItem } from "~/modules/todo/todo";
import { withDomainErrors } from "~/utils/http.server";
import { ClientLinks } from "~/components/ui/client-links";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("home:title") }];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const signedIn = await requireSignedIn(request);
  const { viewer } = signedIn;
  const [summary, todo] = await Promise.all([
    homeSummary(viewer.id, viewer.isAdmin, languageOf(context)),
    todoOf(signedIn, undefined, languageOf(context)),
  ]);
  return { viewer, todo, ...summary };
});

function Stat({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="text-lg font-medium">{value}</dd>
    </div>
  );
}

function dueText(item: TodoItem, t: TFunction<"home">, f: Formats): string | null {
  if (!item.due || item.daysLeft === null) return null;
  const day = f.day(item.due);
  if (item.daysLeft < 0) return t("todo.overdue", { day, days: -item.daysLeft });
  if (item.daysLeft === 0) return t("todo.today", { day });
  return t("todo.left", { day, days: item.daysLeft });
}

function TodoList({ items }: { items: TodoItem[] }) {
  const { t } = useTranslation("home");
  const f = useFormats();
  return (
    <Card className="mb-6">
      <h2 className="mb-3 text-lg font-semibold">{t("todo.heading")}</h2>
      {items.length ? (
        <ClientLinks>
          <ul className="divide-y divide-slate-200 dark:divide-slate-700">
            {items.map((item) => {
              const due = dueText(item, t, f);
              return (
                <li key={item.key} className="py-3">
                  <a
                    href={item.href}
                    className="font-medium text-brand-600 underline underline-offset-2 dark:text-brand-100"
                  >
                    {wordsOf(t, item.title)}
                  </a>
                  {due ? (
                    <span
                      className={`ms-2 text-sm ${item.daysLeft !== null && item.daysLeft < 0 ? "font-medium text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}
                    >
                      {due}
                    </span>
                  ) : null}
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                    {sentencesOf(t, item.detail)}
                  </p>
                </li>
              );
            })}
          </ul>
        </ClientLinks>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">{t("todo.none")}</p>
      )}
    </Card>
  );
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { viewer, todo, me, place, reports, reportCount, organisation } = loaderData;
  const hasRole = viewer.isAdmin || viewer.isHiringAdmin;
  const { t } = useTranslation("home");
  return (
    <>
      <PageHeader title={t("greeting", { name: me.name.split(" ")[0] })} description={t("intro")} />
      <TodoList items={todo} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("place.heading")}</h2>
          <dl className="grid grid-cols-2 gap-4">
            <Stat label={t("place.team")} value={me.team?.name ?? t("place.noTeam")} />
            <Stat label={t("place.manager")} value={me.manager?.name ?? t("place.noManager")} />
            <Stat
              label={t("place.track")}
              value={place?.trackName ?? me.track ?? t("place.notSet")}
            />
            <Stat
              label={t("place.level")}
              value={place?.levelTitle ?? me.level ?? t("place.notSet")}
            />
          </dl>
          <p className="mt-4 flex flex-wrap gap-4">
            {place ? (
              <Link
                to={`/ladders/${place.ladderId}/levels/${place.levelId}`}
                className="text-brand-600 underline dark:text-brand-100"
              >
                {t("place.levelAsks")}
              </Link>
            ) : null}
            <Link to="/ladders" className="text-brand-600 underline dark:text-brand-100">
              {t("place.browseLadder")}
            </Link>
            {me.level ? (
              <>
                <Link
                  to={`/people/${viewer.id}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("place.yourGrowth")}
                </Link>
                <Link to="/assess" className="text-brand-600 underline dark:text-brand-100">
                  {t("place.assess")}
                </Link>
              </>
            ) : null}
          </p>
          {!me.level && !hasRole ? (
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-300">
              {t("place.nothingToAssess")}
            </p>
          ) : null}
        </Card>
        {reports.length ? (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">
              {t("reports.heading", { count: reportCount })}
            </h2>
            <ClientLinks>
              <ul className="divide-y divide-slate-200 dark:divide-slate-700">
                {reports.map((report) => (
                  <li key={report.id} className="flex justify-between py-2 text-sm">
                    <a
                      href={`/people/${report.id}`}
                      className="text-brand-600 underline underline-offset-2 dark:text-brand-100"
                    >
                      {report.name}
                    </a>
                    <span className="text-slate-500 dark:text-slate-400">
                      {[
                        report.levelTitle,
                        report._count.reports
                          ? t("reports.ofReport", { count: report._count.reports })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </li>
                ))}
              </ul>
            </ClientLinks>
            {reportCount > reports.length ? (
              <p className="mt-3 text-sm">
                <Link to="/team" className="text-brand-600 underline dark:text-brand-100">
                  {t("reports.seeAll", { count: reportCount })}
                </Link>
              </p>
            ) : null}
          </Card>
        ) : null}
        {viewer.isAdmin && organisation ? (
          <Card>
            <h2 className="mb-4 text-lg font-semibold">{t("organisation.heading")}</h2>
            <dl className="grid grid-cols-2 gap-4">
              <Stat label={t("organisation.activePeople")} value={organisation.people} />
              <Stat label={t("organisation.teams")} value={organisation.teams} />
            </dl>
            <p className="mt-4 flex flex-wrap gap-4">
              <Link to="/admin/people" className="text-brand-600 underline dark:text-brand-100">
                {t("organisation.managePeople")}
              </Link>
              <Link to="/admin/cycles" className="text-brand-600 underline dark:text-brand-100">
                {t("organisation.reviewCycles")}
              </Link>
              <Link
                to="/admin/people/import"
                className="text-brand-600 underline dark:text-brand-100"
              >
                {t("organisation.import")}
              </Link>
            </p>
          </Card>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
