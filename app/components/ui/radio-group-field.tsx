import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { ErrorList } from "./field";

/** A form field chosen among a few options: radio buttons under a legend, with the field's errors. */
export function RadioGroupField<Schema, FormSchema extends Record<string, unknown>>({
  legend,
  field,
  options,
  inline = false,
}: {
  legend: string;
  field: FieldMetadata<Schema, FormSchema, string[]>;
  options: readonly (readonly [value: string, label: string])[];
  inline?: boolean;
}) {
  return (
    <fieldset aria-describedby={field.errors?.length ? field.errorId : undefined}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className={inline ? "flex flex-wrap gap-4" : "space-y-2"}>
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              {...getInputProps(field, { type: "radio", value })}
              id={`${field.id}-${value}`}
              className="size-4"
            />
            {label}
          </label>
        ))}
      </div>
      <ErrorList id={field.errorId} errors={field.errors} />
    </fieldset>
  );
}
