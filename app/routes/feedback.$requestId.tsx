import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation } from "react-router";
import { useEffect } from "react";
import type { Route } from "./+types/feedback.$requestId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnswerForm, answerStorageKey } from "~/components/feedback/answer-form";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { forgetStoredDraft } from "~/components/ui/use-draft-autosave";
import { notesField, ratingField, readRevision } from "~/modules/assessments/draft";
import { InvalidError } from "~/modules/errors";
import { answerPage, declineRequest, submitAnswer } from "~/modules/feedback/feedback.server";
import { DeclineRequestSchema } from "~/modules/feedback/nomination";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Feedback for ${loaderData?.request.subject.name ?? "a colleague"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return { ...(await answerPage(viewer, params.requestId ?? "")), reviewerId: viewer.id };
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const requestId = params.requestId ?? "";
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "decline") {
    const submission = parseWithZod(form, { schema: DeclineRequestSchema });
    const outcome = await declineRequest(viewer, requestId, submission.status === "success" ? submission.value.reason : null);
    if (outcome.ok) throw redirect(`/feedback/${requestId}`);
    return data({ ...outcome, intent: "decline" as const, reply: submission.reply() }, { status: outcome.kind === "invalid" ? 400 : 409 });
  }
  if (intent !== "submit") throw new InvalidError("Unknown action.");
  const revision = readRevision(form.get("revision"));
  if (revision === null) return data({ ok: false as const, kind: "invalid", message: "That submission was not understood; nothing was submitted.", intent: "submit" as const }, { status: 400 });
  const outcome = await submitAnswer(viewer, requestId, revision);
  if (outcome.ok) throw redirect(`/feedback/${requestId}?submitted=1`);
  return data({ ...outcome, intent: "submit" as const }, { status: outcome.kind === "incomplete" ? 400 : 409 });
});

export default function FeedbackAnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const { request, level, competencies, scale, namesShown, anonymityFloor, values, lockedReason, reviewerId, mayDecline, declineReason } = loaderData;
  const reply = actionData;
  const submitted = request.state === "submitted";
  const declined = request.state === "declined";
  useEffect(() => {
    if (submitted || declined) forgetStoredDraft(answerStorageKey(request.id, reviewerId));
  }, [submitted, declined, request.id, reviewerId]);
  const upward = request.channel === "upward";
  return (
    <>
      <BackLink to="/">Home</BackLink>
      <PageHeader
        title={upward ? `Feedback about your manager, ${request.subject.name}` : `Feedback for ${request.subject.name}`}
        description={`${request.cycle.name}${level ? `, against the expectations of ${level.title}` : ""}. Due ${request.dueOn}.`}
      />
      <Alert tone="info">
        {upward
          ? `Your manager reads your answers only in groups of at least ${anonymityFloor} reports' answers (the organisation's floor), never with your name, and in no order that follows when you answered.`
          : namesShown === "after-release"
            ? "Their manager reads your answers with your name. So will they, once their outcome for this cycle is released."
            : `Their manager reads your answers with your name. They read them without names, in groups of at least ${anonymityFloor} people's answers, once their outcome is released.`}
      </Alert>
      {submitted ? (
        <Alert tone="success">Thank you: your feedback is submitted and can no longer change.</Alert>
      ) : declined ? (
        <Alert tone="info">You declined this request{declineReason ? `: ${declineReason}` : "."} {request.subject.name}'s manager reads your reason, to ask someone else.</Alert>
      ) : lockedReason ? (
        <Alert tone="warning">{lockedReason}</Alert>
      ) : null}
      {declined ? null : !submitted && !lockedReason ? (
        <>
          <AnswerForm
            requestId={request.id}
            reviewerId={reviewerId}
            revision={request.revision}
            values={values}
            competencies={competencies}
            scale={scale}
            submitError={reply && !reply.ok && reply.intent === "submit" ? reply.message : null}
          />
          {mayDecline ? <DeclineForm subjectName={request.subject.name} reply={reply && !reply.ok && reply.intent === "decline" ? reply : null} /> : null}
        </>
      ) : (
        <div className="space-y-4">
          {competencies.map((competency) => {
            const example = String(values[notesField(competency.id)] ?? "");
            const rating = values[ratingField(competency.id)];
            if (!example && (rating === null || rating === undefined)) return null;
            return (
              <Card key={competency.id}>
                <h2 className="font-semibold">{competency.name}</h2>
                {rating !== null && rating !== undefined ? <p className="text-sm">Rating: {String(rating)}</p> : null}
                <p className="whitespace-pre-line text-sm">{example}</p>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}

/** Declining instead of answering: a reason is required, and the person's manager reads it. */
function DeclineForm({ subjectName, reply }: { subjectName: string; reply: { message: string; kind: string; reply: SubmissionResult<string[]> } | null }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "decline",
    lastResult: reply?.reply,
    constraint: getZodConstraint(DeclineRequestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineRequestSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "decline";
  return (
    <Card className="mt-8">
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <h2 className="font-semibold">Decline instead</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">If you cannot give {subjectName} useful feedback, say why. Their manager reads your reason and asks someone else; nothing you drafted is sent.</p>
        {reply && reply.kind !== "invalid" ? <Alert tone="error">{reply.message}</Alert> : null}
        <TextareaField label="Why you decline" rows={3} errors={fields.reason.errors} {...getTextareaProps(fields.reason)} />
        <input type="hidden" name="intent" value="decline" />
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? "Declining…" : "Decline"}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
