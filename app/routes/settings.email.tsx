import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/settings.email";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TimeZoneOptions } from "~/components/time-zone-options";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { Button } from "~/components/ui/button";
import { FormErrors, SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { LANGUAGES, languages } from "~/i18n/languages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireSignedIn } from "~/modules/identity/sessions/session.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { choosePersonLanguage } from "~/modules/people/language.server";
import { DIGEST_HOUR } from "~/modules/notifications/plan";
import { preferencesFormSchema } from "~/modules/notifications/preferences";
import {
  notificationSettings,
  saveNotificationSettings,
} from "~/modules/notifications/preferences.server";
import { timeZoneNames } from "~/modules/time-zones";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): every email links here, so the page opens as a document. Saving
 * redirects with `?done=saved`; a refused form comes back with what was chosen (conform's reply).
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:emailSettings.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const { viewer, language } = await requireSignedIn(request);
  const settings = await notificationSettings(viewer.id);
  return { ...settings, language, timeZones: timeZoneNames(settings.timeZone) };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const form = await formOf(request);
  // The language has a form of its own: the page comes back in it.
  if (form.get("intent") === "language") {
    await choosePersonLanguage(viewer.id, String(form.get("language") ?? ""));
    return redirect("/settings/email");
  }
  const submission = parseWithZod(form, { schema: preferencesFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await saveNotificationSettings(viewer.id, submission.value);
  return redirect("/settings/email?done=saved");
});

const NUDGES = [
  ["nudgeNew", "emailSettings.nudges.new"],
  ["nudgeDueSoon", "emailSettings.nudges.dueSoon"],
  ["nudgeOverdue", "emailSettings.nudges.overdue"],
  ["nudgeScorecard", "emailSettings.nudges.scorecard"],
  ["invitations", "emailSettings.nudges.invitations"],
] as const;

function LanguageForm({ language }: { language: string | null }) {
  const { t } = useTranslation();
  return (
    <Card>
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="language" />
        <SelectField
          label={t("language.label")}
          name="language"
          defaultValue={language ?? ""}
          className="min-w-64"
        >
          <option value="">{t("language.automatic")}</option>
          {languages.map((code) => (
            <option key={code} value={code} lang={LANGUAGES[code].locale}>
              {LANGUAGES[code].name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="secondary">
          {t("language.save")}
        </Button>
      </Form>
    </Card>
  );
}

export default function EmailSettings({ loaderData, actionData }: Route.ComponentProps) {
  const settings = loaderData;
  const sending = useSubmitting();
  const { preferences } = settings;
  const { t } = useTranslation("auth");
  const f = useFormats();
  const { t: exportsT } = useTranslation("exports");
  const { t: apiT } = useTranslation("api");
  const saved = useDoneMessage({ saved: t("emailSettings.saved") }, actionData);
  const [form, fields] = useForm({
    id: "email-settings",
    lastResult: actionData?.result,
    constraint: getZodConstraint(preferencesFormSchema),
    defaultValue: {
      digest: preferences.digest,
      nudgeNew: preferences.nudgeNew ? "on" : undefined,
      nudgeDueSoon: preferences.nudgeDueSoon ? "on" : undefined,
      nudgeOverdue: preferences.nudgeOverdue ? "on" : undefined,
      nudgeScorecard: preferences.nudgeScorecard ? "on" : undefined,
      invitations: preferences.invitations ? "on" : undefined,
      paused: preferences.paused ? "on" : undefined,
      timeZone: settings.timeZone ?? "",
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: preferencesFormSchema }),
  });
  return (
    <>
      <PageHeader title={t("emailSettings.heading")} description={t("emailSettings.description")} />
      {settings.emailOn ? null : <Alert tone="info">{t("emailSettings.emailOff")}</Alert>}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <Card className="max-w-2xl">
        <Form method="post" className="space-y-6" {...getFormProps(form)}>
          <RadioGroupField
            legend={t("emailSettings.digest.legend", { time: f.clock(DIGEST_HOUR) })}
            field={fields.digest}
            options={[
              ["weekly", t("emailSettings.digest.weekly")],
              ["daily", t("emailSettings.digest.daily")],
              ["never", t("emailSettings.digest.never")],
            ]}
            inline
          />
          <fieldset>
            <legend className="mb-2 text-sm font-medium">{t("emailSettings.nudges.legend")}</legend>
            <div className="space-y-2">
              {NUDGES.map(([name, key]) => (
                <label key={name} className="flex items-center gap-2 text-sm">
                  <input
                    {...getInputProps(fields[name], { type: "checkbox" })}
                    className="size-4"
                  />
                  {t(key)}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input {...getInputProps(fields.paused, { type: "checkbox" })} className="size-4" />
            {t("emailSettings.pause")}
          </label>
          <SelectField
            label={t("emailSettings.timeZone")}
            hint={t("emailSettings.timeZoneHint", {
              zone: settings.organisationTimeZone,
              time: f.clock(DIGEST_HOUR),
            })}
            errors={fields.timeZone.errors}
            {...getSelectProps(fields.timeZone)}
          >
            <TimeZoneOptions
              zones={settings.timeZones}
              organisation={settings.organisationTimeZone}
            />
          </SelectField>
          <FormErrors form={form} />
          <Button type="submit" disabled={sending}>
            {t("emailSettings.save")}
          </Button>
        </Form>
      </Card>
      <div className="mt-6 max-w-2xl">
        <LanguageForm language={settings.language} />
      </div>
      <p className="mt-6 max-w-2xl text-sm">
        <Link to="/settings/export" className="text-brand-600 hover:underline dark:text-brand-100">
          {exportsT("page.link")}
        </Link>
      </p>
      <p className="mt-2 max-w-2xl text-sm">
        <Link to="/settings/api" className="text-brand-600 hover:underline dark:text-brand-100">
          {apiT("account.link")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
