import { parseWithZod } from "@conform-to/zod/v4";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/team-health.$checkInId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { AnswerExtrasSchema, answerValues } from "~/modules/team-health/forms";
import { ItemText } from "~/components/team-health/item-text";
import { languageOf } from "~/i18n/i18n.server";
import { HELPED, SCALE_POINTS } from "~/modules/team-health/items";
import { answerForm, submitAnswer } from "~/modules/team-health/team-health.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, type FieldErrors } from "~/utils/posted";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:answer.title") },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return answerForm(viewer, params.checkInId, undefined, languageOf(context));
});

const typedOf = (form: FormData) => ({
  values: Object.fromEntries(
    [...form.entries()]
      .filter(([name]) => name.startsWith("item."))
      .map(([name, value]) => [name.slice(5), String(value)]),
  ),
  helped: String(form.get("helped") ?? ""),
  comment: String(form.get("comment") ?? ""),
});

export const action = withFormRefusals(
  async ({ request, params }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    if (form.get("intent") === "skip") {
      await submitAnswer(viewer, params.checkInId, { values: {}, comment: "", skip: true });
      return redirect("/team-health");
    }
    const submission = parseWithZod(form, { schema: AnswerExtrasSchema });
    if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
    const { items } = await answerForm(viewer, params.checkInId);
    await submitAnswer(viewer, params.checkInId, {
      values: answerValues(form, items),
      helped: submission.value.helped,
      comment: submission.value.comment,
    });
    return redirect("/team-health");
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function AnswerCheckIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const view = loaderData;
  const typed = actionData?.typed;
  const errors = actionData?.errors ?? {};
  return (
    <>
      <BackLink to="/team-health">{t("page.heading")}</BackLink>
      <PageHeader
        title={t("answer.heading", { team: view.team })}
        description={t("answer.intro")}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      {view.answered ? (
        <Alert tone="success">{t("answer.done")}</Alert>
      ) : !view.open ? (
        <Alert tone="info">{t("answer.closed")}</Alert>
      ) : (
        <Form method="post" className="max-w-xl space-y-5">
          <p className="muted text-sm">{t("page.closes", { date: f.day(view.closesAt) })}</p>
          {view.items.map((item, index) => {
            const chosen = typed?.values[item] ?? "";
            return (
              <fieldset
                key={item}
                className="rounded-md border border-slate-200 p-3 dark:border-slate-700"
              >
                <legend className="px-1 text-sm font-medium">
                  {index + 1}. <ItemText item={item} own={view.own} />
                </legend>
                <div className="mt-2 flex flex-wrap gap-1">
                  {SCALE_POINTS.map((point) => (
                    <label
                      key={point}
                      className="flex min-w-10 flex-col items-center rounded border border-slate-300 px-2 py-1 text-sm has-[:checked]:bg-slate-200 dark:border-slate-600 dark:has-[:checked]:bg-slate-700"
                    >
                      <input
                        type="radio"
                        name={`item.${item}`}
                        value={point}
                        defaultChecked={chosen === String(point)}
                        className="size-4"
                      />
                      <span aria-hidden="true">{point}</span>
                      <span className="sr-only">{t("answer.scale", { point })}</span>
                    </label>
                  ))}
                  <label className="flex items-center gap-1 px-2 text-sm">
                    <input
                      type="radio"
                      name={`item.${item}`}
                      value=""
                      defaultChecked={chosen === ""}
                      className="size-4"
                    />
                    {t("answer.skipItem")}
                  </label>
                </div>
                <p className="muted mt-1 flex justify-between text-xs" aria-hidden="true">
                  <span>1 {t("answer.scale", { point: 1 })}</span>
                  <span>7 {t("answer.scale", { point: 7 })}</span>
                </p>
              </fieldset>
            );
          })}
          {view.followUp ? (
            <fieldset className="rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <legend className="px-1 text-sm font-medium">
                {t("answer.helped", { text: view.followUp.text })}
              </legend>
              <div className="mt-2 flex flex-wrap gap-4">
                {HELPED.map((option) => (
                  <label key={option} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="helped"
                      value={option}
                      defaultChecked={typed?.helped === option}
                      className="size-4"
                    />
                    {t("answer.helpedOption", { option })}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : null}
          {view.askComment ? (
            <TextareaField
              label={t("answer.comment")}
              name="comment"
              rows={3}
              defaultValue={typed?.comment}
              errors={errors.comment}
            />
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="answer">
              {t("answer.submit")}
            </Button>
            <Button type="submit" name="intent" value="skip" variant="secondary">
              {t("answer.skipAll")}
            </Button>
          </div>
        </Form>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
