import { Link } from "react-router";
import type { Route } from "./+types/admin.audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { listAuditEvents } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/identity/permissions.server";
import { ladderWords } from "~/modules/ladders";
import { servedLadders } from "~/modules/ladders/registry.server";
import { withDomainErrors } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Audit log · Rungs" }];

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const ladders = (await servedLadders()).map((served) => served.ladder);
  return listAuditEvents(pageParam(url.searchParams), ladderWords(ladders));
});

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { events, total, page, pageCount } = loaderData;
  return (
    <>
      <PageHeader title="Audit log" description="Every administrative change, newest first. Entries cannot be edited or removed." />
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{plural(total, "# event")}</p>
      {events.length ? (
        <DataTable caption={`Audit events, page ${page} of ${pageCount}`} headings={["When (UTC)", "Who", "What", "Subject", "Detail"]}>
          {events.map((event) => (
            <tr key={event.id}>
              <td className={`${tdClass} whitespace-nowrap tabular-nums`}>
                <time dateTime={event.createdAt}>{dateFormat.format(new Date(event.createdAt))}</time>
              </td>
              <td className={tdClass}>
                {event.actor ? (
                  <Link to={`/admin/people/${event.actor.id}`} className="hover:underline">
                    {event.actor.name}
                  </Link>
                ) : event.scimToken ? (
                  <Link to="/admin/scim" className="hover:underline">
                    SCIM token “{event.scimToken.name}”
                  </Link>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">System</span>
                )}
              </td>
              <th scope="row" className={`${tdClass} whitespace-nowrap font-normal`}>
                {event.actionLabel}
              </th>
              <td className={tdClass}>
                {event.subjectType === "person" && event.subjectId ? (
                  <Link to={`/admin/people/${event.subjectId}`} className="text-brand-600 hover:underline dark:text-brand-100">
                    {event.subjectName ?? "Unknown person"}
                  </Link>
                ) : event.subjectType === "team" ? (
                  <Link to="/admin/teams" className="hover:underline">
                    {event.subjectName ?? "Deleted team"}
                  </Link>
                ) : event.subjectType === "ReviewCycle" && event.subjectId ? (
                  <Link to={`/admin/cycles/${event.subjectId}`} className="hover:underline">
                    {event.subjectName ?? "Unknown review cycle"}
                  </Link>
                ) : event.subjectType === "people" ? (
                  "People (import)"
                ) : (
                  event.subjectType
                )}
              </td>
              <td className={`${tdClass} max-w-md break-words text-slate-600 dark:text-slate-300`}>{event.detail}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>Nothing has been recorded yet.</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} label="Audit log pages" />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
