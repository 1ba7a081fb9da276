import { parseWithZod } from "@conform-to/zod/v4";
import { Fragment } from "react";
import { Link, data, redirect } from "react-router";
import type { Route } from "./+types/people.$personId.gap";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GapCompetencySection, GapRuleNote, GapSummary } from "~/components/growth/gap-analysis";
import { GrowthPlanForm, TargetPicker } from "~/components/growth/gap-plan-form";
import { useAssessmentWords } from "~/components/growth/profile-assessments";
import { PlanItemName } from "~/components/growth/plan-item-name";
import { ProfileNav, useProfileDescription } from "~/components/growth/profile-nav";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, SourceTextsProvider } from "~/components/ladders/source-texts";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { requireGrowthPlanChange, saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { GrowthPlanSchema } from "~/modules/growth/profile-plan";
import { gapPage } from "~/modules/growth/profile.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import { plainHtml } from "~/utils/page-scripts";

// Read, its level chosen by a form that gets and its plan saved by one that redirects: sent without
// the app's scripts (decision 155).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("growth:gapPage.title", { name: loaderData.person.name })
      : metaT(matches)("growth:gapPage.titleFallback"),
  },
];

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    if (!params.personId) throw new NotFoundError({ key: "growth:errors.noPerson" });
    const page = await gapPage(
      viewer,
      params.personId,
      textParam(url.searchParams, "target") || null,
      languageOf(context),
    );
    return page.targetError ? data(page, { status: 400 }) : page;
  },
);

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const personId = params.personId;
  if (!personId) throw new NotFoundError({ key: "growth:errors.noPerson" });
  await requireGrowthPlanChange(viewer, personId);
  const submission = parseWithZod(await formOf(request), { schema: GrowthPlanSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const saved = await saveGrowthPlan(personId, submission.value, languageOf(context));
  if (!saved.ok)
    return data({ result: submission.reply({ fieldErrors: saved.fieldErrors }) }, { status: 400 });
  // Redirected, so a reload shows the saved plan instead of sending the form again.
  return redirect(`/people/${personId}/gap?done=saved`);
});

type SourceView = NonNullable<Route.ComponentProps["loaderData"]["sources"]["self"]>;

function SourceLink({ source }: { source: SourceView }) {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const { kindLabel } = useAssessmentWords();
  const { assessment } = source;
  const when = f.day(
    assessment.status === "submitted"
      ? (assessment.submittedAt ?? assessment.updatedAt)
      : assessment.updatedAt,
  );
  return (
    <>
      {t(`gapPage.source.${source.kind}`)}{" "}
      <Link
        to={`/assessments/${assessment.id}`}
        className="text-brand-600 underline dark:text-brand-100"
      >
        {t("gapPage.source.link", {
          kind: kindLabel(assessment.kind),
          author: assessment.authorName,
        })}
      </Link>
      {assessment.cycleName
        ? t(
            assessment.status === "submitted"
              ? "gapPage.source.submittedIn"
              : "gapPage.source.savedIn",
            { when, cycle: assessment.cycleName, level: assessment.levelTitle },
          )
        : t(
            assessment.status === "submitted" ? "gapPage.source.submitted" : "gapPage.source.saved",
            { when, level: assessment.levelTitle },
          )}
    </>
  );
}

const DONE = { saved: "gapPage.saved" } as const;

export default function GapAnalysisPage({ loaderData, actionData }: Route.ComponentProps) {
  const {
    person,
    isSelf,
    canEditPlan,
    plan,
    sources,
    targetError,
    targetOptions,
    targetLevelId,
    nextLevelId,
    analysis,
    points,
  } = loaderData;
  const { t } = useTranslation("growth");
  const f = useFormats();
  const saved = useDoneMessage(DONE, actionData);
  const profileDescription = useProfileDescription();
  const firstName = person.name.split(" ")[0] ?? person.name;
  const focusIds = new Set(plan?.focus.map((focus) => focus.competencyId) ?? []);
  // "You" is how the gap components know the viewer is the person (gap-analysis.tsx's selfSide); they word it.
  const selfName = isSelf ? "You" : firstName;
  return (
    <>
      <PageHeader
        title={t("gapPage.heading", { name: person.name })}
        description={profileDescription(person)}
      />
      <ProfileNav personId={person.id} personName={person.name} />

      {!person.assessable || !targetLevelId ? (
        <Alert tone="warning" title={t("gapPage.noLevel.title")}>
          {isSelf ? t("gapPage.noLevel.self") : t("gapPage.noLevel.other", { name: person.name })}
        </Alert>
      ) : (
        <>
          {saved ? <Alert tone="success">{t(saved)}</Alert> : null}
          <Card className="no-print mb-6">
            <TargetPicker options={targetOptions} value={targetLevelId} error={targetError} />
          </Card>

          {analysis ? (
            <>
              <SourceTextsProvider texts={analysis}>
                <Card className="mb-6">
                  <h2 className="mb-1 text-lg font-semibold">
                    <Sentence
                      words={t("gapPage.gapTo", marks("level"))}
                      elements={{ level: <LadderText text={analysis.target.title} /> }}
                    />{" "}
                    <span className="font-normal text-slate-600 dark:text-slate-300">
                      (<LadderText text={analysis.target.trackName} />)
                    </span>
                  </h2>
                  <div className="mb-4 space-y-1 text-sm text-slate-600 dark:text-slate-300">
                    {sources.manager || sources.self ? (
                      <>
                        {sources.manager ? (
                          <p>
                            {t("gapPage.managerSide")} <SourceLink source={sources.manager} />.
                            {points.manager ? ` ${wordsOf(t, points.manager.text)}.` : null}
                          </p>
                        ) : null}
                        {sources.self ? (
                          <p>
                            {isSelf
                              ? t("gapPage.yourSide")
                              : t("gapPage.theirSide", { name: firstName })}{" "}
                            <SourceLink source={sources.self} />.
                            {points.self ? ` ${wordsOf(t, points.self.text)}.` : null}
                          </p>
                        ) : null}
                      </>
                    ) : (
                      <p>{t("gapPage.noAssessment")}</p>
                    )}
                    <p>
                      {targetLevelId === nextLevelId
                        ? t("gapPage.nextLevel")
                        : nextLevelId === null && targetLevelId === person.level
                          ? isSelf
                            ? t("gapPage.topSelf")
                            : t("gapPage.topOther", { name: firstName })
                          : null}
                    </p>
                  </div>
                  <GapSummary analysis={analysis} />
                  <GapRuleNote analysis={analysis} selfName={selfName} />
                </Card>
                <Card className="mb-6">
                  <h2 className="mb-2 text-lg font-semibold">{t("gapPage.byCompetency")}</h2>
                  {analysis.competencies.map((competency) => (
                    <GapCompetencySection
                      key={competency.competencyId}
                      competency={competency}
                      focus={focusIds.has(competency.competencyId)}
                      selfName={selfName}
                    />
                  ))}
                </Card>
              </SourceTextsProvider>
            </>
          ) : null}

          <Card className="no-print">
            <h2 className="mb-3 text-lg font-semibold">{t("gapPage.plan.heading")}</h2>
            {plan ? (
              <SourceTextsProvider texts={plan}>
                <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
                  <Sentence
                    words={t(
                      plan.focus.length ? "gapPage.plan.summary" : "gapPage.plan.summaryNoFocus",
                      { ...marks("target", "focus"), when: f.day(plan.updatedAt) },
                    )}
                    elements={{
                      target: (
                        <strong>
                          <PlanItemName
                            item={{ name: plan.targetTitle, earlier: plan.targetEarlier }}
                          />
                        </strong>
                      ),
                      focus: plan.focus.map((focus, index) => (
                        <Fragment key={focus.competencyId}>
                          {index > 0 ? t("profile.focusSeparator") : null}
                          <PlanItemName item={focus} />
                        </Fragment>
                      )),
                    }}
                  />
                </p>
              </SourceTextsProvider>
            ) : (
              <p className="mb-4 text-sm text-slate-700 dark:text-slate-300">
                {canEditPlan
                  ? t("gapPage.plan.noneSelf")
                  : t("gapPage.plan.noneOther", { name: firstName })}
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
                      ? t("gapPage.plan.notAssessed")
                      : t("gapPage.plan.hint", {
                          met: competency.counts.met,
                          total: competency.counts.total,
                          partly: competency.counts.partly,
                        }),
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
