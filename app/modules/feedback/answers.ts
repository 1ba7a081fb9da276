import { listOf, messageText } from "~/i18n/messages";
/**
 * A feedback answer's draft, saved as the self-assessment's is (assessments/draft.ts and the
 * browser's autosave state machine, assessments/autosave.ts): a flat set of fields, merged field by
 * field when two tabs save. The fields are the assessment's own names, so the same merge, schema and
 * autosave hook serve both:
 * - `rating:<competencyId>`  a point on the ladder's scale, or null (only when the cycle asks for ratings)
 * - `notes:<competencyId>`   the example (text)
 * Pure.
 */
import {
  notesField,
  parseField,
  ratingField,
  valueOf,
  type DraftValues,
  type FieldChange,
} from "~/modules/assessments/draft";
import type { AnswerKind } from "./settings";
import { freeTextError } from "~/utils/free-text";

export type AnswerRules = {
  answerKind: AnswerKind;
  scale: readonly { value: number; label: string }[];
  competencyIds: readonly string[];
};

export type StoredAnswer = { competencyId: string; rating: number | null; example: string };

export function answerValues(answers: readonly StoredAnswer[]): DraftValues {
  const values: DraftValues = {};
  for (const answer of answers) {
    values[ratingField(answer.competencyId)] = answer.rating;
    values[notesField(answer.competencyId)] = answer.example;
  }
  return values;
}

/** Field errors for a save (unknown fields, ratings off the scale or not asked for); empty when all is well. */
export function validateAnswerChanges(
  changes: readonly FieldChange[],
  rules: AnswerRules,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const asked = new Set(rules.competencyIds);
  for (const { field: key, value } of changes) {
    const field = parseField(key);
    if (
      !field ||
      (field.kind !== "rating" && field.kind !== "notes") ||
      !asked.has(field.competencyId)
    ) {
      errors[key] = ["feedback:answer.errors.noSuchField"];
    } else if (field.kind === "notes") {
      const refused =
        typeof value === "string" ? freeTextError(value) : ["feedback:answer.errors.expectedText"];
      if (refused) errors[key] = refused;
    } else if (field.kind === "rating" && value !== null) {
      if (rules.answerKind === "evidence") errors[key] = ["feedback:answer.errors.writtenOnly"];
      else if (typeof value !== "number" || !rules.scale.some((point) => point.value === value)) {
        errors[key] = [
          messageText({
            key: "feedback:answer.errors.ratingOnScale",
            values: {
              scale: listOf(rules.scale.map((point) => `${point.value} ${point.label}`)),
            },
          }),
        ];
      }
    }
  }
  return errors;
}

/** The stored rows after applying `writes` to `current`, one per competency touched. */
export function answerUpdates(current: DraftValues, writes: DraftValues): StoredAnswer[] {
  const touched = new Set<string>();
  for (const key of Object.keys(writes)) {
    const field = parseField(key);
    if (field && (field.kind === "rating" || field.kind === "notes"))
      touched.add(field.competencyId);
  }
  const merged = { ...current, ...writes };
  return [...touched].map((competencyId) => ({
    competencyId,
    rating: valueOf(merged, ratingField(competencyId)) as number | null,
    example: String(valueOf(merged, notesField(competencyId)) ?? ""),
  }));
}

/**
 * Whether the draft can be submitted: at least one competency answered (a reviewer may leave out
 * competencies they have not seen at work). The word check's advice never stops a submission.
 */
export function submissionProblem(
  values: DraftValues,
  competencyIds: readonly string[],
): string | null {
  const answered = competencyIds.some(
    (id) =>
      String(valueOf(values, notesField(id)) ?? "").trim() !== "" ||
      valueOf(values, ratingField(id)) !== null,
  );
  return answered ? null : "feedback:errors.nothingAnswered";
}

/** Competencies answered in a submitted draft: those with an example or a rating. */
export function answeredRows(
  values: DraftValues,
  competencyIds: readonly string[],
): StoredAnswer[] {
  return competencyIds.flatMap((competencyId) => {
    const example = String(valueOf(values, notesField(competencyId)) ?? "").trim();
    const rating = valueOf(values, ratingField(competencyId)) as number | null;
    return example || rating !== null ? [{ competencyId, rating, example }] : [];
  });
}
