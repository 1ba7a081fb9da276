import { Form, useSubmit } from "react-router";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { useCallback, useEffect, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { ErrorList, inputClass } from "~/components/ui/field";
import { Alert } from "~/components/ui/page";
import { RichText } from "~/components/ui/rich-text";
import type { DraftValues, FieldValue } from "~/modules/assessments/draft";
import type { KitAnchor } from "~/modules/hiring/kit";
import { NOT_ASSESSED, RECOMMENDATION_LABELS, RECOMMENDATIONS, scoresWithoutEvidence } from "~/modules/hiring/scorecard";
import { forgetStoredDraft, useDraftAutosave } from "~/components/ui/use-draft-autosave";
import { formBase, notesField, recommendationField, scorecardEntries, scorecardStorageKey, scoreField, summaryField } from "~/modules/hiring/scorecard-draft";

type Competency = { id: string; name: string; anchors: readonly KitAnchor[] };

const statusTone = { neutral: "text-slate-600 dark:text-slate-300", busy: "text-slate-600 dark:text-slate-300", ok: "text-emerald-700 dark:text-emerald-400", error: "text-red-700 dark:text-red-400" };

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
  const onSubmit = useCallback(
    (seen: number) => {
      forgetStoredDraft(scorecardStorageKey(interviewId, authorId));
      submit({ intent: "submit", revision: String(seen) }, { method: "post" });
    },
    [interviewId, authorId, submit],
  );
  const autosave = useDraftAutosave({
    storageKey: scorecardStorageKey(interviewId, authorId),
    saveUrl: `/hiring/interviews/${interviewId}/save`,
    lockedMessage: "This card can no longer be saved.",
    revision,
    values,
    onSubmit,
  });
  const { state, value, setValue, resolveConflict, status } = autosave;
  const errorsOf = (field: string) => state.fieldErrors[field] ?? fieldErrors[field] ?? null;
  const base = formBase(values, competencies.map((competency) => competency.id));
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
  const unevidenced = new Set(scoresWithoutEvidence({ entries: scorecardEntries(value, competencies.map((competency) => competency.id)) }));
  const withoutEvidence = competencies.filter((competency) => unevidenced.has(competency.id));
  const text = (field: string) => String(value(field) ?? "");
  const Conflict = ({ field }: { field: string }) => {
    const found = conflict(field);
    if (!found) return null;
    return (
      <div role="status" className="mt-1 flex flex-wrap items-center gap-2 text-xs">
        <span>Another tab changed this to “{String(found.theirs ?? "not assessed")}”.</span>
        <button type="button" className="underline" onClick={() => resolveConflict(field, "mine")}>
          Keep mine
        </button>
        <button type="button" className="underline" onClick={() => resolveConflict(field, "theirs")}>
          Take theirs
        </button>
      </div>
    );
  };

  return (
    <Form method="post" className="space-y-6" onSubmit={handleSubmit} aria-label={amending ? "Amendment" : "Scorecard"}>
      <input type="hidden" name="base" value={JSON.stringify(base)} />
      <input type="hidden" name="baseRevision" value={String(revision)} />
      <p role="status" aria-live="polite" className={`text-sm ${statusTone[status.tone]}`}>
        {status.text}
      </p>
      {competencies.map((competency) => {
        const field = scoreField(competency.id);
        const current = value(field);
        const errors = errorsOf(field);
        return (
          <fieldset key={competency.id} className="rounded-md border border-slate-200 p-4 dark:border-slate-700" aria-describedby={errors?.length ? `${field}-error` : undefined}>
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
                <input type="radio" name={`score-${competency.id}`} value={NOT_ASSESSED} checked={current === null} onChange={() => setValue(field, null)} className="size-4" />
                Not assessed
              </label>
            </div>
            <ErrorList id={`${field}-error`} errors={errors} />
            <Conflict field={field} />
            <label htmlFor={`notes-${competency.id}`} className="mb-1 mt-3 block text-sm font-medium">
              Evidence for {competency.name}
            </label>
            <textarea
              id={`notes-${competency.id}`}
              name={notesField(competency.id)}
              rows={3}
              className={inputClass}
              value={text(notesField(competency.id))}
              onChange={(event) => setValue(notesField(competency.id), event.target.value)}
            />
            <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">What the candidate said and did: the evidence behind the score.</p>
            <ErrorList errors={errorsOf(notesField(competency.id))} />
            <Conflict field={notesField(competency.id)} />
          </fieldset>
        );
      })}
      <fieldset className="rounded-md border border-slate-200 p-4 dark:border-slate-700">
        <legend className="px-1 font-semibold">Recommendation</legend>
        <p className="mb-2 text-xs text-slate-600 dark:text-slate-300">Four points and no middle: lean one way.</p>
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
              {RECOMMENDATION_LABELS[recommendation]}
            </label>
          ))}
        </div>
        <ErrorList errors={errorsOf(recommendationField)} />
        <Conflict field={recommendationField} />
      </fieldset>
      <div>
        <label htmlFor="scorecard-summary" className="mb-1 block text-sm font-medium">
          Summary
        </label>
        <textarea id="scorecard-summary" name={summaryField} rows={4} className={inputClass} value={text(summaryField)} onChange={(event) => setValue(summaryField, event.target.value)} />
        <Conflict field={summaryField} />
      </div>
      {withoutEvidence.length ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">Scored without evidence notes: {withoutEvidence.map((competency) => competency.name).join(", ")}.</p>
      ) : null}
      {state.locked ? <Alert tone="error">{state.locked}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        {/* A draft is saved without the tick box that submitting asks for without JavaScript. */}
        <Button type="submit" name="intent" value="save" variant="secondary" formNoValidate>
          Save draft
        </Button>
        <ConfirmSubmit
          label={autosave.submitPending ? "Submitting…" : amending ? "Submit amendment" : "Submit scorecard"}
          title={amending ? "Submit this amendment?" : "Submit your scorecard?"}
          confirmLabel={amending ? "Submit amendment" : "Submit scorecard"}
          cancelLabel="Keep editing"
          tickLabel={`I have finished: submit ${amending ? "this amendment" : "my scorecard"}`}
          name="intent"
          value="submit"
          disabled={autosave.submitPending || Boolean(state.locked)}
        >
          <p>
            Once submitted it cannot be changed: a correction is a new amendment linked to it.{amending ? "" : " You then see the other scorecards of this candidate."}
          </p>
          {withoutEvidence.length ? <p className="mt-2">Scored without evidence notes: {withoutEvidence.map((competency) => competency.name).join(", ")}.</p> : null}
        </ConfirmSubmit>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Submitting is final: a correction is a new amendment linked to this card, and everyone who can read the card sees what it changed.
      </p>
    </Form>
  );
}
