import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/promotions.outcome.$nominationId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireGrowthPlanChange, saveGrowthPlan } from "~/modules/growth/growth-plan.server";
import { MAX_FOCUS } from "~/modules/growth/profile-plan";
import { requireUser } from "~/modules/identity/permissions.server";
import { answerPage, planFromAnswer } from "~/modules/promotions/decisions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotionsCommittee:answer.title") },
];

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    return {
      ...(await answerPage(viewer, params.nominationId ?? "", languageOf(context))),
      planned: url.searchParams.get("planned") === "1",
    };
  },
);

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const nominationId = params.nominationId ?? "";
    if (form.get("intent") !== "plan")
      throw new InvalidError({ key: "promotionsCommittee:errors.unknownAction" });
    // The promotions module says what goes in (the criteria not met); the growth module saves the plan as every plan is saved.
    const plan = await planFromAnswer(viewer, nominationId, MAX_FOCUS);
    await requireGrowthPlanChange(viewer, plan.personId);
    const saved = await saveGrowthPlan(
      plan.personId,
      { target: plan.target, focus: plan.focus },
      languageOf(context),
    );
    if (!saved.ok)
      return data(
        {
          intent: "plan",
          error: wordsOf(translatorOf(context), Object.values(saved.fieldErrors).flat()[0] ?? ""),
        },
        { status: 400 },
      );
    return redirect(`/promotions/outcome/${nominationId}?planned=1`);
  },
);

const MARK_KEYS = { met: "marks.met", partly: "marks.partly", "not-yet": "marks.notYet" } as const;

export default function AnswerPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("promotionsCommittee");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const busy = useSubmitting();
  const error = actionData && "error" in actionData ? actionData.error : null;
  const decision = page.decision;
  return (
    <>
      <PageHeader
        title={t("answer.heading", { name: page.nominee, target: page.nomination.target })}
        description={page.nomination.windowName}
      />
      {error ? <Alert tone="error">{error}</Alert> : null}
      {page.planned ? <Alert tone="success">{t("answer.planned")}</Alert> : null}
      {decision === null ? (
        <Alert tone="info">{t("answer.awaiting")}</Alert>
      ) : (
        <div className="space-y-6">
          <Card>
            <h2 className="text-lg font-semibold">
              {t(decision.outcome === "promote" ? "answer.promoted" : "answer.notYet", {
                target: page.nomination.target,
              })}
            </h2>
            {decision.takesEffectOn ? (
              <p>{t("answer.takesEffect", { day: f.day(decision.takesEffectOn) })}</p>
            ) : null}
            {decision.summary ? (
              <p className="mt-2 whitespace-pre-line">{decision.summary}</p>
            ) : null}
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("answer.perCriterion")}</h2>
            <ul className="space-y-3">
              {decision.criteria.map((criterion) => (
                <li key={criterion.id}>
                  <h3 className="font-semibold">
                    {common("list.labelled", { label: criterion.name })}{" "}
                    {criterion.mark ? t(MARK_KEYS[criterion.mark]) : "–"}
                  </h3>
                  {criterion.rationale ? (
                    <p className="whitespace-pre-line">{criterion.rationale}</p>
                  ) : null}
                  <ul className="muted list-disc ps-5 text-sm">
                    {criterion.expectations.map((text) => (
                      <li key={text}>{text}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </Card>
          {decision.outcome === "not-yet" ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t("answer.whatWouldChange")}</h2>
              <ul className="list-disc ps-5">
                {decision.unmet.map((criterion) => (
                  <li key={criterion.id}>{criterion.name}</li>
                ))}
              </ul>
              {page.canPlan ? (
                <Form method="post" className="mt-3">
                  <Button type="submit" name="intent" value="plan" disabled={busy}>
                    {t("answer.plan")}
                  </Button>
                </Form>
              ) : null}
              <p className="mt-3">
                {decision.nextWindow
                  ? t("answer.nextWindow", {
                      window: decision.nextWindow.name,
                      day: f.day(decision.nextWindow.opensOn),
                    })
                  : t("answer.nextWindowUnscheduled")}
              </p>
              {page.canPlan ? (
                <p className="mt-2 text-sm">
                  <Link to={`/people/${page.nomineeId}`}>{t("answer.toGrowth")}</Link>
                </p>
              ) : null}
            </Card>
          ) : null}
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
