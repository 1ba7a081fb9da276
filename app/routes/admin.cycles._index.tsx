import { Link } from "react-router";
import type { Route } from "./+types/admin.cycles._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge } from "~/components/cycles/cycle-badges";
import { buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireRole } from "~/modules/identity/permissions.server";
import { listCycles } from "~/modules/cycles/cycles.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("cycles:index.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  return { cycles: await listCycles() };
});

function Share({ count, of }: { count: number; of: number }) {
  const { t } = useTranslation("cycles");
  return <span className="tabular-nums">{t("index.share", { count, total: of })}</span>;
}

export default function Cycles({ loaderData }: Route.ComponentProps) {
  const { cycles } = loaderData;
  const { t } = useTranslation("cycles");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={t("index.heading")}
        description={t("index.description")}
        actions={
          <Link to="/admin/cycles/new" className={buttonClass("primary")}>
            {t("index.open")}
          </Link>
        }
      />
      {cycles.length ? (
        <DataTable
          caption={t("index.caption")}
          headings={[
            t("index.cycle"),
            t("index.dates"),
            t("index.status"),
            t("index.participants"),
            t("index.selfSubmitted"),
            t("index.managerSubmitted"),
          ]}
        >
          {cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/admin/cycles/${cycle.id}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {cycle.name}
                </Link>
              </th>
              <td className={tdClass}>
                <CycleDates startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
              </td>
              <td className={tdClass}>
                <CycleStatusBadge status={cycle.status} />
              </td>
              <td className={`${tdClass} tabular-nums`}>{f.number(cycle.participants)}</td>
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
          <p>{t("index.none")}</p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
