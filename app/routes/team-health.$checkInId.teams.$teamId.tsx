import type { ReactNode } from "react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/team-health.$checkInId.teams.$teamId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ItemTable } from "~/components/team-health/item-table";
import { HealthScore, ReleasedAsOf } from "~/components/team-health/score";
import { Field, SelectField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { ActionSchema } from "~/modules/team-health/forms";
import { itemWords } from "~/components/team-health/item-text";
import { languageOf } from "~/i18n/i18n.server";
import {
  actionToOneToOne,
  chooseAction,
  markActionDone,
  teamResults,
} from "~/modules/team-health/team-health.server";
import * as clock from "~/platform/clock.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { invalidForm, postedText, type FieldErrors } from "~/utils/posted";
import { plainHtml } from "~/utils/page-scripts";

export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("teamHealth:page.title") },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { ownItems: _asked, ...results } = await teamResults(
    viewer,
    params.checkInId,
    params.teamId,
    undefined,
    languageOf(context),
  );
  return {
    ...results,
    owners: results.canChoose ? results.owners : [],
    defaultDue: dateToDay(new Date(clock.now().getTime() + 28 * 86_400_000)),
  };
});

const typedOf = (form: FormData) => postedText(form, ["item", "text", "ownerId", "dueOn"]);

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    if (intent === "choose") {
      const submission = parseWithZod(form, { schema: ActionSchema });
      if (submission.status !== "success") return invalidForm(submission.error, typedOf(form));
      await chooseAction(viewer, params.checkInId, params.teamId, submission.value);
    } else if (intent === "agenda") {
      const added = await actionToOneToOne(viewer, String(form.get("actionId") ?? ""));
      if (!added.ok)
        return data(
          {
            errors: {} as FieldErrors,
            typed: typedOf(form),
            error: wordsOf(translatorOf(context), added.message) as string | null,
          },
          { status: 409 },
        );
      return redirect(`/conversations/${added.seriesId}`);
    } else if (intent === "done") {
      await markActionDone(viewer, String(form.get("actionId") ?? ""));
    } else {
      throw new InvalidError({ key: "teamHealth:errors.unknownAction" });
    }
    return redirect(`/team-health/${params.checkInId}/teams/${params.teamId}`);
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

export default function TeamHealthResults({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const view = loaderData;
  const errors = actionData?.errors ?? {};
  const typed: Record<string, string | undefined> = actionData?.typed ?? {};
  const n = (value: number) => f.number(value, 1);
  return (
    <>
      <BackLink to="/team-health">{t("page.heading")}</BackLink>
      <PageHeader title={t("results.heading", { team: view.team })} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <ReleasedAsOf release={view}>
        {view.open ? t("results.openUntil", { date: f.day(view.closesAt) }) : t("results.closed")}
      </ReleasedAsOf>
      <p className="muted mb-4 text-sm">{t("results.batches", { floor: view.floor })}</p>
      {view.answers > 0 ? (
        <>
          <HealthScore score={view.score} change={view.change} />
          <ItemTable items={view.items} own={view.own} />
          {view.furthest.length ? (
            <section aria-labelledby="furthest-heading" className="mb-4">
              <h2 id="furthest-heading" className="mb-1 text-lg font-semibold">
                {t("results.furthest")}
              </h2>
              <ul className="list-disc ps-5 text-sm">
                {view.furthest.map((row) => (
                  <li key={row.item}>
                    {t("results.furthestItem", {
                      item: itemWords(t, row.item, view.own),
                      gap: n(row.gap),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {view.followUp ? (
            <p className="mb-4 text-sm">
              {view.helped ? t("results.helped", view.helped.counts) : t("results.helpedHidden")}
            </p>
          ) : null}
          <section aria-labelledby="comments-heading" className="mb-4">
            <h2 id="comments-heading" className="mb-1 text-lg font-semibold">
              {t("results.comments")}
            </h2>
            {view.comments.length ? (
              <ul className="list-disc space-y-1 ps-5 text-sm">
                {view.comments.map((comment, index) => (
                  <li key={index} className="whitespace-pre-line">
                    {comment}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm">{t("results.noComments")}</p>
            )}
          </section>
        </>
      ) : null}
      <Card className="mb-6 max-w-2xl">
        <h2 className="mb-2 text-lg font-semibold">{t("action.heading")}</h2>
        {view.action ? (
          <>
            <p className="text-sm">
              {t("action.chosen", {
                item: itemWords(t, view.action.item, view.own),
                text: view.action.text,
                owner: view.action.owner ?? t("action.noOwner"),
                date: f.day(view.action.dueOn),
              })}
            </p>
            <p className="text-sm font-medium">
              {t("action.state", { done: String(view.action.doneAt !== null) })}
            </p>
            {view.action.canTakeToOneToOne ? (
              <ActionButton intent="agenda" actionId={view.action.id}>
                {t("action.toOneToOne")}
              </ActionButton>
            ) : null}
            {view.action.canMarkDone ? (
              <ActionButton intent="done" actionId={view.action.id}>
                {t("action.markDone")}
              </ActionButton>
            ) : null}
          </>
        ) : view.canChoose ? (
          <Form method="post" className="space-y-2">
            <p className="muted text-sm">{t("action.intro")}</p>
            <input type="hidden" name="intent" value="choose" />
            <SelectField
              label={t("action.item")}
              name="item"
              defaultValue={typed.item ?? view.furthest[0]?.item}
              errors={errors.item}
            >
              {view.items
                .filter((row) => row.figures)
                .map((row) => (
                  <option key={row.item} value={row.item}>
                    {itemWords(t, row.item, view.own)}
                  </option>
                ))}
            </SelectField>
            <Field
              label={t("action.text")}
              name="text"
              defaultValue={typed.text}
              errors={errors.text}
            />
            <SelectField
              label={t("action.owner")}
              name="ownerId"
              defaultValue={typed.ownerId}
              errors={errors.ownerId}
            >
              {view.owners.map((owner) => (
                <option key={owner.id} value={owner.id}>
                  {owner.name}
                </option>
              ))}
            </SelectField>
            <Field
              label={t("action.dueOn")}
              name="dueOn"
              type="date"
              defaultValue={typed.dueOn ?? view.defaultDue}
              errors={errors.dueOn}
            />
            <Button type="submit">{t("action.submit")}</Button>
          </Form>
        ) : (
          <p className="text-sm">{t("action.none")}</p>
        )}
      </Card>
      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading" className="mb-1 text-lg font-semibold">
          {t("results.trend")}
        </h2>
        <ul className="text-sm">
          {view.trend.map((row) => (
            <li key={row.checkInId}>
              {t("results.trendRow", {
                date: f.day(row.startedAt),
                score: row.score === null ? "none" : n(row.score),
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** A button that does `intent` to the team's chosen action. */
function ActionButton({
  intent,
  actionId,
  children,
}: {
  intent: "agenda" | "done";
  actionId: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className="mt-2">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="actionId" value={actionId} />
      <Button type="submit" variant="secondary">
        {children}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
