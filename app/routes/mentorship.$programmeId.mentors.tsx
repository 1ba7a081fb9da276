import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { programmeMeta } from "~/components/mentorship/parts";
import { useDoneMessage } from "~/components/ui/use-done-message";
import type { Route } from "./+types/mentorship.$programmeId.mentors";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { MAX_NOTE, MentorNoteSchema, RequestSchema } from "~/modules/mentorship/forms";
import { isRequestState } from "~/modules/mentorship/requests";
import {
  askMentor,
  mentorsPage,
  saveMentorNote,
  withdrawRequest,
} from "~/modules/mentorship/requests.server";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

// Opened from an email and the programme's page; each form checks on the server, redirects when
// accepted and comes back with its errors and what was typed when refused (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = programmeMeta("mentors");

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return mentorsPage(viewer, params.programmeId ?? "", undefined, languageOf(context));
});

/** A refusal is said at the top of the page; no form keeps a reply. */
const refusalShown = () => ({ reply: undefined });

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const intent = String(form.get("intent") ?? "");
  const back = (done: string) => redirect(`/mentorship/${programmeId}/mentors?done=${done}`);
  if (intent === "ask") {
    const submission = parseWithZod(form, { schema: RequestSchema });
    if (submission.status !== "success")
      return data(
        {
          intent,
          reply: submission.reply(),
          error: Object.values(submission.error ?? {}).flat()[0] ?? null,
        },
        { status: 400 },
      );
    await askMentor(viewer, programmeId, submission.value);
    return back("asked");
  }
  if (intent === "withdraw") {
    await withdrawRequest(viewer, programmeId, String(form.get("requestId") ?? ""));
    return back("withdrawn");
  }
  if (intent === "note") {
    const submission = parseWithZod(form, { schema: MentorNoteSchema });
    if (submission.status !== "success")
      return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    await saveMentorNote(viewer, programmeId, submission.value.note);
    return back("note");
  }
  throw new InvalidError({ key: "mentorship:errors.unknownAction" });
}, refusalShown);

const DONE = {
  asked: "mentors.done.asked",
  withdrawn: "mentors.done.withdrawn",
  note: "mentors.done.note",
} as const;

type View = Route.ComponentProps["loaderData"];

export default function MentorsPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const sending = useSubmitting();
  const busy = sending;
  const { t } = useTranslation("mentorship");
  const f = useFormats();
  const doneKey = useDoneMessage(DONE, result);
  const done = doneKey ? t(doneKey) : null;
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={t("mentors.heading", { name: view.programme.name })}
        description={
          view.asMentee
            ? t("mentors.menteeIntro", {
                count: view.maxRequests,
                matchingOn: f.day(view.programme.matchingOn),
              })
            : t("mentors.intro")
        }
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{wordsOf(t, result.error)}</Alert> : null}

      {view.asMentee ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("mentors.yourRequests")}</h2>
          {view.requests.length ? (
            <ol className="space-y-2 text-sm">
              {view.requests.map((request) => (
                <li key={request.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {t("mentors.choiceOf", {
                      rank: t("ordinal", { rank: request.rank }),
                      name: request.mentorName,
                    })}
                  </span>
                  <span>{wordsOf(t, request.standing)}</span>
                  {request.canWithdraw ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="requestId" value={request.id} />
                      <Button
                        type="submit"
                        variant="secondary"
                        disabled={busy}
                        aria-label={t("mentors.withdrawLabel", { name: request.mentorName })}
                      >
                        {t("mentors.withdraw")}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm">
              {view.requestsOpen ? t("mentors.noRequestsYet") : t("mentors.noRequests")}
            </p>
          )}
        </Card>
      ) : null}

      {view.profiles.length === 0 ? <p className="text-sm">{t("mentors.none")}</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {view.profiles.map((profile) => (
          <Profile
            key={profile.id}
            profile={profile}
            view={view}
            busy={busy}
            noteReply={
              result?.intent === "note"
                ? (result.reply as SubmissionResult<string[]> | undefined)
                : undefined
            }
          />
        ))}
      </div>
    </>
  );
}

function Profile({
  profile,
  view,
  busy,
  noteReply,
}: {
  profile: View["profiles"][number];
  view: View;
  busy: boolean;
  noteReply: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("mentorship");
  const headingId = `mentor-${profile.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {profile.name}
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        {t("mentors.placesLeft", { count: profile.placesLeft })} · {profile.timeZone}
      </p>
      <h3 className="text-sm font-medium">{t("mentors.canHelpWith")}</h3>
      <ul className="mb-2 list-disc ps-5 text-sm">
        {profile.canHelpWith.map((competency) => (
          <li key={competency.id}>
            {competency.name}
            {competency.fromReview && !competency.offered ? (
              <span className="text-xs text-slate-600 dark:text-slate-300">
                {" "}
                {t("mentors.strongInReview")}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {profile.note ? (
        <p className="mb-3 whitespace-pre-line text-sm">
          {t("matching.quoted", { text: profile.note })}
        </p>
      ) : null}
      {profile.isViewer ? <NoteForm note={profile.note} busy={busy} reply={noteReply} /> : null}
      {view.asMentee && !profile.isViewer ? (
        profile.request ? null : profile.canAsk && view.nextRank !== null ? (
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="ask" />
            <input type="hidden" name="mentorId" value={profile.id} />
            <SelectField
              label={t("mentors.yourChoice")}
              name="rank"
              defaultValue={String(view.nextRank)}
              className="w-40"
            >
              {view.freeRanks.map((rank) => (
                <option key={rank} value={rank}>
                  {t("mentors.choice", { rank: t("ordinal", { rank }) })}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t("mentors.ask", { name: profile.name })}
            </Button>
          </Form>
        ) : profile.refusal ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {wordsOf(t, profile.refusal)}
          </p>
        ) : null
      ) : null}
      {profile.request ? (
        <p className="text-sm">
          {t("mentors.asked", {
            name: profile.name,
            rank: t("ordinal", { rank: profile.request.rank }),
            state: isRequestState(profile.request.state) ? profile.request.state : "requested",
          })}
        </p>
      ) : null}
    </section>
  );
}

function NoteForm({
  note,
  busy,
  reply,
}: {
  note: string;
  busy: boolean;
  reply: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation("mentorship");
  const [form, fields] = useForm({
    id: "mentor-note",
    lastResult: reply,
    constraint: getZodConstraint(MentorNoteSchema),
    defaultValue: { note },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MentorNoteSchema }),
  });
  return (
    <Form method="post" className="space-y-2" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="note" />
      <TextareaField
        label={t("mentors.note")}
        hint={t("mentors.noteHint", { count: MAX_NOTE })}
        rows={3}
        errors={fields.note.errors}
        {...getTextareaProps(fields.note)}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("mentors.saveNote")}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
