import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { formatLadderError } from "~/modules/ladders";
import { requireRole } from "~/modules/auth/permissions.server";
import { ladderState } from "~/modules/ladders/registry.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Ladder status · Rungs" }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, "admin");
  const state = await ladderState();
  return {
    served: state.served.map(({ folder, ladder, hash }) => ({ folder, id: ladder.meta.id, name: ladder.meta.name, version: ladder.meta.version, hash })),
    problems: state.problems.map((problem) => ({ ...problem, lines: problem.errors.map(formatLadderError) })),
  };
});

export default function LadderStatus() {
  const { served, problems } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title="Ladder status" description="Ladders are validated whenever they load. A ladder with errors is never served half-loaded: its last good version stays in use." />
      {problems.length === 0 ? <Alert tone="success">Every ladder loaded without errors.</Alert> : null}
      {problems.map((problem) => (
        <Alert key={problem.folder} tone="error" title={`${problem.folder}: ${problem.errors.length} error${problem.errors.length === 1 ? "" : "s"}`}>
          <p className="mb-2">{problem.keptPrevious ? "Still serving the last good version of this ladder." : "This ladder is not being served."}</p>
          <ul className="space-y-1 font-mono text-xs">
            {problem.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ))}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Served ladders</h2>
        <ul className="space-y-1 text-sm">
          {served.map((ladder) => (
            <li key={ladder.folder}>
              <Link to={`/ladders/${ladder.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                {ladder.name}
              </Link>{" "}
              version {ladder.version} from <code>{ladder.folder}</code> (content {ladder.hash.slice(0, 12)})
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
