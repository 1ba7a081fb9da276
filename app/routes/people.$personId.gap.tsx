import { parseWithZod } from "@conform-to/zod/v4";
import { Link, data } from "react-router";
import type { Route } from "./+types/people.$personId.gap";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GapCompetencySection, GapRuleNote, GapSummary } from "~/components/growth/gap-analysis";
import { GrowthPlanForm, TargetPicker } from "~/components/growth/gap-plan-form";
import { kindLabel } from "~/components/growth/profile-assessments";
import { formatDate, profileDescription, ProfileNav } from "~/components/growth/profile-nav";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireGrowthPlanChange, saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { GrowthPlanSchema } from "~/modules/growth/profile-plan";
import { gapPage, type GapSourceKind } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Gap analysis · ${loaderData?.person.name ?? "Growth"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError("There is no person with that id.");
  const page = await gapPage(viewer, params.personId, textParam(url.searchParams, "target") || null);
  return page.targetError ? data(page, { status: 400 }) : page;
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const personId = params.personId;
  if (!personId) throw new NotFoundError("There is no person with that id.");
  await requireGrowthPlanChange(viewer, personId);
  const submission = parseWithZod(await request.formData(), { schema: GrowthPlanSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const saved = await saveGrowthPlan(personId, submission.value);
  if (!saved.ok) return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }), saved: false }, { status: 400 });
  return { result: submission.reply(), saved: true };
});

const sourceWords: Record<GapSourceKind, string> = {
  manager: "the latest submitted manager review",
  self: "the latest submitted self-assessment",
  "self-draft": "your self-assessment draft (only you can see this)",
};

type SourceView = NonNullable<Route.ComponentProps["loaderData"]["sources"]["self"]>;

function SourceLink({ source }: { source: SourceView }) {
  const { assessment } = source;
  return (
    <>
      {sourceWords[source.kind]}:{" "}
      <Link to={`/assessments/${assessment.id}`} className="text-brand-600 underline dark:text-brand-100">
        {kindLabel(assessment.kind)} by {assessment.authorName}
      </Link>
      , {assessment.status === "submitted" ? `submitted ${formatDate(assessment.submittedAt)}` : `saved ${formatDate(assessment.updatedAt)}`}
      {assessment.cycleName ? ` in ${assessment.cycleName}` : ""}, at {assessment.levelTitle}
    </>
  );
}

export default function GapAnalysisPage({ loaderData, actionData }: Route.ComponentProps) {
  const { person, isSelf, canEditPlan, plan, sources, targetError, targetOptions, targetLevelId, nextLevelId, analysis, points } = loaderData;
  const firstName = person.name.split(" ")[0];
  const focusIds = new Set(plan?.focus.map((focus) => focus.competencyId) ?? []);
  const selfName = isSelf ? "You" : (firstName ?? "Self");
  return (
    <>
      <PageHeader title={`Gap analysis for ${person.name}`} description={profileDescription(person)} />
      <ProfileNav personId={person.id} personName={person.name} />

      {!person.assessable || !targetLevelId ? (
        <Alert tone="warning" title="No track and level yet">
          {isSelf ? "You have" : `${person.name} has`} no track and level on a ladder, so there is no next level to compare with. An admin can set them.
        </Alert>
      ) : (
        <>
          {actionData?.saved ? <Alert tone="success">Growth plan saved.</Alert> : null}
          <Card className="no-print mb-6">
            <TargetPicker options={targetOptions} value={targetLevelId} error={targetError} />
          </Card>

          {analysis ? (
            <>
              <Card className="mb-6">
                <h2 className="mb-1 text-lg font-semibold">
                  Gap to {analysis.target.title} <span className="font-normal text-slate-600 dark:text-slate-300">({analysis.target.trackName})</span>
                </h2>
                <div className="mb-4 space-y-1 text-sm text-slate-600 dark:text-slate-300">
                  {sources.manager || sources.self ? (
                    <>
                      {sources.manager ? (
                        <p>
                          Manager&apos;s side: <SourceLink source={sources.manager} />.{points.manager ? ` ${points.manager.text}.` : null}
                        </p>
                      ) : null}
                      {sources.self ? (
                        <p>
                          {isSelf ? "Your side" : `${possessive(selfName)} side`}: <SourceLink source={sources.self} />.{points.self ? ` ${points.self.text}.` : null}
                        </p>
                      ) : null}
                    </>
                  ) : (
                    <p>There is no assessment to read yet, so nothing is assessed.</p>
                  )}
                  <p>
                    {targetLevelId === nextLevelId
                      ? "This is the next level."
                      : nextLevelId === null && targetLevelId === person.level
                        ? `${isSelf ? "You are" : `${firstName} is`} at the top of the track: choose another level to compare with.`
                        : null}
                  </p>
                </div>
                <GapSummary analysis={analysis} />
                <GapRuleNote analysis={analysis} selfName={selfName} />
              </Card>
              <Card className="mb-6">
                <h2 className="mb-2 text-lg font-semibold">Competency by competency</h2>
                {analysis.competencies.map((competency) => (
                  <GapCompetencySection key={competency.competencyId} competency={competency} focus={focusIds.has(competency.competencyId)} selfName={selfName} />
                ))}
              </Card>
            </>
          ) : null}

          <Card className="no-print">
            <h2 className="mb-3 text-lg font-semibold">Growth plan</h2>
            {plan ? (
              <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
                Current plan: towards <strong>{plan.targetTitle}</strong>, focusing on {plan.focus.map((focus) => focus.name).join(", ") || "nothing yet"} (updated{" "}
                {formatDate(plan.updatedAt)}).
              </p>
            ) : (
              <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
                {canEditPlan ? "No plan yet. Choose a target level and up to three competencies to focus on; mentorship uses them." : `${firstName} has no growth plan yet.`}
              </p>
            )}
            {canEditPlan && analysis ? (
              <GrowthPlanForm
                key={targetLevelId}
                options={targetOptions}
                target={targetLevelId}
                targetError={null}
                competencies={analysis.competencies.map((competency) => ({
                  id: competency.competencyId,
                  name: competency.name,
                  hint:
                    competency.counts.notAssessed === competency.counts.total
                      ? "Not assessed yet"
                      : `${competency.counts.met} of ${competency.counts.total} expectations met${competency.counts.partly ? `, ${competency.counts.partly} partly` : ""}`,
                }))}
                focus={[...focusIds]}
                lastResult={actionData?.result}
              />
            ) : null}
          </Card>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
