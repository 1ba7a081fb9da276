import { Link } from "react-router";
import type { Route } from "./+types/mentorship._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDay, PairStatusBadge } from "~/components/mentorship/parts";
import { buttonClass } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { myPairs } from "~/modules/mentorship/pairs.server";
import { canManageProgrammes } from "~/modules/mentorship/policy";
import { listProgrammes } from "~/modules/mentorship/programmes.server";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Mentorship · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [programmes, pairs] = await Promise.all([listProgrammes(viewer), myPairs(viewer)]);
  return { canCreate: canManageProgrammes(viewer), programmes, pairs };
});

export default function Mentorship({ loaderData }: Route.ComponentProps) {
  const { canCreate, programmes, pairs } = loaderData;
  return (
    <>
      <PageHeader
        title="Mentorship"
        description="Programmes pair people who want to grow with mentors who are strong where they want to grow, for the whole programme at once."
        actions={
          canCreate ? (
            <Link to="/mentorship/new" className={buttonClass("primary")}>
              Set up a programme
            </Link>
          ) : null
        }
      />
      {pairs.length ? (
        <Card className="mb-6">
          <h2 className="mb-3 text-lg font-semibold">Your pairs</h2>
          <ul className="space-y-2 text-sm">
            {pairs.map((pair) => (
              <li key={pair.id} className="flex flex-wrap items-center gap-2">
                <Link to={`/mentorship/${pair.programmeId}/pairs/${pair.id}`} className="text-brand-600 underline dark:text-brand-100">
                  {pair.role === "mentee" ? `${pair.otherName}, your mentor` : `${pair.otherName}, your mentee`}
                </Link>
                <span className="text-slate-600 dark:text-slate-300">in {pair.programmeName}</span>
                <PairStatusBadge status={pair.status} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {programmes.length ? (
        <DataTable caption="Mentorship programmes, newest first" headings={["Programme", "State", "Matching day", "Dates", "Joined", "You"]}>
          {programmes.map((programme) => (
            <tr key={programme.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link to={`/mentorship/${programme.id}`} className="text-brand-600 hover:underline dark:text-brand-100">
                  {programme.name}
                </Link>
              </th>
              <td className={tdClass}>{programme.phaseLabel}</td>
              <td className={`${tdClass} whitespace-nowrap`}>{formatDay(programme.matchingOn)}</td>
              <td className={`${tdClass} whitespace-nowrap`}>
                {formatDay(programme.startsOn)} – {formatDay(programme.endsOn)}
              </td>
              <td className={`${tdClass} tabular-nums`}>
                {plural(programme.mentees, "# mentee")}, {plural(programme.mentors, "# mentor")}
              </td>
              <td className={tdClass}>{programme.roles.length ? programme.roles.map((role) => (role === "mentee" ? "Mentee" : "Mentor")).join(" and ") : "—"}</td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {canCreate ? "No programmes yet. Set one up: people opt in until its matching day." : "No mentorship programme is open to you at the moment."}
          </p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
