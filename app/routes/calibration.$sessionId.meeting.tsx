import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams, type ShouldRevalidateFunction } from "react-router";
import { useRef } from "react";
import type { Route } from "./+types/calibration.$sessionId.meeting";
import { useAutosavedForm } from "~/components/calibration/proposal-draft";
import { FlagList } from "~/components/calibration/session-parts";
import { SessionTabs } from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { MAX_NOTES, NotesSchema } from "~/modules/calibration/meeting-mode";
import { endMeeting, meetingView, openInMeeting, saveMeetingNotes } from "~/modules/calibration/meeting-mode.server";
import { LEVEL_OUTCOME_LABELS } from "~/modules/calibration/outcomes";
import { InvalidError } from "~/modules/errors";
import { formatTimeOfDay } from "~/modules/time-zones";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useTimeZone } from "~/utils/time-zone";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Meeting mode · ${loaderData?.session.name ?? "Calibration session"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return meetingView(viewer, params.sessionId ?? "");
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const sessionId = params.sessionId ?? "";
  const intent = form.get("intent");
  const here = `/calibration/${sessionId}/meeting`;
  if (intent === "open") {
    await openInMeeting(viewer, sessionId, String(form.get("entryId") ?? ""));
    return redirect(here);
  }
  if (intent === "end") {
    await endMeeting(viewer, sessionId);
    return redirect(here);
  }
  if (intent !== "notes" && intent !== "notes-autosave") throw new InvalidError("Unknown action.");
  const submission = parseWithZod(form, { schema: NotesSchema });
  const entryId = String(form.get("entryId") ?? "");
  if (intent === "notes-autosave") {
    // Kept as the facilitator types: a refusal is said beside the notes, never as an error page over them.
    if (submission.status !== "success") return data({ intent, error: submission.error?.notes?.[0] ?? "The notes could not be kept." }, { status: 400 });
    return data({ intent, savedAt: (await saveMeetingNotes(viewer, sessionId, entryId, submission.value.notes)).savedAt });
  }
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  await saveMeetingNotes(viewer, sessionId, entryId, submission.value.notes);
  return redirect(`${here}?saved=notes`);
});

/** Keeping the notes as they are typed changes nothing on the page: it is not reloaded for it (others' pages are, through the live updates). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => (formData?.get("intent") === "notes-autosave" ? false : defaultShouldRevalidate);

type Outcome = { rating: number | null; outcome: keyof typeof LEVEL_OUTCOME_LABELS | null; levelTitle: string | null; second: number | null } | null;
const outcomeText = (value: Outcome, dimension: string | null) =>
  value === null || value.rating === null
    ? "—"
    : `${value.rating}${value.outcome ? ` · ${value.outcome === "promote" && value.levelTitle ? `Promote to ${value.levelTitle}` : LEVEL_OUTCOME_LABELS[value.outcome]}` : ""}${
        dimension && value.second ? ` · ${["Low", "Medium", "High"][value.second - 1]} ${dimension.toLowerCase()}` : ""
      }`;

export default function MeetingMode({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const timeZone = useTimeZone();
  const reply = actionData;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  useLiveSession(view.session.id);
  const busy = navigation.state === "submitting";
  const { current } = view;
  const step = (entry: { id: string; name: string } | null, label: string, variant: "primary" | "secondary" = "secondary") =>
    entry ? (
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="open" />
        <input type="hidden" name="entryId" value={entry.id} />
        <Button type="submit" variant={variant} disabled={busy}>
          {label}: {entry.name}
        </Button>
      </Form>
    ) : null;
  return (
    <>
      <BackLink to="/calibration">Calibration</BackLink>
      <PageHeader title={view.session.name} description="Meeting mode: the agenda one person at a time, with the time spent on each and the discussion notes." />
      <SessionTabs sessionId={view.session.id} filters={{}} current="meeting" />
      {view.session.state !== "live" ? (
        <Alert tone="info">{view.session.state === "locked" || view.session.state === "published" ? "The session is locked: the meeting is over." : "Meeting mode runs once the session is live."}</Alert>
      ) : !view.canRun ? (
        <Alert tone="info">The facilitator steps through the agenda; you follow here as they do.</Alert>
      ) : null}
      {searchParams.get("saved") === "notes" && !reply ? <Alert tone="success">Notes saved.</Alert> : null}
      {reply && "error" in reply && reply.intent !== "notes-autosave" ? <Alert tone="error">{reply.error}</Alert> : null}

      <Card className="mb-6">
        <section aria-labelledby="now-discussing">
          <h2 id="now-discussing" className="mb-1 text-lg font-semibold">
            {current ? `Now discussing: ${current.name}` : view.discussingWithheld ? "Now discussing someone you are calibrated beside" : "Nobody is being discussed"}
          </h2>
          {current ? (
            <>
              <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
                {current.position} of {view.agendaLength} on the agenda · on this person for {current.time} so far (since{" "}
                <time dateTime={current.since}>{formatTimeOfDay(current.since, timeZone)}</time>)
              </p>
              <dl className="mb-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">Manager</dt>
                <dd>{current.manager ?? "—"}</dd>
                <dt className="font-medium">Level</dt>
                <dd>{current.place ?? "—"}</dd>
                <dt className="font-medium">Flags</dt>
                <dd>
                  <FlagList flags={current.flags} />
                </dd>
                <dt className="font-medium">Proposal</dt>
                <dd>{current.proposal ? outcomeText(current.proposal, view.session.secondDimension) : "Not revealed yet"}</dd>
                <dt className="font-medium">Final</dt>
                <dd>{outcomeText(current.final, view.session.secondDimension)}</dd>
              </dl>
              <p className="mb-3 flex flex-wrap gap-4 text-sm">
                <Link to={`/calibration/${view.session.id}/entries/${current.id}`} className="text-brand-600 underline dark:text-brand-100">
                  {possessive(current.name)} entry: reviews, evidence and the outcome form
                </Link>
                <Link to={`/calibration/${view.session.id}/grid`} className="text-brand-600 underline dark:text-brand-100">
                  Move them on the grid
                </Link>
              </p>
            </>
          ) : view.discussingWithheld ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Their entry is calibrated without you (your own, or a manager's of yours): it is not shown here.</p>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">{view.canRun ? "Start with the first person on the agenda; the time on each person runs from when you open them until you move on." : "The facilitator has not opened anyone yet."}</p>
          )}
          {view.canRun ? (
            <div className="mt-3 flex flex-wrap items-center gap-3">
              {current ? step(view.previous, "Previous") : null}
              {step(view.next, current ? "Next" : view.resuming ? "Go on with" : "Start with", "primary")}
              {current ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="end" />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    End the discussion
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : null}
        </section>
      </Card>

      {current ? (
        <Card className="mb-6">
          {view.canRun ? (
            <NotesForm key={current.id} entryId={current.id} name={current.name} notes={current.notes} lastResult={reply && "result" in reply ? reply.result : undefined} busy={busy} />
          ) : (
            <>
              <h2 className="mb-1 text-lg font-semibold">Discussion notes</h2>
              <p className="whitespace-pre-line text-sm">{current.notes || "No notes yet."}</p>
            </>
          )}
        </Card>
      ) : null}

      <Card>
        <h2 className="mb-1 text-lg font-semibold">Time per person</h2>
        {view.discussed.length ? (
          <DataTable plain caption="Time spent on each person discussed, in agenda order" headings={["Person", "Time"]}>
            {view.discussed.map((entry) => (
              <tr key={entry.id}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {entry.name}
                  {entry.open ? <span className="ml-2 text-xs font-normal text-slate-600 dark:text-slate-300">(now)</span> : null}
                </th>
                <td className={`${tdClass} tabular-nums`}>{entry.time}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={`${tdClass} font-semibold`}>
                Total
              </th>
              <td className={`${tdClass} font-semibold tabular-nums`}>{view.total}</td>
            </tr>
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">Nobody has been discussed yet.</p>
        )}
      </Card>
    </>
  );
}

/** The facilitator's notes on the person under discussion: kept as they type (each version in the person's history), saved by the button without JavaScript. */
function NotesForm({ entryId, name, notes, lastResult, busy }: { entryId: string; name: string; notes: string; lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
  const formRef = useRef<HTMLFormElement>(null);
  const kept = useAutosavedForm(formRef, true, "notes-autosave");
  const timeZone = useTimeZone();
  const [form, fields] = useForm({
    id: `notes-${entryId}`,
    lastResult,
    constraint: getZodConstraint(NotesSchema),
    defaultValue: { notes },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotesSchema }),
  });
  const status = kept.saving ? "Saving the notes…" : kept.error ? `The notes were not saved: ${kept.error}` : kept.savedAt ? `Notes saved at ${formatTimeOfDay(kept.savedAt, timeZone)}.` : "";
  return (
    <Form method="post" ref={formRef} preventScrollReset className="space-y-3" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="notes" />
      <input type="hidden" name="entryId" value={entryId} />
      <TextareaField
        label={`Discussion notes on ${name}`}
        hint="Saved as you type; each version is kept in their history."
        rows={5}
        maxLength={MAX_NOTES}
        errors={fields.notes.errors}
        {...getTextareaProps(fields.notes)}
      />
      <p role="status" aria-live="polite" className={`min-h-5 text-sm ${kept.error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}>
        {status}
      </p>
      <Button type="submit" variant="secondary" disabled={busy}>
        Save notes
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
