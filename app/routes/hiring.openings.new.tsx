import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/hiring.openings.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringAdminRoleHelp } from "~/components/hiring/hiring-admin-role";
import { SubmitButton } from "~/components/ui/button";
import { CheckboxField, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { NewOpeningSchema } from "~/modules/hiring/forms";
import { createOpening, openingChoices, requireOpeningCreator } from "~/modules/hiring/openings.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = () => [{ title: "Open a role · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  return openingChoices(await requireUser(request));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  requireOpeningCreator(viewer);
  const submission = parseWithZod(await request.formData(), { schema: NewOpeningSchema });
  if (submission.status !== "success") return data({ ...submission.reply(), roleToGrant: null }, { status: 400 });
  const result = await createOpening(viewer, submission.value);
  if (!result.ok) return data({ ...submission.reply({ fieldErrors: result.fieldErrors }), roleToGrant: result.roleToGrant ?? null }, { status: 400 });
  return redirect(`/hiring/openings/${result.openingId}`);
});

export default function NewOpening({ loaderData, actionData }: Route.ComponentProps) {
  const { ladders, defaultLadderId } = loaderData;
  const lastResult = actionData;
  const [form, fields] = useForm({
    id: "new-opening",
    lastResult,
    constraint: getZodConstraint(NewOpeningSchema),
    defaultValue: { ladderId: defaultLadderId, starterPlan: "on" },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewOpeningSchema }),
  });
  const ladder = ladders.find((candidate) => candidate.id === fields.ladderId.value) ?? ladders[0];
  return (
    <>
      <BackLink to="/hiring">Hiring</BackLink>
      <PageHeader title="Open a role" description="The role is a level on a ladder: its competencies are what the interview plan has to cover, and the ladder's interview material becomes the kits." />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <Field label="Title" hint="For example “Senior Engineer, Payments”." autoComplete="off" errors={fields.title.errors} {...getInputProps(fields.title, { type: "text" })} />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Ladder" errors={fields.ladderId.errors} {...getSelectProps(fields.ladderId)}>
              {ladders.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Level" errors={fields.levelId.errors} {...getSelectProps(fields.levelId)}>
              <option value="">Choose a level</option>
              {(ladder?.tracks ?? []).map((track) => (
                <optgroup key={track.id} label={track.name}>
                  {track.levels.map((level) => (
                    <option key={level.id} value={level.id}>
                      {level.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          </div>
          <TextareaField
            label="Other hiring admins (optional)"
            hint="You are one. They see every scorecard of this opening's candidates and record decisions: one email per line."
            rows={2}
            errors={fields.adminEmails.errors}
            {...getTextareaProps(fields.adminEmails)}
          />
          {fields.adminEmails.errors ? <HiringAdminRoleHelp roleToGrant={lastResult?.roleToGrant} /> : null}
          <CheckboxField
            label="Start the plan with one stage per area of the ladder"
            hint="Each stage covers the level's competencies in that area; rename, regroup or remove stages afterwards."
            {...getInputProps(fields.starterPlan, { type: "checkbox" })}
          />
          <FormErrors form={form} />
          <SubmitButton busyLabel="Opening…">Open role</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
