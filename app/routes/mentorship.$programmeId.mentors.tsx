import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.mentors";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDay } from "~/components/mentorship/parts";
import { Button } from "~/components/ui/button";
import { SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { ordinal } from "~/modules/mentorship/fit";
import { MAX_NOTE, MentorNoteSchema, RequestSchema } from "~/modules/mentorship/forms";
import { isRequestState, REQUEST_STATE_LABELS } from "~/modules/mentorship/requests";
import { askMentor, mentorsPage, saveMentorNote, withdrawRequest } from "~/modules/mentorship/requests.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Mentors · ${loaderData?.programme.name ?? "Mentorship"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return mentorsPage(viewer, params.programmeId ?? "");
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
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: Object.values(submission.error ?? {}).flat()[0] ?? null }, { status: 400 });
    await askMentor(viewer, programmeId, submission.value);
    return back("asked");
  }
  if (intent === "withdraw") {
    await withdrawRequest(viewer, programmeId, String(form.get("requestId") ?? ""));
    return back("withdrawn");
  }
  if (intent === "note") {
    const submission = parseWithZod(form, { schema: MentorNoteSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply(), error: null }, { status: 400 });
    await saveMentorNote(viewer, programmeId, submission.value.note);
    return back("note");
  }
  throw new InvalidError("Unknown action.");
}, refusalShown);

const DONE: Record<string, string> = {
  asked: "Request sent. The mentor is asked to accept or decline.",
  withdrawn: "Request withdrawn.",
  note: "Your note is saved.",
};

type View = Route.ComponentProps["loaderData"];

export default function MentorsPage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const busy = navigation.state === "submitting";
  const done = result ? null : DONE[searchParams.get("done") ?? ""];
  return (
    <>
      <BackLink to={`/mentorship/${view.programme.id}`}>{view.programme.name}</BackLink>
      <PageHeader
        title={`Mentors of ${view.programme.name}`}
        description={
          view.asMentee
            ? `Ask up to ${view.maxRequests} mentors, in order of preference, before the matching day (${formatDay(view.programme.matchingOn)}). A mentor who accepts is your mentor; the matching pairs everyone else around accepted requests.`
            : "What each mentor can help with, their places left, time zone and note, as the programme's mentees see them."
        }
      />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {result?.error ? <Alert tone="error">{result.error}</Alert> : null}

      {view.asMentee ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">Your requests</h2>
          {view.requests.length ? (
            <ol className="space-y-2 text-sm">
              {view.requests.map((request) => (
                <li key={request.id} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">
                    {ordinal(request.rank)} choice: {request.mentorName}
                  </span>
                  <span>{request.standing}</span>
                  {request.canWithdraw ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="requestId" value={request.id} />
                      <Button type="submit" variant="secondary" disabled={busy} aria-label={`Withdraw your request to ${request.mentorName}`}>
                        Withdraw
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-sm">{view.requestsOpen ? "You have not asked anyone yet. Choose from the mentors below, or leave it to the matching." : "You made no requests."}</p>
          )}
        </Card>
      ) : null}

      {view.profiles.length === 0 ? <p className="text-sm">No mentor has joined yet.</p> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {view.profiles.map((profile) => (
          <Profile key={profile.id} profile={profile} view={view} busy={busy} noteReply={result?.intent === "note" ? (result.reply as SubmissionResult<string[]> | undefined) : undefined} />
        ))}
      </div>
    </>
  );
}

function Profile({ profile, view, busy, noteReply }: { profile: View["profiles"][number]; view: View; busy: boolean; noteReply: SubmissionResult<string[]> | undefined }) {
  const headingId = `mentor-${profile.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h2 id={headingId} className="text-lg font-semibold">
        {profile.name}
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        {profile.placesLeft === 0 ? "No place left" : `${plural(profile.placesLeft, "# place")} left`} · {profile.timeZone}
      </p>
      <h3 className="text-sm font-medium">Can help with</h3>
      <ul className="mb-2 list-disc pl-5 text-sm">
        {profile.canHelpWith.map((competency) => (
          <li key={competency.id}>
            {competency.name}
            {competency.fromReview && !competency.offered ? <span className="text-xs text-slate-600 dark:text-slate-300"> (strong in their latest review)</span> : null}
          </li>
        ))}
      </ul>
      {profile.note ? <p className="mb-3 whitespace-pre-line text-sm">“{profile.note}”</p> : null}
      {profile.isViewer ? <NoteForm note={profile.note} busy={busy} reply={noteReply} /> : null}
      {view.asMentee && !profile.isViewer ? (
        profile.request ? null : profile.canAsk && view.nextRank !== null ? (
          <Form method="post" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="ask" />
            <input type="hidden" name="mentorId" value={profile.id} />
            <SelectField label="Your choice" name="rank" defaultValue={String(view.nextRank)} className="w-40">
              {view.freeRanks.map((rank) => (
                <option key={rank} value={rank}>
                  {ordinal(rank)} choice
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              Ask {profile.name}
            </Button>
          </Form>
        ) : profile.refusal ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">{profile.refusal}</p>
        ) : null
      ) : null}
      {profile.request ? (
        <p className="text-sm">
          You asked {profile.name} as your {ordinal(profile.request.rank)} choice: {isRequestState(profile.request.state) ? REQUEST_STATE_LABELS[profile.request.state].toLowerCase() : profile.request.state}.
        </p>
      ) : null}
    </section>
  );
}

function NoteForm({ note, busy, reply }: { note: string; busy: boolean; reply: SubmissionResult<string[]> | undefined }) {
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
        label="Your note for mentees"
        hint={`What you like to help with, how you work. Up to ${MAX_NOTE} characters; every mentee of the programme reads it.`}
        rows={3}
        errors={fields.note.errors}
        {...getTextareaProps(fields.note)}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        Save note
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
