import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.stats";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav } from "~/components/hiring/hiring-parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { statisticsScope } from "~/modules/hiring/statistics-text";
import { hiringStatisticsWithPanels } from "~/modules/hiring/panel-stats.server";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam, pageParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("hiring:stats.title") },
];

const rounded = (value: number | null, digits = 2) =>
  value === null ? null : Number(value.toFixed(digits));

/**
 * The page's rows: figures rounded to what is printed, so the document carries a few short
 * numbers per interviewer rather than every float the statistics keep; the page words them. Interviewers come
 * a page of 50 at a time, by name or with those whose interval excludes zero first (the
 * largest offset first), so an organisation with hundreds of interviewers gets a page to read.
 */
const PAGE_SIZE = 50;
const ORDERS = ["name", "offset"] as const;

export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const searchParams = url.searchParams;
  const order = choiceParam(searchParams, "order", ORDERS, "order") || "name";
  const { loops, withheld, interviewers, openings, panels } = await hiringStatisticsWithPanels(
    viewer,
    languageOf(context),
  );
  const ordered =
    order === "name"
      ? interviewers
      : // A stable sort: ties stay in the order by name.
        [...interviewers].sort(
          (a, b) =>
            Number(b.offset.excludesZero) - Number(a.offset.excludesZero) ||
            Math.abs(b.offset.estimate ?? 0) - Math.abs(a.offset.estimate ?? 0),
        );
  const pageCount = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const page = Math.min(pageParam(searchParams), pageCount);
  return {
    panels,
    loops,
    scope: statisticsScope(loops, withheld, viewer.isAdmin),
    isAdmin: viewer.isAdmin,
    order,
    page,
    pageCount,
    interviewerCount: interviewers.length,
    interviewers: ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((row) => ({
      id: row.interviewerId,
      name: row.name,
      cards: row.cards,
      offset: rounded(row.offset.estimate),
      leaning: row.offset.excludesZero
        ? row.offset.estimate! > 0
          ? ("high" as const)
          : ("low" as const)
        : null,
      /** Null with too few candidates for an interval. */
      interval: row.offset.interval
        ? ([rounded(row.offset.interval[0])!, rounded(row.offset.interval[1])!] as const)
        : null,
      candidates: row.offset.candidates,
      positive: row.recommendations.positive,
      positiveRate: rounded(row.recommendations.positiveRate),
      recommendations: row.recommendations.n,
      medianHours: rounded(row.submission.medianHours, 1),
    })),
    openings: openings.map((opening) => ({
      id: opening.id,
      title: opening.title,
      loops: opening.loops,
      alpha: rounded(opening.overall.alpha),
      units: opening.overall.units,
      byCompetency: opening.byCompetency.map((row) => ({
        id: row.competencyId,
        name: row.name,
        alpha: rounded(row.alpha),
        units: row.units,
        values: row.values,
      })),
    })),
  };
});

export default function HiringStats({ loaderData }: Route.ComponentProps) {
  const {
    scope,
    interviewers,
    openings,
    isAdmin,
    order,
    page,
    pageCount,
    interviewerCount,
    panels,
  } = loaderData;
  const { t } = useTranslation("hiring");
  const { t: tp } = useTranslation("panels");
  const f = useFormats();
  const signed = (value: number | null) =>
    value === null ? "–" : t("stats.interviewers.signed", { value });
  const alpha = (value: number | null) =>
    value === null ? "–" : t("stats.agreement.alpha", { value });
  return (
    <>
      <BackLink to="/hiring">{t("stats.back")}</BackLink>
      <PageHeader
        title={t("stats.heading")}
        description={scope.map((message) => wordsOf(t, message)).join(" ")}
      />
      <HiringNav canSeeStatistics isAdmin={isAdmin} />
      <div className="space-y-6">
        <section aria-labelledby="interviewers">
          <h2 id="interviewers" className="mb-1 text-lg font-semibold">
            {t("stats.interviewers.heading")}
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
            {t("stats.interviewers.intro")}
          </p>
          {interviewers.length ? (
            <nav
              aria-label={t("stats.interviewers.order")}
              className="mb-3 flex flex-wrap items-center gap-3 text-sm"
            >
              <span>{t("stats.interviewers.count", { count: interviewerCount })}</span>
              {ORDERS.map((value) => (
                <Link
                  key={value}
                  to={value === "name" ? "/hiring/stats" : `/hiring/stats?order=${value}`}
                  aria-current={order === value ? "true" : undefined}
                  className={order === value ? "font-semibold" : "underline"}
                >
                  {value === "name"
                    ? t("stats.interviewers.byName")
                    : t("stats.interviewers.byOffset")}
                </Link>
              ))}
            </nav>
          ) : null}
          {interviewers.length ? (
            <DataTable
              caption={
                pageCount > 1
                  ? t("stats.interviewers.captionPaged", { page, pageCount })
                  : t("stats.interviewers.caption")
              }
              headings={[
                t("stats.interviewers.interviewer"),
                t("stats.interviewers.cards"),
                t("stats.interviewers.offset"),
                t("stats.interviewers.interval"),
                t("stats.interviewers.candidates"),
                t("stats.interviewers.recommendYes"),
                t("stats.interviewers.medianHours"),
              ]}
            >
              {interviewers.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.name ?? t("stats.interviewers.former")}
                  </th>
                  <td className={tdClass}>{f.number(row.cards)}</td>
                  <td className={tdClass}>
                    {signed(row.offset)}
                    {row.leaning ? (
                      <span className="ms-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
                        {t(
                          row.leaning === "high"
                            ? "stats.interviewers.high"
                            : "stats.interviewers.low",
                        )}
                      </span>
                    ) : null}
                  </td>
                  <td className={tdClass}>
                    {row.interval
                      ? t("stats.interviewers.intervalOf", {
                          from: signed(row.interval[0]),
                          to: signed(row.interval[1]),
                        })
                      : t("stats.interviewers.tooFew")}
                  </td>
                  <td className={tdClass}>{f.number(row.candidates)}</td>
                  <td className={tdClass}>
                    {row.positiveRate === null
                      ? t("stats.interviewers.recommendsCount", {
                          positive: row.positive,
                          count: row.recommendations,
                        })
                      : t("stats.interviewers.recommendsRate", {
                          rate: row.positiveRate,
                          count: row.recommendations,
                        })}
                  </td>
                  <td className={tdClass}>
                    {row.medianHours === null
                      ? "–"
                      : t("stats.interviewers.hours", { hours: row.medianHours })}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <Card>
              <p className="text-sm">{t("stats.interviewers.none")}</p>
            </Card>
          )}
          <Pagination page={page} pageCount={pageCount} label={t("stats.interviewers.pages")} />
        </section>
        <section aria-labelledby="agreement" className="space-y-4">
          <h2 id="agreement" className="text-lg font-semibold">
            {t("stats.agreement.heading")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
            {t("stats.agreement.intro")}
          </p>
          {openings.map((opening) => (
            <Card key={opening.id}>
              <h3 className="font-semibold">{opening.title}</h3>
              <p className="mb-2 text-sm">
                {t("stats.agreement.summary", {
                  count: opening.loops,
                  alpha: alpha(opening.alpha),
                  units: opening.units,
                })}
              </p>
              <DataTable
                caption={t("stats.agreement.caption", { opening: opening.title })}
                headings={[
                  t("stats.agreement.competency"),
                  t("stats.agreement.alphaHeading"),
                  t("stats.agreement.candidates"),
                  t("stats.agreement.scores"),
                ]}
              >
                {opening.byCompetency.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={tdClass}>{alpha(row.alpha)}</td>
                    <td className={tdClass}>{f.number(row.units)}</td>
                    <td className={tdClass}>{f.number(row.values)}</td>
                  </tr>
                ))}
              </DataTable>
            </Card>
          ))}
        </section>
        <section aria-labelledby="panel-rule" className="space-y-3">
          <h2 id="panel-rule" className="text-lg font-semibold">
            {tp("stats.heading")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
            {tp("stats.description")}
          </p>
          {panels.counted === 0 ? (
            <p className="text-sm">{tp("stats.none")}</p>
          ) : (
            <>
              <p className="text-sm font-medium">
                {panels.overall
                  ? tp("stats.overall", {
                      met: panels.overall.met,
                      total: panels.overall.total,
                      share: f.percent(panels.overall.met / panels.overall.total),
                    })
                  : tp("stats.hidden")}
              </p>
              <DataTable
                caption={tp("stats.heading")}
                headings={[tp("stats.opening"), tp("stats.rate")]}
              >
                {panels.openings.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.title}
                    </th>
                    <td className={tdClass}>
                      {row.figure
                        ? tp("stats.row", {
                            met: row.figure.met,
                            total: row.figure.total,
                            share: f.percent(row.figure.met / row.figure.total),
                          })
                        : tp("stats.hidden")}
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
