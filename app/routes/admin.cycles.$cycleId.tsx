import { Form, Link, data, useNavigation } from "react-router";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge, StateBadge, formatDay } from "~/components/cycles/cycle-badges";
import { CycleProgressChart } from "~/components/cycles/cycle-progress-chart";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/identity/permissions.server";
import { teamById, teamNamed } from "~/modules/people/service.server";
import { SuggestField } from "~/components/ui/suggest-field";
import { PARTICIPANT_STATES, STATE_LABELS, cycleStatus, totalOf, type ParticipantState } from "~/modules/cycles/cycle-progress";
import type { Progress } from "~/modules/progress";
import { addParticipants, closeCycle, cycleProgress, parseProgressFilters, removeParticipant, requireCycle, setReviewSharing } from "~/modules/cycles/cycles.server";
import { ReviewSharingSchema, reviewSharingSentence, reviewSharingValues } from "~/modules/cycles/review-sharing";
import { ReviewSharingForm } from "~/components/cycles/review-sharing-form";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors } from "~/utils/http.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { Route } from "./+types/admin.cycles.$cycleId";
import { FeedbackSettingsForm } from "~/components/feedback/settings-form";
import { feedbackSettingsOf, saveFeedbackSettings } from "~/modules/feedback/feedback.server";
import { feedbackDefaults, feedbackFormValues, FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { textParam } from "~/utils/search-params";
import { plural } from "~/utils/plural";
import * as clock from "~/platform/clock.server";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.cycle.name ?? "Review cycle"} · Review cycles · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const cycle = await requireCycle(params.cycleId);
  const searchParams = url.searchParams;
  const filters = parseProgressFilters(searchParams);
  // A team typed by name (the filter form), or by id (links); a name that matches no team is shown as the field's error, the id of none is a bad link.
  const typed = textParam(searchParams, "teamName", 200);
  let team = typed ? await teamNamed(typed) : filters.teamId && filters.teamId !== "none" ? await teamById(filters.teamId) : null;
  if (!typed && filters.teamId && filters.teamId !== "none" && !team) throw new InvalidError("There is no team with that id.");
  const teamError = typed && !team ? `No team is called “${typed}”. Pick one of the suggestions, or clear the field.` : null;
  if (typed) filters.teamId = team?.id ?? "";
  if (teamError) team = null;
  const [progress, feedback] = await Promise.all([cycleProgress(cycle.id, filters), feedbackSettingsOf(cycle.id)]);
  return {
    cycle: { ...cycle, status: cycleStatus(cycle, clock.now()) },
    reviewSharing: {
      sentence: reviewSharingSentence(cycle.reviewsShared, cycle.reviewsSharedOn),
      values: reviewSharingValues(cycle.reviewsShared, cycle.reviewsSharedOn),
    },
    filters, team, typedTeam: typed, teamError, feedback, feedbackValues: feedbackFormValues(feedback ?? feedbackDefaults(cycle.endsOn)), ...progress };
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const cycle = await requireCycle(params.cycleId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "add-people") {
    const emails = String(form.get("emails") ?? "");
    const result = await addParticipants(viewer.id, cycle.id, emails.split(/[\s,;]+/));
    if (!result.ok) return data({ ok: false as const, intent, message: result.message, typed: emails }, { status: 400 });
    return { ok: true as const, intent, message: `${plural(result.added, "# person")} added to the cycle.`, typed: "" };
  }
  if (intent === "remove-person") {
    const email = String(form.get("email") ?? "");
    const result = await removeParticipant(viewer.id, cycle.id, email);
    if (!result.ok) return data({ ok: false as const, intent, message: result.message, typed: email }, { status: 400 });
    return { ok: true as const, intent, message: `${result.name} no longer takes part in ${cycle.name}.`, typed: "" };
  }
  if (intent === "feedback-settings") {
    const submission = parseWithZod(form, { schema: FeedbackSettingsSchema });
    if (submission.status !== "success") return data({ ok: false as const, intent, message: "Check the feedback settings.", typed: "", reply: submission.reply() }, { status: 400 });
    await saveFeedbackSettings(viewer, cycle.id, submission.value);
    return { ok: true as const, intent, message: "Feedback settings saved.", typed: "", reply: submission.reply() };
  }
  if (intent === "review-sharing") {
    const submission = parseWithZod(form, { schema: ReviewSharingSchema });
    if (submission.status !== "success") return data({ ok: false as const, intent, message: "Check when reviews are shared.", typed: "", reply: submission.reply() }, { status: 400 });
    await setReviewSharing(viewer.id, cycle.id, submission.value);
    return { ok: true as const, intent, message: "When reviews are shared is saved.", typed: "", reply: submission.reply() };
  }
  if (intent !== "close") throw new InvalidError("Unknown action.");
  if (form.get("confirm") !== "yes") return data({ ok: false as const, intent, message: "Tick the box to confirm that you want to close the cycle.", typed: "" }, { status: 400 });
  const result = await closeCycle(viewer.id, cycle.id);
  if (!result.ok) return data({ ok: false as const, intent, message: result.message, typed: "" }, { status: 400 });
  return { ok: true as const, intent, message: `${cycle.name} is closed. Nobody can start a new draft in it.`, typed: "" };
});

const PROGRESS_TEXT: Record<Progress, string> = { 0: "Not started", 1: "Draft", 2: "Submitted" };

export default function CycleProgress({ loaderData, actionData }: Route.ComponentProps) {
  const { cycle, reviewSharing, filters, team, typedTeam, teamError, counts, total, page, pageCount, people, feedback, feedbackValues } = loaderData;
  const asksFeedback = feedback !== null && (feedback.peer || feedback.upward);
  // A refused change keeps what was typed (also without JavaScript); a done one clears its form.
  const typedFor = (intent: string) => (actionData?.intent === intent && !actionData.ok ? actionData.typed : "");
  const addForm = useRef<HTMLFormElement>(null);
  const removeForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "add-people") addForm.current?.reset();
    if (actionData?.ok && actionData.intent === "remove-person") removeForm.current?.reset();
  }, [actionData]);
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === `/admin/cycles/${cycle.id}`;
  const closing = navigation.state === "submitting" && navigation.formData?.get("intent") === "close";
  const everyone = totalOf(counts);
  const stateHref = (state: ParticipantState) => {
    const params = new URLSearchParams();
    if (filters.teamId) params.set("team", filters.teamId);
    params.set("state", state);
    return `?${params}`;
  };
  const teamName = filters.teamId === "none" ? "people without a team" : team?.name;
  return (
    <>
      <BackLink to="/admin/cycles">Review cycles</BackLink>
      <PageHeader
        title={cycle.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CycleStatusBadge status={cycle.status} />
            <CycleDates startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
            {cycle.closedAt ? <span>closed on {formatDay(cycle.closedAt)}</span> : null}
            {cycle.createdBy ? <span>opened by {cycle.createdBy.name}</span> : null}
          </span>
        }
        actions={
          <a href={`/admin/cycles/${cycle.id}/export`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        }
      />
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">{reviewSharing.sentence}</p>
      {/* Saved settings are confirmed beside their form, once. */}
      {actionData && !(actionData.ok && (actionData.intent === "feedback-settings" || actionData.intent === "review-sharing")) ? <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert> : null}

      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold">
          Progress{teamName ? ` of ${teamName}` : ""}: {plural(everyone, "# participant")}
        </h2>
        <CycleProgressChart counts={counts} stateHref={stateHref} current={filters.state} />
      </Card>

      <Card className="mb-4">
        <Form method="get" role="search" aria-label="Filter participants" className="flex flex-wrap items-end gap-3">
          <SuggestField
            key={typedTeam || team?.name || ""}
            label="Team"
            name="teamName"
            suggestions="/admin/team-options"
            defaultValue={typedTeam || team?.name || ""}
            hint={filters.teamId === "none" ? "Showing people without a team." : "Leave it empty to show people of all teams."}
            errors={teamError ? [teamError] : undefined}
            className="min-w-56"
          />
          <SelectField label="State" name="state" defaultValue={filters.state} className="min-w-48">
            <option value="">Any state</option>
            {PARTICIPANT_STATES.map((state) => (
              <option key={state} value={state}>
                {STATE_LABELS[state]}
              </option>
            ))}
          </SelectField>
          <Button type="submit">{loading ? "Filtering…" : "Filter"}</Button>
          {filters.teamId !== "none" ? (
            <Link to={`?${new URLSearchParams({ team: "none", ...(filters.state ? { state: filters.state } : {}) })}`} className={buttonClass("ghost")}>
              People without a team
            </Link>
          ) : null}
          {filters.teamId || filters.state || typedTeam ? (
            <Link to={`/admin/cycles/${cycle.id}`} className={buttonClass("ghost")}>
              Clear filters
            </Link>
          ) : null}
        </Form>
      </Card>

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {plural(total, "# participant")}
        {filters.state ? ` · ${STATE_LABELS[filters.state].toLowerCase()}` : ""}
      </p>
      {people.length ? (
        <DataTable
          caption={`Participants of ${cycle.name}, page ${page} of ${pageCount}`}
          headings={["Person", "Team", "Manager", "Self-assessment", "Manager review", "State", ...(asksFeedback ? ["Feedback"] : [])]}
          busy={loading}
        >
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row" className={`${tdClass} font-normal`}>
                <a href={`/people/${person.id}`} className="link font-medium hover:underline">
                  {person.name}
                </a>
                <span className="muted block">{person.email}</span>
              </th>
              <td className={tdClass}>{person.team ?? <span className="muted">None</span>}</td>
              <td className={tdClass}>{person.manager?.name ?? <span className="muted">None</span>}</td>
              <td className={tdClass}>{PROGRESS_TEXT[person.selfProgress]}</td>
              <td className={tdClass}>{PROGRESS_TEXT[person.managerProgress]}</td>
              <td className={tdClass}>
                <StateBadge state={person.state} />
              </td>
              {asksFeedback ? (
                <td className={tdClass}>
                  <Link to={`/feedback/cycles/${cycle.id}/people/${person.id}`} className="link hover:underline">
                    Read<span className="sr-only"> feedback for {person.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{filters.teamId || filters.state ? "No participant matches these filters." : "This cycle has no participants."}</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} label="Participant pages" />

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 className="mb-2 text-lg font-semibold">Who takes part</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            Add someone who joined after the cycle opened, or take out someone who has nothing written in it yet. Each change is in the audit log.
          </p>
          <Form method="post" className="mb-4 space-y-3" ref={addForm}>
            <input type="hidden" name="intent" value="add-people" />
            <TextareaField
              label="Add people"
              hint="Emails, one per line or separated by commas. Each needs to be active with a track and a level."
              name="emails"
              rows={2}
              required
              defaultValue={typedFor("add-people")}
            />
            <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
              Add to the cycle
            </Button>
          </Form>
          <Form method="post" className="flex flex-wrap items-end gap-3" ref={removeForm}>
            <input type="hidden" name="intent" value="remove-person" />
            <Field
              label="Take someone out"
              type="email"
              name="email"
              required
              autoComplete="off"
              defaultValue={typedFor("remove-person")}
            />
            <Button type="submit" variant="secondary" disabled={navigation.state === "submitting"}>
              Take out
            </Button>
          </Form>
        </Card>
      )}

      <Card className="mt-8 max-w-2xl">
        <h2 id="review-sharing-heading" className="mb-2 text-lg font-semibold">
          When reviews are shared
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          Each person reads their manager&apos;s ratings and summary only once both have submitted; from then on, at the moment chosen here. It can change after the cycle closes.
        </p>
        {actionData?.intent === "review-sharing" && actionData.ok ? <Alert tone="success">{actionData.message}</Alert> : null}
        <ReviewSharingForm lastResult={actionData?.intent === "review-sharing" && "reply" in actionData ? actionData.reply : undefined} defaultValue={reviewSharing.values} />
      </Card>

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 id="feedback" className="mb-2 text-lg font-semibold">
            Peer and upward feedback
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {feedback ? "Changes apply to requests made from now on." : "This cycle asks for no feedback yet."} Anonymous answers are shown only once three people answered, in no order that
            follows who answered when.
          </p>
          {actionData?.intent === "feedback-settings" && actionData.ok ? <Alert tone="success">{actionData.message}</Alert> : null}
          <FeedbackSettingsForm
            lastResult={actionData?.intent === "feedback-settings" && "reply" in actionData ? actionData.reply : undefined}
            defaultValue={feedbackValues}
          />
        </Card>
      )}

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 className="mb-2 text-lg font-semibold">Close the cycle</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            Once closed, nobody can start a new self-assessment or manager review in this cycle. Submitted work stays as it is. Closing cannot be undone.
          </p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="close" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" required className="size-4 rounded border-slate-300" />
              I want to close {cycle.name} now.
            </label>
            <Button type="submit" variant="danger" disabled={closing}>
              {closing ? "Closing…" : "Close cycle"}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
