import { parseWithZod } from "@conform-to/zod/v4";
import { useTranslation } from "~/i18n/use-translation";
import {
  Form,
  Link,
  data,
  redirect,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "react-router";
import { useEffect, useState } from "react";
import type { Route } from "./+types/calibration.$sessionId.entries.$entryId";
import {
  DraftStatus,
  EVIDENCE_SOURCE_KEYS,
  EvidenceChoice,
  useProposalDraft,
} from "~/components/calibration/proposal-draft";
import { OutcomeFields, type OutcomeValues } from "~/components/calibration/outcome-fields";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLiveSession } from "~/components/calibration/use-live-session";
import { LiveNotice } from "~/components/ui/live-notice";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { OutcomeSchema } from "~/modules/calibration/outcomes";
import { entryView } from "~/modules/calibration/session-view.server";
import {
  recordOutcome,
  releaseOutcome,
  savePreRead,
  saveProposal,
  saveProposalDraft,
} from "~/modules/calibration/sessions.server";
import { PROPOSAL_MARKS, type ProposalMark } from "~/modules/calibration/entries";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { feedbackPageForSession } from "~/modules/feedback/person-page.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

/**
 * Sent as HTML (decision 164): the page's one script follows the session's changes and keeps the
 * proposal as it is typed; opened in place from a page with the app's scripts, its hooks do.
 */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  {
    title: loaderData
      ? metaT(matches)("calibration:entry.title", { name: loaderData.entry.name })
      : metaT(matches)("calibration:entry.titleFallback"),
  },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const view = await entryView(
    viewer,
    params.sessionId ?? "",
    params.entryId ?? "",
    languageOf(context),
  );
  return {
    ...view,
    feedbackHref: await feedbackPageForSession(view.session.id, view.entry.personId),
  };
});

/** The outcome form as it was sent: what a refusal keeps for the facilitator or manager to send again. */
function outcomeValues(form: FormData): OutcomeValues {
  return {
    ...Object.fromEntries(
      ["rating", "outcome", "levelId", "text", "second"].map((name) => [
        name,
        String(form.get(name) ?? ""),
      ]),
    ),
    evidence: form.getAll("evidence").map(String),
  };
}

/** Someone else changed the entry first, or the step is not theirs to take: said beside the form, keeping what was typed. */
const refusalShown = (form: FormData) => ({
  values: outcomeValues(form),
  fieldErrors: {} as Record<string, string[]>,
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const sessionId = params.sessionId ?? "";
  const entryId = params.entryId ?? "";
  const intent = form.get("intent");
  if (intent === "release") {
    await releaseOutcome(viewer, entryId, sessionId);
    return redirect(`/calibration/${sessionId}/entries/${entryId}?saved=release`);
  }
  if (intent === "preread-rating" || intent === "preread-mark") {
    const rating = Number(form.get("rating"));
    const mark = String(form.get("mark") ?? "");
    const input =
      intent === "preread-rating"
        ? Number.isInteger(rating) && form.get("rating")
          ? { rating }
          : null
        : (PROPOSAL_MARKS as readonly string[]).includes(mark)
          ? { mark: mark as ProposalMark }
          : null;
    if (!input)
      return data(
        {
          intent,
          values: {},
          fieldErrors: {
            [intent === "preread-rating" ? "rating" : "mark"]: [
              intent === "preread-rating"
                ? "calibration:errors.chooseRating"
                : "calibration:errors.chooseMark",
            ],
          },
        },
        { status: 400 },
      );
    const result = await savePreRead(viewer, entryId, input, sessionId);
    if (!result.ok)
      return data({ intent, values: {}, fieldErrors: result.fieldErrors }, { status: 400 });
    return redirect(
      `/calibration/${sessionId}/entries/${entryId}?saved=${result.unchanged ? "unchanged" : intent}`,
    );
  }
  const values = outcomeValues(form);
  if (intent === "draft") {
    // The form as the manager is typing it: kept for them alone, not a proposal.
    const { evidence, ...fields } = values;
    return data({
      intent,
      ...(await saveProposalDraft(
        viewer,
        entryId,
        { ...fields, evidence: evidence ?? [] } as Record<string, string | string[]>,
        sessionId,
      )),
    });
  }
  if (intent !== "propose" && intent !== "final")
    throw new InvalidError({ key: "calibration:errors.unknownAction" });
  const submission = parseWithZod(form, { schema: OutcomeSchema });
  if (submission.status !== "success") {
    return data({ intent, values, fieldErrors: submission.reply().error ?? {} }, { status: 400 });
  }
  const revision = String(form.get("revision") ?? "");
  if (intent === "final" && !/^\d{1,9}$/.test(revision))
    throw new InvalidError({ key: "calibration:errors.noRevision" });
  const result =
    intent === "propose"
      ? await saveProposal(viewer, entryId, submission.value, sessionId)
      : await recordOutcome(
          viewer,
          entryId,
          { ...submission.value, revision: Number(revision) },
          sessionId,
        );
  if (!result.ok) return data({ intent, values, fieldErrors: result.fieldErrors }, { status: 400 });
  return redirect(
    `/calibration/${sessionId}/entries/${entryId}?saved=${result.unchanged ? "unchanged" : intent}`,
  );
}, refusalShown);

/** Keeping a draft changes nothing anyone sees: the page is not reloaded for it. */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formData,
  defaultShouldRevalidate,
}) => (formData?.get("intent") === "draft" ? false : defaultShouldRevalidate);

/**
 * The revision an outcome is edited from. It follows the entry while the form is untouched (live
 * updates reload the page's data); once the facilitator edits, it stays where the edit started, so
 * a change another facilitator saves meanwhile comes back as a conflict instead of being
 * overwritten. A conflict shown, or the facilitator's own save, starts afresh from the entry as it is.
 */
function useEditBase(revision: number, conflict: object | null, saved: string | null) {
  const [editing, setEditing] = useState(false);
  const [base, setBase] = useState(revision);
  useEffect(() => {
    if (!editing) setBase(revision);
  }, [editing, revision]);
  useEffect(() => {
    if (conflict || saved) {
      setEditing(false);
      setBase(revision);
    }
    // Only a new reply or save restarts the edit, not every reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conflict, saved]);
  return {
    revision: base,
    edited: () => setEditing(true),
    changedMeanwhile: editing && revision !== base,
  };
}

const PROPOSAL_FORM_ID = "proposal-form";

export default function CalibrationEntry({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  // In the app, drafts are kept through a fetcher; as HTML, the page's script reads the line the
  // action's answer says of its draft (`kept`). The page's own replies are the forms' refusals.
  const kept = actionData?.intent === "draft" ? actionData : undefined;
  const reply = actionData && !kept && "fieldErrors" in actionData ? actionData : undefined;
  useLiveSession(view.session.id);
  const { t } = useTranslation("calibration");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const sending = useSubmitting();
  const { entry } = view;
  const [searchParams] = useSearchParams();
  const draftState = useProposalDraft(PROPOSAL_FORM_ID, view.canPropose);
  const saved = reply ? null : searchParams.get("saved");
  const refusal =
    reply && "error" in reply && typeof reply.error === "string"
      ? {
          intent: reply.intent,
          error: reply.error,
          conflict: "kind" in reply && reply.kind === "conflict",
        }
      : null;
  const finalBase = useEditBase(
    entry.revision,
    refusal?.intent === "final" && refusal.conflict ? (reply ?? null) : null,
    saved,
  );
  const draft = view.draft;
  const proposalValues: OutcomeValues =
    reply?.intent === "propose"
      ? reply.values
      : draft
        ? {
            rating: typeof draft.rating === "string" ? draft.rating : undefined,
            outcome: typeof draft.outcome === "string" ? draft.outcome : undefined,
            levelId: typeof draft.levelId === "string" ? draft.levelId : undefined,
            text: typeof draft.text === "string" ? draft.text : undefined,
            second: typeof draft.second === "string" ? draft.second : undefined,
            evidence: Array.isArray(draft.evidence) ? draft.evidence : [],
          }
        : {
            rating: entry.proposal?.rating?.toString(),
            outcome: entry.proposal?.outcome ?? undefined,
            levelId: entry.proposal?.levelId ?? undefined,
            text: entry.proposal?.rationale,
            second: entry.proposal?.second?.toString(),
            evidence: entry.proposal?.evidence.map((item) => item.id) ?? [],
          };
  const finalValues: OutcomeValues =
    reply?.intent === "final"
      ? reply.values
      : entry.final.rating !== null
        ? {
            rating: String(entry.final.rating),
            outcome: entry.final.outcome ?? undefined,
            levelId: entry.final.levelId ?? undefined,
            text: entry.final.reason ?? "",
            second: entry.final.second?.toString(),
          }
        : { ...proposalValues, text: "" };
  const outcomeText = (value: {
    outcome: "stay" | "promote" | "not-ready" | null;
    levelId: string | null;
  }) => {
    if (!value.outcome) return null;
    const outcome = t(`levelOutcome.${value.outcome}`);
    return value.levelId
      ? t("levelOutcomeTo", { outcome, level: view.levelTitles[value.levelId] ?? value.levelId })
      : outcome;
  };
  const secondText = (value: number | null) =>
    value === 1 || value === 2 || value === 3
      ? t(`second.${value}`)
      : value === null
        ? "—"
        : f.number(value);
  const average = (value: number | null) =>
    value === null ? t("entry.reviews.noAverage") : t("entry.reviews.average", { average: value });
  return (
    <>
      <BackLink to={`/calibration/${view.session.id}`}>{view.session.name}</BackLink>
      <PageHeader
        title={entry.name}
        description={t("entry.description", {
          place: entry.place ?? t("entry.noLevel"),
          manager: entry.manager ?? t("entry.noManager"),
          state: view.session.state,
        })}
      />
      <LiveNotice events={`/calibration/${view.session.id}/events`} />
      {saved === "unchanged" ? (
        <Alert tone="info">{t("entry.saved.unchanged")}</Alert>
      ) : saved ? (
        <Alert tone="success">
          {saved === "propose"
            ? t("entry.saved.propose")
            : saved === "release"
              ? t("entry.saved.release", { name: entry.name })
              : saved.startsWith("preread")
                ? t("entry.saved.preread")
                : t("entry.saved.final")}
        </Alert>
      ) : refusal && refusal.intent !== "final" ? (
        <Alert tone="error">{refusal.error}</Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("entry.reviews.heading")}</h2>
          <ul className="space-y-1 text-sm">
            <li>
              {t("entry.reviews.self")}{" "}
              {entry.reviews.selfId ? (
                <Link
                  to={`/assessments/${entry.reviews.selfId}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("entry.reviews.selfLink", { average: average(entry.reviews.selfAverage) })}
                </Link>
              ) : (
                t("entry.reviews.notSubmitted")
              )}
            </li>
            <li>
              {t("entry.reviews.manager")}{" "}
              {entry.reviews.managerReviewId ? (
                <Link
                  to={`/assessments/${entry.reviews.managerReviewId}`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("entry.reviews.managerLink", {
                    average: average(entry.reviews.managerAverage),
                    evidence: entry.reviews.evidenceCount,
                    rated: entry.reviews.ratedCount,
                  })}
                </Link>
              ) : (
                t("entry.reviews.notSubmitted")
              )}
            </li>
            {entry.targets ? (
              <li>
                {t("entry.reviews.targets", { met: entry.targets.met, of: entry.targets.of })}
              </li>
            ) : null}
            {view.feedbackHref ? (
              <li>
                <Link
                  to={view.feedbackHref}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("entry.reviews.feedback")}
                </Link>
              </li>
            ) : null}
            {view.canOpenProfile ? (
              <li>
                <Link
                  to={`/people/${entry.personId}/gap`}
                  className="text-brand-600 underline dark:text-brand-100"
                >
                  {t("entry.reviews.gap")}
                </Link>
              </li>
            ) : null}
          </ul>
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("entry.proposal.heading")}</h2>
          {entry.proposal === null ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">
              {t("entry.proposal.hidden")}
            </p>
          ) : view.canPropose ? (
            <Form method="post" className="space-y-4" id={PROPOSAL_FORM_ID} data-keep="draft">
              <input type="hidden" name="intent" value="propose" />
              <OutcomeFields
                idPrefix="proposal"
                scale={view.scale}
                targets={view.promotionTargets}
                values={proposalValues}
                errors={reply?.intent === "propose" ? reply.fieldErrors : {}}
                textLabel={t("entry.proposal.rationale")}
                textHint={t("entry.proposal.rationaleHint")}
                secondDimension={view.secondDimension}
              />
              <EvidenceChoice
                evidence={view.evidence}
                chosen={proposalValues.evidence ?? []}
                errors={reply?.intent === "propose" ? reply.fieldErrors.evidence : null}
              />
              <DraftStatus
                id={`${PROPOSAL_FORM_ID}-status`}
                saving={draftState.saving}
                savedAt={draftState.savedAt ?? (kept && "savedAt" in kept ? kept.savedAt : null)}
                error={
                  draftState.error ??
                  (kept && "error" in kept && typeof kept.error === "string" ? kept.error : null)
                }
                keptAt={draft ? "kept" : null}
              />
              <Button type="submit" disabled={sending}>
                {t("entry.proposal.save")}
              </Button>
            </Form>
          ) : entry.proposal.rating === null ? (
            <p className="text-sm text-slate-600 dark:text-slate-300">{t("entry.proposal.none")}</p>
          ) : (
            <dl className="space-y-1 text-sm">
              <div>
                <dt className="inline font-medium">{t("entry.proposal.rating")} </dt>
                <dd className="inline">{ratingText(entry.proposal.rating, view.scale)}</dd>
              </div>
              <div>
                <dt className="inline font-medium">{t("entry.proposal.outcome")} </dt>
                <dd className="inline">{outcomeText(entry.proposal) ?? "—"}</dd>
              </div>
              {view.secondDimension ? (
                <div>
                  <dt className="inline font-medium">
                    {t("entry.proposal.second", { dimension: view.secondDimension.name })}{" "}
                  </dt>
                  <dd className="inline">{secondText(entry.proposal.second)}</dd>
                </div>
              ) : null}
              <div>
                <dt className="font-medium">{t("entry.proposal.rationale")}</dt>
                <dd className="whitespace-pre-line">{entry.proposal.rationale || "—"}</dd>
              </div>
              <div>
                <dt className="font-medium">{t("entry.proposal.evidence")}</dt>
                <dd>
                  {entry.proposal.evidence.length ? (
                    <ul className="list-disc space-y-1 ps-5">
                      {entry.proposal.evidence.map((item) => (
                        <li key={item.id}>
                          {item.url ? (
                            <a
                              href={item.url}
                              className="text-brand-600 underline dark:text-brand-100"
                              rel="noreferrer noopener"
                              target="_blank"
                            >
                              {item.text}
                            </a>
                          ) : (
                            item.text
                          )}{" "}
                          <span className="text-xs text-slate-600 dark:text-slate-300">
                            {t("entry.proposal.evidenceFrom", {
                              competency: item.competency,
                              source: t(EVIDENCE_SOURCE_KEYS[item.source]),
                            })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t("entry.proposal.noEvidence")
                  )}
                </dd>
              </div>
            </dl>
          )}
        </Card>
      </div>
      {entry.gap ? (
        <GapCard
          gap={entry.gap}
          profileHref={view.canOpenProfile ? `/people/${entry.personId}/gap` : null}
        />
      ) : null}
      {view.canRateIndependently || view.canMarkProposal ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("entry.ownView.heading")}</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {view.canRateIndependently ? t("entry.ownView.blind") : t("entry.ownView.mark")}
          </p>
          <Form method="post" className="space-y-3">
            <input
              type="hidden"
              name="intent"
              value={view.canRateIndependently ? "preread-rating" : "preread-mark"}
            />
            {view.canRateIndependently ? (
              <fieldset>
                <legend className="mb-2 text-sm font-medium">
                  {t("entry.ownView.ratingLegend")}
                </legend>
                <div className="flex flex-wrap gap-4">
                  {view.scale.map((point) => (
                    <label key={point.value} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name="rating"
                        value={point.value}
                        defaultChecked={view.ownPreRead.rating === point.value}
                        required
                        className="size-4"
                      />
                      {point.value} {point.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            ) : (
              <fieldset>
                <legend className="mb-2 text-sm font-medium">
                  {t("entry.ownView.markLegend")}
                </legend>
                <div className="flex flex-wrap gap-4">
                  {PROPOSAL_MARKS.map((value) => (
                    <label key={value} className="flex items-center gap-2 text-sm">
                      <input
                        type="radio"
                        name="mark"
                        value={value}
                        defaultChecked={view.ownPreRead.mark === value}
                        required
                        className="size-4"
                      />
                      {t(`mark.${value}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
            {reply && (reply.intent === "preread-rating" || reply.intent === "preread-mark") ? (
              <p role="alert" className="text-sm text-red-700 dark:text-red-400">
                {Object.values(reply.fieldErrors)
                  .flat()
                  .flatMap((error) => (error ? [wordsOf(t, error)] : []))
                  .join(" ")}
              </p>
            ) : null}
            <Button type="submit" variant="secondary">
              {t("entry.ownView.save")}
            </Button>
          </Form>
        </Card>
      ) : null}
      {view.canRecordOutcome ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("entry.final.heading")}</h2>
          {refusal?.intent === "final" ? (
            <Alert tone="error">
              {refusal.error}
              {refusal.conflict ? ` ${t("entry.final.conflictKept")}` : ""}
            </Alert>
          ) : null}
          {finalBase.changedMeanwhile ? (
            <Alert tone="warning">{t("entry.final.changedMeanwhile")}</Alert>
          ) : null}
          {/* Untouched, the form shows the entry as it is now; once edited, it keeps what was typed. */}
          <Form
            key={finalBase.revision}
            method="post"
            className="space-y-4"
            onChange={finalBase.edited}
          >
            <input type="hidden" name="intent" value="final" />
            <input type="hidden" name="revision" value={finalBase.revision} />
            <OutcomeFields
              idPrefix="final"
              scale={view.scale}
              targets={view.promotionTargets}
              values={finalValues}
              errors={reply?.intent === "final" ? reply.fieldErrors : {}}
              textLabel={t("entry.final.reason")}
              textHint={t("entry.final.reasonHint")}
              secondDimension={view.secondDimension}
            />
            <Button type="submit" disabled={sending}>
              {t("entry.final.record")}
            </Button>
          </Form>
        </Card>
      ) : entry.final.rating !== null && entry.proposal !== null ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("entry.final.heading")}</h2>
          <p className="text-sm">
            {ratingText(entry.final.rating, view.scale)} · {outcomeText(entry.final) ?? ""}
            {view.secondDimension
              ? ` · ${t("entry.final.secondValue", { dimension: view.secondDimension.name, value: secondText(entry.final.second) })}`
              : ""}
            {entry.final.reason ? ` — ${entry.final.reason}` : ""}
          </p>
        </Card>
      ) : null}
      {view.canRelease ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("entry.release.heading")}</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {entry.released
              ? t("entry.release.released", { name: entry.name })
              : t("entry.release.explain", { name: entry.name })}
          </p>
          {entry.released ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value="release" />
              <Button type="submit">{t("entry.release.button", { name: entry.name })}</Button>
            </Form>
          )}
        </Card>
      ) : null}
      {view.history.length ? (
        <Card className="mt-6">
          <h2 className="mb-2 text-lg font-semibold">{t("entry.history.heading")}</h2>
          <ol className="space-y-2 text-sm">
            {view.history.map((event) => (
              <li key={event.id}>
                <time dateTime={event.at} className="text-slate-600 dark:text-slate-300">
                  {f.dateTime(event.at)}
                </time>{" "}
                · <strong>{common("list.labelled", { label: event.actor })}</strong>{" "}
                {event.lines.length
                  ? event.lines.map((line) => wordsOf(t, line)).join("; ")
                  : t("entry.history.noChange")}
                {event.reason ? (
                  <span className="block text-slate-700 dark:text-slate-300">
                    {t("entry.history.why", { reason: event.reason })}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </Card>
      ) : null}
    </>
  );
}

/** A rating as the form offers it: its value and its scale point's label. */
const ratingText = (value: number, scale: readonly { value: number; label: string }[]) => {
  const point = scale.find((candidate) => candidate.value === value);
  return point ? `${value} ${point.label}` : String(value);
};

/** The gap to the proposed level (or the next one) from the cycle's reviews, beside the proposal. */
function GapCard({
  gap,
  profileHref,
}: {
  gap: NonNullable<Route.ComponentProps["loaderData"]["entry"]["gap"]>;
  profileHref: string | null;
}) {
  const { t } = useTranslation("calibration");
  return (
    <Card className="mt-6">
      <h2 className="mb-1 text-lg font-semibold">
        {gap.proposed
          ? t("entry.gap.headingProposed", { level: gap.levelTitle })
          : t("entry.gap.headingNext", { level: gap.levelTitle })}
      </h2>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {t("entry.gap.summary", {
          level: gap.levelTitle,
          meets: gap.counts.meets,
          below: gap.counts.below,
          notRated: gap.counts.notRated,
          total: gap.rows.length,
        })}{" "}
        {profileHref ? (
          <Link to={profileHref} className="text-brand-600 underline dark:text-brand-100">
            {t("entry.gap.full")}
          </Link>
        ) : null}
      </p>
      <DataTable
        caption={t("entry.gap.caption", { level: gap.levelTitle })}
        headings={[
          t("entry.gap.competency"),
          t("entry.gap.self"),
          t("entry.gap.manager"),
          t("entry.gap.target"),
          t("entry.gap.againstTarget"),
        ]}
      >
        {gap.rows.map((row) => (
          <tr key={row.competencyId}>
            <th scope="row" className={`${tdClass} font-medium`}>
              {row.name}
            </th>
            <td className={`${tdClass} tabular-nums`}>{row.self ?? "—"}</td>
            <td className={`${tdClass} tabular-nums`}>{row.manager ?? "—"}</td>
            <td className={`${tdClass} tabular-nums`}>{row.target}</td>
            <td className={tdClass}>{t(`entry.gap.status.${row.status}`)}</td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
