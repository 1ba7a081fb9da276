import { parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/admin.goals";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { PeriodSchema } from "~/modules/goals/forms";
import { closePeriod, createPeriod, periodsAdminPage } from "~/modules/goals/goals.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, postedText, type FieldErrors } from "~/utils/posted";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

/** Sent as HTML (decision 157): its forms post and redirect; a refused period keeps what was typed. */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("goals:admin.title") },
];

/** The goal periods: admins' (anyone else reads a 404, as goals.server decides). */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const page = await periodsAdminPage(viewer);
  return {
    ...page,
    suggestion: {
      name: page.suggestion.name,
      startsOn: dateToDay(page.suggestion.startsOn),
      endsOn: dateToDay(page.suggestion.endsOn),
    },
  };
});

const typedOf = (form: FormData) => postedText(form, ["name", "startsOn", "endsOn"]);

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    if (intent === "create") {
      const submission = parseWithZod(form, { schema: PeriodSchema });
      if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
      await createPeriod(viewer, submission.value);
    } else if (intent === "close") {
      await closePeriod(viewer, String(form.get("periodId") ?? ""));
    } else {
      throw new InvalidError({ key: "goals:errors.unknownAction" });
    }
    return redirect("/admin/goals");
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function GoalPeriods({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("goals");
  const f = useFormats();
  const busy = useSubmitting();
  const typed: Partial<Record<string, string>> = actionData?.typed ?? {};
  const errors: FieldErrors = actionData?.errors ?? {};
  return (
    <>
      <PageHeader title={t("admin.heading")} description={t("admin.intro")} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <Card className="mb-6">
        {loaderData.periods.length ? (
          <table className="w-full text-sm">
            <thead>
              <tr>
                <th scope="col" className="text-start">
                  {t("admin.columns.name")}
                </th>
                <th scope="col" className="text-start">
                  {t("admin.columns.dates")}
                </th>
                <th scope="col" className="text-start">
                  {t("admin.columns.objectives")}
                </th>
                <th scope="col" className="text-start">
                  {t("admin.columns.state")}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaderData.periods.map((period) => (
                <tr key={period.id}>
                  <td>{period.name}</td>
                  <td>
                    {t("tree.open", { start: f.day(period.startsOn), end: f.day(period.endsOn) })}
                  </td>
                  <td>{period.objectives}</td>
                  <td>
                    {period.closedAt ? (
                      t("admin.state", { state: "closed" })
                    ) : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="close" />
                        <input type="hidden" name="periodId" value={period.id} />
                        <Button type="submit" variant="secondary" disabled={busy}>
                          {t("admin.close", { name: period.name })}
                        </Button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm">{t("admin.none")}</p>
        )}
      </Card>
      <Card>
        <Form method="post" className="grid gap-2 sm:grid-cols-3">
          <input type="hidden" name="intent" value="create" />
          <Field
            label={t("admin.name")}
            name="name"
            defaultValue={typed.name ?? loaderData.suggestion.name}
            errors={errors.name}
          />
          <Field
            label={t("admin.startsOn")}
            name="startsOn"
            type="date"
            defaultValue={typed.startsOn ?? loaderData.suggestion.startsOn}
            errors={errors.startsOn}
          />
          <Field
            label={t("admin.endsOn")}
            name="endsOn"
            type="date"
            defaultValue={typed.endsOn ?? loaderData.suggestion.endsOn}
            errors={errors.endsOn}
          />
          <div>
            <Button type="submit" disabled={busy}>
              {t("admin.create")}
            </Button>
          </div>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
