import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/opportunities.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { PostOpportunitySchema } from "~/modules/opportunities/forms";
import {
  mayPost,
  postingChoices,
  postOpportunity,
} from "~/modules/opportunities/opportunities.server";
import { OPPORTUNITY_KINDS } from "~/modules/opportunities/policy";
import { withFormRefusals, withDomainErrors } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("opportunities:new.title") },
];

/** The posting form, for the ladder `?ladder=` names (else the first served): its competencies and levels. */
export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  if (!(await mayPost(viewer.id))) throw new NotFoundError();
  const ladders = await postingChoices(languageOf(context));
  const asked = url.searchParams.get("ladder");
  const ladder = asked === null ? ladders[0] : ladders.find((choice) => choice.id === asked);
  if (asked !== null && !ladder) throw new InvalidError({ key: "opportunities:errors.ladder" });
  if (!ladder) throw new NotFoundError();
  const today = clock.now().getTime();
  const inDays = (days: number) => dateToDay(new Date(today + days * 24 * 60 * 60 * 1000));
  return {
    ladders: ladders.map(({ id, name }) => ({ id, name })),
    ladder,
    defaults: { startsOn: inDays(14), endsOn: inDays(14 + 90) },
  };
});

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: PostOpportunitySchema });
    if (submission.status !== "success")
      return data({ reply: submission.reply(), error: null as string | null }, { status: 400 });
    const id = await postOpportunity(viewer, submission.value);
    return redirect(`/opportunities/${id}`);
  },
  () => ({ reply: undefined }),
);

export default function NewOpportunity({ loaderData, actionData }: Route.ComponentProps) {
  const { ladders, ladder, defaults } = loaderData;
  const { t } = useTranslation("opportunities");
  const sending = useSubmitting();
  const [form, fields] = useForm({
    id: "post-opportunity",
    lastResult: actionData?.reply,
    constraint: getZodConstraint(PostOpportunitySchema),
    defaultValue: { ...defaults, ladderId: ladder.id, kind: "project", hoursPerWeek: "4" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PostOpportunitySchema }),
  });
  return (
    <>
      <BackLink to="/opportunities">{t("list.heading")}</BackLink>
      <PageHeader title={t("new.heading")} description={t("new.intro")} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      {ladders.length > 1 ? (
        <Form method="get" className="mb-4 flex items-end gap-2">
          <SelectField label={t("new.ladder")} name="ladder" defaultValue={ladder.id}>
            {ladders.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary">
            {t("new.switchLadder")}
          </Button>
        </Form>
      ) : null}
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-3" {...getFormProps(form)}>
          <input type="hidden" name="ladderId" value={ladder.id} />
          <SelectField
            label={t("new.kind")}
            errors={fields.kind.errors}
            {...getSelectProps(fields.kind)}
          >
            {OPPORTUNITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t("kinds", { kind })}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("new.titleField")}
            errors={fields.title.errors}
            {...getInputProps(fields.title, { type: "text" })}
          />
          <TextareaField
            label={t("new.description")}
            rows={4}
            errors={fields.description.errors}
            {...getTextareaProps(fields.description)}
          />
          <fieldset>
            <legend className="text-sm font-medium">{t("new.competencies")}</legend>
            <p className="muted text-xs">{t("new.competenciesHint")}</p>
            <div className="mt-1 grid gap-1 sm:grid-cols-2">
              {ladder.competencies.map((competency) => (
                <label key={competency.id} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="checkbox"
                    name={fields.competencyIds.name}
                    value={competency.id}
                  />
                  {competency.name}
                </label>
              ))}
            </div>
            <ErrorList errors={fields.competencyIds.errors} />
          </fieldset>
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t("new.minLevel")}
              errors={fields.minLevel.errors}
              {...getSelectProps(fields.minLevel)}
            >
              <LevelOptions levels={ladder.levels} anyLevel={t("new.anyLevel")} />
            </SelectField>
            <SelectField
              label={t("new.maxLevel")}
              errors={fields.maxLevel.errors}
              {...getSelectProps(fields.maxLevel)}
            >
              <LevelOptions levels={ladder.levels} anyLevel={t("new.anyLevel")} />
            </SelectField>
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label={t("new.hours")}
              errors={fields.hoursPerWeek.errors}
              {...getInputProps(fields.hoursPerWeek, { type: "number" })}
            />
            <Field
              label={t("new.startsOn")}
              errors={fields.startsOn.errors}
              {...getInputProps(fields.startsOn, { type: "date" })}
            />
            <Field
              label={t("new.endsOn")}
              errors={fields.endsOn.errors}
              {...getInputProps(fields.endsOn, { type: "date" })}
            />
          </div>
          <FormErrors form={form} />
          <Button type="submit" disabled={sending}>
            {t("new.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}

function LevelOptions({
  levels,
  anyLevel,
}: {
  levels: { id: string; title: string; track: string }[];
  anyLevel: string;
}) {
  return (
    <>
      <option value="">{anyLevel}</option>
      {levels.map((level) => (
        <option key={level.id} value={level.id}>
          {level.title} ({level.track})
        </option>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
