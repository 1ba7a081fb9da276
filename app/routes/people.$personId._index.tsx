import { Link } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { sentencesOf, wordsOf } from "~/i18n/messages";
import type { Route } from "./+types/people.$personId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { assessmentLine, ProfileAssessmentList } from "~/components/growth/profile-assessments";
import { ComparisonSummary, ComparisonTable } from "~/components/growth/profile-comparison";
import { formatDate, profileDescription, ProfileNav } from "~/components/growth/profile-nav";
import { buttonClass } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { growthPage } from "~/modules/growth/profile.server";
import { ownOutcomeViews } from "~/modules/calibration/session-view.server";
import { NotFoundError } from "~/modules/errors";
import type { TodoItem } from "~/modules/todo/todo";
import { reviewTodoAbout } from "~/modules/cycles/todo.server";
import { feedbackLinksAbout } from "~/modules/feedback/links.server";
import { FeedbackLinks } from "~/components/feedback/feedback-links";
import { withDomainErrors } from "~/utils/http.server";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.person.name ?? "Growth"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!params.personId) throw new NotFoundError("There is no person with that id.");
  const page = await growthPage(viewer, params.personId);
  const [outcomes, nextSteps, feedback] = await Promise.all([
    // Calibration outcomes are the person's own to see, once released to them.
    page.isSelf ? ownOutcomeViews(viewer.id) : [],
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
  const muted = "mt-2 text-sm text-slate-600 dark:text-slate-300";
  const { t } = useTranslation("home");
  return (
    <Card className="mb-6">
      <h2 className="mb-3 text-lg font-semibold">Next step</h2>
      {steps.items.length ? (
        <ul className="space-y-4">
          {steps.items.map((item, index) => (
            <li key={item.key}>
              <Link to={item.href} className={buttonClass(index === 0 ? "primary" : "secondary")}>
                {item.kind === "manager-review" ? (managerDraft ? `Continue your review of ${firstName}` : `Review ${firstName}`) : wordsOf(t, item.title)}
              </Link>
              <p className={muted}>
                {sentencesOf(t, item.detail)}
                {item.due ? ` Due ${formatDate(item.due)}.` : ""}
              </p>
            </li>
          ))}
        </ul>
      ) : isSelf && steps.ownCycles.length ? (
        <p className="text-sm">
          Your self-assessment for {steps.ownCycles.map((cycle) => cycle.name).join(" and ")} is submitted. Nothing else is due from you here.
        </p>
      ) : isSelf ? (
        <>
          <p className="text-sm">Nothing is due from you. You can assess yourself outside a review cycle at any time.</p>
          <Link to="/assess" className={`mt-3 ${buttonClass("secondary")}`}>
            {selfDraft ? "Continue your self-assessment" : "Start a self-assessment"}
          </Link>
          {selfDraft ? <p className={muted}>Your draft was last saved {formatDate(selfDraft.updatedAt)}.</p> : null}
        </>
      ) : (
        <>
          <p className="text-sm">Nothing is due from you about {firstName}.</p>
          {managerDraft ? (
            <Link to={reviewPath} className={`mt-3 ${buttonClass("secondary")}`}>
              Continue your review of {firstName}
            </Link>
          ) : null}
        </>
      )}
    </Card>
  );
}

export default function PersonGrowth({ loaderData }: Route.ComponentProps) {
  const { person, isSelf, canEditPlan, selfDraft, managerDraft, latestSelf, latestManager, sideBySide, reviewsWaiting, plan, assessments, outcomes, nextSteps, feedback } = loaderData;
  const firstName = person.name.split(" ")[0];
  const base = `/people/${person.id}`;
  return (
    <>
      <PageHeader title={isSelf ? `Your growth, ${firstName}` : person.name} description={profileDescription(person)} />
      <ProfileNav personId={person.id} personName={person.name} />

      {!person.assessable ? (
        <Alert tone="warning" title="No track and level yet">
          {isSelf ? "You have" : `${person.name} has`} no track and level on a ladder, so there is nothing to assess against. An admin can set them on the
          People page.
        </Alert>
      ) : null}

      {outcomes.map((outcome) => (
        <Card key={outcome.sessionName} className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">Calibration: {outcome.sessionName}</h2>
          <p className="text-sm">
            Overall rating <strong>{outcome.rating}</strong>. {outcome.outcomeText}
          </p>
        </Card>
      ))}
      <FeedbackLinks links={feedback} own={isSelf} />
      {nextSteps ? <NextStep steps={nextSteps} isSelf={isSelf} firstName={firstName ?? person.name} reviewPath={`${base}/review`} selfDraft={selfDraft} managerDraft={managerDraft} /> : null}

      <Card className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">Self-assessment and manager review</h2>
        {sideBySide ? (
          <>
            <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{sideBySide.cycleName ?? "Outside a cycle"}</p>
            <dl className="mb-4 grid gap-4 text-sm md:grid-cols-2">
              <div>
                <dt className="font-semibold">Self-assessment</dt>
                <dd className="text-slate-600 dark:text-slate-300">{assessmentLine(sideBySide.self)}</dd>
                {sideBySide.self.summary ? <dd className="mt-1 whitespace-pre-line">{sideBySide.self.summary}</dd> : null}
              </div>
              <div>
                <dt className="font-semibold">Manager review</dt>
                <dd className="text-slate-600 dark:text-slate-300">{assessmentLine(sideBySide.manager)}</dd>
                {sideBySide.manager.summary ? <dd className="mt-1 whitespace-pre-line">{sideBySide.manager.summary}</dd> : null}
              </div>
            </dl>
            <div className="mb-3">
              <ComparisonSummary counts={sideBySide.comparison.counts} />
            </div>
            <ComparisonTable rows={sideBySide.comparison.rows} caption={`Self-assessment and manager review of ${person.name}, side by side`} />
          </>
        ) : (
          <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <p>
              {isSelf
                ? "Once you and your manager have both submitted for the same cycle (or both outside a cycle), you will see the two side by side here, with disagreements highlighted."
                : `The side-by-side comparison appears once ${possessive(firstName ?? person.name)} self-assessment and a manager review are both submitted for the same cycle.`}
            </p>
            {latestSelf ? <p>Latest self-assessment: {assessmentLine(latestSelf)}.</p> : null}
            {latestManager ? <p>Latest manager review: {assessmentLine(latestManager)}.</p> : null}
          </div>
        )}
        {reviewsWaiting.map((waiting) => (
          <p key={waiting.cycleName} className="mt-3 text-sm text-slate-700 dark:text-slate-300">
            Your manager&apos;s review in {waiting.cycleName} is shared with you {waiting.when}.
          </p>
        ))}
      </Card>

      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Growth plan</h2>
          {plan ? (
            <>
              <p className="text-sm">
                Towards <strong>{plan.targetTitle}</strong>
                {plan.trackName ? ` (${plan.trackName})` : ""}, updated {formatDate(plan.updatedAt)}.
              </p>
              <h3 className="mt-3 text-sm font-semibold">Focus competencies</h3>
              <ol className="mt-1 list-decimal pl-5 text-sm">
                {plan.focus.map((focus) => (
                  <li key={focus.competencyId}>{focus.name}</li>
                ))}
              </ol>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {canEditPlan ? "You have not chosen focus competencies yet." : `${firstName} has not chosen focus competencies yet.`}
            </p>
          )}
          <p className="mt-4 flex flex-wrap gap-4 text-sm">
            <Link to={`${base}/gap`} className={linkClass}>
              {canEditPlan ? (plan ? "See the gap analysis and change the plan" : "See the gap analysis and set a growth plan") : "See the gap analysis"}
            </Link>
            <Link to={`${base}/history`} className={linkClass}>
              History and profile
            </Link>
          </p>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Assessments</h2>
          <ProfileAssessmentList assessments={assessments} />
        </Card>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
