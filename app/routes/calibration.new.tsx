import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/calibration.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleTeamPicker } from "~/components/cycles/cycle-team-picker";
import { SubmitButton } from "~/components/ui/button";
import {
  CheckboxField,
  Field,
  FormErrors,
  SelectField,
  TextareaField,
} from "~/components/ui/field";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { wordsOf } from "~/i18n/messages";
import { useTranslation } from "~/i18n/use-translation";
import { requireRole } from "~/modules/identity/permissions.server";
import { NewSessionSchema } from "~/modules/calibration/session-form";
import { createSession } from "~/modules/calibration/sessions.server";
import { listCycles, listTeamsForCycle } from "~/modules/cycles/cycles.server";
import { ladderChoices } from "~/modules/ladders/retired.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("calibration:setUp.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [cycles, teams, { ladders, defaultLadderId }] = await Promise.all([
    listCycles(),
    listTeamsForCycle(),
    ladderChoices(undefined, languageOf(context)),
  ]);
  return {
    cycles: cycles.map((cycle) => ({ id: cycle.id, name: cycle.name })),
    teams,
    ladders: ladders.map((served) => ({
      id: served.ladder.meta.id,
      name: served.ladder.meta.name,
      scalePoints: served.ladder.scale.length,
      calibrationScales: served.ladder.calibrationScales.map((scale) => ({
        id: scale.id,
        name: scale.name,
        points: scale.points.length,
      })),
    })),
    defaultLadderId,
  };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await formOf(request), { schema: NewSessionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createSession(viewer, submission.value);
  if (!result.ok) {
    // Some refusals name emails: worded here, with their values, in the request's language.
    const t = translatorOf(context);
    const { form, ...fieldErrors } = Object.fromEntries(
      Object.entries(result.fieldErrors).map(([field, errors]) => [
        field,
        (errors ?? []).map((error) => wordsOf(t, error)),
      ]),
    );
    return data(submission.reply({ fieldErrors, formErrors: form ?? [] }), { status: 400 });
  }
  return redirect(`/calibration/${result.sessionId}`);
});

export default function NewCalibrationSession({ loaderData, actionData }: Route.ComponentProps) {
  const { cycles, teams, ladders, defaultLadderId } = loaderData;
  const lastResult = actionData;
  const [form, fields] = useForm({
    id: "new-calibration",
    lastResult,
    constraint: getZodConstraint(NewSessionSchema),
    defaultValue: {
      population: "cycle",
      cycleId: cycles[0]?.id,
      ladderId: defaultLadderId,
      groupFloor: String(SMALL_GROUP_FLOOR),
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewSessionSchema }),
  });
  const { t } = useTranslation("calibration");
  const population = fields.population.value ?? "cycle";
  const chosenLadder = ladders.find((ladder) => ladder.id === fields.ladderId.value) ?? ladders[0];
  return (
    <>
      <BackLink to="/calibration">{t("list.heading")}</BackLink>
      <PageHeader title={t("setUp.heading")} description={t("setUp.description")} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <Field
            label={t("setUp.name")}
            hint={t("setUp.nameHint")}
            autoComplete="off"
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: "text" })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("setUp.cycle")}
              errors={fields.cycleId.errors}
              {...getSelectProps(fields.cycleId)}
            >
              {cycles.map((cycle) => (
                <option key={cycle.id} value={cycle.id}>
                  {cycle.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("setUp.ladder")}
              hint={t("setUp.ladderHint")}
              errors={fields.ladderId.errors}
              {...getSelectProps(fields.ladderId)}
            >
              {ladders.map((ladder) => (
                <option key={ladder.id} value={ladder.id}>
                  {ladder.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Field
            label={t("setUp.facilitator")}
            hint={t("setUp.facilitatorHint")}
            autoComplete="off"
            errors={fields.facilitatorEmail.errors}
            {...getInputProps(fields.facilitatorEmail, { type: "email" })}
          />
          <RadioGroupField
            legend={t("setUp.population.legend")}
            field={fields.population}
            options={[
              ["cycle", t("setUp.population.cycle")],
              ["teams", t("setUp.population.teams")],
              ["manager", t("setUp.population.manager")],
              ["people", t("setUp.population.people")],
            ]}
          />
          <CycleTeamPicker
            key={form.key}
            field={fields.teamIds}
            teams={teams}
            inactive={population !== "teams"}
          />
          <Field
            label={t("setUp.managerEmail")}
            hint={t("setUp.managerEmailHint")}
            autoComplete="off"
            errors={fields.managerEmail.errors}
            {...getInputProps(fields.managerEmail, { type: "email" })}
          />
          <TextareaField
            label={t("setUp.peopleEmails")}
            hint={t("setUp.peopleEmailsHint")}
            rows={3}
            errors={fields.peopleEmails.errors}
            {...getTextareaProps(fields.peopleEmails)}
          />
          <TextareaField
            label={t("setUp.calibrators")}
            hint={t("setUp.calibratorsHint")}
            rows={2}
            errors={fields.calibratorEmails.errors}
            {...getTextareaProps(fields.calibratorEmails)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("setUp.scale")}
              hint={t("setUp.scaleHint")}
              errors={fields.scaleId.errors}
              {...getSelectProps(fields.scaleId)}
            >
              <option value="">
                {chosenLadder
                  ? t("setUp.ownScale", {
                      ladder: chosenLadder.name,
                      points: chosenLadder.scalePoints,
                    })
                  : t("setUp.ownScaleUnnamed")}
              </option>
              {(chosenLadder?.calibrationScales ?? []).map((scale) => (
                <option key={scale.id} value={scale.id}>
                  {t("setUp.scaleOption", { scale: scale.name, points: scale.points })}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("setUp.second")}
              hint={t("setUp.secondHint")}
              autoComplete="off"
              errors={fields.secondDimension.errors}
              {...getInputProps(fields.secondDimension, { type: "text" })}
            />
          </div>
          <Field
            label={t("setUp.floor")}
            hint={t("setUp.floorHint", { floor: SMALL_GROUP_FLOOR })}
            errors={fields.groupFloor.errors}
            {...getInputProps(fields.groupFloor, { type: "number" })}
            min={SMALL_GROUP_FLOOR}
            max={50}
            className="max-w-xs"
          />
          <Field
            label={t("setUp.due")}
            hint={t("setUp.dueHint")}
            errors={fields.proposalsDueOn.errors}
            {...getInputProps(fields.proposalsDueOn, { type: "date" })}
            className="max-w-xs"
          />
          <CheckboxField
            label={t("setUp.blind")}
            hint={t("setUp.blindHint")}
            {...getInputProps(fields.blindPreRead, { type: "checkbox" })}
          />
          <FormErrors form={form} />
          <SubmitButton busyLabel={t("setUp.busy")}>{t("setUp.submit")}</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
