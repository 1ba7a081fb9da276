import { parseWithZod } from "@conform-to/zod/v4";
import { TargetOptions } from "~/components/growth/gap-plan-form";
import { Form, redirect } from "react-router";
import type { Route } from "./+types/sponsorships";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { dateToDay } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { DeclineSchema, SponsorshipSchema } from "~/modules/sponsorship/forms";
import { ADVOCACIES } from "~/modules/sponsorship/policy";
import {
  declineSponsorship,
  endSponsorship,
  recordSponsorship,
  sponsorshipsPage,
} from "~/modules/sponsorship/sponsorship.server";
import { withFormRefusals, withDomainErrors } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { invalidForm, postedText, type FieldErrors } from "~/utils/posted";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): opened from a to-do or an email, its forms post and redirect, and a
 * refused sponsorship comes back with what was typed.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("sponsorship:page.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const page = await sponsorshipsPage(viewer, languageOf(context));
  return {
    ...page,
    defaultUntil: dateToDay(new Date(clock.now().getTime() + 182 * 24 * 60 * 60 * 1000)),
  };
});

/** The new sponsorship's fields, shown again as posted when refused. */
const typedOf = (form: FormData) =>
  form.get("intent") === "record"
    ? postedText(form, [
        "sponseeEmail",
        "advocacy",
        "levelId",
        "role",
        "opportunityId",
        "note",
        "until",
      ])
    : {};

export const action = withFormRefusals(
  async ({ request }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    if (intent === "record") {
      const submission = parseWithZod(form, { schema: SponsorshipSchema });
      if (submission.status !== "success")
        return invalidForm(submission.error, typedOf(form), { intent });
      await recordSponsorship(viewer, submission.value);
    } else if (intent === "decline") {
      const submission = parseWithZod(form, { schema: DeclineSchema });
      if (submission.status !== "success")
        return invalidForm(submission.error, typedOf(form), { intent });
      await declineSponsorship(
        viewer,
        String(form.get("sponsorshipId") ?? ""),
        submission.value.reason,
      );
    } else if (intent === "end") {
      await endSponsorship(viewer, String(form.get("sponsorshipId") ?? ""));
    } else {
      throw new InvalidError({ key: "sponsorship:errors.unknownAction" });
    }
    return redirect("/sponsorships");
  },
  (form) => ({ errors: {} as FieldErrors, typed: typedOf(form) }),
);

type Row = Route.ComponentProps["loaderData"]["given"][number];

function SponsorshipItem({ row, busy }: { row: Row; busy: boolean }) {
  const { t } = useTranslation("sponsorship");
  const f = useFormats();
  const state = row.declinedAt
    ? "declined"
    : row.endedAt
      ? "ended"
      : row.active
        ? "active"
        : "past";
  return (
    <li className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
      <p className="font-medium">
        {t("item.who", { sponsor: row.sponsorName, sponsee: row.sponseeName })}
      </p>
      <p>
        {t("item.advocacy", {
          advocacy: row.advocacy,
          target: row.target,
          until: f.day(row.until),
        })}
      </p>
      <p className="muted">{t("item.state", { state })}</p>
      {row.note ? <p className="whitespace-pre-line">{row.note}</p> : null}
      {row.declineReason ? <p>{t("item.declineReason", { reason: row.declineReason })}</p> : null}
      {row.canDecline ? (
        <Form method="post" className="mt-2 space-y-2">
          <input type="hidden" name="intent" value="decline" />
          <input type="hidden" name="sponsorshipId" value={row.id} />
          <Field label={t("item.reason")} name="reason" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("item.decline")}
          </Button>
        </Form>
      ) : null}
      {row.canEnd ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="end" />
          <input type="hidden" name="sponsorshipId" value={row.id} />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("item.end")}
          </Button>
        </Form>
      ) : null}
    </li>
  );
}

export default function Sponsorships({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("sponsorship");
  const sending = useSubmitting();
  const busy = sending;
  const errors = (actionData?.intent === "record" ? actionData.errors : {}) as FieldErrors;
  const typed = actionData?.intent === "record" && "typed" in actionData ? actionData.typed : {};
  const list = (rows: Row[], empty: string) =>
    rows.length ? (
      <ul className="space-y-2">
        {rows.map((row) => (
          <SponsorshipItem key={row.id} row={row} busy={busy} />
        ))}
      </ul>
    ) : (
      <p className="text-sm">{empty}</p>
    );
  return (
    <>
      <PageHeader title={t("page.heading")} description={t("page.intro", { cap: view.cap })} />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      <section aria-labelledby="received-heading" className="mb-6">
        <h2 id="received-heading" className="mb-2 text-lg font-semibold">
          {t("page.received")}
        </h2>
        {list(view.received, t("page.noneReceived"))}
      </section>
      <section aria-labelledby="given-heading" className="mb-6">
        <h2 id="given-heading" className="mb-2 text-lg font-semibold">
          {t("page.given", { active: view.activeGiven, cap: view.cap })}
        </h2>
        {list(view.given, t("page.noneGiven"))}
      </section>
      <Card className="mb-6 max-w-3xl">
        <h2 className="mb-2 text-lg font-semibold">{t("form.heading")}</h2>
        <p className="muted mb-2 text-sm">{t("form.intro")}</p>
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="record" />
          <Field
            label={t("form.sponsee")}
            name="sponseeEmail"
            type="email"
            defaultValue={typed.sponseeEmail}
            errors={errors.sponseeEmail}
          />
          <SelectField
            label={t("form.advocacy")}
            name="advocacy"
            defaultValue={typed.advocacy}
            errors={errors.advocacy}
          >
            {ADVOCACIES.map((advocacy) => (
              <option key={advocacy} value={advocacy}>
                {t("form.advocacies", { advocacy })}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("form.level")}
            hint={t("form.levelHint")}
            name="levelId"
            defaultValue={typed.levelId}
          >
            <option value="">{t("form.none")}</option>
            <TargetOptions options={view.levelGroups} />
          </SelectField>
          <Field
            label={t("form.role")}
            hint={t("form.roleHint")}
            name="role"
            defaultValue={typed.role}
            errors={errors.role}
          />
          <SelectField
            label={t("form.opportunity")}
            hint={t("form.opportunityHint")}
            name="opportunityId"
            defaultValue={typed.opportunityId}
          >
            <option value="">{t("form.none")}</option>
            {view.opportunities.map((opportunity) => (
              <option key={opportunity.id} value={opportunity.id}>
                {opportunity.title}
              </option>
            ))}
          </SelectField>
          <TextareaField
            label={t("form.note")}
            name="note"
            rows={2}
            defaultValue={typed.note}
            errors={errors.note}
          />
          <Field
            label={t("form.until")}
            name="until"
            type="date"
            defaultValue={typed.until || view.defaultUntil}
            errors={errors.until}
          />
          <Button type="submit" disabled={busy}>
            {t("form.submit")}
          </Button>
        </Form>
      </Card>
      {view.isAdmin ? (
        <section aria-labelledby="all-heading">
          <h2 id="all-heading" className="mb-2 text-lg font-semibold">
            {t("page.all")}
          </h2>
          {list(view.others, t("page.noneOthers"))}
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
