import { data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import type { Route } from "./+types/people.$personId.review";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AssessmentStart } from "~/components/assessments/assessment-start";
import { PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { assessmentEntry, startAssessment } from "~/modules/assessments/assessments.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("assessments:personReview.title", { name: loaderData.entry.subject.name })
        : t("assessments:personReview.titleNobody"),
    },
  ];
};

/** A manager (or anyone above in the chain) continues their review of the person, or starts it. */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const entry = await assessmentEntry(viewer, "manager", params.personId ?? "");
  if (entry.decision.action === "open")
    throw redirect(`/assessments/${entry.decision.assessmentId}`);
  return { entry };
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const result = await startAssessment(viewer, "manager", params.personId ?? "");
  if (!result.ok) return data({ error: result.message }, { status: 400 });
  if (result.decision.action === "taken") {
    return data(
      {
        error: translatorOf(context)("assessments:personReview.taken", {
          author: result.decision.authorName,
        }),
      },
      { status: 409 },
    );
  }
  throw redirect(`/assessments/${result.decision.assessmentId}`);
});

export default function PersonReview({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("assessments");
  const { entry } = loaderData;
  return (
    <>
      <PageHeader
        title={t("personReview.heading", { name: entry.subject.name })}
        description={t("personReview.intro")}
      />
      <AssessmentStart
        entry={entry}
        startLabel={t("personReview.start", { name: entry.subject.name })}
        error={actionData?.error}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
