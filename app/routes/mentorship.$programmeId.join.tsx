import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.join";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDay } from "~/components/mentorship/parts";
import { TimeZoneOptions } from "~/components/time-zone-options";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MAX_GOALS, MenteeOptInSchema, MentorOptInSchema } from "~/modules/mentorship/forms";
import type { Role } from "~/modules/mentorship/lifecycle";
import { optInPage, saveOptIn, withdrawOptIn } from "~/modules/mentorship/opt-in.server";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam } from "~/utils/search-params";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Join as a ${loaderData?.role ?? "participant"} · ${loaderData?.programme.name ?? "Mentorship"} · Rungs` }];

function roleOf(url: URL): Role {
  const role = choiceParam(url.searchParams, "as", ["mentee", "mentor"] as const, "role");
  if (!role) throw new InvalidError("Say whether you join as a mentee or a mentor (?as=mentee or ?as=mentor).");
  return role;
}

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return optInPage(viewer, params.programmeId ?? "", roleOf(url));
});

export const action = withDomainErrors(async ({ request, url, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const role = roleOf(url);
  const form = await request.formData();
  if (form.get("intent") === "withdraw") {
    await withdrawOptIn(viewer, programmeId, role);
    return redirect(`/mentorship/${programmeId}`);
  }
  if (role === "mentee") {
    const submission = parseWithZod(form, { schema: MenteeOptInSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await saveOptIn(viewer, programmeId, { role, ...submission.value });
    if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  } else {
    const submission = parseWithZod(form, { schema: MentorOptInSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const result = await saveOptIn(viewer, programmeId, { role, ...submission.value });
    if (!result.ok) return data(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  }
  return redirect(`/mentorship/${programmeId}?joined=${role}`);
});

export default function JoinProgramme({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const lastResult = actionData;
  const navigation = useNavigation();
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
  const busy = navigation.state === "submitting";
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={isMentee ? "Join as a mentee" : "Join as a mentor"}
        description={`${view.programme.name}. You can change your answers or withdraw until the matching day, ${formatDay(view.programme.matchingOn)}, begins.`}
      />
      {view.open ? null : <Alert tone="info">{view.closedReason}</Alert>}
      <Card className="max-w-3xl">
        <Form method="post" className="space-y-5" {...getFormProps(form)}>
          <fieldset disabled={!view.open} className="space-y-5">
            {isMentee && view.target ? (
              <p className="text-sm">
                You are working towards <strong>{view.target.label}</strong>
                {view.target.from === "growth-plan" ? ", as your growth plan says" : view.target.from === "next-level" ? ", the next level of your track" : ""}. A mentor's level
                is at or above it.
              </p>
            ) : null}
            <fieldset aria-describedby={choices.errors?.length ? choices.errorId : undefined}>
              <legend className="mb-1 text-sm font-medium">{isMentee ? `Your goals (up to ${MAX_GOALS})` : "Competencies you can help with"}</legend>
              <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
                {view.prefilled
                  ? isMentee
                    ? "Ticked from your growth plan's focus; change them as you like."
                    : "Ticked: the few your latest manager review rates furthest above your level's target. Those marked (review) are at or above it too: tick any you would like to help with."
                  : isMentee
                    ? "The competencies of the level you are working towards."
                    : "The competencies of the ladder."}
              </p>
              <div className="grid gap-1 sm:grid-cols-2">
                {view.options.map((option) => (
                  <label key={option.id} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" name={choices.name} value={option.id} defaultChecked={chosen.has(option.id)} className="size-4" />
                    {option.name}
                    {(isMentee ? option.suggested : option.fromReview) ? <span className="text-xs text-slate-500 dark:text-slate-400">{isMentee ? "(growth plan)" : "(review)"}</span> : null}
                  </label>
                ))}
              </div>
              <ErrorList id={choices.errorId} errors={choices.errors} />
            </fieldset>
            {isMentee ? (
              <TextareaField
                label="What you hope for (optional)"
                hint="Anything your mentor should know: how you like to work, what you want to try. Only your mentor and the programme's admins read it."
                rows={3}
                errors={fields.preferences.errors}
                {...getTextareaProps(fields.preferences)}
              />
            ) : (
              <Field
                label="How many mentees you can take"
                hint={`At most ${view.programme.maxMenteesPerMentor} in this programme.`}
                errors={fields.capacity.errors}
                min={1}
                max={view.programme.maxMenteesPerMentor}
                className="max-w-xs"
                {...getInputProps(fields.capacity, { type: "number" })}
              />
            )}
            <SelectField
              label="Your time zone"
              hint="Yours everywhere in Rungs, as under Email settings. Pairs are kept within the programme's largest time-zone difference on every day of the programme, as clocks change."
              errors={fields.timeZone.errors}
              className="max-w-xs"
              {...getSelectProps(fields.timeZone)}
            >
              <TimeZoneOptions zones={view.timeZones} organisation={view.organisationTimeZone} />
            </SelectField>
            <FormErrors form={form} />
            <div className="flex flex-wrap gap-3">
              <Button type="submit" name="intent" value="save" disabled={busy}>
                {view.joined ? "Save changes" : isMentee ? "Join as a mentee" : "Join as a mentor"}
              </Button>
              {view.joined ? (
                <Button type="submit" name="intent" value="withdraw" variant="secondary" formNoValidate disabled={busy}>
                  Withdraw
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
