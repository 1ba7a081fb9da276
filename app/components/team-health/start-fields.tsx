import type { ReactNode } from "react";
import { CheckboxField, ErrorList, SelectField } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import { LIBRARY_ITEMS } from "~/modules/team-health/items";
import type { ShownOwnItem } from "~/modules/team-health/own-items";
import { MAX_EXTRA_ITEMS } from "~/modules/team-health/policy";
import { ItemText } from "./item-text";

/** `tooSmall`: the policy refuses the team, fewer members than the floor (startableTeams says). */
type StartableTeam = {
  id: string;
  name: string;
  members: number;
  floor: number;
  tooSmall: boolean;
};

/**
 * The fields a check-in starts with: its team (several, as checkboxes named `teamIds`, for an
 * ordinary check-in; one, as a select named `teamId`, for a live one) and the items asked besides
 * the core ones: the library's, and the organisation's own offered ones (decision 123), at most
 * MAX_EXTRA_ITEMS together. The ordinary start form (team-health.new) and the live one
 * (team-health.live._index) both show them; `chosen` is what the refused submission had.
 */
export function CheckInStartFields({
  teams,
  own,
  one,
  chosen,
  teamErrors,
  ownErrors,
}: {
  teams: readonly StartableTeam[];
  /** The organisation's own items offered, worded for the reader. */
  own: readonly (ShownOwnItem & { id: string })[];
  /** The live check-in's select of one team (labelled `one.label`); without it, checkboxes. */
  one?: { label: string };
  chosen?: {
    teamIds: readonly string[];
    libraryItems: readonly string[];
    ownItems: readonly string[];
  };
  teamErrors?: readonly string[] | null;
  /** Why the own items chosen may not be asked (more than could ever be). */
  ownErrors?: readonly string[] | null;
}) {
  const { t } = useTranslation("teamHealth");
  const teamLabel = (team: StartableTeam) =>
    t("new.team", { team: team.name, members: team.members });
  const tooSmall = (team: StartableTeam) =>
    team.tooSmall ? t("new.tooSmall", { floor: team.floor }) : undefined;
  return (
    <>
      {one ? (
        <SelectField
          label={one.label}
          name="teamId"
          defaultValue={chosen?.teamIds[0]}
          errors={teamErrors}
        >
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {teamLabel(team)}
              {tooSmall(team) ? ` (${tooSmall(team)})` : ""}
            </option>
          ))}
        </SelectField>
      ) : (
        <CheckboxGroup
          legend={t("new.teams")}
          name="teamIds"
          idPrefix="team"
          options={teams.map((team) => ({
            value: team.id,
            label: teamLabel(team),
            hint: tooSmall(team),
          }))}
          checked={chosen?.teamIds}
          errors={teamErrors}
        />
      )}
      <p className="muted text-sm">{t("new.extraItems", { max: MAX_EXTRA_ITEMS })}</p>
      <CheckboxGroup
        legend={t("new.library")}
        name="libraryItems"
        idPrefix="library"
        options={LIBRARY_ITEMS.map((item) => ({ value: item, label: t(`items.${item}`) }))}
        checked={chosen?.libraryItems}
      />
      {own.length ? (
        <CheckboxGroup
          legend={t("new.own")}
          name="ownItems"
          idPrefix="own"
          options={own.map((item) => ({
            value: item.id,
            label: <ItemText item={item.id} own={{ [item.id]: item }} />,
          }))}
          checked={chosen?.ownItems}
          errors={ownErrors}
        />
      ) : null}
    </>
  );
}

/** A fieldset of checkboxes under one name, each with the id `<idPrefix>-<value>`. */
function CheckboxGroup({
  legend,
  name,
  idPrefix,
  options,
  checked,
  errors,
}: {
  legend: string;
  name: string;
  idPrefix: string;
  options: readonly { value: string; label: ReactNode; hint?: string }[];
  checked?: readonly string[];
  errors?: readonly string[] | null;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      <div className="space-y-2">
        {options.map((option) => (
          <CheckboxField
            key={option.value}
            id={`${idPrefix}-${option.value}`}
            name={name}
            value={option.value}
            defaultChecked={checked?.includes(option.value)}
            label={option.label}
            hint={option.hint}
          />
        ))}
      </div>
      <ErrorList errors={errors} />
    </fieldset>
  );
}
