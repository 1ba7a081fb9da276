import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/conversations._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { CADENCE_LABELS, cadencesFor, sinceInWords } from "~/modules/conversations/cadence";
import { startSeriesSchema } from "~/modules/conversations/forms";
import { conversationsOf, startOptions, startSeries } from "~/modules/conversations/series.server";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { formatDateTime } from "~/modules/time-zones";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "Conversations · Rungs" }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const now = clock.now();
  const [series, pairings] = await Promise.all([conversationsOf(viewer, now), startOptions(viewer)]);
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
  if (submission.status !== "success") return data({ reply: submission.reply(), error: null }, { status: 400 });
  const { pairing, cadence, firstAt, minutes } = submission.value;
  const seriesId = await startSeries(viewer, { ...pairing, cadence, firstAt, minutes });
  return redirect(`/conversations/${seriesId}`);
}, refusalShown);

export default function Conversations({ loaderData }: Route.ComponentProps) {
  const { series, pairings, timeZone, now } = loaderData;
  const current = series.filter((item) => item.current);
  const earlier = series.filter((item) => !item.current);
  return (
    <>
      <PageHeader
        title="Conversations"
        description="Your one-to-ones and skip-levels: an agenda you both build, notes only the two of you read, and actions followed up. Your manager's manager and admins see only that you meet, and when."
        actions={
          <Link to="/conversations/evidence" className="text-sm font-medium underline">
            Your evidence
          </Link>
        }
      />
      <section aria-labelledby="current-heading" className="mb-8">
        <h2 id="current-heading" className="mb-2 text-lg font-semibold">
          Meeting now
        </h2>
        {current.length ? (
          <ul className="space-y-2">
            {current.map((item) => (
              <li key={item.id}>
                <Link to={`/conversations/${item.id}`} className="font-medium underline">
                  {item.kind === "one-to-one" ? "One-to-one" : "Skip-level"} with {item.otherName}
                </Link>
                <span className="text-sm text-slate-700 dark:text-slate-300">
                  {" "}
                  · {CADENCE_LABELS[item.cadence]} · next {item.nextAt ? formatDateTime(item.nextAt, timeZone) : "to be set"} · last held {sinceInWords(item.lastHeldAt ? new Date(item.lastHeldAt) : null, new Date(now))}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm">No one-to-ones or skip-levels yet.</p>
        )}
      </section>
      {pairings.length ? <StartForm pairings={pairings} timeZone={timeZone} /> : null}
      {earlier.length ? (
        <section aria-labelledby="earlier-heading" className="mt-8">
          <h2 id="earlier-heading" className="mb-2 text-lg font-semibold">
            Earlier series
          </h2>
          <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">Series whose reporting line changed or that ended: a record for the two of you.</p>
          <ul className="space-y-1">
            {earlier.map((item) => (
              <li key={item.id}>
                <Link to={`/conversations/${item.id}`} className="underline">
                  {item.kind === "one-to-one" ? "One-to-one" : "Skip-level"} with {item.otherName}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function StartForm({ pairings, timeZone }: { pairings: { value: string; kind: "one-to-one" | "skip-level"; label: string }[]; timeZone: string }) {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const schema = startSeriesSchema(timeZone);
  const [form, fields] = useForm({
    id: "start-series",
    lastResult: result?.reply as SubmissionResult<string[]> | undefined,
    constraint: getZodConstraint(schema),
    defaultValue: { minutes: "30" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const kinds = new Set(pairings.map((pairing) => pairing.kind));
  return (
    <Card className="max-w-2xl">
      <h2 className="mb-2 text-lg font-semibold">Set up a series</h2>
      <p className="mb-3 text-sm">Either of you can set it up; it meets on the manager's clock, and both of you get calendar invitations. Skip-levels meet less often.</p>
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <SelectField label="With" errors={fields.pairing.errors} {...getSelectProps(fields.pairing)}>
          <option value="">Choose…</option>
          {pairings.map((pairing) => (
            <option key={pairing.value} value={pairing.value}>
              {pairing.label}
            </option>
          ))}
        </SelectField>
        <SelectField label="How often" errors={fields.cadence.errors} {...getSelectProps(fields.cadence)}>
          <option value="">Choose…</option>
          {kinds.has("one-to-one") ? (
            <optgroup label="One-to-one">
              {cadencesFor("one-to-one").map((cadence) => (
                <option key={`one-${cadence}`} value={cadence}>
                  {CADENCE_LABELS[cadence]}
                </option>
              ))}
            </optgroup>
          ) : null}
          {kinds.has("skip-level") ? (
            <optgroup label="Skip-level">
              {cadencesFor("skip-level").map((cadence) => (
                <option key={`skip-${cadence}`} value={cadence}>
                  {CADENCE_LABELS[cadence]}
                </option>
              ))}
            </optgroup>
          ) : null}
        </SelectField>
        <Field label={`First meeting (your clock, ${timeZone})`} errors={fields.firstAt.errors} {...getInputProps(fields.firstAt, { type: "datetime-local" })} />
        <Field label="Minutes" className="max-w-32" errors={fields.minutes.errors} {...getInputProps(fields.minutes, { type: "number" })} min={15} max={180} step={5} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Set up
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
