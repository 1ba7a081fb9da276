import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, Form, Link, redirect } from "react-router";
import type { z } from "zod";
import type { Route } from "./+types/promotions.nominate";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { NominationSchema } from "~/modules/promotions/forms";
import { nominate, nominationChoices } from "~/modules/promotions/nominations.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotions:nominate.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return nominationChoices(viewer, new URL(request.url).searchParams.get("window"));
});

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const submission = parseWithZod(form, { schema: NominationSchema });
    if (submission.status !== "success")
      return data({ reply: submission.reply(), error: null }, { status: 400 });
    const result = await nominate(viewer, submission.value);
    if (!result.ok)
      return data(
        {
          reply: submission.reply({
            fieldErrors: Object.fromEntries(
              Object.entries(result.fieldErrors).map(([field, messages]) => [
                field,
                messages.map((message) => message.key),
              ]),
            ),
          }),
          error: null,
        },
        { status: 400 },
      );
    return redirect(`/promotions/nominations/${result.nominationId}`);
    // Refused by the service (someone already nominated, a level not allowed): the form comes back with what was typed.
  },
  (form) => ({ reply: parseWithZod(form, { schema: NominationSchema }).reply() }),
);

export default function Nominate({ loaderData, actionData }: Route.ComponentProps) {
  const { windows, chosen } = loaderData;
  const { t } = useTranslation("promotions");
  const f = useFormats();
  return (
    <>
      <BackLink to="/promotions">{t("process.heading")}</BackLink>
      <PageHeader title={t("nominate.heading")} description={t("nominate.description")} />
      {chosen === null ? (
        <Card>
          {windows.length ? (
            <ul className="space-y-2 text-sm">
              {windows.map((window) => (
                <li key={window.id}>
                  <Link
                    to={`/promotions/nominate?window=${window.id}`}
                    className="text-brand-600 underline dark:text-brand-100"
                  >
                    {window.name}
                  </Link>{" "}
                  <span className="muted">
                    {t("nominate.closesOn", { day: f.day(window.nominationsCloseOn) })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t("nominate.noWindow")}</p>
          )}
        </Card>
      ) : (
        <Card className="max-w-3xl">
          {actionData?.error ? <Alert tone="error">{String(actionData.error)}</Alert> : null}
          <NominationForm
            chosen={chosen}
            lastResult={actionData && "reply" in actionData ? actionData.reply : undefined}
          />
        </Card>
      )}
    </>
  );
}

type Chosen = NonNullable<Route.ComponentProps["loaderData"]["chosen"]>;

function NominationForm({
  chosen,
  lastResult,
}: {
  chosen: Chosen;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("promotions");
  const f = useFormats();
  const [form, fields] = useForm<z.input<typeof NominationSchema>>({
    id: "nominate",
    lastResult,
    constraint: getZodConstraint(NominationSchema),
    defaultValue: {
      windowId: chosen.id,
      nomineeEmail: "",
      targetLevelId:
        chosen.tracks.flatMap((track) => track.levels).find((level) => level.forMe)?.id ?? "",
      statement: "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NominationSchema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input {...getInputProps(fields.windowId, { type: "hidden" })} />
      <p className="text-sm">
        {t("nominate.window", { name: chosen.name, day: f.day(chosen.nominationsCloseOn) })}
      </p>
      <Field
        label={t("nominate.nomineeEmail")}
        hint={
          chosen.selfNomination
            ? t("nominate.nomineeEmailHint")
            : t("nominate.nomineeEmailHintNoSelf")
        }
        autoComplete="off"
        errors={fields.nomineeEmail.errors}
        {...getInputProps(fields.nomineeEmail, { type: "email" })}
      />
      <SelectField
        label={t("nominate.target")}
        hint={t("nominate.targetHint")}
        errors={fields.targetLevelId.errors}
        {...getSelectProps(fields.targetLevelId)}
      >
        {chosen.tracks.map((track) => (
          <optgroup key={track.id} label={track.name}>
            {track.levels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.forMe ? t("nominate.levelForMe", { title: level.title }) : level.title}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextareaField
        label={t("nominate.statement")}
        hint={t("nominate.statementHint")}
        rows={6}
        errors={fields.statement.errors}
        {...getTextareaProps(fields.statement)}
      />
      <p className="muted text-xs">
        {chosen.sponsorNomination ? t("nominate.whoMay") : t("nominate.whoMayNoSponsor")}
      </p>
      <FormErrors form={form} />
      <SubmitButton busyLabel={t("nominate.sending")}>{t("nominate.submit")}</SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
