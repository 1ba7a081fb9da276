import type { FieldMetadata } from "@conform-to/react";
import { useId, useState } from "react";
import { ErrorList, inputClass } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";

type Team = { id: string; name: string; eligible: number };

/**
 * Checkboxes for the teams taking part. Organisations have hundreds of teams, so the
 * list scrolls and can be narrowed by name; narrowing only hides boxes, it never
 * unticks them, and the count of chosen teams stays visible. The boxes stay usable
 * (only dimmed) while "Everyone" is chosen, so the form works before scripts load;
 * the server ignores them then.
 */
export function CycleTeamPicker<Schema, FormSchema extends Record<string, unknown>>({
  field,
  teams,
  inactive,
}: {
  /** The form's list of team ids: the boxes start ticked as it is (give the picker `key={form.key}` to start afresh when the form resets). */
  field: FieldMetadata<Schema, FormSchema, string[]>;
  teams: Team[];
  /** "Everyone" is chosen: the teams do not matter. */
  inactive: boolean;
}) {
  const { t } = useTranslation("cycles");
  const { name, errors, errorId } = field;
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState(() => {
    const defaultValue = (field.value as string[] | string | undefined) ?? [];
    return new Set(Array.isArray(defaultValue) ? defaultValue : [defaultValue]);
  });
  const needle = query.trim().toLowerCase();
  const people = teams
    .filter((team) => chosen.has(team.id))
    .reduce((sum, team) => sum + team.eligible, 0);
  return (
    <fieldset
      aria-describedby={`${id}-count${errors?.length ? ` ${errorId}` : ""}`}
      className={inactive ? "opacity-80" : undefined}
    >
      <legend className="mb-1 text-sm font-medium">
        {t(inactive ? "teamPicker.legendInactive" : "teamPicker.legend")}
      </legend>
      <label htmlFor={`${id}-filter`} className="sr-only">
        {t("teamPicker.filter")}
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        placeholder={t("teamPicker.filter")}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        className={`${inputClass} mb-2`}
      />
      <div className="max-h-72 overflow-y-auto rounded-md border border-slate-200 p-2 dark:border-slate-700">
        {teams.length === 0 ? (
          <p className="p-1 text-sm text-slate-600 dark:text-slate-300">
            {t("teamPicker.noTeams")}
          </p>
        ) : null}
        <ul className="space-y-1">
          {teams.map((team) => (
            <li
              key={team.id}
              hidden={
                needle !== "" && !team.name.toLowerCase().includes(needle) && !chosen.has(team.id)
              }
            >
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name={name}
                  value={team.id}
                  checked={chosen.has(team.id)}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.currentTarget.checked) next.add(team.id);
                    else next.delete(team.id);
                    setChosen(next);
                  }}
                  className="size-4 rounded border-slate-300"
                />
                <span>{team.name}</span>
                <span className="ms-auto tabular-nums text-slate-700 dark:text-slate-300">
                  {t("teamPicker.eligible", { count: team.eligible })}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </div>
      <p
        id={`${id}-count`}
        className="mt-1 text-xs text-slate-700 dark:text-slate-300"
        aria-live="polite"
      >
        {chosen.size === 0
          ? t("teamPicker.noneChosen")
          : t("teamPicker.chosen", { teams: chosen.size, people })}
      </p>
      <ErrorList id={errorId} errors={errors} />
    </fieldset>
  );
}
