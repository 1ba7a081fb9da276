import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form, data, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { translatorOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { wordsOf } from "~/i18n/messages";
import { buttonClass, SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { deviceTokenOf } from "~/modules/identity/sessions/devices.server";
import { attemptLogin } from "~/modules/identity/passwords/login.server";
import { getSignedIn, startSession } from "~/modules/identity/sessions/session.server";
import { signInOptions } from "~/modules/identity/single-sign-on/single-sign-on.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/redirect-target";
import { serverFacts } from "~/utils/server-facts";
import { plainHtml } from "~/utils/page-scripts";

const LoginSchema = z.object({
  // Keys, worded where the errors are shown (app/components/ui/field.tsx). The server checks with this
  // schema; the browser too when the app shows the page in place (after signing out, decision 134).
  email: z
    .string({ error: "auth:login.errors.emailRequired" })
    .trim()
    .email("auth:login.errors.emailInvalid"),
  password: z.string({ error: "auth:login.errors.passwordRequired" }),
  redirectTo: z.string().optional(),
});

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:login.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  if (await getSignedIn(request)) throw redirect("/");
  return signInOptions();
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const formData = await formOf(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const options = signInOptions();
  const t = translatorOf(context);
  if (!options.passwordLogin) {
    const message = t("auth:login.errors.passwordsOff", {
      provider: options.singleSignOn?.name ?? t("auth:login.errors.singleSignOn"),
    });
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), {
      status: 400,
    });
  }
  const result = await attemptLogin(
    email,
    password,
    context.get(serverFacts).clientAddress,
    deviceTokenOf(request.headers.get("Cookie")),
  );
  if (!result.ok) {
    return data(
      submission.reply({ formErrors: [wordsOf(t, result.message)], hideFields: ["password"] }),
      {
        status: result.reason === "throttled" ? 429 : 400,
      },
    );
  }
  const target = safeRedirectPath(redirectTo);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(result.userId));
  headers.append("Set-Cookie", result.deviceCookie);
  return redirect(target, { headers });
});

export default function Login({ loaderData, actionData }: Route.ComponentProps) {
  const { singleSignOn, passwordLogin } = loaderData;
  const lastResult = actionData;
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    // Not on blur: pressing the button blurs the password field, and a message that
    // disappeared then would move the button from under the pointer and lose the click.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  return (
    <div className="mx-auto max-w-md py-8">
      <h1 className="mb-2 text-2xl font-semibold">{t("login.heading")}</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">{t("login.intro")}</p>
      {singleSignOn ? (
        <div className="mb-6">
          {/* A document navigation: the browser goes on to the identity provider. */}
          <a
            href={`/auth/oidc${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}
            className={buttonClass(passwordLogin ? "secondary" : "primary", "w-full")}
          >
            {t("login.withProvider", { provider: singleSignOn.name })}
          </a>
        </div>
      ) : null}
      {passwordLogin ? (
        <Card>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Field
              label={t("login.email")}
              autoComplete="email"
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email" })}
            />
            <Field
              label={t("login.password")}
              autoComplete="current-password"
              errors={fields.password.errors}
              {...getInputProps(fields.password, { type: "password" })}
            />
            <FormErrors form={form} />
            <SubmitButton className="w-full" busyLabel={t("login.submitting")}>
              {t("login.submit")}
            </SubmitButton>
          </Form>
        </Card>
      ) : null}
      {passwordLogin ? (
        <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">{t("login.forgotten")}</p>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
