import { parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/team-health.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckInStartFields } from "~/components/team-health/start-fields";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field } from "~/components/ui/field";
import { Alert, PageHeader } from "~/components/ui/page";
import { languageOf } from "~/i18n/i18n.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { NotFoundError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { StartSchema } from "~/modules/team-health/forms";
import { DEFAULT_DAYS } from "~/modules/team-health/policy";
import { startableTeams, startCheckIn } from "~/modules/team-health/team-health.server";
import { offeredOwnItems } from "~/modules/team-health/own-items.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, type FieldErrors } from "~/utils/posted";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:new.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const teams = await startableTeams(viewer);
  if (!teams.length) throw new NotFoundError();
  return { teams, own: await offeredOwnItems(languageOf(context)), defaultDays: DEFAULT_DAYS };
});

const typedOf = (form: FormData) => ({
  teamIds: form.getAll("teamIds").map(String),
  libraryItems: form.getAll("libraryItems").map(String),
  ownItems: form.getAll("ownItems").map(String),
  askComment: form.get("askComment") === "on",
  days: String(form.get("days") ?? ""),
});

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: StartSchema });
    if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
    await startCheckIn(viewer, submission.value);
    return redirect("/team-health");
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function NewCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const errors = actionData?.errors ?? {};
  const typed = actionData?.typed;
  return (
    <>
      <PageHeader title={t("new.heading")} description={t("new.intro")} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <Form method="post" className="max-w-2xl space-y-4">
        <CheckInStartFields
          teams={loaderData.teams}
          own={loaderData.own}
          chosen={typed}
          teamErrors={errors.teamIds}
          ownErrors={errors.ownItems}
        />
        <CheckboxField
          id="ask-comment"
          name="askComment"
          defaultChecked={typed?.askComment}
          label={t("new.askComment")}
        />
        <Field
          label={t("new.days")}
          name="days"
          type="number"
          min={1}
          max={30}
          defaultValue={typed?.days ?? String(loaderData.defaultDays)}
          errors={errors.days}
        />
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
