import { useFetcher } from "@remix-run/react";
import { useId } from "react";
import { Field } from "~/components/ui/field";

/**
 * A team, typed by name, with suggestions as people type: an organisation may have
 * hundreds of teams, too many for a drop-down. The suggestions come from
 * /admin/team-options; without JavaScript the field is plain text and the server
 * matches the name whatever its case.
 */
export function TeamField({ name, defaultValue, label = "Team", hint, errors, className }: { name: string; defaultValue: string; label?: string; hint?: string; errors?: string[]; className?: string }) {
  const suggestions = useFetcher<{ teams: string[] }>();
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
        onChange={(event) => {
          const text = event.currentTarget.value.trim();
          if (text) suggestions.load(`/admin/team-options?${new URLSearchParams({ q: text })}`);
        }}
      />
      <datalist id={listId}>
        {(suggestions.data?.teams ?? []).map((team) => (
          <option key={team} value={team} />
        ))}
      </datalist>
    </>
  );
}
