import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.join";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TimeZoneOptions } from "~/components/time-zone-options";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MAX_GOALS, MenteeOptInSchema, MentorOptInSchema } from "~/modules/mentorship/forms";
import type { Role } from "~/modules/mentorship/lifecycle";
import { optInPage, saveOptIn, withdrawOptIn } from "~/modules/mentorship/opt-in.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { choiceParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("mentorship:join.title", { role: loaderData.role, name: loaderData.programme.name })
        : t("mentorship:join.titleUnknown"),
    },
  ];
};

function roleOf(url: URL): Role {
  const role = choiceParam(url.searchParams, "as", ["mentee", "mentor"] as const, "role");
  if (!role) throw new InvalidError({ key: "mentorship:join.errors.roleMissing" });
  return role;
}

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    return optInPage(viewer, params.programmeId ?? "", roleOf(url), undefined, languageOf(context));
  },
);

export const action = withDomainErrors(
  async ({ request, url, params, context }: Route.ActionArgs) => {
    const viewer = await requireUser(request);
    const programmeId = params.programmeId ?? "";
    const role = roleOf(url);
    const form = await formOf(request);
    // The module's refusals carry values (a capacity), which a form's keys cannot: worded here.
    const t = translatorOf(context);
    const worded = (fieldErrors: Record<string, Message[]>) =>
      Object.fromEntries(
        Object.entries(fieldErrors).map(([field, messages]) => [
          field,
          messages.map((message) => wordsOf(t, message)),
        ]),
      );
    if (form.get("intent") === "withdraw") {
      await withdrawOptIn(viewer, programmeId, role);
      return redirect(`/mentorship/${programmeId}`);
    }
    if (role === "mentee") {
      const submission = parseWithZod(form, { schema: MenteeOptInSchema });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const result = await saveOptIn(viewer, programmeId, { role, ...submission.value });
      if (!result.ok)
        return data(submission.reply({ fieldErrors: worded(result.fieldErrors) }), { status: 400 });
    } else {
      const submission = parseWithZod(form, { schema: MentorOptInSchema });
      if (submission.status !== "success") return data(submission.reply(), { status: 400 });
      const result = await saveOptIn(viewer, programmeId, { role, ...submission.value });
      if (!result.ok)
        return data(submission.reply({ fieldErrors: worded(result.fieldErrors) }), { status: 400 });
    }
    return redirect(`/mentorship/${programmeId}?joined=${role}`);
  },
);

/** Where the level a mentee works towards comes from, as its message chooses (ICU choices take no hyphen). */
const TARGET_FROM = {
  "growth-plan": "growthPlan",
  "next-level": "nextLevel",
  "own-level": "ownLevel",
} as const;

export default function JoinProgramme({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const lastResult = actionData;
  const sending = useSubmitting();
  const isMentee = view.role === "mentee";
  const schema = isMentee ? MenteeOptInSchema : MentorOptInSchema;
  const [form, fields] = useForm({
    id: `join-${view.role}`,
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: {
      goals: view.values.competencies,
      competencies: view.values.competencies,
      timeZone: view.values.timeZone,
      capacity: view.values.capacity,
      preferences: view.values.preferences,
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const choices = isMentee ? fields.goals : fields.competencies;
  const chosen = new Set([choices.value ?? []].flat() as string[]);
  const busy = sending;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={t("programme.join", { role: view.role })}
        description={t("join.description", {
          name: view.programme.name,
          matchingOn: f.day(view.programme.matchingOn),
        })}
      />
      {view.open ? null : (
        <Alert tone="info">{view.closedReason ? wordsOf(t, view.closedReason) : null}</Alert>
      )}
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <fieldset disabled={!view.open} className="space-y-5">
            {isMentee && view.target ? (
              <p className="text-sm">
                {t("join.target.before")} <strong>{wordsOf(t, view.target.label)}</strong>
                {t("join.target.after", { from: TARGET_FROM[view.target.from] })}
              </p>
            ) : null}
            <fieldset aria-describedby={choices.errors?.length ? choices.errorId : undefined}>
              <legend className="mb-1 text-sm font-medium">
                {isMentee ? t("join.goals", { count: MAX_GOALS }) : t("join.competencies")}
              </legend>
              <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
                {view.prefilled
                  ? isMentee
                    ? t("join.prefilled.mentee")
                    : t("join.prefilled.mentor")
                  : isMentee
                    ? t("join.choices.mentee")
                    : t("join.choices.mentor")}
              </p>
              <div className="grid gap-1 sm:grid-cols-2">
                {view.options.map((option) => (
                  <label key={option.id} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={choices.name}
                      value={option.id}
                      defaultChecked={chosen.has(option.id)}
                      className="size-4"
                    />
                    {option.name}
                    {(isMentee ? option.suggested : option.fromReview) ? (
                      <span className="text-xs text-slate-500 dark:text-slate-400">
                        {isMentee ? t("join.fromGrowthPlan") : t("join.fromReview")}
                      </span>
                    ) : null}
                  </label>
                ))}
              </div>
              <ErrorList id={choices.errorId} errors={choices.errors} />
            </fieldset>
            {isMentee ? (
              <TextareaField
                label={t("join.preferences")}
                hint={t("join.preferencesHint")}
                rows={3}
                errors={fields.preferences.errors}
                {...getTextareaProps(fields.preferences)}
              />
            ) : (
              <Field
                label={t("join.capacity")}
                hint={t("join.capacityHint", { count: view.programme.maxMenteesPerMentor })}
                errors={fields.capacity.errors}
                min={1}
                max={view.programme.maxMenteesPerMentor}
                className="max-w-xs"
                {...getInputProps(fields.capacity, { type: "number" })}
              />
            )}
            <SelectField
              label={t("join.timeZone")}
              hint={t("join.timeZoneHint")}
              errors={fields.timeZone.errors}
              className="max-w-xs"
              {...getSelectProps(fields.timeZone)}
            >
              <TimeZoneOptions zones={view.timeZones} organisation={view.organisationTimeZone} />
            </SelectField>
            <FormErrors form={form} />
            <div className="flex flex-wrap gap-3">
              <Button type="submit" name="intent" value="save" disabled={busy}>
                {view.joined ? t("join.save") : t("programme.join", { role: view.role })}
              </Button>
              {view.joined ? (
                <Button
                  type="submit"
                  name="intent"
                  value="withdraw"
                  variant="secondary"
                  formNoValidate
                  disabled={busy}
                >
                  {t("join.withdraw")}
                </Button>
              ) : null}
            </div>
          </fieldset>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
