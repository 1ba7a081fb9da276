import { data, redirect } from "react-router";
import type { Route } from "./+types/assess";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssessmentStart } from "~/components/assessments/assessment-start";
import { PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { assessmentEntry, startAssessment } from "~/modules/assessments/assessments.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Self-assessment · Rungs" }];

/** Continues the viewer's self-assessment (in their open cycle, else outside one), or offers to start it. */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const entry = await assessmentEntry(viewer, "self", viewer.id);
  if (entry.decision.action === "open") throw redirect(`/assessments/${entry.decision.assessmentId}`);
  return { entry };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const result = await startAssessment(viewer, "self", viewer.id);
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  if (result.decision.action === "taken") return data({ error: "This self-assessment is already being written." }, { status: 409 });
  throw redirect(`/assessments/${result.decision.assessmentId}`);
});

export default function Assess({ loaderData, actionData }: Route.ComponentProps) {
  const { entry } = loaderData;
  return (
    <>
      <PageHeader
        title="Self-assessment"
        description="Rate yourself on each competency of your level, with the next level's expectations beside it, and back it up with evidence. Your draft is private until you submit it."
      />
      <AssessmentStart entry={entry} startLabel="Start self-assessment" error={actionData?.error} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
