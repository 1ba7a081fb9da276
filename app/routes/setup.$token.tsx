import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/setup.$token";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/people/password-fields";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { startSession } from "~/modules/identity/sessions/session.server";
import { NotFoundError } from "~/modules/errors";
import { FirstAdminSchema } from "~/modules/identity/setup/first-admin-form";
import { becomeFirstAdmin, setupLinkRefusal } from "~/modules/identity/setup/first-admin.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:setup.title") },
  { name: "robots", content: "noindex" },
];

const refused = (reason: "link" | "taken") =>
  new NotFoundError({
    key: reason === "taken" ? "auth:setup.errors.takenLink" : "auth:setup.errors.invalidLink",
  });

export const loader = withDomainErrors(async ({ params }: Route.LoaderArgs) => {
  const refusal = await setupLinkRefusal(params.token ?? "");
  if (refusal) throw refused(refusal);
  return null;
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const submission = parseWithZod(await formOf(request), { schema: FirstAdminSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const result = await becomeFirstAdmin(params.token ?? "", submission.value);
  if (!result.ok && result.reason !== "deactivated") throw refused(result.reason);
  if (!result.ok)
    return data(
      submission.reply({
        fieldErrors: { email: [wordsOf(translatorOf(context), result.message)] },
        hideFields: ["password", "confirm"],
      }),
      { status: 400 },
    );
  return redirect("/admin/people", {
    headers: { "Set-Cookie": await startSession(result.personId) },
  });
});

export default function Setup({ actionData }: Route.ComponentProps) {
  const lastResult = actionData;
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "setup",
    lastResult,
    constraint: getZodConstraint(FirstAdminSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FirstAdminSchema }),
  });
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">{t("setup.heading")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">{t("setup.intro")}</p>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <Field
            label={t("setup.name")}
            autoComplete="name"
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: "text" })}
          />
          <Field
            label={t("setup.email")}
            autoComplete="email"
            errors={fields.email.errors}
            {...getInputProps(fields.email, { type: "email" })}
          />
          <NewPasswordFields
            label={t("setup.password")}
            password={fields.password}
            confirm={fields.confirm}
          />
          <FormErrors form={form} />
          <SubmitButton className="w-full" busyLabel={t("setup.settingUp")}>
            {t("setup.submit")}
          </SubmitButton>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
