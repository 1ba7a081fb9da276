import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/feedback.$requestId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AnswerForm, answerStorageKey } from "~/components/feedback/answer-form";
import { ForgottenDraft } from "~/components/ui/kept-draft";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import {
  notesField,
  ratingField,
  readRevision,
  type DraftValues,
} from "~/modules/assessments/draft";
import { InvalidError } from "~/modules/errors";
import {
  answerPage,
  declineRequest,
  saveAnswerDraft,
  submitAnswer,
} from "~/modules/feedback/feedback.server";
import { plainFormSave } from "~/modules/assessments/draft-input";
import { DeclineRequestSchema } from "~/modules/feedback/nomination";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { languageOf } from "~/i18n/i18n.server";
import { usePendingForm } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("feedback:answerPage.title", { name: loaderData.request.subject.name })
      : metaT(matches)("feedback:answerPage.titleFallback"),
  },
];

/** Sent as HTML with the draft script (decision 167). */
export const handle = plainHtml;

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return {
    ...(await answerPage(viewer, params.requestId ?? "", languageOf(context))),
    reviewerId: viewer.id,
  };
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const requestId = params.requestId ?? "";
  const form = await formOf(request);
  const intent = form.get("intent");
  if (intent === "decline") {
    const submission = parseWithZod(form, { schema: DeclineRequestSchema });
    const outcome = await declineRequest(
      viewer,
      requestId,
      submission.status === "success" ? submission.value.reason : null,
    );
    if (outcome.ok) throw redirect(`/feedback/${requestId}`);
    return data(
      {
        ...outcome,
        message: wordsOf(translatorOf(context), outcome.message),
        intent: "decline" as const,
        reply: submission.reply(),
      },
      { status: outcome.kind === "invalid" ? 400 : 409 },
    );
  }
  if (intent !== "submit") throw new InvalidError({ key: "feedback:errors.unknownAction" });
  const t = translatorOf(context);
  const notUnderstood = data(
    {
      ok: false as const,
      kind: "invalid",
      message: t("feedback:errors.notUnderstood"),
      intent: "submit" as const,
      typed: {} as DraftValues,
    },
    { status: 400 },
  );
  let revision = readRevision(form.get("revision"));
  if (revision === null) return notUnderstood;
  // The form's fields come with it (without the draft script, nothing saved them yet): what was
  // typed is saved first, merged as the draft script's saves are, and shown again if refused.
  if (form.has("base")) {
    const read = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : null;
    };
    const input = plainFormSave(read, read("base"), read("revision"));
    if (!input) return notUnderstood;
    if (input.changes.length) {
      const saved = await saveAnswerDraft(viewer, requestId, input);
      const typed = Object.fromEntries(input.changes.map(({ field, value }) => [field, value]));
      if (!saved.body.ok)
        return data(
          {
            ok: false as const,
            kind: saved.body.kind,
            message: wordsOf(t, saved.body.message),
            intent: "submit" as const,
            typed,
          },
          { status: saved.status },
        );
      revision = saved.body.revision;
    }
  }
  const outcome = await submitAnswer(viewer, requestId, revision);
  if (outcome.ok) throw redirect(`/feedback/${requestId}?submitted=1`);
  return data(
    {
      ...outcome,
      message: wordsOf(t, outcome.message),
      intent: "submit" as const,
      typed: {} as DraftValues,
    },
    { status: outcome.kind === "incomplete" ? 400 : 409 },
  );
});

export default function FeedbackAnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    request,
    level,
    competencies,
    scale,
    namesShown,
    anonymityFloor,
    values,
    lockedReason,
    reviewerId,
    mayDecline,
    declineReason,
  } = loaderData;
  const reply = actionData;
  const submitted = request.state === "submitted";
  const declined = request.state === "declined";
  const upward = request.channel === "upward";
  const { t } = useTranslation("feedback");
  const f = useFormats();
  const name = request.subject.name;
  const due = f.day(request.dueOn);
  return (
    <>
      <BackLink to="/">{t("answerPage.home")}</BackLink>
      <PageHeader
        title={upward ? t("answerPage.headingUpward", { name }) : t("answerPage.heading", { name })}
        description={
          level
            ? t("answerPage.descriptionLevel", {
                cycle: request.cycle.name,
                level: level.title,
                due,
              })
            : t("answerPage.description", { cycle: request.cycle.name, due })
        }
      />
      <Alert tone="info">
        {upward
          ? t("answerPage.upwardPrivacy", { floor: anonymityFloor })
          : namesShown === "after-release"
            ? t("answerPage.namesAfterRelease")
            : t("answerPage.namesNever", { floor: anonymityFloor })}
      </Alert>
      {submitted ? (
        <Alert tone="success">{t("answerPage.submitted")}</Alert>
      ) : declined ? (
        <Alert tone="info">
          {declineReason
            ? t("answerPage.declinedWithReason", { reason: declineReason, name })
            : t("answerPage.declined", { name })}
        </Alert>
      ) : lockedReason ? (
        <Alert tone="warning">{wordsOf(t, lockedReason)}</Alert>
      ) : null}
      {/* Once the answer can no longer change, this browser's copy of unsaved edits goes. */}
      {submitted || declined || lockedReason ? (
        <ForgottenDraft storageKey={answerStorageKey(request.id, reviewerId)} />
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
            typed={reply && !reply.ok && reply.intent === "submit" ? reply.typed : {}}
            submitError={reply && !reply.ok && reply.intent === "submit" ? reply.message : null}
          />
          {mayDecline ? (
            <DeclineForm
              subjectName={request.subject.name}
              reply={reply && !reply.ok && reply.intent === "decline" ? reply : null}
            />
          ) : null}
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
                {rating !== null && rating !== undefined ? (
                  <p className="text-sm">{t("answerPage.rating", { rating: String(rating) })}</p>
                ) : null}
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
function DeclineForm({
  subjectName,
  reply,
}: {
  subjectName: string;
  reply: { message: string; kind: string; reply: SubmissionResult<string[]> } | null;
}) {
  const pendingForm = usePendingForm();
  const { t } = useTranslation("feedback");
  const [form, fields] = useForm({
    id: "decline",
    lastResult: reply?.reply,
    constraint: getZodConstraint(DeclineRequestSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DeclineRequestSchema }),
  });
  const busy = pendingForm?.get("intent") === "decline";
  return (
    <Card className="mt-8">
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <h2 className="font-semibold">{t("answerPage.decline.heading")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("answerPage.decline.intro", { name: subjectName })}
        </p>
        {reply && reply.kind !== "invalid" ? <Alert tone="error">{reply.message}</Alert> : null}
        <TextareaField
          label={t("answerPage.decline.reason")}
          rows={3}
          errors={fields.reason.errors}
          {...getTextareaProps(fields.reason)}
        />
        <input type="hidden" name="intent" value="decline" />
        <Button type="submit" variant="secondary" disabled={busy}>
          {busy ? t("answerPage.decline.declining") : t("answerPage.decline.submit")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
