import { Link } from "react-router";
import type { Route } from "./+types/mentorship._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PairStatusBadge } from "~/components/mentorship/parts";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { myPairs } from "~/modules/mentorship/pairs.server";
import { canManageProgrammes } from "~/modules/mentorship/policy";
import { listProgrammes } from "~/modules/mentorship/programmes.server";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("mentorship:list.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [programmes, pairs] = await Promise.all([listProgrammes(viewer), myPairs(viewer)]);
  return { canCreate: canManageProgrammes(viewer), programmes, pairs };
});

export default function Mentorship({ loaderData }: Route.ComponentProps) {
  const { canCreate, programmes, pairs } = loaderData;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={t("list.heading")}
        description={t("list.description")}
        actions={
          canCreate ? (
            <Link to="/mentorship/new" className={buttonClass("primary")}>
              {t("list.create")}
            </Link>
          ) : null
        }
      />
      {pairs.length ? (
        <Card className="mb-6">
          <h2 className="mb-3 text-lg font-semibold">{t("programme.yourPairs")}</h2>
          <ul className="space-y-2 text-sm">
            {pairs.map((pair) => (
              <li key={pair.id} className="flex flex-wrap items-center gap-2">
                <Link
                  to={`/mentorship/${pair.programmeId}/pairs/${pair.id}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("programme.pairWith", { role: pair.role, name: pair.otherName })}
                </Link>
                <span className="text-slate-600 dark:text-slate-300">
                  {t("list.inProgramme", { name: pair.programmeName })}
                </span>
                <PairStatusBadge status={pair.status} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {programmes.length ? (
        <DataTable
          caption={t("list.caption")}
          headings={[
            t("list.programme"),
            t("list.state"),
            t("programmeForm.matchingOn"),
            t("list.dates"),
            t("list.joined"),
            t("list.you"),
          ]}
        >
          {programmes.map((programme) => (
            <tr key={programme.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/mentorship/${programme.id}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {programme.name}
                </Link>
              </th>
              <td className={tdClass}>{t(`phase.${programme.phase}`)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{f.day(programme.matchingOn)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {t("list.dateRange", {
                  startsOn: f.day(programme.startsOn),
                  endsOn: f.day(programme.endsOn),
                })}
              </td>
              <td className={`${tdClass} tabular-nums`}>
                {t("list.joinedCounts", { mentees: programme.mentees, mentors: programme.mentors })}
              </td>
              <td className={tdClass}>
                {programme.roles.length
                  ? f.list(programme.roles.map((role) => t(`role.${role}`)))
                  : "—"}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {canCreate ? t("list.noneAdmin") : t("list.none")}
          </p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
