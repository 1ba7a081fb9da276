import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.matching";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  FactorList,
  PairStatusBadge,
  ProgrammeTabs,
  programmeMeta,
} from "~/components/mentorship/parts";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { PairRuleSchema, RunSchema } from "~/modules/mentorship/forms";
import { PAIR_STATUSES } from "~/modules/mentorship/lifecycle";
import {
  matchingPage,
  parsePairStatus,
  publishPairs,
  removePairRule,
  runMatching,
  setPairRule,
  setPairRuleByEmail,
} from "~/modules/mentorship/matching.server";
import { RULE_KEYS } from "~/modules/mentorship/rules";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { pageParam, textParam } from "~/utils/search-params";
import { plainHtml } from "~/utils/page-scripts";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { useSubmitting } from "~/components/ui/use-submitting";

// Its forms redirect with what was done, and publishing asks for a tick where no dialog can: sent
// without the app's scripts (decision 155).
export const handle = plainHtml;

export const meta: Route.MetaFunction = programmeMeta("matching");

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  return matchingPage(viewer, params.programmeId ?? "", {
    status: parsePairStatus(textParam(search, "status")),
    page: pageParam(search),
    unpairedPage: pageParam(search, "unpaired"),
  });
});

type Refusal = { intent: string; error: string };

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const programmeId = params.programmeId ?? "";
    const intent = String(form.get("intent") ?? "");
    const back = `/mentorship/${programmeId}/matching`;
    if (intent === "run") {
      const submission = parseWithZod(form, { schema: RunSchema });
      if (submission.status !== "success")
        return data<Refusal>(
          {
            intent,
            error: translatorOf(context)("mentorship:programmeForm.errors.objectiveMissing"),
          },
          { status: 400 },
        );
      await runMatching(viewer, programmeId, submission.value);
      return redirect(`${back}?done=run`);
    }
    if (intent === "pin" || intent === "forbid" || intent === "unrule") {
      const pair = {
        menteeId: String(form.get("menteeId") ?? ""),
        mentorId: String(form.get("mentorId") ?? ""),
      };
      if (intent === "unrule") await removePairRule(viewer, programmeId, pair);
      else {
        const result = await setPairRule(viewer, programmeId, { kind: intent, ...pair });
        if (!result.ok) {
          const t = translatorOf(context);
          return data<Refusal>(
            {
              intent,
              error: Object.values(result.fieldErrors)
                .flat()
                .map((message) => wordsOf(t, message))
                .join(" "),
            },
            { status: 400 },
          );
        }
      }
      return redirect(`${back}?done=${intent}`);
    }
    if (intent === "rule") {
      const submission = parseWithZod(form, { schema: PairRuleSchema });
      if (submission.status !== "success")
        return data({ intent, reply: submission.reply() }, { status: 400 });
      const result = await setPairRuleByEmail(viewer, programmeId, submission.value);
      if (!result.ok) {
        const { form: formErrors, ...fieldErrors } = result.fieldErrors as Record<string, string[]>;
        return data(
          { intent, reply: submission.reply({ fieldErrors, formErrors: formErrors ?? [] }) },
          { status: 400 },
        );
      }
      return redirect(`${back}?done=${submission.value.kind}`);
    }
    if (intent === "publish") {
      await publishPairs(viewer, programmeId);
      return redirect(`${back}?done=publish&status=offered`);
    }
    throw new InvalidError({ key: "mentorship:errors.unknownAction" });
  },
);

const DONE = {
  run: "matching.done.run",
  pin: "matching.done.pin",
  forbid: "matching.done.forbid",
  unrule: "matching.done.unrule",
  publish: "matching.done.publish",
} as const;

const OBJECTIVES = {
  "most-matched": "objective.mostMatched",
  "most-fit": "objective.mostFit",
} as const;

function objectiveOf(value: string): keyof typeof OBJECTIVES {
  return value === "most-fit" ? "most-fit" : "most-matched";
}

export default function ProgrammeMatching({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const navigation = useNavigation();
  const sending = useSubmitting();
  const [searchParams] = useSearchParams();
  const refusal = result && "error" in result ? result : null;
  const { t } = useTranslation("mentorship");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const doneKey = useDoneMessage(DONE, result);
  const done = doneKey ? t(doneKey) : null;
  const fit = (value: number) => t("fit", { fit: value });
  const someone = (name: string | null) => name ?? t("matching.someoneGone");
  const busy = sending;
  const running = busy && navigation.formData?.get("intent") === "run";
  const { programme, lastRun } = view;
  const published = programme.phase === "published";
  return (
    <>
      <BackLink to={`/mentorship/${programme.id}`}>{programme.name}</BackLink>
      <PageHeader title={t("matching.heading")} description={t("matching.description")} />
      <ProgrammeTabs programmeId={programme.id} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {refusal ? <Alert tone="error">{refusal.error}</Alert> : null}
      {view.ladderServed ? null : <Alert tone="warning">{t("matching.ladderNotServed")}</Alert>}

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">
            {published ? t("matching.rerun") : t("matching.run")}
          </h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {t("matching.joined", { mentees: view.mentees, mentors: view.mentors })}{" "}
            {published ? t("matching.rerunIntro") : t("matching.runIntro")}
          </p>
          {view.canRun ? (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="run" />
              <SelectField
                label={t("matching.aimFor")}
                name="objective"
                defaultValue={programme.objective}
                className="max-w-sm"
              >
                <option value="most-matched">{t(OBJECTIVES["most-matched"])}</option>
                <option value="most-fit">{t(OBJECTIVES["most-fit"])}</option>
              </SelectField>
              <CheckboxField
                label={t("fairness.label")}
                hint={t("fairness.hint")}
                name="fairness"
                defaultChecked={programme.fairness}
              />
              <Button type="submit" disabled={busy || !view.ladderServed}>
                {running
                  ? t("matching.running")
                  : published
                    ? t("matching.rerun")
                    : t("matching.runButton")}
              </Button>
            </Form>
          ) : (
            <p className="text-sm">{t("matching.closed")}</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{t("matching.lastRun")}</h2>
          {lastRun && lastRun.summary ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {t("matching.lastRunLine", {
                  kind: lastRun.kind === "rerun" ? "rerun" : "initial",
                  day: f.day(lastRun.createdAt),
                })}{" "}
                · {t(OBJECTIVES[objectiveOf(lastRun.objective)])}
                {lastRun.fairness ? ` · ${t("matching.withFairness")}` : ""}
              </p>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <Figure
                  label={t("matching.figure.paired")}
                  value={t("matching.figure.pairedOf", {
                    paired: lastRun.summary.paired,
                    mentees: lastRun.summary.mentees,
                  })}
                />
                <Figure
                  label={t("matching.figure.unpaired")}
                  value={f.number(lastRun.summary.unpaired)}
                />
                <Figure
                  label={t("matching.figure.slots")}
                  value={f.number(lastRun.summary.slots)}
                />
                <Figure
                  label={t("matching.figure.totalFit")}
                  value={fit(lastRun.summary.totalFit)}
                />
                <Figure
                  label={t("matching.figure.averageFit")}
                  value={
                    lastRun.summary.averageFit === null ? "—" : fit(lastRun.summary.averageFit)
                  }
                />
                <Figure
                  label={t("matching.figure.lowestFit")}
                  value={lastRun.summary.lowestFit === null ? "—" : fit(lastRun.summary.lowestFit)}
                />
                <Figure
                  label={t("matching.figure.pinned")}
                  value={f.number(lastRun.summary.pinned)}
                />
                {lastRun.kind === "rerun" ? (
                  <Figure
                    label={t("matching.figure.kept")}
                    value={f.number(lastRun.summary.accepted)}
                  />
                ) : null}
                {lastRun.summary.requested ? (
                  <Figure
                    label={t("matching.figure.requested")}
                    value={f.number(lastRun.summary.requested)}
                  />
                ) : null}
                {lastRun.summary.fairnessThreshold === null ? null : (
                  <Figure
                    label={t("matching.figure.fairnessFloor")}
                    value={fit(lastRun.summary.fairnessThreshold)}
                  />
                )}
              </dl>
              {lastRun.changes.length ? (
                <p
                  className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
                  role="status"
                >
                  {t("matching.changed", {
                    changes: f.list(
                      lastRun.changes.map((change) => t(`matching.changes.${change}`)),
                    ),
                  })}
                </p>
              ) : null}
            </>
          ) : (
            <p className="text-sm">{t("matching.notRun")}</p>
          )}
          {view.canPublish ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="publish" />
              <ConfirmSubmit
                label={t("matching.publish.label", { count: view.byStatus.proposed })}
                title={t("matching.publish.title", { count: view.byStatus.proposed })}
                confirmLabel={t("matching.publish.confirm")}
                tickLabel={t("matching.publish.tick")}
                disabled={busy}
              >
                <p>{t("matching.publish.body")}</p>
              </ConfirmSubmit>
            </Form>
          ) : null}
        </Card>
      </div>

      <section aria-labelledby="pairs-heading" className="mb-8">
        <h2 id="pairs-heading" className="mb-2 text-lg font-semibold">
          {t("matching.pairs")}
        </h2>
        <nav aria-label={t("matching.pairsByState")} className="mb-3 flex flex-wrap gap-2 text-sm">
          {PAIR_STATUSES.map((status) => (
            <Link
              key={status}
              to={`?status=${status}`}
              aria-current={view.status === status ? "page" : undefined}
              className={`rounded-md border px-3 py-1 ${view.status === status ? "border-brand-600 bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-white" : "border-slate-300 dark:border-slate-600"}`}
            >
              {t("matching.statusTab", {
                status: t(`pair.status.${status}`),
                count: view.byStatus[status],
              })}
            </Link>
          ))}
        </nav>
        {view.pairs.length ? (
          <>
            <DataTable
              caption={t("matching.table.caption", { status: t(`pair.status.${view.status}`) })}
              headings={[
                t("role.mentee"),
                t("role.mentor"),
                t("matching.table.fit"),
                t("matching.table.why"),
                view.status === "proposed"
                  ? t("matching.table.adjust")
                  : t("matching.table.answers"),
              ]}
            >
              {view.pairs.map((pair) => (
                <tr key={pair.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    <a
                      href={`/mentorship/${programme.id}/pairs/${pair.id}`}
                      className="link hover:underline"
                    >
                      {pair.menteeName}
                    </a>
                  </th>
                  <td className={tdClass}>{pair.mentorName}</td>
                  <td className={`${tdClass} tabular-nums`}>
                    {fit(pair.fit)}
                    {pair.source === "pinned" ? (
                      <span className="ms-1 text-xs text-slate-600 dark:text-slate-300">
                        {t("matching.table.pinned")}
                      </span>
                    ) : null}
                    {pair.source === "requested" ? (
                      <span className="ms-1 text-xs text-slate-600 dark:text-slate-300">
                        {t("matching.table.requested")}
                      </span>
                    ) : null}
                  </td>
                  <td className={`${tdClass} min-w-72`}>
                    {pair.source === "requested" ? (
                      <p className="mb-1 text-sm font-medium">
                        {pair.rank
                          ? t("origin.requested", { rank: t("ordinal", { rank: pair.rank }) })
                          : t("origin.requestedUnranked")}
                      </p>
                    ) : null}
                    <FactorList factors={pair.factors} />
                  </td>
                  <td className={tdClass}>
                    {view.status === "proposed" ? (
                      <PairRuleButtons programmeId={programme.id} pair={pair} busy={busy} />
                    ) : (
                      <div className="space-y-1 text-sm">
                        <PairStatusBadge status={pair.status} />
                        <p>
                          {t("matching.answers", {
                            mentee: pair.menteeAnswer ?? "none",
                            mentor: pair.mentorAnswer ?? "none",
                          })}
                        </p>
                        {pair.declineReason ? (
                          <p className="text-slate-600 dark:text-slate-300">
                            {t("matching.quoted", { text: pair.declineReason })}
                          </p>
                        ) : null}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination
              page={view.pagination.page}
              pageCount={view.pagination.pages}
              label={t("matching.pairsPages")}
            />
          </>
        ) : (
          <Card>
            <p className="text-sm">{t(`matching.none.${view.status}`)}</p>
          </Card>
        )}
      </section>

      {lastRun && lastRun.unpaired.total ? (
        <section aria-labelledby="unpaired-heading" className="mb-8">
          <h2 id="unpaired-heading" className="mb-2 text-lg font-semibold">
            {t("matching.unpaired.heading", { count: lastRun.unpaired.total })}
          </h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {t("matching.unpaired.intro")}
          </p>
          <DataTable
            caption={t("matching.unpaired.caption")}
            headings={[
              t("role.mentee"),
              t("matching.table.why"),
              ...lastRun.unpaired.rows[0]!.excludedBy.map(({ rule }) => ({
                key: rule,
                label: t(RULE_KEYS[rule]),
              })),
              t("matching.unpaired.eligible"),
              t("matching.unpaired.eligibleWithSlot"),
            ]}
          >
            {lastRun.unpaired.rows.map((row) => (
              <tr key={row.menteeId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {someone(row.name)}
                </th>
                <td className={`${tdClass} min-w-64`}>{wordsOf(t, row.reason)}</td>
                {row.excludedBy.map(({ rule, count }) => (
                  <td key={rule} className={`${tdClass} tabular-nums`}>
                    {f.number(count)}
                  </td>
                ))}
                <td className={`${tdClass} tabular-nums`}>{f.number(row.eligibleMentors)}</td>
                <td className={`${tdClass} tabular-nums`}>{f.number(row.eligibleWithFreeSlots)}</td>
              </tr>
            ))}
          </DataTable>
          {lastRun.unpaired.pages > 1 ? (
            <nav aria-label={t("matching.unpaired.pages")} className="mt-3 flex gap-3 text-sm">
              {lastRun.unpaired.page > 1 ? (
                <Link to={`?${pageLink(searchParams, "unpaired", lastRun.unpaired.page - 1)}`}>
                  {common("pagination.previous")}
                </Link>
              ) : null}
              <span>
                {common("pagination.page", {
                  page: lastRun.unpaired.page,
                  pageCount: lastRun.unpaired.pages,
                })}
              </span>
              {lastRun.unpaired.page < lastRun.unpaired.pages ? (
                <Link to={`?${pageLink(searchParams, "unpaired", lastRun.unpaired.page + 1)}`}>
                  {common("pagination.next")}
                </Link>
              ) : null}
            </nav>
          ) : null}
        </section>
      ) : null}

      {lastRun && (lastRun.leftOut.length || lastRun.rejectedPins.length) ? (
        <section className="mb-8 grid gap-6 lg:grid-cols-2">
          {lastRun.leftOut.length ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t("matching.leftOut")}</h2>
              <ul className="space-y-1 text-sm">
                {lastRun.leftOut.map((row) => (
                  <li key={`${row.userId}-${row.role}`}>
                    {t("matching.leftOutRow", {
                      name: someone(row.name),
                      role: row.role,
                      reason: wordsOf(t, row.reason),
                    })}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {lastRun.rejectedPins.length ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">{t("matching.rejectedPins")}</h2>
              <ul className="space-y-1 text-sm">
                {lastRun.rejectedPins.map((pin) => (
                  <li key={`${pin.menteeId}-${pin.mentorId}`}>
                    {t("matching.rejectedPin", {
                      mentee: someone(pin.menteeName),
                      mentor: someone(pin.mentorName),
                      reason: wordsOf(t, pin.message),
                    })}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="rules-heading" className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 id="rules-heading" className="mb-2 text-lg font-semibold">
            {t("matching.rules.heading")}
          </h2>
          {view.rules.length ? (
            <ul className="space-y-2 text-sm">
              {view.rules.map((rule) => (
                <li
                  key={`${rule.menteeId}-${rule.mentorId}`}
                  className="flex flex-wrap items-center gap-2"
                >
                  <span>
                    <strong>{t("matching.rules.kind", { kind: rule.kind })}</strong>{" "}
                    {t("matching.rules.pair", { mentee: rule.menteeName, mentor: rule.mentorName })}
                  </span>
                  {view.canRun ? (
                    <Form method="post">
                      <input type="hidden" name="menteeId" value={rule.menteeId} />
                      <input type="hidden" name="mentorId" value={rule.mentorId} />
                      <Button
                        type="submit"
                        name="intent"
                        value="unrule"
                        variant="ghost"
                        className="px-2 py-1"
                        aria-label={t("matching.rules.removeLabel", {
                          kind: rule.kind,
                          mentee: rule.menteeName,
                          mentor: rule.mentorName,
                        })}
                        disabled={busy}
                      >
                        {t("matching.rules.remove")}
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">{t("matching.rules.none")}</p>
          )}
        </Card>
        {view.canRun ? (
          <PairRuleForm
            result={result && "reply" in result ? result.reply : undefined}
            busy={busy}
          />
        ) : null}
      </section>
    </>
  );
}

function pageLink(searchParams: URLSearchParams, name: string, page: number): string {
  const next = new URLSearchParams(searchParams);
  next.delete("done");
  next.set(name, String(page));
  return next.toString();
}

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <div>
      <dt className="text-xs text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

function PairRuleButtons({
  programmeId,
  pair,
  busy,
}: {
  programmeId: string;
  pair: {
    menteeId: string;
    mentorId: string;
    menteeName: string;
    mentorName: string;
    rule: string | null;
  };
  busy: boolean;
}) {
  const { t } = useTranslation("mentorship");
  return (
    <Form
      method="post"
      action={`/mentorship/${programmeId}/matching`}
      className="flex flex-wrap gap-1"
    >
      <input type="hidden" name="menteeId" value={pair.menteeId} />
      <input type="hidden" name="mentorId" value={pair.mentorId} />
      {pair.rule === "pin" ? (
        <span className="text-xs font-medium">{t("matching.rules.pinned")}</span>
      ) : (
        <Button
          type="submit"
          name="intent"
          value="pin"
          variant="secondary"
          className="px-2 py-1"
          aria-label={t("matching.rules.pinLabel", {
            mentee: pair.menteeName,
            mentor: pair.mentorName,
          })}
          disabled={busy}
        >
          {t("matching.rules.pin")}
        </Button>
      )}
      {pair.rule === "forbid" ? (
        <span className="text-xs font-medium">{t("matching.rules.forbidden")}</span>
      ) : (
        <Button
          type="submit"
          name="intent"
          value="forbid"
          variant="secondary"
          className="px-2 py-1"
          aria-label={t("matching.rules.forbidLabel", {
            mentee: pair.menteeName,
            mentor: pair.mentorName,
          })}
          disabled={busy}
        >
          {t("matching.rules.forbid")}
        </Button>
      )}
    </Form>
  );
}

function PairRuleForm({
  result,
  busy,
}: {
  result: SubmissionResult<string[]> | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation("mentorship");
  const [form, fields] = useForm({
    id: "pair-rule",
    lastResult: result,
    constraint: getZodConstraint(PairRuleSchema),
    defaultValue: { kind: "pin" },
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PairRuleSchema }),
  });
  return (
    <Card>
      <h2 className="mb-2 text-lg font-semibold">{t("matching.ruleForm.heading")}</h2>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rule" />
        <Field
          label={t("matching.ruleForm.menteeEmail")}
          autoComplete="off"
          errors={fields.menteeEmail.errors}
          {...getInputProps(fields.menteeEmail, { type: "email" })}
        />
        <Field
          label={t("matching.ruleForm.mentorEmail")}
          autoComplete="off"
          errors={fields.mentorEmail.errors}
          {...getInputProps(fields.mentorEmail, { type: "email" })}
        />
        <RadioGroupField
          inline
          legend={t("matching.ruleForm.rule")}
          field={fields.kind}
          options={[
            ["pin", t("matching.ruleForm.pin")],
            ["forbid", t("matching.ruleForm.forbid")],
          ]}
        />
        <FormErrors form={form} />
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("matching.ruleForm.save")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
