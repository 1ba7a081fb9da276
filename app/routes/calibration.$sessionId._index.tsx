import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import { Form, Link, data, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/calibration.$sessionId._index";
import {
  DistributionChart,
  FlagList,
  LeniencyTable,
  NineBoxTable,
} from "~/components/calibration/session-parts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  SessionFilterForm,
  SessionTabs,
  sessionViewHref,
} from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { MeetingCard } from "~/components/meeting-card";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { LiveNotice } from "~/components/ui/live-notice";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { Field } from "~/components/ui/field";
import { translatorOf } from "~/i18n/i18n.server";
import { listOf, wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import type { LevelOutcome } from "~/modules/calibration/entries";
import { requireUser, requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { meetingSchema } from "~/modules/calibration/meeting";
import { readSessionFilters, sessionView } from "~/modules/calibration/session-view.server";
import {
  acceptProposals,
  advanceSession,
  inviteCalibrator,
  previewAcceptance,
  releaseOutcomes,
  scheduleMeeting,
} from "~/modules/calibration/sessions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";
import { pageParam } from "~/utils/search-params";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

/** Sent as HTML, its changes followed by the page's one script (decision 163). */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("calibration:session.title", { name: loaderData.session.name })
      : metaT(matches)("calibration:session.titleFallback"),
  },
];

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    const search = url.searchParams;
    return sessionView(
      viewer,
      params.sessionId ?? "",
      readSessionFilters(search),
      pageParam(search),
      search.get("tab") === "managers" ? "managers" : "agenda",
      languageOf(context),
    );
  },
);

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    if (form.get("intent") === "invite") {
      const email = String(form.get("email") ?? "");
      const invited = await inviteCalibrator(viewer, params.sessionId ?? "", email);
      if (!invited.ok) {
        const t = translatorOf(context);
        return data(
          {
            intent: "invite" as const,
            email,
            fieldErrors: { email: invited.fieldErrors.email.map((message) => wordsOf(t, message)) },
          },
          { status: 400 },
        );
      }
      return redirect(`/calibration/${params.sessionId}?tab=managers`);
    }
    const intent = form.get("intent");
    if (intent === "meeting") {
      const { timeZone } = await requireUserAndTimeZone(request);
      const submission = parseWithZod(form, { schema: meetingSchema(timeZone) });
      if (submission.status !== "success")
        return data(
          { intent: "meeting" as const, meetingResult: submission.reply() },
          { status: 400 },
        );
      await scheduleMeeting(viewer, params.sessionId ?? "", submission.value);
      return redirect(`/calibration/${params.sessionId}`);
    }
    if (intent === "meeting-remove") {
      await scheduleMeeting(viewer, params.sessionId ?? "", null);
      return redirect(`/calibration/${params.sessionId}`);
    }
    if (intent === "release") {
      const choice =
        form.get("scope") === "all"
          ? ({ all: true } as const)
          : { entryIds: form.getAll("entryId").map(String) };
      const { released } = await releaseOutcomes(viewer, params.sessionId ?? "", choice);
      return redirect(`/calibration/${params.sessionId}?released=${released}`);
    }
    if (intent === "accept-preview" || intent === "accept") {
      const entryIds = form.getAll("entryId").map(String);
      const choice =
        intent === "accept-preview" && form.get("scope") === "all"
          ? ({ all: true } as const)
          : { entryIds };
      // Accepting cannot be undone: it is done only once the facilitator has seen who it takes and confirmed.
      if (intent === "accept-preview" || form.get("confirm") !== "yes")
        return data({
          intent: "accept-preview" as const,
          preview: await previewAcceptance(viewer, params.sessionId ?? "", choice),
        });
      const { accepted, already } = await acceptProposals(viewer, params.sessionId ?? "", entryIds);
      return redirect(
        `/calibration/${params.sessionId}?accepted=${accepted}${already ? `&already=${already}` : ""}`,
      );
    }
    const day = String(form.get("effectiveOn") ?? "");
    const effectiveOn =
      /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`))
        ? new Date(`${day}T00:00:00Z`)
        : null;
    await advanceSession(viewer, params.sessionId ?? "", String(form.get("to") ?? ""), {
      effectiveOn,
    });
    return redirect(`/calibration/${params.sessionId}`);
  },
);

type Outcome = {
  rating: number | null;
  outcome: LevelOutcome | null;
  levelTitle: string | null;
} | null;
type PreRead = {
  ratings: number;
  mean: number | null;
  agree: number;
  question: number;
  noView: number;
} | null;

/** The session page's phrases that need the page's language: an outcome in a cell, the others' view, a signed difference. */
function useSessionWords() {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const outcomeText = (value: Outcome) => {
    if (value === null || value.rating === null) return "—";
    if (!value.outcome) return f.number(value.rating);
    const outcome = t(`levelOutcome.${value.outcome}`);
    return t("session.outcomeCell", {
      rating: value.rating,
      outcome:
        value.outcome === "promote" && value.levelTitle
          ? t("levelOutcomeTo", { outcome, level: value.levelTitle })
          : outcome,
    });
  };
  const preReadText = (preRead: PreRead) => {
    if (!preRead) return "—";
    const parts = [
      preRead.ratings
        ? t("session.preRead.ratings", {
            count: preRead.ratings,
            mean: f.number(preRead.mean ?? 0, 1),
          })
        : null,
      preRead.agree ? t("session.preRead.agree", { count: preRead.agree }) : null,
      preRead.question ? t("session.preRead.question", { count: preRead.question }) : null,
      preRead.noView ? t("session.preRead.noView", { count: preRead.noView }) : null,
    ];
    return parts.filter(Boolean).join(" · ");
  };
  const signed = (value: number) =>
    `${value > 0 ? "+" : value < 0 ? "−" : "±"}${f.number(Math.abs(value), 2)}`;
  return { t, f, outcomeText, preReadText, signed };
}

export default function CalibrationSession({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const refused = actionData;
  const [searchParams] = useSearchParams();
  const accepted = refused ? null : searchParams.get("accepted");
  const alreadyAccepted = Number(searchParams.get("already") ?? 0);
  const released = refused ? null : searchParams.get("released");
  useLiveSession(view.session.id);
  const sending = useSubmitting();
  const { t, f, outcomeText, preReadText, signed } = useSessionWords();
  const { t: common } = useTranslation("common");
  const { session } = view;
  const filtered = Object.values(view.filters).some(Boolean);
  const nextLabel = view.next ? t(`state.${view.next.state}`) : "";
  // Those who record outcomes read the spread first; a manager who proposes came for the agenda,
  // and before it met 650 px of charts (empty until proposals are in) on a phone.
  const chartsFirst = view.canRecordOutcomes;
  const charts = (
    <>
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("session.ratings")}</h2>
          <DistributionChart
            scale={view.scale}
            proposed={view.distribution.proposed}
            final={view.distribution.final}
          />
        </Card>
        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("session.leniency.heading")}</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {view.leniency.flagged.length
              ? t("session.leniency.flaggedIntro")
              : view.leniency.counted
                ? t("session.leniency.noneFlaggedCounted", { count: view.leniency.counted })
                : t("session.leniency.noneFlagged")}
          </p>
          {view.leniency.flagged.length ? (
            <ul className="mb-3 space-y-1 text-sm">
              {view.leniency.flagged.map((manager) => (
                <li key={manager.managerId}>
                  <strong>{common("list.labelled", { label: manager.name })}</strong>{" "}
                  {t("session.leniency.flaggedManager", {
                    difference: manager.difference !== null ? signed(manager.difference) : "",
                    count: manager.n,
                    verdict:
                      manager.difference !== null && manager.difference > 0 ? "higher" : "lower",
                  })}
                </li>
              ))}
            </ul>
          ) : null}
          {view.severityFlagged.length ? (
            <p className="mb-3 text-sm">
              {t("session.severity.flagged", { names: f.list(view.severityFlagged) })}
            </p>
          ) : null}
          <Link
            to={sessionViewHref(session.id, view.filters, "managers")}
            className="text-sm text-brand-600 underline dark:text-brand-100"
          >
            {t("session.everyManager")}
          </Link>
        </Card>
      </div>

      {view.nineBox ? (
        <Card className="mb-6">
          <h2 className="mb-3 text-lg font-semibold">
            {t("session.nineBox", { dimension: view.nineBox.dimension })}
          </h2>
          <NineBoxTable
            dimension={view.nineBox.dimension}
            points={view.nineBox.points}
            proposed={view.nineBox.proposed}
            final={view.nineBox.final}
          />
        </Card>
      ) : null}
    </>
  );
  return (
    <>
      <BackLink to="/calibration">{t("list.heading")}</BackLink>
      <PageHeader
        title={session.name}
        description={[
          session.cycleName,
          t("session.ladder", { ladder: session.ladderName }),
          session.scaleName ? t("session.scale", { scale: session.scaleName }) : null,
          t("session.facilitatedBy", { name: session.facilitatorName }),
          session.blindPreRead ? t("session.blindPreRead") : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          view.next ? (
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="to" value={view.next.state} />
              {view.next.state === "published" ? (
                <Field
                  name="effectiveOn"
                  type="date"
                  label={t("session.move.effectiveOn")}
                  hint={t("session.move.effectiveOnHint")}
                />
              ) : null}
              <ConfirmSubmit
                label={t("session.move.button", { state: nextLabel })}
                title={t("session.move.title", { state: nextLabel })}
                tickLabel={t("session.move.tick", { state: nextLabel })}
                disabled={sending}
              >
                <p>{t(`consequence.${view.next.state}`)}</p>
                <p className="mt-2">
                  {t("session.move.noGoingBack", { state: t(`state.${session.state}`) })}
                </p>
              </ConfirmSubmit>
            </Form>
          ) : null
        }
      />
      <LiveNotice events={`/calibration/${session.id}/events`} />
      {refused && "error" in refused ? <Alert tone="error">{refused.error}</Alert> : null}
      {accepted !== null && /^\d+$/.test(accepted) ? (
        <Alert tone="success">
          {t("session.accepted", { count: Number(accepted) })}
          {alreadyAccepted ? ` ${t("session.alreadyAccepted", { count: alreadyAccepted })}` : ""}
        </Alert>
      ) : null}
      {released !== null && /^\d+$/.test(released) ? (
        <Alert tone="success">{t("session.released", { count: Number(released) })}</Alert>
      ) : null}
      {session.scaleMissing ? <Alert tone="warning">{t("session.scaleMissing")}</Alert> : null}
      <p className="mb-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <span>
          {t("session.stateLabel")} <strong>{t(`state.${session.state}`)}</strong> ·{" "}
          {t("session.people", { count: view.people.everyone })}
          {view.people.why
            ? ` ${t(`session.notShown.${view.people.why}`, { count: view.people.notShown })}`
            : ""}
          {view.people.erased ? ` ${t("session.erased", { count: view.people.erased })}` : ""}
        </span>
        {view.canExport ? (
          <>
            <a
              href={`/calibration/${session.id}/export?what=outcomes`}
              className="text-brand-600 underline dark:text-brand-100"
              download
            >
              {t("session.exportOutcomes")}
            </a>
            <a
              href={`/calibration/${session.id}/export?what=history`}
              className="text-brand-600 underline dark:text-brand-100"
              download
            >
              {t("session.exportHistory")}
            </a>
          </>
        ) : null}
        {view.canSeeFairness ? (
          <Link
            to={`/calibration/${session.id}/fairness`}
            className="text-brand-600 underline dark:text-brand-100"
          >
            {t("session.fairness")}
          </Link>
        ) : null}
      </p>

      {view.meeting.startsAt || view.meeting.canChange ? (
        <MeetingCard
          formId="meeting"
          heading={t("session.meeting.heading")}
          invitations={t("session.meeting.invitations")}
          meeting={view.meeting}
          lastResult={refused && "meetingResult" in refused ? refused.meetingResult : undefined}
          busy={sending}
          className="mb-6"
        />
      ) : null}

      <SessionTabs sessionId={session.id} filters={view.filters} current={view.tab} />

      <SessionFilterForm
        sessionId={session.id}
        view={view.tab}
        filters={view.filters}
        filterProblems={view.filterProblems}
        filterOptions={view.filterOptions}
      />

      {view.tab === "managers" ? (
        <>
          {view.calibrators ? (
            <Card className="mb-6">
              <h2 className="mb-1 text-lg font-semibold">{t("session.calibrators.heading")}</h2>
              <p className="mb-3 text-sm">
                {view.calibrators.names.length
                  ? f.list(view.calibrators.names)
                  : t("session.calibrators.none")}
              </p>
              {view.calibrators.canInvite ? (
                <Form method="post" className="flex flex-wrap items-end gap-3">
                  <input type="hidden" name="intent" value="invite" />
                  <Field
                    name="email"
                    type="email"
                    autoComplete="off"
                    label={t("session.calibrators.invite")}
                    hint={t("session.calibrators.inviteHint")}
                    defaultValue={refused && "fieldErrors" in refused ? refused.email : ""}
                    errors={refused && "fieldErrors" in refused ? refused.fieldErrors.email : null}
                  />
                  <Button type="submit" variant="secondary" disabled={sending}>
                    {t("session.calibrators.submit")}
                  </Button>
                </Form>
              ) : null}
            </Card>
          ) : null}
          <Card className="mb-6">
            <h2 className="mb-1 text-lg font-semibold">{t("session.leniency.heading")}</h2>
            <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
              {t(filtered ? "session.leniency.explainFiltered" : "session.leniency.explain", {
                floor: view.leniency.floor,
              })}
            </p>
            <LeniencyTable managers={view.leniency.managers} floor={view.leniency.floor} />
          </Card>
          {view.severity ? (
            <Card className="mb-6">
              <h2 className="mb-1 text-lg font-semibold">{t("session.severity.heading")}</h2>
              <p className="mb-3 text-xs text-slate-600 dark:text-slate-300">
                {t("session.severity.explain")}
              </p>
              {view.severity.estimable ? (
                <ul className="space-y-1 text-sm">
                  {view.severity.raters.map((rater) => (
                    <li key={rater.raterId}>
                      <strong>{common("list.labelled", { label: rater.name })}</strong>{" "}
                      {t("session.severity.rater", {
                        offset: signed(rater.offset),
                        low: signed(rater.interval[0]),
                        high: signed(rater.interval[1]),
                        ratings: rater.ratings,
                        people: rater.people,
                        verdict: rater.flagged ? (rater.offset > 0 ? "higher" : "lower") : "noise",
                      })}
                    </li>
                  ))}
                  {view.severity.notEstimable.map((rater) => (
                    <li key={rater.raterId} className="text-slate-600 dark:text-slate-300">
                      {t("session.severity.notEstimable", {
                        name: rater.name,
                        reason: wordsOf(t, rater.reason),
                      })}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-700 dark:text-slate-300">
                  {wordsOf(t, view.severity.reason)}
                </p>
              )}
            </Card>
          ) : (
            <p className="mb-6 text-sm text-slate-600 dark:text-slate-300">
              {t("session.severity.none")}
            </p>
          )}
        </>
      ) : (
        <>
          {chartsFirst ? charts : null}

          {view.toRelease ? <ReleaseCard toRelease={view.toRelease} busy={sending} /> : null}
          <h2 className="mb-2 text-lg font-semibold">{t("session.agenda.heading")}</h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">
            {t("session.agenda.order")}
          </p>
          {view.canRecordOutcomes ? (
            <>
              {refused && "preview" in refused ? (
                <AcceptConfirmation
                  preview={refused.preview}
                  sessionId={session.id}
                  busy={sending}
                />
              ) : null}
              <Form
                method="post"
                id="accept-proposals"
                className="mb-3 flex flex-wrap items-center gap-3"
              >
                <input type="hidden" name="intent" value="accept-preview" />
                <Button
                  type="submit"
                  name="scope"
                  value="selected"
                  variant="secondary"
                  disabled={sending}
                >
                  {t("session.accept.selected")}
                </Button>
                <Button
                  type="submit"
                  name="scope"
                  value="all"
                  variant="secondary"
                  disabled={sending}
                >
                  {t("session.accept.all")}
                </Button>
                <span className="text-xs text-slate-600 dark:text-slate-300">
                  {t("session.accept.explain")}
                </span>
              </Form>
            </>
          ) : null}
          <DataTable
            caption={t("session.agenda.caption")}
            headings={[
              ...(view.canRecordOutcomes ? [t("session.agenda.accept")] : []),
              ...(view.toRelease ? [t("session.agenda.release")] : []),
              t("session.agenda.person"),
              t("session.agenda.manager"),
              t("session.agenda.level"),
              t("session.agenda.flags"),
              t("session.agenda.proposal"),
              t("session.agenda.othersView"),
              t("session.agenda.final"),
              ...(session.state === "published" ? [t("session.agenda.told")] : []),
            ]}
          >
            {view.entries.map((entry) => (
              <tr key={entry.id}>
                {view.canRecordOutcomes ? (
                  <td className={tdClass}>
                    {entry.proposal?.rating != null && entry.final === null ? (
                      <input
                        type="checkbox"
                        name="entryId"
                        value={entry.id}
                        form="accept-proposals"
                        aria-label={t("session.agenda.acceptOne", { name: entry.name })}
                        className="size-4"
                      />
                    ) : null}
                  </td>
                ) : null}
                {view.toRelease ? (
                  <td className={tdClass}>
                    {entry.canRelease ? (
                      <input
                        type="checkbox"
                        name="entryId"
                        value={entry.id}
                        form="release-outcomes"
                        aria-label={t("session.agenda.releaseOne", { name: entry.name })}
                        className="size-4"
                      />
                    ) : null}
                  </td>
                ) : null}
                <th scope="row" className={`${tdClass} font-medium`}>
                  <a
                    href={`/calibration/${session.id}/entries/${entry.id}`}
                    className="link underline underline-offset-2"
                  >
                    {entry.name}
                  </a>
                  {entry.canPropose && !entry.proposal?.rating ? (
                    <span className="ms-2 text-xs font-normal text-amber-900 dark:text-amber-200">
                      {t("session.agenda.proposalNeeded")}
                    </span>
                  ) : null}
                </th>
                <td className={tdClass}>{entry.manager ?? "—"}</td>
                <td className={tdClass}>{entry.place ?? "—"}</td>
                <td className={tdClass}>
                  <FlagList flags={entry.flags} />
                </td>
                <td className={tdClass}>
                  {entry.proposal ? (
                    outcomeText(entry.proposal)
                  ) : (
                    <span className="muted">{t("session.agenda.notRevealed")}</span>
                  )}
                </td>
                <td className={tdClass}>{preReadText(entry.preRead)}</td>
                <td className={tdClass}>{outcomeText(entry.final)}</td>
                {session.state === "published" ? (
                  <td className={tdClass}>
                    {entry.released ? t("session.agenda.released") : t("session.agenda.notYet")}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
          <AgendaPages sessionId={session.id} filters={view.filters} pagination={view.pagination} />
          {chartsFirst ? null : <div className="mt-6">{charts}</div>}
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
  const { t } = useTranslation("calibration");
  const href = (page: number) => {
    const search = new URLSearchParams(
      Object.entries(filters).flatMap(([name, value]) => (value ? [[name, value]] : [])),
    );
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return `/calibration/${sessionId}${query ? `?${query}` : ""}`;
  };
  return (
    <nav
      aria-label={t("session.pages.label")}
      className="mt-3 flex flex-wrap items-center gap-4 text-sm"
    >
      <span>
        {pagination.shown
          ? t("session.pages.range", {
              from: pagination.from,
              to: pagination.to,
              shown: pagination.shown,
            })
          : t("session.pages.nobody")}
      </span>
      {pagination.page > 1 ? (
        <Link
          to={href(pagination.page - 1)}
          className="text-brand-600 underline dark:text-brand-100"
        >
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            ←
          </span>{" "}
          {t("session.pages.previous")}
        </Link>
      ) : null}
      {pagination.page < pagination.pages ? (
        <Link
          to={href(pagination.page + 1)}
          className="text-brand-600 underline dark:text-brand-100"
        >
          {t("session.pages.next")}{" "}
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">
            →
          </span>
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
  const { t } = useTranslation("calibration");
  return (
    <Card className="mb-6">
      <h2 className="mb-1 text-lg font-semibold">{t("session.release.heading")}</h2>
      <p className="mb-3 text-sm">{t("session.release.explain", { count: toRelease })}</p>
      <Form method="post" id="release-outcomes" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="release" />
        {/* The tick box below confirms releasing everyone, not the people ticked in the agenda. */}
        <Button
          type="submit"
          name="scope"
          value="selected"
          variant="secondary"
          disabled={busy}
          formNoValidate
        >
          {t("session.release.ticked")}
        </Button>
        <ConfirmSubmit
          label={t("session.release.all", { count: toRelease })}
          title={t("session.release.title")}
          tickLabel={t("session.release.tick")}
          name="scope"
          value="all"
          variant="primary"
          disabled={busy}
        >
          <p>{t("session.release.confirm", { count: toRelease })}</p>
        </ConfirmSubmit>
      </Form>
    </Card>
  );
}

type AcceptPreview = {
  accept: { id: string; name: string }[];
  already: number;
  kept: number;
  left: number;
};

/** Before a bulk accept: who it takes, said with the count, and the button that does it (the step cannot be undone). */
function AcceptConfirmation({
  preview,
  sessionId,
  busy,
}: {
  preview: AcceptPreview;
  sessionId: string;
  busy: boolean;
}) {
  const { t } = useTranslation("calibration");
  const count = preview.accept.length;
  const names = wordsOf(t, listOf(preview.accept.slice(0, 10).map((entry) => entry.name)));
  const more = count - 10;
  return (
    <section
      aria-labelledby="accept-title"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id="accept-title" className="mb-1 text-base font-semibold">
        {count ? t("session.accept.title", { count }) : t("session.accept.nothing")}
      </h3>
      {count ? (
        <>
          <p className="mb-2">{t("session.accept.effect")}</p>
          <p className="mb-2">
            {more > 0
              ? t("session.accept.namesAndMore", { names, more })
              : t("session.accept.names", { names })}
          </p>
        </>
      ) : null}
      {preview.already ? (
        <p className="mb-2">{t("session.accept.already", { count: preview.already })}</p>
      ) : null}
      {preview.kept ? (
        <p className="mb-2">{t("session.accept.kept", { count: preview.kept })}</p>
      ) : null}
      {preview.left ? (
        <p className="mb-2">{t("session.accept.left", { count: preview.left })}</p>
      ) : null}
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="confirm" value="yes" />
        {preview.accept.map((entry) => (
          <input key={entry.id} type="hidden" name="entryId" value={entry.id} />
        ))}
        {count ? (
          <Button type="submit" disabled={busy}>
            {t("session.accept.confirm", { count })}
          </Button>
        ) : null}
        <Link
          to={`/calibration/${sessionId}`}
          className="text-brand-600 underline dark:text-brand-100"
        >
          {count ? t("session.accept.cancel") : t("session.accept.back")}
        </Link>
      </Form>
    </section>
  );
}
