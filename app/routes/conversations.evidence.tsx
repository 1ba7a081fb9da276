import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation } from "react-router";
import type { Route } from "./+types/conversations.evidence";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { deleteEvidence, evidenceCompetencies, evidenceOf, recordEvidence, setEvidenceShared, setShareAllEvidence } from "~/modules/conversations/evidence.server";
import { EvidenceSchema } from "~/modules/conversations/forms";
import { dateToDay, dayToDate } from "~/modules/days";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { db } from "~/db/client.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";

export const meta: Route.MetaFunction = () => [{ title: "Evidence · Conversations · Rungs" }];

/** The viewer's own evidence (to record and share), or with `?person=` a report's, as far as they shared it. */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  const personId = search.get("person") ?? viewer.id;
  const own = personId === viewer.id;
  const [{ items, sharesAll, lastRecordedId }, competencies, person] = await Promise.all([
    evidenceOf(viewer, personId),
    own ? evidenceCompetencies(viewer.id) : Promise.resolve([]),
    own ? Promise.resolve({ name: viewer.name }) : db.user.findUnique({ where: { id: personId }, select: { name: true } }),
  ]);
  if (!person) throw new NotFoundError();
  // Recorded from a conversation's page: the meeting it came from (checked when it is written).
  return {
    own,
    personName: person.name,
    items,
    sharesAll,
    lastRecordedId: own ? lastRecordedId : null,
    competencies,
    today: dateToDay(clock.now()),
    meetingId: own ? search.get("meeting") : null,
  };
});

/** A refusal is said at the top of the page; no form keeps a reply. */
const refusalShown = () => ({ reply: undefined });

export const action = withFormRefusals(async ({ request }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const intent = String(form.get("intent") ?? "");
  const back = () => redirect("/conversations/evidence");
  if (intent === "record") {
    const submission = parseWithZod(form, { schema: EvidenceSchema });
    if (submission.status !== "success") return data({ reply: submission.reply(), error: null as string | null }, { status: 400 });
    const { competencyId, text, url, occurredOn, shared, meetingId } = submission.value;
    await recordEvidence(viewer, { competencyId, text, url: url ?? null, occurredOn: dayToDate(occurredOn), shared, meetingId: meetingId ?? null });
    return back();
  }
  if (intent === "share") {
    await setEvidenceShared(viewer, String(form.get("evidenceId") ?? ""), form.get("shared") === "on");
    return back();
  }
  if (intent === "share-all") {
    await setShareAllEvidence(viewer, form.get("sharesAll") === "on");
    return back();
  }
  if (intent === "delete") {
    await deleteEvidence(viewer, String(form.get("evidenceId") ?? ""));
    return back();
  }
  throw new InvalidError("Unknown action.");
}, refusalShown);

export default function Evidence({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  return (
    <>
      <BackLink to="/conversations">Conversations</BackLink>
      <PageHeader
        title={view.own ? "Your evidence" : `${view.personName}'s evidence`}
        description={
          view.own
            ? "Note what you did when it happens, against a competency of your ladder: your next self-assessment offers it beside each competency. Your manager reads only what you share."
            : `What ${view.personName} chose to share with you.`
        }
      />
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}
      {view.own ? (
        <div className="mb-6 grid gap-6 lg:grid-cols-2">
          {/* Recording comes back to this same page, which keeps what a form holds: a new form for each new item, so
              nothing typed or ticked for the last one (its sharing above all) carries over to the next. */}
          <RecordForm
            key={view.lastRecordedId ?? "first"}
            competencies={view.competencies}
            today={view.today}
            meetingId={view.meetingId}
            reply={result?.reply as SubmissionResult<string[]> | undefined}
          />
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Sharing</h2>
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="share-all" />
              <CheckboxField label="Share all my evidence with my manager" hint="Now and later. Otherwise, share item by item." name="sharesAll" defaultChecked={view.sharesAll} />
              <Button type="submit" variant="secondary">
                Save
              </Button>
            </Form>
          </Card>
        </div>
      ) : null}
      {view.items.length ? (
        <ul className="space-y-3">
          {view.items.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
              <p className="font-medium">
                {item.competencyName} · {dateToDay(new Date(item.occurredOn))}
                {item.fromConversation ? " · from a conversation" : ""}
              </p>
              <p>{item.text}</p>
              {item.url ? (
                <a href={item.url} className="underline" rel="noreferrer noopener">
                  {item.url}
                </a>
              ) : null}
              {view.own ? (
                <div className="mt-2 flex flex-wrap gap-2">
                  <Form method="post">
                    <input type="hidden" name="intent" value="share" />
                    <input type="hidden" name="evidenceId" value={item.id} />
                    {item.shared ? null : <input type="hidden" name="shared" value="on" />}
                    <Button type="submit" variant="secondary">
                      {item.shared ? "Stop sharing" : "Share with my manager"}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="evidenceId" value={item.id} />
                    <Button type="submit" variant="secondary">
                      Delete
                    </Button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No evidence {view.own ? "recorded yet" : "shared"}.</p>
      )}
    </>
  );
}

function RecordForm({ competencies, today, meetingId, reply }: { competencies: { id: string; name: string }[]; today: string; meetingId: string | null; reply: SubmissionResult<string[]> | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "record",
    lastResult: reply,
    constraint: getZodConstraint(EvidenceSchema),
    defaultValue: { occurredOn: today },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EvidenceSchema }),
  });
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">Record evidence</h2>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
        <SelectField label="Competency" errors={fields.competencyId.errors} {...getSelectProps(fields.competencyId)}>
          <option value="">Choose…</option>
          {competencies.map((competency) => (
            <option key={competency.id} value={competency.id}>
              {competency.name}
            </option>
          ))}
        </SelectField>
        <TextareaField label="What happened" hint="A sentence is enough." rows={2} errors={fields.text.errors} {...getTextareaProps(fields.text)} />
        <Field label="Link (optional)" errors={fields.url.errors} {...getInputProps(fields.url, { type: "url" })} />
        <Field label="When" className="max-w-xs" errors={fields.occurredOn.errors} {...getInputProps(fields.occurredOn, { type: "date" })} max={today} />
        <CheckboxField label="Share with my manager" {...getInputProps(fields.shared, { type: "checkbox" })} />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          Record
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
