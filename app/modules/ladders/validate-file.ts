import type { LadderError } from "./ladder-errors";
import {
  equivalenceRowSchema,
  ladderFileSchema,
  LIST_SECTIONS,
  listItemSchemas,
  SINGULAR_SECTIONS,
  type LadderFile,
  type ListSection,
} from "./schema";
import { issuesToErrors } from "./schema-issues";
import type { ParsedSource } from "./yaml-source";

/** A list item that passed the schema, with its index in the file so errors can point back at it. */
export interface IndexedItem<T> {
  value: T;
  index: number;
}

export interface ValidatedFile {
  source: ParsedSource;
  errors: LadderError[];
  /**
   * False when part of the file could not be read at all (an unknown top-level key such as a
   * misspelt "competencies", or a section of the wrong shape): ids defined there are unknown.
   */
  readAll: boolean;
  singular: Pick<LadderFile, (typeof SINGULAR_SECTIONS)[number]>;
  lists: { [K in ListSection]: Array<IndexedItem<NonNullable<LadderFile[K]>[number]>> };
}

/**
 * Validates a whole file, then keeps every section and list item that is valid on its own, so
 * cross-reference checks can still run and report everything in one pass.
 */
export function validateLadderFile(source: ParsedSource): ValidatedFile {
  const result = ladderFileSchema.safeParse(source.data);
  const errors = result.success
    ? []
    : issuesToErrors(source, ladderFileSchema, result.error.issues);
  const troubled = new Set(
    result.success ? [] : result.error.issues.map((issue) => issuePrefix(issue.path)),
  );
  const readAll =
    result.success ||
    !result.error.issues.some(
      (issue) =>
        (issue.code === "unrecognized_keys" && issue.path.length === 0) ||
        (issue.code === "invalid_type" &&
          issue.path.length === 1 &&
          LIST_SECTIONS.includes(issue.path[0] as ListSection)),
    );
  const clean = (section: string, index?: number) =>
    !troubled.has(index === undefined ? section : `${section}[${index}]`);

  const singular: ValidatedFile["singular"] = {};
  const rows = source.data.equivalence;
  if (!result.success && Array.isArray(rows)) {
    // A bad row is blanked, not dropped, so later rows keep their index in error paths.
    singular.equivalence = rows.map((row: unknown, index) => {
      const parsed = equivalenceRowSchema.safeParse(row);
      return clean("equivalence", index) && parsed.success ? parsed.data : {};
    });
  }
  for (const section of SINGULAR_SECTIONS) {
    if (!clean(section) || source.data[section] === undefined || singular[section] !== undefined)
      continue;
    const parsed = ladderFileSchema.shape[section].safeParse(source.data[section]);
    if (parsed.success) Object.assign(singular, { [section]: parsed.data });
  }

  const lists: ValidatedFile["lists"] = { areas: [], competencies: [], tracks: [] };
  for (const section of LIST_SECTIONS) {
    const raw = source.data[section];
    if (!Array.isArray(raw)) continue;
    raw.forEach((item, index) => {
      if (!clean(section, index)) return;
      const parsed = listItemSchemas[section].safeParse(item);
      if (parsed.success)
        (lists[section] as Array<IndexedItem<unknown>>).push({ value: parsed.data, index });
    });
  }
  return { source, errors, readAll, singular, lists };
}

const ROW_BY_ROW: readonly string[] = [...LIST_SECTIONS, "equivalence"];

/**
 * Names what an issue spoils: one item of a list section or one equivalence row (a list-wide
 * issue such as "too short" spoils no item), or a whole singular section.
 */
function issuePrefix(path: readonly PropertyKey[]): string {
  const [section, index] = path;
  if (ROW_BY_ROW.includes(String(section))) {
    return typeof index === "number" ? `${String(section)}[${index}]` : `${String(section)}#list`;
  }
  return String(section);
}
