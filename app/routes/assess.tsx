import { data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { metaT } from "~/i18n/meta";
import type { Route } from "./+types/assess";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssessmentStart } from "~/components/assessments/assessment-start";
import { PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { assessmentEntry, startAssessment } from "~/modules/assessments/assessments.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("assessments:assess.title") },
];

/** Continues the viewer's self-assessment (in their open cycle, else outside one), or offers to start it. */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const entry = await assessmentEntry(viewer, "self", viewer.id);
  if (entry.decision.action === "open")
    throw redirect(`/assessments/${entry.decision.assessmentId}`);
  return { entry };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const result = await startAssessment(viewer, "self", viewer.id);
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  if (result.decision.action === "taken")
    return data({ error: "assessments:assess.taken" }, { status: 409 });
  throw redirect(`/assessments/${result.decision.assessmentId}`);
});

export default function Assess({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("assessments");
  const { entry } = loaderData;
  return (
    <>
      <PageHeader title={t("assess.heading")} description={t("assess.intro")} />
      <AssessmentStart entry={entry} startLabel={t("assess.start")} error={actionData?.error} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
