import { Form } from "react-router";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf, type Message } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { ExpectationList } from "~/components/ladders/expectations";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { DraftScript, DraftStatus, useKeptDraft } from "~/components/ui/kept-draft";
import type { SubmissionResult } from "@conform-to/react";
import { ErrorList, TextareaField } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/page";
import { draftStorageKey } from "~/modules/assessments/autosave";
import {
  assessmentSections,
  neighbours,
  ratedCounts,
  resolveSection,
  sectionHref,
  sectionOfCompetency,
  SUMMARY_FIELD_ID,
  type AssessmentSection,
} from "~/modules/assessments/assessment-sections";
import type { EditedCompetency, LadderContext } from "~/modules/assessments/assessment-view";
import {
  markField,
  missingRatings,
  NEXT_LEVEL_MARK_KEYS,
  NEXT_LEVEL_MARKS,
  notesField,
  ratingField,
  summaryField,
  type DraftValues,
  valueOf,
} from "~/modules/assessments/draft";
import type { DraftProgress } from "~/modules/assessments/draft-progress";
import { AssessmentEvidenceEditor } from "./assessment-evidence";
import { RichText } from "~/components/ui/rich-text";
import { largest } from "~/utils/extremes";
import { bandOf, describeStanding, pointsOf, titlesOf } from "~/modules/ladders/points";

export type SubmitReply = {
  ok: false;
  kind: string;
  message: string | Message;
  fieldErrors?: Record<string, string[]>;
};
/** A section saved by its plain form (without JavaScript) that did not go through, with what was typed. */
export type PlainSaveReply = {
  intent: "save";
  ok: false;
  kind: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
  typed: DraftValues;
};
/** Evidence added through the plain form that did not go through, with what was typed. */
export type PlainEvidenceReply = {
  intent: "add-evidence";
  ok: false;
  competencyId: string;
  message: string;
  result: SubmissionResult<string[]>;
};
/** Evidence removed through the plain form that could not be removed. */
export type PlainRemoveReply = {
  intent: "remove-evidence" | "attach-evidence";
  ok: false;
  message: string;
};
export type PlainReply = PlainSaveReply | PlainEvidenceReply | PlainRemoveReply;

export type RecordedEvidence = {
  id: string;
  text: string;
  url: string | null;
  occurredOn: Date | string;
  attached: boolean;
};

type Section = AssessmentSection<EditedCompetency>;

/** A section's name: an area's from the ladder, the last step's from the messages. */
function useSectionName() {
  const { t } = useTranslation("assessments");
  return (section: Section) =>
    section.kind === "summary" ? t("editor.summarySection") : section.name;
}

/** Words for each figure from 0 to `most`, for the script to show as the figure changes (decision 169). */
function wordsUpTo(most: number, words: (figure: number) => string): string {
  return JSON.stringify(Array.from({ length: most + 1 }, (_, figure) => words(figure)));
}

function CompetencyEditor({
  competency,
  ladder,
  values,
  ratingErrors,
  formId,
  evidenceReply,
  plainEvidenceOpen,
  recorded,
  latestDate,
}: {
  competency: EditedCompetency;
  ladder: LadderContext;
  values: DraftValues;
  ratingErrors: readonly string[] | undefined;
  /** The section's form (see PlainSectionForm): every field names it, so the page also saves without JavaScript. */
  formId: string;
  /** What the plain evidence form sent back when adding evidence failed. */
  evidenceReply: PlainEvidenceReply | null;
  /** Whether its evidence form was asked for (`?evidence=`, the button that saves the section first). */
  plainEvidenceOpen: boolean;
  /** Evidence the person recorded between cycles for this competency (career conversations), offered beside it. */
  recorded?: readonly RecordedEvidence[];
  latestDate: string;
}) {
  const { t } = useTranslation("assessments");
  const f = useFormats();
  const id = competency.id;
  const ratingErrorId = ratingErrors?.length ? `${id}-rating-error` : undefined;
  const rating = valueOf(values, ratingField(id));
  const rated = rating !== null;
  return (
    // Focusable so that a link to it (from the list of missing ratings) can move focus here.
    <section id={id} aria-labelledby={`${id}-name`} tabIndex={-1} className="scroll-mt-20">
      <Card>
        <fieldset>
          <legend id={`${id}-name`}>
            {/* A heading too, so the expectations and evidence below sit one level under it. */}
            <h3 className="text-lg font-semibold">{competency.name}</h3>
          </legend>
          <RichText text={competency.description} className="subtle mt-1 text-sm" />

          <div className="mt-4">
            <h4 className="mb-2 text-sm font-semibold">
              {t("editor.expectedAt", { level: ladder.level.title })}
            </h4>
            <ExpectationList expectations={competency.expectations} compact />
          </div>
          <fieldset
            className="mt-4"
            aria-describedby={ratingErrorId}
            aria-invalid={ratingErrorId ? true : undefined}
          >
            <legend className="text-sm font-semibold">
              {t("editor.ratingFor", { competency: competency.name })}
              {competency.evidence.length === 0 ? (
                <span
                  data-rated-only={id}
                  hidden={!rated}
                  className="ms-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
                >
                  {t("editor.noEvidenceBadge")}
                </span>
              ) : null}
            </legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
              {ladder.scale.map((point) => {
                const inputId = `${id}-rating-${point.value}`;
                return (
                  <div key={point.value} className="choice">
                    <label htmlFor={inputId} className="choice-label">
                      <input
                        id={inputId}
                        type="radio"
                        name={`rating-${id}`}
                        form={formId}
                        value={point.value}
                        defaultChecked={rating === point.value}
                        aria-describedby={`${inputId}-meaning`}
                      />
                      {point.label}
                    </label>
                    <p id={`${inputId}-meaning`} className="choice-meaning">
                      {point.meaning}
                    </p>
                  </div>
                );
              })}
            </div>
            <Button
              variant="ghost"
              className="no-print mt-1 px-2 py-1 text-xs"
              aria-label={t("editor.clearRatingFor", { competency: competency.name })}
              data-clear-rating={id}
              data-rated-only={id}
              hidden={!rated}
            >
              {t("editor.clearRating")}
            </Button>
            {/* Hidden once a rating is chosen: what it says is missing no longer is. */}
            <div data-unrated-only={id}>
              <ErrorList id={ratingErrorId} errors={ratingErrors} />
            </div>
          </fieldset>
          <div className="mt-5">
            <h4 className="mb-2 text-sm font-semibold">
              {ladder.nextLevel
                ? t("editor.expectedAt", { level: ladder.nextLevel.title })
                : t("editor.nextLevel")}
            </h4>
            {ladder.nextLevel ? (
              competency.nextExpectations.length ? (
                <ul className="space-y-2">
                  {competency.nextExpectations.map((expectation, index) => {
                    const field = markField(id, index);
                    const selectId = `${id}-mark-${index}`;
                    return (
                      <li key={field} className="next-mark">
                        <div className="next-mark-row">
                          <div id={`${selectId}-text`} className="min-w-0 flex-1">
                            <RichText text={expectation.text} inline />
                          </div>
                          <div className="shrink-0">
                            <label htmlFor={selectId} className="subtle mb-0.5 block text-xs">
                              {t("editor.howFarMet")}
                            </label>
                            <select
                              id={selectId}
                              name={field}
                              form={formId}
                              aria-describedby={`${selectId}-text`}
                              className="mark-select"
                              defaultValue={String(valueOf(values, field) ?? "")}
                            >
                              <option value="">{t("marks.none")}</option>
                              {NEXT_LEVEL_MARKS.map((mark) => (
                                <option key={mark} value={mark}>
                                  {t(NEXT_LEVEL_MARK_KEYS[mark])}
                                </option>
                              ))}
                            </select>
                          </div>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="text-sm text-slate-500 dark:text-slate-400">
                  {t("editor.nothingListed")}
                </p>
              )
            ) : (
              <p className="text-sm text-slate-500 dark:text-slate-400">
                {t("editor.topOfTrack", { level: ladder.level.title, track: ladder.track.name })}
              </p>
            )}
          </div>

          <TextareaField
            className="mt-4"
            id={`${id}-notes`}
            name={notesField(id)}
            form={formId}
            label={t("editor.notesOn", { competency: competency.name })}
            rows={4}
            defaultValue={String(valueOf(values, notesField(id)) ?? "")}
          />
        </fieldset>

        {recorded?.length ? (
          <div className="mt-4">
            <h4 className="mb-1 text-sm font-semibold">{t("editor.recordedSince")}</h4>
            <ul className="space-y-1 text-sm">
              {recorded.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2">
                  <span>
                    {t("editor.recordedItem", { date: f.day(item.occurredOn), text: item.text })}
                    {item.url ? (
                      <>
                        {" "}
                        <a href={item.url} className="underline" rel="noreferrer noopener">
                          {t("editor.link")}
                        </a>
                      </>
                    ) : null}
                  </span>
                  {item.attached ? (
                    <span className="text-xs text-emerald-700 dark:text-emerald-300">
                      {t("editor.attached")}
                    </span>
                  ) : (
                    // The page comes back with the evidence on the rating, as typed evidence would.
                    <Form method="post" className="no-print">
                      <input type="hidden" name="intent" value="attach-evidence" />
                      <input type="hidden" name="evidenceId" value={item.id} />
                      <Button
                        type="submit"
                        variant="ghost"
                        className="px-2 py-1 text-xs"
                        aria-label={t("editor.attachLabel", { text: item.text.slice(0, 60) })}
                      >
                        {t("editor.attach")}
                      </Button>
                    </Form>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-4">
          <AssessmentEvidenceEditor
            competencyId={id}
            competencyName={competency.name}
            evidence={competency.evidence}
            latestDate={latestDate}
            reply={evidenceReply}
            open={plainEvidenceOpen}
            sectionFormId={formId}
          />
        </div>
      </Card>
    </section>
  );
}

const sectionHeadingId = (sectionId: string) => `section-${sectionId}-heading`;

/** Every section with how much of it is rated; the current one marked as the step the person is on. */
function SectionNav({
  sections,
  currentId,
  values,
}: {
  sections: readonly Section[];
  currentId: string | null;
  values: DraftValues;
}) {
  const { t } = useTranslation("assessments");
  const sectionName = useSectionName();
  const counts = ratedCounts(sections, (id) => valueOf(values, ratingField(id)) !== null);
  return (
    <nav aria-label={t("editor.sections")} className="no-print">
      <ol className="flex flex-wrap gap-2">
        {sections.map((section) => {
          const count = counts[section.id];
          return (
            <li key={section.id}>
              <a
                href={sectionHref(section.id)}
                data-draft-save-first=""
                aria-current={section.id === currentId ? "step" : undefined}
                className="step"
              >
                {sectionName(section)}
                {count ? (
                  <span className="block text-xs font-normal">
                    <span className="sr-only">, </span>
                    {/* Green once every competency of the section is rated, followed as ratings are chosen. */}
                    <span
                      className="text-slate-600 data-complete:text-emerald-700 dark:text-slate-400 dark:data-complete:text-emerald-300"
                      data-complete={count.rated === count.total ? "" : undefined}
                      data-section-rated={section.id}
                      data-words={wordsUpTo(count.total, (rated) =>
                        t("editor.sectionRated", { rated, total: count.total }),
                      )}
                    >
                      {t("editor.sectionRated", count)}
                    </span>
                  </span>
                ) : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

/** "Previous" and "Next" at the bottom of a section. */
function SectionPager({
  sections,
  currentId,
}: {
  sections: readonly Section[];
  currentId: string;
}) {
  const { t } = useTranslation("assessments");
  const sectionName = useSectionName();
  const { previous, next } = neighbours(sections, currentId);
  const linkClass =
    "rounded-md px-3 py-2 text-sm font-medium text-brand-600 hover:underline dark:text-brand-100";
  return (
    <nav aria-label={t("editor.pager")} className="no-print flex flex-wrap justify-between gap-3">
      {previous ? (
        <a
          href={sectionHref(previous.id)}
          data-draft-save-first=""
          rel="prev"
          className={linkClass}
        >
          {t("editor.previous", { section: sectionName(previous) })}
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a href={sectionHref(next.id)} data-draft-save-first="" rel="next" className={linkClass}>
          {t("editor.next", { section: sectionName(next) })}
        </a>
      ) : null}
    </nav>
  );
}

/**
 * The author's draft, one area of the ladder at a time (`?section=`), then the summary and submit
 * step, each a page of its own (decision 169): kept as it is typed by the draft script, with a
 * visible saved state. A link to another section goes once what is typed is saved; the counts, the
 * points and the conflicts with another tab follow the ratings of every section as they are chosen,
 * in the words the server rendered for each figure (`followRatings`). Its links are plain: each
 * address is a document of its own, which a router's link would only cost rendering.
 */
export function AssessmentEditor({
  assessment,
  ladder,
  competencies,
  values,
  latestDate,
  sectionParam,
  evidenceParam = null,
  checkRatings = false,
  submitReply,
  plainReply = null,
  saved = false,
  recorded = {},
}: {
  assessment: {
    id: string;
    kind: "self" | "manager";
    author: { id: string };
    subject: { name: string };
    revision: number;
  };
  ladder: LadderContext;
  competencies: EditedCompetency[];
  values: DraftValues;
  latestDate: string;
  /** The `section` search parameter: the section shown, the first when null or empty. */
  sectionParam: string | null;
  /** The `evidence` search parameter: the competency whose form for adding evidence is open. */
  evidenceParam?: string | null;
  /** `?check=1`, from the list of missing ratings: each unrated competency of the section says so. */
  checkRatings?: boolean;
  submitReply: SubmitReply | null;
  /** What the page's own forms sent back when they did not go through. */
  plainReply?: PlainReply | null;
  /** The plain form just saved this section (`?saved=1`). */
  saved?: boolean;
  /** Evidence recorded between cycles, by competency, offered beside each (a self-assessment's author only). */
  recorded?: Readonly<Record<string, readonly RecordedEvidence[]>>;
}) {
  const { t } = useTranslation("assessments");
  const { t: tLadders } = useTranslation("ladders");
  const sectionName = useSectionName();
  const sections = assessmentSections(
    competencies,
    ladder.areas.map((area) => area.id),
  );
  const current = resolveSection(sections, sectionParam);
  // Every field, as the server holds it: what the draft script keeps (decision 167).
  const everyField = Object.fromEntries(
    [summaryField, ...competencies.flatMap(competencyFields)].map((field) => [
      field,
      valueOf(values, field),
    ]),
  );
  const draft = useKeptDraft<HTMLDivElement>({
    saveUrl: `/assessments/${assessment.id}/save`,
    storageKey: draftStorageKey(assessment.id, assessment.author.id),
    revision: assessment.revision,
    values: everyField,
  });
  const rating = (competencyId: string) => valueOf(values, ratingField(competencyId));
  const unrated = competencies.filter((competency) => rating(competency.id) === null);
  const points = ladder.points;
  const progress: DraftProgress = {
    sections: Object.fromEntries(
      competencies.map((competency) => [
        competency.id,
        sectionOfCompetency(sections, competency.id)!.id,
      ]),
    ),
    points: points
      ? Object.fromEntries(points.perRating.map((point) => [point.value, point.points]))
      : null,
  };
  const standingWords = (total: number) =>
    points
      ? wordsOf(
          tLadders,
          describeStanding({
            total,
            rated: 0,
            band: bandOf(points, total),
            titles: titlesOf(points, total),
          }),
        )
      : "";
  const total = points
    ? competencies.reduce((sum, competency) => {
        const value = rating(competency.id);
        return typeof value === "number" ? sum + pointsOf(points, value) : sum;
      }, 0)
    : 0;
  const mostPoints = points
    ? competencies.length *
      largest(
        points.perRating.map((point) => point.points),
        0,
      )
    : 0;

  // Where each field of another section is, for the list of those another tab also changed: the
  // link to it, its name and its section's (decision 169).
  const places: Record<string, [string, string, string]> = {};
  for (const section of sections) {
    if (section.id === current?.id) continue;
    if (section.kind === "area")
      for (const competency of section.competencies)
        places[competency.id] = [
          sectionHref(section.id, competency.id),
          competency.name,
          sectionName(section),
        ];
    else
      places[SUMMARY_FIELD_ID] = [
        sectionHref(section.id, SUMMARY_FIELD_ID),
        t("editor.summaryLabel"),
        sectionName(section),
      ];
  }

  const submitErrors = submitReply?.fieldErrors ?? {};
  const stillMissing = unrated.filter((competency) => submitErrors[ratingField(competency.id)]);
  const plainErrors = plainReply?.intent === "save" ? (plainReply.fieldErrors ?? {}) : {};
  const submitLabel =
    assessment.kind === "self" ? t("editor.submitSelf") : t("editor.submitReview");
  // The reason is the save's answer, put in its place by the draft script.
  const [lockedBefore, lockedAfter] = t("editor.lockedBody", { reason: "\u241F" }).split("\u241F");
  const ratedWords = (rated: number) =>
    rated < competencies.length
      ? t("editor.ratedProgress", { rated, total: competencies.length })
      : t("editor.everyRatedStatus");

  // Come from the list of missing ratings: the section's still say so, as the refusal did.
  const checked =
    checkRatings && current?.kind === "area" ? missingRatings(values, current.competencies) : {};
  const renderCompetency = (competency: EditedCompetency, formId: string) => {
    const ratingKey = ratingField(competency.id);
    const unratedHere = rating(competency.id) === null;
    return (
      <CompetencyEditor
        key={competency.id}
        competency={competency}
        ladder={ladder}
        values={values}
        ratingErrors={
          plainErrors[ratingKey] ??
          (unratedHere ? (submitErrors[ratingKey] ?? checked[ratingKey]) : undefined)
        }
        formId={formId}
        evidenceReply={
          plainReply?.intent === "add-evidence" && plainReply.competencyId === competency.id
            ? plainReply
            : null
        }
        plainEvidenceOpen={evidenceParam === competency.id}
        recorded={recorded[competency.id]}
        latestDate={latestDate}
      />
    );
  };

  return (
    <div className="scroll-mt-2 space-y-6" {...draft} data-progress={JSON.stringify(progress)}>
      <div className="no-print sticky top-0 z-10 -mx-2 flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-white/95 px-3 py-2 shadow-sm backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <DraftStatus />
        <p
          className="text-sm text-slate-600 dark:text-slate-300"
          data-rated=""
          data-words={wordsUpTo(competencies.length, ratedWords)}
        >
          {ratedWords(competencies.length - unrated.length)}
        </p>
      </div>

      <SectionNav sections={sections} currentId={current?.id ?? null} values={values} />
      {points ? (
        <p role="status" className="mb-4 text-sm text-slate-700 dark:text-slate-300">
          <span className="text-slate-500 dark:text-slate-400">{t("editor.pointsLabel")}</span>{" "}
          <span data-standing="" data-words={wordsUpTo(mostPoints, standingWords)}>
            {standingWords(total)}
          </span>
        </p>
      ) : null}

      <div data-draft-restored="" hidden>
        <Alert tone="info">{t("editor.restoredAny")}</Alert>
      </div>
      <div data-draft-locked="" hidden>
        <Alert tone="error" title={t("editor.lockedTitle")}>
          {lockedBefore}
          <span data-reason="" />
          {lockedAfter}
        </Alert>
      </div>
      <div data-conflicts="" hidden>
        <Alert tone="warning" title={t("editor.conflictTitle")}>
          {t("editor.conflictsAny")}
          <ul className="mt-2 list-disc ps-5" data-conflict-places={JSON.stringify(places)} />
          <template data-conflict-place="">
            <li>
              <a data-draft-save-first="" className="underline" />{" "}
              <span data-words={t("editor.conflictIn", { section: "{section}" })} />
            </li>
          </template>
        </Alert>
      </div>
      {/* Copied beside a field by the draft script: another tab's value of it, its errors. */}
      <template data-draft-conflict="">
        <div
          role="status"
          className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">{t("editor.conflictTitle")}</p>
          <p className="mt-1">{t("editor.conflictTheirs")}</p>
          <blockquote
            className="mt-1 whitespace-pre-wrap border-s-2 border-amber-400 ps-2"
            data-theirs=""
            data-none={t("editor.empty")}
            data-labels={JSON.stringify({
              rating: Object.fromEntries(ladder.scale.map((point) => [point.value, point.label])),
              mark: Object.fromEntries(
                NEXT_LEVEL_MARKS.map((mark) => [mark, t(NEXT_LEVEL_MARK_KEYS[mark])]),
              ),
            })}
          />
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" className="px-2 py-1 text-xs" data-take="theirs">
              {t("editor.useTheirs")}
            </Button>
            <Button variant="ghost" className="px-2 py-1 text-xs" data-take="mine">
              {t("editor.keepMine")}
            </Button>
          </div>
        </div>
      </template>
      <template data-draft-errors="">
        <p className="mt-1 text-sm text-red-700 dark:text-red-400" />
      </template>

      <div tabIndex={-1} className="outline-none">
        {submitReply ? (
          <Alert tone="error" title={t("editor.notSubmitted")}>
            <p>{wordsOf(t, submitReply.message)}</p>
            {stillMissing.length ? (
              <ul className="mt-2 list-disc ps-5">
                {stillMissing.map((competency) => {
                  const section = sectionOfCompetency(sections, competency.id)!;
                  return (
                    <li key={competency.id}>
                      <a
                        href={`${sectionHref(section.id)}&check=1#${competency.id}`}
                        data-draft-save-first=""
                        className="underline"
                      >
                        {competency.name}
                      </a>{" "}
                      {t("editor.chooseRating", { section: sectionName(section) })}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      {current === null ? (
        <Alert tone="error" title={t("editor.noSuchSectionTitle")}>
          {t("editor.noSuchSection")}{" "}
          <a href={sectionHref(sections[0]!.id)} className="underline">
            {t("editor.goTo", { section: sectionName(sections[0]!) })}
          </a>
        </Alert>
      ) : null}

      {saved ? <Alert tone="success">{t("editor.saved")}</Alert> : null}
      {plainReply?.intent === "remove-evidence" ? (
        <Alert tone="error">
          {t("editor.notRemoved", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}
      {plainReply?.intent === "attach-evidence" ? (
        <Alert tone="error">
          {t("editor.notAttached", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}
      {plainReply?.intent === "save" ? (
        <Alert tone="error" title={t("editor.notSavedTitle")}>
          {t("editor.notSavedBody", { reason: wordsOf(t, plainReply.message) })}
        </Alert>
      ) : null}

      {current ? (
        <section aria-labelledby={sectionHeadingId(current.id)} className="space-y-6">
          <div>
            <p className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              {t("editor.step", {
                step: sections.indexOf(current) + 1,
                steps: sections.length,
              })}
            </p>
            <h2
              id={sectionHeadingId(current.id)}
              tabIndex={-1}
              className="text-xl font-semibold outline-none"
            >
              {sectionName(current)}
            </h2>
            {current.kind === "area" ? (
              <RichText
                text={ladder.areas.find((area) => area.id === current.id)?.description ?? ""}
                className="mt-1 max-w-3xl text-sm text-slate-600 dark:text-slate-300"
              />
            ) : null}
          </div>
          <PlainSectionForm
            id={sectionFormId(current.id)}
            sectionId={current.id}
            revision={assessment.revision}
            fields={sectionFields(current)}
            values={values}
          />
          {current.kind === "area" ? (
            current.competencies.map((competency) =>
              renderCompetency(competency, sectionFormId(current.id)),
            )
          ) : (
            <>
              <Card>
                <TextareaField
                  id={SUMMARY_FIELD_ID}
                  name={summaryField}
                  form={sectionFormId(current.id)}
                  label={t("editor.summaryLabel")}
                  hint={
                    assessment.kind === "self"
                      ? t("editor.summaryHintSelf")
                      : t("editor.summaryHintReview", { name: assessment.subject.name })
                  }
                  rows={6}
                  defaultValue={String(valueOf(values, summaryField) ?? "")}
                  errors={plainErrors[summaryField]}
                />
              </Card>
              <Card className="no-print">
                <h3 className="text-lg font-semibold">{t("editor.submitHeading")}</h3>
                <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
                  {t("editor.submitLocks", { kind: assessment.kind })}{" "}
                  {unrated.length
                    ? t("editor.stillUnrated", { count: unrated.length })
                    : t("editor.everyRated")}
                </p>
                {/* Sent once every edit is saved, with the revision the author has seen (the draft script). */}
                <Form method="post" className="mt-3" data-draft-submit="">
                  <input type="hidden" name="intent" value="submit" />
                  <input type="hidden" name="revision" value={assessment.revision} />
                  <ConfirmSubmit
                    label={submitLabel}
                    title={
                      assessment.kind === "self"
                        ? t("editor.confirmTitleSelf")
                        : t("editor.confirmTitleReview", { name: assessment.subject.name })
                    }
                    cancelLabel={t("editor.keepEditing")}
                    tickLabel={
                      assessment.kind === "self"
                        ? t("editor.confirmSelf")
                        : t("editor.confirmReview")
                    }
                  >
                    {t("editor.confirmLocks")}{" "}
                    {unrated.length
                      ? t("editor.confirmUnrated", { count: unrated.length })
                      : t("editor.everyRated")}
                  </ConfirmSubmit>
                </Form>
              </Card>
            </>
          )}
          <SaveSectionButton formId={sectionFormId(current.id)} />
          <SectionPager sections={sections} currentId={current.id} />
        </section>
      ) : null}
      <DraftScript />
    </div>
  );
}

/** Saving a section by hand, for a browser without JavaScript (the draft script saves as it is typed). */
function SaveSectionButton({ formId }: { formId: string }) {
  const { t } = useTranslation("assessments");
  return (
    <noscript>
      <Button type="submit" form={formId}>
        {t("editor.saveSection")}
      </Button>
    </noscript>
  );
}

const sectionFormId = (sectionId: string) => `draft-section-${sectionId}`;

/** A competency's draft fields: its rating, notes and next-level marks. */
function competencyFields(competency: EditedCompetency): string[] {
  return [
    ratingField(competency.id),
    notesField(competency.id),
    ...competency.nextExpectations.map((_, index) => markField(competency.id, index)),
  ];
}

/** The draft fields a section shows: its competencies' fields, or the summary. */
function sectionFields(section: Section): string[] {
  if (section.kind !== "area") return [summaryField];
  return section.competencies.flatMap(competencyFields);
}

/**
 * A section's own form, saved by hand without JavaScript: the fields sit where they are and name it
 * (`form=`), so it wraps nothing and nests no other form. It carries the values and revision the
 * page was rendered with, so the server saves only what was changed, merged as autosave merges. With
 * JavaScript it is sent only by the button that saves a section before opening an evidence form.
 */
function PlainSectionForm({
  id,
  sectionId,
  revision,
  fields,
  values,
}: {
  id: string;
  sectionId: string;
  revision: number;
  fields: string[];
  values: DraftValues;
}) {
  const base = Object.fromEntries(fields.map((field) => [field, valueOf(values, field)]));
  return (
    <form id={id} method="post" hidden>
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="section" value={sectionId} />
      <input type="hidden" name="baseRevision" value={revision} />
      <input type="hidden" name="base" value={JSON.stringify(base)} />
    </form>
  );
}
