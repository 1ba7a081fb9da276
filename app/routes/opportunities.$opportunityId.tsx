import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/opportunities.$opportunityId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OpportunitySummary } from "~/components/opportunities/summary";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { marks, Sentence } from "~/components/ladders/sentence";
import { LadderText, LadderTextList, SourceTextsProvider } from "~/components/ladders/source-texts";
import { EvidenceSchema } from "~/modules/conversations/forms";
import { dateToDay, dayToDate } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { ChooseSchema, InterestSchema } from "~/modules/opportunities/forms";
import {
  chooseForOpportunity,
  expressInterest,
  opportunityPage,
  recordWorkEvidence,
  withdrawOpportunity,
} from "~/modules/opportunities/opportunities.server";
import { withFormRefusals, withDomainErrors } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { postedText } from "~/utils/posted";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

// Opened from emails and the to-do list as a document; its forms post as HTML (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("opportunities:detail.title") },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return {
    ...(await opportunityPage(viewer, params.opportunityId, languageOf(context))),
    today: dateToDay(clock.now()),
  };
});

type Errors = Record<string, string[] | null | undefined>;

/** The forms' fields, shown again as posted when refused. */
const typedOf = (form: FormData) =>
  postedText(form, ["note", "personId", "reason", "competencyId", "text", "occurredOn"]);

export const action = withFormRefusals(
  async ({ request, params }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    const id = params.opportunityId;
    const invalid = (intent: string, errors: Errors) =>
      data({ intent, errors, typed: typedOf(form), error: null as string | null }, { status: 400 });
    if (intent === "interest") {
      const submission = parseWithZod(form, { schema: InterestSchema });
      if (submission.status !== "success") return invalid(intent, submission.error ?? {});
      await expressInterest(viewer, id, submission.value.note);
    } else if (intent === "choose") {
      const submission = parseWithZod(form, { schema: ChooseSchema });
      if (submission.status !== "success") return invalid(intent, submission.error ?? {});
      await chooseForOpportunity(viewer, id, submission.value);
    } else if (intent === "withdraw") {
      await withdrawOpportunity(viewer, id);
    } else if (intent === "evidence") {
      const submission = parseWithZod(form, { schema: EvidenceSchema });
      if (submission.status !== "success") return invalid(intent, submission.error ?? {});
      const { competencyId, text, url, occurredOn, shared } = submission.value;
      await recordWorkEvidence(viewer, id, {
        competencyId,
        text,
        url: url ?? null,
        occurredOn: dayToDate(occurredOn),
        shared,
      });
    } else {
      throw new InvalidError({ key: "opportunities:errors.unknownAction" });
    }
    return redirect(`/opportunities/${id}`);
  },
  (form) => ({ errors: {} as Errors, typed: typedOf(form) }),
);

export default function OpportunityPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("opportunities");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const sending = useSubmitting();
  const busy = sending;
  const errorsFor = (intent: string) =>
    (actionData && actionData.intent === intent ? actionData.errors : {}) as Errors;
  const typedFor = (intent: string) =>
    actionData && actionData.intent === intent && "typed" in actionData ? actionData.typed : {};
  const { opportunity } = view;
  return (
    <SourceTextsProvider texts={view}>
      <BackLink to="/opportunities">{t("list.heading")}</BackLink>
      <PageHeader
        title={opportunity.title}
        description={t("detail.status", { status: opportunity.status })}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <Card className="mb-6">
        <OpportunitySummary opportunity={opportunity} linked={false} />
        {opportunity.description ? (
          <p className="mt-2 whitespace-pre-line text-sm">{opportunity.description}</p>
        ) : null}
      </Card>

      {view.decision ? (
        <Card className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("detail.decision")}</h2>
          <p className="text-sm">
            {view.isPoster || view.ownOutcome === "chosen"
              ? t("detail.chosenName", { name: view.decision.chosenName ?? "" })
              : view.ownOutcome === "not-chosen"
                ? t("detail.notChosen")
                : null}
          </p>
          <p className="text-sm">
            <Sentence
              words={t("detail.criteria", marks("competencies"))}
              elements={{
                competencies: (
                  <LadderTextList
                    texts={view.decision.criteria.map((competency) => competency.name)}
                    separator={t("separator")}
                  />
                ),
              }}
            />
          </p>
          <p className="mt-1 whitespace-pre-line text-sm">{view.decision.reason}</p>
        </Card>
      ) : null}

      {view.canExpressInterest ? (
        <Card className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("detail.interestHeading")}</h2>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="interest" />
            <TextareaField
              label={t("detail.note")}
              hint={t("detail.noteHint")}
              name="note"
              rows={3}
              defaultValue={typedFor("interest").note}
              errors={errorsFor("interest").note}
            />
            <Button type="submit" disabled={busy}>
              {t("detail.interestSubmit")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {view.interests.length ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">
            {view.isPoster ? t("detail.interested") : t("detail.interestsYouRead")}
          </h2>
          <ul className="space-y-2">
            {view.interests.map((interest) => (
              <li
                key={interest.id}
                className="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700"
              >
                <p className="font-medium">
                  {interest.name} · {f.day(interest.createdAt)}
                  {interest.outcome ? (
                    <> · {t("detail.outcome", { outcome: interest.outcome })}</>
                  ) : null}
                </p>
                <p className="whitespace-pre-line">{interest.note}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {view.canDecide ? (
        <Card className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("detail.chooseHeading")}</h2>
          {view.interests.length ? (
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="choose" />
              <SelectField
                label={t("detail.person")}
                name="personId"
                defaultValue={typedFor("choose").personId}
                errors={errorsFor("choose").personId}
              >
                <option value="">{t("detail.pick")}</option>
                {view.interests.map((interest) => (
                  <option key={interest.personId} value={interest.personId}>
                    {interest.name}
                  </option>
                ))}
              </SelectField>
              <fieldset>
                <legend className="text-sm font-medium">{t("detail.criteriaField")}</legend>
                <div className="mt-1 grid gap-1 sm:grid-cols-2">
                  {opportunity.competencies.map((competency) => (
                    <label key={competency.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="checkbox"
                        name="criteriaIds"
                        value={competency.id}
                      />
                      <LadderText text={competency.name} />
                    </label>
                  ))}
                </div>
                <ErrorList errors={errorsFor("choose").criteriaIds} />
              </fieldset>
              <TextareaField
                label={t("detail.reason")}
                hint={t("detail.reasonHint")}
                name="reason"
                rows={3}
                defaultValue={typedFor("choose").reason}
                errors={errorsFor("choose").reason}
              />
              <Button type="submit" disabled={busy}>
                {t("detail.chooseSubmit")}
              </Button>
            </Form>
          ) : (
            <p className="text-sm">{t("detail.noInterestYet")}</p>
          )}
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="withdraw" />
            <Button type="submit" variant="secondary" disabled={busy}>
              {t("detail.withdraw")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {view.canRecordEvidence ? (
        <Card className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("detail.evidenceHeading")}</h2>
          <p className="muted mb-2 text-sm">{t("detail.evidenceIntro")}</p>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="evidence" />
            <SelectField
              label={t("detail.evidenceCompetency")}
              name="competencyId"
              defaultValue={typedFor("evidence").competencyId}
              errors={errorsFor("evidence").competencyId}
            >
              {view.evidenceCompetencies.map((competency) => (
                <option key={competency.id} value={competency.id}>
                  {competency.name}
                </option>
              ))}
            </SelectField>
            <TextareaField
              label={t("detail.evidenceText")}
              name="text"
              rows={2}
              defaultValue={typedFor("evidence").text}
              errors={errorsFor("evidence").text}
            />
            <Field
              label={t("detail.evidenceWhen")}
              name="occurredOn"
              type="date"
              defaultValue={typedFor("evidence").occurredOn || view.today}
              max={view.today}
              errors={errorsFor("evidence").occurredOn}
            />
            <Button type="submit" disabled={busy}>
              {t("detail.evidenceSubmit")}
            </Button>
          </Form>
          {view.evidence.length ? (
            <ul className="mt-3 space-y-1 text-sm">
              {view.evidence.map((item) => (
                <li key={item.id}>
                  <LadderText text={item.competencyName} /> ·{" "}
                  {common("list.labelled", { label: f.day(item.occurredOn) })} {item.text}
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
    </SourceTextsProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
