import { Form, Link, data, redirect, useNavigation, useSearchParams } from "react-router";
import type { Route } from "./+types/hiring.interviews.$interviewId._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AmendmentChanges } from "~/components/hiring/amendment-diff";
import { formatInstant, linkClass } from "~/components/hiring/hiring-parts";
import { KitView } from "~/components/hiring/kit-view";
import { ScorecardForm } from "~/components/hiring/scorecard-form";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { readRevision } from "~/modules/assessments/draft";
import { InvalidError } from "~/modules/errors";
import { RECOMMENDATION_LABELS, type Recommendation } from "~/modules/hiring/scorecard";
import { plainScorecardSave, recommendationField, scoreField } from "~/modules/hiring/scorecard-draft";
import { discardAmendment, interviewPage, saveScorecardDraft, startAmendment, submitScorecard } from "~/modules/hiring/scorecards.server";
import { withDomainErrors } from "~/utils/http.server";
import { useTimeZone } from "~/utils/time-zone";

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `Scorecard: ${loaderData?.candidate ?? "candidate"} · Rungs` }];

export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return { ...(await interviewPage(viewer, params.interviewId ?? "")), authorId: viewer.id };
});

/**
 * Saving a draft without JavaScript (`intent=save`, the form's fields with the values it was
 * rendered with), submitting (`intent=submit`: with the form's fields it saves them first; from
 * autosave only the revision the interviewer saw), starting and discarding an amendment.
 */
export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const interviewId = params.interviewId ?? "";
  const formData = await request.formData();
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
  if (intent !== "save" && intent !== "submit") throw new InvalidError("Unknown action.");
  let revision = readRevision(read("revision"));
  if (read("base") !== null) {
    const page = await interviewPage(viewer, interviewId);
    const input = plainScorecardSave(read, read("base"), read("baseRevision"), page.competencyIds);
    if (!input) return data({ intent, ok: false as const, message: "That save was not understood; nothing was saved.", fieldErrors: {} as Record<string, string[]> }, { status: 400 });
    if (input.changes.length) {
      const saved = await saveScorecardDraft(viewer, interviewId, input);
      if (!saved.body.ok) return data({ intent, ok: false as const, message: saved.body.message, fieldErrors: "fieldErrors" in saved.body ? saved.body.fieldErrors : {} }, { status: saved.status });
      revision = saved.body.revision;
    } else revision = input.baseRevision;
    if (intent === "save") throw redirect(`${here}?saved=1`);
  }
  if (revision === null) return data({ intent, ok: false as const, message: "That submission was not understood; nothing was submitted.", fieldErrors: {} as Record<string, string[]> }, { status: 400 });
  const outcome = await submitScorecard(viewer, interviewId, revision);
  if (outcome.body.ok) {
    const page = await interviewPage(viewer, interviewId);
    throw redirect(`/hiring/loops/${page.loop.id}`);
  }
  return data({ intent, ok: false as const, message: outcome.body.message, fieldErrors: {} as Record<string, string[]> }, { status: outcome.status });
});

export default function InterviewPage({ loaderData, actionData }: Route.ComponentProps) {
  const page = loaderData;
  const timeZone = useTimeZone();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const busy = navigation.state === "submitting";
  const competencies = page.competencyIds.map((id) => {
    const kit = page.kit?.competencies.find((competency) => competency.competencyId === id);
    return { id, name: page.competencyName[id] ?? id, anchors: kit?.anchors ?? page.scale.map((point) => ({ value: point.value, label: point.label, meaning: point.meaning, source: "scale" as const })) };
  });
  const writing = (page.mode === "draft" || page.mode === "amending") && !page.lockedReason;
  return (
    <>
      <BackLink to={`/hiring/loops/${page.loop.id}`}>{page.candidate}</BackLink>
      <PageHeader
        title={`${page.stage.name}: ${page.candidate}`}
        description={`${page.opening.title}, ${page.opening.level}. ${page.interview.scheduledAt ? `Interview on ${formatInstant(page.interview.scheduledAt, timeZone)}.` : ""} You see nobody else's scorecard of this candidate until yours is submitted.`}
        actions={
          <Link to={`/hiring/openings/${page.opening.id}/stages/${page.stage.id}/kit`} className={linkClass}>
            Printable kit
          </Link>
        }
      />
      {searchParams.get("saved") === "1" && !actionData ? <Alert tone="success">Draft saved.</Alert> : null}
      {actionData && !actionData.ok ? <Alert tone="error">{actionData.message}</Alert> : null}
      {page.lockedReason ? <Alert tone="warning">{page.lockedReason}</Alert> : null}
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          {page.mode === "amending" ? (
            <Alert tone="info" title="Correcting your submitted card">
              <p>The correction is recorded as an amendment linked to your card; everyone who can read the card sees what changed.</p>
              {page.pendingDiff ? <AmendmentChanges diff={page.pendingDiff} competencyName={page.competencyName} /> : null}
              <Form method="post" className="mt-2">
                <input type="hidden" name="intent" value="discard" />
                <Button type="submit" variant="secondary" disabled={busy}>
                  Discard the correction
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
              Interview kit
            </h2>
            <KitView kit={page.kit} headingLevel={3} />
          </aside>
        ) : null}
      </div>
    </>
  );
}

function SubmittedCard({ page, competencies, busy }: { page: Route.ComponentProps["loaderData"]; competencies: { id: string; name: string }[]; busy: boolean }) {
  const recommendation = page.values[recommendationField];
  const timeZone = useTimeZone();
  return (
    <Card>
      <h2 className="text-lg font-semibold">Your scorecard</h2>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Submitted {formatInstant(page.submitted?.submittedAt ?? null, timeZone)}. Recommends <strong>{recommendation ? RECOMMENDATION_LABELS[recommendation as Recommendation] : "–"}</strong>.
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        {competencies.map((competency) => (
          <div key={competency.id}>
            <dt className="font-medium">
              {competency.name}: {page.values[scoreField(competency.id)] ?? "not assessed"}
            </dt>
            <dd className="whitespace-pre-line text-slate-700 dark:text-slate-300">{String(page.values[`notes:${competency.id}`] ?? "")}</dd>
          </div>
        ))}
      </dl>
      {page.values.summary ? <p className="mt-3 whitespace-pre-line text-sm">{String(page.values.summary)}</p> : null}
      {page.submitted?.amendments.length ? (
        <section aria-labelledby="amendments" className="mt-4">
          <h3 id="amendments" className="font-semibold">
            Amendments
          </h3>
          {page.submitted.amendments.map((amendment) => (
            <div key={amendment.id} className="mt-2">
              <p className="text-sm text-slate-600 dark:text-slate-300">{formatInstant(amendment.submittedAt, timeZone)}:</p>
              <AmendmentChanges diff={amendment.diff} competencyName={page.competencyName} />
            </div>
          ))}
        </section>
      ) : null}
      {!page.lockedReason ? (
        <Form method="post" className="mt-4">
          <input type="hidden" name="intent" value="amend" />
          <Button type="submit" variant="secondary" disabled={busy}>
            Correct this card
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
