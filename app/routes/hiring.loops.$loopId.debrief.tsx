import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, useNavigation } from "react-router";
import type { Route } from "./+types/hiring.loops.$loopId.debrief";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useInstant } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { ErrorList, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { ScrollRegion } from "~/components/ui/data-table";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { debriefPage } from "~/modules/hiring/debrief.server";
import { DECISION_LABELS, DECISIONS, DecisionSchema, DissentSchema } from "~/modules/hiring/forms";
import { recordDecision, recordDissent } from "~/modules/hiring/loops.server";
import { RECOMMENDATION_LABELS, RECOMMENDATIONS } from "~/modules/hiring/scorecard";
import { withDomainErrors } from "~/utils/http.server";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Debrief: ${loaderData?.candidate ?? "candidate"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return debriefPage(viewer, params.loopId ?? "");
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const loopId = params.loopId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "decide") {
    const submission = parseWithZod(formData, { schema: DecisionSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await recordDecision(viewer, loopId, submission.value);
    if (!result.ok) return data({ intent, result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return { intent, result: submission.reply({ resetForm: true }), message: "Decision recorded." };
  }
  if (intent === "dissent") {
    const submission = parseWithZod(formData, { schema: DissentSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    await recordDissent(viewer, loopId, submission.value.text);
    return { intent, result: submission.reply({ resetForm: true }), message: "Your dissent is recorded beside the decision." };
  }
  throw new InvalidError("Unknown action.");
});

type ActionData = Route.ComponentProps["actionData"];

function resultOf(actionData: ActionData, intent: string): SubmissionResult<string[]> | undefined {
  return actionData && actionData.intent === intent && "result" in actionData ? actionData.result : undefined;
}

const number = (value: number | null, digits = 1) => (value === null ? "–" : value.toFixed(digits));

export default function DebriefPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const when = useInstant();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const message = actionData && "message" in actionData ? actionData.message : null;
  const back = <BackLink to={`/hiring/loops/${page.loop.id}`}>{page.candidate}</BackLink>;
  if (!page.available) {
    return (
      <>
        {back}
        <PageHeader title={`Debrief: ${page.candidate}`} description={page.opening.title} />
        <Alert tone="info">{page.reason}</Alert>
      </>
    );
  }
  const name = (id: string) => page.competencies.find((competency) => competency.id === id)?.name ?? id;
  const disagreement = new Set(page.disagreements);
  return (
    <>
      {back}
      <PageHeader
        title={`Debrief: ${page.candidate}`}
        description={`${page.opening.title}, ${page.roleLevel}. The scores first, combined mechanically; then the discussion, starting where the panel disagrees most.`}
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {page.openedEarly ? (
        <Alert tone="warning">
          Opened early by {page.openedEarly.by ?? "a hiring admin"} on {when(page.openedEarly.at)}, with {plural(page.openedEarly.pending, "# scorecard")} still to come.
        </Alert>
      ) : null}
      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">Scores</h2>
          <ScrollRegion labelledBy="scores-caption">
            <table className="min-w-full text-left text-sm">
              <caption id="scores-caption" className="sr-only">Interviewers by competencies; columns with a spread of {page.spreadThreshold} or more are marked as disagreements</caption>
              <thead>
                <tr>
                  <th scope="col" className="px-2 py-1">
                    Interviewer
                  </th>
                  {page.competencies.map((competency) => (
                    <th key={competency.id} scope="col" className={`px-2 py-1 font-semibold ${disagreement.has(competency.id) ? "bg-amber-100 dark:bg-amber-900" : ""}`}>
                      {competency.name}
                      {disagreement.has(competency.id) ? <span className="block text-xs font-normal">disagreement</span> : null}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1">
                    Recommends
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {page.rows.map((row, index) => (
                  <tr key={`${row.interviewer}-${index}`}>
                    <th scope="row" className="px-2 py-1 font-medium">
                      {row.interviewer}
                      <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">{row.stage}</span>
                    </th>
                    {row.scores.map((score, column) => (
                      <td key={page.competencies[column]!.id} className={`px-2 py-1 ${disagreement.has(page.competencies[column]!.id) ? "bg-amber-50 dark:bg-amber-950" : ""}`}>
                        {score ?? "–"}
                      </td>
                    ))}
                    <td className="px-2 py-1">{row.recommendation ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 dark:border-slate-600">
                {(
                  [
                    ["Mean", (index: number) => number(page.aggregates[index]!.mean)],
                    ["Median", (index: number) => number(page.aggregates[index]!.median)],
                    ["Spread", (index: number) => number(page.aggregates[index]!.spread, 0)],
                    ["Scored by", (index: number) => String(page.aggregates[index]!.n)],
                  ] as const
                ).map(([label, cell]) => (
                  <tr key={label}>
                    <th scope="row" className="px-2 py-1 font-medium">
                      {label}
                    </th>
                    {page.competencies.map((competency, index) => (
                      <td key={competency.id} className="px-2 py-1">
                        {cell(index)}
                      </td>
                    ))}
                    <td />
                  </tr>
                ))}
              </tfoot>
            </table>
          </ScrollRegion>
          {page.unrated.length ? <p className="mt-3 text-sm">Nobody scored: {page.unrated.map(name).join(", ")}.</p> : null}
          <p className="mt-3 text-sm">
            Recommendations:{" "}
            {RECOMMENDATIONS.map((value) => `${RECOMMENDATION_LABELS[value]} ${page.recommendations.counts[value]}`).join(", ")}
            {page.recommendations.split ? " — the panel is split." : "."}
          </p>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Agenda</h2>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">Scored competencies, largest disagreement first.</p>
            <ol className="list-decimal space-y-1 pl-5 text-sm">
              {page.agenda.map((id) => {
                const aggregate = page.aggregates.find((item) => item.competencyId === id)!;
                return (
                  <li key={id}>
                    {name(id)}: spread {number(aggregate.spread, 0)}, mean {number(aggregate.mean)}
                    {aggregate.disagreement ? " (disagreement)" : ""}
                  </li>
                );
              })}
            </ol>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">Level the evidence supports</h2>
            {page.level ? (
              <>
                <p className="text-sm">
                  <strong>{page.level.supported ?? "None of the levels checked"}</strong>
                  {page.level.supported ? "" : ": every level checked has a competency below its bar"}.
                </p>
                <ul className="mt-2 space-y-2 text-sm">
                  {page.level.checks.map((check) => (
                    <li key={check.levelId}>
                      <span className="font-medium">{check.title}</span>: {check.meets ? "met" : check.met.length + check.shortfalls.length === 0 ? "nothing scored" : "not met"}
                      {check.shortfalls.length ? (
                        <span className="block text-slate-600 dark:text-slate-300">
                          Short on {check.shortfalls.map((shortfall) => `${name(shortfall.competencyId)} (mean ${shortfall.mean.toFixed(1)}, needed ${shortfall.required.toFixed(1)})`).join(", ")}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                  Interviewers score against the role&apos;s level; a level one step up needs one point more. A competency meets its bar when its mean, rounded, reaches it. Competencies nobody scored neither help nor hurt.
                </p>
              </>
            ) : (
              <p className="text-sm">The ladder no longer has the role&apos;s level.</p>
            )}
          </Card>
        </div>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Decision</h2>
          {page.decision ? (
            <>
              <p className="text-sm">
                <strong>{page.decision.label}</strong>
                {page.decision.level ? ` at ${page.decision.level}` : ""}, recorded by {page.decision.decidedBy ?? "a hiring admin"} on {when(page.decision.decidedAt)}.
              </p>
              {page.decision.rationale ? <p className="mt-2 whitespace-pre-line text-sm">{page.decision.rationale}</p> : null}
              {page.dissents.length ? (
                <section aria-labelledby="dissent" className="mt-4">
                  <h3 id="dissent" className="font-semibold">
                    Dissent
                  </h3>
                  <ul className="mt-1 space-y-2 text-sm">
                    {page.dissents.map((dissent) => (
                      <li key={dissent.id}>
                        <span className="font-medium">{dissent.author}</span>, {when(dissent.createdAt)}: <span className="whitespace-pre-line">{dissent.text}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {page.can.dissent ? <DissentForm lastResult={resultOf(actionData, "dissent")} busy={busy} /> : null}
            </>
          ) : page.can.decide ? (
            <DecisionForm levels={page.levels} lastResult={resultOf(actionData, "decide")} busy={busy} />
          ) : (
            <p className="text-sm">Not recorded yet. A hiring admin of the opening records it.</p>
          )}
        </Card>
      </div>
    </>
  );
}

function DecisionForm({ levels, lastResult, busy }: { levels: { id: string; title: string }[]; lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
  const [form, fields] = useForm({
    id: "decide",
    lastResult,
    constraint: getZodConstraint(DecisionSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DecisionSchema }),
  });
  return (
    <Form method="post" className="space-y-4" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="decide" />
      <fieldset aria-describedby={fields.decision.errors?.length ? fields.decision.errorId : undefined}>
        <legend className="mb-1 text-sm font-medium">Decision</legend>
        <div className="flex flex-wrap gap-4">
          {DECISIONS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input type="radio" name={fields.decision.name} value={value} defaultChecked={fields.decision.initialValue === value} className="size-4" />
              {DECISION_LABELS[value]}
            </label>
          ))}
        </div>
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <SelectField label="Level, when hiring at another level" errors={fields.levelId.errors} {...getSelectProps(fields.levelId)} className="max-w-sm">
        <option value="">Choose a level</option>
        {levels.map((level) => (
          <option key={level.id} value={level.id}>
            {level.title}
          </option>
        ))}
      </SelectField>
      <TextareaField label="Rationale" hint="What the evidence shows, and how the disagreements were settled." rows={4} errors={fields.rationale.errors} {...getTextareaProps(fields.rationale)} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" disabled={busy}>
        Record decision
      </Button>
    </Form>
  );
}

function DissentForm({ lastResult, busy }: { lastResult: SubmissionResult<string[]> | undefined; busy: boolean }) {
  const [form, fields] = useForm({
    id: "dissent",
    lastResult,
    constraint: getZodConstraint(DissentSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DissentSchema }),
  });
  return (
    <Form method="post" className="mt-4 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="dissent" />
      <TextareaField label="Record your dissent" hint="Kept beside the decision, with your name." rows={3} errors={fields.text.errors} {...getTextareaProps(fields.text)} />
      <Button type="submit" variant="secondary" disabled={busy}>
        Record dissent
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
