import { Link } from "react-router";
import type { Route } from "./+types/calibration._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { isSessionState, SESSION_STATE_LABELS } from "~/modules/calibration/session-state";
import { listSessions } from "~/modules/calibration/sessions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Calibration · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const sessions = await listSessions(viewer);
  return { canCreate: viewer.isAdmin, sessions: sessions.map((session) => ({ ...session, stateLabel: isSessionState(session.state) ? SESSION_STATE_LABELS[session.state] : session.state })) };
});

export default function CalibrationSessions({ loaderData }: Route.ComponentProps) {
  const { canCreate, sessions } = loaderData;
  return (
    <>
      <PageHeader
        title="Calibration"
        description="Sessions in which managers propose overall ratings and level outcomes for their reports, and a facilitator records the final outcomes, with the reason for every change."
        actions={
          canCreate ? (
            <Link to="/calibration/new" className={buttonClass("primary")}>
              Set up a session
            </Link>
          ) : null
        }
      />
      {sessions.length ? (
        <DataTable caption="Calibration sessions you take part in, newest first" headings={["Session", "Review cycle", "State", "People", "Facilitator"]}>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link to={`/calibration/${session.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {session.name}
                </Link>
              </th>
              <td className={tdClass}>{session.cycleName}</td>
              <td className={tdClass}>{session.stateLabel}</td>
              <td className={`${tdClass} tabular-nums`}>{session.people}</td>
              <td className={tdClass}>{session.facilitatorName}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {canCreate ? "No calibration sessions yet. Set one up for a review cycle." : "You are not in any calibration session. Managers are invited to the sessions that include their reports."}
          </p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
