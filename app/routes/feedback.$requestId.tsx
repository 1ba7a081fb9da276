import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnswerForm, answerStorageKey } from "~/components/feedback/answer-form";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { forgetStoredDraft } from "~/components/ui/use-draft-autosave";
import { notesField, ratingField } from "~/modules/assessments/draft";
import { InvalidError } from "~/modules/errors";
import { answerPage, submitAnswer } from "~/modules/feedback/feedback.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Feedback for ${data?.request.subject.name ?? "a colleague"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requireUser(request);
  return { ...(await answerPage(viewer, params.requestId ?? "")), reviewerId: viewer.id };
});

export const action = withDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const viewer = await requireUser(request);
  const requestId = params.requestId ?? "";
  const form = await request.formData();
  if (form.get("intent") !== "submit") throw new InvalidError("Unknown action.");
  const revisionText = form.get("revision");
  const revision = typeof revisionText === "string" && /^\d{1,9}$/.test(revisionText) ? Number(revisionText) : null;
  const outcome = await submitAnswer(viewer, requestId, revision);
  if (outcome.ok) throw redirect(`/feedback/${requestId}?submitted=1`);
  return data(outcome, { status: outcome.kind === "incomplete" ? 400 : 409 });
});

export default function FeedbackAnswerPage() {
  const { request, level, competencies, scale, namesShown, values, lockedReason, reviewerId } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const submitted = request.state === "submitted";
  useEffect(() => {
    if (submitted) forgetStoredDraft(answerStorageKey(request.id, reviewerId));
  }, [submitted, request.id, reviewerId]);
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
          ? "Your manager reads your answers only together with those of at least two other reports, never with your name, and in no order that follows when you answered."
          : namesShown === "after-release"
            ? "Their manager reads your answers with your name. So will they, once their outcome for this cycle is released."
            : "Their manager reads your answers with your name. They read them without names, once at least three people answered and their outcome is released."}
      </Alert>
      {submitted ? <Alert tone="success">Thank you: your feedback is submitted and can no longer change.</Alert> : lockedReason ? <Alert tone="warning">{lockedReason}</Alert> : null}
      {!submitted && !lockedReason ? (
        <AnswerForm
          requestId={request.id}
          reviewerId={reviewerId}
          revision={request.revision}
          values={values}
          competencies={competencies}
          scale={scale}
          submitError={reply && !reply.ok ? reply.message : null}
        />
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
