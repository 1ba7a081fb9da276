import {
  mergeSave,
  notesField,
  ratingField,
  summaryField,
  valueOf,
  type DraftValues,
  type FieldChange,
  type FieldValue,
} from "~/modules/assessments/draft";
import { plainFormSave, type SaveDraftInput } from "~/modules/assessments/draft-input";
import type { ScalePoint } from "~/modules/ladders";
import {
  NOT_ASSESSED,
  NOTES_MAX,
  RECOMMENDATIONS,
  type Recommendation,
  type ScorecardEntry,
} from "./scorecard";
import { freeTextError } from "~/utils/free-text";
import { recommendationField, scorecardSpelling } from "./scorecard-fields";

/**
 * A scorecard draft as a flat set of fields, the same shape as an assessment draft, so the
 * reviews' autosave (app/modules/assessments/autosave.ts, the field-by-field merge of
 * draft.ts) drives it unchanged. Field keys:
 *
 * - `rating:<competencyId>`  the score, a scale value, or null for "not assessed"
 * - `notes:<competencyId>`   evidence notes (text)
 * - `summary`                overall notes (text)
 * - `recommendation`         strong-no | no | yes | strong-yes, or null while undecided
 *
 * A competency left without a score is "not assessed": that is the form's explicit default, so a
 * draft has no third state to store (docs/decisions/022-hiring-workflow.md). Pure.
 */
export { recommendationField, scorecardInputName, scorecardSpelling } from "./scorecard-fields";

/** Where the interviewer's browser keeps unsaved edits of their card. */
export const scorecardStorageKey = (interviewId: string, authorId: string) =>
  `rungs:scorecard-draft:${interviewId}:${authorId}`;
export { ratingField as scoreField, notesField, summaryField, mergeSave };

export type ScorecardRules = {
  scale: readonly ScalePoint[];
  /** The stage's competencies, in the stage's order. */
  competencyIds: readonly string[];
};

/** The stored card as draft fields. */
export function scorecardValues(card: {
  summary: string;
  recommendation: string | null;
  scores: readonly { competencyId: string; score: number | null; notes: string }[];
}): DraftValues {
  const values: DraftValues = {
    [summaryField]: card.summary,
    [recommendationField]: card.recommendation,
  };
  for (const row of card.scores) {
    values[ratingField(row.competencyId)] = row.score;
    values[notesField(row.competencyId)] = row.notes;
  }
  return values;
}

function fieldOf(
  key: string,
  competencyIds: ReadonlySet<string>,
): "summary" | "recommendation" | { kind: "rating" | "notes"; competencyId: string } | null {
  if (key === summaryField) return "summary";
  if (key === recommendationField) return "recommendation";
  const [kind, competencyId, ...rest] = key.split(":");
  if (
    (kind === "rating" || kind === "notes") &&
    competencyId &&
    rest.length === 0 &&
    competencyIds.has(competencyId)
  )
    return { kind, competencyId };
  return null;
}

/** Field errors for a save: fields the card does not have, scores off the scale, text too long, recommendations that are not one. */
export function validateScorecardChanges(
  changes: readonly FieldChange[],
  rules: ScorecardRules,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const competencyIds = new Set(rules.competencyIds);
  const scale = rules.scale.map((point) => point.value);
  for (const { field: key, value } of changes) {
    const field = fieldOf(key, competencyIds);
    if (field === null) errors[key] = ["hiring:scorecard.errors.noSuchField"];
    else if (field === "recommendation") {
      if (value !== null && !RECOMMENDATIONS.includes(value as Recommendation))
        errors[key] = ["hiring:scorecard.errors.recommendationMissing"];
    } else if (field === "summary" || field.kind === "notes") {
      if (typeof value !== "string") errors[key] = ["hiring:scorecard.errors.expectedText"];
      else if (value.length > NOTES_MAX) errors[key] = ["hiring:scorecard.errors.notesTooLong"];
      else {
        const refused = freeTextError(value);
        if (refused) errors[key] = refused;
      }
    } else if (value !== null && (typeof value !== "number" || !scale.includes(value))) {
      errors[key] = ["hiring:scorecard.errors.scoreOffScale"];
    }
  }
  return errors;
}

/** Stored columns to write after a merge: the card's summary and recommendation, and per competency its score and notes. */
export function scorecardWrites(writes: DraftValues): {
  summary?: string;
  recommendation?: string | null;
  scores: Map<string, { score?: number | null; notes?: string }>;
} {
  const result: ReturnType<typeof scorecardWrites> = { scores: new Map() };
  for (const [key, value] of Object.entries(writes)) {
    if (key === summaryField) result.summary = String(value ?? "");
    else if (key === recommendationField)
      result.recommendation = value === null ? null : String(value);
    else {
      const [kind, competencyId] = key.split(":");
      if (!competencyId) continue;
      const row = result.scores.get(competencyId) ?? {};
      if (kind === "rating") row.score = value as number | null;
      else row.notes = String(value ?? "");
      result.scores.set(competencyId, row);
    }
  }
  return result;
}

/** The card as `scorecardSchema` takes it from the draft: every competency of the stage, unscored ones as not assessed. */
export function scorecardInput(values: DraftValues, competencyIds: readonly string[]) {
  return {
    entries: competencyIds.map((competencyId) => ({
      competencyId,
      score: valueOf(values, ratingField(competencyId)) ?? NOT_ASSESSED,
      notes: String(valueOf(values, notesField(competencyId)) ?? ""),
    })),
    recommendation: valueOf(values, recommendationField) ?? undefined,
    summary: String(valueOf(values, summaryField) ?? ""),
  };
}

/** The card's entries as the form shows them (`read` gives a field's current value), in the stage's order. */
export function scorecardEntries(
  read: (field: string) => FieldValue,
  competencyIds: readonly string[],
): ScorecardEntry[] {
  return competencyIds.map((competencyId) => {
    const score = read(ratingField(competencyId));
    return {
      competencyId,
      score: typeof score === "number" ? score : null,
      notes: String(read(notesField(competencyId)) ?? ""),
    };
  });
}

/**
 * A save posted by the scorecard form itself, without JavaScript, read as every draft's form is
 * (`plainFormSave`) with the card's fields and spelling. Null when the post is malformed.
 */
export function plainScorecardSave(
  read: (name: string) => string | null,
  baseJson: string | null,
  baseRevision: string | null,
  competencyIds: readonly string[],
): SaveDraftInput | null {
  const known = new Set(competencyIds);
  return plainFormSave(read, baseJson, baseRevision, {
    isField: (field) => fieldOf(field, known) !== null,
    spelling: scorecardSpelling,
  });
}

/** Every field of a card for the stage, with what it holds now: the form's `base`. */
export function formBase(values: DraftValues, competencyIds: readonly string[]): DraftValues {
  const base: DraftValues = {
    [summaryField]: valueOf(values, summaryField),
    [recommendationField]: valueOf(values, recommendationField),
  };
  for (const competencyId of competencyIds) {
    base[ratingField(competencyId)] = valueOf(values, ratingField(competencyId));
    base[notesField(competencyId)] = valueOf(values, notesField(competencyId));
  }
  return base;
}
