import type { Route } from "./+types/hiring.validity";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav } from "~/components/hiring/hiring-parts";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { validityStatistics } from "~/modules/hiring/stats.server";
import { validityWaitingFor } from "~/modules/hiring/statistics-text";
import type { Correlation } from "~/modules/hiring/validity";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Validity of interview scores · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const statistics = await validityStatistics(viewer);
  return { ...statistics, isAdmin: viewer.isAdmin, waitingFor: validityWaitingFor(statistics.linkedHires, statistics.report.hires, statistics.report.minN) };
});

function coefficient(value: Correlation["pearson"]) {
  if (!value) return "–";
  return `${value.value.toFixed(2)}${value.interval ? ` (${value.interval[0].toFixed(2)} to ${value.interval[1].toFixed(2)})` : ""}`;
}

function Rows({ rows, minN }: { rows: (Correlation & { key: string; label: string })[]; minN: number }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className={`${tdClass} font-medium`}>
            {row.label}
          </th>
          <td className={tdClass}>{row.n}</td>
          {row.suppressed ? (
            <td className={tdClass} colSpan={2}>
              Not shown: fewer than {minN} hires
            </td>
          ) : (
            <>
              <td className={tdClass}>{coefficient(row.pearson)}</td>
              <td className={tdClass}>{coefficient(row.spearman)}</td>
            </>
          )}
        </tr>
      ))}
    </>
  );
}

export default function Validity({ loaderData }: Route.ComponentProps) {
  const { linkedHires, report, isAdmin, waitingFor } = loaderData;
  const headings = ["", "Hires (n)", "Pearson's r (95% interval)", "Spearman's rho (95% interval)"];
  return (
    <>
      <BackLink to="/hiring">Hiring</BackLink>
      <PageHeader
        title="Validity of interview scores"
        description={`Do interview scores predict how hires are later rated? Each hire linked to their account (${linkedHires} so far; ${report.hires} with a submitted manager review since) counts once: their interview scores against their first manager review after the decision.`}
      />
      <HiringNav canSeeStatistics isAdmin={isAdmin} />
      <Alert tone="warning" title="Only hired people can be followed">
        {report.caveat}
      </Alert>
      {waitingFor ? (
        <Alert tone="info" title="Nothing to compare yet">
          {waitingFor.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Alert>
      ) : (
        <div className="space-y-6">
          <section aria-labelledby="by-competency">
            <h2 id="by-competency" className="mb-2 text-lg font-semibold">
              Per competency
            </h2>
            <DataTable caption="Interview score against later review rating, per competency" headings={[{ key: "c", label: "Competency" }, ...headings.slice(1)]}>
              <Rows rows={report.byCompetency.map((row) => ({ ...row, key: row.competencyId, label: row.name }))} minN={report.minN} />
            </DataTable>
          </section>
          <section aria-labelledby="by-stage">
            <h2 id="by-stage" className="mb-2 text-lg font-semibold">
              Per stage
            </h2>
            <DataTable caption="Mean interview score in a stage against the mean review rating of the same competencies" headings={[{ key: "s", label: "Stage" }, ...headings.slice(1)]}>
              <Rows rows={report.byStage.map((row) => ({ ...row, key: row.stageId, label: row.stageId }))} minN={report.minN} />
            </DataTable>
          </section>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
