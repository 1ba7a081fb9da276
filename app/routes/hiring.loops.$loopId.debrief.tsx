import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, data, redirect } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import type { Route } from "./+types/hiring.loops.$loopId.debrief";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useInstant } from "~/components/hiring/hiring-parts";
import { Button } from "~/components/ui/button";
import { ErrorList, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { ScrollRegion } from "~/components/ui/data-table";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { debriefPage } from "~/modules/hiring/debrief.server";
import { DECISION_KEYS, DECISIONS, DecisionSchema, DissentSchema } from "~/modules/hiring/forms";
import { recordDecision, recordDissent } from "~/modules/hiring/loops.server";
import { RECOMMENDATION_KEYS, RECOMMENDATIONS } from "~/modules/hiring/scorecard";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

// Opened from emails and the loop's page as a document; each form checks on the server, redirects
// when accepted and shows its errors and what was typed when refused (decision 144).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:debrief.title", {
            candidate: loaderData.candidate ?? t("hiring:candidate.purged"),
          })
        : t("hiring:debrief.fallbackTitle"),
    },
  ];
};

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return debriefPage(viewer, params.loopId ?? "", languageOf(context));
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const loopId = params.loopId ?? "";
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "decide") {
    const submission = parseWithZod(formData, { schema: DecisionSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await recordDecision(viewer, loopId, submission.value);
    if (!result.ok)
      return data(
        { intent, result: submission.reply({ fieldErrors: result.fieldErrors }) },
        { status: 400 },
      );
    return redirect(`/hiring/loops/${loopId}/debrief?done=decided`);
  }
  if (intent === "dissent") {
    const submission = parseWithZod(formData, { schema: DissentSchema });
    if (submission.status !== "success")
      return data({ intent, result: submission.reply() }, { status: 400 });
    await recordDissent(viewer, loopId, submission.value.text);
    return redirect(`/hiring/loops/${loopId}/debrief?done=dissented`);
  }
  throw new InvalidError({ key: "hiring:errors.unknownAction" });
});

type ActionData = Route.ComponentProps["actionData"];

function resultOf(actionData: ActionData, intent: string): SubmissionResult<string[]> | undefined {
  return actionData && actionData.intent === intent && "result" in actionData
    ? actionData.result
    : undefined;
}

export default function DebriefPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const when = useInstant();
  const { t } = useTranslation("hiring");
  const f = useFormats();
  /** A mean or median with its one decimal ("3.0"), a spread as a whole number; "–" for none. */
  const number = (value: number | null, digits = 1) =>
    value === null ? "–" : digits ? t("debrief.scores.oneDecimal", { value }) : f.number(value);
  const sending = useSubmitting();
  const busy = sending;
  const message = useDoneMessage(
    { decided: t("debrief.flash.decided"), dissented: t("debrief.flash.dissented") },
    actionData,
  );
  const candidate = page.candidate ?? t("candidate.purged");
  const back = <BackLink to={`/hiring/loops/${page.loop.id}`}>{candidate}</BackLink>;
  if (!page.available) {
    return (
      <>
        {back}
        <PageHeader title={t("debrief.heading", { candidate })} description={page.opening.title} />
        <Alert tone="info">{wordsOf(t, page.reason)}</Alert>
      </>
    );
  }
  const name = (id: string) =>
    page.competencies.find((competency) => competency.id === id)?.name ?? id;
  const disagreement = new Set(page.disagreements);
  return (
    <>
      {back}
      <PageHeader
        title={t("debrief.heading", { candidate })}
        description={t("debrief.description", {
          opening: page.opening.title,
          level: page.roleLevel ?? "",
        })}
      />
      {message ? <Alert tone="success">{message}</Alert> : null}
      {page.openedEarly ? (
        <Alert tone="warning">
          {page.openedEarly.by
            ? t("debrief.openedEarlyBy", {
                name: page.openedEarly.by,
                when: when(page.openedEarly.at),
                count: page.openedEarly.pending,
              })
            : t("debrief.openedEarly", {
                when: when(page.openedEarly.at),
                count: page.openedEarly.pending,
              })}
        </Alert>
      ) : null}
      <div className="space-y-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("debrief.scores.heading")}</h2>
          <ScrollRegion labelledBy="scores-caption">
            <table className="min-w-full text-start text-sm">
              <caption id="scores-caption" className="sr-only">
                {t("debrief.scores.caption", { spread: page.spreadThreshold })}
              </caption>
              <thead>
                <tr>
                  <th scope="col" className="px-2 py-1">
                    {t("debrief.scores.interviewer")}
                  </th>
                  {page.competencies.map((competency) => (
                    <th
                      key={competency.id}
                      scope="col"
                      className={`px-2 py-1 font-semibold ${disagreement.has(competency.id) ? "bg-amber-100 dark:bg-amber-900" : ""}`}
                    >
                      {competency.name}
                      {disagreement.has(competency.id) ? (
                        <span className="block text-xs font-normal">
                          {t("debrief.scores.disagreement")}
                        </span>
                      ) : null}
                    </th>
                  ))}
                  <th scope="col" className="px-2 py-1">
                    {t("debrief.scores.recommends")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {page.rows.map((row, index) => (
                  <tr key={`${row.interviewer}-${index}`}>
                    <th scope="row" className="px-2 py-1 font-medium">
                      {row.interviewer ?? t("formerInterviewer")}
                      <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                        {row.stage}
                      </span>
                    </th>
                    {row.scores.map((score, column) => (
                      <td
                        key={page.competencies[column]!.id}
                        className={`px-2 py-1 ${disagreement.has(page.competencies[column]!.id) ? "bg-amber-50 dark:bg-amber-950" : ""}`}
                      >
                        {score === null ? "–" : f.number(score)}
                      </td>
                    ))}
                    <td className="px-2 py-1">
                      {row.recommendation ? t(RECOMMENDATION_KEYS[row.recommendation]) : "–"}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot className="border-t border-slate-300 dark:border-slate-600">
                {(
                  [
                    [
                      t("debrief.scores.mean"),
                      (index: number) => number(page.aggregates[index]!.mean),
                    ],
                    [
                      t("debrief.scores.median"),
                      (index: number) => number(page.aggregates[index]!.median),
                    ],
                    [
                      t("debrief.scores.spread"),
                      (index: number) => number(page.aggregates[index]!.spread, 0),
                    ],
                    [
                      t("debrief.scores.scoredBy"),
                      (index: number) => f.number(page.aggregates[index]!.n),
                    ],
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
          {page.unrated.length ? (
            <p className="mt-3 text-sm">
              {t("debrief.unrated", { competencies: f.list(page.unrated.map(name)) })}
            </p>
          ) : null}
          <p className="mt-3 text-sm">
            {t(
              page.recommendations.split
                ? "debrief.recommendationsSplit"
                : "debrief.recommendations",
              {
                counts: RECOMMENDATIONS.map((value) =>
                  t("debrief.recommendationCount", {
                    recommendation: t(RECOMMENDATION_KEYS[value]),
                    count: page.recommendations.counts[value],
                  }),
                ).join(t("debrief.separator")),
              },
            )}
          </p>
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("debrief.agenda.heading")}</h2>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
              {t("debrief.agenda.intro")}
            </p>
            <ol className="list-decimal space-y-1 ps-5 text-sm">
              {page.agenda.map((id) => {
                const aggregate = page.aggregates.find((item) => item.competencyId === id)!;
                return (
                  <li key={id}>
                    {t(
                      aggregate.disagreement
                        ? "debrief.agenda.itemDisagreement"
                        : "debrief.agenda.item",
                      {
                        competency: name(id),
                        spread: number(aggregate.spread, 0),
                        mean: number(aggregate.mean),
                      },
                    )}
                  </li>
                );
              })}
            </ol>
          </Card>
          <Card>
            <h2 className="mb-2 text-lg font-semibold">{t("debrief.level.heading")}</h2>
            {page.level ? (
              <>
                <p className="text-sm">
                  <strong>{page.level.supported ?? t("debrief.level.none")}</strong>
                  {page.level.supported ? "." : t("debrief.level.noneWhy")}
                </p>
                <ul className="mt-2 space-y-2 text-sm">
                  {page.level.checks.map((check) => (
                    <li key={check.levelId}>
                      <span className="font-medium">{check.title}</span>
                      {t(
                        check.meets
                          ? "debrief.level.met"
                          : check.met.length + check.shortfalls.length === 0
                            ? "debrief.level.nothingScored"
                            : "debrief.level.notMet",
                      )}
                      {check.shortfalls.length ? (
                        <span className="block text-slate-600 dark:text-slate-300">
                          {t("debrief.level.shortOn", {
                            shortfalls: f.list(
                              check.shortfalls.map((shortfall) =>
                                t("debrief.level.shortfall", {
                                  competency: name(shortfall.competencyId),
                                  mean: number(shortfall.mean),
                                  required: number(shortfall.required),
                                }),
                              ),
                            ),
                          })}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
                  {t("debrief.level.how")}
                </p>
              </>
            ) : (
              <p className="text-sm">{t("debrief.level.gone")}</p>
            )}
          </Card>
        </div>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("debrief.decision.heading")}</h2>
          {page.decision ? (
            <>
              <p className="text-sm">
                {t(
                  page.decision.level
                    ? "debrief.decision.recordedAtLevel"
                    : "debrief.decision.recorded",
                  {
                    decision: t(DECISION_KEYS[page.decision.decision]),
                    level: page.decision.level ?? "",
                    name: page.decision.decidedBy ?? t("debrief.decision.someAdmin"),
                    when: when(page.decision.decidedAt),
                  },
                )}
              </p>
              {page.decision.rationale ? (
                <p className="mt-2 whitespace-pre-line text-sm">{page.decision.rationale}</p>
              ) : null}
              {page.dissents.length ? (
                <section aria-labelledby="dissent-heading" className="mt-4">
                  <h3 id="dissent-heading" className="font-semibold">
                    {t("debrief.decision.dissent")}
                  </h3>
                  <ul className="mt-1 space-y-2 text-sm">
                    {page.dissents.map((dissent) => (
                      <li key={dissent.id}>
                        <span className="font-medium">{dissent.author}</span>
                        {t("debrief.decision.dissentAt", { when: when(dissent.createdAt) })}{" "}
                        <span className="whitespace-pre-line">{dissent.text}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {page.can.dissent ? (
                // Keyed by the dissents recorded: one recorded in place leaves the form empty.
                <DissentForm
                  key={page.dissents.length}
                  lastResult={resultOf(actionData, "dissent")}
                  busy={busy}
                />
              ) : null}
            </>
          ) : page.can.decide ? (
            <DecisionForm
              levels={page.levels}
              lastResult={resultOf(actionData, "decide")}
              busy={busy}
            />
          ) : (
            <p className="text-sm">{t("debrief.decision.notYet")}</p>
          )}
        </Card>
      </div>
    </>
  );
}

function DecisionForm({
  levels,
  lastResult,
  busy,
}: {
  levels: { id: string; title: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
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
      <fieldset
        aria-describedby={fields.decision.errors?.length ? fields.decision.errorId : undefined}
      >
        <legend className="mb-1 text-sm font-medium">{t("debrief.decide.legend")}</legend>
        <div className="flex flex-wrap gap-4">
          {DECISIONS.map((value) => (
            <label key={value} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name={fields.decision.name}
                value={value}
                defaultChecked={fields.decision.initialValue === value}
                className="size-4"
              />
              {t(DECISION_KEYS[value])}
            </label>
          ))}
        </div>
        <ErrorList id={fields.decision.errorId} errors={fields.decision.errors} />
      </fieldset>
      <SelectField
        label={t("debrief.decide.level")}
        errors={fields.levelId.errors}
        {...getSelectProps(fields.levelId)}
        className="max-w-sm"
      >
        <option value="">{t("debrief.decide.chooseLevel")}</option>
        {levels.map((level) => (
          <option key={level.id} value={level.id}>
            {level.title}
          </option>
        ))}
      </SelectField>
      <TextareaField
        label={t("debrief.decide.rationale")}
        hint={t("debrief.decide.rationaleHint")}
        rows={4}
        errors={fields.rationale.errors}
        {...getTextareaProps(fields.rationale)}
      />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Button type="submit" disabled={busy}>
        {t("debrief.decide.submit")}
      </Button>
    </Form>
  );
}

function DissentForm({
  lastResult,
  busy,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("hiring");
  const [form, fields] = useForm({
    id: "dissent",
    lastResult,
    constraint: getZodConstraint(DissentSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DissentSchema }),
  });
  return (
    <Form
      method="post"
      className="mt-4 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-700"
      {...getFormProps(form)}
    >
      <input type="hidden" name="intent" value="dissent" />
      <TextareaField
        label={t("debrief.dissentForm.label")}
        hint={t("debrief.dissentForm.hint")}
        rows={3}
        errors={fields.text.errors}
        {...getTextareaProps(fields.text)}
      />
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("debrief.dissentForm.submit")}
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
