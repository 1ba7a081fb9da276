import {
  getFormProps,
  getInputProps,
  getSelectProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useSearchParams } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.loops.$loopId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmendmentChanges } from "~/components/hiring/amendment-diff";
import { clashWords, linkClass, useInstant } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, SelectField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser, requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { purgeCandidate } from "~/modules/hiring/candidates.server";
import { assignSchema, DECISION_KEYS, LinkHireSchema } from "~/modules/hiring/forms";
import {
  assignInterviewer,
  linkHire,
  loopPage,
  openDebriefEarly,
  removeInterview,
  setCandidateInvitations,
} from "~/modules/hiring/loops.server";
import {
  isPipelineStage,
  PIPELINE_STAGE_KEYS,
  REJECTION_REASON_KEYS,
} from "~/modules/hiring/pipeline";
import { RECOMMENDATION_KEYS, type Recommendation } from "~/modules/hiring/scorecard";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { useTimeZone } from "~/utils/time-zone";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

// Opened from emails, the to-do list and the hiring section as a document; its forms post, redirect
// when accepted and come back with what was typed when refused (decision 147).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:loop.title", {
            candidate: loaderData.candidate.name ?? t("hiring:candidate.purged"),
          })
        : t("hiring:loop.fallbackTitle"),
    },
  ];
};

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  return loopPage(await requireUser(request), params.loopId ?? "", languageOf(context));
});

/**
 * Staffing the panel, the candidate's invitations, opening the debrief early, linking the hire and
 * purging the candidate. Each accepted form redirects to the page, which words `?done=`, so a reload
 * never posts again; a refused one comes back with its errors and what was typed (decision 147).
 */
export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const t = translatorOf(context);
  const loopId = params.loopId ?? "";
  const done = (what: LoopDone) => redirect(`/hiring/loops/${loopId}?done=${what}`);
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: assignSchema(timeZone) });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await assignInterviewer(viewer, loopId, submission.value);
    if (!result.ok)
      return data(
        { intent, result: submission.reply({ fieldErrors: result.fieldErrors }) },
        { status: 400 },
      );
    // Saved even when the times clash (a paired interview may be meant); the page says so at once.
    return done(result.clashes ? "assignedClash" : "assigned");
  }
  if (intent === "unassign") {
    await removeInterview(viewer, loopId, String(formData.get("interviewId") ?? ""));
    return done("unassigned");
  }
  if (intent === "candidate-invitations") {
    const send = formData.get("send") === "on";
    const result = await setCandidateInvitations(viewer, loopId, send);
    if (!result.ok) return data({ intent, error: wordsOf(t, result.error) }, { status: 400 });
    return done(send ? "invitationsOn" : "invitationsOff");
  }
  if (intent === "open-debrief") {
    await openDebriefEarly(viewer, loopId);
    return done("debriefOpened");
  }
  if (intent === "link-hire") {
    const submission = parseWithZod(formData, { schema: LinkHireSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await linkHire(viewer, loopId, submission.value.email);
    if (!result.ok)
      return data(
        { intent, result: submission.reply({ fieldErrors: result.fieldErrors }) },
        { status: 400 },
      );
    return done("linked");
  }
  if (intent === "purge") {
    if (formData.get("confirm") !== "purge")
      return data({ intent, error: t("hiring:loop.errors.confirmPurge") }, { status: 400 });
    await purgeCandidate(viewer, loopId);
    return done("purged");
  }
  throw new InvalidError({ key: "hiring:errors.unknownAction" });
});

/** What an accepted form did, as the page words it (`hiring:loop.flash.<done>`) after the redirect. */
const LOOP_DONE = [
  "assigned",
  "assignedClash",
  "unassigned",
  "invitationsOn",
  "invitationsOff",
  "debriefOpened",
  "linked",
  "purged",
] as const;
type LoopDone = (typeof LOOP_DONE)[number];

type ActionData = Route.ComponentProps["actionData"];

function resultOf(actionData: ActionData, intent: string): SubmissionResult<string[]> | undefined {
  return actionData && actionData.intent === intent && "result" in actionData
    ? actionData.result
    : undefined;
}

const STATUS_KEYS = {
  submitted: "loop.panel.status.submitted",
  draft: "loop.panel.status.draft",
  "not started": "loop.panel.status.notStarted",
} as const;

export default function LoopPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const when = useInstant();
  const { t } = useTranslation("hiring");
  const { t: tp } = useTranslation("panels");
  const f = useFormats();
  const {
    opening,
    candidate,
    stages,
    interviews,
    panel,
    warnings,
    cards,
    decision,
    debrief,
    can,
    competencyName,
  } = page;
  const sending = useSubmitting();
  const busy = sending;
  // A clash the assignment made is among the loop's clashes, which the page lists in full below.
  const clashes = page.overlaps.map((clash) => clashWords(t, f, clash)).join(" ");
  const message = useDoneMessage(
    Object.fromEntries(
      LOOP_DONE.map((what) => [
        what,
        what === "assignedClash"
          ? t("loop.flash.assignedClash", { clashes })
          : t(`loop.flash.${what}`),
      ]),
    ) as Record<LoopDone, string>,
    actionData,
  );
  const [searchParams] = useSearchParams();
  const clashSaid = message !== null && searchParams.get("done") === "assignedClash";
  const error = actionData && "error" in actionData ? actionData.error : null;
  const stageName = (id: string | null) => stages.find((stage) => stage.id === id)?.name ?? "";
  const recommendationLabel = (value: string | null) =>
    value
      ? value in RECOMMENDATION_KEYS
        ? t(RECOMMENDATION_KEYS[value as Recommendation])
        : value
      : "–";
  const stageLabel = (stage: string) =>
    isPipelineStage(stage) ? t(PIPELINE_STAGE_KEYS[stage]) : stage;
  return (
    <>
      {can.opening ? (
        <BackLink to={`/hiring/openings/${opening.id}`}>{opening.title}</BackLink>
      ) : (
        <BackLink to="/hiring">{t("loop.back")}</BackLink>
      )}
      <PageHeader
        title={candidate.name ?? t("candidate.purged")}
        description={t("loop.description", {
          opening: opening.title,
          level: opening.level ? wordsOf(t, opening.level) : opening.levelId,
        })}
        actions={
          <>
            {debrief.canSee ? (
              <Link
                to={`/hiring/loops/${page.loop.id}/debrief`}
                className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium dark:border-slate-600"
              >
                {t("loop.debrief")}
              </Link>
            ) : null}
            <a
              href={`/hiring/loops/${page.loop.id}/export`}
              className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium dark:border-slate-600"
            >
              {t("loop.export")}
            </a>
          </>
        }
      />
      {message ? <Alert tone={clashSaid ? "warning" : "success"}>{message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {debrief.waitingForOwn ? (
        <Alert tone="info" title={t("loop.ownFirst.title")}>
          {t("loop.ownFirst.body")}
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">{t("loop.panel.heading")}</h2>
            {stages.map((stage) => {
              const held = interviews.filter((interview) => interview.stageId === stage.id);
              return (
                <div key={stage.id} className="mb-4">
                  <h3 className="font-medium">{stage.name}</h3>
                  {held.length ? (
                    <ul className="mt-1 space-y-1 text-sm">
                      {held.map((interview) => (
                        <li
                          key={interview.id}
                          className="flex flex-wrap items-center gap-x-3 gap-y-1"
                        >
                          {interview.own ? (
                            <Link to={`/hiring/interviews/${interview.id}`} className={linkClass}>
                              {t("loop.panel.you", { name: interview.interviewer.name })}
                            </Link>
                          ) : (
                            <span>{interview.interviewer.name}</span>
                          )}
                          <span className="text-slate-500 dark:text-slate-400">
                            {[
                              interview.interviewer.team ?? t("loop.panel.noTeam"),
                              interview.interviewer.level
                                ? wordsOf(t, interview.interviewer.level)
                                : t("loop.panel.noLevel"),
                              when(interview.scheduledAt),
                            ].join(" · ")}
                          </span>
                          {interview.status ? (
                            <span className="rounded bg-slate-100 px-2 text-xs dark:bg-slate-800">
                              {t(STATUS_KEYS[interview.status])}
                            </span>
                          ) : null}
                          {interview.removable ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="unassign" />
                              <input type="hidden" name="interviewId" value={interview.id} />
                              <Button
                                type="submit"
                                variant="ghost"
                                disabled={busy}
                                aria-label={t("loop.panel.removeLabel", {
                                  name: interview.interviewer.name,
                                  stage: stage.name,
                                })}
                              >
                                {t("loop.panel.remove")}
                              </Button>
                            </Form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-600 dark:text-slate-300">
                      {t("loop.panel.nobody")}
                    </p>
                  )}
                </div>
              );
            })}
            {can.staff ? (
              <AssignForm stages={stages} lastResult={resultOf(actionData, "assign")} busy={busy} />
            ) : null}
          </Card>
          <section aria-labelledby="scorecards" className="space-y-4">
            <h2 id="scorecards" className="text-lg font-semibold">
              {t("loop.cards.heading")}
            </h2>
            {cards.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                {debrief.waitingForOwn ? t("loop.cards.ownMissing") : t("loop.cards.none")}
              </p>
            ) : null}
            {cards.map((card) => (
              <Card key={card.interviewId}>
                <h3 className="font-semibold">
                  {t("loop.cards.author", {
                    author: card.author ?? t("formerInterviewer"),
                    stage: stageName(card.stageId),
                  })}
                </h3>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  {t("loop.cards.recommends")}{" "}
                  <strong>{recommendationLabel(card.recommendation)}</strong> ·{" "}
                  {t("loop.cards.submitted", { when: when(card.submittedAt) })}
                  {card.amendedAt
                    ? ` · ${t("loop.cards.amended", { when: when(card.amendedAt) })}`
                    : ""}
                </p>
                <dl className="mt-3 space-y-2 text-sm">
                  {card.scores.map((score) => (
                    <div key={score.competencyId}>
                      <dt className="font-medium">
                        {t("loop.cards.score", {
                          competency: competencyName[score.competencyId] ?? score.competencyId,
                          score:
                            score.score === null
                              ? t("loop.cards.notAssessed")
                              : f.number(score.score),
                        })}
                      </dt>
                      {score.notes ? (
                        <dd className="whitespace-pre-line text-slate-700 dark:text-slate-300">
                          {score.notes}
                        </dd>
                      ) : null}
                    </div>
                  ))}
                </dl>
                {card.summary ? (
                  <p className="mt-3 whitespace-pre-line text-sm">{card.summary}</p>
                ) : null}
                {card.amendments.length ? (
                  <details className="mt-3 text-sm">
                    <summary className="cursor-pointer font-medium">
                      {t("loop.cards.amendments", { count: card.amendments.length })}
                    </summary>
                    {card.amendments.map((amendment) => (
                      <div key={amendment.id} className="mt-2">
                        <p className="text-slate-600 dark:text-slate-300">
                          {t("loop.cards.amendedAt", { when: when(amendment.submittedAt) })}
                        </p>
                        <AmendmentChanges diff={amendment.diff} competencyName={competencyName} />
                      </div>
                    ))}
                  </details>
                ) : null}
              </Card>
            ))}
          </section>
        </div>
        <div className="space-y-6">
          {page.pipeline ? (
            <Card>
              <h2 className="mb-1 text-lg font-semibold">{t("loop.pipeline.heading")}</h2>
              <p className="mb-2 text-sm">
                <strong>{stageLabel(page.pipeline.stage)}</strong>{" "}
                {t("loop.pipeline.since", { when: when(page.pipeline.since) })} ·{" "}
                <Link to={`/hiring/openings/${opening.id}/pipeline`} className={linkClass}>
                  {t("loop.pipeline.link")}
                </Link>
              </p>
              <ol
                className="space-y-1 text-sm text-slate-700 dark:text-slate-300"
                aria-label={t("loop.pipeline.moves")}
              >
                {page.pipeline.moves.map((move, index) => (
                  <li key={index}>
                    {t(move.by ? "loop.pipeline.moveBy" : "loop.pipeline.move", {
                      step: move.from
                        ? t("loop.pipeline.moved", {
                            from: stageLabel(move.from),
                            to: stageLabel(move.to),
                          })
                        : t("loop.pipeline.entered", { to: stageLabel(move.to) }),
                      reason: move.reason
                        ? t("loop.pipeline.reason", {
                            reason: t(REJECTION_REASON_KEYS[move.reason]),
                          })
                        : "",
                      when: when(move.at),
                      by: move.by ?? "",
                    })}
                    {move.note ? (
                      <span className="block whitespace-pre-line text-slate-600 dark:text-slate-400">
                        {move.note}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("loop.candidate.heading")}</h2>
            {candidate.purgedAt ? (
              <p className="text-sm">
                {t("loop.candidate.purged", { when: when(candidate.purgedAt) })}
              </p>
            ) : (
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="font-medium">{t("loop.candidate.email")}</dt>
                  <dd>{candidate.email || "–"}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t("loop.candidate.source")}</dt>
                  <dd>{candidate.source || "–"}</dd>
                </div>
                <div>
                  <dt className="font-medium">{t("loop.candidate.notes")}</dt>
                  <dd className="whitespace-pre-line">{candidate.notes || "–"}</dd>
                </div>
              </dl>
            )}
            {page.candidateInvitations.canChange || page.candidateInvitations.on ? (
              <div className="mt-3 text-sm">
                <p>
                  {page.candidateInvitations.on
                    ? t("loop.candidate.invitationsOn")
                    : t("loop.candidate.invitationsOff")}
                </p>
                {page.candidateInvitations.canChange ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="candidate-invitations" />
                    <input
                      type="hidden"
                      name="send"
                      value={page.candidateInvitations.on ? "off" : "on"}
                    />
                    <Button type="submit" variant="secondary" disabled={busy}>
                      {page.candidateInvitations.on
                        ? t("loop.candidate.stopInvitations")
                        : t("loop.candidate.sendInvitations")}
                    </Button>
                  </Form>
                ) : null}
              </div>
            ) : null}
            {candidate.hiredPerson ? (
              <p className="mt-3 text-sm">
                {t("loop.candidate.joinedAs")}{" "}
                <Link to={`/people/${candidate.hiredPerson.id}`} className={linkClass}>
                  {candidate.hiredPerson.name}
                </Link>
                .
              </p>
            ) : null}
            {can.manage ? (
              <Form
                method="post"
                className="mt-4 space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700"
              >
                <input type="hidden" name="intent" value="purge" />
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="confirm" value="purge" className="mt-1 size-4" />
                  {t("loop.candidate.purgeConfirm")}
                </label>
                <Button type="submit" variant="danger" disabled={busy}>
                  {t("loop.candidate.purge")}
                </Button>
              </Form>
            ) : null}
          </Card>
          {panel ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t("loop.makeup.heading")}</h2>
              <p className="text-sm">{t("loop.makeup.size", { count: panel.size })}</p>
              {panel.meetsRule ? null : <Alert tone="warning">{tp("panel.flagged")}</Alert>}
              <h3 className="mt-2 text-sm font-semibold">{t("loop.makeup.byTeam")}</h3>
              <ul className="text-sm">
                {panel.teams.map((group) => (
                  <li key={group.name ?? ""}>
                    {t("loop.makeup.group", {
                      name: group.name ?? t("loop.makeup.noTeam"),
                      count: group.count,
                    })}
                  </li>
                ))}
              </ul>
              <h3 className="mt-2 text-sm font-semibold">{t("loop.makeup.byLevel")}</h3>
              <ul className="text-sm">
                {panel.levels.map((group) => {
                  const name = group.name ? wordsOf(t, group.name) : t("loop.makeup.noLevel");
                  return <li key={name}>{t("loop.makeup.group", { name, count: group.count })}</li>;
                })}
              </ul>
              {can.opening ? (
                <p className="mt-2 text-sm">
                  <Link className={linkClass} to={`/hiring/loops/${page.loop.id}/panel`}>
                    {tp("panel.open")}
                  </Link>
                </p>
              ) : null}
            </Card>
          ) : null}
          {page.overlaps.length ? (
            <Alert tone="warning" title={t("loop.overlaps")}>
              <ul className="list-disc ps-5">
                {page.overlaps.map((clash, index) => (
                  <li key={index}>{clashWords(t, f, clash)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {warnings.length ? (
            <Alert tone="warning" title={t("loop.warnings")}>
              <ul className="list-disc ps-5">
                {warnings.map((warning) => (
                  <li key={warning.key}>{wordsOf(t, warning)}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("loop.debriefCard.heading")}</h2>
            {debrief.open ? (
              <p className="text-sm">
                {debrief.openedEarly
                  ? debrief.openedEarly.by
                    ? t("loop.debriefCard.openedEarlyBy", {
                        name: debrief.openedEarly.by,
                        when: when(debrief.openedEarly.at),
                      })
                    : t("loop.debriefCard.openedEarly", { when: when(debrief.openedEarly.at) })
                  : t("loop.debriefCard.allIn")}{" "}
                {debrief.canSee ? (
                  <Link to={`/hiring/loops/${page.loop.id}/debrief`} className={linkClass}>
                    {t("loop.debriefCard.read")}
                  </Link>
                ) : null}
              </p>
            ) : (
              <p className="text-sm">{t("loop.debriefCard.closed")}</p>
            )}
            {debrief.canOpenEarly ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="open-debrief" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t("loop.debriefCard.openEarly")}
                </Button>
              </Form>
            ) : null}
          </Card>
          {decision ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t("loop.decisionCard.heading")}</h2>
              <p className="text-sm">
                {t(
                  decision.level
                    ? "loop.decisionCard.recordedAtLevel"
                    : "loop.decisionCard.recorded",
                  {
                    decision: t(DECISION_KEYS[decision.decision]),
                    level: decision.level ? wordsOf(t, decision.level) : "",
                    name: decision.decidedBy ?? t("loop.decisionCard.someAdmin"),
                    when: when(decision.decidedAt),
                  },
                )}
              </p>
              {decision.rationale ? (
                <p className="mt-2 whitespace-pre-line text-sm">{decision.rationale}</p>
              ) : null}
              {decision.dissents.length ? (
                <p className="mt-2 text-sm">
                  {t("loop.decisionCard.dissents", { count: decision.dissents.length })}
                </p>
              ) : null}
              {can.linkHire ? (
                <LinkHireForm
                  linked={candidate.hiredPerson !== null}
                  lastResult={resultOf(actionData, "link-hire")}
                  busy={busy}
                />
              ) : null}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function AssignForm({
  stages,
  lastResult,
  busy,
}: {
  stages: { id: string; name: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const timeZone = useTimeZone();
  const schema = assignSchema(timeZone);
  const [form, fields] = useForm({
    id: "assign",
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { stageId: stages[0]?.id },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form
      method="post"
      className="mt-4 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700"
      {...getFormProps(form)}
    >
      <h3 className="font-medium">{t("loop.assign.heading")}</h3>
      <input type="hidden" name="intent" value="assign" />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t("loop.assign.stage")}
          errors={fields.stageId.errors}
          {...getSelectProps(fields.stageId)}
        >
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("loop.assign.email")}
          autoComplete="off"
          errors={fields.email.errors}
          {...getInputProps(fields.email, { type: "email" })}
        />
        <Field
          label={t("loop.assign.when", { timeZone })}
          errors={fields.scheduledAt.errors}
          {...getInputProps(fields.scheduledAt, { type: "datetime-local" })}
        />
      </div>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("loop.assign.submit")}
      </Button>
    </Form>
  );
}

function LinkHireForm({
  linked,
  lastResult,
  busy,
}: {
  linked: boolean;
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const [form, fields] = useForm({
    id: "link-hire",
    lastResult,
    constraint: getZodConstraint(LinkHireSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkHireSchema }),
  });
  return (
    <Form
      method="post"
      className="mt-4 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700"
      {...getFormProps(form)}
    >
      <input type="hidden" name="intent" value="link-hire" />
      <Field
        label={linked ? t("loop.linkHire.relink") : t("loop.linkHire.link")}
        hint={t("loop.linkHire.hint")}
        autoComplete="off"
        errors={fields.email.errors}
        {...getInputProps(fields.email, { type: "email" })}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("loop.linkHire.submit")}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
