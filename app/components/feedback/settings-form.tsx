import {
  getFormProps,
  getInputProps,
  useForm,
  type DefaultValue,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field, FormErrors } from "~/components/ui/field";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { useTranslation } from "~/i18n/use-translation";
import { anonymityFloor } from "~/modules/feedback/release";
import {
  ANSWER_KINDS,
  COMPETENCY_CHOICES,
  FeedbackSettingsSchema,
  NAMES_SHOWN,
  NOMINATORS,
} from "~/modules/feedback/settings";

/** A review cycle's peer and upward feedback settings, on the admin's cycle page. */
export function FeedbackSettingsForm({
  lastResult,
  defaultValue,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: DefaultValue<z.input<typeof FeedbackSettingsSchema>>;
}) {
  const { t } = useTranslation("feedback");
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
          label={t("settings.peer")}
          hint={t("settings.peerHint", { floor: anonymityFloor("peer") })}
          {...getInputProps(fields.peer, { type: "checkbox" })}
        />
        <CheckboxField
          label={t("settings.upward")}
          hint={t("settings.upwardHint", { floor: anonymityFloor("upward") })}
          {...getInputProps(fields.upward, { type: "checkbox" })}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label={t("settings.minPeers")}
          errors={fields.minPeers.errors}
          {...getInputProps(fields.minPeers, { type: "number" })}
        />
        <Field
          label={t("settings.maxPeers")}
          errors={fields.maxPeers.errors}
          {...getInputProps(fields.maxPeers, { type: "number" })}
        />
        <Field
          label={t("settings.reviewCap")}
          hint={t("settings.reviewCapHint")}
          errors={fields.reviewCap.errors}
          {...getInputProps(fields.reviewCap, { type: "number" })}
        />
      </div>
      <Field
        label={t("settings.dueOn")}
        className="max-w-xs"
        errors={fields.dueOn.errors}
        {...getInputProps(fields.dueOn, { type: "date" })}
      />
      <RadioGroupField
        legend={t("settings.nominator")}
        field={fields.nominator}
        options={NOMINATORS.map((value) => [value, t(`settings.nominators.${value}`)] as const)}
      />
      <RadioGroupField
        legend={t("settings.competencies")}
        field={fields.competencies}
        options={COMPETENCY_CHOICES.map(
          (value) => [value, t(`settings.competencyChoices.${value}`)] as const,
        )}
      />
      <RadioGroupField
        legend={t("settings.answerKind")}
        field={fields.answerKind}
        options={ANSWER_KINDS.map((value) => [value, t(`settings.answerKinds.${value}`)] as const)}
      />
      <RadioGroupField
        legend={t("settings.namesShown")}
        field={fields.namesShown}
        options={NAMES_SHOWN.map(
          (value) => [value, t(`settings.namesShownChoices.${value}`)] as const,
        )}
      />
      <FormErrors form={form} />
      <SubmitButton busyLabel={t("settings.saving")}>{t("settings.save")}</SubmitButton>
    </Form>
  );
}
