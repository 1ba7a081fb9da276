import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data } from "react-router";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.panels";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useInstant } from "~/components/hiring/hiring-parts";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, ErrorList, Field, SelectField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { requireUser } from "~/modules/identity/permissions.server";
import { PanelRuleSchema, TrainingStepSchema } from "~/modules/hiring/forms";
import {
  ATTRIBUTE_PREFIX,
  NAMED_DIMENSIONS,
  TRAINING_STEPS,
  type NamedDimension,
} from "~/modules/hiring/panels";
import { setPanelSettings, setTrainingStep, trainingPage } from "~/modules/hiring/panels.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("panels:rules.title") },
];

/** The panel rule (admins) and the interviewer training roster (hiring admins and admins); a 404 for anyone else. */
export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  return trainingPage(await requireUser(request), languageOf(context));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "rule") {
    const submission = parseWithZod(formData, { schema: PanelRuleSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), saved: false }, { status: 400 });
    const result = await setPanelSettings(viewer, submission.value);
    if (!result.ok)
      return data(
        { intent, result: submission.reply({ fieldErrors: result.fieldErrors }), saved: false },
        { status: 400 },
      );
    return { intent, result: submission.reply(), saved: true };
  }
  const submission = parseWithZod(formData, { schema: TrainingStepSchema });
  if (submission.status !== "success")
    return data({ intent: "step", result: submission.reply(), saved: false }, { status: 400 });
  const result = await setTrainingStep(viewer, submission.value);
  if (!result.ok)
    return data(
      {
        intent: "step",
        result: submission.reply({ fieldErrors: result.fieldErrors }),
        saved: false,
      },
      { status: 400 },
    );
  return { intent: "step", result: submission.reply({ resetForm: true }), saved: true };
});

export default function PanelsPage({ loaderData, actionData }: Route.ComponentProps) {
  const { settings, canSetRule, attributes, competencies, people } = loaderData;
  const { t } = useTranslation("panels");
  const when = useInstant();
  const f = useFormats();
  const label = (dimension: string) =>
    dimension.startsWith(ATTRIBUTE_PREFIX)
      ? t("dimensions.attribute", { name: dimension.slice(ATTRIBUTE_PREFIX.length) })
      : t(`dimensions.${dimension as NamedDimension}`);
  const errors = (name: string) => (actionData?.result.error?.[name] ?? null) as string[] | null;
  const ruleErrors = actionData?.intent === "rule" ? errors : () => null;
  const stepErrors = actionData?.intent === "step" ? errors : () => null;
  return (
    <>
      <BackLink to="/hiring">{t("rules.back")}</BackLink>
      <PageHeader title={t("rules.heading")} description={t("rules.description")} />
      {actionData?.saved ? (
        <Alert tone="success">
          {actionData.intent === "rule" ? t("rules.saved") : t("training.saved")}
        </Alert>
      ) : null}
      {canSetRule ? (
        <Card className="mb-6 max-w-2xl">
          <h2 className="mb-2 text-lg font-semibold">{t("rules.ruleHeading")}</h2>
          <Form method="post" className="space-y-4">
            <input type="hidden" name="intent" value="rule" />
            <fieldset className="space-y-2">
              <legend className="field-label">{t("rules.dimensions")}</legend>
              {[...NAMED_DIMENSIONS, ...attributes.map((name) => `${ATTRIBUTE_PREFIX}${name}`)].map(
                (dimension) => (
                  <CheckboxField
                    key={dimension}
                    name="dimensions"
                    value={dimension}
                    defaultChecked={(settings.dimensions as string[]).includes(dimension)}
                    label={label(dimension)}
                  />
                ),
              )}
              <p className="muted text-xs">{t("rules.attributesHint")}</p>
              <ErrorList errors={ruleErrors("dimensions")} />
            </fieldset>
            <Field
              label={t("rules.cap")}
              hint={t("rules.capHint")}
              name="maxInterviewsPerWeek"
              type="number"
              min={1}
              max={40}
              defaultValue={settings.maxInterviewsPerWeek ?? ""}
              errors={ruleErrors("maxInterviewsPerWeek")}
            />
            <CheckboxField
              name="requireQualification"
              defaultChecked={settings.requireQualification}
              label={t("rules.requireQualification")}
              hint={t("rules.requireQualificationHint")}
            />
            <SubmitButton busyLabel={t("rules.saving")}>{t("rules.save")}</SubmitButton>
          </Form>
          {settings.updatedAt ? (
            <p className="muted mt-3 text-xs">
              {t("rules.changed", {
                when: when(settings.updatedAt),
                name: settings.updatedBy ?? "",
              })}
            </p>
          ) : null}
        </Card>
      ) : (
        <Card className="mb-6 max-w-2xl">
          <p>
            {t("rules.readOnly", {
              mix: settings.dimensions.length ? "some" : "none",
              dimensions: f.list(settings.dimensions.map((dimension) => label(dimension))),
              cap: settings.maxInterviewsPerWeek ?? t("rules.noCap"),
            })}
          </p>
        </Card>
      )}
      <Card className="mb-6 max-w-2xl">
        <h2 className="mb-2 text-lg font-semibold">{t("training.heading")}</h2>
        <p className="muted mb-3 text-sm">{t("training.description")}</p>
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="step" />
          <Field
            label={t("training.email")}
            name="email"
            type="email"
            errors={stepErrors("email")}
          />
          <SelectField
            label={t("training.competencies")}
            name="competencyIds"
            multiple
            size={Math.min(8, competencies.length)}
            errors={stepErrors("competencyIds")}
          >
            {competencies.map((competency) => (
              <option key={competency.id} value={competency.id}>
                {competency.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("training.step")}
            name="step"
            defaultValue="shadow"
            errors={stepErrors("step")}
          >
            {TRAINING_STEPS.map((step) => (
              <option key={step} value={step}>
                {t(`steps.${step}`)}
              </option>
            ))}
          </SelectField>
          <SubmitButton busyLabel={t("training.saving")}>{t("training.save")}</SubmitButton>
        </Form>
      </Card>
      <Card>
        <h2 className="mb-2 text-lg font-semibold">{t("training.rosterHeading")}</h2>
        {people.length === 0 ? (
          <p className="muted">{t("training.nobody")}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-start">
                <th className="text-start">{t("training.person")}</th>
                <th className="text-start">{t("training.paths")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => (
                <tr
                  key={person.id}
                  className="border-t border-slate-200 align-top dark:border-slate-700"
                >
                  <td className="py-2 pe-3 font-medium">{person.name}</td>
                  <td className="py-2">
                    <ul>
                      {person.paths.map((path) => (
                        <li key={path.competency}>
                          {t("training.path", {
                            competency: path.competency,
                            step: t(`steps.${path.step}`),
                            since: when(path.since),
                          })}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
