import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form, Link, data, redirect } from "react-router";
import type { ZodType } from "zod";
import type { Route } from "./+types/conversations.$seriesId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import {
  addAction,
  addPoint,
  passOnNote,
  seriesPage,
  setActionStatus,
  setPointStatus,
  writeNote,
} from "~/modules/conversations/agenda.server";
import {
  ActionSchema,
  ActionStatusSchema,
  CadenceSchema,
  MoveSchema,
  NoteSchema,
  PointSchema,
  PointStatusSchema,
  PulseSchema,
  SuggestionSchema,
} from "~/modules/conversations/forms";
import type { Cadence, SeriesKind } from "~/modules/conversations/cadence";
import type { MeetingState } from "~/modules/conversations/policy";
import { PULSE_BATCH, PULSE_SCALE } from "~/modules/conversations/pulse";
import { answerPulse, ownLatestPulse } from "~/modules/conversations/pulse.server";
import {
  changeCadence,
  holdMeeting,
  moveMeetingTo,
  skipMeeting,
} from "~/modules/conversations/series.server";
import { dayToDate } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { keyResultsToOffer, keyResultToOneToOne } from "~/modules/goals/goals.server";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { localDateTimeValue } from "~/modules/time-zones";
import * as clock from "~/platform/clock.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  if (!loaderData) return [{ title: t("conversations:series.fallbackTitle") }];
  return [
    {
      title: t("conversations:series.title", {
        name: t(`conversations:${headingKey(loaderData.page.series.kind)}`, {
          name: loaderData.other,
        }),
      }),
    },
  ];
};

const headingKey = (kind: SeriesKind): "series.heading.oneToOne" | "series.heading.skipLevel" =>
  kind === "one-to-one" ? "series.heading.oneToOne" : "series.heading.skipLevel";

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const page = await seriesPage(viewer, params.seriesId ?? "", clock.now(), languageOf(context));
  const pulse = await ownLatestPulse(viewer, page.series);
  const other = page.role === "manager" ? page.series.report.name : page.series.manager.name;
  // The report's key results at risk or off track, offered to the two (goals decides which).
  const keyResults = page.next
    ? await keyResultsToOffer(viewer, {
        id: page.series.id,
        managerId: page.series.manager.id,
        reportId: page.series.report.id,
      })
    : [];
  return { page, other, pulse, timeZone, viewerId: viewer.id, keyResults };
});

type Intent =
  | "point"
  | "suggestion"
  | "key-result"
  | "point-status"
  | "note"
  | "action"
  | "action-status"
  | "move"
  | "skip"
  | "hold"
  | "cadence"
  | "pulse"
  | "pass-on";

/**
 * A refusal is said at the top of the page; the form it came from keeps what was typed (without
 * JavaScript the page reloads from this answer): a point, a note or an action.
 */
function refusalShown(form: FormData) {
  const intent = String(form.get("intent") ?? "");
  const schema: ZodType | null =
    intent === "point"
      ? PointSchema
      : intent === "note"
        ? NoteSchema
        : intent === "action"
          ? ActionSchema
          : null;
  return { reply: schema ? parseWithZod(form, { schema }).reply() : undefined };
}

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const { viewer, timeZone } = await requireUserAndTimeZone(request);
    const seriesId = params.seriesId ?? "";
    const intent = String(form.get("intent") ?? "") as Intent;
    const parse = <T,>(schema: ZodType<T>) => parseWithZod(form, { schema });
    const invalid = (submission: { reply: () => SubmissionResult<string[]> }) =>
      data({ intent, reply: submission.reply(), error: null as string | null }, { status: 400 });
    const back = () => redirect(`/conversations/${seriesId}`);
    switch (intent) {
      case "point": {
        const submission = parse(PointSchema);
        if (submission.status !== "success") return invalid(submission);
        await addPoint(
          viewer,
          submission.value.meetingId,
          { text: submission.value.text },
          languageOf(context),
          seriesId,
        );
        return back();
      }
      case "suggestion": {
        const submission = parse(SuggestionSchema);
        if (submission.status !== "success") return invalid(submission);
        await addPoint(
          viewer,
          submission.value.meetingId,
          { suggestion: submission.value.suggestion },
          languageOf(context),
          seriesId,
        );
        return back();
      }
      case "key-result": {
        const added = await keyResultToOneToOne(
          viewer,
          String(form.get("keyResultId") ?? ""),
          languageOf(context),
        );
        if (!added.ok) throw new InvalidError(added.message);
        return redirect(`/conversations/${added.seriesId}`);
      }
      case "point-status": {
        const submission = parse(PointStatusSchema);
        if (submission.status !== "success") return invalid(submission);
        await setPointStatus(viewer, submission.value.pointId, submission.value.status, seriesId);
        return back();
      }
      case "note": {
        const submission = parse(NoteSchema);
        if (submission.status !== "success") return invalid(submission);
        await writeNote(viewer, submission.value.meetingId, submission.value, seriesId);
        return back();
      }
      case "action": {
        const submission = parse(ActionSchema);
        if (submission.status !== "success") return invalid(submission);
        const { meetingId, text, ownerId, dueOn } = submission.value;
        await addAction(
          viewer,
          meetingId,
          { text, ownerId, dueOn: dueOn ? dayToDate(dueOn) : null },
          seriesId,
        );
        return back();
      }
      case "action-status": {
        const submission = parse(ActionStatusSchema);
        if (submission.status !== "success") return invalid(submission);
        await setActionStatus(viewer, submission.value.actionId, submission.value.status, seriesId);
        return back();
      }
      case "move": {
        const submission = parse(MoveSchema(timeZone));
        if (submission.status !== "success") return invalid(submission);
        await moveMeetingTo(viewer, submission.value.meetingId, submission.value.to, seriesId);
        return back();
      }
      case "skip":
        await skipMeeting(viewer, String(form.get("meetingId") ?? ""), seriesId);
        return back();
      case "hold":
        await holdMeeting(viewer, String(form.get("meetingId") ?? ""), seriesId);
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
        await passOnNote(viewer, String(form.get("noteId") ?? ""), seriesId);
        return back();
    }
    throw new InvalidError({ key: "conversations:errors.unknownAction" });
  },
  refusalShown,
);

type Reply = SubmissionResult<string[]> | undefined;
type Loaded = Route.ComponentProps["loaderData"];

const STATE_KEYS = {
  "to-come": "series.earlier.state.toCome",
  held: "series.earlier.state.held",
  missed: "series.earlier.state.missed",
  skipped: "series.earlier.state.skipped",
  cancelled: "series.earlier.state.cancelled",
} as const satisfies Record<MeetingState, string>;

export default function SeriesPage({ loaderData, actionData }: Route.ComponentProps) {
  const loaded = loaderData;
  const result = actionData;
  const { page, other, timeZone } = loaded;
  const next = page.next;
  const replyFor = (intent: Intent): Reply =>
    result && result.intent === intent ? (result.reply as Reply) : undefined;
  const { t } = useTranslation("conversations");
  const f = useFormats();
  return (
    <>
      <BackLink to="/conversations">{t("series.back")}</BackLink>
      <PageHeader
        title={t(headingKey(page.series.kind), { name: other })}
        description={t("series.description", {
          cadence: t(`cadence.${page.series.cadence}`),
          minutes: page.series.minutes,
          manager: page.series.manager.name,
          zone: page.series.timeZone,
        })}
      />
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {!page.series.current ? <Alert tone="info">{t("series.ended")}</Alert> : null}
      {next ? (
        <section aria-labelledby="next-heading" className="mb-8">
          <h2 id="next-heading" className="mb-1 text-lg font-semibold">
            {t("series.next.heading")}
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
                  <Button type="submit">{t("series.next.hold")}</Button>
                </Form>
              ) : null}
              <MeetingControls
                key={next.id}
                meetingId={next.id}
                startsAt={next.startsAt}
                canSkip={next.canSkip}
                timeZone={timeZone}
                cadence={page.series.cadence}
                cadences={page.series.cadences}
                reply={replyFor("move")}
              />
              <NoteForm meetingId={next.id} reply={replyFor("note")} />
              <p className="text-sm">
                <Link to={`/conversations/evidence?meeting=${next.id}`} className="underline">
                  {t("series.next.evidenceLink")}
                </Link>
                {" – "}
                {t("series.next.evidenceAfter")}
              </p>
              <ActionForm
                meetingId={next.id}
                people={[page.series.manager, page.series.report]}
                reply={replyFor("action")}
              />
              {loaded.pulse !== undefined ? <PulseForm latest={loaded.pulse} /> : null}
            </div>
          </div>
          <Notes notes={next.notes} />
        </section>
      ) : null}
      {page.passedOn.length ? (
        <section aria-labelledby="passed-on-heading" className="mb-8">
          <h2 id="passed-on-heading" className="mb-1 text-lg font-semibold">
            {t("series.passedOn.heading", { name: other })}
          </h2>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {t("series.passedOn.intro", { name: other })}
          </p>
          <ul className="space-y-2 text-sm">
            {page.passedOn.map((note) => (
              <li
                key={note.id}
                className="rounded border border-slate-200 p-2 dark:border-slate-700"
              >
                <p className="text-xs text-slate-600 dark:text-slate-300">
                  {note.authorName} · {f.dateTime(note.meetingAt)}
                </p>
                <p className="whitespace-pre-line">{note.text}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="earlier-heading">
        <h2 id="earlier-heading" className="mb-2 text-lg font-semibold">
          {t("series.earlier.heading")}
        </h2>
        {page.earlier.length ? (
          <ol className="space-y-4">
            {page.earlier.map((meeting) => (
              <li
                key={meeting.id}
                className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
              >
                <p className="font-medium">
                  {f.dateTime(meeting.startsAt)} · {t(STATE_KEYS[meeting.state])}
                  {meeting.movedFrom ? (
                    <> · {t("series.earlier.movedFrom", { when: f.dateTime(meeting.movedFrom) })}</>
                  ) : null}
                </p>
                {meeting.canHold ? (
                  <Form method="post" className="mt-1">
                    <input type="hidden" name="intent" value="hold" />
                    <input type="hidden" name="meetingId" value={meeting.id} />
                    <Button type="submit" variant="secondary">
                      {t("series.earlier.hold")}
                    </Button>
                  </Form>
                ) : null}
                {meeting.points.length ? (
                  <ul className="mt-2 list-disc ps-5 text-sm">
                    {meeting.points.map((point) => (
                      <li key={point.id}>
                        {point.text}{" "}
                        <span className="text-slate-600 dark:text-slate-300">
                          {t("series.earlier.pointStatus", { status: point.status })}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {meeting.actions.length ? (
                  <ul className="mt-2 text-sm">
                    {meeting.actions.map((action) => (
                      <li key={action.id}>
                        {t("series.earlier.action", { text: action.text })} ·{" "}
                        {action.ownerId === page.series.manager.id
                          ? page.series.manager.name
                          : page.series.report.name}{" "}
                        · {t("series.earlier.actionStatus", { status: action.status })}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Notes notes={meeting.notes} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">{t("series.earlier.none")}</p>
        )}
      </section>
    </>
  );
}

function Agenda({ loaded, replyFor }: { loaded: Loaded; replyFor: (intent: Intent) => Reply }) {
  const { page } = loaded;
  const next = page.next!;
  const sending = useSubmitting();
  const nameOf = (id: string) =>
    id === page.series.manager.id ? page.series.manager.name : page.series.report.name;
  const { t } = useTranslation("conversations");
  const f = useFormats();
  const [form, fields] = useForm({
    id: "point",
    lastResult: replyFor("point"),
    constraint: getZodConstraint(PointSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PointSchema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">{t("series.agenda.heading")}</h3>
      {next.agenda.length ? (
        <ol className="mb-4 space-y-2 text-sm">
          {next.agenda.map((entry) =>
            entry.type === "action" ? (
              <li key={`action-${entry.action.id}`} className="flex flex-wrap items-center gap-2">
                <span>
                  {t("series.agenda.action", {
                    owner: nameOf(entry.action.ownerId),
                    text: entry.action.text,
                  })}
                  {entry.action.dueOn ? (
                    <> · {t("series.agenda.due", { day: f.day(entry.action.dueOn) })}</>
                  ) : null}
                  {entry.overdue ? <> · {t("series.agenda.overdue")}</> : null}
                </span>
                {page.series.current ? (
                  <>
                    <StatusButton
                      intent="action-status"
                      idName="actionId"
                      id={entry.action.id}
                      status="done"
                      label={t("series.agenda.done")}
                    />
                    <StatusButton
                      intent="action-status"
                      idName="actionId"
                      id={entry.action.id}
                      status="dropped"
                      label={t("series.agenda.drop")}
                    />
                  </>
                ) : null}
              </li>
            ) : (
              <li key={`point-${entry.point.id}`} className="flex flex-wrap items-center gap-2">
                <span
                  className={
                    entry.point.status === "open"
                      ? ""
                      : "text-slate-600 line-through dark:text-slate-400"
                  }
                >
                  {entry.point.text}
                  {entry.point.carried ? (
                    <> · {t("series.agenda.carried", { count: entry.point.carried })}</>
                  ) : null}
                </span>
                {entry.point.status === "open" ? (
                  <>
                    <StatusButton
                      intent="point-status"
                      idName="pointId"
                      id={entry.point.id}
                      status="covered"
                      label={t("series.agenda.covered")}
                    />
                    <StatusButton
                      intent="point-status"
                      idName="pointId"
                      id={entry.point.id}
                      status="closed"
                      label={t("series.agenda.close")}
                    />
                  </>
                ) : (
                  <StatusButton
                    intent="point-status"
                    idName="pointId"
                    id={entry.point.id}
                    status="open"
                    label={t("series.agenda.reopen")}
                  />
                )}
              </li>
            ),
          )}
        </ol>
      ) : (
        <p className="mb-4 text-sm">{t("series.agenda.empty")}</p>
      )}
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="point" />
        <input type="hidden" name="meetingId" value={next.id} />
        <TextareaField
          label={t("series.agenda.addPoint")}
          rows={2}
          errors={fields.text.errors}
          {...getTextareaProps(fields.text)}
        />
        <Button type="submit" disabled={sending}>
          {t("series.agenda.add")}
        </Button>
      </Form>
      {next.suggestions.length ? (
        <>
          <h4 className="mb-1 mt-4 text-sm font-semibold">{t("series.agenda.suggestions")}</h4>
          <ul className="space-y-1 text-sm">
            {next.suggestions.map((suggestion) => (
              <li key={suggestion.sourceKey}>
                <Form method="post" className="flex items-start gap-2">
                  <input type="hidden" name="intent" value="suggestion" />
                  <input type="hidden" name="meetingId" value={next.id} />
                  <input type="hidden" name="suggestion" value={suggestion.sourceKey} />
                  <span className="flex-1">{wordsOf(t, suggestion.text)}</span>
                  <Button type="submit" variant="secondary">
                    {t("series.agenda.add")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {loaded.keyResults.length ? (
        <>
          <h4 className="mb-1 mt-4 text-sm font-semibold">{t("series.agenda.keyResults")}</h4>
          <ul className="space-y-1 text-sm">
            {loaded.keyResults.map((keyResult) => (
              <li key={keyResult.id}>
                <Form method="post" className="flex items-start gap-2">
                  <input type="hidden" name="intent" value="key-result" />
                  <input type="hidden" name="keyResultId" value={keyResult.id} />
                  <span className="flex-1">
                    {t("series.agenda.keyResult", {
                      title: keyResult.title,
                      confidence: keyResult.confidence,
                    })}{" "}
                    ·{" "}
                    <Link to={`/goals/objectives/${keyResult.objectiveId}`} className="underline">
                      {keyResult.objectiveTitle}
                    </Link>
                  </span>
                  <Button type="submit" variant="secondary">
                    {t("series.agenda.addKeyResult")}
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

function StatusButton({
  intent,
  idName,
  id,
  status,
  label,
}: {
  intent: Intent;
  idName: string;
  id: string;
  status: string;
  label: string;
}) {
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

function MeetingControls({
  meetingId,
  startsAt,
  canSkip,
  timeZone,
  cadence,
  cadences,
  reply,
}: {
  meetingId: string;
  startsAt: Date;
  canSkip: boolean;
  timeZone: string;
  cadence: string;
  cadences: readonly Cadence[];
  reply: Reply;
}) {
  const { t } = useTranslation("conversations");
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
      <h3 className="mb-2 font-semibold">{t("series.time.heading")}</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <Field
          label={t("series.time.moveTo", { zone: timeZone })}
          errors={fields.to.errors}
          {...getInputProps(fields.to, { type: "datetime-local" })}
        />
        <Button type="submit" variant="secondary">
          {t("series.time.move")}
        </Button>
      </Form>
      {canSkip ? (
        <Form method="post" className="mt-3 space-y-1">
          <input type="hidden" name="intent" value="skip" />
          <input type="hidden" name="meetingId" value={meetingId} />
          <p className="text-sm">{t("series.time.skipHint")}</p>
          <ConfirmSubmit
            label={t("series.time.skip")}
            title={t("series.time.skipTitle")}
            confirmLabel={t("series.time.skipConfirm")}
            cancelLabel={t("series.time.skipCancel")}
            tickLabel={t("series.time.skipTick")}
            variant="danger"
          >
            <p>{t("series.time.skipWarning")}</p>
          </ConfirmSubmit>
        </Form>
      ) : null}
      <Form method="post" className="mt-3 flex items-end gap-2">
        <input type="hidden" name="intent" value="cadence" />
        <SelectField label={t("series.time.cadence")} name="cadence" defaultValue={cadence}>
          {cadences.map((option) => (
            <option key={option} value={option}>
              {t(`cadence.${option}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("series.time.change")}
        </Button>
      </Form>
    </Card>
  );
}

function NoteForm({ meetingId, reply }: { meetingId: string; reply: Reply }) {
  const { t } = useTranslation("conversations");
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
      <h3 className="mb-2 font-semibold">{t("series.note.heading")}</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <TextareaField
          label={t("series.note.label")}
          rows={3}
          errors={fields.text.errors}
          {...getTextareaProps(fields.text)}
        />
        <SelectField
          label={t("series.note.visibility")}
          errors={fields.visibility.errors}
          {...getSelectProps(fields.visibility)}
        >
          <option value="shared">{t("series.note.shared")}</option>
          <option value="private">{t("series.note.private")}</option>
        </SelectField>
        <Button type="submit">{t("series.note.save")}</Button>
      </Form>
    </Card>
  );
}

function ActionForm({
  meetingId,
  people,
  reply,
}: {
  meetingId: string;
  people: { id: string; name: string }[];
  reply: Reply;
}) {
  const { t } = useTranslation("conversations");
  const [form, fields] = useForm({
    id: "action",
    lastResult: reply,
    constraint: getZodConstraint(ActionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActionSchema }),
  });
  return (
    <Card>
      <h3 className="mb-2 font-semibold">{t("series.action.heading")}</h3>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="action" />
        <input type="hidden" name="meetingId" value={meetingId} />
        <TextareaField
          label={t("series.action.text")}
          rows={2}
          errors={fields.text.errors}
          {...getTextareaProps(fields.text)}
        />
        <SelectField
          label={t("series.action.owner")}
          errors={fields.ownerId.errors}
          {...getSelectProps(fields.ownerId)}
        >
          <option value="">{t("series.action.choose")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("series.action.due")}
          errors={fields.dueOn.errors}
          {...getInputProps(fields.dueOn, { type: "date" })}
        />
        <Button type="submit">{t("series.action.add")}</Button>
      </Form>
    </Card>
  );
}

function PulseForm({ latest }: { latest: { score: number; answeredAt: Date } | null }) {
  const { t } = useTranslation("conversations");
  const scoreWords = (score: number) => t(`pulse.scale.${score}` as "pulse.scale.1");
  return (
    <Card>
      <h3 className="mb-1 font-semibold">{t("series.pulse.heading")}</h3>
      <p className="mb-2 text-sm">{t("series.pulse.privacy", { batch: PULSE_BATCH })}</p>
      {latest ? (
        <p className="mb-2 text-sm">
          {t("series.pulse.last", { answer: scoreWords(latest.score) })}
        </p>
      ) : null}
      <Form method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="intent" value="pulse" />
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("series.pulse.answer")}</legend>
          <div className="flex flex-wrap gap-3">
            {PULSE_SCALE.map((score) => (
              <label key={score} className="flex items-center gap-1 text-sm">
                <input type="radio" name="score" value={score} className="size-4" required />
                {scoreWords(score)}
              </label>
            ))}
          </div>
        </fieldset>
        <Button type="submit" variant="secondary">
          {t("series.pulse.send")}
        </Button>
      </Form>
    </Card>
  );
}

function Notes({ notes }: { notes: Loaded["page"]["earlier"][number]["notes"] }) {
  const { t } = useTranslation("conversations");
  if (!notes.length) return null;
  return (
    <ul className="mt-3 space-y-2 text-sm">
      {notes.map((note) => (
        <li key={note.id} className="rounded border border-slate-200 p-2 dark:border-slate-700">
          <p className="text-xs text-slate-600 dark:text-slate-300">
            {note.authorName} ·{" "}
            {note.visibility === "private" ? t("series.note.isPrivate") : t("series.note.isShared")}
            {note.passedOn ? <> · {t("series.note.passedOn")}</> : null}
          </p>
          <p className="whitespace-pre-line">{note.text}</p>
          {note.canPassOn && !note.passedOn ? (
            <Form method="post" className="mt-1">
              <input type="hidden" name="intent" value="pass-on" />
              <input type="hidden" name="noteId" value={note.id} />
              <Button type="submit" variant="secondary">
                {t("series.note.passOn")}
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
