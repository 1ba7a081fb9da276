import { useTranslation } from "~/i18n/use-translation";
import { Form, useSubmit } from "react-router";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { useCallback, useEffect, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { ErrorList, inputClass } from "~/components/ui/field";
import { Alert } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { RichText } from "~/components/ui/rich-text";
import type { DraftValues, FieldValue } from "~/modules/assessments/draft";
import type { KitAnchor } from "~/modules/hiring/kit";
import {
  NOT_ASSESSED,
  RECOMMENDATION_KEYS,
  RECOMMENDATIONS,
  scoresWithoutEvidence,
} from "~/modules/hiring/scorecard";
import { forgetStoredDraft, useDraftAutosave } from "~/components/ui/use-draft-autosave";
import { saveStatusWords } from "~/modules/assessments/autosave";
import {
  formBase,
  notesField,
  recommendationField,
  scorecardEntries,
  scorecardSpelling,
  scorecardStorageKey,
  scoreField,
  summaryField,
} from "~/modules/hiring/scorecard-draft";

type Competency = { id: string; name: string; anchors: readonly KitAnchor[] };

const statusTone = {
  neutral: "text-slate-600 dark:text-slate-300",
  busy: "text-slate-600 dark:text-slate-300",
  ok: "text-emerald-700 dark:text-emerald-400",
  error: "text-red-700 dark:text-red-400",
};

/**
 * The interviewer's scorecard: per competency a score on the ladder's scale (or not assessed) with
 * evidence notes, the recommendation on four points, and a summary. Autosaves with JavaScript; a
 * plain post saves (Save draft) or submits without it.
 */
export function ScorecardForm({
  interviewId,
  authorId,
  revision,
  values,
  competencies,
  amending,
  fieldErrors,
}: {
  interviewId: string;
  authorId: string;
  revision: number;
  values: DraftValues;
  competencies: readonly Competency[];
  amending: boolean;
  fieldErrors: Record<string, string[]>;
}) {
  const submit = useSubmit();
  const { t } = useTranslation("hiring");
  const f = useFormats();
  const onSubmit = useCallback(
    (seen: number) => {
      forgetStoredDraft(scorecardStorageKey(interviewId, authorId));
      submit({ intent: "submit", revision: String(seen) }, { method: "post" });
    },
    [interviewId, authorId, submit],
  );
  const base = formBase(
    values,
    competencies.map((competency) => competency.id),
  );
  const autosave = useDraftAutosave({
    storageKey: scorecardStorageKey(interviewId, authorId),
    saveUrl: `/hiring/interviews/${interviewId}/save`,
    lockedMessage: t("scorecard.form.locked"),
    revision,
    values,
    form: { fields: Object.keys(base), spelling: scorecardSpelling },
    onSubmit,
  });
  const { state, value, setValue, resolveConflict, status } = autosave;
  const errorsOf = (field: string) => state.fieldErrors[field] ?? fieldErrors[field] ?? null;
  useEffect(() => {
    if (state.locked) forgetStoredDraft(scorecardStorageKey(interviewId, authorId));
  }, [state.locked, interviewId, authorId]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value !== "submit") return;
    event.preventDefault();
    autosave.requestSubmit();
  };
  const conflict = (field: string) => state.conflicts[field];
  // Evidence over opinion: a score with no notes is pointed out before submitting, not refused.
  const unevidenced = new Set(
    scoresWithoutEvidence({
      entries: scorecardEntries(
        value,
        competencies.map((competency) => competency.id),
      ),
    }),
  );
  const withoutEvidence = competencies.filter((competency) => unevidenced.has(competency.id));
  const withoutEvidenceWords = t("scorecard.form.withoutEvidence", {
    competencies: f.list(withoutEvidence.map((competency) => competency.name)),
  });
  const text = (field: string) => String(value(field) ?? "");
  const Conflict = ({ field }: { field: string }) => {
    const found = conflict(field);
    if (!found) return null;
    return (
      <div role="status" className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <span>
          {t("scorecard.form.conflict", {
            theirs:
              found.theirs === null || found.theirs === undefined
                ? t("scorecard.notAssessed")
                : String(found.theirs),
          })}
        </span>
        <button type="button" className="underline" onClick={() => resolveConflict(field, "mine")}>
          {t("scorecard.form.keepMine")}
        </button>
        <button
          type="button"
          className="underline"
          onClick={() => resolveConflict(field, "theirs")}
        >
          {t("scorecard.form.takeTheirs")}
        </button>
      </div>
    );
  };

  return (
    <Form
      id={autosave.fieldsId}
      method="post"
      className="space-y-6"
      onSubmit={handleSubmit}
      aria-label={amending ? t("scorecard.form.amendment") : t("scorecard.form.scorecard")}
    >
      <input type="hidden" name="base" value={JSON.stringify(base)} />
      <input type="hidden" name="baseRevision" value={String(revision)} />
      <p role="status" aria-live="polite" className={`text-sm ${statusTone[status.tone]}`}>
        {saveStatusWords(t, status)}
      </p>
      {competencies.map((competency) => {
        const field = scoreField(competency.id);
        const current = value(field);
        const errors = errorsOf(field);
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
                    checked={current === anchor.value}
                    onChange={() => setValue(field, anchor.value)}
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
                  checked={current === null}
                  onChange={() => setValue(field, null)}
                  className="size-4"
                />
                {t("scorecard.form.notAssessed")}
              </label>
            </div>
            <ErrorList id={`${field}-error`} errors={errors} />
            <Conflict field={field} />
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
              value={text(notesField(competency.id))}
              onChange={(event) => setValue(notesField(competency.id), event.target.value)}
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {t("scorecard.form.evidenceHint")}
            </p>
            <ErrorList errors={errorsOf(notesField(competency.id))} />
            <Conflict field={notesField(competency.id)} />
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
                checked={value(recommendationField) === recommendation}
                onChange={() => setValue(recommendationField, recommendation as FieldValue)}
                className="size-4"
              />
              {t(RECOMMENDATION_KEYS[recommendation])}
            </label>
          ))}
        </div>
        <ErrorList errors={errorsOf(recommendationField)} />
        <Conflict field={recommendationField} />
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
          value={text(summaryField)}
          onChange={(event) => setValue(summaryField, event.target.value)}
        />
        <Conflict field={summaryField} />
      </div>
      {withoutEvidence.length ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">{withoutEvidenceWords}</p>
      ) : null}
      {state.locked ? <Alert tone="error">{state.locked}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        {/* A draft is saved without the tick box that submitting asks for without JavaScript. */}
        <Button type="submit" name="intent" value="save" variant="secondary" formNoValidate>
          {t("scorecard.form.saveDraft")}
        </Button>
        <ConfirmSubmit
          label={
            autosave.submitPending
              ? t("scorecard.form.submitting")
              : amending
                ? t("scorecard.form.submitAmendment")
                : t("scorecard.form.submitScorecard")
          }
          title={
            amending
              ? t("scorecard.form.submitAmendmentTitle")
              : t("scorecard.form.submitScorecardTitle")
          }
          confirmLabel={
            amending ? t("scorecard.form.submitAmendment") : t("scorecard.form.submitScorecard")
          }
          cancelLabel={t("scorecard.form.keepEditing")}
          tickLabel={
            amending ? t("scorecard.form.finishedAmendment") : t("scorecard.form.finishedScorecard")
          }
          name="intent"
          value="submit"
          disabled={autosave.submitPending || Boolean(state.locked)}
        >
          <p>
            {amending ? t("scorecard.form.finalAmendment") : t("scorecard.form.finalScorecard")}
          </p>
          {withoutEvidence.length ? <p className="mt-2">{withoutEvidenceWords}</p> : null}
        </ConfirmSubmit>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t("scorecard.form.final")}</p>
    </Form>
  );
}
