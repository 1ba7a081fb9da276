import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from "react";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";

/** A text field's, select's and text area's classes (app/tailwind.css). */
export const inputClass = "input";

/** A form's or a field's errors: keys (a schema's, checked in the browser too) worded in the page's language. */
export function ErrorList({ id, errors }: { id?: string; errors?: readonly string[] | null }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700 dark:text-red-400">
      {errors.map((error) => (
        <li key={error}>{wordsOf(t, error)}</li>
      ))}
    </ul>
  );
}

/** A form's own errors (not a field's), announced as they appear. */
export function FormErrors({
  form,
}: {
  form: { errorId: string; errors?: readonly string[] | null };
}) {
  return (
    <div role="alert" aria-live="polite">
      <ErrorList id={form.errorId} errors={form.errors} />
    </div>
  );
}

type FieldProps<T> = {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | null;
  className?: string;
} & T;

function useFieldIds(id: string | undefined, hint: ReactNode, errors?: readonly string[] | null) {
  const fallback = useId();
  const fieldId = id ?? fallback;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = errors?.length ? `${fieldId}-error` : undefined;
  return {
    fieldId,
    hintId,
    errorId,
    control: {
      id: fieldId,
      "aria-invalid": errors?.length ? true : undefined,
      "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
      className: inputClass,
    },
  };
}

/** Label above, hint and errors below: the frame every labelled control shares. */
function FieldFrame({
  ids,
  label,
  hint,
  errors,
  className,
  children,
}: {
  ids: ReturnType<typeof useFieldIds>;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | null;
  className: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={ids.fieldId} className="field-label">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={ids.hintId} className="muted mt-1 text-xs">
          {hint}
        </p>
      ) : null}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

/** The input types a person writes words in. */
const FREE_TEXT = new Set(["text", "search"]);

export const Field = forwardRef<
  HTMLInputElement,
  FieldProps<InputHTMLAttributes<HTMLInputElement>>
>(function Field({ label, hint, errors, className = "", id, ...input }, ref) {
  const ids = useFieldIds(id, hint, errors);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} errors={errors} className={className}>
      {/* Free text takes the direction of what is typed in it (decision 107): Arabic in an English page, a name in Latin letters in an Arabic one. */}
      <input
        ref={ref}
        dir={FREE_TEXT.has(input.type ?? "text") ? "auto" : undefined}
        {...ids.control}
        {...input}
      />
    </FieldFrame>
  );
});

export function SelectField({
  label,
  hint,
  errors,
  className = "",
  id,
  children,
  ...select
}: FieldProps<SelectHTMLAttributes<HTMLSelectElement>>) {
  const ids = useFieldIds(id, hint, errors);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <select {...ids.control} {...select}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function TextareaField({
  label,
  hint,
  errors,
  className = "",
  id,
  ...textarea
}: FieldProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const ids = useFieldIds(id, hint, errors);
  return (
    <FieldFrame ids={ids} label={label} hint={hint} errors={errors} className={className}>
      <textarea dir="auto" {...ids.control} {...textarea} />
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  id,
  ...input
}: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const fallback = useId();
  const fieldId = id ?? fallback;
  return (
    <div className="flex items-start gap-2">
      <input id={fieldId} type="checkbox" className="checkbox" {...input} />
      <div>
        <label htmlFor={fieldId} className="text-sm font-medium">
          {label}
        </label>
        {hint ? <p className="muted text-xs">{hint}</p> : null}
      </div>
    </div>
  );
}
