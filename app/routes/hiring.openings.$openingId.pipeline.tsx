import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.openings.$openingId.pipeline";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { linkClass, useDay } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MoveCandidateSchema } from "~/modules/hiring/forms";
import {
  isPipelineStage,
  MOVES_DONE,
  PIPELINE_COLUMN_LIMIT,
  PIPELINE_STAGE_KEYS,
  REJECTION_REASON_KEYS,
  REJECTION_REASONS,
} from "~/modules/hiring/pipeline";
import {
  moveCandidate,
  pipelinePage,
  startAnotherLoop,
  type PipelinePage,
} from "~/modules/hiring/pipeline.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";
import { ClientLinks } from "~/components/ui/client-links";
import { useSubmitting } from "~/components/ui/use-submitting";

// Opened from the opening's page and the hiring section; each move posts and redirects, and the move
// form opens on a card by its link (?move=), so the board works whole as HTML (decision 146).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:pipeline.title", { opening: loaderData.opening.title })
        : t("hiring:pipeline.fallbackTitle"),
    },
  ];
};

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  // ?all=<stage>: that column whole, past the board's limit; anything else is the board as usual.
  // ?move=<candidate>: that candidate's move form open on their card.
  const search = url.searchParams;
  const opened = search.get("all");
  return pipelinePage(viewer, params.openingId ?? "", {
    opened: isPipelineStage(opened) ? opened : null,
    moving: search.get("move"),
    moved: search.get("candidate"),
  });
});

/**
 * Moving a candidate, or starting another loop for them. A move redirects to the board at their card
 * (keeping a column opened whole), which words `?done=` for `?candidate=`, so a reload never moves
 * them again; a refused one comes back with its form open and what was chosen (decision 146).
 */
export const action = withDomainErrors(async ({ request, url, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const openingId = params.openingId ?? "";
  const formData = await formOf(request);
  const intent = formData.get("intent");
  const candidateId =
    typeof formData.get("candidateId") === "string" ? String(formData.get("candidateId")) : "";
  if (intent === "move") {
    const submission = parseWithZod(formData, { schema: MoveCandidateSchema });
    if (submission.status !== "success")
      return data({ intent, candidateId, result: submission.reply() }, { status: 400 });
    const { to, reason, note } = submission.value;
    const result = await moveCandidate(viewer, openingId, candidateId, {
      to,
      reason: reason ?? null,
      note,
    });
    if (!result.ok)
      return data(
        { intent, candidateId, result: submission.reply({ fieldErrors: result.fieldErrors }) },
        { status: 400 },
      );
    const board = new URLSearchParams({ done: result.done, candidate: candidateId });
    const opened = url.searchParams.get("all");
    if (opened) board.set("all", opened);
    return redirect(`/hiring/openings/${openingId}/pipeline?${board}#candidate-${candidateId}`);
  }
  if (intent === "start-loop") {
    const { loopId } = await startAnotherLoop(viewer, openingId, candidateId);
    throw redirect(`/hiring/loops/${loopId}`);
  }
  throw new InvalidError({ key: "hiring:errors.unknownAction" });
});

type Column = PipelinePage["columns"][number];
type Candidate = Column["candidates"][number];

export default function PipelinePageView({ loaderData, actionData }: Route.ComponentProps) {
  const { opening, hidden, columns, timeInStage, funnel, moved } = loaderData;
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const dayFigure = (value: number | null) =>
    value === null ? "–" : t("pipeline.funnel.days", { days: value });
  const stageLabel = (stage: keyof typeof PIPELINE_STAGE_KEYS) => t(PIPELINE_STAGE_KEYS[stage]);
  const movedName = moved ? (moved.name ?? t("candidate.purged")) : "";
  const message = useDoneMessage(
    moved
      ? Object.fromEntries(
          MOVES_DONE.map((done) => [
            done,
            t(`pipeline.flash.${done}`, { name: movedName, stage: moved.stage }),
          ]),
        )
      : {},
    actionData,
  );
  const total = columns.reduce((sum, column) => sum + column.count, 0);
  const busy = useSubmitting();
  const [search] = useSearchParams();
  return (
    <>
      <BackLink to={`/hiring/openings/${opening.id}`}>{opening.title}</BackLink>
      <PageHeader
        title={t("pipeline.heading", { opening: opening.title })}
        description={t("pipeline.description", { count: total })}
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {hidden ? <Alert tone="info">{t("pipeline.hidden", { count: hidden })}</Alert> : null}
      <ClientLinks className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
        {columns.map((column) => (
          <section
            key={column.stage}
            aria-labelledby={`stage-${column.stage}`}
            className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
          >
            <h2 id={`stage-${column.stage}`} className="mb-2 font-semibold">
              {stageLabel(column.stage)}{" "}
              <span className="font-normal text-slate-600 dark:text-slate-300">
                ({f.number(column.count)})
              </span>
            </h2>
            {column.candidates.length ? (
              <ul className="space-y-3">
                {column.candidates.map((candidate) => (
                  <CandidateCard
                    key={candidate.id}
                    candidate={candidate}
                    busy={busy}
                    search={search}
                    lastResult={
                      actionData &&
                      "result" in actionData &&
                      actionData.candidateId === candidate.id
                        ? actionData.result
                        : undefined
                    }
                  />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">{t("pipeline.nobody")}</p>
            )}
            {column.more > 0 ? (
              <p className="mt-3 text-sm">
                {t("pipeline.more", { count: column.more, stage: stageLabel(column.stage) })}{" "}
                <Link to={`?all=${column.stage}#stage-${column.stage}`} className={linkClass}>
                  {t("pipeline.showAll", { count: column.count, stage: stageLabel(column.stage) })}
                </Link>
              </p>
            ) : null}
            {column.whole ? (
              <p className="mt-3 text-sm">
                <Link to={`?#stage-${column.stage}`} className={linkClass}>
                  {t("pipeline.showFirst", {
                    count: PIPELINE_COLUMN_LIMIT,
                    stage: stageLabel(column.stage),
                  })}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </ClientLinks>
      <Card className="mt-6">
        <h2 className="mb-2 text-lg font-semibold">{t("pipeline.funnel.heading")}</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          {t("pipeline.funnel.intro")}
        </p>
        <DataTable
          caption={t("pipeline.funnel.caption")}
          headings={[
            t("pipeline.funnel.stage"),
            t("pipeline.funnel.staysEnded"),
            t("pipeline.funnel.medianTime"),
            t("pipeline.funnel.waitingNow"),
            t("pipeline.funnel.medianWait"),
            t("pipeline.funnel.reached"),
            t("pipeline.funnel.wentOn"),
            t("pipeline.funnel.rejected"),
            t("pipeline.funnel.conversion"),
          ]}
        >
          {funnel.map((row) => {
            const time = timeInStage.find((item) => item.stage === row.stage);
            return (
              <tr key={row.stage}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {stageLabel(row.stage)}
                </th>
                <td className={tdClass}>{time ? f.number(time.completed) : "–"}</td>
                <td className={tdClass}>{time ? dayFigure(time.medianDays) : "–"}</td>
                <td className={tdClass}>{time ? f.number(time.waiting) : "–"}</td>
                <td className={tdClass}>{time ? dayFigure(time.medianWaitingDays) : "–"}</td>
                <td className={tdClass}>{f.number(row.reached)}</td>
                <td className={tdClass}>{row.stage === "hired" ? "–" : f.number(row.movedOn)}</td>
                <td className={tdClass}>{row.stage === "hired" ? "–" : f.number(row.rejected)}</td>
                <td className={tdClass}>
                  {row.conversion === null
                    ? "–"
                    : t("pipeline.funnel.conversionOf", {
                        share: row.conversion,
                        count: row.movedOn + row.rejected,
                      })}
                </td>
              </tr>
            );
          })}
        </DataTable>
      </Card>
    </>
  );
}

/** What a candidate's card and its move form are drawn from. */
type CardProps = {
  candidate: Candidate;
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
  search: URLSearchParams;
};

/** A candidate's card. `busy` and `search` come from the board, read once for every card. */
function CandidateCard({ candidate, lastResult, busy, search }: CardProps) {
  const { t } = useTranslation("hiring");
  const name = candidate.name ?? t("candidate.purged");
  const day = useDay();
  const next = candidate.moves[0];
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  // The form to move anywhere or reject is on the card asked for (?move=), not on every card of the board.
  const formOpen = failed || (candidate.moving && !lastResult);
  const moveLink = new URLSearchParams(search);
  moveLink.set("move", candidate.id);
  return (
    <li
      id={`candidate-${candidate.id}`}
      className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700"
    >
      <p className="font-medium">
        {candidate.loopId ? (
          <Link to={`/hiring/loops/${candidate.loopId}`} className={linkClass}>
            {name}
          </Link>
        ) : (
          name
        )}
      </p>
      <p className="text-slate-600 dark:text-slate-300">
        {t("pipeline.card.daysInStage", { count: candidate.days })}{" "}
        <span className="sr-only">{t("pipeline.card.since", { day: day(candidate.since) })}</span>
        {candidate.loops > 1 ? ` · ${t("pipeline.card.loops", { count: candidate.loops })}` : ""}
      </p>
      {candidate.reason ? (
        <p className="text-slate-600 dark:text-slate-300">
          {t(REJECTION_REASON_KEYS[candidate.reason])}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {next && next !== "rejected" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="candidateId" value={candidate.id} />
            <input type="hidden" name="to" value={next} />
            <Button type="submit" variant="secondary" disabled={busy}>
              <span aria-hidden="true">
                {t(candidate.reason ? "pipeline.card.reopenShort" : "pipeline.card.moveShort", {
                  stage: t(PIPELINE_STAGE_KEYS[next]),
                })}
              </span>
              <span className="sr-only">
                {t(candidate.reason ? "pipeline.card.reopen" : "pipeline.card.move", {
                  name,
                  stage: t(PIPELINE_STAGE_KEYS[next]),
                })}
              </span>
            </Button>
          </Form>
        ) : null}
        {candidate.canStartLoop ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start-loop" />
            <input type="hidden" name="candidateId" value={candidate.id} />
            <Button type="submit" variant="ghost" disabled={busy}>
              <span aria-hidden="true">{t("pipeline.card.startLoop")}</span>
              <span className="sr-only">{t("pipeline.card.startLoopLabel", { name })}</span>
            </Button>
          </Form>
        ) : null}
      </div>
      {candidate.moves.length && formOpen ? (
        <MoveForm candidate={candidate} lastResult={lastResult} busy={busy} search={search} />
      ) : candidate.moves.length ? (
        <p className="mt-2">
          <Link
            to={`?${moveLink.toString()}#candidate-${candidate.id}`}
            preventScrollReset
            className={linkClass}
          >
            <span aria-hidden="true">{t("pipeline.card.moveOrReject")}</span>
            <span className="sr-only">{t("pipeline.card.moveOrRejectLabel", { name })}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** The form to move a candidate anywhere the rules allow or to reject them, on the one card asked for. */
function MoveForm({ candidate, lastResult, busy, search }: CardProps) {
  const { t } = useTranslation("hiring");
  const name = candidate.name ?? t("candidate.purged");
  const [form, fields] = useForm({
    id: `move-${candidate.id}`,
    lastResult,
    constraint: getZodConstraint(MoveCandidateSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MoveCandidateSchema }),
  });
  const next = candidate.moves[0];
  const without = new URLSearchParams(search);
  without.delete("move");
  const closed = without.toString();
  return (
    <Form method="post" className="mt-2 space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="candidateId" value={candidate.id} />
      <SelectField
        label={t("pipeline.form.to")}
        errors={fields.to.errors}
        {...getSelectProps(fields.to)}
        defaultValue={candidate.moves.includes("rejected") ? "rejected" : next}
      >
        {candidate.moves.map((move) => (
          <option key={move} value={move}>
            {t(PIPELINE_STAGE_KEYS[move])}
          </option>
        ))}
      </SelectField>
      {candidate.moves.includes("rejected") ? (
        <SelectField
          label={t("pipeline.form.reason")}
          errors={fields.reason.errors}
          {...getSelectProps(fields.reason)}
        >
          <option value="">{t("pipeline.form.chooseReason")}</option>
          {REJECTION_REASONS.map((reason) => (
            <option key={reason} value={reason}>
              {t(REJECTION_REASON_KEYS[reason])}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextareaField
        label={t("pipeline.form.note")}
        hint={t("pipeline.form.noteHint")}
        rows={2}
        errors={fields.note.errors}
        {...getTextareaProps(fields.note)}
      />
      <FormErrors form={form} />
      <Button type="submit" disabled={busy}>
        {t("pipeline.form.submit", { name })}
      </Button>{" "}
      <Link to={`?${closed}#candidate-${candidate.id}`} preventScrollReset className={linkClass}>
        {t("pipeline.form.cancel")}
      </Link>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
