import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/calibration.$sessionId._index";
import { DistributionChart, FlagList, LeniencyTable, NineBoxTable } from "~/components/calibration/session-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SessionFilterForm, SessionTabs, sessionViewHref } from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { ErrorList, Field } from "~/components/ui/field";
import { requireUser, requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { meetingSchema } from "~/modules/calibration/meeting";
import { LEVEL_OUTCOME_LABELS } from "~/modules/calibration/outcomes";
import { readSessionFilters, sessionView } from "~/modules/calibration/session-view.server";
import { acceptProposals, advanceSession, inviteCalibrator, previewAcceptance, releaseOutcomes, scheduleMeeting } from "~/modules/calibration/sessions.server";
import { formatDateTime, localDateTimeValue } from "~/modules/time-zones";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { useTimeZone } from "~/utils/time-zone";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.session.name ?? "Calibration session"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  return sessionView(viewer, params.sessionId ?? "", readSessionFilters(search), pageParam(search), search.get("tab") === "managers" ? "managers" : "agenda");
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  if (form.get("intent") === "invite") {
    const email = String(form.get("email") ?? "");
    const invited = await inviteCalibrator(viewer, params.sessionId ?? "", email);
    if (!invited.ok) return data({ intent: "invite" as const, email, fieldErrors: invited.fieldErrors }, { status: 400 });
    return redirect(`/calibration/${params.sessionId}?tab=managers`);
  }
  const intent = form.get("intent");
  if (intent === "meeting") {
    const { timeZone } = await requireUserAndTimeZone(request);
    const submission = parseWithZod(form, { schema: meetingSchema(timeZone) });
    if (submission.status !== "success") return data({ intent: "meeting" as const, meetingResult: submission.reply() }, { status: 400 });
    await scheduleMeeting(viewer, params.sessionId ?? "", submission.value);
    return redirect(`/calibration/${params.sessionId}`);
  }
  if (intent === "meeting-remove") {
    await scheduleMeeting(viewer, params.sessionId ?? "", null);
    return redirect(`/calibration/${params.sessionId}`);
  }
  if (intent === "release") {
    const choice = form.get("scope") === "all" ? ({ all: true } as const) : { entryIds: form.getAll("entryId").map(String) };
    const { released } = await releaseOutcomes(viewer, params.sessionId ?? "", choice);
    return redirect(`/calibration/${params.sessionId}?released=${released}`);
  }
  if (intent === "accept-preview" || intent === "accept") {
    const entryIds = form.getAll("entryId").map(String);
    const choice = intent === "accept-preview" && form.get("scope") === "all" ? ({ all: true } as const) : { entryIds };
    // Accepting cannot be undone: it is done only once the facilitator has seen who it takes and confirmed.
    if (intent === "accept-preview" || form.get("confirm") !== "yes") return data({ intent: "accept-preview" as const, preview: await previewAcceptance(viewer, params.sessionId ?? "", choice) });
    const { accepted, already } = await acceptProposals(viewer, params.sessionId ?? "", entryIds);
    return redirect(`/calibration/${params.sessionId}?accepted=${accepted}${already ? `&already=${already}` : ""}`);
  }
  const day = String(form.get("effectiveOn") ?? "");
  const effectiveOn = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? new Date(`${day}T00:00:00Z`) : null;
  await advanceSession(viewer, params.sessionId ?? "", String(form.get("to") ?? ""), { effectiveOn });
  return redirect(`/calibration/${params.sessionId}`);
});

/**
 * The session's meeting, on the viewer's own clock; the facilitator and admins set, move or remove it
 * (calibrators and the facilitator get calendar invitations, each on their own clock).
 */
function MeetingCard({ meeting, lastResult, busy }: { meeting: { startsAt: string | Date | null; minutes: number | null; canChange: boolean }; lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
  const timeZone = useTimeZone();
  const schema = meetingSchema(timeZone);
  const [form, fields] = useForm({
    id: "meeting",
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { startsAt: meeting.startsAt ? localDateTimeValue(new Date(meeting.startsAt), timeZone) : "", minutes: String(meeting.minutes ?? 60) },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  if (!meeting.startsAt && !meeting.canChange) return null;
  return (
    <Card className="mb-6">
      <h2 className="mb-1 text-lg font-semibold">Meeting</h2>
      <p className="mb-3 text-sm">
        {meeting.startsAt ? `${formatDateTime(meeting.startsAt, timeZone, "full")}, ${meeting.minutes} minutes.` : "No meeting set."}
        {meeting.canChange ? " Calibrators and the facilitator get a calendar invitation, and an update when it moves or is removed." : ""}
      </p>
      {meeting.canChange ? (
        <div className="flex flex-wrap items-end gap-3">
          <Form method="post" className="flex flex-wrap items-end gap-3" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="meeting" />
            <Field label={`Starts (${timeZone})`} errors={fields.startsAt.errors} {...getInputProps(fields.startsAt, { type: "datetime-local" })} />
            <Field label="Length (minutes)" errors={fields.minutes.errors} {...getInputProps(fields.minutes, { type: "number" })} />
            <ErrorList id={form.errorId} errors={form.errors} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {meeting.startsAt ? "Move the meeting" : "Set the meeting"}
            </Button>
          </Form>
          {meeting.startsAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="meeting-remove" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Remove the meeting
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}

const outcomeText = (value: { rating: number | null; outcome: keyof typeof LEVEL_OUTCOME_LABELS | null; levelTitle: string | null } | null) =>
  value === null || value.rating === null ? "—" : `${value.rating}${value.outcome ? ` · ${value.outcome === "promote" && value.levelTitle ? `Promote to ${value.levelTitle}` : LEVEL_OUTCOME_LABELS[value.outcome]}` : ""}`;

function preReadText(preRead: { ratings: number; mean: number | null; agree: number; question: number; noView: number } | null): string {
  if (!preRead) return "—";
  const parts = [
    preRead.ratings ? `${plural(preRead.ratings, "# independent rating")}, mean ${preRead.mean?.toFixed(1)}` : null,
    preRead.agree ? `${preRead.agree} agree` : null,
    preRead.question ? `${preRead.question} question` : null,
    preRead.noView ? `${preRead.noView} no view` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(2)}`;

export default function CalibrationSession({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const refused = actionData;
  const [searchParams] = useSearchParams();
  const accepted = refused ? null : searchParams.get("accepted");
  const alreadyAccepted = Number(searchParams.get("already") ?? 0);
  const released = refused ? null : searchParams.get("released");
  useLiveSession(view.session.id);
  const navigation = useNavigation();
  const { session } = view;
  const filtered = Object.values(view.filters).some(Boolean);
  return (
    <>
      <BackLink to="/calibration">Calibration</BackLink>
      <PageHeader
        title={session.name}
        description={`${session.cycleName} · ${session.ladderName} ladder${session.scaleName ? ` · rated on the ${session.scaleName} scale` : ""} · facilitated by ${session.facilitatorName}${session.blindPreRead ? " · with a blind pre-read" : ""}`}
        actions={
          view.next ? (
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="to" value={view.next.state} />
              {view.next.state === "published" ? (
                <Field
                  name="effectiveOn"
                  type="date"
                  label="Promotions take effect on"
                  hint="Needed when the session promotes anyone. A promotion takes effect on this day or, if later, the day the person's outcome is released to them."
                />
              ) : null}
              <ConfirmSubmit
                label={`Move to: ${view.next.label}`}
                title={`Move the session to ${view.next.label}?`}
                tickLabel={`I understand: the session moves to ${view.next.label} and cannot go back`}
                disabled={navigation.state === "submitting"}
              >
                <p>{view.next.consequence}</p>
                <p className="mt-2">The session cannot go back to {session.stateLabel}.</p>
              </ConfirmSubmit>
            </Form>
          ) : null
        }
      />
      {refused && "error" in refused ? <Alert tone="error">{refused.error}</Alert> : null}
      {accepted !== null && /^\d+$/.test(accepted) ? (
        <Alert tone="success">
          {plural(Number(accepted), "# proposal accepted as its final outcome.")}
          {alreadyAccepted ? ` ${alreadyAccepted} already had their proposal as their outcome.` : ""}
        </Alert>
      ) : null}
      {released !== null && /^\d+$/.test(released) ? (
        <Alert tone="success">{plural(Number(released), "# outcome released: the person can see it on their growth page.")}</Alert>
      ) : null}
      {session.scaleMissing ? <Alert tone="warning">The session's rating scale is no longer in the ladder; the ladder's own scale stands in until it is restored.</Alert> : null}
      <p className="mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span>
          State: <strong>{session.stateLabel}</strong> · {plural(view.people.everyone, "# person")}
          {view.people.notShown ? ` (${view.people.notShown} not shown to you: ${view.people.why})` : ""}
        </span>
        {view.canExport ? (
          <>
            <a href={`/calibration/${session.id}/export?what=outcomes`} className="text-brand-600 underline dark:text-brand-100" download>
              Download outcomes (CSV)
            </a>
            <a href={`/calibration/${session.id}/export?what=history`} className="text-brand-600 underline dark:text-brand-100" download>
              Download full history (CSV)
            </a>
          </>
        ) : null}
        {view.canSeeFairness ? (
          <Link to={`/calibration/${session.id}/fairness`} className="text-brand-600 underline dark:text-brand-100">
            Fairness report
          </Link>
        ) : null}
      </p>

      <MeetingCard meeting={view.meeting} lastResult={refused && "meetingResult" in refused ? refused.meetingResult : undefined} busy={navigation.state === "submitting"} />

      <SessionTabs sessionId={session.id} filters={view.filters} current={view.tab} />

      <SessionFilterForm sessionId={session.id} view={view.tab} filters={view.filters} filterProblems={view.filterProblems} filterOptions={view.filterOptions} />

      {view.tab === "managers" ? (
        <>
          {view.calibrators ? (
            <Card className="mb-6">
              <h2 className="mb-1 text-lg font-semibold">Calibrators</h2>
              <p className="mb-3 text-sm">{view.calibrators.names.length ? view.calibrators.names.join(", ") : "Nobody yet."}</p>
              {view.calibrators.canInvite ? (
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="intent" value="invite" />
                  <Field
                    name="email"
                    type="email"
                    autoComplete="off"
                    label="Invite a calibrator"
                    hint="For example a peer manager: they read the reviews and mark proposals from now on."
                    defaultValue={refused && "fieldErrors" in refused ? refused.email : ""}
                    errors={refused && "fieldErrors" in refused ? refused.fieldErrors.email : null}
                  />
                  <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
                    Invite
                  </Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
          <Card className="mb-6">
            <h2 className="mb-1 text-lg font-semibold">Leniency</h2>
            <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
              Each manager's proposals against everyone else's in this session{filtered ? " (as filtered)" : ""}. A difference is called out only when its interval excludes
              zero (its spread is the session's, so a manager whose few proposals are all equal is not called out for that alone). A manager with fewer than{" "}
              {view.leniency.floor} proposals, or fewer than {view.leniency.floor} beside them, is not compared: so few say more about the people than about the manager. These
              figures are over proposals you can read one by one in the agenda, so nothing is hidden from you here; the session's fairness report and the insights page, which
              are read beyond the session, show groups only where none of their members' figures can be worked out.
            </p>
            <LeniencyTable managers={view.leniency.managers} floor={view.leniency.floor} />
          </Card>
          {view.severity ? (
            <Card className="mb-6">
              <h2 className="mb-1 text-lg font-semibold">Rater severity</h2>
              <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
                From everyone who rated the same people (proposals and independent pre-read ratings): how much higher or lower than an average rater each one rates,
                with a 95% interval. Only an interval that excludes zero is called out.
              </p>
              {view.severity.estimable ? (
                <ul className="space-y-1 text-sm">
                  {view.severity.raters.map((rater) => (
                    <li key={rater.raterId}>
                      <strong>{rater.name}</strong>: <span className="tabular-nums">{signed(rater.offset)}</span> ({signed(rater.interval[0])} to {signed(rater.interval[1])}),{" "}
                      {plural(rater.ratings, "# rating")} of {plural(rater.people, "# person")}
                      {rater.flagged ? (rater.offset > 0 ? " · rates higher than the others" : " · rates lower than the others") : " · within noise"}
                    </li>
                  ))}
                  {view.severity.notEstimable.map((rater) => (
                    <li key={rater.raterId} className="text-slate-600 dark:text-slate-300">
                      {rater.name}: not estimable ({rater.reason})
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-700 dark:text-slate-300">{view.severity.reason}</p>
              )}
            </Card>
          ) : (
            <p className="mb-6 text-sm text-slate-600 dark:text-slate-300">Rater severity needs independent ratings from a blind pre-read; there are none to read yet.</p>
          )}
        </>
      ) : (
        <>
          <div className="mb-6 grid gap-6 lg:grid-cols-2">
            <Card>
              <h2 className="mb-3 text-lg font-semibold">Ratings</h2>
              <DistributionChart scale={view.scale} proposed={view.distribution.proposed} final={view.distribution.final} />
            </Card>
            <Card>
              <h2 className="mb-1 text-lg font-semibold">Leniency</h2>
              <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
                {view.leniency.flagged.length
                  ? `Proposals that differ from the rest of the session beyond noise (95% interval excludes zero):`
                  : `No manager's proposals differ from the rest of the session beyond noise${view.leniency.counted ? ` (${plural(view.leniency.counted, "# manager")})` : ""}.`}
              </p>
              {view.leniency.flagged.length ? (
                <ul className="mb-3 space-y-1 text-sm">
                  {view.leniency.flagged.map((manager) => (
                    <li key={manager.managerId}>
                      <strong>{manager.name}</strong>: {manager.difference !== null ? signed(manager.difference) : ""} over {plural(manager.n, "# person")}
                      {manager.difference !== null && manager.difference > 0 ? " · proposes higher" : " · proposes lower"}
                    </li>
                  ))}
                </ul>
              ) : null}
              {view.severityFlagged.length ? <p className="mb-3 text-sm">Raters whose severity differs beyond noise: {view.severityFlagged.join(", ")}.</p> : null}
              <Link to={sessionViewHref(session.id, view.filters, "managers")} className="text-sm text-brand-600 underline dark:text-brand-100">
                Every manager's figures, with intervals, and rater severity
              </Link>
            </Card>
          </div>

          {view.nineBox ? (
            <Card className="mb-6">
              <h2 className="mb-3 text-lg font-semibold">9-box: performance and {view.nineBox.dimension.toLowerCase()}</h2>
              <NineBoxTable dimension={view.nineBox.dimension} points={view.nineBox.points} proposed={view.nineBox.proposed} final={view.nineBox.final} />
            </Card>
          ) : null}

          {view.toRelease ? <ReleaseCard toRelease={view.toRelease} busy={navigation.state === "submitting"} /> : null}
          <h2 className="mb-2 text-lg font-semibold">Agenda</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Flagged entries first, then those near a promotion boundary, then everyone else.</p>
          {view.canRecordOutcomes ? (
            <>
              {refused && "preview" in refused ? <AcceptConfirmation preview={refused.preview} sessionId={session.id} busy={navigation.state === "submitting"} /> : null}
              <Form method="post" id="accept-proposals" className="mb-3 flex flex-wrap items-center gap-3">
                <input type="hidden" name="intent" value="accept-preview" />
                <Button type="submit" name="scope" value="selected" variant="secondary" disabled={navigation.state === "submitting"}>
                  Accept selected proposals
                </Button>
                <Button type="submit" name="scope" value="all" variant="secondary" disabled={navigation.state === "submitting"}>
                  Accept every open proposal
                </Button>
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  Tick people below, or take everyone with a proposal and no outcome yet; you confirm before anything is recorded. An outcome that differs from the proposal is recorded on the person's page, with a reason.
                </span>
              </Form>
            </>
          ) : null}
          <DataTable
            caption="People in this session, in discussion order"
            headings={[
              ...(view.canRecordOutcomes ? ["Accept"] : []),
              ...(view.toRelease ? ["Release"] : []),
              "Person",
              "Manager",
              "Level",
              "Flags",
              "Proposal",
              "Others' view",
              "Final",
              ...(session.state === "published" ? ["Told"] : []),
            ]}
          >
            {view.entries.map((entry) => (
              <tr key={entry.id}>
                {view.canRecordOutcomes ? (
                  <td className={tdClass}>
                    {entry.proposal?.rating != null && entry.final === null ? (
                      <input type="checkbox" name="entryId" value={entry.id} form="accept-proposals" aria-label={`Accept ${entry.name}'s proposal`} className="size-4" />
                    ) : null}
                  </td>
                ) : null}
                {view.toRelease ? (
                  <td className={tdClass}>
                    {entry.canRelease ? <input type="checkbox" name="entryId" value={entry.id} form="release-outcomes" aria-label={`Release ${entry.name}'s outcome`} className="size-4" /> : null}
                  </td>
                ) : null}
                <th scope="row" className={`${tdClass} font-medium`}>
                  <a href={`/calibration/${session.id}/entries/${entry.id}`} className="link underline underline-offset-2">
                    {entry.name}
                  </a>
                  {entry.canPropose && !entry.proposal?.rating ? <span className="ml-2 text-xs font-normal text-amber-900 dark:text-amber-200">Proposal needed</span> : null}
                </th>
                <td className={tdClass}>{entry.manager ?? "—"}</td>
                <td className={tdClass}>{entry.place ?? "—"}</td>
                <td className={tdClass}>
                  <FlagList flags={entry.flags} />
                </td>
                <td className={tdClass}>{entry.proposal ? outcomeText(entry.proposal) : <span className="muted">Not revealed yet</span>}</td>
                <td className={tdClass}>{preReadText(entry.preRead)}</td>
                <td className={tdClass}>{outcomeText(entry.final)}</td>
                {session.state === "published" ? <td className={tdClass}>{entry.released ? "Released" : "Not yet"}</td> : null}
              </tr>
            ))}
          </DataTable>
          <AgendaPages sessionId={session.id} filters={view.filters} pagination={view.pagination} />
        </>
      )}
    </>
  );
}

function AgendaPages({
  sessionId,
  filters,
  pagination,
}: {
  sessionId: string;
  filters: Record<string, string | null>;
  pagination: { page: number; pages: number; shown: number; from: number; to: number };
}) {
  const href = (page: number) => {
    const search = new URLSearchParams(Object.entries(filters).flatMap(([name, value]) => (value ? [[name, value]] : [])));
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return `/calibration/${sessionId}${query ? `?${query}` : ""}`;
  };
  return (
    <nav aria-label="Agenda pages" className="mt-3 flex flex-wrap items-center gap-4 text-sm">
      <span>
        {pagination.shown ? `${pagination.from}–${pagination.to} of ${pagination.shown}` : "Nobody matches these filters."}
      </span>
      {pagination.page > 1 ? (
        <Link to={href(pagination.page - 1)} className="text-brand-600 underline dark:text-brand-100">
          ← Previous
        </Link>
      ) : null}
      {pagination.page < pagination.pages ? (
        <Link to={href(pagination.page + 1)} className="text-brand-600 underline dark:text-brand-100">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/**
 * Once published: the outcomes the viewer may still release (their reports', or everyone's for the
 * facilitator), released all at once or for the people ticked in the agenda. Releasing cannot be
 * taken back, so it is confirmed first.
 */
function ReleaseCard({ toRelease, busy }: { toRelease: number; busy: boolean }) {
  return (
    <Card className="mb-6">
      <h2 className="mb-1 text-lg font-semibold">Release outcomes</h2>
      <p className="mb-3 text-sm">
        {plural(toRelease, "# person has")} not been shown their outcome by you yet. Once you have talked it through, release it: the person sees it on
        their growth page, and a promotion takes effect then if its day has come. The “Told” column shows who has been released.
      </p>
      <Form method="post" id="release-outcomes" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="release" />
        <Button type="submit" name="scope" value="selected" variant="secondary" disabled={busy}>
          Release to the people ticked
        </Button>
        <ConfirmSubmit
          label={plural(toRelease, "Release the # outcome")}
          title="Release every outcome you may release?"
          tickLabel="I understand: each person sees their outcome, and this cannot be taken back"
          name="scope"
          value="all"
          variant="primary"
          disabled={busy}
        >
          <p>{plural(toRelease, "# person sees their outcome")} on their growth page. This cannot be taken back.</p>
        </ConfirmSubmit>
      </Form>
    </Card>
  );
}

type AcceptPreview = { accept: { id: string; name: string }[]; already: number; kept: number; left: number };

/** Before a bulk accept: who it takes, said with the count, and the button that does it (the step cannot be undone). */
function AcceptConfirmation({ preview, sessionId, busy }: { preview: AcceptPreview; sessionId: string; busy: boolean }) {
  const count = preview.accept.length;
  return (
    <section aria-labelledby="accept-title" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950">
      <h3 id="accept-title" className="mb-1 text-base font-semibold">
        {count ? `Accept ${plural(count, "# proposal as its final outcome")}?` : "No proposals to accept"}
      </h3>
      {count ? (
        <>
          <p className="mb-2">
            Each becomes the person's final outcome exactly as proposed, with its own line in their history. This cannot be undone: changing one later is a new
            outcome, with its reason.
          </p>
          <p className="mb-2">
            {preview.accept.slice(0, 10).map((entry) => entry.name).join(", ")}
            {count > 10 ? ` and ${count - 10} more` : ""}.
          </p>
        </>
      ) : null}
      {preview.already ? <p className="mb-2">{plural(preview.already, "# person already has their proposal as their outcome.")}</p> : null}
      {preview.kept ? <p className="mb-2">{plural(preview.kept, "# person keeps the outcome already recorded for them.")}</p> : null}
      {preview.left ? <p className="mb-2">{plural(preview.left, "# person without a proposal or an outcome is left for you to decide.")}</p> : null}
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="confirm" value="yes" />
        {preview.accept.map((entry) => (
          <input key={entry.id} type="hidden" name="entryId" value={entry.id} />
        ))}
        {count ? (
          <Button type="submit" disabled={busy}>
            Accept {plural(count, "# proposal")}
          </Button>
        ) : null}
        <Link to={`/calibration/${sessionId}`} className="text-brand-600 underline dark:text-brand-100">
          {count ? "Cancel" : "Back to the agenda"}
        </Link>
      </Form>
    </section>
  );
}
