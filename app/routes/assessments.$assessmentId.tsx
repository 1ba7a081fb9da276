import { data, redirect, useSearchParams } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { wordsOf } from "~/i18n/messages";
import { languageOf } from "~/i18n/i18n.server";
import { SourceTextsProvider } from "~/components/ladders/source-texts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { PrintButton } from "~/components/ladders/print-button";
import {
  AssessmentEditor,
  type PlainEvidenceReply,
  type PlainRemoveReply,
  type PlainReply,
  type PlainSaveReply,
} from "~/components/assessments/assessment-editor";
import { AssessmentReadView } from "~/components/assessments/assessment-read";
import { PointsStandingText } from "~/components/assessments/points-standing";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { requireUser } from "~/modules/identity/permissions.server";
import { parseWithZod } from "@conform-to/zod/v4";
import type { Route } from "./+types/assessments.$assessmentId";
import {
  evidenceSchema,
  latestEvidenceDate,
  RemoveEvidenceSchema,
} from "~/modules/assessments/assessment-form";
import { readRevision } from "~/modules/assessments/draft";
import { plainFormSave } from "~/modules/assessments/draft-input";
import {
  addEvidence,
  attachRecordedEvidence,
  isAttached,
  removeEvidence,
} from "~/modules/assessments/evidence.server";
import { assessmentSections, resolveSection } from "~/modules/assessments/assessment-sections";
import {
  assessmentPage,
  saveDraft,
  submitAssessment,
} from "~/modules/assessments/assessments.server";
import { InvalidError, NotFoundError } from "~/modules/errors";
import {
  evidenceForSelfAssessment,
  ownEvidenceItem,
  type RecordedItem,
} from "~/modules/conversations/evidence.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";
import * as clock from "~/platform/clock.server";
import { plainHtml } from "~/utils/page-scripts";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => {
  const t = metaT(matches);
  if (!loaderData) return [{ title: t("assessments:page.title") }];
  const { assessment } = loaderData;
  const name = assessment.subject.name;
  return [
    {
      title:
        assessment.kind === "self"
          ? t("assessments:page.selfTitle", { name })
          : t("assessments:page.reviewTitle", { name }),
    },
  ];
};

export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    const page = await assessmentPage(viewer, params.assessmentId ?? "", languageOf(context));
    const sections = assessmentSections(
      page.competencies,
      page.ladder.areas.map((area) => area.id),
    );
    if (!resolveSection(sections, textParam(url.searchParams, "section")))
      throw new NotFoundError({ key: "assessments:page.errors.noSuchSection" });
    // A self-assessment's author is offered what they recorded between cycles, beside each competency.
    const offered =
      page.isAuthor && page.assessment.kind === "self" && page.mode === "edit"
        ? await evidenceForSelfAssessment(viewer.id)
        : new Map<string, RecordedItem[]>();
    const evidenceOn = new Map(
      page.competencies.map((competency) => [competency.id, competency.evidence]),
    );
    const recorded = Object.fromEntries(
      [...offered].map(([competencyId, items]) => [
        competencyId,
        items.map((item) => ({
          ...item,
          attached: isAttached(item, evidenceOn.get(competencyId) ?? []),
        })),
      ]),
    );
    return { ...page, latestDate: latestEvidenceDate(clock.now()), recorded };
  },
);

/** A draft's page works whole as HTML, each section a page, kept by the draft script (decision 169). */
export const handle = plainHtml;

/** The ids of sections and competencies, as the page's forms name them. */
const slug = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * Submitting (from the page's script, or its plain form), and, for use without JavaScript,
 * saving one section (`intent=save`) and adding or removing evidence (`intent=add-evidence`,
 * `intent=remove-evidence`); and attaching evidence recorded between cycles (`intent=attach-evidence`,
 * with or without JavaScript): each comes
 * back to the section it was sent from, or answers with the errors and what was typed.
 */
export const action = withDomainErrors(async ({ request, url, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const assessmentId = params.assessmentId ?? "";
  const formData = await formOf(request);
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : null;
  };
  const sectionText = text("section") ?? url.searchParams.get("section") ?? "";
  const section = slug.test(sectionText) ? sectionText : null;
  /** The draft's page again, at its section, with `more` in its address. */
  const back = (more: Record<string, string> = {}, hash = "") => {
    const search = new URLSearchParams({ ...(section ? { section } : {}), ...more }).toString();
    return `/assessments/${assessmentId}${search ? `?${search}` : ""}${hash ? `#${hash}` : ""}`;
  };
  const intent = formData.get("intent");

  if (intent === "save") {
    const input = plainFormSave(text, text("base"), text("baseRevision"));
    if (!input) {
      return data(
        {
          intent: "save",
          ok: false,
          kind: "invalid",
          message: "assessments:page.errors.saveNotUnderstood",
          typed: {},
        } satisfies PlainSaveReply,
        { status: 400 },
      );
    }
    const outcome = await saveDraft(viewer, assessmentId, input);
    // Saved on the way to a competency's form for adding evidence (the button under it): the page
    // comes back with that form open.
    const opening = text("evidence");
    if (outcome.body.ok && opening && slug.test(opening))
      throw redirect(back({ saved: "1", evidence: opening }, opening));
    if (outcome.body.ok) throw redirect(back({ saved: "1" }));
    const typed = Object.fromEntries(input.changes.map((change) => [change.field, change.value]));
    return data({ intent: "save", ...outcome.body, typed } satisfies PlainSaveReply, {
      status: outcome.status,
    });
  }

  if (intent === "add-evidence") {
    const competencyId = text("competencyId") ?? "";
    const submission = parseWithZod(formData, { schema: evidenceSchema(clock.now()) });
    if (submission.status !== "success") {
      return data(
        {
          intent: "add-evidence",
          ok: false,
          competencyId,
          message: "assessments:page.errors.checkEvidence",
          result: submission.reply(),
        } satisfies PlainEvidenceReply,
        { status: 400 },
      );
    }
    const outcome = await addEvidence(viewer, assessmentId, submission.value);
    // The form stays open for the next piece of evidence, focus in it (a fragment would stop that).
    if (outcome.body.ok)
      throw redirect(back(slug.test(competencyId) ? { evidence: competencyId } : {}));
    const result =
      outcome.body.kind === "invalid"
        ? submission.reply({ fieldErrors: outcome.body.fieldErrors })
        : submission.reply({ formErrors: [outcome.body.message] });
    return data(
      {
        intent: "add-evidence",
        ok: false,
        competencyId,
        message: outcome.body.message,
        result,
      } satisfies PlainEvidenceReply,
      { status: outcome.status },
    );
  }

  if (intent === "remove-evidence") {
    const parsed = RemoveEvidenceSchema.safeParse({ evidenceId: formData.get("evidenceId") });
    if (!parsed.success)
      return data(
        {
          intent: "remove-evidence",
          ok: false,
          message: "assessments:page.errors.chooseEvidence",
        } satisfies PlainRemoveReply,
        { status: 400 },
      );
    const outcome = await removeEvidence(viewer, assessmentId, parsed.data.evidenceId);
    if (outcome.body.ok) throw redirect(back());
    return data(
      {
        intent: "remove-evidence",
        ok: false,
        message: outcome.body.message,
      } satisfies PlainRemoveReply,
      { status: outcome.status },
    );
  }

  if (intent === "attach-evidence") {
    const item = await ownEvidenceItem(viewer, text("evidenceId") ?? "");
    const outcome = await attachRecordedEvidence(viewer, assessmentId, item);
    if (outcome.body.ok) throw redirect(back({}, item.competencyId));
    return data(
      {
        intent: "attach-evidence",
        ok: false,
        message: outcome.body.message,
      } satisfies PlainRemoveReply,
      { status: outcome.status },
    );
  }

  if (intent !== "submit") throw new InvalidError({ key: "assessments:page.errors.unknownAction" });
  const revision = readRevision(formData.get("revision"));
  if (revision === null) {
    return data(
      {
        intent: "submit" as const,
        ok: false as const,
        kind: "invalid",
        message: "assessments:page.errors.submitNotUnderstood",
      },
      { status: 400 },
    );
  }
  const outcome = await submitAssessment(viewer, assessmentId, revision);
  if (outcome.body.ok) throw redirect(`/assessments/${assessmentId}`);
  return data({ intent: "submit" as const, ...outcome.body }, { status: outcome.status });
});

export default function AssessmentPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const page = loaderData;
  const { assessment, ladder, isAuthor, mode, lockedReason, latestDate, points, recorded } = page;
  const [searchParams] = useSearchParams();
  const submitted = assessment.status === "submitted";
  const plainReply =
    actionData &&
    (actionData.intent === "save" ||
      actionData.intent === "add-evidence" ||
      actionData.intent === "remove-evidence" ||
      actionData.intent === "attach-evidence")
      ? (actionData as PlainReply)
      : null;

  const name = assessment.subject.name;
  const title =
    assessment.kind === "self"
      ? isAuthor
        ? t("page.yourSelfAssessment")
        : t("page.selfAssessmentOf", { name })
      : t("page.reviewOf", { name });
  const where = { level: ladder.level.title, track: ladder.track.name };
  return (
    <SourceTextsProvider texts={page}>
      <BackLink to="/reviews">{t("page.back")}</BackLink>
      <PageHeader
        title={title}
        description={
          assessment.kind === "manager"
            ? t("page.descriptionReview", { ...where, author: assessment.author.name })
            : t("page.descriptionSelf", where)
        }
        actions={mode === "read" ? <PrintButton /> : null}
      />
      <dl className="mb-6 flex flex-wrap gap-x-8 gap-y-2 text-sm">
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t("page.cycle")}</dt>
          <dd>{assessment.cycle?.name ?? t("page.outsideCycle")}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t("page.status")}</dt>
          <dd>
            {submitted && assessment.submittedAt
              ? t("page.submittedOn", { date: f.day(assessment.submittedAt) })
              : t("page.draft")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">{t("page.ladder")}</dt>
          <dd>
            {ladder.ladderName} {ladder.ladderVersion}
          </dd>
        </div>
        {assessment.kind === "manager" ? (
          <div>
            <dt className="text-slate-500 dark:text-slate-400">{t("page.person")}</dt>
            <dd>{assessment.subject.name}</dd>
          </div>
        ) : null}
        {/* While editing, the editor shows the points as the ratings are chosen. */}
        {points && mode === "read" ? (
          <div>
            <dt className="text-slate-500 dark:text-slate-400">{t("page.points")}</dt>
            <dd>
              <PointsStandingText standing={points} />
            </dd>
          </div>
        ) : null}
      </dl>
      {lockedReason ? <Alert tone="warning">{wordsOf(t, lockedReason)}</Alert> : null}
      {page.mode === "edit" ? (
        <AssessmentEditor
          // Each address is a page of its own (a section, a form opened): its fields are bound afresh.
          key={`${assessment.id}?${searchParams.toString()}`}
          assessment={assessment}
          ladder={ladder}
          competencies={page.competencies}
          values={
            plainReply?.intent === "save" ? { ...page.values, ...plainReply.typed } : page.values
          }
          latestDate={latestDate}
          sectionParam={searchParams.get("section")}
          evidenceParam={searchParams.get("evidence")}
          checkRatings={searchParams.get("check") === "1"}
          submitReply={
            actionData && actionData.intent === "submit" && !actionData.ok ? actionData : null
          }
          plainReply={plainReply}
          saved={searchParams.get("saved") === "1"}
          recorded={recorded}
        />
      ) : (
        <AssessmentReadView
          ladder={ladder}
          competencies={page.competencies}
          summary={assessment.summary}
        />
      )}
    </SourceTextsProvider>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
