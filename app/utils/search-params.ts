import { InvalidError } from "~/modules/errors";

/**
 * Reading a loader's query string, one rule per kind of parameter, so that whatever is
 * typed or scanned answers a page or a 400, never a 500:
 * - page numbers are clamped: anything that is not a whole number from 1 is page 1, and
 *   nothing is past MAX_PAGE (each list then shows its last page for a page past its end);
 * - a choice from a fixed list is that value, or "" when empty or missing; anything
 *   else is an InvalidError (400) naming what is allowed;
 * - text and ids are trimmed, lose control characters and are cut to a length.
 */

/** Past the end of any list; (MAX_PAGE - 1) × a page size of up to 1,000 is still a safe integer for OFFSET. */
export const MAX_PAGE = 1_000_000_000;

export function pageParam(searchParams: URLSearchParams, name = "page"): number {
  const value = (searchParams.get(name) ?? "").trim();
  if (!/^\d+$/.test(value)) return 1;
  return Math.min(Math.max(Number(value), 1), MAX_PAGE);
}

export function choiceParam<T extends string>(
  searchParams: URLSearchParams,
  name: string,
  choices: readonly T[],
  what = name,
): T | "" {
  const value = searchParams.get(name) ?? "";
  if (value === "") return "";
  if (choices.includes(value as T)) return value as T;
  const shown = withoutControls(value).slice(0, 41);
  throw new InvalidError(
    `There is no ${what} “${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}”. Use one of: ${choices.join(", ")}.`,
  );
}

/** Control characters are never part of a name, an id or a search; PostgreSQL refuses NUL in text outright. */
export function textParam(searchParams: URLSearchParams, name: string, maxLength = 100): string {
  return withoutControls(searchParams.get(name) ?? "")
    .trim()
    .slice(0, maxLength);
}

function withoutControls(text: string): string {
  return text.replace(/\p{Cc}/gu, "");
}
