import { useTranslation } from "~/i18n/use-translation";
import { Link } from "react-router";
import type { Route } from "./+types/calibration._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { canSetUpSession } from "~/modules/calibration/policy";
import { isSessionState } from "~/modules/calibration/session-state";
import { listSessions } from "~/modules/calibration/sessions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("calibration:title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const sessions = await listSessions(viewer);
  return { canCreate: canSetUpSession(viewer), sessions };
});

export default function CalibrationSessions({ loaderData }: Route.ComponentProps) {
  const { canCreate, sessions } = loaderData;
  const { t } = useTranslation("calibration");
  const f = useFormats();
  return (
    <>
      <PageHeader
        title={t("list.heading")}
        description={t("list.intro")}
        actions={
          canCreate ? (
            <Link to="/calibration/new" className={buttonClass("primary")}>
              {t("list.setUp")}
            </Link>
          ) : null
        }
      />
      {sessions.length ? (
        <DataTable
          caption={t("list.caption")}
          headings={[
            t("list.session"),
            t("list.cycle"),
            t("list.state"),
            t("list.people"),
            t("list.facilitator"),
          ]}
        >
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/calibration/${session.id}`}
                  className="text-brand-600 hover:underline dark:text-brand-100"
                >
                  {session.name}
                </Link>
              </th>
              <td className={tdClass}>{session.cycleName}</td>
              <td className={tdClass}>
                {isSessionState(session.state) ? t(`state.${session.state}`) : session.state}
              </td>
              <td className={`${tdClass} tabular-nums`}>{f.number(session.people)}</td>
              <td className={tdClass}>{session.facilitatorName}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {canCreate ? t("list.emptyAdmin") : t("list.empty")}
          </p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
