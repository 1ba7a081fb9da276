import { Form } from "react-router";
import { Button, SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field } from "~/components/ui/field";
import { useTranslation } from "~/i18n/use-translation";
import type { SettingsInput } from "~/modules/promotions/forms";

/**
 * How one scope (the organisation, or one ladder) decides promotions: calibration or committees,
 * who may nominate, and the committee rules new windows copy.
 */
export function SettingsForm({
  values,
  own,
  error,
}: {
  values: SettingsInput;
  own: boolean;
  error?: string | null;
}) {
  const { t } = useTranslation("promotions");
  const idFor = (name: string) => `settings-${values.scope || "organisation"}-${name}`;
  return (
    <Form method="post" className="space-y-4">
      <input type="hidden" name="scope" value={values.scope} />
      <fieldset>
        <legend className="field-label">{t("settings.mode")}</legend>
        <div className="mt-1 space-y-1">
          {(["calibration", "committee"] as const).map((mode) => (
            <label key={mode} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value={mode}
                defaultChecked={values.mode === mode}
                className="mt-1"
              />
              <span>
                <span className="font-medium">{t(`mode.${mode}`)}</span>
                <span className="muted block text-xs">{t(`mode.${mode}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <CheckboxField
          id={idFor("self")}
          name="selfNomination"
          label={t("settings.selfNomination")}
          defaultChecked={values.selfNomination}
        />
        <CheckboxField
          id={idFor("sponsor")}
          name="sponsorNomination"
          label={t("settings.sponsorNomination")}
          hint={t("settings.sponsorNominationHint")}
          defaultChecked={values.sponsorNomination}
        />
        <CheckboxField
          id={idFor("above")}
          name="membersAtOrAbove"
          label={t("settings.membersAtOrAbove")}
          defaultChecked={values.membersAtOrAbove}
        />
        <CheckboxField
          id={idFor("redacted")}
          name="redactedFirstRead"
          label={t("settings.redactedFirstRead")}
          hint={t("settings.redactedFirstReadHint")}
          defaultChecked={values.redactedFirstRead}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field
          id={idFor("min")}
          name="minMembers"
          type="number"
          min={1}
          max={20}
          label={t("settings.minMembers")}
          defaultValue={values.minMembers}
        />
        <Field
          id={idFor("outside")}
          name="minOutsideMembers"
          type="number"
          min={0}
          max={10}
          label={t("settings.minOutsideMembers")}
          defaultValue={values.minOutsideMembers}
        />
        <Field
          id={idFor("wait")}
          name="waitWindowsAfterNotYet"
          type="number"
          min={0}
          max={4}
          label={t("settings.waitWindows")}
          hint={t("settings.waitWindowsHint")}
          defaultValue={values.waitWindowsAfterNotYet}
        />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {/* The pressed button names the intent: a hidden field came first and hid "clear". */}
        <SubmitButton name="intent" value="settings" busyLabel={t("settings.saving")}>
          {t("settings.save")}
        </SubmitButton>
        {values.scope && own ? (
          <Button type="submit" name="intent" value="clear" variant="secondary" formNoValidate>
            {t("settings.useOrganisation")}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
