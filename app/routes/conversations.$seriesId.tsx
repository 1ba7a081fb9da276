import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation } from "react-router";
import type { ZodType } from "zod";
import type { Route } from "./+types/conversations.$seriesId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { addAction, addPoint, passOnNote, seriesPage, setActionStatus, setPointStatus, writeNote } from "~/modules/conversations/agenda.server";
import { ActionSchema, ActionStatusSchema, CadenceSchema, MoveSchema, NoteSchema, PointSchema, PointStatusSchema, PulseSchema, SuggestionSchema } from "~/modules/conversations/forms";
import type { MeetingState } from "~/modules/conversations/policy";
import { PULSE_BATCH, PULSE_SCALE } from "~/modules/conversations/pulse";
import { answerPulse, ownLatestPulse } from "~/modules/conversations/pulse.server";
import { changeCadence, holdMeeting, moveMeetingTo, skipMeeting } from "~/modules/conversations/series.server";
import { dayToDate, formatDay } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { formatDateTime, localDateTimeValue } from "~/modules/time-zones";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData ? `${loaderData.page.series.kind === "one-to-one" ? "One-to-one" : "Skip-level"} with ${loaderData.other}` : "Conversation"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const page = await seriesPage(viewer, params.seriesId ?? "");
  const pulse = await ownLatestPulse(viewer, page.series);
  const other = page.role === "manager" ? page.series.report.name : page.series.manager.name;
  return { page, other, pulse, timeZone, viewerId: viewer.id };
});

type Intent = "point" | "suggestion" | "point-status" | "note" | "action" | "action-status" | "move" | "skip" | "hold" | "cadence" | "pulse" | "pass-on";

/** A refusal is said at the top of the page; no form keeps a reply. */
const refusalShown = () => ({ reply: undefined });

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const seriesId = params.seriesId ?? "";
  const intent = String(form.get("intent") ?? "") as Intent;
  const parse = <T,>(schema: ZodType<T>) => parseWithZod(form, { schema });
  const invalid = (submission: { reply: () => SubmissionResult<string[]> }) => data({ intent, reply: submission.reply(), error: null as string | null }, { status: 400 });
  const back = () => redirect(`/conversations/${seriesId}`);
  switch (intent) {
    case "point": {
      const submission = parse(PointSchema);
      if (submission.status !== "success") return invalid(submission);
      await addPoint(viewer, submission.value.meetingId, { text: submission.value.text });
      return back();
    }
    case "suggestion": {
      const submission = parse(SuggestionSchema);
      if (submission.status !== "success") return invalid(submission);
      await addPoint(viewer, submission.value.meetingId, { suggestion: submission.value.suggestion });
      return back();
    }
    case "point-status": {
      const submission = parse(PointStatusSchema);
      if (submission.status !== "success") return invalid(submission);
      await setPointStatus(viewer, submission.value.pointId, submission.value.status);
      return back();
    }
    case "note": {
      const submission = parse(NoteSchema);
      if (submission.status !== "success") return invalid(submission);
      await writeNote(viewer, submission.value.meetingId, submission.value);
      return back();
    }
    case "action": {
      const submission = parse(ActionSchema);
      if (submission.status !== "success") return invalid(submission);
      const { meetingId, text, ownerId, dueOn } = submission.value;
      await addAction(viewer, meetingId, { text, ownerId, dueOn: dueOn ? dayToDate(dueOn) : null });
      return back();
    }
    case "action-status": {
      const submission = parse(ActionStatusSchema);
      if (submission.status !== "success") return invalid(submission);
      await setActionStatus(viewer, submission.value.actionId, submission.value.status);
      return back();
    }
    case "move": {
      const submission = parse(MoveSchema(timeZone));
      if (submission.status !== "success") return invalid(submission);
      await moveMeetingTo(viewer, submission.value.meetingId, submission.value.to);
      return back();
    }
    case "skip":
      await skipMeeting(viewer, String(form.get("meetingId") ?? ""));
      return back();
    case "hold":
      await holdMeeting(viewer, String(form.get("meetingId") ?? ""));
      return back();
    case "cadence": {
      const submission = parse(CadenceSchema);
      if (submission.status !== "success") return invalid(submission);
      await changeCadence(viewer, seriesId, submission.value.cadence);
      return back();
    }
    case "pulse": {
      const submission = parse(PulseSchema);
      if (submission.status !== "success") return invalid(submission);
      await answerPulse(viewer, seriesId, submission.value.score);
      return back();
    }
    case "pass-on":
      await passOnNote(viewer, String(form.get("noteId") ?? ""));
      return back();
  }
  throw new InvalidError("Unknown action.");
}, refusalShown);

type Reply = SubmissionResult<string[]> | undefined;
type Loaded = Route.ComponentProps["loaderData"];

const STATE_WORDS: Record<MeetingState, string> = { "to-come": "to come", held: "held", missed: "not recorded as held", skipped: "skipped", cancelled: "cancelled" };

export default function SeriesPage({ loaderData, actionData }: Route.ComponentProps) {
  const loaded = loaderData;
  const result = actionData;
  const { page, other, timeZone } = loaded;
  const next = page.next;
  const replyFor = (intent: Intent): Reply => (result && result.intent === intent ? (result.reply as Reply) : undefined);
  return (
    <>
      <BackLink to="/conversations">Conversations</BackLink>
      <PageHeader
        title={`${page.series.kind === "one-to-one" ? "One-to-one" : "Skip-level"} with ${other}`}
        description={`${page.series.cadenceLabel}, ${page.series.minutes} minutes, on ${page.series.manager.name}'s clock (${page.series.timeZone}). Notes stay between the two of you; private notes are yours alone.`}
      />
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {!page.series.current ? (
        <Alert tone="info">This series has ended (the reporting line changed, or one of you left). It stays as your record.</Alert>
      ) : null}
      {next ? (
        <section aria-labelledby="next-heading" className="mb-8">
          <h2 id="next-heading" className="mb-1 text-lg font-semibold">
            Next meeting
          </h2>
          <ul className="mb-3 text-sm">
            {next.clocks.map((clock) => (
              <li key={clock}>{clock}</li>
            ))}
          </ul>
          <div className="grid gap-6 lg:grid-cols-2">
            <Agenda loaded={loaded} replyFor={replyFor} />
            <div className="space-y-6">
              {next.canHold ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="hold" />
                  <input type="hidden" name="meetingId" value={next.id} />
                  <Button type="submit">Record this meeting as held</Button>
                </Form>
              ) : null}
              <MeetingControls key={next.id} meetingId={next.id} startsAt={next.startsAt} canSkip={next.canSkip} timeZone={timeZone} cadence={page.series.cadence} cadences={page.series.cadences} reply={replyFor("move")} />
              <NoteForm meetingId={next.id} reply={replyFor("note")} />
              <p className="text-sm">
                <Link to={`/conversations/evidence?meeting=${next.id}`} className="underline">
                  Record evidence from this conversation
                </Link>{" "}
                against a competency of your ladder: your next self-assessment offers it.
              </p>
              <ActionForm meetingId={next.id} people={[page.series.manager, page.series.report]} reply={replyFor("action")} />
              {loaded.pulse !== undefined ? <PulseForm latest={loaded.pulse} /> : null}
            </div>
          </div>
          <Notes notes={next.notes} />
        </section>
      ) : null}
      {page.passedOn.length ? (
        <section aria-labelledby="passed-on-heading" className="mb-8">
          <h2 id="passed-on-heading" className="mb-1 text-lg font-semibold">
            Passed on by {other}
          </h2>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">Notes from {other}'s conversations with an earlier manager that they chose to share with you.</p>
          <ul className="space-y-2 text-sm">
            {page.passedOn.map((note) => (
              <li key={note.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {note.authorName} · {formatDateTime(note.meetingAt, timeZone)}
                </p>
                <p className="whitespace-pre-line">{note.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading" className="mb-2 text-lg font-semibold">
          Earlier meetings
        </h2>
        {page.earlier.length ? (
          <ol className="space-y-4">
            {page.earlier.map((meeting) => (
              <li key={meeting.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
                <p className="font-medium">
                  {formatDateTime(meeting.startsAt, timeZone)} · {STATE_WORDS[meeting.state]}
                  {meeting.movedFrom ? ` · moved from ${formatDateTime(meeting.movedFrom, timeZone)}` : ""}
                </p>
                {meeting.canHold ? (
                  <Form method="post" className="mt-1">
                    <input type="hidden" name="intent" value="hold" />
                    <input type="hidden" name="meetingId" value={meeting.id} />
                    <Button type="submit" variant="secondary">
                      Record as held
                    </Button>
                  </Form>
                ) : null}
                {meeting.points.length ? (
                  <ul className="mt-2 list-disc pl-5 text-sm">
                    {meeting.points.map((point) => (
                      <li key={point.id}>
                        {point.text} <span className="text-slate-600 dark:text-slate-300">({point.status})</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {meeting.actions.length ? (
                  <ul className="mt-2 text-sm">
                    {meeting.actions.map((action) => (
                      <li key={action.id}>
                        Action: {action.text} · {action.ownerId === page.series.manager.id ? page.series.manager.name : page.series.report.name} · {action.status}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Notes notes={meeting.notes} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">None yet.</p>
        )}
      </section>
    </>
  );
}

function Agenda({ loaded, replyFor }: { loaded: Loaded; replyFor: (intent: Intent) => Reply }) {
  const { page } = loaded;
  const next = page.next!;
  const navigation = useNavigation();
  const nameOf = (id: string) => (id === page.series.manager.id ? page.series.manager.name : page.series.report.name);
  const [form, fields] = useForm({
    id: "point",
    lastResult: replyFor("point"),
    constraint: getZodConstraint(PointSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PointSchema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">Agenda</h3>
      {next.agenda.length ? (
        <ol className="mb-4 space-y-2 text-sm">
          {next.agenda.map((entry) =>
            entry.type === "action" ? (
              <li key={`action-${entry.action.id}`} className="flex flex-wrap items-center gap-2">
                <span>
                  Action ({nameOf(entry.action.ownerId)}): {entry.action.text}
                  {entry.action.dueOn ? ` · due ${formatDay(entry.action.dueOn)}` : ""}
                  {entry.overdue ? " · overdue" : ""}
                </span>
                {page.series.current ? (
                  <>
                    <StatusButton intent="action-status" idName="actionId" id={entry.action.id} status="done" label="Done" />
                    <StatusButton intent="action-status" idName="actionId" id={entry.action.id} status="dropped" label="Drop" />
                  </>
                ) : null}
              </li>
            ) : (
              <li key={`point-${entry.point.id}`} className="flex flex-wrap items-center gap-2">
                <span className={entry.point.status === "open" ? "" : "text-slate-600 line-through dark:text-slate-400"}>
                  {entry.point.text}
                  {entry.point.carried ? ` · carried ${entry.point.carried}×` : ""}
                </span>
                {entry.point.status === "open" ? (
                  <>
                    <StatusButton intent="point-status" idName="pointId" id={entry.point.id} status="covered" label="Covered" />
                    <StatusButton intent="point-status" idName="pointId" id={entry.point.id} status="closed" label="Close" />
                  </>
                ) : (
                  <StatusButton intent="point-status" idName="pointId" id={entry.point.id} status="open" label="Reopen" />
                )}
              </li>
            ),
          )}
        </ol>
      ) : (
        <p className="mb-4 text-sm">Nothing on the agenda yet.</p>
      )}
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="point" />
        <input type="hidden" name="meetingId" value={next.id} />
        <TextareaField label="Add a talking point" rows={2} errors={fields.text.errors} {...getTextareaProps(fields.text)} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Add
        </Button>
      </Form>
      {next.suggestions.length ? (
        <>
          <h4 className="mb-1 mt-4 text-sm font-semibold">Suggestions</h4>
          <ul className="space-y-1 text-sm">
            {next.suggestions.map((suggestion) => (
              <li key={suggestion.sourceKey}>
                <Form method="post" className="flex items-start gap-2">
                  <input type="hidden" name="intent" value="suggestion" />
                  <input type="hidden" name="meetingId" value={next.id} />
                  <input type="hidden" name="suggestion" value={suggestion.sourceKey} />
                  <span className="flex-1">{suggestion.text}</span>
                  <Button type="submit" variant="secondary">
                    Add
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

function StatusButton({ intent, idName, id, status, label }: { intent: Intent; idName: string; id: string; status: string; label: string }) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="status" value={status} />
      <Button type="submit" variant="secondary">
        {label}
      </Button>
    </Form>
  );
}

function MeetingControls({ meetingId, startsAt, canSkip, timeZone, cadence, cadences, reply }: { meetingId: string; startsAt: Date; canSkip: boolean; timeZone: string; cadence: string; cadences: { value: string; label: string }[]; reply: Reply }) {
  const schema = MoveSchema(timeZone);
  const [form, fields] = useForm({
    // One form per meeting: once a meeting is held, the next one's time fills the field.
    id: `move-${meetingId}`,
    lastResult: reply,
    constraint: getZodConstraint(schema),
    defaultValue: { to: localDateTimeValue(new Date(startsAt), timeZone) },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">Time</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <Field label={`Move to (your clock, ${timeZone})`} errors={fields.to.errors} {...getInputProps(fields.to, { type: "datetime-local" })} />
        <Button type="submit" variant="secondary">
          Move this meeting
        </Button>
      </Form>
      {canSkip ? (
        <Form method="post" className="mt-3 space-y-1">
          <input type="hidden" name="intent" value="skip" />
          <input type="hidden" name="meetingId" value={meetingId} />
          <p className="text-sm">If it cannot happen before the next regular meeting, skip it: the series goes on, and open points move to the next meeting.</p>
          <ConfirmSubmit label="Skip this meeting" title="Skip this meeting?" confirmLabel="Skip it" cancelLabel="Keep it" tickLabel="I understand: this meeting is cancelled in both calendars" variant="danger">
            <p>It is cancelled in both your calendars and cannot be brought back; the series goes on at its next regular time, and open points move there.</p>
          </ConfirmSubmit>
        </Form>
      ) : null}
      <Form method="post" className="mt-3 flex items-end gap-2">
        <input type="hidden" name="intent" value="cadence" />
        <SelectField label="How often" name="cadence" defaultValue={cadence}>
          {cadences.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          Change
        </Button>
      </Form>
    </Card>
  );
}

function NoteForm({ meetingId, reply }: { meetingId: string; reply: Reply }) {
  const [form, fields] = useForm({
    id: "note",
    lastResult: reply,
    constraint: getZodConstraint(NoteSchema),
    defaultValue: { visibility: "shared" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NoteSchema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">Write a note</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <TextareaField label="Note" rows={3} errors={fields.text.errors} {...getTextareaProps(fields.text)} />
        <SelectField label="Who reads it" errors={fields.visibility.errors} {...getSelectProps(fields.visibility)}>
          <option value="shared">Both of us</option>
          <option value="private">Only me</option>
        </SelectField>
        <Button type="submit">Save note</Button>
      </Form>
    </Card>
  );
}

function ActionForm({ meetingId, people, reply }: { meetingId: string; people: { id: string; name: string }[]; reply: Reply }) {
  const [form, fields] = useForm({
    id: "action",
    lastResult: reply,
    constraint: getZodConstraint(ActionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">Agree an action</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="action" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <TextareaField label="What is to be done" rows={2} errors={fields.text.errors} {...getTextareaProps(fields.text)} />
        <SelectField label="Owner" errors={fields.ownerId.errors} {...getSelectProps(fields.ownerId)}>
          <option value="">Choose…</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <Field label="Due (optional)" errors={fields.dueOn.errors} {...getInputProps(fields.dueOn, { type: "date" })} />
        <Button type="submit">Add action</Button>
      </Form>
    </Card>
  );
}

function PulseForm({ latest }: { latest: { score: number; answeredAt: Date } | null }) {
  return (
    <Card>
      <h3 className="mb-1 font-semibold">How useful are your one-to-ones?</h3>
      <p className="mb-2 text-sm">
        Only you see your answer. Your manager sees an average over their reports, taken in groups of answers from at least {PULSE_BATCH} different reports, never one answer
        alone.
      </p>
      {latest ? <p className="mb-2 text-sm">Your last answer: {PULSE_SCALE.find((point) => point.value === latest.score)?.label}.</p> : null}
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="pulse" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Your answer</legend>
          <div className="flex flex-wrap gap-3">
            {PULSE_SCALE.map((point) => (
              <label key={point.value} className="flex items-center gap-1 text-sm">
                <input type="radio" name="score" value={point.value} className="size-4" required />
                {point.label}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="secondary">
          Send
        </Button>
      </Form>
    </Card>
  );
}

function Notes({ notes }: { notes: Loaded["page"]["earlier"][number]["notes"] }) {
  if (!notes.length) return null;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {notes.map((note) => (
        <li key={note.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {note.authorName} · {note.visibility === "private" ? "private: only you read it" : "shared"}
            {note.passedOn ? " · passed on to your manager" : ""}
          </p>
          <p className="whitespace-pre-line">{note.text}</p>
          {note.canPassOn && !note.passedOn ? (
            <Form method="post" className="mt-1">
              <input type="hidden" name="intent" value="pass-on" />
              <input type="hidden" name="noteId" value={note.id} />
              <Button type="submit" variant="secondary">
                Pass on to my manager
              </Button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
