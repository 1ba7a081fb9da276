import { Form } from "react-router";
import { useEffect, useId, useRef } from "react";
import { Button } from "~/components/ui/button";
import { inputClass } from "~/components/ui/field";
import { DraftScript, DraftStatus, useKeptDraft } from "~/components/ui/kept-draft";
import { Alert } from "~/components/ui/page";
import { RichText } from "~/components/ui/rich-text";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { notesField, ratingField, valueOf, type DraftValues } from "~/modules/assessments/draft";
import { MIN_EXAMPLE_WORDS, wordCheckAdvice } from "~/modules/feedback/word-check";
import { adviseAsTyped } from "~/modules/feedback/word-check-field";

export type AnswerCompetency = {
  id: string;
  name: string;
  description: string;
  expectations: { text: string }[];
};

/** Where this browser keeps the reviewer's unsaved answer. */
export const answerStorageKey = (requestId: string, reviewerId: string) =>
  `rungs:feedback-draft:${requestId}:${reviewerId}`;

/** Where the page asks the word check's advice on an example as it is typed. */
export const WORD_CHECK_URL = "/feedback/word-check";

/**
 * The reviewer's answer: per competency the level's expectations, a rating when the cycle asks for
 * one, and an example, kept as it is typed by the draft script (decision 167). The word check
 * advises on each example as it is typed and only advises: nothing it says stops a save or a
 * submission. Without scripts, submitting saves what the form holds first (`base`, the values it
 * was rendered with).
 */
export function AnswerForm({
  requestId,
  reviewerId,
  revision,
  values,
  typed,
  competencies,
  scale,
  submitError,
}: {
  requestId: string;
  reviewerId: string;
  revision: number;
  values: DraftValues;
  /** What a submit the server refused carried, shown over the saved `values`. */
  typed: DraftValues;
  competencies: AnswerCompetency[];
  scale: { value: number; label: string }[];
  submitError: string | null;
}) {
  const { t } = useTranslation("feedback");
  const fields = Object.fromEntries(
    competencies
      .flatMap((competency) => [ratingField(competency.id), notesField(competency.id)])
      .map((field) => [field, valueOf(values, field)]),
  );
  const shown = { ...fields, ...typed };
  const draft = useKeptDraft({
    saveUrl: `/feedback/${requestId}/save`,
    storageKey: answerStorageKey(requestId, reviewerId),
    revision,
  });
  return (
    <>
      <Form method="post" className="space-y-6" {...draft}>
        <DraftStatus />
        {competencies.map((competency) => (
          <CompetencyAnswer
            key={competency.id}
            competency={competency}
            scale={scale}
            rating={(shown[ratingField(competency.id)] ?? null) as number | null}
            example={String(shown[notesField(competency.id)] ?? "")}
          />
        ))}
        {submitError ? <Alert tone="error">{submitError}</Alert> : null}
        <input type="hidden" name="intent" value="submit" />
        <input type="hidden" name="revision" value={String(revision)} />
        <input type="hidden" name="base" value={JSON.stringify(fields)} />
        <Button type="submit">{t("answer.submit")}</Button>
      </Form>
      <DraftScript />
    </>
  );
}

function CompetencyAnswer({
  competency,
  scale,
  rating,
  example,
}: {
  competency: AnswerCompetency;
  scale: { value: number; label: string }[];
  rating: number | null;
  example: string;
}) {
  const { t } = useTranslation("feedback");
  const f = useFormats();
  const id = useId();
  const exampleRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => adviseAsTyped(exampleRef.current!), []);
  const advice = wordCheckAdvice(t, f.list, example);
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
                defaultChecked={rating === point.value}
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
              defaultChecked={rating === null}
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
        ref={exampleRef}
        defaultValue={example}
        aria-describedby={`${id}-hint ${id}-advice`}
        data-word-check={WORD_CHECK_URL}
        data-word-check-into={`${id}-advice`}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {t("answer.exampleHint", { min: MIN_EXAMPLE_WORDS })}
      </p>
      <div id={`${id}-advice`} aria-live="polite">
        <ul
          hidden={!advice.length}
          className="mt-2 space-y-1 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {advice.map((words) => (
            <li key={words}>{words}</li>
          ))}
        </ul>
      </div>
    </fieldset>
  );
}
