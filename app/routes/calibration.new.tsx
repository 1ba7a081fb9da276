import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/calibration.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleTeamPicker } from "~/components/cycles/cycle-team-picker";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { NewSessionSchema } from "~/modules/calibration/session-form";
import { createSession } from "~/modules/calibration/sessions.server";
import { listCycles, listTeamsForCycle } from "~/modules/cycles/cycles.server";
import { ladderChoices } from "~/modules/ladders/retired.server";
import { withDomainErrors } from "~/utils/http.server";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { possessive } from "~/utils/possessive";

export const meta: Route.MetaFunction = () => [{ title: "Set up a calibration session · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [cycles, teams, { ladders, defaultLadderId }] = await Promise.all([listCycles(), listTeamsForCycle(), ladderChoices()]);
  return {
    cycles: cycles.map((cycle) => ({ id: cycle.id, name: cycle.name })),
    teams,
    ladders: ladders.map((served) => ({
      id: served.ladder.meta.id,
      name: served.ladder.meta.name,
      scalePoints: served.ladder.scale.length,
      calibrationScales: served.ladder.calibrationScales.map((scale) => ({ id: scale.id, name: scale.name, points: scale.points.length })),
    })),
    defaultLadderId,
  };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: NewSessionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createSession(viewer, submission.value);
  if (!result.ok) {
    const { form, ...fieldErrors } = result.fieldErrors;
    return data(submission.reply({ fieldErrors: fieldErrors as Record<string, string[]>, formErrors: form ?? [] }), { status: 400 });
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
    defaultValue: { population: "cycle", cycleId: cycles[0]?.id, ladderId: defaultLadderId, groupFloor: String(SMALL_GROUP_FLOOR) },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewSessionSchema }),
  });
  const population = fields.population.value ?? "cycle";
  const chosenLadder = ladders.find((ladder) => ladder.id === fields.ladderId.value) ?? ladders[0];
  return (
    <>
      <BackLink to="/calibration">Calibration</BackLink>
      <PageHeader
        title="Set up a calibration session"
        description="Everyone in the population who takes part in the cycle on this ladder gets one entry, with their manager as of now; those managers are invited to propose for their reports. The session starts as a draft."
      />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <Field label="Name" hint="For example “Spring 2027, Product engineering”." autoComplete="off" errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Review cycle" errors={fields.cycleId.errors} {...getSelectProps(fields.cycleId)}>
              {cycles.map((cycle) => (
                <option key={cycle.id} value={cycle.id}>
                  {cycle.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Ladder" hint="Its scale is the overall rating; its levels are the outcomes." errors={fields.ladderId.errors} {...getSelectProps(fields.ladderId)}>
              {ladders.map((ladder) => (
                <option key={ladder.id} value={ladder.id}>
                  {ladder.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Field label="Facilitator's email" hint="They run the session: record outcomes, lock and publish." autoComplete="off" errors={fields.facilitatorEmail.errors} {...getInputProps(fields.facilitatorEmail, { type: "email" })} />
          <RadioGroupField
            legend="Who is calibrated"
            field={fields.population}
            options={[
              ["cycle", "Everyone in the cycle"],
              ["teams", "Chosen teams"],
              ["manager", "Everyone under a manager"],
              ["people", "A list of people"],
            ]}
          />
          <CycleTeamPicker
            key={form.key}
            field={fields.teamIds}
            teams={teams}
            inactive={population !== "teams"}
          />
          <Field label="Manager's email" hint="With “Everyone under a manager”: their whole organisation." autoComplete="off" errors={fields.managerEmail.errors} {...getInputProps(fields.managerEmail, { type: "email" })} />
          <TextareaField
            label="People's emails"
            hint="With “A list of people”: one email per line, or separated by commas."
            rows={3}
            errors={fields.peopleEmails.errors}
            {...getTextareaProps(fields.peopleEmails)}
          />
          <TextareaField
            label="Other calibrators (optional)"
            hint="The population's managers are invited. Add anyone else who should read and mark proposals, for example a peer manager: one email per line."
            rows={2}
            errors={fields.calibratorEmails.errors}
            {...getTextareaProps(fields.calibratorEmails)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Overall rating scale" hint="The ladder's own scale, or a calibration scale the ladder defines." errors={fields.scaleId.errors} {...getSelectProps(fields.scaleId)}>
              <option value="">{chosenLadder ? `${possessive(chosenLadder.name)} own scale (${chosenLadder.scalePoints} points)` : "The ladder's own scale"}</option>
              {(chosenLadder?.calibrationScales ?? []).map((scale) => (
                <option key={scale.id} value={scale.id}>
                  {scale.name} ({scale.points} points)
                </option>
              ))}
            </SelectField>
            <Field
              label="Second dimension (optional)"
              hint="For a 9-box: what managers also rate low, medium or high, for example Potential or Scope. Leave empty to skip."
              autoComplete="off"
              errors={fields.secondDimension.errors}
              {...getInputProps(fields.secondDimension, { type: "text" })}
            />
          </div>
          <Field
            label="Smallest group with an average"
            hint={`Figures of groups smaller than this are not shown: with few people an average says more about one person than about the group. At least the organisation's ${SMALL_GROUP_FLOOR}; a higher floor holds for these people in every report, insights included.`}
            errors={fields.groupFloor.errors}
            {...getInputProps(fields.groupFloor, { type: "number" })}
            min={SMALL_GROUP_FLOOR}
            max={50}
            className="max-w-xs"
          />
          <Field
            label="Proposals due (optional)"
            hint="The day managers' proposals are due: their to-do list shows it."
            errors={fields.proposalsDueOn.errors}
            {...getInputProps(fields.proposalsDueOn, { type: "date" })}
            className="max-w-xs"
          />
          <CheckboxField
            label="Blind pre-read"
            hint="Calibrators read each person's reviews and give their own rating before anyone's proposal is revealed."
            {...getInputProps(fields.blindPreRead, { type: "checkbox" })}
          />
          <FormErrors form={form} />
          <SubmitButton busyLabel="Setting up…">Set up session</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
