import { Link } from "react-router";
import type { Route } from "./+types/admin.audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { Pagination } from "~/components/ui/pagination";
import { listAuditEvents } from "~/modules/audit/audit.server";
import { requireRole } from "~/modules/identity/permissions.server";
import { ladderWords } from "~/modules/ladders";
import { servedLaddersIn } from "~/modules/ladders/registry.server";
import { withDomainErrors } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Read, not edited: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("admin:audit.title") },
];

export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const ladders = (await servedLaddersIn(languageOf(context))).map((served) => served.ladder);
  return listAuditEvents(pageParam(url.searchParams), ladderWords(ladders));
});

export default function AuditLog({ loaderData }: Route.ComponentProps) {
  const { events, total, page, pageCount } = loaderData;
  const { t } = useTranslation("admin");
  const f = useFormats();
  return (
    <>
      <PageHeader title={t("audit.heading")} description={t("audit.description")} />
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        {t("audit.count", { count: total })}
      </p>
      {events.length ? (
        <DataTable
          caption={t("audit.caption", { page, pageCount })}
          headings={[
            t("audit.when"),
            t("audit.who"),
            t("audit.what"),
            t("audit.subject"),
            t("audit.detail"),
          ]}
        >
          {events.map((event) => (
            <tr key={event.id}>
              <td className={`${tdClass} whitespace-nowrap tabular-nums`}>
                <time dateTime={event.createdAt}>{f.dateTime(event.createdAt)}</time>
              </td>
              <td className={tdClass}>
                {event.actor ? (
                  <Link to={`/admin/people/${event.actor.id}`} className="hover:underline">
                    {event.actor.name}
                  </Link>
                ) : event.scimToken ? (
                  <Link to="/admin/scim" className="hover:underline">
                    {t("audit.scimToken", { name: event.scimToken.name })}
                  </Link>
                ) : (
                  <span className="text-slate-500 dark:text-slate-400">{t("audit.system")}</span>
                )}
              </td>
              <th scope="row" className={`${tdClass} whitespace-nowrap font-normal`}>
                {wordsOf(t, event.actionLabel)}
              </th>
              <td className={tdClass}>
                {event.subjectType === "person" && event.subjectId ? (
                  <Link
                    to={`/admin/people/${event.subjectId}`}
                    className="text-brand-600 hover:underline dark:text-brand-100"
                  >
                    {event.subjectName ?? t("audit.unknownPerson")}
                  </Link>
                ) : event.subjectType === "team" ? (
                  <Link to="/admin/teams" className="hover:underline">
                    {event.subjectName ?? t("audit.deletedTeam")}
                  </Link>
                ) : event.subjectType === "ReviewCycle" && event.subjectId ? (
                  <Link to={`/admin/cycles/${event.subjectId}`} className="hover:underline">
                    {event.subjectName ?? t("audit.unknownCycle")}
                  </Link>
                ) : event.subjectType === "people" ? (
                  t("audit.peopleImport")
                ) : (
                  wordsOf(t, event.subjectLabel)
                )}
              </td>
              <td className={`${tdClass} max-w-md break-words text-slate-600 dark:text-slate-300`}>
                {wordsOf(t, event.detail)}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{t("audit.empty")}</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} label={t("audit.pages")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
