import { z } from "zod";
import {
  draftSpelling,
  formChanges,
  MAX_CHANGES_PER_SAVE,
  MAX_TEXT_LENGTH,
  parseField,
  readRevision,
  type FieldSpelling,
} from "./draft";

/**
 * A draft's saves as they arrive, read with zod: the server's side of draft.ts, kept apart so that
 * the page's draft script (decision 167) carries none of it.
 */
export const fieldValueSchema = z.union([
  z.string().max(MAX_TEXT_LENGTH),
  z.number().int(),
  z.null(),
]);

export const SaveDraftSchema = z.object({
  baseRevision: z.number().int().min(0),
  changes: z
    .array(
      z.object({ field: z.string().max(200), value: fieldValueSchema, base: fieldValueSchema }),
    )
    .max(MAX_CHANGES_PER_SAVE)
    .refine(
      (changes) => new Set(changes.map((change) => change.field)).size === changes.length,
      "Each field can change once per save.",
    ),
});
export type SaveDraftInput = z.infer<typeof SaveDraftSchema>;

/**
 * An autosave's JSON body read as a draft's changes, or what its endpoint answers when it is not
 * one: a 400 saying `notUnderstood` (worded by the endpoint), nothing saved.
 */
export function readDraftSave(body: unknown, notUnderstood: string) {
  const parsed = SaveDraftSchema.safeParse(body);
  if (parsed.success) return { ok: true as const, input: parsed.data };
  return {
    ok: false as const,
    answer: {
      status: 400,
      body: { ok: false, kind: "invalid", message: notUnderstood, fieldErrors: {} },
    },
  };
}

const plainBaseSchema = z.record(z.string().max(200), fieldValueSchema);

/** An assessment's or a feedback answer's fields, as their forms name them. */
const draftForm = {
  isField: (field: string) => parseField(field) !== null,
  spelling: draftSpelling,
};

/**
 * A save posted by a draft's form itself, without JavaScript. The form carries the values it
 * was rendered with (`base`, field key → value) and the revision they came from; each of those
 * fields is read back from the form, and only the ones the author changed are saved, each with
 * its base, so the same three-way merge as autosave applies. `form` says which fields the draft
 * has and how its form spells them (a scorecard's differ). Null when the post is malformed.
 */
export function plainFormSave(
  read: (name: string) => string | null,
  baseJson: string | null,
  baseRevision: string | null,
  form: { isField: (field: string) => boolean; spelling: FieldSpelling } = draftForm,
): SaveDraftInput | null {
  let base: unknown;
  try {
    base = JSON.parse(baseJson ?? "");
  } catch {
    return null;
  }
  const fields = plainBaseSchema.safeParse(base);
  const revision = readRevision(baseRevision);
  if (!fields.success || revision === null) return null;
  if (!Object.keys(fields.data).every(form.isField)) return null;
  const changes = formChanges(fields.data, read, form.spelling);
  const input = SaveDraftSchema.safeParse({ baseRevision: revision, changes });
  return input.success ? input.data : null;
}
