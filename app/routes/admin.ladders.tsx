import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { formatLadderError } from "~/modules/ladders";
import { requireRole } from "~/modules/auth/permissions.server";
import { ladderState, reloadLaddersAs } from "~/modules/ladders/registry.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Ladder status · Rungs" }];

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, "admin");
  const state = await ladderState();
  return {
    served: state.served.map(({ folder, ladder, hash }) => ({ folder, id: ladder.meta.id, name: ladder.meta.name, version: ladder.meta.version, hash })),
    problems: state.problems.map((problem) => ({ ...problem, lines: problem.errors.map(formatLadderError) })),
    warnings: state.warnings.map(({ folder, warnings }) => ({ folder, lines: warnings.map(formatLadderError) })),
  };
});

export const action = withDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const viewer = await requireRole(request, "admin");
  const state = await reloadLaddersAs(viewer.id);
  const failing = state.problems.length;
  return {
    message: failing
      ? `Ladders reloaded: ${state.served.length} served, ${failing} with errors (see below).`
      : `Ladders reloaded: ${state.served.length} served, every one without errors.`,
  };
});

const storedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function LadderStatus() {
  const { served, problems, warnings } = useLoaderData<typeof loader>();
  const reloaded = useActionData<typeof action>();
  const reloading = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader
        title="Ladder status"
        description="Ladders are validated whenever they load. A ladder with errors is never served half-loaded: its last good version stays in use."
        actions={
          <Form method="post">
            <Button type="submit" disabled={reloading}>
              {reloading ? "Reloading…" : "Reload ladders"}
            </Button>
          </Form>
        }
      />
      {reloaded ? <Alert tone="success">{reloaded.message}</Alert> : null}
      {problems.length === 0 ? <Alert tone="success">Every ladder loaded without errors.</Alert> : null}
      {problems.map((problem) => (
        <Alert key={problem.folder} tone="error" title={`${problem.folder}: ${problem.errors.length} error${problem.errors.length === 1 ? "" : "s"}`}>
          <p className="mb-2">
            {!problem.keptPrevious
              ? "This ladder is not being served."
              : problem.storedAt
                ? `Serving the last good version, stored on ${storedFormat.format(new Date(problem.storedAt))} UTC: the files have not loaded since the server started.`
                : "Still serving the last good version of this ladder."}
          </p>
          <ul className="space-y-1 font-mono text-xs">
            {problem.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ))}
      {warnings.map((entry) => (
        <Alert key={entry.folder} tone="warning" title={`${entry.folder}: ${entry.lines.length} warning${entry.lines.length === 1 ? "" : "s"}`}>
          <p className="mb-2">The ladder loads, but its authors should fix these (ladders:check prints them too).</p>
          <ul className="space-y-1 font-mono text-xs">
            {entry.lines.map((line) => (
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
