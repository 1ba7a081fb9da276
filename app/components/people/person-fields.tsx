import { getInputProps, getSelectProps, type FormMetadata } from "@conform-to/react";
import { CheckboxField, ErrorList, Field, SelectField } from "~/components/ui/field";
import { SuggestField } from "~/components/ui/suggest-field";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { PersonFormValue } from "~/modules/people/person-form";
import {
  levelChoice,
  sublevelChoice,
  trackChoice,
  type TrackOption,
} from "~/modules/people/track-level";

type Fields = ReturnType<FormMetadata<PersonFormValue, string[]>["getFieldset"]>;

/** The fields shared by "Add person" and "Edit person". */
export function PersonFields({
  fields,
  teams,
  tracks,
  currentManager,
  levelMovedAt,
}: {
  fields: Fields;
  teams: { id: string; name: string }[];
  tracks: TrackOption[];
  currentManager?: { name: string; email: string } | null;
  /** When Rungs last recorded a change of the person's level (editing only). */
  levelMovedAt?: Date | string | null;
}) {
  const { t } = useTranslation("people");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const ladders = [
    ...new Map(
      tracks.map((track) => [track.ladderId, { id: track.ladderId, name: track.ladderName }]),
    ).values(),
  ];
  const several = ladders.length > 1;
  // Tracks grouped by ladder, levels by track (and its ladder): a track or level id that several share is still one choice each.
  const levelGroup = (track: TrackOption) =>
    several ? `${track.name} (${track.ladderName})` : track.name;
  const withSublevels = tracks.flatMap((track) =>
    track.levels.filter((level) => level.sublevels?.length).map((level) => ({ track, level })),
  );
  const trackOptions = (ladderId: string) =>
    tracks
      .filter((track) => track.ladderId === ladderId)
      .map((track) => (
        <option
          key={trackChoice(track.ladderId, track.id)}
          value={trackChoice(track.ladderId, track.id)}
        >
          {track.name}
        </option>
      ));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={t("form.name")}
        autoComplete="off"
        errors={fields.name.errors}
        {...getInputProps(fields.name, { type: "text" })}
      />
      <Field
        label={t("form.email")}
        autoComplete="off"
        errors={fields.email.errors}
        {...getInputProps(fields.email, { type: "email" })}
      />
      <SelectField
        label={t("form.team")}
        errors={fields.teamId.errors}
        {...getSelectProps(fields.teamId)}
      >
        <option value="">{t("form.noTeam")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </SelectField>
      <ManagerField fields={fields} currentManager={currentManager} />
      <SelectField
        label={t("form.track")}
        hint={several ? t("form.trackHint") : undefined}
        errors={[...(fields.track.errors ?? []), ...(fields.ladder.errors ?? [])]}
        {...getSelectProps(fields.track)}
      >
        <option value="">{t("form.noTrack")}</option>
        {several
          ? ladders.map((ladder) => (
              <optgroup key={ladder.id} label={ladder.name}>
                {trackOptions(ladder.id)}
              </optgroup>
            ))
          : trackOptions(ladders[0]?.id ?? "")}
      </SelectField>
      <SelectField
        label={t("form.level")}
        hint={t("form.levelHint")}
        errors={fields.level.errors}
        {...getSelectProps(fields.level)}
      >
        <option value="">{t("form.noLevel")}</option>
        {tracks.map((track) => (
          <optgroup key={trackChoice(track.ladderId, track.id)} label={levelGroup(track)}>
            {track.levels.map((level) => (
              <option key={level.id} value={levelChoice(track.ladderId, track.id, level.id)}>
                {level.title}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      {withSublevels.length ? (
        <SelectField
          label={t("form.sublevel")}
          hint={t("form.sublevelHint")}
          errors={fields.sublevel.errors}
          {...getSelectProps(fields.sublevel)}
        >
          <option value="">{t("form.noSublevel")}</option>
          {withSublevels.map(({ track, level }) => (
            <optgroup
              key={levelChoice(track.ladderId, track.id, level.id)}
              label={common("level.withTrack", { level: level.title, track: levelGroup(track) })}
            >
              {(level.sublevels ?? []).map((sublevel) => (
                <option
                  key={sublevel.id}
                  value={sublevelChoice(track.ladderId, track.id, level.id, sublevel.id)}
                >
                  {level.title} · {sublevel.title}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
      ) : null}
      <Field
        label={t("form.levelSince")}
        hint={
          levelMovedAt
            ? t("form.levelSinceHintRecorded", { day: f.day(levelMovedAt) })
            : t("form.levelSinceHint")
        }
        errors={fields.levelSince.errors}
        {...getInputProps(fields.levelSince, { type: "date" })}
      />
      <fieldset className="sm:col-span-2">
        <legend className="mb-2 text-sm font-medium">{t("form.roles")}</legend>
        <div className="space-y-2">
          <CheckboxField
            label={t("form.admin")}
            hint={t("form.adminHint")}
            {...getInputProps(fields.isAdmin, { type: "checkbox" })}
          />
          <ErrorList id={fields.isAdmin.errorId} errors={fields.isAdmin.errors} />
          <CheckboxField
            label={t("form.hiringAdmin")}
            hint={t("form.hiringAdminHint")}
            {...getInputProps(fields.isHiringAdmin, { type: "checkbox" })}
          />
        </div>
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{t("form.managerNote")}</p>
      </fieldset>
    </div>
  );
}

/**
 * The manager is chosen by email. As the admin types, active people whose name or email matches
 * are offered, each email with its person's name (`/admin/people-options`); without JavaScript the
 * email is typed in full.
 */
function ManagerField({
  fields,
  currentManager,
}: {
  fields: Fields;
  currentManager?: { name: string; email: string } | null;
}) {
  const { t } = useTranslation("people");
  return (
    <div>
      <SuggestField
        label={t("form.managerEmail")}
        name={fields.managerEmail.name}
        suggestions="/admin/people-options"
        defaultValue={fields.managerEmail.initialValue ?? ""}
        inputMode="email"
        hint={
          currentManager
            ? t("form.managerHintCurrent", { name: currentManager.name })
            : t("form.managerHint")
        }
        errors={fields.managerEmail.errors}
      />
    </div>
  );
}
