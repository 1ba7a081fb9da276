import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { Field } from "~/components/ui/field";
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
  return (
    <>
      <Field
        label={label}
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
        errors={password.errors}
        {...getInputProps(password, { type: "password" })}
      />
      <Field label="Type it again" autoComplete="new-password" errors={confirm.errors} {...getInputProps(confirm, { type: "password" })} />
    </>
  );
}
