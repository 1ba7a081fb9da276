import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/calibration.$sessionId.grid";
import {
  dimensionInSentence,
  OutcomeGrid,
  useCellWords,
} from "~/components/calibration/outcome-grid";
import { SessionFilterForm, SessionTabs } from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { MoveSchema } from "~/modules/calibration/grid";
import { gridView, moveOnGrid, undoLastMove } from "~/modules/calibration/grid.server";
import { readSessionFilters } from "~/modules/calibration/session-view.server";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { LiveNotice } from "~/components/ui/live-notice";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 165): the page's one script moves people on the grid and follows the
 * session's changes; opened in place from a page with the app's scripts, its components do.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("calibration:grid.title", { name: loaderData.session.name })
      : metaT(matches)("calibration:grid.titleFallback"),
  },
];

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    return gridView(
      viewer,
      params.sessionId ?? "",
      readSessionFilters(url.searchParams),
      languageOf(context),
    );
  },
);

/** Back to the grid as it was filtered, saying what happened to whom. */
function backToGrid(url: URL, sessionId: string, said: [string, string]) {
  const search = new URLSearchParams(
    Object.entries(readSessionFilters(url.searchParams)).flatMap(([name, value]) =>
      value ? [[name, value]] : [],
    ),
  );
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
  if (intent !== "move") throw new InvalidError({ key: "calibration:errors.unknownAction" });
  const submission = parseWithZod(form, { schema: MoveSchema });
  const entryId = String(form.get("entryId") ?? "");
  if (submission.status !== "success")
    return data({ intent: "move" as const, entryId, result: submission.reply() }, { status: 400 });
  const { rating, second, reason, revision } = submission.value;
  const saved = await moveOnGrid(viewer, sessionId, {
    entryId,
    cell: { rating, second },
    reason,
    revision,
  });
  if (!saved.ok) {
    // The outcome's checks speak of its form's fields: the reason is this form's.
    const { text, rating: ratingErrors, second: secondErrors, ...others } = saved.fieldErrors;
    return data(
      {
        intent: "move" as const,
        entryId,
        result: submission.reply({
          fieldErrors: {
            reason: text ?? [],
            rating: ratingErrors ?? [],
            second: secondErrors ?? [],
            "": Object.values(others).flat(),
          },
        }),
      },
      { status: 400 },
    );
  }
  return backToGrid(url, sessionId, [saved.unchanged ? "unchanged" : "moved", entryId]);
});

export default function CalibrationGrid({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const reply = actionData;
  const [searchParams] = useSearchParams();
  const sending = useSubmitting();
  useLiveSession(view.session.id);
  const { t, i18n } = useTranslation("calibration");
  const f = useFormats();
  const where = useCellWords(view.axes, view.session.secondDimension);
  const nameOf = (id: string | null) =>
    id ? view.people?.find((person) => person.id === id) : undefined;
  const message = (() => {
    // A refusal is said in the alert above the grid; the grid's own line is cleared of what it was doing.
    if (reply) return { text: "", focusId: null };
    const moved = nameOf(searchParams.get("moved"));
    const undone = nameOf(searchParams.get("undone"));
    const unchanged = nameOf(searchParams.get("unchanged"));
    if (moved)
      return {
        text: moved.at
          ? t("grid.said.moved", { name: moved.name, cell: where(moved.at.cell) })
          : t("grid.said.movedOffGrid", { name: moved.name }),
        focusId: moved.id,
      };
    if (undone)
      return {
        text: !undone.at
          ? t("grid.said.undoneOffGrid", { name: undone.name })
          : undone.at.decided
            ? t("grid.said.undone", { name: undone.name, cell: where(undone.at.cell) })
            : t("grid.said.undoneAsProposed", { name: undone.name, cell: where(undone.at.cell) }),
        focusId: undone.id,
      };
    if (unchanged)
      return { text: t("grid.said.unchanged", { name: unchanged.name }), focusId: unchanged.id };
    return null;
  })();
  const refused = reply && "result" in reply ? reply : null;
  return (
    <>
      <BackLink to="/calibration">{t("list.heading")}</BackLink>
      <PageHeader title={view.session.name} description={t("grid.description")} />
      <SessionTabs sessionId={view.session.id} filters={view.filters} current="grid" />
      <LiveNotice events={`/calibration/${view.session.id}/events`} />
      {reply && "error" in reply ? <Alert tone="error">{reply.error}</Alert> : null}
      {refused ? (
        <Alert tone="error">
          {nameOf(refused.entryId)
            ? t("grid.notMoved", { name: nameOf(refused.entryId)?.name ?? "" })
            : t("grid.notMovedSomeone")}
        </Alert>
      ) : null}
      {view.session.state !== "live" ? (
        <Alert tone="info">
          {view.session.state === "locked" || view.session.state === "published"
            ? t("grid.locked")
            : t("grid.notLive")}
        </Alert>
      ) : !view.canMove ? (
        <Alert tone="info">{t("grid.facilitatorMoves")}</Alert>
      ) : null}
      <SessionFilterForm
        sessionId={view.session.id}
        view="grid"
        filters={view.filters}
        filterProblems={view.filterProblems}
        filterOptions={view.filterOptions}
      />
      {view.canMove ? (
        <Form method="post" preventScrollReset className="mb-4 flex flex-wrap items-center gap-3">
          <input type="hidden" name="intent" value="undo" />
          <Button type="submit" variant="secondary" disabled={!view.lastMove || sending}>
            {view.lastMove
              ? t("grid.undo.named", { name: view.lastMove.name })
              : t("grid.undo.button")}
          </Button>
          <span className="text-xs text-slate-600 dark:text-slate-300">
            {view.lastMove ? t("grid.undo.explain") : t("grid.undo.nothing")}
          </span>
        </Form>
      ) : null}
      <Card>
        <h2 className="mb-1 text-lg font-semibold">
          {view.session.secondDimension
            ? t("grid.headingWithSecond", {
                dimension: dimensionInSentence(view.session.secondDimension, i18n.language),
              })
            : t("grid.heading")}
        </h2>
        <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
          {t(Object.values(view.filters).some(Boolean) ? "grid.totalFiltered" : "grid.total", {
            count: view.total,
            unplaced: view.unplacedCount,
          })}
          {view.erased ? ` ${t("grid.erased", { count: view.erased })}` : ""}
        </p>
        {view.people === null ? (
          <Alert tone="info">{t("grid.tooMany", { limit: f.number(view.limit) })}</Alert>
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
