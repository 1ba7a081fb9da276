import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form, data, redirect } from "react-router";
import type { Route } from "./+types/conversations.evidence";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CheckboxField, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import {
  deleteEvidence,
  evidenceCompetencies,
  evidenceOf,
  recordEvidence,
  setEvidenceShared,
  setShareAllEvidence,
} from "~/modules/conversations/evidence.server";
import { EvidenceSchema } from "~/modules/conversations/forms";
import { dateToDay, dayToDate } from "~/modules/days";
import { InvalidError, NotFoundError } from "~/modules/errors";
import { requireUser } from "~/modules/identity/permissions.server";
import { db } from "~/db/client.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import * as clock from "~/platform/clock.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("conversations:evidence.title") },
];

/** The viewer's own evidence (to record and share), or with `?person=` a report's, as far as they shared it. */
export const loader = withDomainErrors(async ({ request, url, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  const personId = search.get("person") ?? viewer.id;
  const own = personId === viewer.id;
  const [{ items, sharesAll, lastRecordedId }, competencies, person] = await Promise.all([
    evidenceOf(viewer, personId, languageOf(context)),
    own ? evidenceCompetencies(viewer.id, languageOf(context)) : Promise.resolve([]),
    own
      ? Promise.resolve({ name: viewer.name })
      : db.user.findUnique({ where: { id: personId }, select: { name: true } }),
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

/** A refusal is said at the top of the page; a refused item comes back as typed (without JavaScript the page reloads from this answer). */
const refusalShown = (form: FormData) => ({
  reply:
    form.get("intent") === "record"
      ? parseWithZod(form, { schema: EvidenceSchema }).reply()
      : undefined,
});

export const action = withFormRefusals(async ({ request }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const intent = String(form.get("intent") ?? "");
  const back = () => redirect("/conversations/evidence");
  if (intent === "record") {
    const submission = parseWithZod(form, { schema: EvidenceSchema });
    if (submission.status !== "success")
      return data({ reply: submission.reply(), error: null as string | null }, { status: 400 });
    const { competencyId, text, url, occurredOn, shared, meetingId } = submission.value;
    await recordEvidence(viewer, {
      competencyId,
      text,
      url: url ?? null,
      occurredOn: dayToDate(occurredOn),
      shared,
      meetingId: meetingId ?? null,
    });
    return back();
  }
  if (intent === "share") {
    await setEvidenceShared(
      viewer,
      String(form.get("evidenceId") ?? ""),
      form.get("shared") === "on",
    );
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
  throw new InvalidError({ key: "conversations:errors.unknownAction" });
}, refusalShown);

export default function Evidence({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const { t } = useTranslation("conversations");
  const f = useFormats();
  return (
    <>
      <BackLink to="/conversations">{t("series.back")}</BackLink>
      <PageHeader
        title={
          view.own
            ? t("evidence.ownHeading")
            : t("evidence.personHeading", { name: view.personName })
        }
        description={
          view.own ? t("evidence.ownIntro") : t("evidence.personIntro", { name: view.personName })
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
            <h2 className="mb-2 text-lg font-semibold">{t("evidence.sharing")}</h2>
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="share-all" />
              <CheckboxField
                label={t("evidence.shareAll")}
                hint={t("evidence.shareAllHint")}
                name="sharesAll"
                defaultChecked={view.sharesAll}
              />
              <Button type="submit" variant="secondary">
                {t("evidence.save")}
              </Button>
            </Form>
          </Card>
        </div>
      ) : null}
      {view.items.length ? (
        <ul className="space-y-3">
          {view.items.map((item) => (
            <li
              key={item.id}
              className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700"
            >
              <p className="font-medium">
                {item.competencyName} · {f.day(item.occurredOn)}
                {item.fromConversation ? <> · {t("evidence.fromConversation")}</> : null}
              </p>
              <p className="whitespace-pre-line">{item.text}</p>
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
                      {item.shared ? t("evidence.stopSharing") : t("evidence.share")}
                    </Button>
                  </Form>
                  <Form method="post">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="evidenceId" value={item.id} />
                    <Button type="submit" variant="secondary">
                      {t("evidence.delete")}
                    </Button>
                  </Form>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">
          {view.own ? t("evidence.noneRecorded") : t("evidence.noneShared")}
        </p>
      )}
    </>
  );
}

function RecordForm({
  competencies,
  today,
  meetingId,
  reply,
}: {
  competencies: { id: string; name: string }[];
  today: string;
  meetingId: string | null;
  reply: SubmissionResult<string[]> | undefined;
}) {
  const sending = useSubmitting();
  const { t } = useTranslation("conversations");
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
      <h2 className="mb-2 text-lg font-semibold">{t("evidence.record.heading")}</h2>
      <Form method="post" className="space-y-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="record" />
        {meetingId ? <input type="hidden" name="meetingId" value={meetingId} /> : null}
        <SelectField
          label={t("evidence.record.competency")}
          errors={fields.competencyId.errors}
          {...getSelectProps(fields.competencyId)}
        >
          <option value="">{t("start.choose")}</option>
          {competencies.map((competency) => (
            <option key={competency.id} value={competency.id}>
              {competency.name}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={t("evidence.record.text")}
          hint={t("evidence.record.textHint")}
          rows={2}
          errors={fields.text.errors}
          {...getTextareaProps(fields.text)}
        />
        <Field
          label={t("evidence.record.url")}
          errors={fields.url.errors}
          {...getInputProps(fields.url, { type: "url" })}
        />
        <Field
          label={t("evidence.record.when")}
          className="max-w-xs"
          errors={fields.occurredOn.errors}
          {...getInputProps(fields.occurredOn, { type: "date" })}
          max={today}
        />
        <CheckboxField
          label={t("evidence.share")}
          {...getInputProps(fields.shared, { type: "checkbox" })}
        />
        <Button type="submit" disabled={sending}>
          {t("evidence.record.submit")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
