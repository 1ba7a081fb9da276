import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import { programmeMeta } from "~/components/mentorship/parts";
import { useDoneMessage } from "~/components/ui/use-done-message";
import type { Route } from "./+types/mentorship.$programmeId.requests";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MAX_NOTE, RequestAnswerSchema } from "~/modules/mentorship/forms";
import { isRequestState } from "~/modules/mentorship/requests";
import { answerRequest, requestsPage } from "~/modules/mentorship/requests.server";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

// Opened from the to-do list and emails as a document; its forms post and redirect (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = programmeMeta("requests");

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return requestsPage(viewer, params.programmeId ?? "", undefined, languageOf(context));
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const intent = String(form.get("intent") ?? "");
  if (intent !== "accept" && intent !== "decline")
    throw new InvalidError({ key: "mentorship:errors.unknownAction" });
  const submission = parseWithZod(form, { schema: RequestAnswerSchema });
  if (submission.status !== "success")
    return data(
      {
        error:
          Object.values(submission.error ?? {}).flat()[0] ?? "mentorship:requests.errors.checkForm",
        // The page is sent as HTML: a refused note comes back in its field.
        typed: {
          requestId: String(form.get("requestId") ?? ""),
          note: String(form.get("note") ?? ""),
        },
      },
      { status: 400 },
    );
  await answerRequest(
    viewer,
    programmeId,
    submission.value.requestId,
    intent === "accept" ? "accepted" : "declined",
    submission.value.note,
  );
  return redirect(`/mentorship/${programmeId}/requests?done=${intent}`);
});

const DONE = { accept: "requests.done.accept", decline: "requests.done.decline" } as const;

export default function RequestsPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const sending = useSubmitting();
  const busy = sending;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const doneKey = useDoneMessage(DONE, result);
  const done = doneKey ? t(doneKey) : null;
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={t("requests.heading")}
        description={t("requests.description", {
          name: view.programme.name,
          count: view.placesLeft,
        })}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{wordsOf(t, result.error)}</Alert> : null}
      {view.requests.length === 0 ? (
        <p className="text-sm">
          {t("requests.none")}{" "}
          <Link
            to={`/mentorship/${view.programme.id}/mentors`}
            className="text-brand-600 underline dark:text-brand-100"
          >
            {t("requests.profileLink")}
          </Link>
        </p>
      ) : null}
      <div className="space-y-4">
        {view.requests.map((request) => {
          const headingId = `request-${request.id}`;
          return (
            <section
              key={request.id}
              aria-labelledby={headingId}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
            >
              <h2 id={headingId} className="text-lg font-semibold">
                {request.menteeName}
              </h2>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {t("requests.asked", {
                  rank: t("ordinal", { rank: request.rank }),
                  day: f.day(request.requestedAt),
                })}{" "}
                ·{" "}
                {t(`requests.state.${isRequestState(request.state) ? request.state : "requested"}`)}
                {request.declineNote
                  ? ` · ${t("requests.yourNote", { note: request.declineNote })}`
                  : ""}
              </p>
              <p className="mb-3 text-sm">
                {request.goals.length
                  ? t("requests.goals", { goals: f.list(request.goals) })
                  : t("requests.noGoals")}
              </p>
              {request.canAnswer ? (
                <div className="flex flex-wrap items-end gap-4">
                  <Form method="post">
                    <input type="hidden" name="requestId" value={request.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="accept"
                      disabled={busy || view.placesLeft === 0}
                      aria-label={t("requests.acceptLabel", { name: request.menteeName })}
                    >
                      {t("pair.answer.accept")}
                    </Button>
                  </Form>
                  <Form method="post" className="flex flex-wrap items-end gap-3">
                    <input type="hidden" name="requestId" value={request.id} />
                    <TextareaField
                      label={t("requests.note", { name: request.menteeName })}
                      name="note"
                      rows={2}
                      maxLength={MAX_NOTE}
                      className="min-w-64"
                      defaultValue={
                        result && "typed" in result && result.typed.requestId === request.id
                          ? result.typed.note
                          : undefined
                      }
                    />
                    <Button
                      type="submit"
                      name="intent"
                      value="decline"
                      variant="secondary"
                      disabled={busy}
                      aria-label={t("requests.declineLabel", { name: request.menteeName })}
                    >
                      {t("pair.answer.decline")}
                    </Button>
                  </Form>
                </div>
              ) : null}
            </section>
          );
        })}
      </div>
      {view.answersOpen ? null : <p className="mt-4 text-sm">{t("requests.closed")}</p>}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
