import { data, redirect } from "react-router";
import type { Route } from "./+types/people.$personId.review";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssessmentStart } from "~/components/assessments/assessment-start";
import { PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { assessmentEntry, startAssessment } from "~/modules/assessments/assessments.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Review of ${loaderData?.entry.subject.name ?? "a person"} · Rungs` }];

/** A manager (or anyone above in the chain) continues their review of the person, or starts it. */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const entry = await assessmentEntry(viewer, "manager", params.personId ?? "");
  if (entry.decision.action === "open") throw redirect(`/assessments/${entry.decision.assessmentId}`);
  return { entry };
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const result = await startAssessment(viewer, "manager", params.personId ?? "");
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  if (result.decision.action === "taken") {
    return data({ error: `${result.decision.authorName} is already writing this review.` }, { status: 409 });
  }
  throw redirect(`/assessments/${result.decision.assessmentId}`);
});

export default function PersonReview({ loaderData, actionData }: Route.ComponentProps) {
  const { entry } = loaderData;
  return (
    <>
      <PageHeader
        title={`Review of ${entry.subject.name}`}
        description="Rate them on the same competencies they assess themselves on. Your draft is private until you submit it; you cannot see theirs either."
      />
      <AssessmentStart entry={entry} startLabel={`Start review of ${entry.subject.name}`} error={actionData?.error} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
