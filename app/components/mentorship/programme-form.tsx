import { getFormProps, getInputProps, getSelectProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
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
  const openTo = fields.openTo.value ?? "everyone";
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <Field label="Name" hint="For example “Spring 2027 mentoring”." autoComplete="off" errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} />
      <SelectField label="Ladder" hint="Mentees choose goals among its competencies; levels compare through its equivalence bands." errors={fields.ladderId.errors} {...getSelectProps(fields.ladderId)}>
        {ladders.map((ladder) => (
          <option key={ladder.id} value={ladder.id}>
            {ladder.name}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Starts on" errors={fields.startsOn.errors} {...getInputProps(fields.startsOn, { type: "date" })} />
        <Field label="Ends on" errors={fields.endsOn.errors} {...getInputProps(fields.endsOn, { type: "date" })} />
        <Field label="Matching day" hint="People opt in and change their answers until this day." errors={fields.matchingOn.errors} {...getInputProps(fields.matchingOn, { type: "date" })} />
      </div>
      <RadioGroupField legend="Who may join" field={fields.openTo} options={[["everyone", "Everyone on the ladder"], ["teams", "Chosen teams"]]} />
      <CycleTeamPicker
        key={form.key}
        field={fields.teamIds}
        teams={teams}
        inactive={openTo !== "teams"}
      />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">Rules</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Most mentees per mentor"
            hint="Each mentor's capacity when they give none, and the most any mentor takes."
            errors={fields.maxMenteesPerMentor.errors}
            {...getInputProps(fields.maxMenteesPerMentor, { type: "number" })}
          />
          <Field
            label="Largest time-zone difference (hours)"
            hint="Leave empty for no limit. Checked on every day of the programme, as clocks change on different days (London and New York are four or five hours apart), and round the clock: UTC+12 and UTC−11 are an hour apart."
            errors={fields.maxTimeZoneHours.errors}
            {...getInputProps(fields.maxTimeZoneHours, { type: "number" })}
          />
        </div>
        <CheckboxField label="Cross-team pairs only" hint="A mentor never comes from the mentee's own team." {...getInputProps(fields.crossTeamOnly, { type: "checkbox" })} />
        <CheckboxField label="Allow repeat pairs" hint="Someone may be paired again with a mentor they had in an earlier programme." {...getInputProps(fields.allowRepeatPairs, { type: "checkbox" })} />
        <p className="text-xs text-slate-600 dark:text-slate-300">
          Always: nobody is paired with someone in their own management chain, and a mentor's level is at or above the level the mentee is working towards.
        </p>
      </fieldset>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold">How pairs are scored</legend>
        <p className="text-xs text-slate-600 dark:text-slate-300">
          A pair's fit adds up three factors, each from 0 to 1, times its weight: how much of the mentee's goals the mentor can help with (bigger gaps count more), a
          mentor from another team, and the mentor one or two levels above the mentee's target.
        </p>
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Weight of goals" errors={fields.weightGoals.errors} step="0.5" {...getInputProps(fields.weightGoals, { type: "number" })} />
          <Field label="Weight of another team" errors={fields.weightCrossTeam.errors} step="0.5" {...getInputProps(fields.weightCrossTeam, { type: "number" })} />
          <Field label="Weight of level" errors={fields.weightLevel.errors} step="0.5" {...getInputProps(fields.weightLevel, { type: "number" })} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="The matching aims for" errors={fields.objective.errors} {...getSelectProps(fields.objective)}>
            <option value="most-matched">Most people matched, then the most fit</option>
            <option value="most-fit">The most fit overall (someone may stay unpaired)</option>
          </SelectField>
          <CheckboxField
            label="Fairness pass"
            hint="Raises the lowest fit of any proposed pair as far as it can without pairing fewer people."
            {...getInputProps(fields.fairness, { type: "checkbox" })}
          />
        </div>
      </fieldset>
      <FormErrors form={form} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="save" busyLabel="Saving…">{submitLabel}</SubmitButton>
        {children}
      </div>
    </Form>
  );
}
