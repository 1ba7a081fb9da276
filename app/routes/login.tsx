import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/login";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass, SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { deviceTokenOf } from "~/modules/identity/sessions/devices.server";
import { attemptLogin } from "~/modules/identity/passwords/login.server";
import { getSignedIn, startSession } from "~/modules/identity/sessions/session.server";
import { signInOptions } from "~/modules/identity/single-sign-on/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/redirect-target";
import { serverFacts } from "~/utils/server-facts";

const LoginSchema = z.object({
  email: z.string({ error: "Enter your email address." }).trim().email("Enter a valid email address."),
  password: z.string({ error: "Enter your password." }),
  redirectTo: z.string().optional(),
});

export const meta: Route.MetaFunction = () => [{ title: "Sign in · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  if (await getSignedIn(request)) throw redirect("/");
  return signInOptions();
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const options = signInOptions();
  if (!options.passwordLogin) {
    const message = `Passwords are turned off here: sign in with ${options.singleSignOn?.name ?? "single sign-on"}.`;
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 400 });
  }
  const result = await attemptLogin(email, password, context.get(serverFacts).clientAddress, deviceTokenOf(request.headers.get("Cookie")));
  if (!result.ok) {
    return data(submission.reply({ formErrors: [result.message], hideFields: ["password"] }), {
      status: result.reason === "throttled" ? 429 : 400,
    });
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
      <h1 className="mb-2 text-2xl font-semibold">Sign in to Rungs</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">Your ladder, reviews and growth plan in one place.</p>
      {singleSignOn ? (
        <div className="mb-6">
          {/* A document navigation: the browser goes on to the identity provider. */}
          <a
            href={`/auth/oidc${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ""}`}
            className={buttonClass(passwordLogin ? "secondary" : "primary", "w-full")}
          >
            Sign in with {singleSignOn.name}
          </a>
        </div>
      ) : null}
      {passwordLogin ? (
        <Card>
          <Form method="post" className="space-y-4" {...getFormProps(form)}>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Field
              label="Email"
              autoComplete="email"
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email" })}
            />
            <Field
              label="Password"
              autoComplete="current-password"
              errors={fields.password.errors}
              {...getInputProps(fields.password, { type: "password" })}
            />
            <FormErrors form={form} />
            <SubmitButton className="w-full" busyLabel="Signing in…">Sign in</SubmitButton>
          </Form>
        </Card>
      ) : null}
      {passwordLogin ? <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Forgotten your password? Ask an admin for a reset link.</p> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
