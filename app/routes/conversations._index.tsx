import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useEffect, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { Form, Link, data, redirect, useActionData } from "react-router";
import type { Route } from "./+types/conversations._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { cadencesFor, cadencesOffered, sinceLastHeld } from "~/modules/conversations/cadence";
import { startSeriesSchema } from "~/modules/conversations/forms";
import {
  conversationsOf,
  startOptions,
  startSeries,
  type Pairing,
} from "~/modules/conversations/series.server";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("conversations:list.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const now = clock.now();
  const [series, pairings] = await Promise.all([
    conversationsOf(viewer, now),
    startOptions(viewer),
  ]);
  return { series, pairings, timeZone, now };
});

/** A series that cannot be set up is said above the form, which keeps what was chosen. */
async function refusalShown(form: FormData, { request }: Route.ActionArgs) {
  const { timeZone } = await requireUserAndTimeZone(request);
  return { reply: parseWithZod(form, { schema: startSeriesSchema(timeZone) }).reply() };
}

export const action = withFormRefusals(async ({ request }: Route.ActionArgs, form) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const submission = parseWithZod(form, { schema: startSeriesSchema(timeZone) });
  if (submission.status !== "success")
    return data({ reply: submission.reply(), error: null }, { status: 400 });
  const { pairing, cadence, firstAt, minutes } = submission.value;
  const seriesId = await startSeries(viewer, { ...pairing, cadence, firstAt, minutes });
  return redirect(`/conversations/${seriesId}`);
}, refusalShown);

export default function Conversations({ loaderData }: Route.ComponentProps) {
  const { series, pairings, timeZone, now } = loaderData;
  const current = series.filter((item) => item.current);
  const earlier = series.filter((item) => !item.current);
  const { t } = useTranslation("conversations");
  const f = useFormats();
  const withWhom = (item: (typeof series)[number]) =>
    t(item.kind === "one-to-one" ? "series.heading.oneToOne" : "series.heading.skipLevel", {
      name: item.otherName,
    });
  return (
    <>
      <PageHeader
        title={t("list.heading")}
        description={t("list.description")}
        actions={
          <Link to="/conversations/evidence" className="text-sm font-medium underline">
            {t("list.evidence")}
          </Link>
        }
      />
      <section aria-labelledby="current-heading" className="mb-8">
        <h2 id="current-heading" className="mb-2 text-lg font-semibold">
          {t("list.current")}
        </h2>
        {current.length ? (
          <ul className="space-y-2">
            {current.map((item) => (
              <li key={item.id}>
                <Link to={`/conversations/${item.id}`} className="font-medium underline">
                  {withWhom(item)}
                </Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {" "}
                  · {t(`cadence.${item.cadence}`)} ·{" "}
                  {item.nextAt
                    ? t("list.next", { when: f.dateTime(item.nextAt) })
                    : t("list.nextToBeSet")}{" "}
                  ·{" "}
                  {t(
                    "list.lastHeld",
                    sinceLastHeld(
                      item.lastHeldAt ? new Date(item.lastHeldAt) : null,
                      new Date(now),
                    ),
                  )}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">{t("list.none")}</p>
        )}
      </section>
      {pairings.length ? <StartForm pairings={pairings} timeZone={timeZone} /> : null}
      {earlier.length ? (
        <section aria-labelledby="earlier-heading" className="mt-8">
          <h2 id="earlier-heading" className="mb-2 text-lg font-semibold">
            {t("list.earlier")}
          </h2>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
            {t("list.earlierIntro")}
          </p>
          <ul className="space-y-1">
            {earlier.map((item) => (
              <li key={item.id}>
                <Link to={`/conversations/${item.id}`} className="underline">
                  {withWhom(item)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function StartForm({
  pairings,
  timeZone,
}: {
  pairings: Pick<Pairing, "value" | "kind" | "label">[];
  timeZone: string;
}) {
  const { t } = useTranslation("conversations");
  const result = useActionData<typeof action>();
  const sending = useSubmitting();
  const schema = startSeriesSchema(timeZone);
  const [form, fields] = useForm({
    id: "start-series",
    lastResult: result?.reply as SubmissionResult<string[]> | undefined,
    constraint: getZodConstraint(schema),
    defaultValue: { minutes: "30" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // Without a script the kind is not known until the form is sent: every cadence some pairing on
  // offer takes, each once, and the schema refuses on the field one the chosen kind does not take.
  // With one, only those of the pairing chosen.
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const chosen = pairings.find((pairing) => pairing.value === fields.pairing.value)?.kind;
  const cadences =
    interactive && chosen
      ? cadencesFor(chosen)
      : cadencesOffered(pairings.map((pairing) => pairing.kind));
  return (
    <Card className="max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">{t("start.heading")}</h2>
      <p className="mb-3 text-sm">{t("start.intro")}</p>
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <SelectField
          label={t("start.with")}
          errors={fields.pairing.errors}
          {...getSelectProps(fields.pairing)}
        >
          <option value="">{t("start.choose")}</option>
          {pairings.map((pairing) => (
            <option key={pairing.value} value={pairing.value}>
              {wordsOf(t, pairing.label)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t("start.cadence")}
          errors={fields.cadence.errors}
          {...getSelectProps(fields.cadence)}
        >
          <option value="">{t("start.choose")}</option>
          {cadences.map((cadence) => (
            <option key={cadence} value={cadence}>
              {t(`cadence.${cadence}`)}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("start.firstAt", { zone: timeZone })}
          hint={t("start.firstAtHint")}
          errors={fields.firstAt.errors}
          {...getInputProps(fields.firstAt, { type: "datetime-local" })}
        />
        <Field
          label={t("start.minutes")}
          className="max-w-32"
          errors={fields.minutes.errors}
          {...getInputProps(fields.minutes, { type: "number" })}
          min={15}
          max={180}
          step={5}
        />
        <Button type="submit" disabled={sending}>
          {t("start.submit")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
