import { Link } from "react-router";
import type { Route } from "./+types/hiring._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringNav, linkClass, useInstant } from "~/components/hiring/hiring-parts";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { hiringHome } from "~/modules/hiring/openings.server";
import { canSeeHiringStatistics } from "~/modules/hiring/policy";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Hiring · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return { ...(await hiringHome(viewer)), canSeeStatistics: canSeeHiringStatistics(viewer), isAdmin: viewer.isAdmin };
});

const CARD_WORDS = { submitted: "Submitted", draft: "Draft saved", "not-started": "Not started" } as const;

export default function HiringHome({ loaderData }: Route.ComponentProps) {
  const { canCreate, openings, interviews, canSeeStatistics, isAdmin } = loaderData;
  const when = useInstant();
  return (
    <>
      <PageHeader
        title="Hiring"
        description="Structured interviews drawn from the ladder. Interviewers score on their own: nobody sees another scorecard of a candidate until theirs is submitted."
        actions={
          canCreate ? (
            <Link to="/hiring/openings/new" className={buttonClass()}>
              Open a role
            </Link>
          ) : null
        }
      />
      <HiringNav canSeeStatistics={canSeeStatistics} isAdmin={isAdmin} />
      <div className="space-y-6">
        <section aria-labelledby="my-interviews">
          <h2 id="my-interviews" className="mb-3 text-lg font-semibold">
            Your interviews
          </h2>
          {interviews.length ? (
            <DataTable caption="Your interviews" headings={["Candidate", "Opening", "Stage", "When", "Your scorecard"]}>
              {interviews.map((interview) => (
                <tr key={interview.id}>
                  <td className={tdClass}>
                    <Link to={`/hiring/interviews/${interview.id}`} className={linkClass}>
                      {interview.candidate}
                    </Link>
                  </td>
                  <td className={tdClass}>{interview.opening}</td>
                  <td className={tdClass}>{interview.stage}</td>
                  <td className={tdClass}>{when(interview.scheduledAt)}</td>
                  <td className={tdClass}>
                    {CARD_WORDS[interview.card]}
                    {interview.loopState === "decided" ? " · decided" : interview.loopState === "closed" ? " · no longer needed" : ""}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <Card>
              <p className="text-sm text-slate-600 dark:text-slate-300">You have no interviews to hold.</p>
            </Card>
          )}
        </section>
        {canCreate ? (
          <section aria-labelledby="openings">
            <h2 id="openings" className="mb-3 text-lg font-semibold">
              {isAdmin ? "Openings" : "Your openings"}
            </h2>
            {openings.length ? (
              <DataTable caption="Openings" headings={["Opening", "Level", "Plan", "Candidates", "State"]}>
                {openings.map((opening) => (
                  <tr key={opening.id}>
                    <td className={tdClass}>
                      <Link to={`/hiring/openings/${opening.id}`} className={linkClass}>
                        {opening.title}
                      </Link>
                    </td>
                    <td className={tdClass}>{opening.level}</td>
                    <td className={tdClass}>{plural(opening.stages, "# stage")}</td>
                    <td className={tdClass}>{opening.loops}</td>
                    <td className={tdClass}>{opening.state === "open" ? "Open" : "Closed"}</td>
                  </tr>
                ))}
              </DataTable>
            ) : (
              <Card>
                <p className="text-sm text-slate-600 dark:text-slate-300">No openings yet. Open a role to build its interview plan.</p>
              </Card>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
