import { useTranslation } from "~/i18n/use-translation";
import { Form } from "react-router";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { useEffect } from "react";
import { Button } from "~/components/ui/button";
import { ErrorList, inputClass } from "~/components/ui/field";
import { DraftScript, DraftStatus, useKeptDraft } from "~/components/ui/kept-draft";
import { Alert } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { RichText } from "~/components/ui/rich-text";
import type { DraftValues } from "~/modules/assessments/draft";
import type { KitAnchor } from "~/modules/hiring/kit";
import {
  NOT_ASSESSED,
  RECOMMENDATION_KEYS,
  RECOMMENDATIONS,
  scoresWithoutEvidence,
} from "~/modules/hiring/scorecard";
import { noteScoresWithoutEvidence } from "~/modules/hiring/scorecard-fields";
import {
  formBase,
  notesField,
  recommendationField,
  scorecardEntries,
  scorecardStorageKey,
  scoreField,
  summaryField,
} from "~/modules/hiring/scorecard-draft";

type Competency = { id: string; name: string; anchors: readonly KitAnchor[] };

/**
 * The interviewer's scorecard: per competency a score on the ladder's scale (or not assessed) with
 * evidence notes, the recommendation on four points, and a summary. Kept as it is typed by the
 * draft script (decision 167); a plain post saves (Save draft) or submits without it, with what was
 * `typed` in a post the server refused shown over the saved `values`.
 */
export function ScorecardForm({
  interviewId,
  authorId,
  revision,
  values,
  typed,
  competencies,
  amending,
  fieldErrors,
}: {
  interviewId: string;
  authorId: string;
  revision: number;
  values: DraftValues;
  typed: DraftValues;
  competencies: readonly Competency[];
  amending: boolean;
  fieldErrors: Record<string, string[]>;
}) {
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const ids = competencies.map((competency) => competency.id);
  const saved = formBase(values, ids);
  const shown = { ...saved, ...typed };
  const draft = useKeptDraft({
    saveUrl: `/hiring/interviews/${interviewId}/save`,
    storageKey: scorecardStorageKey(interviewId, authorId),
    revision,
    spelling: "scorecard",
  });
  useEffect(() => noteScoresWithoutEvidence(draft.ref.current!), [draft.ref]);
  // Evidence over opinion: a score with no notes is pointed out before submitting, not refused.
  const unevidenced = new Set(
    scoresWithoutEvidence({ entries: scorecardEntries((field) => shown[field] ?? null, ids) }),
  );
  const withoutEvidenceNote = {
    "data-without-evidence": t("scorecard.form.withoutEvidence", {
      competencies: "{competencies}",
    }),
    "data-names": JSON.stringify(
      Object.fromEntries(competencies.map((competency) => [competency.id, competency.name])),
    ),
    hidden: !unevidenced.size,
    children: t("scorecard.form.withoutEvidence", {
      competencies: f.list(
        competencies
          .filter((competency) => unevidenced.has(competency.id))
          .map((competency) => competency.name),
      ),
    }),
  };
  const text = (field: string) => String(shown[field] ?? "");
  return (
    <>
      <Form
        method="post"
        className="space-y-6"
        aria-label={amending ? t("scorecard.form.amendment") : t("scorecard.form.scorecard")}
        {...draft}
      >
        <input type="hidden" name="base" value={JSON.stringify(saved)} />
        <input type="hidden" name="baseRevision" value={String(revision)} />
        <DraftStatus />
        {/* Copied beside a field by the draft script: another tab's value of it, its errors. */}
        <template data-draft-conflict="">
          <div role="status" className="mt-1 flex flex-wrap items-center gap-2 text-xs">
            <span
              data-theirs=""
              data-words={t("scorecard.form.conflict", { theirs: "{theirs}" })}
              data-none={t("scorecard.notAssessed")}
            />
            <button type="button" data-take="mine" className="underline">
              {t("scorecard.form.keepMine")}
            </button>
            <button type="button" data-take="theirs" className="underline">
              {t("scorecard.form.takeTheirs")}
            </button>
          </div>
        </template>
        <template data-draft-errors="">
          <p className="mt-1 text-sm text-red-700 dark:text-red-400" />
        </template>
        {competencies.map((competency) => {
          const field = scoreField(competency.id);
          const current = shown[field] ?? null;
          const errors = fieldErrors[field];
          return (
            <fieldset
              key={competency.id}
              className="rounded-md border border-slate-200 p-4 dark:border-slate-700"
              aria-describedby={errors?.length ? `${field}-error` : undefined}
            >
              <legend className="px-1 font-semibold">{competency.name}</legend>
              <div className="space-y-1">
                {competency.anchors.map((anchor) => (
                  <label key={anchor.value} className="flex items-start gap-2 text-sm">
                    <input
                      type="radio"
                      name={`score-${competency.id}`}
                      value={String(anchor.value)}
                      defaultChecked={current === anchor.value}
                      className="mt-1 size-4"
                    />
                    <span>
                      <span className="font-medium">
                        {anchor.value} {anchor.label}
                      </span>
                      <span className="block text-xs text-slate-600 dark:text-slate-300">
                        <RichText text={anchor.meaning} inline />
                      </span>
                    </span>
                  </label>
                ))}
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name={`score-${competency.id}`}
                    value={NOT_ASSESSED}
                    defaultChecked={current === null}
                    className="size-4"
                  />
                  {t("scorecard.form.notAssessed")}
                </label>
              </div>
              <ErrorList id={`${field}-error`} errors={errors} />
              <label
                htmlFor={`notes-${competency.id}`}
                className="mb-1 mt-3 block text-sm font-medium"
              >
                {t("scorecard.form.evidenceFor", { competency: competency.name })}
              </label>
              <textarea
                dir="auto"
                id={`notes-${competency.id}`}
                name={notesField(competency.id)}
                rows={3}
                className={inputClass}
                defaultValue={text(notesField(competency.id))}
              />
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                {t("scorecard.form.evidenceHint")}
              </p>
              <ErrorList errors={fieldErrors[notesField(competency.id)]} />
            </fieldset>
          );
        })}
        <fieldset className="rounded-md border border-slate-200 p-4 dark:border-slate-700">
          <legend className="px-1 font-semibold">{t("scorecard.form.recommendation")}</legend>
          <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">
            {t("scorecard.form.recommendationHint")}
          </p>
          <div className="flex flex-wrap gap-4">
            {RECOMMENDATIONS.map((recommendation) => (
              <label key={recommendation} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={recommendationField}
                  value={recommendation}
                  defaultChecked={shown[recommendationField] === recommendation}
                  className="size-4"
                />
                {t(RECOMMENDATION_KEYS[recommendation])}
              </label>
            ))}
          </div>
          <ErrorList errors={fieldErrors[recommendationField]} />
        </fieldset>
        <div>
          <label htmlFor="scorecard-summary" className="mb-1 block text-sm font-medium">
            {t("scorecard.form.summary")}
          </label>
          <textarea
            dir="auto"
            id="scorecard-summary"
            name={summaryField}
            rows={4}
            className={inputClass}
            defaultValue={text(summaryField)}
          />
          <ErrorList errors={fieldErrors[summaryField]} />
        </div>
        <p className="text-sm text-amber-800 dark:text-amber-300" {...withoutEvidenceNote} />
        <div data-draft-locked="" hidden>
          <Alert tone="error">
            <span data-reason="" />
          </Alert>
        </div>
        <div className="flex flex-wrap gap-3">
          {/* A draft is saved without the tick box that submitting asks for without JavaScript. */}
          <Button type="submit" name="intent" value="save" variant="secondary" formNoValidate>
            {t("scorecard.form.saveDraft")}
          </Button>
          <ConfirmSubmit
            label={
              amending ? t("scorecard.form.submitAmendment") : t("scorecard.form.submitScorecard")
            }
            title={
              amending
                ? t("scorecard.form.submitAmendmentTitle")
                : t("scorecard.form.submitScorecardTitle")
            }
            cancelLabel={t("scorecard.form.keepEditing")}
            tickLabel={
              amending
                ? t("scorecard.form.finishedAmendment")
                : t("scorecard.form.finishedScorecard")
            }
            name="intent"
            value="submit"
          >
            <p>
              {amending ? t("scorecard.form.finalAmendment") : t("scorecard.form.finalScorecard")}
            </p>
            <p className="mt-2" {...withoutEvidenceNote} />
          </ConfirmSubmit>
        </div>
        <p className="text-xs text-slate-500 dark:text-slate-400">{t("scorecard.form.final")}</p>
      </Form>
      <DraftScript />
    </>
  );
}
