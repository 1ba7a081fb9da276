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
import type { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors, SelectField } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import { WindowSchema } from "~/modules/promotions/forms";

/** A window's name, ladder and dates, for setting one up and for changing it (its ladder only while a draft). */
export function WindowForm({
  id,
  intent,
  lastResult,
  defaultValue,
  ladders,
  ladderLocked,
  revision,
  submitLabel,
}: {
  id: string;
  intent: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: DefaultValue<z.input<typeof WindowSchema>>;
  ladders: { id: string; name: string }[];
  ladderLocked: boolean;
  revision?: number;
  submitLabel: string;
}) {
  const [form, fields] = useForm<z.input<typeof WindowSchema>>({
    id,
    lastResult,
    constraint: getZodConstraint(WindowSchema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: WindowSchema }),
  });
  const { t } = useTranslation("promotions");
  const dates = [
    "nominationsOpenOn",
    "nominationsCloseOn",
    "packetsDueOn",
    "votesDueOn",
    "effectiveOn",
  ] as const;
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      {revision !== undefined ? <input type="hidden" name="revision" value={revision} /> : null}
      <Field
        label={t("windowForm.name")}
        hint={t("windowForm.nameHint")}
        autoComplete="off"
        errors={fields.name.errors}
        {...getInputProps(fields.name, { type: "text" })}
      />
      {ladderLocked ? (
        <input type="hidden" name="ladderId" value={String(defaultValue?.ladderId ?? "")} />
      ) : (
        <SelectField
          label={t("windowForm.ladder")}
          hint={t("windowForm.ladderHint")}
          errors={fields.ladderId.errors}
          {...getSelectProps(fields.ladderId)}
        >
          {ladders.map((ladder) => (
            <option key={ladder.id} value={ladder.id}>
              {ladder.name}
            </option>
          ))}
        </SelectField>
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        {dates.map((name) => (
          <Field
            label={t(`windowForm.${name}`)}
            errors={fields[name].errors}
            {...getInputProps(fields[name], { type: "date" })}
            key={name}
          />
        ))}
      </div>
      <FormErrors form={form} />
      <SubmitButton busyLabel={t("windowForm.saving")}>{submitLabel}</SubmitButton>
    </Form>
  );
}
