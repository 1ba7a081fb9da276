import type { Message } from "~/i18n/messages";
import { compareText } from "~/utils/compare";
/** One problem in a ladder, pointing at the exact place an author has to fix. */
export interface LadderError {
  /** Relative to the working directory (or the root the caller gave), always with "/". */
  file: string;
  /** 1-based; 0 when the problem belongs to the ladder as a whole, not to one place. */
  line: number;
  column: number;
  /** Where in the file's data, e.g. `tracks[0].levels[3].expectations`; "" for the whole file. */
  path: string;
  /** In English: what `ladders:check` prints and the server logs. */
  message: string;
  /** What the message says, for a person reading it in their language (the admin's Ladder status page); absent where the English is all there is. */
  say?: Message;
}

export type LadderPath = ReadonlyArray<string | number>;

const PLAIN_SEGMENT = /^[\w-]+$/;

export function formatPath(path: LadderPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_SEGMENT.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `frameworks/engineering/tracks/ic.yaml:42:7 tracks[0].levels[3].expectations: unknown competency ...` */
export function formatLadderError(error: LadderError): string {
  return formatLadderErrorSaying(error, error.message);
}

/** The same line with the message in a person's language: the file, line and path stay as written. */
export function formatLadderErrorSaying(error: LadderError, message: string): string {
  const where = error.line > 0 ? `${error.file}:${error.line}:${error.column}` : error.file;
  const separator = error.line > 0 ? " " : ": ";
  const what = error.path === "" ? message : `${error.path}: ${message}`;
  return `${where}${separator}${what}`;
}

/** Sorted the way an author fixes them (file by file, top to bottom), without repeats. */
export function sortLadderErrors(errors: readonly LadderError[]): LadderError[] {
  const seen = new Set<string>();
  const unique: LadderError[] = [];
  for (const error of errors) {
    const key = formatLadderError(error);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(error);
  }
  return unique.sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
