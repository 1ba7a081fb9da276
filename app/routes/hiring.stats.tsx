import { Link } from "react-router";
import type { Route } from "./+types/hiring.stats";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav } from "~/components/hiring/hiring-parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { requireUser } from "~/modules/identity/permissions.server";
import { statisticsScope } from "~/modules/hiring/statistics-text";
import { hiringStatistics } from "~/modules/hiring/stats.server";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam, pageParam } from "~/utils/search-params";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Interviewer and panel statistics · Rungs" }];

const signed = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(2)}`);
const fixed = (value: number | null, digits = 2) => (value === null ? "–" : value.toFixed(digits));

/**
 * The page's rows as it shows them: figures rounded to what is printed, so the document carries
 * a few short strings per interviewer rather than every float the statistics keep. Interviewers come
 * a page of 50 at a time, by name or with those whose interval excludes zero first (the
 * largest offset first), so an organisation with hundreds of interviewers gets a page to read.
 */
const PAGE_SIZE = 50;
const ORDERS = ["name", "offset"] as const;

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const searchParams = url.searchParams;
  const order = choiceParam(searchParams, "order", ORDERS, "order") || "name";
  const { loops, withheld, interviewers, openings } = await hiringStatistics(viewer);
  const ordered =
    order === "name"
      ? interviewers
      : [...interviewers].sort(
          (a, b) =>
            Number(b.offset.excludesZero) - Number(a.offset.excludesZero) ||
            Math.abs(b.offset.estimate ?? 0) - Math.abs(a.offset.estimate ?? 0) ||
            a.name.localeCompare(b.name),
        );
  const pageCount = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
  const page = Math.min(pageParam(searchParams), pageCount);
  return {
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
      offset: signed(row.offset.estimate),
      leaning: row.offset.excludesZero ? (row.offset.estimate! > 0 ? "scores high" : "scores low") : null,
      interval: row.offset.interval ? `${signed(row.offset.interval[0])} to ${signed(row.offset.interval[1])}` : "too few candidates",
      candidates: row.offset.candidates,
      recommends:
        row.recommendations.positiveRate === null
          ? `${row.recommendations.positive} of ${row.recommendations.n}`
          : `${Math.round(row.recommendations.positiveRate * 100)}% of ${row.recommendations.n}`,
      recommendations: row.recommendations.n,
      medianHours: row.submission.medianHours === null ? "–" : row.submission.medianHours.toFixed(1),
    })),
    openings: openings.map((opening) => ({
      id: opening.id,
      title: opening.title,
      loops: opening.loops,
      alpha: fixed(opening.overall.alpha),
      units: opening.overall.units,
      byCompetency: opening.byCompetency.map((row) => ({ id: row.competencyId, name: row.name, alpha: fixed(row.alpha), units: row.units, values: row.values })),
    })),
  };
});

export default function HiringStats({ loaderData }: Route.ComponentProps) {
  const { scope, interviewers, openings, isAdmin, order, page, pageCount, interviewerCount } = loaderData;
  return (
    <>
      <BackLink to="/hiring">Hiring</BackLink>
      <PageHeader
        title="Interviewer and panel statistics"
        description={scope}
      />
      <HiringNav canSeeStatistics isAdmin={isAdmin} />
      <div className="space-y-6">
        <section aria-labelledby="interviewers">
          <h2 id="interviewers" className="mb-1 text-lg font-semibold">
            Interviewers
          </h2>
          <p className="mb-3 max-w-3xl text-sm text-slate-600 dark:text-slate-300">
            Offset: how far an interviewer&apos;s scores sit from their co-panelists&apos; on the same candidates and competencies, averaged per candidate, with a 95% interval over
            candidates. Only an interval that excludes zero says they really score higher or lower. Recommend rates show from four cards.
          </p>
          {interviewers.length ? (
            <nav aria-label="Order of interviewers" className="mb-3 flex flex-wrap items-center gap-3 text-sm">
              <span>
                {plural(interviewerCount, "# interviewer")}, ordered:
              </span>
              {ORDERS.map((value) => (
                <Link key={value} to={value === "name" ? "/hiring/stats" : `/hiring/stats?order=${value}`} aria-current={order === value ? "true" : undefined} className={order === value ? "font-semibold" : "underline"}>
                  {value === "name" ? "by name" : "real offsets first"}
                </Link>
              ))}
            </nav>
          ) : null}
          {interviewers.length ? (
            <DataTable caption={pageCount > 1 ? `Interviewer statistics, page ${page} of ${pageCount}` : "Interviewer statistics"} headings={["Interviewer", "Cards", "Offset", "95% interval", "Candidates (n)", "Recommend yes", "Median hours to submit"]}>
              {interviewers.map((row) => (
                <tr key={row.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.name}
                  </th>
                  <td className={tdClass}>{row.cards}</td>
                  <td className={tdClass}>
                    {row.offset}
                    {row.leaning ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">{row.leaning}</span> : null}
                  </td>
                  <td className={tdClass}>{row.interval}</td>
                  <td className={tdClass}>{row.candidates}</td>
                  <td className={tdClass}>{row.recommends}</td>
                  <td className={tdClass}>{row.medianHours}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <Card>
              <p className="text-sm">No decided loops yet.</p>
            </Card>
          )}
          <Pagination page={page} pageCount={pageCount} label="Interviewer pages" />
        </section>
        <section aria-labelledby="agreement" className="space-y-4">
          <h2 id="agreement" className="text-lg font-semibold">
            Agreement per opening
          </h2>
          <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-300">
            Krippendorff&apos;s alpha (ordinal): 1 is perfect agreement, 0 no more than chance. Over a handful of loops it is noisy; the units behind each figure are shown.
          </p>
          {openings.map((opening) => (
            <Card key={opening.id}>
              <h3 className="font-semibold">{opening.title}</h3>
              <p className="mb-2 text-sm">
                {plural(opening.loops, "# loop")}. Overall alpha {opening.alpha} over {opening.units} candidate × competency units.
              </p>
              <DataTable caption={`Agreement per competency, ${opening.title}`} headings={["Competency", "Alpha", "Candidates", "Scores"]}>
                {opening.byCompetency.map((row) => (
                  <tr key={row.id}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={tdClass}>{row.alpha}</td>
                    <td className={tdClass}>{row.units}</td>
                    <td className={tdClass}>{row.values}</td>
                  </tr>
                ))}
              </DataTable>
            </Card>
          ))}
        </section>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
