import { useFetcher } from "react-router";
import { useId } from "react";
import { Field } from "~/components/ui/field";

/**
 * A name typed into a field, with suggestions as people type, for lists too long for a
 * drop-down (an organisation may have hundreds of teams or managers). `suggestions` names the
 * resource route that answers `{ suggestions: Suggestion[] }` for `?q=`. In a document sent without
 * the app's scripts (decision 134), the page's one script fills the list from the same route
 * (`data-suggestions`, decision 157); without JavaScript at all the field is plain text and the
 * server matches the name whatever its case.
 */
/** What a field may be filled with, and the words beside it in the list (a person's name beside their email). */
export type Suggestion = { value: string; label?: string };

export function SuggestField({
  label,
  name,
  suggestions,
  defaultValue,
  hint,
  errors,
  className,
  inputMode,
}: {
  label: string;
  name: string;
  /** The resource route's path; `q` (and any query it already has) is added. */
  suggestions: string;
  defaultValue: string;
  hint?: string;
  errors?: string[];
  className?: string;
  inputMode?: "email" | "text";
}) {
  const fetcher = useFetcher<{ suggestions: Suggestion[] }>();
  const listId = useId();
  return (
    <>
      <Field
        label={label}
        hint={hint}
        errors={errors}
        name={name}
        defaultValue={defaultValue}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        className={className}
        inputMode={inputMode}
        data-suggestions={suggestions}
        onChange={(event) => {
          const text = event.currentTarget.value.trim();
          if (text)
            fetcher.load(
              `${suggestions}${suggestions.includes("?") ? "&" : "?"}${new URLSearchParams({ q: text })}`,
            );
        }}
      />
      <datalist id={listId}>
        {(fetcher.data?.suggestions ?? []).map((option) => (
          <option key={option.value} value={option.value} label={option.label} />
        ))}
      </datalist>
    </>
  );
}
