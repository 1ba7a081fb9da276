import { Form, useSubmit } from "react-router";
import { useCallback, useId } from "react";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { Alert } from "~/components/ui/page";
import { RichText } from "~/components/ui/rich-text";
import { useDraftAutosave } from "~/components/ui/use-draft-autosave";
import { wordsOf } from "~/i18n/messages";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { saveStatusWords, type SaveStatus } from "~/modules/assessments/autosave";
import {
  draftSpelling,
  notesField,
  ratingField,
  type DraftValues,
} from "~/modules/assessments/draft";
import { checkAnswer, MIN_EXAMPLE_WORDS } from "~/modules/feedback/word-check";
import { useSubmitting } from "~/components/ui/use-submitting";

const statusTones: Record<SaveStatus["tone"], string> = {
  neutral: "text-slate-600 dark:text-slate-300",
  busy: "text-slate-600 dark:text-slate-300",
  ok: "text-emerald-700 dark:text-emerald-300",
  error: "font-semibold text-red-700 dark:text-red-400",
};

export type AnswerCompetency = {
  id: string;
  name: string;
  description: string;
  expectations: { text: string }[];
};

/** Where this browser keeps the reviewer's unsaved answer. */
export const answerStorageKey = (requestId: string, reviewerId: string) =>
  `rungs:feedback-draft:${requestId}:${reviewerId}`;

/**
 * The reviewer's answer: per competency the level's expectations, a rating when the cycle asks for
 * one, and an example, autosaved as the self-assessment is. The word check runs as they type and
 * only advises: nothing it says stops a save or a submission.
 */
export function AnswerForm({
  requestId,
  reviewerId,
  revision,
  values,
  competencies,
  scale,
  submitError,
}: {
  requestId: string;
  reviewerId: string;
  revision: number;
  values: DraftValues;
  competencies: AnswerCompetency[];
  scale: { value: number; label: string }[];
  submitError: string | null;
}) {
  const { t } = useTranslation("feedback");
  const submit = useSubmit();
  const sending = useSubmitting();
  const onSubmit = useCallback(
    (seen: number) => submit({ intent: "submit", revision: String(seen) }, { method: "post" }),
    [submit],
  );
  const autosave = useDraftAutosave({
    storageKey: answerStorageKey(requestId, reviewerId),
    saveUrl: `/feedback/${requestId}/save`,
    revision,
    values,
    form: {
      fields: competencies.flatMap((competency) => [
        ratingField(competency.id),
        notesField(competency.id),
      ]),
      spelling: draftSpelling,
    },
    onSubmit,
  });
  const { value, setValue, status } = autosave;
  const submitting = autosave.submitPending || sending;
  return (
    <Form
      id={autosave.fieldsId}
      method="post"
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        autosave.requestSubmit();
      }}
    >
      <p role="status" aria-live="polite" className={`text-sm ${statusTones[status.tone]}`}>
        {saveStatusWords(t, status)}
      </p>
      {competencies.map((competency) => (
        <CompetencyAnswer
          key={competency.id}
          competency={competency}
          scale={scale}
          rating={value(ratingField(competency.id)) as number | null}
          example={String(value(notesField(competency.id)) ?? "")}
          onRating={(rating) => setValue(ratingField(competency.id), rating)}
          onExample={(text) => setValue(notesField(competency.id), text)}
        />
      ))}
      {submitError ? <Alert tone="error">{submitError}</Alert> : null}
      <input type="hidden" name="intent" value="submit" />
      <input type="hidden" name="revision" value={String(autosave.state.revision)} />
      <Button type="submit" disabled={submitting}>
        {submitting ? t("answer.submitting") : t("answer.submit")}
      </Button>
    </Form>
  );
}

function CompetencyAnswer({
  competency,
  scale,
  rating,
  example,
  onRating,
  onExample,
}: {
  competency: AnswerCompetency;
  scale: { value: number; label: string }[];
  rating: number | null;
  example: string;
  onRating: (rating: number | null) => void;
  onExample: (text: string) => void;
}) {
  const { t } = useTranslation("feedback");
  const f = useFormats();
  const id = useId();
  const check = example.trim() ? checkAnswer(example) : null;
  const flaggedWords = check
    ? f.list(check.flagged.map((word) => t("wordCheck.quoted", { word })))
    : "";
  return (
    <fieldset className="rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 font-semibold">{competency.name}</legend>
      {/* What the ladder says, on request: sixteen competencies' words made the form a long read before the first answer. */}
      <details className="mb-3 text-sm">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">
          {t("answer.expects", { count: competency.expectations.length })}
        </summary>
        <RichText
          text={competency.description}
          className="mt-1 mb-2 text-slate-600 dark:text-slate-300"
        />
        {competency.expectations.length ? (
          <ul className="list-disc space-y-1 ps-5">
            {competency.expectations.map((expectation) => (
              <li key={expectation.text}>
                <RichText text={expectation.text} inline />
              </li>
            ))}
          </ul>
        ) : null}
      </details>
      {scale.length ? (
        <div
          role="radiogroup"
          aria-label={t("answer.ratingFor", { competency: competency.name })}
          className="mb-3 flex flex-wrap gap-3 text-sm"
        >
          {scale.map((point) => (
            <label key={point.value} className="flex items-center gap-1.5">
              <input
                type="radio"
                name={`rating-${competency.id}`}
                value={point.value}
                checked={rating === point.value}
                onChange={() => onRating(point.value)}
                className="size-4"
              />
              {point.value} {point.label}
            </label>
          ))}
          <label className="flex items-center gap-1.5">
            <input
              type="radio"
              name={`rating-${competency.id}`}
              value=""
              checked={rating === null}
              onChange={() => onRating(null)}
              className="size-4"
            />
            {t("answer.notSeen")}
          </label>
        </div>
      ) : null}
      <label htmlFor={`${id}-example`} className="mb-1 block text-sm font-medium">
        {t("answer.example")}
      </label>
      <textarea
        dir="auto"
        id={`${id}-example`}
        name={`notes:${competency.id}`}
        rows={3}
        className={inputClass}
        value={example}
        aria-describedby={`${id}-hint ${id}-advice`}
        onChange={(event) => onExample(event.target.value)}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {t("answer.exampleHint", { min: MIN_EXAMPLE_WORDS })}
      </p>
      <div id={`${id}-advice`} aria-live="polite">
        {check?.suggestions.length ? (
          <ul className="mt-2 space-y-1 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
            {check.suggestions.map((suggestion) => (
              <li key={suggestion.key}>
                {wordsOf(t, {
                  key: suggestion.key,
                  values: { ...suggestion.values, words: flaggedWords },
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
