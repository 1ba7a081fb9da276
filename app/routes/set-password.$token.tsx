import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { startSession } from "~/modules/auth/session.server";
import { PASSWORD_MIN_LENGTH, SetPasswordSchema } from "~/modules/people/person-form";
import { findUsableSignInLink, setPasswordWithLink } from "~/modules/people/sign-in-link.server";
import { NotFoundError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";

const invalidLink = "This sign-in link is not valid. It may have expired, been used already, or been replaced by a newer link. Ask an admin for a new one.";

export const meta: MetaFunction = () => [{ title: "Choose a password · Rungs" }, { name: "robots", content: "noindex" }];

export const loader = withDomainErrors(async ({ params }: LoaderFunctionArgs) => {
  const link = await findUsableSignInLink(params.token ?? "");
  if (!link) throw new NotFoundError(invalidLink);
  return { name: link.person.name, email: link.person.email };
});

export const action = withDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const submission = parseWithZod(await request.formData(), { schema: SetPasswordSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const result = await setPasswordWithLink(params.token ?? "", submission.value.password);
  if (!result.ok) throw new NotFoundError(invalidLink);
  // Every other session of this person has ended; this one starts fresh.
  return redirect("/", { headers: { "Set-Cookie": await startSession(result.personId) } });
});

export default function SetPassword() {
  const { name, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
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
      <h1 className="mb-2 text-2xl font-semibold">Choose a password</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">
        Welcome, {name}. Choose a password for {email}; you will be signed in, and signed out everywhere else.
      </p>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <Field
            label="New password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
            errors={fields.password.errors}
            {...getInputProps(fields.password, { type: "password" })}
          />
          <Field
            label="Type it again"
            autoComplete="new-password"
            errors={fields.confirm.errors}
            {...getInputProps(fields.confirm, { type: "password" })}
          />
          <FormErrors form={form} />
          <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Saving…" : "Set password and sign in"}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
