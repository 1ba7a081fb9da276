import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/mentorship.$programmeId.matching";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FactorList, fitText, formatDay, PairStatusBadge, ProgrammeTabs } from "~/components/mentorship/parts";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { CheckboxField, Field, FormErrors, SelectField } from "~/components/ui/field";
import { Pagination } from "~/components/ui/pagination";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { PairRuleSchema, RunSchema } from "~/modules/mentorship/forms";
import { PAIR_STATUS_LABELS, PAIR_STATUSES } from "~/modules/mentorship/lifecycle";
import { matchingPage, parsePairStatus, publishPairs, removePairRule, runMatching, setPairRule, setPairRuleByEmail } from "~/modules/mentorship/matching.server";
import { RULE_LABELS } from "~/modules/mentorship/rules";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { pageParam, textParam } from "~/utils/search-params";
import { RadioGroupField } from "~/components/ui/radio-group-field";
import { plural } from "~/utils/plural";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Matching · ${loaderData?.programme.name ?? "Mentorship programme"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  return matchingPage(viewer, params.programmeId ?? "", { status: parsePairStatus(textParam(search, "status")), page: pageParam(search), unpairedPage: pageParam(search, "unpaired") });
});

type Refusal = { intent: string; error: string };

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs, form) => {
  const viewer = await requireUser(request);
  const programmeId = params.programmeId ?? "";
  const intent = String(form.get("intent") ?? "");
  const back = `/mentorship/${programmeId}/matching`;
  if (intent === "run") {
    const submission = parseWithZod(form, { schema: RunSchema });
    if (submission.status !== "success") return data<Refusal>({ intent, error: "Choose what the matching aims for." }, { status: 400 });
    await runMatching(viewer, programmeId, submission.value);
    return redirect(`${back}?done=run`);
  }
  if (intent === "pin" || intent === "forbid" || intent === "unrule") {
    const pair = { menteeId: String(form.get("menteeId") ?? ""), mentorId: String(form.get("mentorId") ?? "") };
    if (intent === "unrule") await removePairRule(viewer, programmeId, pair);
    else {
      const result = await setPairRule(viewer, programmeId, { kind: intent, ...pair });
      if (!result.ok) return data<Refusal>({ intent, error: Object.values(result.fieldErrors).flat().join(" ") }, { status: 400 });
    }
    return redirect(`${back}?done=${intent}`);
  }
  if (intent === "rule") {
    const submission = parseWithZod(form, { schema: PairRuleSchema });
    if (submission.status !== "success") return data({ intent, reply: submission.reply() }, { status: 400 });
    const result = await setPairRuleByEmail(viewer, programmeId, submission.value);
    if (!result.ok) {
      const { form: formErrors, ...fieldErrors } = result.fieldErrors as Record<string, string[]>;
      return data({ intent, reply: submission.reply({ fieldErrors, formErrors: formErrors ?? [] }) }, { status: 400 });
    }
    return redirect(`${back}?done=${submission.value.kind}`);
  }
  if (intent === "publish") {
    await publishPairs(viewer, programmeId);
    return redirect(`${back}?done=publish&status=offered`);
  }
  throw new InvalidError("Unknown action.");
});

const DONE: Record<string, string> = {
  run: "Matching done. Review the proposed pairs, pin or forbid any, run again, then publish.",
  pin: "Pair pinned. Run the matching again to apply it.",
  forbid: "Pair forbidden. Run the matching again to apply it.",
  unrule: "Pin or forbid removed. Run the matching again to apply it.",
  publish: "Pairs published: each mentee and mentor is asked to accept or decline.",
};

const OBJECTIVES: Record<string, string> = { "most-matched": "Most people matched, then the most fit", "most-fit": "The most fit overall" };

export default function ProgrammeMatching({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const result = actionData;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const refusal = result && "error" in result ? result : null;
  const done = result ? null : DONE[searchParams.get("done") ?? ""];
  const busy = navigation.state === "submitting";
  const running = busy && navigation.formData?.get("intent") === "run";
  const { programme, lastRun } = view;
  const published = programme.phase === "published";
  return (
    <>
      <BackLink to={`/mentorship/${programme.id}`}>{programme.name}</BackLink>
      <PageHeader title="Matching" description="Pairs for the whole programme at once: the best total fit under every mentor's capacity, never breaking a hard rule." />
      <ProgrammeTabs programmeId={programme.id} />
      {done ? <Alert tone="success">{done}</Alert> : null}
      {refusal ? <Alert tone="error">{refusal.error}</Alert> : null}
      {view.ladderServed ? null : <Alert tone="warning">The programme's ladder is not being served now; matching waits until it is.</Alert>}

      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="mb-2 text-lg font-semibold">{published ? "Rerun for the unpaired" : "Run the matching"}</h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
            {plural(view.mentees, "# mentee")} and {plural(view.mentors, "# mentor")} joined.{" "}
            {published
              ? "Every published pair that was not declined is kept as it is and keeps its slot; declined pairs are not offered again. Mentees without a pair are matched anew."
              : "Pins are kept; a new run replaces the proposed pairs of the last one."}
          </p>
          {view.canRun ? (
            <Form method="post" className="space-y-3">
              <input type="hidden" name="intent" value="run" />
              <SelectField label="Aim for" name="objective" defaultValue={programme.objective} className="max-w-sm">
                <option value="most-matched">{OBJECTIVES["most-matched"]}</option>
                <option value="most-fit">{OBJECTIVES["most-fit"]}</option>
              </SelectField>
              <CheckboxField label="Fairness pass" hint="Raises the lowest fit of any proposed pair as far as it can without pairing fewer people." name="fairness" defaultChecked={programme.fairness} />
              <Button type="submit" disabled={busy || !view.ladderServed}>
                {running ? "Matching…" : published ? "Rerun for the unpaired" : "Run matching"}
              </Button>
            </Form>
          ) : (
            <p className="text-sm">The programme is closed.</p>
          )}
        </Card>
        <Card>
          <h2 className="mb-2 text-lg font-semibold">Last run</h2>
          {lastRun && lastRun.summary ? (
            <>
              <p className="text-sm text-slate-700 dark:text-slate-300">
                {lastRun.kind === "rerun" ? "Rerun for the unpaired" : "Matching of everyone"} on {formatDay(lastRun.createdAt)} · {OBJECTIVES[lastRun.objective] ?? lastRun.objective}
                {lastRun.fairness ? " · with the fairness pass" : ""}
              </p>
              <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                <Figure label="Paired" value={`${lastRun.summary.paired} of ${lastRun.summary.mentees}`} />
                <Figure label="Unpaired" value={lastRun.summary.unpaired} />
                <Figure label="Mentor slots" value={lastRun.summary.slots} />
                <Figure label="Total fit" value={fitText(lastRun.summary.totalFit)} />
                <Figure label="Average fit" value={lastRun.summary.averageFit === null ? "—" : fitText(lastRun.summary.averageFit)} />
                <Figure label="Lowest fit" value={lastRun.summary.lowestFit === null ? "—" : fitText(lastRun.summary.lowestFit)} />
                <Figure label="Pinned" value={lastRun.summary.pinned} />
                {lastRun.kind === "rerun" ? <Figure label="Kept" value={lastRun.summary.accepted} /> : null}
                {lastRun.summary.requested ? <Figure label="Requested" value={lastRun.summary.requested} /> : null}
                {lastRun.summary.fairnessThreshold === null ? null : <Figure label="Fairness floor" value={fitText(lastRun.summary.fairnessThreshold)} />}
              </dl>
              {lastRun.changes.length ? (
                <p className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100" role="status">
                  Since this run {lastRun.changes.join(", ")}: run again to take it into account.
                </p>
              ) : null}
            </>
          ) : (
            <p className="text-sm">Not run yet.</p>
          )}
          {view.canPublish ? (
            <Form method="post" className="mt-4">
              <input type="hidden" name="intent" value="publish" />
              <ConfirmSubmit
                label={`Publish ${plural(view.byStatus.proposed, "# proposed pair")}`}
                title={`Publish ${plural(view.byStatus.proposed, "# pair")}?`}
                confirmLabel="Publish"
                tickLabel="I understand: each mentee and mentor is asked to answer, and published pairs are not taken back"
                disabled={busy}
              >
                <p>
                  Each mentee and mentor is asked to accept or decline. A published pair is kept as it is by later runs: only a decline frees its slot.
                </p>
              </ConfirmSubmit>
            </Form>
          ) : null}
        </Card>
      </div>

      <section aria-labelledby="pairs-heading" className="mb-8">
        <h2 id="pairs-heading" className="mb-2 text-lg font-semibold">
          Pairs
        </h2>
        <nav aria-label="Pairs by state" className="mb-3 flex flex-wrap gap-2 text-sm">
          {PAIR_STATUSES.map((status) => (
            <Link
              key={status}
              to={`?status=${status}`}
              aria-current={view.status === status ? "page" : undefined}
              className={`rounded-md border px-3 py-1 ${view.status === status ? "border-brand-600 bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-white" : "border-slate-300 dark:border-slate-600"}`}
            >
              {PAIR_STATUS_LABELS[status]} ({view.byStatus[status]})
            </Link>
          ))}
        </nav>
        {view.pairs.length ? (
          <>
            <DataTable caption={`${PAIR_STATUS_LABELS[view.status]} pairs, by mentee`} headings={["Mentee", "Mentor", "Fit", "Why", view.status === "proposed" ? "Adjust" : "Answers"]}>
              {view.pairs.map((pair) => (
                <tr key={pair.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    <a href={`/mentorship/${programme.id}/pairs/${pair.id}`} className="link hover:underline">
                      {pair.menteeName}
                    </a>
                  </th>
                  <td className={tdClass}>{pair.mentorName}</td>
                  <td className={`${tdClass} tabular-nums`}>
                    {fitText(pair.fit)}
                    {pair.source === "pinned" ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-300">(pinned)</span> : null}
                    {pair.source === "requested" ? <span className="ml-1 text-xs text-slate-600 dark:text-slate-300">(requested)</span> : null}
                  </td>
                  <td className={`${tdClass} min-w-72`}>
                    {pair.source === "requested" ? <p className="mb-1 text-sm font-medium">{pair.origin}.</p> : null}
                    <FactorList factors={pair.factors} />
                  </td>
                  <td className={tdClass}>
                    {view.status === "proposed" ? (
                      <PairRuleButtons programmeId={programme.id} pair={pair} busy={busy} />
                    ) : (
                      <div className="space-y-1 text-sm">
                        <PairStatusBadge status={pair.status} />
                        <p>{`Mentee: ${pair.menteeAnswer ?? "no answer yet"} · Mentor: ${pair.mentorAnswer ?? "no answer yet"}`}</p>
                        {pair.declineReason ? <p className="text-slate-600 dark:text-slate-300">“{pair.declineReason}”</p> : null}
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={view.pagination.page} pageCount={view.pagination.pages} label="Pages of pairs" />
          </>
        ) : (
          <Card>
            <p className="text-sm">No {PAIR_STATUS_LABELS[view.status].toLowerCase()} pairs.</p>
          </Card>
        )}
      </section>

      {lastRun && lastRun.unpaired.total ? (
        <section aria-labelledby="unpaired-heading" className="mb-8">
          <h2 id="unpaired-heading" className="mb-2 text-lg font-semibold">
            Unpaired mentees ({lastRun.unpaired.total})
          </h2>
          <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">For each hard rule, how many mentors it excluded (a mentor can be excluded by several).</p>
          <DataTable
            caption="Mentees the last run left unpaired, with why"
            headings={["Mentee", "Why", ...lastRun.unpaired.rows[0]!.excludedBy.map(({ rule }) => ({ key: rule, label: RULE_LABELS[rule] })), "Eligible", "Eligible with a free slot"]}
          >
            {lastRun.unpaired.rows.map((row) => (
              <tr key={row.menteeId}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {row.name}
                </th>
                <td className={`${tdClass} min-w-64`}>{row.reason}</td>
                {row.excludedBy.map(({ rule, count }) => (
                  <td key={rule} className={`${tdClass} tabular-nums`}>
                    {count}
                  </td>
                ))}
                <td className={`${tdClass} tabular-nums`}>{row.eligibleMentors}</td>
                <td className={`${tdClass} tabular-nums`}>{row.eligibleWithFreeSlots}</td>
              </tr>
            ))}
          </DataTable>
          {lastRun.unpaired.pages > 1 ? (
            <nav aria-label="Pages of unpaired mentees" className="mt-3 flex gap-3 text-sm">
              {lastRun.unpaired.page > 1 ? <Link to={`?${pageLink(searchParams, "unpaired", lastRun.unpaired.page - 1)}`}>Previous</Link> : null}
              <span>
                Page {lastRun.unpaired.page} of {lastRun.unpaired.pages}
              </span>
              {lastRun.unpaired.page < lastRun.unpaired.pages ? <Link to={`?${pageLink(searchParams, "unpaired", lastRun.unpaired.page + 1)}`}>Next</Link> : null}
            </nav>
          ) : null}
        </section>
      ) : null}

      {lastRun && (lastRun.leftOut.length || lastRun.rejectedPins.length) ? (
        <section className="mb-8 grid gap-6 lg:grid-cols-2">
          {lastRun.leftOut.length ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Left out of the matching</h2>
              <ul className="space-y-1 text-sm">
                {lastRun.leftOut.map((row) => (
                  <li key={`${row.userId}-${row.role}`}>
                    {row.name} ({row.role}): {row.reason}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
          {lastRun.rejectedPins.length ? (
            <Card>
              <h2 className="mb-2 text-lg font-semibold">Pins not applied</h2>
              <ul className="space-y-1 text-sm">
                {lastRun.rejectedPins.map((pin) => (
                  <li key={`${pin.menteeId}-${pin.mentorId}`}>
                    {pin.menteeName} with {pin.mentorName}: {pin.message.replace(/^Pin .*? not applied: /, "")}
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
            Pins and forbids
          </h2>
          {view.rules.length ? (
            <ul className="space-y-2 text-sm">
              {view.rules.map((rule) => (
                <li key={`${rule.menteeId}-${rule.mentorId}`} className="flex flex-wrap items-center gap-2">
                  <span>
                    <strong>{rule.kind === "pin" ? "Pinned" : "Forbidden"}:</strong> {rule.menteeName} with {rule.mentorName}
                  </span>
                  {view.canRun ? (
                    <Form method="post">
                      <input type="hidden" name="menteeId" value={rule.menteeId} />
                      <input type="hidden" name="mentorId" value={rule.mentorId} />
                      <Button type="submit" name="intent" value="unrule" variant="ghost" className="px-2 py-1" aria-label={`Remove the ${rule.kind} of ${rule.menteeName} with ${rule.mentorName}`} disabled={busy}>
                        Remove
                      </Button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm">None. Pin a proposed pair to keep it through reruns, or forbid one to keep it out.</p>
          )}
        </Card>
        {view.canRun ? <PairRuleForm result={result && "reply" in result ? result.reply : undefined} busy={busy} /> : null}
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

function PairRuleButtons({ programmeId, pair, busy }: { programmeId: string; pair: { menteeId: string; mentorId: string; menteeName: string; mentorName: string; rule: string | null }; busy: boolean }) {
  return (
    <Form method="post" action={`/mentorship/${programmeId}/matching`} className="flex flex-wrap gap-1">
      <input type="hidden" name="menteeId" value={pair.menteeId} />
      <input type="hidden" name="mentorId" value={pair.mentorId} />
      {pair.rule === "pin" ? (
        <span className="text-xs font-medium">Pinned</span>
      ) : (
        <Button type="submit" name="intent" value="pin" variant="secondary" className="px-2 py-1" aria-label={`Pin ${pair.menteeName} with ${pair.mentorName}`} disabled={busy}>
          Pin
        </Button>
      )}
      {pair.rule === "forbid" ? (
        <span className="text-xs font-medium">Forbidden</span>
      ) : (
        <Button type="submit" name="intent" value="forbid" variant="secondary" className="px-2 py-1" aria-label={`Forbid ${pair.menteeName} with ${pair.mentorName}`} disabled={busy}>
          Forbid
        </Button>
      )}
    </Form>
  );
}

function PairRuleForm({ result, busy }: { result: SubmissionResult<string[]> | undefined; busy: boolean }) {
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
      <h2 className="mb-2 text-lg font-semibold">Pin or forbid any pair</h2>
      <Form method="post" className="space-y-3" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="rule" />
        <Field label="Mentee's email" autoComplete="off" errors={fields.menteeEmail.errors} {...getInputProps(fields.menteeEmail, { type: "email" })} />
        <Field label="Mentor's email" autoComplete="off" errors={fields.mentorEmail.errors} {...getInputProps(fields.mentorEmail, { type: "email" })} />
        <RadioGroupField inline legend="Rule" field={fields.kind} options={[["pin", "Pin: always pair them"], ["forbid", "Forbid: never pair them"]]} />
        <FormErrors form={form} />
        <Button type="submit" variant="secondary" disabled={busy}>
          Save rule
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
