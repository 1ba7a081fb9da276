import { listOf, messageText } from "~/i18n/messages";
import { freeTextError } from "~/utils/free-text";

/**
 * The editable content of an assessment draft as a flat set of fields, so that two
 * tabs saving the same draft can be merged field by field. Field keys:
 *
 * - `summary`                     the overall summary (text)
 * - `rating:<competencyId>`       the rating, a scale value or null
 * - `notes:<competencyId>`        notes on the competency (text)
 * - `mark:<competencyId>:<index>` "met" | "partly" | "not-met" | null for the NEXT
 *                                 level's expectation at that position
 *
 * Pure: the server module and the browser both use it.
 */
export const NEXT_LEVEL_MARKS = ["met", "partly", "not-met"] as const;
export type NextLevelMark = (typeof NEXT_LEVEL_MARKS)[number];
export type NextLevelMarks = Record<string, NextLevelMark>;

/** The words of each mark: keys of the assessments messages, worded where a mark is shown. */
export const NEXT_LEVEL_MARK_KEYS = {
  met: "marks.met",
  partly: "marks.partly",
  "not-met": "marks.notMet",
} as const satisfies Record<NextLevelMark, string>;

export type FieldValue = string | number | null;
export type DraftValues = Record<string, FieldValue>;

export type DraftField =
  | { kind: "summary" }
  | { kind: "rating"; competencyId: string }
  | { kind: "notes"; competencyId: string }
  | { kind: "mark"; competencyId: string; index: number };

export const MAX_TEXT_LENGTH = 20_000;
export const MAX_CHANGES_PER_SAVE = 1_000;

export const summaryField = "summary";
export const ratingField = (competencyId: string) => `rating:${competencyId}`;
export const notesField = (competencyId: string) => `notes:${competencyId}`;
export const markField = (competencyId: string, index: number) => `mark:${competencyId}:${index}`;

const competencyIdPattern = /^[a-z0-9][a-z0-9-]*$/;

export function parseField(key: string): DraftField | null {
  if (key === summaryField) return { kind: "summary" };
  const [kind, competencyId, index, ...rest] = key.split(":");
  if (!competencyId || !competencyIdPattern.test(competencyId) || rest.length) return null;
  if ((kind === "rating" || kind === "notes") && index === undefined) return { kind, competencyId };
  if (kind === "mark" && index !== undefined && /^(0|[1-9]\d{0,3})$/.test(index))
    return { kind, competencyId, index: Number(index) };
  return null;
}

/** What a field holds when nothing was ever saved in it. */
export function emptyValue(key: string): FieldValue {
  const field = parseField(key);
  return field?.kind === "summary" || field?.kind === "notes" ? "" : null;
}

export function valueOf(values: DraftValues, key: string): FieldValue {
  const value = values[key];
  return value === undefined ? emptyValue(key) : value;
}

export function sameValue(
  key: string,
  a: FieldValue | undefined,
  b: FieldValue | undefined,
): boolean {
  return (a === undefined ? emptyValue(key) : a) === (b === undefined ? emptyValue(key) : b);
}

/** The stored shape of an assessment's editable content. */
export type DraftRecord = {
  summary: string;
  ratings: {
    competencyId: string;
    rating: number | null;
    notes: string;
    nextLevelMarks: unknown;
  }[];
};

/** Reads a stored `nextLevelMarks` JSON value, ignoring anything that is not a known mark. */
export function readMarks(json: unknown): NextLevelMarks {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  const marks: NextLevelMarks = {};
  for (const [index, mark] of Object.entries(json as Record<string, unknown>)) {
    if (/^\d+$/.test(index) && NEXT_LEVEL_MARKS.includes(mark as NextLevelMark))
      marks[index] = mark as NextLevelMark;
  }
  return marks;
}

export function draftValues(record: DraftRecord): DraftValues {
  const values: DraftValues = { [summaryField]: record.summary };
  for (const row of record.ratings) {
    values[ratingField(row.competencyId)] = row.rating;
    values[notesField(row.competencyId)] = row.notes;
    for (const [index, mark] of Object.entries(readMarks(row.nextLevelMarks)))
      values[markField(row.competencyId, Number(index))] = mark;
  }
  return values;
}

/** One field changed by a save: its new value and the value it was edited from. */
export type FieldChange = { field: string; value: FieldValue; base: FieldValue };

/** A field both this save and another tab changed: this save's value was kept, theirs is offered. */
export type FieldConflict = { field: string; mine: FieldValue; theirs: FieldValue };

/**
 * Three-way merge of one save into the current stored values. Every change is
 * written (the save's value wins), but a field whose stored value moved away from
 * the value this save was edited from, to something else, was also changed by
 * another tab: that value is returned as a conflict so the author can choose.
 * Fields the other tab changed and this save did not are untouched.
 */
export function mergeSave(
  current: DraftValues,
  changes: readonly FieldChange[],
): { writes: DraftValues; conflicts: FieldConflict[] } {
  const writes: DraftValues = {};
  const conflicts: FieldConflict[] = [];
  for (const change of changes) {
    const stored = valueOf(current, change.field);
    if (!sameValue(change.field, stored, change.value)) writes[change.field] = change.value;
    if (
      !sameValue(change.field, stored, change.base) &&
      !sameValue(change.field, stored, change.value)
    ) {
      conflicts.push({ field: change.field, mine: change.value, theirs: stored });
    }
  }
  return { writes, conflicts };
}

/** The facts about the ladder a draft is checked against. */
export type DraftRules = {
  scale: readonly { value: number; label: string }[];
  /** The assessment's competencies and how many expectations the next level has for each (0 at the top). */
  competencies: readonly { id: string; name: string; nextExpectationCount: number }[];
};

/** Field errors for a save: unknown fields, ratings off the scale, marks that are not marks. Empty when all is well. */
export function validateChanges(
  changes: readonly FieldChange[],
  rules: DraftRules,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const competencies = new Map(rules.competencies.map((competency) => [competency.id, competency]));
  const scaleValues = rules.scale.map((point) => point.value);
  const fail = (field: string, message: string) => (errors[field] = [message]);
  for (const { field: key, value } of changes) {
    const field = parseField(key);
    const competency =
      field && field.kind !== "summary" ? competencies.get(field.competencyId) : undefined;
    if (!field || (field.kind !== "summary" && !competency)) {
      fail(key, "assessments:errors.noSuchField");
      continue;
    }
    switch (field.kind) {
      case "summary":
      case "notes":
        if (typeof value !== "string") fail(key, "assessments:errors.expectedText");
        else {
          const refused = freeTextError(value);
          if (refused) errors[key] = refused;
        }
        break;
      case "rating":
        if (value !== null && (typeof value !== "number" || !scaleValues.includes(value))) {
          fail(
            key,
            messageText({
              key: "assessments:errors.ratingOnScale",
              values: {
                scale: listOf(rules.scale.map((point) => `${point.value} ${point.label}`)),
              },
            }),
          );
        }
        break;
      case "mark":
        if (field.index >= (competency?.nextExpectationCount ?? 0))
          fail(key, "assessments:errors.noSuchExpectation");
        else if (value !== null && !NEXT_LEVEL_MARKS.includes(value as NextLevelMark))
          fail(key, "assessments:errors.markChoice");
        break;
    }
  }
  return errors;
}

/** Per-competency errors for every competency still without a rating (empty when the draft can be submitted). */
export function missingRatings(
  values: DraftValues,
  competencies: readonly { id: string; name: string }[],
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const competency of competencies) {
    if (valueOf(values, ratingField(competency.id)) === null)
      errors[ratingField(competency.id)] = [
        messageText({
          key: "assessments:errors.chooseRating",
          values: { competency: competency.name },
        }),
      ];
  }
  return errors;
}

/** Stored columns to update, grouped by competency, after applying `writes` to `current`. */
export type RowUpdates = {
  summary?: string;
  ratings: Map<string, { rating?: number | null; notes?: string; nextLevelMarks?: NextLevelMarks }>;
};

export function rowUpdates(current: DraftValues, writes: DraftValues): RowUpdates {
  const updates: RowUpdates = { ratings: new Map() };
  const forCompetency = (competencyId: string) => {
    let entry = updates.ratings.get(competencyId);
    if (!entry) updates.ratings.set(competencyId, (entry = {}));
    return entry;
  };
  for (const [key, value] of Object.entries(writes)) {
    const field = parseField(key);
    if (!field) continue;
    if (field.kind === "summary") updates.summary = String(value ?? "");
    else if (field.kind === "rating")
      forCompetency(field.competencyId).rating = value as number | null;
    else if (field.kind === "notes") forCompetency(field.competencyId).notes = String(value ?? "");
    else {
      const entry = forCompetency(field.competencyId);
      entry.nextLevelMarks ??= marksOf(current, field.competencyId);
      if (value === null) delete entry.nextLevelMarks[String(field.index)];
      else entry.nextLevelMarks[String(field.index)] = value as NextLevelMark;
    }
  }
  return updates;
}

/** The next-level marks of one competency, read from the flat values. */
export function marksOf(values: DraftValues, competencyId: string): NextLevelMarks {
  const marks: NextLevelMarks = {};
  const prefix = `mark:${competencyId}:`;
  for (const [key, value] of Object.entries(values)) {
    if (key.startsWith(prefix) && value !== null)
      marks[key.slice(prefix.length)] = value as NextLevelMark;
  }
  return marks;
}

/** The name of a draft field's input in the page's form: the field key, except ratings, whose radios are grouped as `rating-<competency id>`. */
export function inputNameOf(field: string): string {
  return field.startsWith("rating:") ? `rating-${field.slice("rating:".length)}` : field;
}

/**
 * How a page's form spells a draft's fields: the name of each field's input, and the value an
 * input's raw value stands for (raw null: no choice made in a radio group).
 */
export type FieldSpelling = {
  inputName: (field: string) => string;
  value: (field: string, raw: string | null) => FieldValue;
};

/** A point chosen on a scale, as a form sends it: none (null or empty) or a whole number. */
export function scaleChoice(raw: string | null): FieldValue {
  if (raw === null || raw === "") return null;
  return /^-?\d{1,4}$/.test(raw) ? Number(raw) : raw;
}

/** How the assessment editor and the feedback answer form spell their fields. */
export const draftSpelling: FieldSpelling = {
  inputName: inputNameOf,
  value: (field, raw) => {
    const kind = parseField(field)?.kind;
    if (kind === "rating") return scaleChoice(raw);
    if (kind === "mark") return raw || null;
    return raw ?? "";
  },
};

/**
 * The fields whose value in a form differs from the value it was rendered with (`rendered`), each
 * as a change from it. `read` gives an input's value by name as the form would send it (null for a
 * choice not made), or undefined when the form has no such input: that field is left out.
 */
export function formChanges(
  rendered: DraftValues,
  read: (name: string) => string | null | undefined,
  spelling: FieldSpelling,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, was] of Object.entries(rendered)) {
    const raw = read(spelling.inputName(field));
    if (raw === undefined) continue;
    const value = spelling.value(field, raw);
    if (!sameValue(field, value, was)) changes.push({ field, value, base: was });
  }
  return changes;
}

/**
 * A revision as the page's forms send it: a whole number written the one way it is rendered (no
 * sign, no leading zero, at most nine digits). Anything else is null and refused, never read as
 * "no revision": that would skip the check that another tab saved since.
 */
export function readRevision(text: unknown): number | null {
  return typeof text === "string" && /^(0|[1-9]\d{0,8})$/.test(text) ? Number(text) : null;
}
