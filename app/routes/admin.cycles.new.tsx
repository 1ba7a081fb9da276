import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.cycles.new";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleTeamPicker } from "~/components/cycles/cycle-team-picker";
import { SubmitButton } from "~/components/ui/button";
import { Field, FormErrors } from "~/components/ui/field";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireRole } from "~/modules/identity/permissions.server";
import { listTeamsForCycle, openCycle } from "~/modules/cycles/cycles.server";
import { Day } from "~/modules/days";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { nameField } from "~/utils/name-text";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { ReviewSharingFields } from "~/components/cycles/review-sharing-form";
import { checkReviewSharing, reviewSharingFields } from "~/modules/cycles/review-sharing";
import * as clock from "~/platform/clock.server";

const CycleSchema = z
  .object({
    // Keys, worded where the errors are shown: this schema checks in the browser too.
    name: nameField("cycles:new.errors.nameRequired", 100, "cycles:new.errors.nameTooLong"),
    startsOn: Day,
    endsOn: Day,
    participants: z.enum(["everyone", "teams"], { error: "cycles:new.errors.participants" }),
    teamIds: z.array(z.string().max(100)).max(5000).optional(),
    ...reviewSharingFields,
  })
  .superRefine((value, context) => {
    checkReviewSharing(value, context);
    if (value.endsOn < value.startsOn)
      context.addIssue({
        code: "custom",
        path: ["endsOn"],
        message: "cycles:new.errors.endBeforeStart",
      });
    if (value.participants === "teams" && !value.teamIds?.length)
      context.addIssue({ code: "custom", path: ["teamIds"], message: "cycles:new.errors.noTeam" });
  });

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("cycles:new.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  return { teams: await listTeamsForCycle(), today: clock.now().toISOString().slice(0, 10) };
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const submission = parseWithZod(await formOf(request), { schema: CycleSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { name, startsOn, endsOn, participants, teamIds, reviewsShared, reviewsSharedOn } =
    submission.value;
  const result = await openCycle(viewer.id, {
    name,
    startsOn,
    endsOn,
    participants,
    teamIds: teamIds ?? [],
    sharing: { reviewsShared, reviewsSharedOn },
  });
  if (!result.ok)
    return data(
      submission.reply({ fieldErrors: result.fieldErrors, formErrors: result.formErrors }),
      { status: 400 },
    );
  return redirect(`/admin/cycles/${result.cycleId}`);
});

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export default function NewCycle({ loaderData, actionData }: Route.ComponentProps) {
  const { teams, today } = loaderData;
  const { t } = useTranslation("cycles");
  const lastResult = actionData;
  const [form, fields] = useForm({
    id: "new-cycle",
    lastResult,
    constraint: getZodConstraint(CycleSchema),
    defaultValue: {
      startsOn: today,
      endsOn: addDays(today, 28),
      participants: "everyone",
      reviewsShared: "when-both-submitted",
    },
    // Errors appear on submit, not on blur: an error appearing above the radios as focus
    // leaves a date would move them under the pointer mid-click.
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CycleSchema }),
  });
  const participants = fields.participants.value ?? "everyone";
  return (
    <>
      <BackLink to="/admin/cycles">{t("new.back")}</BackLink>
      <PageHeader title={t("new.heading")} description={t("new.description")} />
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <Field
            label={t("new.name")}
            hint={t("new.nameHint")}
            autoComplete="off"
            errors={fields.name.errors}
            {...getInputProps(fields.name, { type: "text" })}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label={t("new.startsOn")}
              errors={fields.startsOn.errors}
              {...getInputProps(fields.startsOn, { type: "date" })}
            />
            <Field
              label={t("new.endsOn")}
              hint={t("new.endsOnHint")}
              errors={fields.endsOn.errors}
              {...getInputProps(fields.endsOn, { type: "date" })}
            />
          </div>
          <RadioGroupField
            legend={t("new.participants")}
            field={fields.participants}
            options={[
              ["everyone", t("new.everyone")],
              ["teams", t("new.chosenTeams")],
            ]}
          />
          <CycleTeamPicker
            key={form.key}
            field={fields.teamIds}
            teams={teams}
            inactive={participants !== "teams"}
          />
          <ReviewSharingFields
            reviewsShared={fields.reviewsShared}
            reviewsSharedOn={fields.reviewsSharedOn}
          />
          <FormErrors form={form} />
          <SubmitButton busyLabel={t("new.opening")}>{t("new.submit")}</SubmitButton>
        </Form>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
