import { Form, Link, data, redirect, useLocation, useNavigation } from "react-router";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CycleDates, CycleStatusBadge, StateBadge } from "~/components/cycles/cycle-badges";
import { CycleProgressChart } from "~/components/cycles/cycle-progress-chart";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/identity/permissions.server";
import { getPersonName, teamById, teamNamed } from "~/modules/people/service.server";
import { SuggestField } from "~/components/ui/suggest-field";
import {
  PARTICIPANT_STATES,
  cycleStatus,
  totalOf,
  type ParticipantState,
} from "~/modules/cycles/cycle-progress";
import type { Progress } from "~/modules/progress";
import {
  addParticipants,
  closeCycle,
  cycleProgress,
  parseProgressFilters,
  removeParticipant,
  requireCycle,
  setReviewSharing,
} from "~/modules/cycles/cycles.server";
import { ReviewSharingSchema, reviewSharingValues } from "~/modules/cycles/review-sharing";
import { ReviewSharingForm } from "~/components/cycles/review-sharing-form";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { Route } from "./+types/admin.cycles.$cycleId";
import { FeedbackSettingsForm } from "~/components/feedback/settings-form";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf, type Message } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { anonymityFloor } from "~/modules/feedback/release";
import { feedbackSettingsOf, saveFeedbackSettings } from "~/modules/feedback/feedback.server";
import {
  feedbackDefaults,
  feedbackFormValues,
  FeedbackSettingsSchema,
} from "~/modules/feedback/settings";
import { textParam } from "~/utils/search-params";
import * as clock from "~/platform/clock.server";
import { usePendingForm, useSubmitting } from "~/components/ui/use-submitting";
import { useDone } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 157): every change redirects with what it did in `?done=`, a refused one
 * comes back as a document with what was typed, and the team field's suggestions come from the
 * document's one script.
 */
export const handle = plainHtml;

const CYCLE_DONE = ["added", "removed", "feedbackSaved", "sharingSaved", "closed"] as const;
type CycleDone = (typeof CYCLE_DONE)[number];

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("cycles:detail.title", { name: loaderData.cycle.name })
      : metaT(matches)("cycles:index.title"),
  },
];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const cycle = await requireCycle(params.cycleId);
  const searchParams = url.searchParams;
  const filters = parseProgressFilters(searchParams);
  // A team typed by name (the filter form), or by id (links); a name that matches no team is shown as the field's error, the id of none is a bad link.
  const typed = textParam(searchParams, "teamName", 200);
  let team = typed
    ? await teamNamed(typed)
    : filters.teamId && filters.teamId !== "none"
      ? await teamById(filters.teamId)
      : null;
  if (!typed && filters.teamId && filters.teamId !== "none" && !team)
    throw new InvalidError({ key: "cycles:errors.noTeamId" });
  const teamError: Message | null =
    typed && !team ? { key: "cycles:errors.unknownTeam", values: { name: typed } } : null;
  if (typed) filters.teamId = team?.id ?? "";
  if (teamError) team = null;
  // The person a removal redirected with is named from the record, not from the address.
  const removedId =
    searchParams.get("done") === "removed" ? textParam(searchParams, "person", 100) : "";
  const [progress, feedback, removedName] = await Promise.all([
    cycleProgress(cycle.id, filters),
    feedbackSettingsOf(cycle.id),
    removedId ? getPersonName(removedId) : null,
  ]);
  return {
    cycle: { ...cycle, status: cycleStatus(cycle, clock.now()) },
    reviewSharing: reviewSharingValues(cycle.reviewsShared, cycle.reviewsSharedOn),
    filters,
    team,
    typedTeam: typed,
    teamError,
    feedback,
    feedbackValues: feedbackFormValues(feedback ?? feedbackDefaults(cycle.endsOn)),
    removedName,
    ...progress,
  };
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const cycle = await requireCycle(params.cycleId);
  const t = translatorOf(context);
  const form = await formOf(request);
  const intent = String(form.get("intent") ?? "");
  // A saved setting is confirmed beside its form, which the address's fragment scrolls to.
  const done = (what: CycleDone, more: Record<string, string> = {}, at = "") =>
    redirect(`/admin/cycles/${cycle.id}?${new URLSearchParams({ done: what, ...more })}${at}`);
  // Refused, the page comes back with why, what was typed and the settings form's reply.
  const refused = (message: string, typed = "", reply?: SubmissionResult<string[]>) =>
    data({ intent, message, typed, reply }, { status: 400 });
  if (intent === "add-people") {
    const emails = String(form.get("emails") ?? "");
    const result = await addParticipants(viewer.id, cycle.id, emails.split(/[\s,;]+/));
    return result.ok ? done("added") : refused(wordsOf(t, result.message), emails);
  }
  if (intent === "remove-person") {
    const email = String(form.get("email") ?? "");
    const result = await removeParticipant(viewer.id, cycle.id, email);
    return result.ok
      ? done("removed", { person: result.personId })
      : refused(wordsOf(t, result.message), email);
  }
  if (intent === "feedback-settings") {
    const submission = parseWithZod(form, { schema: FeedbackSettingsSchema });
    if (submission.status !== "success")
      return refused(t("cycles:detail.done.checkFeedback"), "", submission.reply());
    await saveFeedbackSettings(viewer, cycle.id, submission.value);
    return done("feedbackSaved", {}, "#feedback");
  }
  if (intent === "review-sharing") {
    const submission = parseWithZod(form, { schema: ReviewSharingSchema });
    if (submission.status !== "success")
      return refused(t("cycles:detail.done.checkSharing"), "", submission.reply());
    await setReviewSharing(viewer.id, cycle.id, submission.value);
    return done("sharingSaved", {}, "#review-sharing-heading");
  }
  if (intent !== "close") throw new InvalidError({ key: "cycles:errors.unknownAction" });
  if (form.get("confirm") !== "yes") return refused(t("cycles:detail.done.confirmClose"));
  const result = await closeCycle(viewer.id, cycle.id);
  return result.ok ? done("closed") : refused(wordsOf(t, result.message));
});

const PROGRESS_STEP = {
  0: "detail.progressSteps.notStarted",
  1: "detail.progressSteps.draft",
  2: "detail.progressSteps.submitted",
} as const satisfies Record<Progress, string>;

export default function CycleProgress({ loaderData, actionData }: Route.ComponentProps) {
  const {
    cycle,
    reviewSharing,
    filters,
    team,
    typedTeam,
    teamError,
    counts,
    total,
    page,
    pageCount,
    people,
    erasedOnPage,
    feedback,
    feedbackValues,
    removedName,
  } = loaderData;
  const { t } = useTranslation("cycles");
  const f = useFormats();
  const asksFeedback = feedback !== null && (feedback.peer || feedback.upward);
  // A refused change keeps what was typed (also without JavaScript); a done one clears its form.
  const typedFor = (intent: string) => (actionData?.intent === intent ? actionData.typed : "");
  // What a change did, named in the address it redirected to; the removed person from the record.
  const doneWhat = useDone(CYCLE_DONE, actionData);
  const done = doneWhat
    ? {
        added: t("detail.done.added"),
        removed: removedName
          ? t("detail.done.removed", { name: removedName, cycle: cycle.name })
          : null,
        feedbackSaved: t("detail.done.feedbackSaved"),
        sharingSaved: t("detail.done.sharingSaved"),
        closed: t("detail.done.closed", { name: cycle.name }),
      }[doneWhat]
    : null;
  const addForm = useRef<HTMLFormElement>(null);
  const removeForm = useRef<HTMLFormElement>(null);
  // Opened in place, the page a change redirects to keeps the form's fields: the done one is cleared.
  const { key } = useLocation();
  useEffect(() => {
    if (doneWhat === "added") addForm.current?.reset();
    if (doneWhat === "removed") removeForm.current?.reset();
  }, [doneWhat, key]);
  const navigation = useNavigation();
  const sending = useSubmitting();
  const pendingForm = usePendingForm();
  const loading =
    navigation.state === "loading" && navigation.location.pathname === `/admin/cycles/${cycle.id}`;
  const closing = pendingForm?.get("intent") === "close";
  const everyone = totalOf(counts);
  const stateHref = (state: ParticipantState) => {
    const params = new URLSearchParams();
    if (filters.teamId) params.set("team", filters.teamId);
    params.set("state", state);
    return `?${params}`;
  };
  const progressHeading =
    filters.teamId === "none"
      ? t("detail.progressWithoutTeam", { count: everyone })
      : team
        ? t("detail.progressOfTeam", { team: team.name, count: everyone })
        : t("detail.progress", { count: everyone });
  const sharingSentence =
    cycle.reviewsShared === "on-date" && cycle.reviewsSharedOn
      ? t("detail.sharing.onDate", { day: f.day(cycle.reviewsSharedOn) })
      : cycle.reviewsShared === "after-release"
        ? t("detail.sharing.afterRelease")
        : t("detail.sharing.whenBothSubmitted");
  return (
    <>
      <BackLink to="/admin/cycles">{t("detail.back")}</BackLink>
      <PageHeader
        title={cycle.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <CycleStatusBadge status={cycle.status} />
            <CycleDates startsOn={cycle.startsOn} endsOn={cycle.endsOn} />
            {cycle.closedAt ? (
              <span>{t("detail.closedOn", { day: f.day(cycle.closedAt) })}</span>
            ) : null}
            {cycle.createdBy ? (
              <span>{t("detail.openedBy", { name: cycle.createdBy.name })}</span>
            ) : null}
          </span>
        }
        actions={
          <a
            href={`/admin/cycles/${cycle.id}/export`}
            className={buttonClass("secondary")}
            download
          >
            {t("detail.export")}
          </a>
        }
      />
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-300">{sharingSentence}</p>
      {actionData ? <Alert tone="error">{actionData.message}</Alert> : null}
      {/* Saved settings are confirmed beside their form, once. */}
      {done && doneWhat !== "feedbackSaved" && doneWhat !== "sharingSaved" ? (
        <Alert tone="success">{done}</Alert>
      ) : null}

      <Card className="mb-6">
        <h2 className="mb-3 text-lg font-semibold">{progressHeading}</h2>
        <CycleProgressChart counts={counts} stateHref={stateHref} current={filters.state} />
      </Card>

      <Card className="mb-4">
        <Form
          method="get"
          role="search"
          aria-label={t("detail.filters.label")}
          className="flex flex-wrap items-end gap-3"
        >
          <SuggestField
            key={typedTeam || team?.name || ""}
            label={t("detail.filters.team")}
            name="teamName"
            suggestions="/admin/team-options"
            defaultValue={typedTeam || team?.name || ""}
            hint={
              filters.teamId === "none"
                ? t("detail.filters.withoutTeamHint")
                : t("detail.filters.allTeamsHint")
            }
            errors={teamError ? [wordsOf(t, teamError)] : undefined}
            className="min-w-56"
          />
          <SelectField
            label={t("detail.filters.state")}
            name="state"
            defaultValue={filters.state}
            className="min-w-48"
          >
            <option value="">{t("detail.filters.anyState")}</option>
            {PARTICIPANT_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`states.${state}`)}
              </option>
            ))}
          </SelectField>
          <Button type="submit">
            {loading ? t("detail.filters.filtering") : t("detail.filters.filter")}
          </Button>
          {filters.teamId !== "none" ? (
            <Link
              to={`?${new URLSearchParams({ team: "none", ...(filters.state ? { state: filters.state } : {}) })}`}
              className={buttonClass("ghost")}
            >
              {t("detail.filters.withoutTeam")}
            </Link>
          ) : null}
          {filters.teamId || filters.state || typedTeam ? (
            <Link to={`/admin/cycles/${cycle.id}`} className={buttonClass("ghost")}>
              {t("detail.filters.clear")}
            </Link>
          ) : null}
        </Form>
      </Card>

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" aria-live="polite">
        {filters.state
          ? t("detail.countInState", { count: total, state: t(`states.${filters.state}`) })
          : t("detail.count", { count: total })}
      </p>
      {people.length ? (
        <DataTable
          caption={t("detail.caption", { cycle: cycle.name, page, pageCount })}
          headings={[
            t("detail.person"),
            t("detail.team"),
            t("detail.manager"),
            t("detail.selfAssessment"),
            t("detail.managerReview"),
            t("detail.state"),
            ...(asksFeedback ? [t("detail.feedback")] : []),
          ]}
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
              <td className={tdClass}>
                {person.team ?? <span className="muted">{t("detail.none")}</span>}
              </td>
              <td className={tdClass}>
                {person.manager?.name ?? <span className="muted">{t("detail.none")}</span>}
              </td>
              <td className={tdClass}>{t(PROGRESS_STEP[person.selfProgress])}</td>
              <td className={tdClass}>{t(PROGRESS_STEP[person.managerProgress])}</td>
              <td className={tdClass}>
                <StateBadge state={person.state} />
              </td>
              {asksFeedback ? (
                <td className={tdClass}>
                  <Link
                    to={`/feedback/cycles/${cycle.id}/people/${person.id}`}
                    className="link hover:underline"
                  >
                    {t("detail.read")}
                    <span className="sr-only">
                      {t("detail.readFeedbackFor", { name: person.name })}
                    </span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>
            {filters.teamId || filters.state ? t("detail.noMatch") : t("detail.noParticipants")}
          </p>
        </Card>
      )}
      {erasedOnPage ? (
        <p className="muted mt-2 text-sm">{t("detail.erased", { count: erasedOnPage })}</p>
      ) : null}
      <Pagination page={page} pageCount={pageCount} label={t("detail.pages")} />

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 className="mb-2 text-lg font-semibold">{t("detail.who.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">{t("detail.who.intro")}</p>
          <Form method="post" className="mb-4 space-y-3" ref={addForm}>
            <input type="hidden" name="intent" value="add-people" />
            <TextareaField
              label={t("detail.who.add")}
              hint={t("detail.who.addHint")}
              name="emails"
              rows={2}
              required
              defaultValue={typedFor("add-people")}
            />
            <Button type="submit" variant="secondary" disabled={sending}>
              {t("detail.who.addSubmit")}
            </Button>
          </Form>
          <Form method="post" className="flex flex-wrap items-end gap-3" ref={removeForm}>
            <input type="hidden" name="intent" value="remove-person" />
            <Field
              label={t("detail.who.remove")}
              type="email"
              name="email"
              required
              autoComplete="off"
              defaultValue={typedFor("remove-person")}
            />
            <Button type="submit" variant="secondary" disabled={sending}>
              {t("detail.who.removeSubmit")}
            </Button>
          </Form>
        </Card>
      )}

      <Card className="mt-8 max-w-2xl">
        <h2 id="review-sharing-heading" className="mb-2 text-lg font-semibold">
          {t("detail.sharingCard.heading")}
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
          {t("detail.sharingCard.intro")}
        </p>
        {doneWhat === "sharingSaved" ? <Alert tone="success">{done}</Alert> : null}
        <ReviewSharingForm
          lastResult={actionData?.intent === "review-sharing" ? actionData.reply : undefined}
          defaultValue={reviewSharing}
        />
      </Card>

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 id="feedback" className="mb-2 text-lg font-semibold">
            {t("detail.feedbackCard.heading")}
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {feedback ? t("detail.feedbackCard.changes") : t("detail.feedbackCard.none")}{" "}
            {t("detail.feedbackCard.anonymous", { floor: anonymityFloor("peer") })}
          </p>
          {doneWhat === "feedbackSaved" ? <Alert tone="success">{done}</Alert> : null}
          <FeedbackSettingsForm
            lastResult={actionData?.intent === "feedback-settings" ? actionData.reply : undefined}
            defaultValue={feedbackValues}
          />
        </Card>
      )}

      {cycle.closedAt ? null : (
        <Card className="mt-8 max-w-2xl">
          <h2 className="mb-2 text-lg font-semibold">{t("detail.close.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {t("detail.close.intro")}
          </p>
          <Form method="post" className="space-y-3">
            <input type="hidden" name="intent" value="close" />
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="confirm"
                value="yes"
                required
                className="size-4 rounded border-slate-300"
              />
              {t("detail.close.confirm", { name: cycle.name })}
            </label>
            <Button type="submit" variant="danger" disabled={closing}>
              {closing ? t("detail.close.closing") : t("detail.close.submit")}
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
