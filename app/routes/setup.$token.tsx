import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/setup.$token";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NewPasswordFields } from "~/components/people/password-fields";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { Card } from "~/components/ui/page";
import { startSession } from "~/modules/identity/sessions/session.server";
import { NotFoundError } from "~/modules/errors";
import { FirstAdminSchema } from "~/modules/identity/setup/first-admin-form";
import { becomeFirstAdmin, setupLinkRefusal } from "~/modules/identity/setup/first-admin.server";
import { withDomainErrors } from "~/utils/http.server";

const invalidLink =
  "This setup link is not valid. It may have expired (links last 24 hours), or not be the whole link. Restart the server on an empty database for a new link, or run npm run admin.";
const takenLink =
  "Rungs has its first admin now: this setup link was used, so it no longer works. If that was you, sign in with the email and password you chose; if not, ask that admin for access.";

export const meta: Route.MetaFunction = () => [{ title: "Set up Rungs · Rungs" }, { name: "robots", content: "noindex" }];

const refused = (reason: "link" | "taken") => new NotFoundError(reason === "taken" ? takenLink : invalidLink);

export const loader = withDomainErrors(async ({ params }: Route.LoaderArgs) => {
  const refusal = await setupLinkRefusal(params.token ?? "");
  if (refusal) throw refused(refusal);
  return null;
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const submission = parseWithZod(await request.formData(), { schema: FirstAdminSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  }
  const result = await becomeFirstAdmin(params.token ?? "", submission.value);
  if (!result.ok && result.reason !== "deactivated") throw refused(result.reason);
  if (!result.ok) return data(submission.reply({ fieldErrors: { email: [result.message] }, hideFields: ["password", "confirm"] }), { status: 400 });
  return redirect("/admin/people", { headers: { "Set-Cookie": await startSession(result.personId) } });
});

export default function Setup({ actionData }: Route.ComponentProps) {
  const lastResult = actionData;
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
      <h1 className="mb-2 text-2xl font-semibold">Set up Rungs</h1>
      <p className="mb-6 text-slate-600 dark:text-slate-300">
        You are the first person here: you become Rungs&apos; first admin. Then add or import your people, and turn on single sign-on if your company uses it.
      </p>
      <Card>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <Field label="Your name" autoComplete="name" errors={fields.name.errors} {...getInputProps(fields.name, { type: "text" })} />
          <Field label="Your work email" autoComplete="email" errors={fields.email.errors} {...getInputProps(fields.email, { type: "email" })} />
          <NewPasswordFields label="Password" password={fields.password} confirm={fields.confirm} />
          <FormErrors form={form} />
          <SubmitButton className="w-full" busyLabel="Setting up…">Become the first admin</SubmitButton>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
