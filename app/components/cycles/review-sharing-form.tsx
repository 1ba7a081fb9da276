import {
  getFormProps,
  getInputProps,
  useForm,
  type FieldMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { useTranslation } from "~/i18n/use-translation";
import { REVIEW_SHARING, ReviewSharingSchema } from "~/modules/cycles/review-sharing";

type SharingValues = z.input<typeof ReviewSharingSchema>;

/** The two fields of "when reviews are shared", in the form that opens a cycle and in the one that changes it. */
export function ReviewSharingFields<FormSchema extends Record<string, unknown>>({
  reviewsShared,
  reviewsSharedOn,
}: {
  reviewsShared: FieldMetadata<string, FormSchema, string[]>;
  reviewsSharedOn: FieldMetadata<string | undefined, FormSchema, string[]>;
}) {
  const { t } = useTranslation("cycles");
  return (
    <div className="space-y-3">
      <RadioGroupField
        legend={t("reviewSharing.legend")}
        field={reviewsShared}
        options={REVIEW_SHARING.map(
          (value) => [value, t(`reviewSharing.options.${value}`)] as const,
        )}
      />
      <Field
        label={t("reviewSharing.sharedOn")}
        hint={t("reviewSharing.sharedOnHint")}
        className="max-w-xs"
        errors={reviewsSharedOn.errors}
        {...getInputProps(reviewsSharedOn, { type: "date" })}
      />
    </div>
  );
}

/** A cycle's review sharing, on the admin's cycle page. */
export function ReviewSharingForm({
  lastResult,
  defaultValue,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue: SharingValues;
}) {
  const { t } = useTranslation("cycles");
  const [form, fields] = useForm<SharingValues>({
    id: "review-sharing",
    lastResult,
    constraint: getZodConstraint(ReviewSharingSchema),
    defaultValue,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReviewSharingSchema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="review-sharing" />
      <ReviewSharingFields
        reviewsShared={fields.reviewsShared}
        reviewsSharedOn={fields.reviewsSharedOn}
      />
      <FormErrors form={form} />
      <SubmitButton busyLabel={t("reviewSharing.saving")}>{t("reviewSharing.save")}</SubmitButton>
    </Form>
  );
}
