import { Form, Link, data, useNavigation } from "react-router";
import type { Route } from "./+types/admin.ladders";
import { Button } from "~/components/ui/button";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { formatLadderError } from "~/modules/ladders";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { ladderState, reloadLaddersAs } from "~/modules/ladders/registry.server";
import { ladderStatus, restoreLadder, retireLadder } from "~/modules/ladders/retired.server";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = () => [{ title: "Ladder status · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [state, ladders] = await Promise.all([ladderState(), ladderStatus()]);
  return {
    ...ladders,
    problems: state.problems.map((problem) => ({ ...problem, lines: problem.errors.map(formatLadderError) })),
    warnings: state.warnings.map(({ folder, warnings }) => ({ folder, lines: warnings.map(formatLadderError) })),
  };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const formData = await request.formData();
  const intent = formData.get("intent") ?? "reload";
  if (intent === "retire" || intent === "restore") {
    const ladderId = formData.get("ladderId");
    if (typeof ladderId !== "string" || !ladderId) throw new NotFoundError("There is no ladder with that name.");
    const result = intent === "retire" ? await retireLadder(viewer.id, ladderId) : await restoreLadder(viewer.id, ladderId);
    return result.ok ? { message: result.message } : data({ error: result.message }, { status: 400 });
  }
  if (intent !== "reload") throw new InvalidError("Unknown action.");
  const state = await reloadLaddersAs(viewer.id);
  const failing = state.problems.length;
  return {
    message: failing
      ? `Ladders reloaded: ${state.served.length} served, ${failing} with errors (see below).`
      : `Ladders reloaded: ${state.served.length} served, every one without errors.`,
  };
});

const storedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function LadderStatus({ loaderData, actionData }: Route.ComponentProps) {
  const { served, retired, removed, problems, warnings } = loaderData;
  const done = actionData;
  const navigation = useNavigation();
  const pending = navigation.state === "submitting" ? navigation.formData : undefined;
  const reloading = pending?.get("intent") === "reload";
  return (
    <>
      <PageHeader
        title="Ladder status"
        description="Ladders are validated whenever they load. A ladder with errors is never served half-loaded: its last good version stays in use."
        actions={
          <Form method="post">
            <Button type="submit" name="intent" value="reload" disabled={reloading}>
              {reloading ? "Reloading…" : "Reload ladders"}
            </Button>
          </Form>
        }
      />
      {done && "message" in done ? <Alert tone="success">{done.message}</Alert> : null}
      {done && "error" in done ? <Alert tone="error">{done.error}</Alert> : null}
      {problems.length === 0 ? <Alert tone="success">Every ladder loaded without errors.</Alert> : null}
      {problems.map((problem) => (
        <Alert key={problem.folder} tone="error" title={`${problem.folder}: ${plural(problem.errors.length, "# error")}`}>
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
        <Alert key={entry.folder} tone="warning" title={`${entry.folder}: ${plural(entry.lines.length, "# warning")}`}>
          <p className="mb-2">The ladder loads, but its authors should fix these (ladders:check prints them too).</p>
          <ul className="space-y-1 font-mono text-xs">
            {entry.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Alert>
      ))}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">Served ladders</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Retire a ladder nobody is on, such as the shipped one when your company keeps its own: it leaves every picker and the ladder list, and its pages and what was recorded on it stay readable.
        </p>
        <ul className="space-y-2 text-sm">
          {served.map((ladder) => (
            <li key={ladder.folder} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span>
                <Link to={`/ladders/${ladder.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                  {ladder.name}
                </Link>{" "}
                version {ladder.version} from <code>{ladder.folder}</code> (content {ladder.hash.slice(0, 12)}),{" "}
                {plural(ladder.activePeople, "# active person")} on it
              </span>
              <LadderButton intent="retire" ladder={ladder} pending={pending} />
            </li>
          ))}
        </ul>
      </Card>
      {retired.length ? (
        <Card className="mt-6">
          <h2 className="mb-3 text-lg font-semibold">Retired ladders</h2>
          <ul className="space-y-2 text-sm">
            {retired.map((ladder) => (
              <li key={ladder.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span>
                  {ladder.served ? (
                    <Link to={`/ladders/${ladder.id}`} className="text-brand-600 underline underline-offset-2 dark:text-brand-100">
                      {ladder.name}
                    </Link>
                  ) : (
                    ladder.name
                  )}{" "}
                  retired on {storedFormat.format(new Date(ladder.retiredAt))} UTC{ladder.retiredBy ? ` by ${ladder.retiredBy}` : ""}
                  {ladder.served ? "" : "; its folder is no longer in the ladder folder"}
                </span>
                <LadderButton intent="restore" ladder={ladder} pending={pending} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {removed.length ? (
        <Card className="mt-6">
          <h2 className="mb-1 text-lg font-semibold">Ladders whose folder was removed</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            No longer served; what was recorded on them keeps its stored version. Retire one to keep it out of the pickers should its folder come back, for example with an upgrade.
          </p>
          <ul className="space-y-2 text-sm">
            {removed.map((ladder) => (
              <li key={ladder.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span>
                  {ladder.name} (<code>{ladder.id}</code>)
                </span>
                <LadderButton intent="retire" ladder={ladder} pending={pending} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

function LadderButton({ intent, ladder, pending }: { intent: "retire" | "restore"; ladder: { id: string; name: string }; pending: FormData | undefined }) {
  const busy = pending?.get("intent") === intent && pending.get("ladderId") === ladder.id;
  return (
    <Form method="post">
      <input type="hidden" name="ladderId" value={ladder.id} />
      <Button type="submit" variant="secondary" name="intent" value={intent} disabled={busy} aria-label={`${intent === "retire" ? "Retire" : "Restore"} ${ladder.name}`}>
        {intent === "retire" ? (busy ? "Retiring…" : "Retire") : busy ? "Restoring…" : "Restore"}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
