import { getFormProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  Form,
  Link,
  data,
  redirect,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "react-router";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import type { Route } from "./+types/calibration.$sessionId.meeting";
import { useAutosavedForm } from "~/components/calibration/proposal-draft";
import { FlagList } from "~/components/calibration/session-parts";
import { SessionTabs } from "~/components/calibration/session-nav";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { LiveNotice } from "~/components/ui/live-notice";
import { plainHtml } from "~/utils/page-scripts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { wordsOf } from "~/i18n/messages";
import { translatorOf } from "~/i18n/i18n.server";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { durationParts, MAX_NOTES, NotesSchema } from "~/modules/calibration/meeting-mode";
import {
  endMeeting,
  meetingView,
  openInMeeting,
  saveMeetingNotes,
} from "~/modules/calibration/meeting-mode.server";
import type { LevelOutcome } from "~/modules/calibration/entries";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";

/**
 * Sent as HTML (decision 166): the page's one script follows the session's changes and keeps the
 * notes as they are typed; opened in place from a page with the app's scripts, its hooks do.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("calibration:meeting.title", { name: loaderData.session.name })
      : metaT(matches)("calibration:meeting.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return meetingView(viewer, params.sessionId ?? "", undefined, languageOf(context));
});

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const sessionId = params.sessionId ?? "";
    const intent = form.get("intent");
    const here = `/calibration/${sessionId}/meeting`;
    if (intent === "open") {
      await openInMeeting(viewer, sessionId, String(form.get("entryId") ?? ""));
      return redirect(here);
    }
    if (intent === "end") {
      await endMeeting(viewer, sessionId);
      return redirect(here);
    }
    if (intent !== "notes" && intent !== "notes-autosave")
      throw new InvalidError({ key: "calibration:errors.unknownAction" });
    const submission = parseWithZod(form, { schema: NotesSchema });
    const entryId = String(form.get("entryId") ?? "");
    if (intent === "notes-autosave") {
      // Kept as the facilitator types: a refusal is said beside the notes, never as an error page over them.
      if (submission.status !== "success")
        return data(
          {
            intent,
            error: wordsOf(
              translatorOf(context),
              submission.error?.notes?.[0] ?? "calibration:errors.notesNotKept",
            ),
          },
          { status: 400 },
        );
      return data({
        intent,
        savedAt: (await saveMeetingNotes(viewer, sessionId, entryId, submission.value.notes))
          .savedAt,
      });
    }
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    await saveMeetingNotes(viewer, sessionId, entryId, submission.value.notes);
    return redirect(`${here}?saved=notes`);
  },
);

/** Keeping the notes as they are typed changes nothing on the page: it is not reloaded for it (others' pages are, through the live updates). */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "notes-autosave" ? false : defaultShouldRevalidate);

type Outcome = {
  rating: number | null;
  outcome: LevelOutcome | null;
  levelTitle: string | null;
  second: number | null;
} | null;

/** The meeting's phrases that need the page's language: an outcome with its second dimension, a duration. */
function useMeetingWords(dimension: string | null) {
  const { t, i18n } = useTranslation("calibration");
  const f = useFormats();
  const outcomeText = (value: Outcome) => {
    if (value === null || value.rating === null) return "—";
    const outcome = value.outcome ? t(`levelOutcome.${value.outcome}`) : null;
    return [
      f.number(value.rating),
      outcome && value.outcome === "promote" && value.levelTitle
        ? t("levelOutcomeTo", { outcome, level: value.levelTitle })
        : outcome,
      dimension && value.second
        ? t("grid.row", {
            point: t(`second.${value.second as 1 | 2 | 3}`),
            dimension: dimensionInSentence(dimension, i18n.language),
          })
        : null,
    ]
      .filter(Boolean)
      .join(" · ");
  };
  const duration = (ms: number) => {
    const { unit, first, second } = durationParts(ms);
    return t("meeting.duration", { unit, first: f.number(first), second });
  };
  return { t, f, outcomeText, duration };
}

export default function MeetingMode({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const { t, f, outcomeText, duration } = useMeetingWords(view.session.secondDimension);
  const reply = actionData;
  const [searchParams] = useSearchParams();
  const sending = useSubmitting();
  useLiveSession(view.session.id);
  const busy = sending;
  const { current } = view;
  const step = (
    entry: { id: string; name: string } | null,
    label: string,
    variant: "primary" | "secondary" = "secondary",
  ) =>
    entry ? (
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="open" />
        <input type="hidden" name="entryId" value={entry.id} />
        <Button type="submit" variant={variant} disabled={busy}>
          {t("meeting.step", { step: label, name: entry.name })}
        </Button>
      </Form>
    ) : null;
  return (
    <>
      <BackLink to="/calibration">{t("list.heading")}</BackLink>
      <PageHeader title={view.session.name} description={t("meeting.description")} />
      <SessionTabs sessionId={view.session.id} filters={{}} current="meeting" />
      <LiveNotice events={`/calibration/${view.session.id}/events`} />
      {view.session.state !== "live" ? (
        <Alert tone="info">
          {view.session.state === "locked" || view.session.state === "published"
            ? t("meeting.locked")
            : t("meeting.notLive")}
        </Alert>
      ) : !view.canRun ? (
        <Alert tone="info">{t("meeting.following")}</Alert>
      ) : null}
      {searchParams.get("saved") === "notes" && !reply ? (
        <Alert tone="success">{t("meeting.notesSaved")}</Alert>
      ) : null}
      {reply && "error" in reply && reply.intent !== "notes-autosave" ? (
        <Alert tone="error">{reply.error}</Alert>
      ) : null}

      <Card className="mb-6">
        <section aria-labelledby="now-discussing">
          <h2 id="now-discussing" className="mb-1 text-lg font-semibold">
            {current
              ? t("meeting.now.discussing", { name: current.name })
              : view.discussingWithheld
                ? t("meeting.now.withheld")
                : t("meeting.now.nobody")}
          </h2>
          {current ? (
            <>
              <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
                {t("meeting.now.position", {
                  position: current.position ?? 0,
                  total: view.agendaLength,
                  time: duration(current.ms),
                })}{" "}
                <time dateTime={current.since}>
                  {t("meeting.now.since", { time: f.timeOfDay(current.since) })}
                </time>
              </p>
              <dl className="mb-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">{t("meeting.now.manager")}</dt>
                <dd>{current.manager ?? "—"}</dd>
                <dt className="font-medium">{t("meeting.now.level")}</dt>
                <dd>{current.place ?? "—"}</dd>
                <dt className="font-medium">{t("meeting.now.flags")}</dt>
                <dd>
                  <FlagList flags={current.flags} />
                </dd>
                <dt className="font-medium">{t("meeting.now.proposal")}</dt>
                <dd>
                  {current.proposal ? outcomeText(current.proposal) : t("meeting.now.notRevealed")}
                </dd>
                <dt className="font-medium">{t("meeting.now.final")}</dt>
                <dd>{outcomeText(current.final)}</dd>
              </dl>
              <p className="mb-3 flex flex-wrap gap-4 text-sm">
                <Link
                  to={`/calibration/${view.session.id}/entries/${current.id}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("meeting.now.entryLink", { name: current.name })}
                </Link>
                <Link
                  to={`/calibration/${view.session.id}/grid`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("meeting.now.gridLink")}
                </Link>
              </p>
            </>
          ) : view.discussingWithheld ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {t("meeting.now.withheldExplain")}
            </p>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              {view.canRun ? t("meeting.now.startHint") : t("meeting.now.notStarted")}
            </p>
          )}
          {view.canRun ? (
            <div className="mt-3 flex flex-wrap items-center gap-3">
              {current ? step(view.previous, t("meeting.steps.previous")) : null}
              {step(
                view.next,
                current
                  ? t("meeting.steps.next")
                  : view.resuming
                    ? t("meeting.steps.resume")
                    : t("meeting.steps.start"),
                "primary",
              )}
              {current ? (
                <Form method="post" preventScrollReset>
                  <input type="hidden" name="intent" value="end" />
                  <Button type="submit" variant="secondary" disabled={busy}>
                    {t("meeting.steps.end")}
                  </Button>
                </Form>
              ) : null}
            </div>
          ) : null}
        </section>
      </Card>

      {current ? (
        <Card className="mb-6">
          {view.canRun ? (
            <NotesForm
              key={current.id}
              entryId={current.id}
              name={current.name}
              notes={current.notes}
              lastResult={reply && "result" in reply ? reply.result : undefined}
              kept={reply?.intent === "notes-autosave" && !("result" in reply) ? reply : undefined}
              busy={busy}
            />
          ) : (
            <>
              <h2 className="mb-1 text-lg font-semibold">{t("meeting.notes.heading")}</h2>
              <p className="whitespace-pre-line text-sm">
                {current.notes || t("meeting.notes.none")}
              </p>
            </>
          )}
        </Card>
      ) : null}

      <Card>
        <h2 className="mb-1 text-lg font-semibold">{t("meeting.times.heading")}</h2>
        {view.discussed.length ? (
          <DataTable
            plain
            caption={t("meeting.times.caption")}
            headings={[t("meeting.times.person"), t("meeting.times.time")]}
          >
            {view.discussed.map((entry) => (
              <tr key={entry.id}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {entry.name}
                  {entry.open ? (
                    <span className="ms-2 text-xs font-normal text-slate-600 dark:text-slate-300">
                      {t("meeting.times.now")}
                    </span>
                  ) : null}
                </th>
                <td className={`${tdClass} tabular-nums`}>{duration(entry.ms)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" className={`${tdClass} font-semibold`}>
                {t("meeting.times.total")}
              </th>
              <td className={`${tdClass} font-semibold tabular-nums`}>{duration(view.totalMs)}</td>
            </tr>
          </DataTable>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-300">{t("meeting.times.none")}</p>
        )}
      </Card>
    </>
  );
}

/** The facilitator's notes on the person under discussion: kept as they type (each version in the person's history), saved by the button without JavaScript. */
function NotesForm({
  entryId,
  name,
  notes,
  lastResult,
  kept: keptAsHtml,
  busy,
}: {
  entryId: string;
  name: string;
  notes: string;
  lastResult: SubmissionResult<string[]> | undefined;
  /** As HTML, what the action said of the notes the page's script sent to be kept. */
  kept?: { savedAt?: string; error?: unknown };
  busy: boolean;
}) {
  const formId = `notes-${entryId}`;
  const inApp = useAutosavedForm(formId, true, "notes-autosave");
  const kept = {
    saving: inApp.saving,
    savedAt: inApp.savedAt ?? keptAsHtml?.savedAt ?? null,
    error: inApp.error ?? (typeof keptAsHtml?.error === "string" ? keptAsHtml.error : null),
  };
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    constraint: getZodConstraint(NotesSchema),
    defaultValue: { notes },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NotesSchema }),
  });
  const status = kept.saving
    ? t("meeting.notes.saving")
    : kept.error
      ? t("meeting.notes.failed", { error: kept.error })
      : kept.savedAt
        ? t("meeting.notes.savedAt", { time: f.timeOfDay(kept.savedAt) })
        : "";
  return (
    <Form
      method="post"
      preventScrollReset
      className="space-y-3"
      data-keep="notes-autosave"
      {...getFormProps(form)}
    >
      <input type="hidden" name="intent" value="notes" />
      <input type="hidden" name="entryId" value={entryId} />
      <TextareaField
        label={t("meeting.notes.label", { name })}
        hint={t("meeting.notes.hint")}
        rows={5}
        maxLength={MAX_NOTES}
        errors={fields.notes.errors}
        {...getTextareaProps(fields.notes)}
      />
      <p
        id={`${formId}-status`}
        role="status"
        aria-live="polite"
        data-keep-status
        data-saving={t("meeting.notes.saving")}
        data-failed={t("meeting.notes.notKept")}
        data-kept={!kept.saving && !kept.error && kept.savedAt ? "" : undefined}
        className={`min-h-5 text-sm ${kept.error ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-300"}`}
      >
        {status}
      </p>
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("meeting.notes.save")}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
