import { parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect, useSearchParams } from "react-router";
import { useState } from "react";
import type { Route } from "./+types/goals.objectives.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { ObjectiveSchema } from "~/modules/goals/forms";
import { createObjective, newObjectiveChoices } from "~/modules/goals/goals.server";
import { COMMITMENTS } from "~/modules/goals/progress";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, postedText, type FieldErrors } from "~/utils/posted";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("goals:new.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return newObjectiveChoices(viewer, new URL(request.url).searchParams.get("period"));
});

const typedOf = (form: FormData) =>
  postedText(form, [
    "periodId",
    "level",
    "teamId",
    "title",
    "why",
    "commitment",
    "parentId",
    "ownerEmail",
  ]);

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: ObjectiveSchema });
    if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
    const id = await createObjective(viewer, submission.value);
    return redirect(`/goals/objectives/${id}`);
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function NewObjective({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("goals");
  const { t: common } = useTranslation("common");
  const busy = useSubmitting();
  const typed: Partial<Record<string, string>> = actionData?.typed ?? {};
  const errors: FieldErrors = actionData?.errors ?? {};
  const levels = (["person", "team", "company"] as const).filter(
    (level) => loaderData.levels[level],
  );
  const [level, setLevel] = useState<string>(typed.level ?? "person");
  // The objectives one may support are the chosen period's: choosing another loads its list.
  const [, setSearchParams] = useSearchParams();
  return (
    <>
      <BackLink to="/goals">{t("objective.back")}</BackLink>
      <PageHeader title={t("new.heading")} description={t("new.intro")} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <Card>
        {loaderData.periodId ? (
          <Form method="post" className="space-y-3">
            <SelectField
              label={t("new.period")}
              name="periodId"
              defaultValue={typed.periodId ?? loaderData.periodId}
              onChange={(event) =>
                setSearchParams(
                  { period: event.currentTarget.value },
                  { replace: true, preventScrollReset: true },
                )
              }
              errors={errors.periodId}
            >
              {loaderData.periods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("new.level")}
              name="level"
              value={level}
              onChange={(event) => setLevel(event.currentTarget.value)}
              errors={errors.level}
            >
              {levels.map((value) => (
                <option key={value} value={value}>
                  {t("new.levelOption", { level: value })}
                </option>
              ))}
            </SelectField>
            {level === "team" ? (
              <SelectField
                label={t("new.team")}
                name="teamId"
                defaultValue={typed.teamId}
                errors={errors.teamId}
              >
                {loaderData.teams.map((team) => (
                  <option key={team.id} value={team.id}>
                    {team.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <Field
              label={t("new.objectiveTitle")}
              name="title"
              defaultValue={typed.title}
              errors={errors.title}
            />
            <TextareaField
              label={t("new.why")}
              hint={t("new.whyHint")}
              name="why"
              rows={2}
              defaultValue={typed.why}
              errors={errors.why}
            />
            <fieldset>
              <legend className="text-sm font-medium">{t("new.commitment")}</legend>
              {COMMITMENTS.map((commitment) => (
                <label key={commitment} className="mt-1 flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name="commitment"
                    value={commitment}
                    defaultChecked={(typed.commitment ?? "committed") === commitment}
                  />
                  <span>
                    {commitment === "committed"
                      ? t("new.committedHint")
                      : t("new.aspirationalHint")}
                  </span>
                </label>
              ))}
            </fieldset>
            {level !== "company" ? (
              <SelectField
                label={t("new.parent")}
                name="parentId"
                defaultValue={typed.parentId}
                errors={errors.parentId}
              >
                <option value="">{t("new.noParent")}</option>
                {loaderData.parents
                  .filter((parent) => level === "person" || parent.level === "company")
                  .map((parent) => (
                    <option key={parent.id} value={parent.id}>
                      {common("list.labelled", {
                        label: t("tree.level", {
                          level: parent.level,
                          team: parent.teamName ?? "",
                        }),
                      })}{" "}
                      {parent.title}
                    </option>
                  ))}
              </SelectField>
            ) : null}
            {level !== "person" ? (
              <Field
                label={t("new.owner")}
                hint={t("new.ownerHint")}
                name="ownerEmail"
                type="email"
                defaultValue={typed.ownerEmail}
                errors={errors.ownerEmail}
              />
            ) : null}
            <Button type="submit" disabled={busy}>
              {t("new.submit")}
            </Button>
          </Form>
        ) : (
          <p className="text-sm">{t("new.noPeriod")}</p>
        )}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
