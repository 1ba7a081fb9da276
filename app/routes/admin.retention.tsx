import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data } from "react-router";
import type { Route } from "./+types/admin.retention";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { CheckboxField, ErrorList, Field, SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { ClearHoldSchema, EraseSchema, HoldSchema, RulesSchema } from "~/modules/retention/forms";
import {
  clearHold,
  eraseNow,
  placeHold,
  retentionPage,
  setRules,
} from "~/modules/retention/retention.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("retention:title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) =>
  retentionPage(await requireUser(request)),
);

export const action = withFormRefusals(async ({ request }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const intent = form.get("intent");
  if (intent === "rules") {
    const submission = parseWithZod(form, { schema: RulesSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), done: null }, { status: 400 });
    await setRules(viewer, submission.value);
    return { intent, result: submission.reply(), done: "rules" as const };
  }
  if (intent === "hold") {
    const submission = parseWithZod(form, { schema: HoldSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), done: null }, { status: 400 });
    await placeHold(viewer, submission.value.email);
    return { intent, result: submission.reply({ resetForm: true }), done: "hold" as const };
  }
  if (intent === "clear") {
    const submission = parseWithZod(form, { schema: ClearHoldSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), done: null }, { status: 400 });
    await clearHold(viewer, submission.value.personId);
    return { intent, result: submission.reply(), done: "clear" as const };
  }
  if (intent === "erase") {
    const submission = parseWithZod(form, { schema: EraseSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply(), done: null }, { status: 400 });
    await eraseNow(viewer, submission.value.email);
    return { intent, result: submission.reply({ resetForm: true }), done: "erase" as const };
  }
  throw new InvalidError({ key: "retention:errors.unknownAction" });
});

type ActionData = {
  intent?: unknown;
  result?: SubmissionResult<string[]>;
  done?: "rules" | "hold" | "clear" | "erase" | null;
  error?: string;
};

export default function Retention({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const answer = actionData as ActionData | undefined;
  const { t } = useTranslation("retention");
  const f = useFormats();
  const sending = useSubmitting();
  const busy = sending;
  const period = (value: number | null) => (value === null ? "" : String(value));
  const [rulesForm, rules] = useForm({
    id: "retention-rules",
    lastResult: answer?.intent === "rules" ? answer.result : undefined,
    constraint: getZodConstraint(RulesSchema),
    defaultValue: {
      privateNotes: period(page.rules.privateNotes),
      feedbackTexts: period(page.rules.feedbackTexts),
      leavers: period(page.rules.leavers),
      teamHealthAnswers: period(page.rules.teamHealthAnswers),
      othersTexts: page.rules.othersTexts,
      candidateDays: period(page.rules.candidateDays),
    },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RulesSchema }),
  });
  const [holdForm, hold] = useForm({
    id: "legal-hold",
    lastResult: answer?.intent === "hold" ? answer.result : undefined,
    constraint: getZodConstraint(HoldSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: HoldSchema }),
  });
  const [eraseForm, erase] = useForm({
    id: "erase-now",
    lastResult: answer?.intent === "erase" ? answer.result : undefined,
    constraint: getZodConstraint(EraseSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EraseSchema }),
  });
  // Each kind is a module's, named in this page's words (`next.<kind>`).
  const next = Object.entries(page.next).map(([kind, count]) => ({
    label: t(`next.${kind}` as "next.leavers"),
    count,
  }));
  return (
    <>
      <PageHeader title={t("heading")} description={t("description")} />
      {answer?.done ? <Alert tone="success">{t(`done.${answer.done}`)}</Alert> : null}
      {answer?.error ? <Alert tone="error">{answer.error}</Alert> : null}

      <section aria-labelledby="next-pass" className="mb-6">
        <h2 id="next-pass" className="mb-2 text-lg font-semibold">
          {t("next.heading")}
        </h2>
        <p className="muted mb-3 text-sm">{t("next.description")}</p>
        <DataTable
          caption={t("next.caption")}
          headings={[
            t("next.kind"),
            { key: "count", label: t("next.count"), className: "text-end" },
          ]}
        >
          {next.map((row) => (
            <tr key={row.label}>
              <th scope="row" className={`${tdClass} text-start font-normal`}>
                {row.label}
              </th>
              <td className={`${tdClass} text-end tabular-nums`}>{f.number(row.count)}</td>
            </tr>
          ))}
        </DataTable>
        <p className="muted mt-2 text-sm">{t("next.erasedSoFar", { count: page.erasures })}</p>
      </section>

      <Card className="mb-6 max-w-2xl">
        <h2 className="mb-3 text-lg font-semibold">{t("rules.heading")}</h2>
        <Form method="post" className="space-y-4" {...getFormProps(rulesForm)}>
          <input type="hidden" name="intent" value="rules" />
          <Field
            label={t("rules.privateNotes")}
            hint={t("rules.privateNotesHint")}
            errors={rules.privateNotes.errors}
            {...getInputProps(rules.privateNotes, { type: "number" })}
          />
          <Field
            label={t("rules.feedbackTexts")}
            hint={t("rules.feedbackTextsHint")}
            errors={rules.feedbackTexts.errors}
            {...getInputProps(rules.feedbackTexts, { type: "number" })}
          />
          <Field
            label={t("rules.candidateDays")}
            hint={t("rules.candidateDaysHint")}
            errors={rules.candidateDays.errors}
            {...getInputProps(rules.candidateDays, { type: "number" })}
          />
          <Field
            label={t("rules.teamHealthAnswers")}
            hint={t("rules.teamHealthAnswersHint")}
            errors={rules.teamHealthAnswers.errors}
            {...getInputProps(rules.teamHealthAnswers, { type: "number" })}
          />
          <Field
            label={t("rules.leavers")}
            hint={t("rules.leaversHint")}
            errors={rules.leavers.errors}
            {...getInputProps(rules.leavers, { type: "number" })}
          />
          <SelectField
            label={t("rules.othersTexts")}
            hint={t("rules.othersTextsHint")}
            errors={rules.othersTexts.errors}
            {...getSelectProps(rules.othersTexts)}
          >
            <option value="keep">{t("rules.othersKeep")}</option>
            <option value="remove">{t("rules.othersRemove")}</option>
          </SelectField>
          <ErrorList id={rulesForm.errorId} errors={rulesForm.errors} />
          <Button type="submit" disabled={busy}>
            {t("rules.save")}
          </Button>
        </Form>
      </Card>

      <section aria-labelledby="legal-holds" className="max-w-2xl">
        <h2 id="legal-holds" className="mb-2 text-lg font-semibold">
          {t("holds.heading")}
        </h2>
        <p className="muted mb-3 text-sm">{t("holds.description")}</p>
        {page.holds.length ? (
          <DataTable
            caption={t("holds.caption")}
            headings={[t("holds.person"), t("holds.since"), ""]}
          >
            {page.holds.map((held) => (
              <tr key={held.personId}>
                <th scope="row" className={`${tdClass} text-start font-normal`}>
                  {held.name} <span className="muted">{held.email}</span>
                </th>
                <td className={tdClass}>
                  {held.setBy
                    ? t("holds.setBy", { when: f.dateTime(held.setAt), name: held.setBy })
                    : f.dateTime(held.setAt)}
                </td>
                <td className={`${tdClass} text-end`}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="clear" />
                    <input type="hidden" name="personId" value={held.personId} />
                    <Button
                      type="submit"
                      variant="secondary"
                      disabled={busy}
                      aria-label={t("holds.clearFor", { name: held.name })}
                    >
                      {t("holds.clear")}
                    </Button>
                  </Form>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className="mb-3 text-sm">{t("holds.none")}</p>
        )}
        <Form
          method="post"
          className="mt-4 flex flex-wrap items-end gap-3"
          {...getFormProps(holdForm)}
        >
          <input type="hidden" name="intent" value="hold" />
          <Field
            className="min-w-64 flex-1"
            label={t("holds.email")}
            errors={hold.email.errors}
            {...getInputProps(hold.email, { type: "email" })}
          />
          <Button type="submit" disabled={busy}>
            {t("holds.place")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="erase-now-heading" className="mt-8 max-w-2xl">
        <h2 id="erase-now-heading" className="mb-2 text-lg font-semibold">
          {t("erase.heading")}
        </h2>
        <p className="muted mb-3 text-sm">{t("erase.description")}</p>
        <Form method="post" className="space-y-3" {...getFormProps(eraseForm)}>
          <input type="hidden" name="intent" value="erase" />
          <Field
            label={t("erase.email")}
            errors={erase.email.errors}
            {...getInputProps(erase.email, { type: "email" })}
          />
          <CheckboxField
            label={t("erase.confirm")}
            {...getInputProps(erase.confirm, { type: "checkbox", value: "erase" })}
          />
          <ErrorList id={erase.confirm.errorId} errors={erase.confirm.errors} />
          <Button type="submit" variant="danger" disabled={busy}>
            {t("erase.submit")}
          </Button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
