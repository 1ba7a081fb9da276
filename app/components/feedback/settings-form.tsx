import { getFormProps, getInputProps, useForm, type DefaultValue, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field, FormErrors } from "~/components/ui/field";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { ANONYMITY_FLOOR, UPWARD_FLOOR } from "~/modules/feedback/anonymity";
import { ANSWER_KIND_LABELS, ANSWER_KINDS, COMPETENCY_CHOICE_LABELS, COMPETENCY_CHOICES, FeedbackSettingsSchema, NAMES_SHOWN, NAMES_SHOWN_LABELS, NOMINATOR_LABELS, NOMINATORS } from "~/modules/feedback/settings";

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => [value, labels[value]] as const);

/** A review cycle's peer and upward feedback settings, on the admin's cycle page. */
export function FeedbackSettingsForm({ lastResult, defaultValue }: { lastResult: SubmissionResult<string[]> | undefined; defaultValue: DefaultValue<z.input<typeof FeedbackSettingsSchema>> }) {
  const [form, fields] = useForm<z.input<typeof FeedbackSettingsSchema>>({
    id: "feedback-settings",
    lastResult,
    constraint: getZodConstraint(FeedbackSettingsSchema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FeedbackSettingsSchema }),
  });
  return (
    <Form method="post" className="space-y-5" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="feedback-settings" />
      <div className="space-y-2">
        <CheckboxField
          label="Peer feedback"
          hint={`Colleagues answer per competency, with an example; the manager reads it beside the self-assessment, the person without names in groups of at least ${ANONYMITY_FLOOR} answers.`}
          {...getInputProps(fields.peer, { type: "checkbox" })}
        />
        <CheckboxField
          label="Upward feedback"
          hint={`Each manager's reports answer about them. A manager reads only an aggregate, in groups of at least ${UPWARD_FLOOR} reports' answers (the organisation's floor), never a name.`}
          {...getInputProps(fields.upward, { type: "checkbox" })}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Fewest peers" errors={fields.minPeers.errors} {...getInputProps(fields.minPeers, { type: "number" })} />
        <Field label="Most peers" errors={fields.maxPeers.errors} {...getInputProps(fields.maxPeers, { type: "number" })} />
        <Field label="Most reviews one person writes" hint="Peer requests; declined and withdrawn ones do not count." errors={fields.reviewCap.errors} {...getInputProps(fields.reviewCap, { type: "number" })} />
      </div>
      <Field label="Answers due" className="max-w-xs" errors={fields.dueOn.errors} {...getInputProps(fields.dueOn, { type: "date" })} />
      <RadioGroupField legend="Who chooses peers" field={fields.nominator} options={options(NOMINATORS, NOMINATOR_LABELS)} />
      <RadioGroupField legend="Competencies asked about" field={fields.competencies} options={options(COMPETENCY_CHOICES, COMPETENCY_CHOICE_LABELS)} />
      <RadioGroupField legend="An answer carries" field={fields.answerKind} options={options(ANSWER_KINDS, ANSWER_KIND_LABELS)} />
      <RadioGroupField legend="Authors' names (the manager always reads them)" field={fields.namesShown} options={options(NAMES_SHOWN, NAMES_SHOWN_LABELS)} />
      <FormErrors form={form} />
      <SubmitButton busyLabel="Saving…">Save feedback settings</SubmitButton>
    </Form>
  );
}
