import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.pairs.$pairId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FactorList, PairStatusBadge } from "~/components/mentorship/parts";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { Button } from "~/components/ui/button";
import { CheckboxField, ErrorList, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import {
  CheckInSchema,
  DeclineSchema,
  OutcomeSchema,
  PulseSchema,
} from "~/modules/mentorship/forms";
import { OUTCOMES } from "~/modules/mentorship/lifecycle";
import {
  answerPairAs,
  answerPulse,
  pairPage,
  recordCheckIn,
  recordOutcome,
} from "~/modules/mentorship/pairs.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

// Opened from the to-do list and emails as a document; each form checks on the server, and a refusal
// comes back with its errors and what was typed (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("mentorship:pair.title", {
            mentee: loaderData.pair.menteeName,
            mentor: loaderData.pair.mentorName,
          })
        : t("mentorship:pair.titleUnknown"),
    },
  ];
};

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return pairPage(
    viewer,
    params.programmeId ?? "",
    params.pairId ?? "",
    undefined,
    languageOf(context),
  );
});

/** A refusal is said at the top of the page; no form keeps a reply. */
const refusalShown = () => ({ reply: undefined });

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const programmeId = params.programmeId ?? "";
    const pairId = params.pairId ?? "";
    const intent = String(form.get("intent") ?? "");
    const back = (done: string) =>
      redirect(`/mentorship/${programmeId}/pairs/${pairId}?done=${done}`);
    if (intent === "accept" || intent === "decline") {
      const submission = parseWithZod(form, { schema: DeclineSchema });
      if (submission.status !== "success")
        return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      await answerPairAs(
        viewer,
        programmeId,
        pairId,
        intent === "accept" ? "accepted" : "declined",
        intent === "decline" ? submission.value.reason : "",
      );
      return back(intent);
    }
    if (intent === "check-in") {
      const submission = parseWithZod(form, { schema: CheckInSchema });
      if (submission.status !== "success")
        return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      const result = await recordCheckIn(viewer, programmeId, pairId, submission.value);
      if (!result.ok) {
        // The module's refusals carry values (the day the pair began), which a form's keys cannot: worded here.
        const t = translatorOf(context);
        const fieldErrors = Object.fromEntries(
          Object.entries(result.fieldErrors).map(([field, messages]: [string, Message[]]) => [
            field,
            messages.map((message) => wordsOf(t, message)),
          ]),
        );
        return data(
          { intent, reply: submission.reply({ fieldErrors }), error: null },
          { status: 400 },
        );
      }
      return back("check-in");
    }
    if (intent === "pulse") {
      const submission = parseWithZod(form, { schema: PulseSchema });
      if (submission.status !== "success")
        return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      await answerPulse(viewer, programmeId, pairId, submission.value);
      return back("pulse");
    }
    if (intent === "outcome") {
      const submission = parseWithZod(form, { schema: OutcomeSchema });
      if (submission.status !== "success")
        return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
      await recordOutcome(viewer, programmeId, pairId, submission.value);
      return back("outcome");
    }
    throw new InvalidError({ key: "mentorship:errors.unknownAction" });
  },
  refusalShown,
);

// After an answer ("answered"), the pair's standing as it is now (the other side may have answered
// since); after anything else, its message.
const DONE = {
  accept: "answered",
  decline: "answered",
  "check-in": "pair.done.checkIn",
  pulse: "pair.done.pulse",
  outcome: "pair.done.outcome",
} as const;

type Reply = SubmissionResult<string[]> | undefined;

/** The outcomes' message keys (a key takes no hyphen in ICU's choices, and reads as the others do). */
const OUTCOME_KEYS = {
  "goals-met": "goalsMet",
  "partly-met": "partlyMet",
  "not-met": "notMet",
  "ended-early": "endedEarly",
} as const;

export default function PairPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const sending = useSubmitting();
  const busy = sending;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const doneKey = useDoneMessage(DONE, result);
  const standing = view.standing ? wordsOf(t, view.standing) : null;
  const done = doneKey === "answered" ? standing : doneKey ? t(doneKey) : null;
  const replyFor = (intent: string): Reply =>
    result && result.intent === intent ? (result.reply as Reply) : undefined;
  const { pair, role } = view;
  const other = role === "mentee" ? pair.mentorName : role === "mentor" ? pair.menteeName : null;
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={
          other
            ? t("pair.headingOwn", { role: role ?? "mentee", name: other })
            : t("pair.heading", { mentee: pair.menteeName, mentor: pair.mentorName })
        }
        description={t("pair.description", { mentee: pair.menteeName, mentor: pair.mentorName })}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{wordsOf(t, result.error)}</Alert> : null}
      <p className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <PairStatusBadge status={pair.status} />
        {pair.status === "offered" && !view.standing ? (
          <span>
            {t("pair.answers", {
              mentee: pair.menteeAnswer ?? "none",
              mentor: pair.mentorAnswer ?? "none",
            })}
          </span>
        ) : null}
        {standing && pair.status !== "declined" && !done ? <span>{standing}</span> : null}
        {pair.activeSince ? <span>{t("pair.since", { day: f.day(pair.activeSince) })}</span> : null}
        {pair.status === "declined" ? (
          <span>
            {pair.declineReason
              ? t("pair.declinedByBecause", {
                  by: pair.declinedBy ?? "pair",
                  reason: pair.declineReason,
                })
              : t("pair.declinedBy", { by: pair.declinedBy ?? "pair" })}
          </span>
        ) : null}
        {pair.outcome ? (
          <span>
            {pair.outcomeNote
              ? t("pair.outcomeWithNote", {
                  outcome: t(`outcome.${OUTCOME_KEYS[pair.outcome]}`),
                  note: pair.outcomeNote,
                })
              : t("pair.outcome", { outcome: t(`outcome.${OUTCOME_KEYS[pair.outcome]}`) })}
          </span>
        ) : null}
      </p>

      {view.can.answer ? (
        <AnswerForm reply={replyFor("decline")} busy={busy} other={other ?? ""} />
      ) : null}
      {view.pulsesDue.map((pulse) => (
        <PulseForm
          key={pulse.checkpoint}
          checkpoint={pulse.checkpoint}
          dueOn={pulse.dueOn}
          reply={replyFor("pulse")}
          busy={busy}
        />
      ))}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("pair.why")}</h2>
          {pair.source === "requested" ? (
            <p className="mb-2 text-sm font-medium">
              {view.requestRank
                ? t("origin.requested", { rank: t("ordinal", { rank: view.requestRank }) })
                : t("origin.requestedUnranked")}
            </p>
          ) : null}
          {view.fit !== null ? (
            <p className="mb-2 text-sm">{t("pair.fit", { fit: view.fit })}</p>
          ) : null}
          <FactorList factors={view.factors} />
          <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
            {t("pair.timeZones", {
              mentee: view.timeZones.mentee,
              mentor: view.timeZones.mentor,
              apart: wordsOf(t, view.timeZones.apart),
            })}
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("pair.goals")}</h2>
          <ul className="space-y-1 text-sm">
            {view.goals.map((goal) => (
              <li key={goal.id}>
                {goal.name}
                {goal.mentorCanHelp ? (
                  <span className="text-xs text-emerald-700 dark:text-emerald-300">
                    {" "}
                    · {t("pair.mentorCanHelp")}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          {view.preferences ? (
            <p className="mt-3 whitespace-pre-line text-sm">
              {t("matching.quoted", { text: view.preferences })}
            </p>
          ) : null}
          {view.movement ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold">{t("pair.movement")}</h3>
              <ul className="space-y-1 text-sm">
                {view.movement.map((goal) => (
                  <li key={goal.name}>
                    {t("pair.movementRow", {
                      name: goal.name,
                      before: goal.before ?? t("pair.notRatedBefore"),
                      after: goal.after ?? t("pair.noReviewSince"),
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>

      <section aria-labelledby="check-ins-heading" className="mt-6">
        <h2 id="check-ins-heading" className="mb-2 text-lg font-semibold">
          {t("pair.checkIns")}
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">{t("pair.checkInsIntro")}</p>
        {view.can.checkIn ? (
          <CheckInForm
            reply={replyFor("check-in")}
            busy={busy}
            today={view.today}
            goals={view.goals}
          />
        ) : null}
        {view.checkIns.length ? (
          <ol className="mt-4 space-y-3">
            {view.checkIns.map((checkIn) => (
              <li
                key={checkIn.id}
                className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
              >
                <p className="font-medium">
                  {f.day(checkIn.occurredOn)} · {t("pair.recordedBy", { name: checkIn.authorName })}
                  {checkIn.shared ? ` · ${t("pair.sharedWithAdmins")}` : ""}
                </p>
                {checkIn.competencies.length ? (
                  <p className="text-slate-600 dark:text-slate-300">
                    {t("pair.workedOn", { goals: f.list(checkIn.competencies) })}
                  </p>
                ) : null}
                {checkIn.note ? <p className="mt-1 whitespace-pre-line">{checkIn.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">
            {view.hiddenCheckIns ? t("pair.noSharedCheckIns") : t("pair.noCheckIns")}
          </p>
        )}
        {view.hiddenCheckIns ? (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            {t("pair.hiddenCheckIns", { count: view.hiddenCheckIns })}
          </p>
        ) : null}
      </section>

      {view.pulses.length ? (
        <section aria-labelledby="pulses-heading" className="mt-6">
          <h2 id="pulses-heading" className="mb-2 text-lg font-semibold">
            {t("pair.pulses")}
          </h2>
          <ul className="space-y-1 text-sm">
            {view.pulses.map((pulse) => (
              <li key={`${pulse.checkpoint}-${pulse.by}`}>
                {t("pair.pulseRow", {
                  days: pulse.checkpoint,
                  by: role === pulse.by ? "you" : pulse.by,
                  usefulness: pulse.usefulness,
                  comfort: pulse.comfort,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.can.outcome ? <OutcomeForm reply={replyFor("outcome")} busy={busy} /> : null}
    </>
  );
}

function AnswerForm({ reply, busy, other }: { reply: Reply; busy: boolean; other: string }) {
  const { t } = useTranslation("mentorship");
  const [form, fields] = useForm({
    id: "answer",
    lastResult: reply,
    constraint: getZodConstraint(DeclineSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
  });
  return (
    <Card className="mb-6 max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">{t("pair.answer.heading")}</h2>
      <p className="mb-3 text-sm">{t("pair.answer.question", { name: other })}</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <TextareaField
          label={t("pair.answer.reason")}
          hint={t("pair.answer.reasonHint")}
          rows={2}
          errors={fields.reason.errors}
          {...getTextareaProps(fields.reason)}
        />
        <div className="flex gap-3">
          <Button type="submit" name="intent" value="accept" disabled={busy}>
            {t("pair.answer.accept")}
          </Button>
          <Button type="submit" name="intent" value="decline" variant="secondary" disabled={busy}>
            {t("pair.answer.decline")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function CheckInForm({
  reply,
  busy,
  today,
  goals,
}: {
  reply: Reply;
  busy: boolean;
  today: string;
  goals: { id: string; name: string }[];
}) {
  const { t } = useTranslation("mentorship");
  const [form, fields] = useForm({
    id: "check-in",
    lastResult: reply,
    constraint: getZodConstraint(CheckInSchema),
    defaultValue: { occurredOn: today },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckInSchema }),
  });
  return (
    <Card className="max-w-2xl">
      <h3 className="mb-3 font-semibold">{t("pair.checkIn.heading")}</h3>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="check-in" />
        <Field
          label={t("pair.checkIn.date")}
          className="max-w-xs"
          errors={fields.occurredOn.errors}
          {...getInputProps(fields.occurredOn, { type: "date" })}
          max={today}
        />
        <TextareaField
          label={t("pair.checkIn.note")}
          hint={t("pair.checkIn.noteHint")}
          rows={3}
          errors={fields.note.errors}
          {...getTextareaProps(fields.note)}
        />
        {goals.length ? (
          <fieldset
            aria-describedby={
              fields.competencies.errors?.length ? fields.competencies.errorId : undefined
            }
          >
            <legend className="mb-1 text-sm font-medium">{t("pair.checkIn.goals")}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {goals.map((goal) => (
                <label key={goal.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={fields.competencies.name}
                    value={goal.id}
                    className="size-4"
                  />
                  {goal.name}
                </label>
              ))}
            </div>
            <ErrorList id={fields.competencies.errorId} errors={fields.competencies.errors} />
          </fieldset>
        ) : null}
        <CheckboxField
          label={t("pair.checkIn.share")}
          hint={t("pair.checkIn.shareHint")}
          {...getInputProps(fields.shared, { type: "checkbox" })}
        />
        <Button type="submit" disabled={busy}>
          {t("pair.checkIn.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function PulseForm({
  checkpoint,
  dueOn,
  reply,
  busy,
}: {
  checkpoint: number;
  dueOn: Date | string;
  reply: Reply;
  busy: boolean;
}) {
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const [form, fields] = useForm({
    id: `pulse-${checkpoint}`,
    lastResult: reply,
    constraint: getZodConstraint(PulseSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PulseSchema }),
  });
  return (
    <Card className="mb-6 max-w-2xl">
      <h2 className="mb-1 text-lg font-semibold">{t("pulse.heading", { days: checkpoint })}</h2>
      <p className="mb-3 text-sm">{t("pulse.intro", { day: f.day(dueOn) })}</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="pulse" />
        <input type="hidden" name="checkpoint" value={checkpoint} />
        {(["usefulness", "comfort"] as const).map((question) => (
          <fieldset
            key={question}
            aria-describedby={
              fields[question].errors?.length ? fields[question].errorId : undefined
            }
          >
            <legend className="mb-1 text-sm font-medium">{t(`pulse.question.${question}`)}</legend>
            <div className="flex flex-wrap gap-4">
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className="flex items-center gap-1 text-sm">
                  <input
                    type="radio"
                    name={fields[question].name}
                    value={value}
                    className="size-4"
                  />
                  {value === 1
                    ? t("pulse.lowest", { value })
                    : value === 5
                      ? t("pulse.highest", { value })
                      : f.number(value)}
                </label>
              ))}
            </div>
            <ErrorList id={fields[question].errorId} errors={fields[question].errors} />
          </fieldset>
        ))}
        <Button type="submit" disabled={busy}>
          {t("pulse.submit")}
        </Button>
      </Form>
    </Card>
  );
}

function OutcomeForm({ reply, busy }: { reply: Reply; busy: boolean }) {
  const { t } = useTranslation("mentorship");
  const [form, fields] = useForm({
    id: "outcome",
    lastResult: reply,
    constraint: getZodConstraint(OutcomeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }),
  });
  return (
    <Card className="mt-6 max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">{t("pair.end.heading")}</h2>
      <p className="mb-3 text-sm">{t("pair.end.intro")}</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="outcome" />
        <SelectField
          label={t("pair.end.outcome")}
          className="max-w-xs"
          errors={fields.outcome.errors}
          {...getSelectProps(fields.outcome)}
        >
          <option value="">{t("pair.end.choose")}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`outcome.${OUTCOME_KEYS[outcome]}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={t("pair.end.note")}
          rows={2}
          errors={fields.note.errors}
          {...getTextareaProps(fields.note)}
        />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("pair.end.submit")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
