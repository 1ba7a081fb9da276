import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.openings.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HiringAdminRoleHelp } from "~/components/hiring/hiring-admin-role";
import { SubmitButton } from "~/components/ui/button";
import {
  CheckboxField,
  Field,
  FormErrors,
  SelectField,
  TextareaField,
} from "~/components/ui/field";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { requireUser } from "~/modules/identity/permissions.server";
import { NewOpeningSchema } from "~/modules/hiring/forms";
import {
  createOpening,
  openingChoices,
  requireOpeningCreator,
} from "~/modules/hiring/openings.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("hiring:newOpening.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  return openingChoices(await requireUser(request), languageOf(context));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  requireOpeningCreator(viewer);
  const submission = parseWithZod(await formOf(request), { schema: NewOpeningSchema });
  if (submission.status !== "success")
    return data({ ...submission.reply(), roleToGrant: null }, { status: 400 });
  const result = await createOpening(viewer, submission.value);
  if (!result.ok)
    return data(
      {
        ...submission.reply({ fieldErrors: result.fieldErrors }),
        roleToGrant: result.roleToGrant ?? null,
      },
      { status: 400 },
    );
  return redirect(`/hiring/openings/${result.openingId}`);
});

export default function NewOpening({ loaderData, actionData }: Route.ComponentProps) {
  const { ladders, defaultLadderId } = loaderData;
  const lastResult = actionData;
  const { t } = useTranslation("hiring");
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
      <BackLink to="/hiring">{t("newOpening.back")}</BackLink>
      <PageHeader title={t("newOpening.heading")} description={t("newOpening.description")} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <Field
            label={t("newOpening.titleLabel")}
            hint={t("newOpening.titleHint")}
            autoComplete="off"
            errors={fields.title.errors}
            {...getInputProps(fields.title, { type: "text" })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label={t("newOpening.ladder")}
              errors={fields.ladderId.errors}
              {...getSelectProps(fields.ladderId)}
            >
              {ladders.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("newOpening.level")}
              errors={fields.levelId.errors}
              {...getSelectProps(fields.levelId)}
            >
              <option value="">{t("newOpening.chooseLevel")}</option>
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
            label={t("newOpening.admins")}
            hint={t("newOpening.adminsHint")}
            rows={2}
            errors={fields.adminEmails.errors}
            {...getTextareaProps(fields.adminEmails)}
          />
          {fields.adminEmails.errors ? (
            <HiringAdminRoleHelp roleToGrant={lastResult?.roleToGrant} />
          ) : null}
          <CheckboxField
            label={t("newOpening.starterPlan")}
            hint={t("newOpening.starterPlanHint")}
            {...getInputProps(fields.starterPlan, { type: "checkbox" })}
          />
          <FormErrors form={form} />
          <SubmitButton busyLabel={t("newOpening.busy")}>{t("newOpening.submit")}</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
