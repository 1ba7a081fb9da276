import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.pairs.$pairId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FactorList, fitText, formatDay, PairStatusBadge } from "~/components/mentorship/parts";
import { Button } from "~/components/ui/button";
import { CheckboxField, ErrorList, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { CheckInSchema, DeclineSchema, OutcomeSchema, PULSE_QUESTIONS, PulseSchema } from "~/modules/mentorship/forms";
import { OUTCOME_LABELS, OUTCOMES } from "~/modules/mentorship/lifecycle";
import { answerPairAs, answerPulse, pairPage, recordCheckIn, recordOutcome } from "~/modules/mentorship/pairs.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData ? `${loaderData.pair.menteeName} and ${loaderData.pair.mentorName}` : "Pair"} · Mentorship · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return pairPage(viewer, params.programmeId ?? "", params.pairId ?? "");
});

/** A refusal is said at the top of the page; no form keeps a reply. */
const refusalShown = () => ({ reply: undefined });

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const pairId = params.pairId ?? "";
  const intent = String(form.get("intent") ?? "");
  const back = (done: string) => redirect(`/mentorship/${programmeId}/pairs/${pairId}?done=${done}`);
  if (intent === "accept" || intent === "decline") {
    const submission = parseWithZod(form, { schema: DeclineSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    await answerPairAs(viewer, programmeId, pairId, intent === "accept" ? "accepted" : "declined", intent === "decline" ? submission.value.reason : "");
    return back(intent);
  }
  if (intent === "check-in") {
    const submission = parseWithZod(form, { schema: CheckInSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    const result = await recordCheckIn(viewer, programmeId, pairId, submission.value);
    if (!result.ok) return data({ intent, reply: submission.reply({ fieldErrors: result.fieldErrors as Record<string, string[]> }), error: null }, { status: 400 });
    return back("check-in");
  }
  if (intent === "pulse") {
    const submission = parseWithZod(form, { schema: PulseSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    await answerPulse(viewer, programmeId, pairId, submission.value);
    return back("pulse");
  }
  if (intent === "outcome") {
    const submission = parseWithZod(form, { schema: OutcomeSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    await recordOutcome(viewer, programmeId, pairId, submission.value);
    return back("outcome");
  }
  throw new InvalidError("Unknown action.");
}, refusalShown);

// After an answer, the pair's standing as it is now (the other side may have answered since).
const DONE: Record<string, string> = {
  "check-in": "Check-in recorded.",
  pulse: "Thank you: your answers are saved.",
  outcome: "Outcome recorded; the pair has ended.",
};

type Reply = SubmissionResult<string[]> | undefined;

export default function PairPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const busy = navigation.state === "submitting";
  const doneParam = searchParams.get("done") ?? "";
  const done = result ? null : doneParam === "accept" || doneParam === "decline" ? view.standing : DONE[doneParam];
  const replyFor = (intent: string): Reply => (result && result.intent === intent ? (result.reply as Reply) : undefined);
  const { pair, role } = view;
  const other = role === "mentee" ? pair.mentorName : role === "mentor" ? pair.menteeName : null;
  const answerOf = (answer: string | null) => (answer === "accepted" ? "accepted" : answer === "declined" ? "declined" : "not answered yet");
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={other ? (role === "mentee" ? `Your mentor: ${other}` : `Your mentee: ${other}`) : `${pair.menteeName} with ${pair.mentorName}`}
        description={`Mentee ${pair.menteeName}, mentor ${pair.mentorName}.`}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      <p className="mb-6 flex flex-wrap items-center gap-2 text-sm">
        <PairStatusBadge status={pair.status} />
        {pair.status === "offered" && !view.standing ? (
          <span>
            Mentee: {answerOf(pair.menteeAnswer)} · Mentor: {answerOf(pair.mentorAnswer)}
          </span>
        ) : null}
        {view.standing && pair.status !== "declined" && !done ? <span>{view.standing}</span> : null}
        {pair.activeSince ? <span>Since {formatDay(pair.activeSince)}</span> : null}
        {pair.status === "declined" ? (
          <span>
            Declined by the {pair.declinedBy ?? "pair"}
            {pair.declineReason ? `: “${pair.declineReason}”` : ""}
          </span>
        ) : null}
        {pair.outcome ? (
          <span>
            Outcome: {pair.outcome}
            {pair.outcomeNote ? ` — ${pair.outcomeNote}` : ""}
          </span>
        ) : null}
      </p>

      {view.can.answer ? <AnswerForm reply={replyFor("decline")} busy={busy} other={other ?? ""} /> : null}
      {view.pulsesDue.map((pulse) => (
        <PulseForm key={pulse.checkpoint} checkpoint={pulse.checkpoint} dueOn={pulse.dueOn} reply={replyFor("pulse")} busy={busy} />
      ))}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Why this pair</h2>
          {view.origin && pair.source === "requested" ? <p className="mb-2 text-sm font-medium">{view.origin}.</p> : null}
          {view.fit !== null ? <p className="mb-2 text-sm">Fit {fitText(view.fit)}, factor by factor:</p> : null}
          <FactorList factors={view.factors} />
          <p className="mt-3 text-xs text-slate-600 dark:text-slate-300">
            Time zones: mentee {view.timeZones.mentee}, mentor {view.timeZones.mentor}: {view.timeZones.apart} over the programme.
          </p>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Goals</h2>
          <ul className="space-y-1 text-sm">
            {view.goals.map((goal) => (
              <li key={goal.id}>
                {goal.name}
                {goal.mentorCanHelp ? <span className="text-xs text-emerald-700 dark:text-emerald-300"> · the mentor can help</span> : null}
              </li>
            ))}
          </ul>
          {view.preferences ? <p className="mt-3 whitespace-pre-line text-sm">“{view.preferences}”</p> : null}
          {view.movement ? (
            <>
              <h3 className="mb-1 mt-4 text-sm font-semibold">Movement in manager reviews since the pair began</h3>
              <ul className="space-y-1 text-sm">
                {view.movement.map((goal) => (
                  <li key={goal.name}>
                    {goal.name}: {goal.before ?? "not rated before"} → {goal.after ?? "no review since"}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>
      </div>

      <section aria-labelledby="check-ins-heading" className="mt-6">
        <h2 id="check-ins-heading" className="mb-2 text-lg font-semibold">
          Check-ins
        </h2>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">Private to the two of you, unless the one who records a check-in shares it with the programme's admins.</p>
        {view.can.checkIn ? <CheckInForm reply={replyFor("check-in")} busy={busy} today={view.today} goals={view.goals} /> : null}
        {view.checkIns.length ? (
          <ol className="mt-4 space-y-3">
            {view.checkIns.map((checkIn) => (
              <li key={checkIn.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
                <p className="font-medium">
                  {formatDay(checkIn.occurredOn)} · recorded by {checkIn.authorName}
                  {checkIn.shared ? " · shared with admins" : ""}
                </p>
                {checkIn.competencies.length ? <p className="text-slate-600 dark:text-slate-300">Worked on: {checkIn.competencies.join(", ")}</p> : null}
                {checkIn.note ? <p className="mt-1 whitespace-pre-line">{checkIn.note}</p> : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm">No check-ins {view.hiddenCheckIns ? "shared" : "yet"}.</p>
        )}
        {view.hiddenCheckIns ? (
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
            {plural(view.hiddenCheckIns, "# more check-in is")} private to the pair.
          </p>
        ) : null}
      </section>

      {view.pulses.length ? (
        <section aria-labelledby="pulses-heading" className="mt-6">
          <h2 id="pulses-heading" className="mb-2 text-lg font-semibold">
            Pulse answers
          </h2>
          <ul className="space-y-1 text-sm">
            {view.pulses.map((pulse) => (
              <li key={`${pulse.checkpoint}-${pulse.by}`}>
                {pulse.checkpoint} days, {role === pulse.by ? "you" : `the ${pulse.by}`}: useful {pulse.usefulness} of 5, comfortable {pulse.comfort} of 5
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
  const [form, fields] = useForm({
    id: "answer",
    lastResult: reply,
    constraint: getZodConstraint(DeclineSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineSchema }),
  });
  return (
    <Card className="mb-6 max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">Your answer</h2>
      <p className="mb-3 text-sm">Would you like to be paired with {other}? The pair starts once you both accept; if either declines, the admins look for someone else.</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <TextareaField label="Reason, if you decline (optional)" hint="Only the programme's admins read it." rows={2} errors={fields.reason.errors} {...getTextareaProps(fields.reason)} />
        <div className="flex gap-3">
          <Button type="submit" name="intent" value="accept" disabled={busy}>
            Accept
          </Button>
          <Button type="submit" name="intent" value="decline" variant="secondary" disabled={busy}>
            Decline
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function CheckInForm({ reply, busy, today, goals }: { reply: Reply; busy: boolean; today: string; goals: { id: string; name: string }[] }) {
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
      <h3 className="mb-3 font-semibold">Record a check-in</h3>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="check-in" />
        <Field label="Date" className="max-w-xs" errors={fields.occurredOn.errors} {...getInputProps(fields.occurredOn, { type: "date" })} max={today} />
        <TextareaField label="Note" hint="What you talked about, what comes next." rows={3} errors={fields.note.errors} {...getTextareaProps(fields.note)} />
        {goals.length ? (
          <fieldset aria-describedby={fields.competencies.errors?.length ? fields.competencies.errorId : undefined}>
            <legend className="mb-1 text-sm font-medium">Goals worked on</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {goals.map((goal) => (
                <label key={goal.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name={fields.competencies.name} value={goal.id} className="size-4" />
                  {goal.name}
                </label>
              ))}
            </div>
            <ErrorList id={fields.competencies.errorId} errors={fields.competencies.errors} />
          </fieldset>
        ) : null}
        <CheckboxField label="Share with the programme's admins" hint="Otherwise only the two of you see this check-in." {...getInputProps(fields.shared, { type: "checkbox" })} />
        <Button type="submit" disabled={busy}>
          Record check-in
        </Button>
      </Form>
    </Card>
  );
}

function PulseForm({ checkpoint, dueOn, reply, busy }: { checkpoint: number; dueOn: Date | string; reply: Reply; busy: boolean }) {
  const [form, fields] = useForm({
    id: `pulse-${checkpoint}`,
    lastResult: reply,
    constraint: getZodConstraint(PulseSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PulseSchema }),
  });
  return (
    <Card className="mb-6 max-w-2xl">
      <h2 className="mb-1 text-lg font-semibold">{checkpoint}-day pulse</h2>
      <p className="mb-3 text-sm">Two questions, by {formatDay(dueOn)}. Only you and the programme's admins see your answers; the admins see averages of four or more.</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="pulse" />
        <input type="hidden" name="checkpoint" value={checkpoint} />
        {(["usefulness", "comfort"] as const).map((question) => (
          <fieldset key={question} aria-describedby={fields[question].errors?.length ? fields[question].errorId : undefined}>
            <legend className="mb-1 text-sm font-medium">{PULSE_QUESTIONS[question]}</legend>
            <div className="flex flex-wrap gap-4">
              {[1, 2, 3, 4, 5].map((value) => (
                <label key={value} className="flex items-center gap-1 text-sm">
                  <input type="radio" name={fields[question].name} value={value} className="size-4" />
                  {value}
                  {value === 1 ? " (not at all)" : value === 5 ? " (very)" : ""}
                </label>
              ))}
            </div>
            <ErrorList id={fields[question].errorId} errors={fields[question].errors} />
          </fieldset>
        ))}
        <Button type="submit" disabled={busy}>
          Send answers
        </Button>
      </Form>
    </Card>
  );
}

function OutcomeForm({ reply, busy }: { reply: Reply; busy: boolean }) {
  const [form, fields] = useForm({
    id: "outcome",
    lastResult: reply,
    constraint: getZodConstraint(OutcomeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeSchema }),
  });
  return (
    <Card className="mt-6 max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">End the pair</h2>
      <p className="mb-3 text-sm">At the end of the programme, or earlier, either of you records how it went. This ends the pair.</p>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="outcome" />
        <SelectField label="How it went" className="max-w-xs" errors={fields.outcome.errors} {...getSelectProps(fields.outcome)}>
          <option value="">Choose…</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </SelectField>
        <TextareaField label="How it went, in a few words (optional)" rows={2} errors={fields.note.errors} {...getTextareaProps(fields.note)} />
        <Button type="submit" variant="secondary" disabled={busy}>
          Record outcome
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
