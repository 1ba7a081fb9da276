import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/calibration.$sessionId.grid";
import { OutcomeGrid } from "~/components/calibration/outcome-grid";
import { SessionFilterForm, SessionTabs } from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { cellText, MoveSchema } from "~/modules/calibration/grid";
import { gridView, moveOnGrid, undoLastMove } from "~/modules/calibration/grid.server";
import { readSessionFilters } from "~/modules/calibration/session-view.server";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plural } from "~/utils/plural";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Grid · ${loaderData?.session.name ?? "Calibration session"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return gridView(viewer, params.sessionId ?? "", readSessionFilters(url.searchParams));
});

/** Back to the grid as it was filtered, saying what happened to whom. */
function backToGrid(url: URL, sessionId: string, said: [string, string]) {
  const search = new URLSearchParams(Object.entries(readSessionFilters(url.searchParams)).flatMap(([name, value]) => (value ? [[name, value]] : [])));
  search.set(...said);
  return redirect(`/calibration/${sessionId}/grid?${search}`);
}

export const action = withFormRefusals(async ({ request, url, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const sessionId = params.sessionId ?? "";
  const intent = form.get("intent");
  if (intent === "undo") {
    const undone = await undoLastMove(viewer, sessionId);
    return backToGrid(url, sessionId, ["undone", undone.entryId]);
  }
  if (intent !== "move") throw new InvalidError("Unknown action.");
  const submission = parseWithZod(form, { schema: MoveSchema });
  const entryId = String(form.get("entryId") ?? "");
  if (submission.status !== "success") return data({ intent: "move" as const, entryId, result: submission.reply() }, { status: 400 });
  const { rating, second, reason, revision } = submission.value;
  const saved = await moveOnGrid(viewer, sessionId, { entryId, cell: { rating, second }, reason, revision });
  if (!saved.ok) {
    // The outcome's checks speak of its form's fields: the reason is this form's.
    const { text, rating: ratingErrors, second: secondErrors, ...others } = saved.fieldErrors;
    return data(
      { intent: "move" as const, entryId, result: submission.reply({ fieldErrors: { reason: text ?? [], rating: ratingErrors ?? [], second: secondErrors ?? [], "": Object.values(others).flat() } }) },
      { status: 400 },
    );
  }
  return backToGrid(url, sessionId, [saved.unchanged ? "unchanged" : "moved", entryId]);
});

export default function CalibrationGrid({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const reply = actionData;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  useLiveSession(view.session.id);
  const nameOf = (id: string | null) => (id ? view.people?.find((person) => person.id === id) : undefined);
  const message = (() => {
    // A refusal is said in the alert above the grid; the grid's own line is cleared of what it was doing.
    if (reply) return { text: "", focusId: null };
    const moved = nameOf(searchParams.get("moved"));
    const undone = nameOf(searchParams.get("undone"));
    const unchanged = nameOf(searchParams.get("unchanged"));
    const place = (person: NonNullable<typeof moved>) => (person.at ? cellText(person.at.cell, view.axes, view.session.secondDimension) : "off the grid");
    if (moved) return { text: `${moved.name} moved to ${place(moved)}: their final outcome is recorded.`, focusId: moved.id };
    if (undone) return { text: `Move undone: ${undone.name} is back ${undone.at ? `in ${place(undone)}` : "off the grid"}${undone.at && !undone.at.decided ? " (as proposed)" : ""}.`, focusId: undone.id };
    if (unchanged) return { text: `Nothing changed: ${possessive(unchanged.name)} outcome already is that.`, focusId: unchanged.id };
    return null;
  })();
  const refused = reply && "result" in reply ? reply : null;
  return (
    <>
      <BackLink to="/calibration">Calibration</BackLink>
      <PageHeader title={view.session.name} description="The grid: move people to record their final outcomes." />
      <SessionTabs sessionId={view.session.id} filters={view.filters} current="grid" />
      {reply && "error" in reply ? <Alert tone="error">{reply.error}</Alert> : null}
      {refused ? <Alert tone="error">{`${nameOf(refused.entryId)?.name ?? "That person"} was not moved: see the form under their name.`}</Alert> : null}
      {view.session.state !== "live" ? (
        <Alert tone="info">{view.session.state === "locked" || view.session.state === "published" ? "The session is locked: the grid shows the final outcomes." : "Outcomes are recorded once the session is live; until then the grid shows the proposals you can see."}</Alert>
      ) : !view.canMove ? (
        <Alert tone="info">The facilitator moves people on the grid; you see each move as it is made.</Alert>
      ) : null}
      <SessionFilterForm sessionId={view.session.id} view="grid" filters={view.filters} filterProblems={view.filterProblems} filterOptions={view.filterOptions} />
      {view.canMove ? (
        <Form method="post" preventScrollReset className="mb-4 flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="undo" />
          <Button type="submit" variant="secondary" disabled={!view.lastMove || navigation.state === "submitting"}>
            {view.lastMove ? `Undo my last move (${view.lastMove.name})` : "Undo my last move"}
          </Button>
          <span className="text-xs text-slate-600 dark:text-slate-300">
            {view.lastMove ? "Puts them back where they were; the move and its undoing both stay in the history." : "You have no move to undo."}
          </span>
        </Form>
      ) : null}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">{view.session.secondDimension ? `Rating and ${view.session.secondDimension.toLowerCase()}` : "Ratings"}</h2>
        <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
          {plural(view.total, "# person")}
          {Object.values(view.filters).some(Boolean) ? " as filtered" : ""}
          {view.unplacedCount ? `, ${view.unplacedCount} not on the grid yet` : ""}.
        </p>
        {view.people === null ? (
          <Alert tone="info">{`More than ${view.limit} people: the cells count them; filter by team, manager, track or level to see and move people one by one.`}</Alert>
        ) : null}
        <OutcomeGrid
          axes={view.axes}
          dimension={view.session.secondDimension}
          people={view.people}
          counts={view.counts}
          canMove={view.canMove}
          message={message}
          errorFor={refused?.entryId ?? null}
          lastResult={refused?.result}
        />
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
