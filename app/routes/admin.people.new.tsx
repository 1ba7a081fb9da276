import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/admin.people.new";
import { PersonFields } from "~/components/people/person-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/ui/button";
import { FormErrors } from "~/components/ui/field";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { translatorOf } from "~/i18n/i18n.server";
import { PersonSchema, wordedFieldErrors } from "~/modules/people/person-form";
import { createPerson, listTeamOptions } from "~/modules/people/service.server";
import { getTrackLevelCheck, getTrackOptions } from "~/modules/people/track-levels.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 158): the form posts and redirects to the new person's page, a refusal
 * comes back as a document with what was typed, and the manager's email suggests through the
 * document's one script.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("people:new.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const [teams, tracks] = await Promise.all([
    listTeamOptions(),
    getTrackOptions(languageOf(context)),
  ]);
  return { teams, tracks };
});

export const action = withDomainErrors(async ({ request, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await formOf(request), { schema: PersonSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createPerson(viewer.id, submission.value, await getTrackLevelCheck());
  if (!result.ok)
    return data(
      submission.reply({
        fieldErrors: wordedFieldErrors(translatorOf(context), result.fieldErrors),
        formErrors: result.formErrors,
      }),
      { status: 400 },
    );
  return redirect(`/admin/people/${result.personId}`);
});

export default function NewPerson({ loaderData, actionData }: Route.ComponentProps) {
  const { teams, tracks } = loaderData;
  const lastResult = actionData;
  const { t } = useTranslation("people");
  const [form, fields] = useForm({
    id: "new-person",
    lastResult,
    constraint: getZodConstraint(PersonSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PersonSchema }),
  });
  return (
    <>
      <BackLink to="/admin/people">{t("new.back")}</BackLink>
      <PageHeader title={t("new.heading")} description={t("new.description")} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <PersonFields fields={fields} teams={teams} tracks={tracks} />
          <FormErrors form={form} />
          <SubmitButton busyLabel={t("new.adding")}>{t("new.add")}</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
