import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, useNavigation } from "react-router";
import type { Route } from "./+types/hiring.loops.$loopId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmendmentChanges } from "~/components/hiring/amendment-diff";
import { linkClass, useInstant } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { ErrorList, Field, SelectField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUserAndTimeZone } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { purgeCandidate } from "~/modules/hiring/candidates.server";
import { assignSchema, LinkHireSchema } from "~/modules/hiring/forms";
import { assignInterviewer, linkHire, loopPage, openDebriefEarly, removeInterview, setCandidateInvitations } from "~/modules/hiring/loops.server";
import { RECOMMENDATION_LABELS, type Recommendation } from "~/modules/hiring/scorecard";
import { withDomainErrors } from "~/utils/http.server";
import { useTimeZone } from "~/utils/time-zone";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.candidate.name ?? "Loop"} · Hiring · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  return loopPage(viewer, params.loopId ?? "", timeZone);
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const { viewer, timeZone } = await requireUserAndTimeZone(request);
  const loopId = params.loopId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "assign") {
    const submission = parseWithZod(formData, { schema: assignSchema(timeZone) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await assignInterviewer(viewer, loopId, submission.value, timeZone);
    if (!result.ok) return data({ intent, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    // Saved even when the times clash (a paired interview may be meant); the clash is said at once.
    return { intent, result: submission.reply({ resetForm: true }), message: result.overlaps.length ? `Interviewer assigned, but the times clash. ${result.overlaps.join(" ")}` : "Interviewer assigned." };
  }
  if (intent === "unassign") {
    await removeInterview(viewer, loopId, String(formData.get("interviewId") ?? ""));
    return { intent, message: "Interviewer taken off the loop." };
  }
  if (intent === "candidate-invitations") {
    const send = formData.get("send") === "on";
    const result = await setCandidateInvitations(viewer, loopId, send);
    if (!result.ok) return data({ intent, error: result.error }, { status: 400 });
    return { intent, message: send ? "The candidate will get a calendar invitation for each scheduled interview, updated when it moves." : "No more invitations to the candidate; those sent are cancelled." };
  }
  if (intent === "open-debrief") {
    await openDebriefEarly(viewer, loopId);
    return { intent, message: "Debrief opened early; the interviewers whose cards are in can read it now." };
  }
  if (intent === "link-hire") {
    const submission = parseWithZod(formData, { schema: LinkHireSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await linkHire(viewer, loopId, submission.value.email);
    if (!result.ok) return data({ intent, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return { intent, result: submission.reply({ resetForm: true }), message: "Linked: their later reviews now count in the validity loop." };
  }
  if (intent === "purge") {
    if (formData.get("confirm") !== "purge") return data({ intent, error: "Tick the box to confirm: the candidate's data cannot be brought back." }, { status: 400 });
    await purgeCandidate(viewer, loopId);
    return { intent, message: "The candidate's data was purged. Their scores stay, anonymous, for statistics." };
  }
  throw new InvalidError("Unknown action.");
});

type ActionData = Route.ComponentProps["actionData"];

function resultOf(actionData: ActionData, intent: string): SubmissionResult<string[]> | undefined {
  return actionData && actionData.intent === intent && "result" in actionData ? actionData.result : undefined;
}

const recommendationLabel = (value: string | null) => (value ? (RECOMMENDATION_LABELS[value as Recommendation] ?? value) : "–");

export default function LoopPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const when = useInstant();
  const { opening, candidate, stages, interviews, panel, warnings, cards, decision, debrief, can, competencyName } = page;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const message = actionData && "message" in actionData ? actionData.message : null;
  const error = actionData && "error" in actionData ? actionData.error : null;
  const stageName = (id: string | null) => stages.find((stage) => stage.id === id)?.name ?? "";
  return (
    <>
      {can.opening ? <BackLink to={`/hiring/openings/${opening.id}`}>{opening.title}</BackLink> : <BackLink to="/hiring">Hiring</BackLink>}
      <PageHeader
        title={candidate.name}
        description={`${opening.title}: ${opening.level ?? opening.levelId}.`}
        actions={
          <>
            {debrief.canSee ? (
              <Link to={`/hiring/loops/${page.loop.id}/debrief`} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium dark:border-slate-600">
                Debrief
              </Link>
            ) : null}
            <a href={`/hiring/loops/${page.loop.id}/export`} className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium dark:border-slate-600">
              Export scorecards (CSV)
            </a>
          </>
        }
      />
      {message ? <Alert tone={message.includes("the times clash") ? "warning" : "success"}>{message}</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {debrief.waitingForOwn ? (
        <Alert tone="info" title="You score on your own">
          Nobody else&apos;s scorecard of this candidate, nor how many are in, is shown to you until yours is submitted.
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <Card>
            <h2 className="mb-3 text-lg font-semibold">Panel</h2>
            {stages.map((stage) => {
              const held = interviews.filter((interview) => interview.stageId === stage.id);
              return (
                <div key={stage.id} className="mb-4">
                  <h3 className="font-medium">{stage.name}</h3>
                  {held.length ? (
                    <ul className="mt-1 space-y-1 text-sm">
                      {held.map((interview) => (
                        <li key={interview.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                          {interview.own ? (
                            <Link to={`/hiring/interviews/${interview.id}`} className={linkClass}>
                              {interview.interviewer.name} (you)
                            </Link>
                          ) : (
                            <span>{interview.interviewer.name}</span>
                          )}
                          <span className="text-slate-500 dark:text-slate-400">
                            {[interview.interviewer.team ?? "no team", interview.interviewer.level ?? "no level", when(interview.scheduledAt)].join(" · ")}
                          </span>
                          {interview.status ? <span className="rounded bg-slate-100 px-2 text-xs dark:bg-slate-800">{interview.status}</span> : null}
                          {interview.removable ? (
                            <Form method="post">
                              <input type="hidden" name="intent" value="unassign" />
                              <input type="hidden" name="interviewId" value={interview.id} />
                              <Button type="submit" variant="ghost" disabled={busy} aria-label={`Remove ${interview.interviewer.name} from ${stage.name}`}>
                                Remove
                              </Button>
                            </Form>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="text-sm text-slate-600 dark:text-slate-300">Nobody yet.</p>
                  )}
                </div>
              );
            })}
            {can.staff ? <AssignForm stages={stages} lastResult={resultOf(actionData, "assign")} busy={busy} /> : null}
          </Card>
          <section aria-labelledby="scorecards" className="space-y-4">
            <h2 id="scorecards" className="text-lg font-semibold">
              Scorecards
            </h2>
            {cards.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-300">{debrief.waitingForOwn ? "Yours is not submitted yet." : "None submitted yet."}</p> : null}
            {cards.map((card) => (
              <Card key={card.interviewId}>
                <h3 className="font-semibold">
                  {card.author}, {stageName(card.stageId)}
                </h3>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  Recommends: <strong>{recommendationLabel(card.recommendation)}</strong> · submitted {when(card.submittedAt)}
                  {card.amendedAt ? ` · amended ${when(card.amendedAt)}` : ""}
                </p>
                <dl className="mt-3 space-y-2 text-sm">
                  {card.scores.map((score) => (
                    <div key={score.competencyId}>
                      <dt className="font-medium">
                        {competencyName[score.competencyId] ?? score.competencyId}: {score.score ?? "not assessed"}
                      </dt>
                      {score.notes ? <dd className="whitespace-pre-line text-slate-700 dark:text-slate-300">{score.notes}</dd> : null}
                    </div>
                  ))}
                </dl>
                {card.summary ? <p className="mt-3 whitespace-pre-line text-sm">{card.summary}</p> : null}
                {card.amendments.length ? (
                  <details className="mt-3 text-sm">
                    <summary className="cursor-pointer font-medium">Amendments ({card.amendments.length})</summary>
                    {card.amendments.map((amendment) => (
                      <div key={amendment.id} className="mt-2">
                        <p className="text-slate-600 dark:text-slate-300">Amended {when(amendment.submittedAt)}:</p>
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
              <h2 className="mb-1 text-lg font-semibold">Pipeline</h2>
              <p className="mb-2 text-sm">
                <strong>{page.pipeline.stage}</strong> since {when(page.pipeline.since)} ·{" "}
                <Link to={`/hiring/openings/${opening.id}/pipeline`} className={linkClass}>
                  the opening&apos;s pipeline
                </Link>
              </p>
              <ol className="space-y-1 text-sm text-slate-700 dark:text-slate-300" aria-label="Moves, latest first">
                {page.pipeline.moves.map((move, index) => (
                  <li key={index}>
                    {move.from ? `${move.from} → ${move.to}` : `Entered at ${move.to}`}
                    {move.reason ? ` (${move.reason})` : ""}, {when(move.at)}
                    {move.by ? ` by ${move.by}` : ""}
                    {move.note ? <span className="block whitespace-pre-line text-slate-600 dark:text-slate-400">{move.note}</span> : null}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Candidate</h2>
            {candidate.purgedAt ? (
              <p className="text-sm">This candidate&apos;s data was purged on {when(candidate.purgedAt)}. Their scores stay, anonymous, for statistics.</p>
            ) : (
              <dl className="space-y-2 text-sm">
                <div>
                  <dt className="font-medium">Email</dt>
                  <dd>{candidate.email || "–"}</dd>
                </div>
                <div>
                  <dt className="font-medium">Source</dt>
                  <dd>{candidate.source || "–"}</dd>
                </div>
                <div>
                  <dt className="font-medium">Notes</dt>
                  <dd className="whitespace-pre-line">{candidate.notes || "–"}</dd>
                </div>
              </dl>
            )}
            {page.candidateInvitations.canChange || page.candidateInvitations.on ? (
              <div className="mt-3 text-sm">
                <p>
                  {page.candidateInvitations.on
                    ? "The candidate gets a calendar invitation for each scheduled interview (the stage, the time and the opening; nothing else)."
                    : "The candidate gets no calendar invitations."}
                </p>
                {page.candidateInvitations.canChange ? (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="candidate-invitations" />
                    <input type="hidden" name="send" value={page.candidateInvitations.on ? "off" : "on"} />
                    <Button type="submit" variant="secondary" disabled={busy}>
                      {page.candidateInvitations.on ? "Stop invitations to the candidate" : "Send invitations to the candidate"}
                    </Button>
                  </Form>
                ) : null}
              </div>
            ) : null}
            {candidate.hiredPerson ? (
              <p className="mt-3 text-sm">
                Joined as{" "}
                <Link to={`/people/${candidate.hiredPerson.id}`} className={linkClass}>
                  {candidate.hiredPerson.name}
                </Link>
                .
              </p>
            ) : null}
            {can.manage ? (
              <Form method="post" className="mt-4 space-y-2 border-t border-slate-200 pt-3 dark:border-slate-700">
                <input type="hidden" name="intent" value="purge" />
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="confirm" value="purge" className="mt-1 size-4" />
                  Erase the name, email, source, notes and every written note about this candidate. Scores stay, anonymous.
                </label>
                <Button type="submit" variant="danger" disabled={busy}>
                  Purge candidate data
                </Button>
              </Form>
            ) : null}
          </Card>
          {panel ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Panel make-up</h2>
              <p className="text-sm">{plural(panel.size, "# interviewer")}</p>
              {panel.singleTeam ? <Alert tone="warning">Every interviewer is on one team: the panel hears one team&apos;s view.</Alert> : null}
              <h3 className="mt-2 text-sm font-semibold">By team</h3>
              <ul className="text-sm">
                {panel.teams.map((group) => (
                  <li key={group.name}>
                    {group.name}: {group.count}
                  </li>
                ))}
              </ul>
              <h3 className="mt-2 text-sm font-semibold">By level</h3>
              <ul className="text-sm">
                {panel.levels.map((group) => (
                  <li key={group.name}>
                    {group.name}: {group.count}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {page.overlaps.length ? (
            <Alert tone="warning" title="Interviews that clash in time">
              <ul className="list-disc pl-5">
                {page.overlaps.map((overlap) => (
                  <li key={overlap}>{overlap}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {warnings.length ? (
            <Alert tone="warning" title="Before the loop starts">
              <ul className="list-disc pl-5">
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Debrief</h2>
            {debrief.open ? (
              <p className="text-sm">
                {debrief.openedEarly ? `Opened early by ${debrief.openedEarly.by ?? "a hiring admin"} on ${when(debrief.openedEarly.at)}.` : "Every scorecard is in."}{" "}
                {debrief.canSee ? (
                  <Link to={`/hiring/loops/${page.loop.id}/debrief`} className={linkClass}>
                    Read the debrief
                  </Link>
                ) : null}
              </p>
            ) : (
              <p className="text-sm">Opens once every scorecard is submitted.</p>
            )}
            {debrief.canOpenEarly ? (
              <Form method="post" className="mt-3">
                <input type="hidden" name="intent" value="open-debrief" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Open the debrief early
                </Button>
              </Form>
            ) : null}
          </Card>
          {decision ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Decision</h2>
              <p className="text-sm">
                <strong>{decision.label}</strong>
                {decision.level ? ` at ${decision.level}` : ""}, recorded by {decision.decidedBy ?? "a hiring admin"} on {when(decision.decidedAt)}.
              </p>
              {decision.rationale ? <p className="mt-2 whitespace-pre-line text-sm">{decision.rationale}</p> : null}
              {decision.dissents.length ? <p className="mt-2 text-sm">{plural(decision.dissents.length, "# dissent")} recorded: see the debrief.</p> : null}
              {can.linkHire ? <LinkHireForm linked={candidate.hiredPerson !== null} lastResult={resultOf(actionData, "link-hire")} busy={busy} /> : null}
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

function AssignForm({ stages, lastResult, busy }: { stages: { id: string; name: string }[]; lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
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
    <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700" {...getFormProps(form)}>
      <h3 className="font-medium">Assign an interviewer</h3>
      <input type="hidden" name="intent" value="assign" />
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField label="Stage" errors={fields.stageId.errors} {...getSelectProps(fields.stageId)}>
          {stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </SelectField>
        <Field label="Interviewer's email" autoComplete="off" errors={fields.email.errors} {...getInputProps(fields.email, { type: "email" })} />
        <Field label={`When (${timeZone}, optional)`} errors={fields.scheduledAt.errors} {...getInputProps(fields.scheduledAt, { type: "datetime-local" })} />
      </div>
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" variant="secondary" disabled={busy}>
        Assign
      </Button>
    </Form>
  );
}

function LinkHireForm({ linked, lastResult, busy }: { linked: boolean; lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
  const [form, fields] = useForm({
    id: "link-hire",
    lastResult,
    constraint: getZodConstraint(LinkHireSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LinkHireSchema }),
  });
  return (
    <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="link-hire" />
      <Field
        label={linked ? "Link to another person" : "Link the hire to their account"}
        hint="Their later reviews are then compared with these interview scores (the validity loop)."
        autoComplete="off"
        errors={fields.email.errors}
        {...getInputProps(fields.email, { type: "email" })}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        Link
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
