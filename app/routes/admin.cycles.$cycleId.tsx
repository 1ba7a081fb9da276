import { Form, Link, data, useNavigation } from "react-router";
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
import { teamById, teamNamed } from "~/modules/people/service.server";
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
  const [progress, feedback] = await Promise.all([
    cycleProgress(cycle.id, filters),
    feedbackSettingsOf(cycle.id),
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
    ...progress,
  };
});

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const cycle = await requireCycle(params.cycleId);
  const t = translatorOf(context);
  const form = await formOf(request);
  const intent = form.get("intent");
  if (intent === "add-people") {
    const emails = String(form.get("emails") ?? "");
    const result = await addParticipants(viewer.id, cycle.id, emails.split(/[\s,;]+/));
    if (!result.ok)
      return data(
        { ok: false as const, intent, message: wordsOf(t, result.message), typed: emails },
        { status: 400 },
      );
    return {
      ok: true as const,
      intent,
      message: t("cycles:detail.done.added", { count: result.added }),
      typed: "",
    };
  }
  if (intent === "remove-person") {
    const email = String(form.get("email") ?? "");
    const result = await removeParticipant(viewer.id, cycle.id, email);
    if (!result.ok)
      return data(
        { ok: false as const, intent, message: wordsOf(t, result.message), typed: email },
        { status: 400 },
      );
    return {
      ok: true as const,
      intent,
      message: t("cycles:detail.done.removed", { name: result.name, cycle: cycle.name }),
      typed: "",
    };
  }
  if (intent === "feedback-settings") {
    const submission = parseWithZod(form, { schema: FeedbackSettingsSchema });
    if (submission.status !== "success")
      return data(
        {
          ok: false as const,
          intent,
          message: t("cycles:detail.done.checkFeedback"),
          typed: "",
          reply: submission.reply(),
        },
        { status: 400 },
      );
    await saveFeedbackSettings(viewer, cycle.id, submission.value);
    return {
      ok: true as const,
      intent,
      message: t("cycles:detail.done.feedbackSaved"),
      typed: "",
      reply: submission.reply(),
    };
  }
  if (intent === "review-sharing") {
    const submission = parseWithZod(form, { schema: ReviewSharingSchema });
    if (submission.status !== "success")
      return data(
        {
          ok: false as const,
          intent,
          message: t("cycles:detail.done.checkSharing"),
          typed: "",
          reply: submission.reply(),
        },
        { status: 400 },
      );
    await setReviewSharing(viewer.id, cycle.id, submission.value);
    return {
      ok: true as const,
      intent,
      message: t("cycles:detail.done.sharingSaved"),
      typed: "",
      reply: submission.reply(),
    };
  }
  if (intent !== "close") throw new InvalidError({ key: "cycles:errors.unknownAction" });
  if (form.get("confirm") !== "yes")
    return data(
      { ok: false as const, intent, message: t("cycles:detail.done.confirmClose"), typed: "" },
      { status: 400 },
    );
  const result = await closeCycle(viewer.id, cycle.id);
  if (!result.ok)
    return data(
      { ok: false as const, intent, message: wordsOf(t, result.message), typed: "" },
      { status: 400 },
    );
  return {
    ok: true as const,
    intent,
    message: t("cycles:detail.done.closed", { name: cycle.name }),
    typed: "",
  };
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
  } = loaderData;
  const { t } = useTranslation("cycles");
  const f = useFormats();
  const asksFeedback = feedback !== null && (feedback.peer || feedback.upward);
  // A refused change keeps what was typed (also without JavaScript); a done one clears its form.
  const typedFor = (intent: string) =>
    actionData?.intent === intent && !actionData.ok ? actionData.typed : "";
  const addForm = useRef<HTMLFormElement>(null);
  const removeForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (actionData?.ok && actionData.intent === "add-people") addForm.current?.reset();
    if (actionData?.ok && actionData.intent === "remove-person") removeForm.current?.reset();
  }, [actionData]);
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
      {/* Saved settings are confirmed beside their form, once. */}
      {actionData &&
      !(
        actionData.ok &&
        (actionData.intent === "feedback-settings" || actionData.intent === "review-sharing")
      ) ? (
        <Alert tone={actionData.ok ? "success" : "error"}>{actionData.message}</Alert>
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
        {actionData?.intent === "review-sharing" && actionData.ok ? (
          <Alert tone="success">{actionData.message}</Alert>
        ) : null}
        <ReviewSharingForm
          lastResult={
            actionData?.intent === "review-sharing" && "reply" in actionData
              ? actionData.reply
              : undefined
          }
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
          {actionData?.intent === "feedback-settings" && actionData.ok ? (
            <Alert tone="success">{actionData.message}</Alert>
          ) : null}
          <FeedbackSettingsForm
            lastResult={
              actionData?.intent === "feedback-settings" && "reply" in actionData
                ? actionData.reply
                : undefined
            }
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
