import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { ReactNode } from "react";
import type { z } from "zod";
import { CycleTeamPicker } from "~/components/cycles/cycle-team-picker";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/ui/field";
import { ProgrammeSchema } from "~/modules/mentorship/forms";
import { RadioGroupField } from "~/components/ui/radio-group-field";

type Option = { id: string; name: string };

/**
 * A programme's set-up and rules, for setting one up and for changing it. `children` are extra
 * controls beside the save button (the settings page's weights preview).
 */
export function ProgrammeForm({
  id,
  lastResult,
  defaultValue,
  ladders,
  teams,
  submitLabel,
  children,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: DefaultValue<z.input<typeof ProgrammeSchema>>;
  ladders: Option[];
  teams: { id: string; name: string; eligible: number }[];
  submitLabel: string;
  children?: ReactNode;
}) {
  const [form, fields] = useForm<z.input<typeof ProgrammeSchema>>({
    id,
    lastResult,
    constraint: getZodConstraint(ProgrammeSchema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProgrammeSchema }),
  });
  const { t } = useTranslation("mentorship");
  const openTo = fields.openTo.value ?? "everyone";
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <Field
        label={t("programmeForm.name")}
        hint={t("programmeForm.nameHint")}
        autoComplete="off"
        errors={fields.name.errors}
        {...getInputProps(fields.name, { type: "text" })}
      />
      <SelectField
        label={t("programmeForm.ladder")}
        hint={t("programmeForm.ladderHint")}
        errors={fields.ladderId.errors}
        {...getSelectProps(fields.ladderId)}
      >
        {ladders.map((ladder) => (
          <option key={ladder.id} value={ladder.id}>
            {ladder.name}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t("programmeForm.startsOn")}
          errors={fields.startsOn.errors}
          {...getInputProps(fields.startsOn, { type: "date" })}
        />
        <Field
          label={t("programmeForm.endsOn")}
          errors={fields.endsOn.errors}
          {...getInputProps(fields.endsOn, { type: "date" })}
        />
        <Field
          label={t("programmeForm.matchingOn")}
          hint={t("programmeForm.matchingOnHint")}
          errors={fields.matchingOn.errors}
          {...getInputProps(fields.matchingOn, { type: "date" })}
        />
      </div>
      <RadioGroupField
        legend={t("programmeForm.openTo")}
        field={fields.openTo}
        options={[
          ["everyone", t("programmeForm.openToEveryone")],
          ["teams", t("programmeForm.openToTeams")],
        ]}
      />
      <CycleTeamPicker
        key={form.key}
        field={fields.teamIds}
        teams={teams}
        inactive={openTo !== "teams"}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">{t("programmeForm.rules")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={t("programmeForm.maxMentees")}
            hint={t("programmeForm.maxMenteesHint")}
            errors={fields.maxMenteesPerMentor.errors}
            {...getInputProps(fields.maxMenteesPerMentor, { type: "number" })}
          />
          <Field
            label={t("programmeForm.maxTimeZoneHours")}
            hint={t("programmeForm.maxTimeZoneHoursHint")}
            errors={fields.maxTimeZoneHours.errors}
            {...getInputProps(fields.maxTimeZoneHours, { type: "number" })}
          />
        </div>
        <CheckboxField
          label={t("programmeForm.crossTeamOnly")}
          hint={t("programmeForm.crossTeamOnlyHint")}
          {...getInputProps(fields.crossTeamOnly, { type: "checkbox" })}
        />
        <CheckboxField
          label={t("programmeForm.allowRepeatPairs")}
          hint={t("programmeForm.allowRepeatPairsHint")}
          {...getInputProps(fields.allowRepeatPairs, { type: "checkbox" })}
        />
        <p className="text-xs text-slate-600 dark:text-slate-300">{t("programmeForm.always")}</p>
      </fieldset>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">{t("programmeForm.scoring")}</legend>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          {t("programmeForm.scoringIntro")}
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label={t("programmeForm.weightGoals")}
            errors={fields.weightGoals.errors}
            step="0.5"
            {...getInputProps(fields.weightGoals, { type: "number" })}
          />
          <Field
            label={t("programmeForm.weightCrossTeam")}
            errors={fields.weightCrossTeam.errors}
            step="0.5"
            {...getInputProps(fields.weightCrossTeam, { type: "number" })}
          />
          <Field
            label={t("programmeForm.weightLevel")}
            errors={fields.weightLevel.errors}
            step="0.5"
            {...getInputProps(fields.weightLevel, { type: "number" })}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label={t("programmeForm.objective")}
            errors={fields.objective.errors}
            {...getSelectProps(fields.objective)}
          >
            <option value="most-matched">{t("objective.mostMatched")}</option>
            <option value="most-fit">{t("programmeForm.mostFitExplained")}</option>
          </SelectField>
          <CheckboxField
            label={t("fairness.label")}
            hint={t("fairness.hint")}
            {...getInputProps(fields.fairness, { type: "checkbox" })}
          />
        </div>
      </fieldset>
      <FormErrors form={form} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="save" busyLabel={t("programmeForm.saving")}>
          {submitLabel}
        </SubmitButton>
        {children}
      </div>
    </Form>
  );
}
