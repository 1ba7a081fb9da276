import { Link } from "react-router";
import type { Route } from "./+types/people.$personId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProfileAssessmentList, useAssessmentWords } from "~/components/growth/profile-assessments";
import { ComparisonSummary, ComparisonTable } from "~/components/growth/profile-comparison";
import { PlanItemName } from "~/components/growth/plan-item-name";
import { ProfileNav, useProfileDescription } from "~/components/growth/profile-nav";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, SourceTextsProvider } from "~/components/ladders/source-texts";
import { buttonClass } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { sentencesOf, wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { growthPage } from "~/modules/growth/profile.server";
import { ownOutcomeViews } from "~/modules/calibration/session-view.server";
import { NotFoundError } from "~/modules/errors";
import type { TodoItem } from "~/modules/todo/todo";
import { reviewTodoAbout } from "~/modules/cycles/todo.server";
import { feedbackLinksAbout } from "~/modules/feedback/links.server";
import { FeedbackLinks } from "~/components/feedback/feedback-links";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Read, not edited: sent without the app's scripts (decision 136).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("growth:overview.title", { name: loaderData.person.name })
      : metaT(matches)("growth:overview.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError({ key: "growth:errors.noPerson" });
  const page = await growthPage(viewer, params.personId, languageOf(context));
  const [outcomes, nextSteps, feedback] = await Promise.all([
    // Calibration outcomes are the person's own to see, once released to them.
    page.isSelf ? ownOutcomeViews(viewer.id, languageOf(context)) : [],
    page.canSelfAssess || page.canReview ? reviewTodoAbout(viewer, params.personId) : null,
    feedbackLinksAbout(viewer, params.personId),
  ]);
  return { ...page, outcomes, nextSteps, feedback };
});

const linkClass = "text-brand-600 underline dark:text-brand-100";

type Draft = { updatedAt: Date | string } | null;

/**
 * What the viewer owes about this person's reviews, from the to-do list's own rule (app/modules/todo):
 * once the cycle's self-assessment or review is submitted it is no longer asked for. Outside any
 * cycle a self-assessment is offered, not owed.
 */
function NextStep({
  steps,
  isSelf,
  firstName,
  reviewPath,
  selfDraft,
  managerDraft,
}: {
  steps: { items: TodoItem[]; ownCycles: { name: string }[] };
  isSelf: boolean;
  firstName: string;
  reviewPath: string;
  selfDraft: Draft;
  managerDraft: Draft;
}) {
  const { t } = useTranslation("growth");
  const f = useFormats();
  const muted = "mt-2 text-sm text-slate-600 dark:text-slate-300";
  return (
    <Card className="mb-6">
      <h2 className="mb-3 text-lg font-semibold">{t("overview.next.heading")}</h2>
      {steps.items.length ? (
        <ul className="space-y-4">
          {steps.items.map((item, index) => (
            <li key={item.key}>
              <Link to={item.href} className={buttonClass(index === 0 ? "primary" : "secondary")}>
                {item.kind === "manager-review"
                  ? managerDraft
                    ? t("overview.next.continueReview", { name: firstName })
                    : t("overview.next.review", { name: firstName })
                  : wordsOf(t, item.title)}
              </Link>
              <p className={muted}>
                {sentencesOf(t, item.detail)}
                {item.due ? ` ${t("overview.next.due", { when: f.day(item.due) })}` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : isSelf && steps.ownCycles.length ? (
        <p className="text-sm">
          {t("overview.next.selfSubmitted", {
            cycles: f.list(steps.ownCycles.map((cycle) => cycle.name)),
          })}
        </p>
      ) : isSelf ? (
        <>
          <p className="text-sm">{t("overview.next.nothingDueSelf")}</p>
          <Link to="/assess" className={`mt-3 ${buttonClass("secondary")}`}>
            {selfDraft ? t("overview.next.continueSelf") : t("overview.next.startSelf")}
          </Link>
          {selfDraft ? (
            <p className={muted}>
              {t("overview.next.draftSaved", { when: f.day(selfDraft.updatedAt) })}
            </p>
          ) : null}
        </>
      ) : (
        <>
          <p className="text-sm">{t("overview.next.nothingDueAbout", { name: firstName })}</p>
          {managerDraft ? (
            <Link to={reviewPath} className={`mt-3 ${buttonClass("secondary")}`}>
              {t("overview.next.continueReview", { name: firstName })}
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}

export default function PersonGrowth({ loaderData }: Route.ComponentProps) {
  const {
    person,
    isSelf,
    canEditPlan,
    selfDraft,
    managerDraft,
    latestSelf,
    latestManager,
    sideBySide,
    reviewsWaiting,
    plan,
    assessments,
    outcomes,
    nextSteps,
    feedback,
  } = loaderData;
  const { t } = useTranslation("growth");
  const f = useFormats();
  const profileDescription = useProfileDescription();
  const { assessmentLine } = useAssessmentWords();
  const firstName = person.name.split(" ")[0] ?? person.name;
  const base = `/people/${person.id}`;
  return (
    <>
      <PageHeader
        title={isSelf ? t("overview.ownHeading", { name: firstName }) : person.name}
        description={profileDescription(person)}
      />
      <ProfileNav personId={person.id} personName={person.name} />

      {!person.assessable ? (
        <Alert tone="warning" title={t("overview.noLevel.title")}>
          {isSelf ? t("overview.noLevel.self") : t("overview.noLevel.other", { name: person.name })}
        </Alert>
      ) : null}

      {outcomes.map((outcome) => (
        <Card key={outcome.sessionName} className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">
            {t("overview.outcome.heading", { session: outcome.sessionName })}
          </h2>
          <p className="text-sm">
            {t("overview.outcome.rating")} <strong>{outcome.rating}</strong>.{" "}
            {wordsOf(t, outcome.outcome)}
          </p>
        </Card>
      ))}
      <FeedbackLinks links={feedback} own={isSelf} />
      {nextSteps ? (
        <NextStep
          steps={nextSteps}
          isSelf={isSelf}
          firstName={firstName}
          reviewPath={`${base}/review`}
          selfDraft={selfDraft}
          managerDraft={managerDraft}
        />
      ) : null}

      <Card className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">{t("overview.sideBySide.heading")}</h2>
        {sideBySide ? (
          <>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
              {sideBySide.cycleName ?? t("profile.outsideCycle")}
            </p>
            <dl className="mb-4 grid gap-4 text-sm md:grid-cols-2">
              <div>
                <dt className="font-semibold">{t("profile.kind.self")}</dt>
                <dd className="text-slate-600 dark:text-slate-300">
                  {assessmentLine(sideBySide.self)}
                </dd>
                {sideBySide.self.summary ? (
                  <dd className="mt-1 whitespace-pre-line">{sideBySide.self.summary}</dd>
                ) : null}
              </div>
              <div>
                <dt className="font-semibold">{t("profile.kind.manager")}</dt>
                <dd className="text-slate-600 dark:text-slate-300">
                  {assessmentLine(sideBySide.manager)}
                </dd>
                {sideBySide.manager.summary ? (
                  <dd className="mt-1 whitespace-pre-line">{sideBySide.manager.summary}</dd>
                ) : null}
              </div>
            </dl>
            <div className="mb-3">
              <ComparisonSummary counts={sideBySide.comparison.counts} />
            </div>
            <ComparisonTable
              rows={sideBySide.comparison.rows}
              caption={t("overview.sideBySide.caption", { name: person.name })}
            />
          </>
        ) : (
          <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <p>
              {isSelf
                ? t("overview.sideBySide.waitingSelf")
                : t("overview.sideBySide.waitingOther", { name: firstName })}
            </p>
            {latestSelf ? (
              <p>{t("overview.sideBySide.latestSelf", { line: assessmentLine(latestSelf) })}</p>
            ) : null}
            {latestManager ? (
              <p>
                {t("overview.sideBySide.latestManager", { line: assessmentLine(latestManager) })}
              </p>
            ) : null}
          </div>
        )}
        {reviewsWaiting.map((waiting) => (
          <p key={waiting.cycleName} className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            {t("overview.sideBySide.shared", {
              cycle: waiting.cycleName,
              moment: waiting.moment,
              day: waiting.day ? f.day(waiting.day) : "",
            })}
          </p>
        ))}
      </Card>

      <div className="space-y-6">
        <SourceTextsProvider texts={plan}>
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("overview.plan.heading")}</h2>
            {plan ? (
              <>
                <p className="text-sm">
                  <Sentence
                    words={t(
                      plan.trackName ? "overview.plan.targetOnTrack" : "overview.plan.target",
                      {
                        ...marks("level", "track"),
                        when: f.day(plan.updatedAt),
                      },
                    )}
                    elements={{
                      level: (
                        <strong>
                          <PlanItemName
                            item={{ name: plan.targetTitle, earlier: plan.targetEarlier }}
                          />
                        </strong>
                      ),
                      track: plan.trackName ? <LadderText text={plan.trackName} /> : null,
                    }}
                  />
                </p>
                <h3 className="mt-3 text-sm font-semibold">{t("overview.plan.focus")}</h3>
                <ol className="mt-1 list-decimal ps-5 text-sm">
                  {plan.focus.map((focus) => (
                    <li key={focus.competencyId}>
                      <PlanItemName item={focus} />
                    </li>
                  ))}
                </ol>
              </>
            ) : (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {canEditPlan
                  ? t("overview.plan.noneSelf")
                  : t("overview.plan.noneOther", { name: firstName })}
              </p>
            )}
            <p className="mt-4 flex flex-wrap gap-4 text-sm">
              <Link to={`${base}/gap`} className={linkClass}>
                {canEditPlan
                  ? plan
                    ? t("overview.plan.gapAndChange")
                    : t("overview.plan.gapAndSet")
                  : t("overview.plan.gap")}
              </Link>
              <Link to={`${base}/history`} className={linkClass}>
                {t("overview.plan.history")}
              </Link>
            </p>
          </Card>
        </SourceTextsProvider>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("overview.assessments")}</h2>
          <ProfileAssessmentList assessments={assessments} />
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
