import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.settings";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useInstant } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { ErrorList, Field } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { requireUser } from "~/modules/identity/permissions.server";
import { retentionSetting, setRetention } from "~/modules/hiring/candidates.server";
import { RetentionSchema } from "~/modules/hiring/forms";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): saving redirects with `?done=saved`; a refused number comes back
 * with what was typed (conform's reply).
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("hiring:settings.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  return retentionSetting(await requireUser(request));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const submission = parseWithZod(await formOf(request), { schema: RetentionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  await setRetention(viewer, submission.value.retentionDays);
  return redirect("/hiring/settings?done=saved");
});

export default function RetentionSettings({ loaderData, actionData }: Route.ComponentProps) {
  const setting = loaderData;
  const when = useInstant();
  const { t } = useTranslation("hiring");
  const sending = useSubmitting();
  const saved = useDoneMessage({ saved: t("settings.saved") }, actionData);
  const [form, fields] = useForm({
    id: "retention",
    lastResult: actionData?.result,
    constraint: getZodConstraint(RetentionSchema),
    defaultValue: {
      retentionDays: setting.retentionDays === null ? "" : String(setting.retentionDays),
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RetentionSchema }),
  });
  return (
    <>
      <BackLink to="/hiring">{t("settings.back")}</BackLink>
      <PageHeader title={t("settings.heading")} description={t("settings.description")} />
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <Card className="max-w-xl">
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <Field
            label={t("settings.days")}
            hint={t("settings.daysHint")}
            errors={fields.retentionDays.errors}
            {...getInputProps(fields.retentionDays, { type: "number" })}
            min={1}
            max={3650}
          />
          <ErrorList id={form.errorId} errors={form.errors} />
          <Button type="submit" disabled={sending}>
            {t("settings.save")}
          </Button>
        </Form>
        {setting.updatedAt ? (
          <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">
            {setting.updatedBy
              ? t("settings.changedBy", { when: when(setting.updatedAt), name: setting.updatedBy })
              : t("settings.changed", { when: when(setting.updatedAt) })}
          </p>
        ) : null}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
