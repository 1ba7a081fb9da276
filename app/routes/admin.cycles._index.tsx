import { Link } from "react-router";
import type { Route } from "./+types/admin.cycles._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge } from "~/components/cycles/cycle-badges";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { requireRole } from "~/modules/identity/permissions.server";
import { formatCount } from "~/modules/cycles/cycle-progress";
import { listCycles } from "~/modules/cycles/cycles.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Review cycles · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  return { cycles: await listCycles() };
});

function Share({ count, of }: { count: number; of: number }) {
  return (
    <span className="tabular-nums">
      {formatCount(count)}
      <span className="text-slate-500 dark:text-slate-400"> of {formatCount(of)}</span>
    </span>
  );
}

export default function Cycles({ loaderData }: Route.ComponentProps) {
  const { cycles } = loaderData;
  return (
    <>
      <PageHeader
        title="Review cycles"
        description="A cycle is a window in which people assess themselves and their managers review them. Its participants are fixed when it opens."
        actions={
          <Link to="/admin/cycles/new" className={buttonClass("primary")}>
            Open a cycle
          </Link>
        }
      />
      {cycles.length ? (
        <DataTable
          caption="Review cycles, newest first"
          headings={["Cycle", "Dates", "Status", "Participants", "Self-assessments submitted", "Manager reviews submitted"]}
        >
          {cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link to={`/admin/cycles/${cycle.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {cycle.name}
                </Link>
              </th>
              <td className={tdClass}>
                <CycleDates startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
              </td>
              <td className={tdClass}>
                <CycleStatusBadge status={cycle.status} />
              </td>
              <td className={`${tdClass} tabular-nums`}>{formatCount(cycle.participants)}</td>
              <td className={tdClass}>
                <Share count={cycle.selfSubmitted} of={cycle.participants} />
              </td>
              <td className={tdClass}>
                <Share count={cycle.managerSubmitted} of={cycle.participants} />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>No review cycle has been opened yet. People can still assess themselves outside a cycle at any time.</p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
