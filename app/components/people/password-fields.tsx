import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import { PASSWORD_MIN_LENGTH } from "~/modules/people/person-form";

/** A password being chosen, and the same again: for a sign-in link and for the first admin. */
export function NewPasswordFields<FormSchema extends Record<string, unknown>>({
  label,
  password,
  confirm,
}: {
  /** The first field's label. */
  label: string;
  password: FieldMetadata<string, FormSchema, string[]>;
  confirm: FieldMetadata<string, FormSchema, string[]>;
}) {
  const { t } = useTranslation("people");
  return (
    <>
      <Field
        label={label}
        autoComplete="new-password"
        hint={t("passwordFields.hint", { min: PASSWORD_MIN_LENGTH })}
        errors={password.errors}
        {...getInputProps(password, { type: "password" })}
      />
      <Field
        label={t("passwordFields.again")}
        autoComplete="new-password"
        errors={confirm.errors}
        {...getInputProps(confirm, { type: "password" })}
      />
    </>
  );
}
