import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.requests";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDay } from "~/components/mentorship/parts";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { ordinal } from "~/modules/mentorship/fit";
import { MAX_NOTE, RequestAnswerSchema } from "~/modules/mentorship/forms";
import { answerRequest, requestsPage } from "~/modules/mentorship/requests.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Requests to you · ${loaderData?.programme.name ?? "Mentorship"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return requestsPage(viewer, params.programmeId ?? "");
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const intent = String(form.get("intent") ?? "");
  if (intent !== "accept" && intent !== "decline") throw new InvalidError("Unknown action.");
  const submission = parseWithZod(form, { schema: RequestAnswerSchema });
  if (submission.status !== "success") return data({ error: Object.values(submission.error ?? {}).flat()[0] ?? "Check the form." }, { status: 400 });
  await answerRequest(viewer, programmeId, submission.value.requestId, intent === "accept" ? "accepted" : "declined", submission.value.note);
  return redirect(`/mentorship/${programmeId}/requests?done=${intent}`);
});

const DONE: Record<string, string> = {
  accept: "Accepted: you are paired. The pair is on your programme page.",
  decline: "Declined. The mentee is told, with your note if you wrote one.",
};

export default function RequestsPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const busy = navigation.state === "submitting";
  const done = result ? null : DONE[searchParams.get("done") ?? ""];
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title="Requests to you"
        description={`Mentees of ${view.programme.name} who asked you to mentor them. You have ${plural(view.placesLeft, "# place")} left. Accepting makes the pair; the matching pairs everyone else around it.`}
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {view.requests.length === 0 ? (
        <p className="text-sm">
          Nobody has asked you yet. Mentees see your profile on the <Link to={`/mentorship/${view.programme.id}/mentors`} className="text-brand-600 underline dark:text-brand-100">mentors page</Link>.
        </p>
      ) : null}
      <div className="space-y-4">
        {view.requests.map((request) => {
          const headingId = `request-${request.id}`;
          return (
            <section key={request.id} aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
              <h2 id={headingId} className="text-lg font-semibold">
                {request.menteeName}
              </h2>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                Asked you as their {ordinal(request.rank)} choice on {formatDay(request.requestedAt)} · {request.stateLabel}
                {request.declineNote ? ` · your note: “${request.declineNote}”` : ""}
              </p>
              <p className="mb-3 text-sm">Goals: {request.goals.join(", ") || "none listed"}</p>
              {request.canAnswer ? (
                <div className="flex flex-wrap items-end gap-4">
                  <Form method="post">
                    <input type="hidden" name="requestId" value={request.id} />
                    <Button type="submit" name="intent" value="accept" disabled={busy || view.placesLeft === 0} aria-label={`Accept ${request.menteeName}`}>
                      Accept
                    </Button>
                  </Form>
                  <Form method="post" className="flex flex-wrap items-end gap-3">
                    <input type="hidden" name="requestId" value={request.id} />
                    <TextareaField label={`Note for ${request.menteeName} (optional)`} name="note" rows={2} maxLength={MAX_NOTE} className="min-w-64" />
                    <Button type="submit" name="intent" value="decline" variant="secondary" disabled={busy} aria-label={`Decline ${request.menteeName}`}>
                      Decline
                    </Button>
                  </Form>
                </div>
              ) : null}
            </section>
          );
        })}
      </div>
      {view.answersOpen ? null : <p className="mt-4 text-sm">Pairs are published: requests are no longer answered.</p>}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
