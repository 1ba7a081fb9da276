import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/goals.objectives.$objectiveId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { KeyResultChart, KeyResultHistory, useKeyResultFigure } from "~/components/goals/chart";
import { IssuedToken } from "~/components/tokens";
import { Button, buttonClass } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { issueCheckInToken } from "~/modules/api/goals.server";
import { API_BASE } from "~/modules/api/openapi";
import { issuedTokenFor } from "~/modules/api/tokens.server";
import { EvidenceSchema } from "~/modules/conversations/forms";
import { dateToDay, dayToDate } from "~/modules/days";
import { InvalidError } from "~/modules/errors";
import { CarrySchema, CheckInSchema, ReflectionSchema, ShareSchema } from "~/modules/goals/forms";
import {
  carryOver,
  checkIn,
  keyResultToOneToOne,
  objectivePage,
  recordContribution,
  reflect,
  shareObjective,
} from "~/modules/goals/goals.server";
import { CONFIDENCES } from "~/modules/goals/progress";
import { requireUser } from "~/modules/identity/permissions.server";
import * as clock from "~/platform/clock.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { postedText } from "~/utils/posted";
import { pageParam } from "~/utils/search-params";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";
import { carryOnce, shownOnPage } from "~/utils/shown-once.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("goals:objective.title") },
];

/**
 * Sent as HTML (decision 152): its forms post and redirect. A new key result is written on a page of
 * its own, where the outcomes-not-outputs check advises as it is typed.
 */
export const handle = plainHtml;

/** One objective as the viewer may read it (a 404 otherwise, as goals.server decides). */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const page = await objectivePage(
    viewer,
    params.objectiveId,
    languageOf(context),
    pageParam(new URL(request.url).searchParams),
  );
  // A check-in token issued by the form below, carried here once across its redirect (decision 154).
  const { shown: issued, headers } = await shownOnPage(
    request,
    pathOf(params.objectiveId),
    async (token) => {
      const found = await issuedTokenFor(viewer.id, token);
      return found && page.keyResults.some((kr) => found.keyResultIds.includes(kr.id))
        ? found
        : null;
    },
  );
  return data(
    {
      ...page,
      issued,
      today: dateToDay(clock.now()),
      // What a CI job calls with a key result's token (the API's own path, not words).
      checkInEndpoint: `POST ${API_BASE}/key-results/{keyResultId}/check-ins`,
    },
    { headers },
  );
});

const pathOf = (objectiveId: string) => `/goals/objectives/${objectiveId}`;

type Errors = Record<string, string[] | null | undefined>;

const typedOf = (form: FormData) =>
  postedText(form, [
    "keyResultId",
    "value",
    "confidence",
    "note",
    "reflection",
    "email",
    "periodId",
    "competencyId",
    "text",
    "occurredOn",
  ]);

export const action = withFormRefusals(
  async ({ request, params, context }: Route.ActionArgs, form) => {
    const viewer = await requireUser(request);
    const intent = String(form.get("intent") ?? "");
    const id = params.objectiveId;
    const keyResultId = String(form.get("keyResultId") ?? "");
    const invalid = (errors: Errors) =>
      data(
        { intent, keyResultId, errors, typed: typedOf(form), error: null as string | null },
        { status: 400 },
      );
    // What an accepted form did, named in the page's address (?done=), so a reload never posts again.
    const done = (what: ObjectiveDone, at = keyResultId) =>
      redirect(`${pathOf(id)}?done=${what}${at ? `#kr-${at}` : ""}`);
    if (intent === "check-in") {
      const submission = parseWithZod(form, { schema: CheckInSchema });
      if (submission.status !== "success") return invalid(submission.error ?? {});
      await checkIn(viewer, keyResultId, submission.value);
      return done("checkedIn");
    } else if (intent === "reflect") {
      const submission = parseWithZod(form, { schema: ReflectionSchema });
      if (submission.status !== "success") return invalid(submission.error ?? {});
      await reflect(viewer, keyResultId, submission.value.reflection);
      return done("reflected");
    } else if (intent === "share" || intent === "unshare") {
      const submission = parseWithZod(form, { schema: ShareSchema });
      if (submission.status !== "success") return invalid(submission.error ?? {});
      await shareObjective(viewer, id, {
        email: submission.value.email,
        shared: intent === "share",
      });
      return done(intent === "share" ? "shared" : "unshared", "");
    } else if (intent === "open" || intent === "private") {
      await shareObjective(viewer, id, { openToAll: intent === "open" });
      return done(intent === "open" ? "opened" : "madePrivate", "");
    } else if (intent === "carry") {
      const submission = parseWithZod(form, { schema: CarrySchema });
      if (submission.status !== "success") return invalid(submission.error ?? {});
      const copy = await carryOver(viewer, id, submission.value.periodId);
      return redirect(`/goals/objectives/${copy}`);
    } else if (intent === "token") {
      // Shown once, on the page the answer redirects to: Rungs keeps only its hash (decision 154).
      const issued = await issueCheckInToken(viewer, keyResultId);
      return redirect(`${pathOf(id)}?done=tokenIssued#kr-${keyResultId}`, {
        headers: { "Set-Cookie": await carryOnce(pathOf(id), { token: issued.token }) },
      });
    } else if (intent === "one-to-one") {
      const added = await keyResultToOneToOne(viewer, keyResultId, languageOf(context));
      if (!added.ok)
        return data(
          {
            intent,
            keyResultId,
            errors: {} as Errors,
            typed: {} as Record<string, string>,
            error: wordsOf(translatorOf(context), added.message) as string | null,
          },
          { status: 409 },
        );
      return redirect(`/conversations/${added.seriesId}`);
    } else if (intent === "evidence") {
      const submission = parseWithZod(form, { schema: EvidenceSchema });
      if (submission.status !== "success") return invalid(submission.error ?? {});
      const { competencyId, text, url, occurredOn, shared } = submission.value;
      await recordContribution(
        viewer,
        keyResultId,
        { competencyId, text, url: url ?? null, occurredOn: dayToDate(occurredOn), shared },
        languageOf(context),
      );
      return done("evidenceRecorded");
    }
    throw new InvalidError({ key: "goals:errors.unknownAction" });
  },
  (form) => ({
    errors: {} as Errors,
    typed: typedOf(form),
    intent: String(form.get("intent") ?? ""),
    keyResultId: String(form.get("keyResultId") ?? ""),
  }),
);

const OBJECTIVE_DONE = [
  "keyResultAdded",
  "checkedIn",
  "reflected",
  "shared",
  "unshared",
  "opened",
  "madePrivate",
  "evidenceRecorded",
  "tokenIssued",
] as const;
type ObjectiveDone = (typeof OBJECTIVE_DONE)[number];

export default function ObjectivePage({ loaderData, actionData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("goals");
  const { t: common } = useTranslation("common");
  const f = useFormats();
  const busy = useSubmitting();
  const mine = (intent: string, keyResultId = "") =>
    actionData && actionData.intent === intent && actionData.keyResultId === keyResultId;
  const errorsFor = (intent: string, keyResultId = "") =>
    (mine(intent, keyResultId) ? actionData!.errors : {}) as Errors;
  const typedFor = (intent: string, keyResultId = ""): Partial<Record<string, string>> =>
    mine(intent, keyResultId) ? actionData!.typed : {};
  const { objective } = view;
  const shownToken = (keyResultId: string) =>
    view.issued?.keyResultIds.includes(keyResultId) ? view.issued : null;
  const figure = useKeyResultFigure();
  const message = useDoneMessage(
    Object.fromEntries(
      OBJECTIVE_DONE.map((what) => [what, t(`objective.flash.${what}`)]),
    ) as Record<ObjectiveDone, string>,
    actionData,
  );
  return (
    <>
      <BackLink to={`/goals?period=${view.period.id}`}>{t("objective.back")}</BackLink>
      <PageHeader
        title={objective.title}
        description={`${t("tree.level", { level: objective.level, team: objective.teamName ?? "" })} · ${t("commitment", { commitment: objective.commitment })} · ${t("tree.owner", { name: objective.ownerName })} · ${t("objective.period", { name: view.period.name })}`}
      />
      {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
      {message ? <Alert tone="success">{message}</Alert> : null}
      <Card className="mb-6">
        {view.parent ? (
          <p className="text-sm">
            <a className="underline" href={`/goals/objectives/${view.parent.id}`}>
              {t("objective.supports", { title: view.parent.title })}
            </a>
          </p>
        ) : null}
        {view.carriedFrom ? (
          <p className="text-sm">
            <a className="underline" href={`/goals/objectives/${view.carriedFrom.id}`}>
              {t("objective.carriedFrom", { title: view.carriedFrom.title })}
            </a>
          </p>
        ) : null}
        {view.carriedTo ? (
          <p className="text-sm">
            <a className="underline" href={`/goals/objectives/${view.carriedTo.id}`}>
              {t("objective.carriedTo", { title: view.carriedTo.title })}
            </a>
          </p>
        ) : null}
        {objective.why ? (
          <>
            <h2 className="mt-2 font-semibold">{t("objective.why")}</h2>
            <p className="whitespace-pre-line text-sm">{objective.why}</p>
          </>
        ) : null}
        <p className="mt-2 text-sm">
          {common("list.labelled", { label: t("objective.progress") })}{" "}
          {objective.progress === null
            ? t("tree.noProgress")
            : t("tree.progress", { value: objective.progress })}
        </p>
        {objective.countState === "drafting" ? (
          <Alert tone="warning">{t("objective.drafting")}</Alert>
        ) : null}
        {objective.private ? <p className="muted text-sm">{t("objective.privateNote")}</p> : null}
        <p className="muted mt-2 text-sm">{t("objective.notAScore")}</p>
      </Card>

      <h2 className="mb-2 text-xl font-semibold">{t("objective.keyResultsHeading")}</h2>
      {view.keyResults.length === 0 ? (
        <p className="mb-4 text-sm">{t("objective.noKeyResults")}</p>
      ) : null}
      {view.keyResults.map((kr) => (
        <Card key={kr.id} className="mb-4">
          <section id={`kr-${kr.id}`} aria-labelledby={`kr-${kr.id}-title`}>
            <h3 id={`kr-${kr.id}-title`} className="text-lg font-semibold">
              {kr.title}
            </h3>
            <p className="muted text-sm">
              {t("objective.krMeta", { owner: kr.ownerName })}
              {kr.contributors.length
                ? ` · ${t("objective.contributors", { names: f.list(kr.contributors) })}`
                : ""}
              {/* Done or not done has no range to read. */}
              {kr.kind === "binary"
                ? null
                : ` · ${t("objective.range", {
                    start: figure(kr.startValue, kr),
                    target: figure(kr.targetValue, kr),
                  })}`}
            </p>
            {kr.output.flagged ? <Alert tone="info">{t("objective.outputFlag")}</Alert> : null}
            <p className="text-sm">
              {kr.latest
                ? t("objective.latest", {
                    value: figure(kr.latest.value, kr),
                    confidence: t("confidence", { confidence: kr.latest.confidence }),
                  })
                : t("objective.noCheckIns")}{" "}
              · {t("objective.krProgress", { value: kr.progress })}
            </p>
            {kr.finalScore !== null && kr.reading ? (
              <p className="text-sm font-medium">
                {t("objective.finalScore", { score: kr.finalScore, reading: kr.reading })}
              </p>
            ) : null}
            {kr.reflection ? (
              <p className="whitespace-pre-line text-sm">
                {common("list.labelled", { label: t("objective.reflection") })} {kr.reflection}
              </p>
            ) : null}
            <KeyResultChart
              title={kr.title}
              start={figure(kr.startValue, kr)}
              target={figure(kr.targetValue, kr)}
              latest={kr.latest ? figure(kr.latest.value, kr) : "—"}
              count={kr.checkIns.length}
              chart={kr.chart}
            />
            {kr.checkIns.length ? <KeyResultHistory checkIns={kr.checkIns} keyResult={kr} /> : null}
            {kr.canCheckIn ? (
              <Form method="post" className="mt-3 space-y-2">
                <h4 className="font-semibold">{t("objective.checkIn.heading")}</h4>
                <input type="hidden" name="intent" value="check-in" />
                <input type="hidden" name="keyResultId" value={kr.id} />
                {kr.kind === "binary" ? (
                  <SelectField
                    label={t("objective.checkIn.value")}
                    name="value"
                    defaultValue={typedFor("check-in", kr.id).value ?? "0"}
                    errors={errorsFor("check-in", kr.id).value}
                  >
                    <option value="0">{t("objective.checkIn.notDone")}</option>
                    <option value="1">{t("objective.checkIn.done")}</option>
                  </SelectField>
                ) : (
                  <Field
                    label={t("objective.checkIn.value")}
                    name="value"
                    inputMode="decimal"
                    defaultValue={typedFor("check-in", kr.id).value}
                    errors={errorsFor("check-in", kr.id).value}
                  />
                )}
                <SelectField
                  label={t("objective.checkIn.confidence")}
                  name="confidence"
                  defaultValue={typedFor("check-in", kr.id).confidence ?? "onTrack"}
                  errors={errorsFor("check-in", kr.id).confidence}
                >
                  {CONFIDENCES.map((confidence) => (
                    <option key={confidence} value={confidence}>
                      {t("confidence", { confidence })}
                    </option>
                  ))}
                </SelectField>
                <TextareaField
                  label={t("objective.checkIn.note")}
                  name="note"
                  rows={2}
                  defaultValue={typedFor("check-in", kr.id).note}
                  errors={errorsFor("check-in", kr.id).note}
                />
                <Button type="submit" disabled={busy}>
                  {t("objective.checkIn.submit")}
                </Button>
              </Form>
            ) : null}
            {kr.canCheckIn ? (
              <details className="mt-3" open={shownToken(kr.id) ? true : undefined}>
                <summary className="cursor-pointer text-sm font-medium">
                  {t("objective.token.heading")}
                </summary>
                <p className="muted my-2 text-sm">{t("objective.token.intro")}</p>
                <p className="text-sm">
                  <code>{view.checkInEndpoint.replace("{keyResultId}", kr.id)}</code>
                </p>
                {shownToken(kr.id) ? (
                  <IssuedToken
                    title={shownToken(kr.id)!.name}
                    copyNow={t("objective.token.copyNow")}
                    label={t("objective.token.label")}
                    token={shownToken(kr.id)!.token}
                  />
                ) : (
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value="token" />
                    <input type="hidden" name="keyResultId" value={kr.id} />
                    <Button type="submit" variant="secondary" disabled={busy}>
                      {t("objective.token.submit")}
                    </Button>
                  </Form>
                )}
              </details>
            ) : null}
            {kr.canTakeToOneToOne && kr.latest ? (
              <Form method="post" className="mt-3 space-y-2">
                <input type="hidden" name="intent" value="one-to-one" />
                <input type="hidden" name="keyResultId" value={kr.id} />
                <p className="muted text-sm">
                  {kr.takesAsManager
                    ? t("oneToOne.takeHintManager", {
                        confidence: kr.latest.confidence,
                        name: kr.ownerName,
                      })
                    : t("oneToOne.takeHint", { confidence: kr.latest.confidence })}
                </p>
                <Button type="submit" variant="secondary" disabled={busy}>
                  {kr.takesAsManager
                    ? t("oneToOne.takeWith", { name: kr.ownerName })
                    : t("oneToOne.take")}
                </Button>
              </Form>
            ) : null}
            {kr.canReflect ? (
              <Form method="post" className="mt-3 space-y-2">
                <input type="hidden" name="intent" value="reflect" />
                <input type="hidden" name="keyResultId" value={kr.id} />
                <TextareaField
                  label={t("objective.reflect.heading")}
                  name="reflection"
                  rows={2}
                  defaultValue={typedFor("reflect", kr.id).reflection ?? kr.reflection ?? ""}
                  errors={errorsFor("reflect", kr.id).reflection}
                />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t("objective.reflect.submit")}
                </Button>
              </Form>
            ) : null}
            {kr.canRecordContribution && view.competencies.length ? (
              // What one recorded stays in sight; the form to record more opens on demand (a
              // recording reloads the page, which opens no disclosure).
              <>
                {kr.evidence.map((item) => (
                  <p key={item.id} className="mt-3 whitespace-pre-line text-sm">
                    {t("objective.evidence.recorded", { text: item.text })}
                  </p>
                ))}
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm font-medium">
                    {t("objective.evidence.heading")}
                  </summary>
                  <p className="muted my-2 text-sm">{t("objective.evidence.intro")}</p>
                  <Form method="post" className="space-y-2">
                    <input type="hidden" name="intent" value="evidence" />
                    <input type="hidden" name="keyResultId" value={kr.id} />
                    <SelectField
                      label={t("objective.evidence.competency")}
                      name="competencyId"
                      defaultValue={typedFor("evidence", kr.id).competencyId}
                      errors={errorsFor("evidence", kr.id).competencyId}
                    >
                      {view.competencies.map((competency) => (
                        <option key={competency.id} value={competency.id}>
                          {competency.name}
                        </option>
                      ))}
                    </SelectField>
                    <TextareaField
                      label={t("objective.evidence.text")}
                      name="text"
                      rows={3}
                      defaultValue={typedFor("evidence", kr.id).text}
                      errors={errorsFor("evidence", kr.id).text}
                    />
                    <Field
                      label={t("objective.evidence.occurredOn")}
                      name="occurredOn"
                      type="date"
                      max={view.today}
                      defaultValue={typedFor("evidence", kr.id).occurredOn ?? view.today}
                      errors={errorsFor("evidence", kr.id).occurredOn}
                    />
                    <Button type="submit" variant="secondary" disabled={busy}>
                      {t("objective.evidence.submit")}
                    </Button>
                  </Form>
                </details>
              </>
            ) : null}
          </section>
        </Card>
      ))}

      {view.canAddKeyResult ? (
        <p className="mb-6">
          <Link
            className={buttonClass("secondary")}
            to={`/goals/objectives/${objective.id}/key-results/new`}
          >
            {t("objective.add.heading")}
          </Link>
        </p>
      ) : view.keyResults.length >= 5 && !view.period.closedAt ? (
        <p className="mb-6 text-sm">{t("objective.add.full")}</p>
      ) : null}

      {view.supporters.length ? (
        <Card className="mb-6">
          <h2 id="supporters" className="mb-2 text-lg font-semibold">
            {t("objective.supporters")}
          </h2>
          {view.supporterCountOver ? (
            <p className="muted mb-2 text-sm">
              {t("tree.moreSupportersOver", { count: view.supporterCount })}
            </p>
          ) : view.supportersPage.pageCount !== null && view.supportersPage.pageCount > 1 ? (
            <p className="muted mb-2 text-sm">
              {t("objective.supporterCount", { count: view.supporterCount })}
            </p>
          ) : null}
          <ul className="list-disc ps-5 text-sm">
            {view.supporters.map((supporter) => (
              <li key={supporter.id}>
                <a className="underline" href={`/goals/objectives/${supporter.id}`}>
                  {supporter.title}
                </a>{" "}
                · {t("tree.owner", { name: supporter.ownerName })}
              </li>
            ))}
          </ul>
          <Pagination
            page={view.supportersPage.page}
            pageCount={view.supportersPage.pageCount}
            hasNext={view.supportersPage.hasNext}
            label={t("objective.supporterPages")}
          />
        </Card>
      ) : null}

      {view.canShare ? (
        <Card className="mb-6">
          <h2 className="mb-2 text-lg font-semibold">{t("objective.share.heading")}</h2>
          {objective.openToAll ? <p className="text-sm">{t("objective.share.openToAll")}</p> : null}
          <Form method="post" className="mb-3">
            <input type="hidden" name="intent" value={objective.openToAll ? "private" : "open"} />
            <Button type="submit" variant="secondary" disabled={busy}>
              {objective.openToAll
                ? t("objective.share.makePrivate")
                : t("objective.share.makeOpen")}
            </Button>
          </Form>
          {view.shares.length ? (
            <ul className="mb-3 space-y-1 text-sm">
              {view.shares.map((person) => (
                <li key={person.id}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="unshare" />
                    <input type="hidden" name="email" value={person.email} />
                    <Button type="submit" variant="secondary" disabled={busy}>
                      {t("objective.share.unshare", { name: person.name })}
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="share" />
            <Field
              label={t("objective.share.email")}
              name="email"
              type="email"
              defaultValue={typedFor("share").email}
              errors={errorsFor("share").email}
            />
            <Button type="submit" disabled={busy}>
              {t("objective.share.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}

      {view.canCarry && view.carryPeriods.length ? (
        <Card className="mb-6">
          <h2 className="mb-1 text-lg font-semibold">{t("objective.carry.heading")}</h2>
          <p className="muted mb-2 text-sm">{t("objective.carry.intro")}</p>
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="carry" />
            <SelectField
              label={t("objective.carry.period")}
              name="periodId"
              errors={errorsFor("carry").periodId}
            >
              {view.carryPeriods.map((period) => (
                <option key={period.id} value={period.id}>
                  {period.name}
                </option>
              ))}
            </SelectField>
            <Button type="submit" disabled={busy}>
              {t("objective.carry.submit")}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
