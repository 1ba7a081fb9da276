import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/hiring.openings.$openingId.pipeline";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { linkClass, useDay } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MoveCandidateSchema } from "~/modules/hiring/forms";
import { isPipelineStage, PIPELINE_COLUMN_LIMIT } from "~/modules/hiring/pipeline";
import { moveCandidate, pipelinePage, startAnotherLoop, type PipelinePage } from "~/modules/hiring/pipeline.server";
import { withDomainErrors } from "~/utils/http.server";
import { ClientLinks } from "~/components/ui/client-links";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Pipeline · ${loaderData?.opening.title ?? "Opening"} · Hiring · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  // ?all=<stage>: that column whole, past the board's limit; anything else is the board as usual.
  // ?move=<candidate>: that candidate's move form open on their card.
  const search = url.searchParams;
  const opened = search.get("all");
  return pipelinePage(viewer, params.openingId ?? "", { opened: isPipelineStage(opened) ? opened : null, moving: search.get("move") });
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const openingId = params.openingId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  const candidateId = typeof formData.get("candidateId") === "string" ? String(formData.get("candidateId")) : "";
  if (intent === "move") {
    const submission = parseWithZod(formData, { schema: MoveCandidateSchema });
    if (submission.status !== "success") return data({ intent, candidateId, result: submission.reply() }, { status: 400 });
    const { to, reason, note } = submission.value;
    const result = await moveCandidate(viewer, openingId, candidateId, { to, reason: reason ?? null, note });
    if (!result.ok) return data({ intent, candidateId, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return { intent, candidateId, result: submission.reply({ resetForm: true }), message: result.message };
  }
  if (intent === "start-loop") {
    const { loopId } = await startAnotherLoop(viewer, openingId, candidateId);
    throw redirect(`/hiring/loops/${loopId}`);
  }
  throw new InvalidError("Unknown action.");
});

type Column = PipelinePage["columns"][number];
type Candidate = Column["candidates"][number];

const dayFigure = (value: number | null) => (value === null ? "–" : `${value.toFixed(1)} d`);

export default function PipelinePageView({ loaderData, actionData }: Route.ComponentProps) {
  const { opening, hidden, columns, timeInStage, funnel, reasons } = loaderData;
  const message = actionData && "message" in actionData ? actionData.message : null;
  const total = columns.reduce((sum, column) => sum + column.count, 0);
  const busy = useNavigation().state === "submitting";
  const [search] = useSearchParams();
  return (
    <>
      <BackLink to={`/hiring/openings/${opening.id}`}>{opening.title}</BackLink>
      <PageHeader
        title={`Pipeline: ${opening.title}`}
        description={`${plural(total, "# candidate")} from screen to hired or rejected. Every move is recorded with who made it and when; a rejection with its reason.`}
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {hidden ? (
        <Alert tone="info">
          {plural(hidden, "# candidate you interview is")} in no column and no figure until your own scorecard is in: their place in the
          pipeline follows the debrief.
        </Alert>
      ) : null}
      <ClientLinks className="grid gap-4 md:grid-cols-2 xl:grid-cols-5">
        {columns.map((column) => (
          <section key={column.stage} aria-labelledby={`stage-${column.stage}`} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <h2 id={`stage-${column.stage}`} className="mb-2 font-semibold">
              {column.label} <span className="font-normal text-slate-600 dark:text-slate-300">({column.count})</span>
            </h2>
            {column.candidates.length ? (
              <ul className="space-y-3">
                {column.candidates.map((candidate) => (
                  <CandidateCard key={candidate.id} candidate={candidate} reasons={reasons} busy={busy} search={search} lastResult={actionData && "result" in actionData && actionData.candidateId === candidate.id ? actionData.result : undefined} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">Nobody.</p>
            )}
            {column.more > 0 ? (
              <p className="mt-3 text-sm">
                {column.more} more in {column.label}.{" "}
                <Link to={`?all=${column.stage}#stage-${column.stage}`} className={linkClass}>
                  Show all {column.count} in {column.label}
                </Link>
              </p>
            ) : null}
            {column.whole ? (
              <p className="mt-3 text-sm">
                <Link to={`?#stage-${column.stage}`} className={linkClass}>
                  Show the first {PIPELINE_COLUMN_LIMIT} in {column.label}
                </Link>
              </p>
            ) : null}
          </section>
        ))}
      </ClientLinks>
      <Card className="mt-6">
        <h2 className="mb-2 text-lg font-semibold">Time in stage and conversion</h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Median days in each stage over the stays that ended, apart from those waiting now. Conversion is over the candidates decided at a stage: those who went on, against those who went on or were rejected there (counted at the furthest stage they reached).
        </p>
        <DataTable caption="Stages with their time and conversion" headings={["Stage", "Stays ended", "Median time", "Waiting now", "Median wait", "Reached", "Went on", "Rejected", "Conversion"]}>
          {funnel.map((row) => {
            const time = timeInStage.find((item) => item.stage === row.stage);
            return (
              <tr key={row.stage}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.label}
                </th>
                <td className={tdClass}>{time ? time.completed : "–"}</td>
                <td className={tdClass}>{time ? dayFigure(time.medianDays) : "–"}</td>
                <td className={tdClass}>{time ? time.waiting : "–"}</td>
                <td className={tdClass}>{time ? dayFigure(time.medianWaitingDays) : "–"}</td>
                <td className={tdClass}>{row.reached}</td>
                <td className={tdClass}>{row.stage === "hired" ? "–" : row.movedOn}</td>
                <td className={tdClass}>{row.stage === "hired" ? "–" : row.rejected}</td>
                <td className={tdClass}>{row.conversion === null ? "–" : `${Math.round(row.conversion * 100)}% (n = ${row.movedOn + row.rejected})`}</td>
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
  reasons: PipelinePage["reasons"];
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
  search: URLSearchParams;
};

/** A candidate's card. `busy` and `search` come from the board, read once for every card. */
function CandidateCard({
  candidate,
  reasons,
  lastResult,
  busy,
  search,
}: CardProps) {
  const day = useDay();
  const next = candidate.moves[0];
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  // The form to move anywhere or reject is on the card asked for (?move=), not on every card of the board.
  const formOpen = failed || (candidate.moving && !lastResult);
  const moveLink = new URLSearchParams(search);
  moveLink.set("move", candidate.id);
  return (
    <li id={`candidate-${candidate.id}`} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
      <p className="font-medium">
        {candidate.loopId ? (
          <Link to={`/hiring/loops/${candidate.loopId}`} className={linkClass}>
            {candidate.name}
          </Link>
        ) : (
          candidate.name
        )}
      </p>
      <p className="text-slate-600 dark:text-slate-300">
        {plural(candidate.days, "# day")} in stage <span className="sr-only">(since {day(candidate.since)})</span>
        {candidate.loops > 1 ? ` · ${candidate.loops} loops` : ""}
      </p>
      {candidate.reason ? <p className="text-slate-600 dark:text-slate-300">{candidate.reason}</p> : null}
      <div className="mt-2 flex flex-wrap gap-2">
        {next && next.value !== "rejected" ? (
          <Form method="post">
            <input type="hidden" name="intent" value="move" />
            <input type="hidden" name="candidateId" value={candidate.id} />
            <input type="hidden" name="to" value={next.value} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {candidate.reason ? "Reopen" : "Move"}
              <span className="sr-only"> {candidate.name}</span> {candidate.reason ? "in" : "to"} {next.label}
            </Button>
          </Form>
        ) : null}
        {candidate.canStartLoop ? (
          <Form method="post">
            <input type="hidden" name="intent" value="start-loop" />
            <input type="hidden" name="candidateId" value={candidate.id} />
            <Button type="submit" variant="ghost" disabled={busy}>
              Start another loop<span className="sr-only"> for {candidate.name}</span>
            </Button>
          </Form>
        ) : null}
      </div>
      {candidate.moves.length && formOpen ? (
        <MoveForm candidate={candidate} reasons={reasons} lastResult={lastResult} busy={busy} search={search} />
      ) : candidate.moves.length ? (
        <p className="mt-2">
          <Link to={`?${moveLink.toString()}#candidate-${candidate.id}`} preventScrollReset className={linkClass}>
            Move or reject<span className="sr-only"> {candidate.name}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** The form to move a candidate anywhere the rules allow or to reject them, on the one card asked for. */
function MoveForm({
  candidate,
  reasons,
  lastResult,
  busy,
  search,
}: CardProps) {
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
      <SelectField label="Move to" errors={fields.to.errors} {...getSelectProps(fields.to)} defaultValue={candidate.moves.some((move) => move.value === "rejected") ? "rejected" : next?.value}>
        {candidate.moves.map((move) => (
          <option key={move.value} value={move.value}>
            {move.label}
          </option>
        ))}
      </SelectField>
      {candidate.moves.some((move) => move.value === "rejected") ? (
        <SelectField label="Reason for a rejection" errors={fields.reason.errors} {...getSelectProps(fields.reason)}>
          <option value="">Choose a reason</option>
          {reasons.map((reason) => (
            <option key={reason.value} value={reason.value}>
              {reason.label}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextareaField label="Note" hint="Required for “Other”, and for hired without an offer." rows={2} errors={fields.note.errors} {...getTextareaProps(fields.note)} />
      <FormErrors form={form} />
      <Button type="submit" disabled={busy}>
        Move {candidate.name}
      </Button>{" "}
      <Link to={`?${closed}#candidate-${candidate.id}`} preventScrollReset className={linkClass}>
        Cancel
      </Link>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
