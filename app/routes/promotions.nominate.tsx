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
import { Button, SubmitButton } from "~/components/ui/button";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { NominationSchema } from "~/modules/promotions/forms";
import { nominate, nominationChoices } from "~/modules/promotions/nominations.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotions:nominate.title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const query = new URL(request.url).searchParams;
  return nominationChoices(
    viewer,
    query.get("window"),
    query.get("nominee") || null,
    undefined,
    languageOf(context),
  );
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
          <p className="mb-4 text-sm">
            {t("nominate.window", { name: chosen.name, day: f.day(chosen.nominationsCloseOn) })}
          </p>
          <WhomToNominate chosen={chosen} />
          {chosen.nominee ? <NomineeStanding chosen={chosen} nominee={chosen.nominee} /> : null}
          {chosen.tracks.length > 0 && !(chosen.nominee?.self && !chosen.selfNomination) ? (
            <NominationForm
              // A new nominee is a new form: the level chosen for someone else does not carry over.
              key={chosen.nominee?.id ?? ""}
              chosen={chosen}
              lastResult={actionData && "reply" in actionData ? actionData.reply : undefined}
            />
          ) : null}
        </Card>
      )}
    </>
  );
}

type Chosen = NonNullable<Route.ComponentProps["loaderData"]["chosen"]>;
type Nominee = NonNullable<Chosen["nominee"]>;

const linkClass = "text-brand-600 underline dark:text-brand-100";

/**
 * Whom the form is about: oneself or someone under the viewer (their levels shown), or a colleague
 * by email (every level, none marked). Switching is a link or a small form that reloads the page.
 */
function WhomToNominate({ chosen }: { chosen: Chosen }) {
  const { t } = useTranslation("promotions");
  const base = `/promotions/nominate?window=${encodeURIComponent(chosen.id)}`;
  const current = chosen.nominee;
  return (
    <nav
      aria-label={t("nominate.whom")}
      className="mb-4 border-b border-slate-200 pb-4 text-sm dark:border-slate-700"
    >
      <ul className="flex flex-wrap items-end gap-x-6 gap-y-3">
        {chosen.selfNomination ? (
          <li>
            <Link
              to={`${base}&nominee=${encodeURIComponent(chosen.viewerId)}`}
              className={linkClass}
              aria-current={current?.self ? "page" : undefined}
            >
              {t("nominate.whomYourself")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={base} className={linkClass} aria-current={current ? undefined : "page"}>
            {t("nominate.whomByEmail")}
          </Link>
        </li>
        {chosen.team.length ? (
          <li>
            <Form method="get" className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="window" value={chosen.id} />
              <SelectField
                label={t("nominate.whomTeam")}
                name="nominee"
                defaultValue={current && !current.self ? current.id : chosen.team[0]!.id}
              >
                {chosen.team.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
              </SelectField>
              <Button type="submit" variant="secondary">
                {t("nominate.whomShow")}
              </Button>
            </Form>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The nominee the form is about, and why it has no level to offer when it has none. */
function NomineeStanding({ chosen, nominee }: { chosen: Chosen; nominee: Nominee }) {
  const { t } = useTranslation("promotions");
  if (nominee.self && !chosen.selfNomination)
    return <Alert tone="warning">{t("errors.selfNominationOff")}</Alert>;
  if (!nominee.onLadder || nominee.levelTitle === null)
    return (
      <Alert tone="warning">
        {nominee.self
          ? t("nominate.notOnLadderSelf")
          : t("nominate.notOnLadderOther", { name: nominee.name })}
      </Alert>
    );
  if (chosen.tracks.length === 0)
    return (
      <Alert tone="info">
        {nominee.self
          ? t("nominate.noLevelAboveSelf", { level: nominee.levelTitle })
          : t("nominate.noLevelAboveOther", { name: nominee.name, level: nominee.levelTitle })}
      </Alert>
    );
  return (
    <p className="mb-4 text-sm">
      {nominee.self
        ? t("nominate.nominatingSelf", { level: nominee.levelTitle })
        : t("nominate.nominatingOther", { name: nominee.name, level: nominee.levelTitle })}
    </p>
  );
}

function NominationForm({
  chosen,
  lastResult,
}: {
  chosen: Chosen;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("promotions");
  const nominee = chosen.nominee;
  const levels = chosen.tracks.flatMap((track) => track.levels);
  const [form, fields] = useForm<z.input<typeof NominationSchema>>({
    id: "nominate",
    lastResult,
    constraint: getZodConstraint(NominationSchema),
    defaultValue: {
      windowId: chosen.id,
      nomineeEmail: nominee?.email ?? "",
      // The one level open to the nominee is chosen for them; otherwise the choice is the writer's.
      targetLevelId: nominee && levels.length === 1 ? levels[0]!.id : "",
      statement: "",
    },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NominationSchema }),
  });
  const targetHint = !nominee
    ? t("nominate.targetHintAnyone")
    : nominee.self
      ? t("nominate.targetHintSelf")
      : t("nominate.targetHintOther", { name: nominee.name });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input {...getInputProps(fields.windowId, { type: "hidden" })} />
      {nominee ? (
        <input {...getInputProps(fields.nomineeEmail, { type: "hidden" })} />
      ) : (
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
      )}
      <SelectField
        label={t("nominate.target")}
        hint={targetHint}
        errors={fields.targetLevelId.errors}
        {...getSelectProps(fields.targetLevelId)}
      >
        <option value="">{t("nominate.chooseLevel")}</option>
        {chosen.tracks.map((track) => (
          <optgroup key={track.id} label={track.name}>
            {track.levels.map((level) => (
              <option key={level.id} value={level.id}>
                {level.title}
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
