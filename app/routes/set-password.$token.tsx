import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/set-password.$token";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/people/password-fields";
import { SubmitButton } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { startSession } from "~/modules/identity/sessions/session.server";
import { SetPasswordSchema } from "~/modules/people/person-form";
import {
  findUsableSignInLink,
  setPasswordWithLink,
} from "~/modules/identity/sign-in-links/sign-in-link.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";

const invalidLink = { key: "auth:setPassword.errors.invalidLink" };

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:setPassword.title") },
  { name: "robots", content: "noindex" },
];

export const loader = withDomainErrors(async ({ params }: Route.LoaderArgs) => {
  const link = await findUsableSignInLink(params.token ?? "");
  if (!link) throw new NotFoundError(invalidLink);
  return { name: link.person.name, email: link.person.email };
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const submission = parseWithZod(await formOf(request), { schema: SetPasswordSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const result = await setPasswordWithLink(params.token ?? "", submission.value.password);
  if (!result.ok) throw new NotFoundError(invalidLink);
  // Every other session of this person has ended; this one starts fresh.
  return redirect("/", { headers: { "Set-Cookie": await startSession(result.personId) } });
});

export default function SetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { name, email } = loaderData;
  const lastResult = actionData;
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "set-password",
    lastResult,
    constraint: getZodConstraint(SetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  });
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">{t("setPassword.heading")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">
        {t("setPassword.intro", { name, email })}
      </p>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input
            type="text"
            name="username"
            autoComplete="username"
            value={email}
            readOnly
            hidden
          />
          <NewPasswordFields
            label={t("setPassword.newPassword")}
            password={fields.password}
            confirm={fields.confirm}
          />
          <FormErrors form={form} />
          <SubmitButton className="w-full" busyLabel={t("setPassword.saving")}>
            {t("setPassword.submit")}
          </SubmitButton>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
