import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { BackLink, HiringNav } from "~/components/hiring/hiring-parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/auth/permissions.server";
import { hiringStatistics } from "~/modules/hiring/stats.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Interviewer and panel statistics · Rungs" }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const viewer = await requireRole(request, "hiringAdmin");
  return { ...(await hiringStatistics(viewer)), isAdmin: viewer.isAdmin };
});

const signed = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : ""}${value.toFixed(2)}`);
const fixed = (value: number | null, digits = 2) => (value === null ? "–" : value.toFixed(digits));

export default function HiringStats() {
  const { loops, interviewers, openings, isAdmin } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/hiring">Hiring</BackLink>
      <PageHeader
        title="Interviewer and panel statistics"
        description={`Over ${loops === 1 ? "1 decided loop" : `${loops.toLocaleString("en")} decided loops`} of ${isAdmin ? "every opening" : "the openings you manage"}. Loops where your own scorecard is not in are left out.`}
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
            <DataTable caption="Interviewer statistics" headings={["Interviewer", "Cards", "Offset", "95% interval", "Candidates (n)", "Recommend yes", "Median hours to submit"]}>
              {interviewers.map((row) => (
                <tr key={row.interviewerId}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {row.name}
                  </th>
                  <td className={tdClass}>{row.cards}</td>
                  <td className={tdClass}>
                    {signed(row.offset.estimate)}
                    {row.offset.excludesZero ? <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">{row.offset.estimate! > 0 ? "scores high" : "scores low"}</span> : null}
                  </td>
                  <td className={tdClass}>{row.offset.interval ? `${signed(row.offset.interval[0])} to ${signed(row.offset.interval[1])}` : "too few candidates"}</td>
                  <td className={tdClass}>{row.offset.candidates}</td>
                  <td className={tdClass}>
                    {row.recommendations.positiveRate === null ? `${row.recommendations.positive} of ${row.recommendations.n}` : `${Math.round(row.recommendations.positiveRate * 100)}% of ${row.recommendations.n}`}
                  </td>
                  <td className={tdClass}>{row.submission.medianHours === null ? "–" : row.submission.medianHours.toFixed(1)}</td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <Card>
              <p className="text-sm">No decided loops yet.</p>
            </Card>
          )}
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
                {opening.loops === 1 ? "1 loop" : `${opening.loops} loops`}. Overall alpha {fixed(opening.overall.alpha)} over {opening.overall.units} candidate × competency units.
              </p>
              <DataTable caption={`Agreement per competency, ${opening.title}`} headings={["Competency", "Alpha", "Candidates", "Scores"]}>
                {opening.byCompetency.map((row) => (
                  <tr key={row.competencyId}>
                    <th scope="row" className={`${tdClass} font-medium`}>
                      {row.name}
                    </th>
                    <td className={tdClass}>{fixed(row.alpha)}</td>
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
