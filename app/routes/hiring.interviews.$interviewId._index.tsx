import { useTranslation } from "~/i18n/use-translation";
import { Form, Link, data, redirect, useSearchParams } from "react-router";
import type { Route } from "./+types/hiring.interviews.$interviewId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmendmentChanges } from "~/components/hiring/amendment-diff";
import { linkClass } from "~/components/hiring/hiring-parts";
import { KitView } from "~/components/hiring/kit-view";
import { ScorecardForm } from "~/components/hiring/scorecard-form";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { translatorOf } from "~/i18n/i18n.server";
import type { AnyNamespaceT } from "~/i18n/languages";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { requireUser } from "~/modules/identity/permissions.server";
import { readRevision } from "~/modules/assessments/draft";
import { InvalidError } from "~/modules/errors";
import { RECOMMENDATION_KEYS, type Recommendation } from "~/modules/hiring/scorecard";
import {
  plainScorecardSave,
  recommendationField,
  scoreField,
} from "~/modules/hiring/scorecard-draft";
import type { DraftValues } from "~/modules/assessments/draft";
import {
  discardAmendment,
  interviewPage,
  saveScorecardDraft,
  startAmendment,
  submitScorecard,
  type SubmitOutcome,
} from "~/modules/hiring/scorecards.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { useSubmitting } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  return [
    {
      title: loaderData
        ? t("hiring:scorecard.page.title", {
            candidate: loaderData.candidate ?? t("hiring:candidate.purged"),
          })
        : t("hiring:scorecard.page.fallbackTitle"),
    },
  ];
};

/** A refused submission in the request's language: an incomplete card names what is missing, in the schema's words. */
function submitRefusal(
  t: AnyNamespaceT,
  body: Extract<SubmitOutcome["body"], { ok: false }>,
): string {
  if (body.kind === "incomplete" && body.errors.length)
    return t("hiring:scorecard.errors.notSubmitted", {
      reasons: body.errors.map((error) => wordsOf(t, error)).join(" "),
    });
  return wordsOf(t, body.message);
}

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return {
    ...(await interviewPage(viewer, params.interviewId ?? "", languageOf(context))),
    authorId: viewer.id,
  };
});

/**
 * Saving a draft without JavaScript (`intent=save`, the form's fields with the values it was
 * rendered with), submitting (`intent=submit`: with the form's fields it saves them first; from
 * autosave only the revision the interviewer saw), starting and discarding an amendment.
 */
/** Sent as HTML with the draft script (decision 167). */
export const handle = plainHtml;

export const action = withDomainErrors(async ({ request, params, context }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const t = translatorOf(context);
  const interviewId = params.interviewId ?? "";
  const formData = await formOf(request);
  const intent = formData.get("intent");
  const read = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : null;
  };
  const here = `/hiring/interviews/${interviewId}`;
  if (intent === "amend") {
    await startAmendment(viewer, interviewId);
    throw redirect(here);
  }
  if (intent === "discard") {
    await discardAmendment(viewer, interviewId);
    throw redirect(here);
  }
  if (intent !== "save" && intent !== "submit")
    throw new InvalidError({ key: "hiring:errors.unknownAction" });
  let revision = readRevision(read("revision"));
  if (read("base") !== null) {
    const page = await interviewPage(viewer, interviewId);
    const input = plainScorecardSave(read, read("base"), read("baseRevision"), page.competencyIds);
    if (!input)
      return data(
        {
          intent,
          ok: false as const,
          message: t("hiring:scorecard.errors.saveNotUnderstood"),
          fieldErrors: {} as Record<string, string[]>,
          typed: {} as DraftValues,
        },
        { status: 400 },
      );
    if (input.changes.length) {
      const saved = await saveScorecardDraft(viewer, interviewId, input);
      // Refused, the form is shown again with what was typed (without JavaScript the page reloads from this answer).
      const typed: DraftValues = Object.fromEntries(
        input.changes.map((change) => [change.field, change.value]),
      );
      if (!saved.body.ok)
        return data(
          {
            intent,
            ok: false as const,
            message: wordsOf(t, saved.body.message),
            fieldErrors: "fieldErrors" in saved.body ? saved.body.fieldErrors : {},
            typed,
          },
          { status: saved.status },
        );
      revision = saved.body.revision;
    } else revision = input.baseRevision;
    if (intent === "save") throw redirect(`${here}?saved=1`);
  }
  if (revision === null)
    return data(
      {
        intent,
        ok: false as const,
        message: t("hiring:scorecard.errors.submitNotUnderstood"),
        fieldErrors: {} as Record<string, string[]>,
        typed: {} as DraftValues,
      },
      { status: 400 },
    );
  const outcome = await submitScorecard(viewer, interviewId, revision);
  if (outcome.body.ok) {
    const page = await interviewPage(viewer, interviewId);
    throw redirect(`/hiring/loops/${page.loop.id}`);
  }
  return data(
    {
      intent,
      ok: false as const,
      message: submitRefusal(t, outcome.body),
      fieldErrors: {} as Record<string, string[]>,
      typed: {} as DraftValues,
    },
    { status: outcome.status },
  );
});

export default function InterviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const sending = useSubmitting();
  const [searchParams] = useSearchParams();
  const busy = sending;
  const competencies = page.competencyIds.map((id) => {
    const kit = page.kit?.competencies.find((competency) => competency.competencyId === id);
    return {
      id,
      name: page.competencyName[id] ?? id,
      anchors:
        kit?.anchors ??
        page.scale.map((point) => ({
          value: point.value,
          label: point.label,
          meaning: point.meaning,
          source: "scale" as const,
        })),
    };
  });
  const writing = (page.mode === "draft" || page.mode === "amending") && !page.lockedReason;
  const candidate = page.candidate ?? t("candidate.purged");
  return (
    <>
      <BackLink to={`/hiring/loops/${page.loop.id}`}>{candidate}</BackLink>
      <PageHeader
        title={t("scorecard.page.heading", { stage: page.stage.name, candidate })}
        description={
          page.interview.scheduledAt
            ? t("scorecard.page.descriptionScheduled", {
                opening: page.opening.title,
                level: page.opening.level,
                when: f.dateTime(page.interview.scheduledAt),
              })
            : t("scorecard.page.description", {
                opening: page.opening.title,
                level: page.opening.level,
              })
        }
        actions={
          <Link
            to={`/hiring/openings/${page.opening.id}/stages/${page.stage.id}/kit`}
            className={linkClass}
          >
            {t("scorecard.page.printableKit")}
          </Link>
        }
      />
      {searchParams.get("saved") === "1" && !actionData ? (
        <Alert tone="success">{t("scorecard.page.draftSaved")}</Alert>
      ) : null}
      {actionData && !actionData.ok ? <Alert tone="error">{actionData.message}</Alert> : null}
      {page.lockedReason ? <Alert tone="warning">{wordsOf(t, page.lockedReason)}</Alert> : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          {page.mode === "amending" ? (
            <Alert tone="info" title={t("scorecard.page.amendingTitle")}>
              <p>{t("scorecard.page.amendingIntro")}</p>
              {page.pendingDiff ? (
                <AmendmentChanges diff={page.pendingDiff} competencyName={page.competencyName} />
              ) : null}
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="discard" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  {t("scorecard.page.discard")}
                </Button>
              </Form>
            </Alert>
          ) : null}
          {writing ? (
            <Card>
              <ScorecardForm
                interviewId={page.interview.id}
                authorId={page.authorId}
                revision={page.revision}
                values={page.values}
                typed={actionData && !actionData.ok ? (actionData.typed as DraftValues) : {}}
                competencies={competencies}
                amending={page.mode === "amending"}
                fieldErrors={actionData && !actionData.ok ? actionData.fieldErrors : {}}
              />
            </Card>
          ) : page.submitted ? (
            <SubmittedCard page={page} competencies={competencies} busy={busy} />
          ) : null}
        </div>
        {page.kit ? (
          <aside aria-labelledby="kit-heading" className="space-y-3">
            <h2 id="kit-heading" className="text-lg font-semibold">
              {t("scorecard.page.kit")}
            </h2>
            <KitView kit={page.kit} headingLevel={3} scores={!writing} />
          </aside>
        ) : null}
      </div>
    </>
  );
}

function SubmittedCard({
  page,
  competencies,
  busy,
}: {
  page: Route.ComponentProps["loaderData"];
  competencies: { id: string; name: string }[];
  busy: boolean;
}) {
  const recommendation = page.values[recommendationField];
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const submittedAt = page.submitted?.submittedAt;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("scorecard.submitted.heading")}</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {submittedAt ? t("scorecard.submitted.when", { when: f.dateTime(submittedAt) }) : null}{" "}
        {t("scorecard.submitted.recommends")}{" "}
        <strong>
          {recommendation ? t(RECOMMENDATION_KEYS[recommendation as Recommendation]) : "–"}
        </strong>
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        {competencies.map((competency) => (
          <div key={competency.id}>
            <dt className="font-medium">
              {t("scorecard.submitted.score", {
                competency: competency.name,
                score: page.values[scoreField(competency.id)] ?? t("scorecard.notAssessed"),
              })}
            </dt>
            <dd className="whitespace-pre-line text-slate-700 dark:text-slate-300">
              {String(page.values[`notes:${competency.id}`] ?? "")}
            </dd>
          </div>
        ))}
      </dl>
      {page.values.summary ? (
        <p className="mt-3 whitespace-pre-line text-sm">{String(page.values.summary)}</p>
      ) : null}
      {page.submitted?.amendments.length ? (
        <section aria-labelledby="amendments" className="mt-4">
          <h3 id="amendments" className="font-semibold">
            {t("scorecard.submitted.amendments")}
          </h3>
          {page.submitted.amendments.map((amendment) => (
            <div key={amendment.id} className="mt-2">
              {amendment.submittedAt ? (
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  {t("scorecard.submitted.amendedAt", { when: f.dateTime(amendment.submittedAt) })}
                </p>
              ) : null}
              <AmendmentChanges diff={amendment.diff} competencyName={page.competencyName} />
            </div>
          ))}
        </section>
      ) : null}
      {!page.lockedReason ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="amend" />
          <Button type="submit" variant="secondary" disabled={busy}>
            {t("scorecard.submitted.correct")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
