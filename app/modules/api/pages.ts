/**
 * Pages of a list, by opaque cursors: a cursor carries where the last page ended (the last row's
 * sort key), so a page is found by an index seek however deep the list, and a row added or removed
 * meanwhile neither repeats nor skips another. Clients only pass cursors back; their content may
 * change between releases. Pure.
 */

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 200;

export type PageRequest = { after: string | null; limit: number };
export type PageProblem = { field: "cursor" | "limit"; message: string };

const VERSION = "1";

export function encodeCursor(lastId: string): string {
  return Buffer.from(`${VERSION}:${lastId}`, "utf8").toString("base64url");
}

function decodeCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const [version, ...rest] = text.split(":");
  const id = rest.join(":");
  return version === VERSION && id ? id : null;
}

/** The page a query string asks for (`cursor`, `limit`), or what is wrong with it. */
export function readPageRequest(
  params: URLSearchParams,
): { ok: true; page: PageRequest } | { ok: false; problems: PageProblem[] } {
  const problems: PageProblem[] = [];
  const cursor = params.get("cursor");
  const after = cursor === null || cursor === "" ? null : decodeCursor(cursor);
  if (cursor && after === null)
    problems.push({ field: "cursor", message: "api:errors.cursorInvalid" });
  const limitText = params.get("limit");
  const limit =
    limitText === null || limitText === ""
      ? PAGE_DEFAULT
      : /^\d{1,4}$/.test(limitText)
        ? Number(limitText)
        : NaN;
  if (!(limit >= 1 && limit <= PAGE_MAX))
    problems.push({ field: "limit", message: "api:errors.limitInvalid" });
  return problems.length ? { ok: false, problems } : { ok: true, page: { after, limit } };
}

/** A page of rows read one past the limit: the rows shown, and the cursor to the next page (null on the last). */
export function pageOf<Row extends { id: string }>(
  rows: readonly Row[],
  limit: number,
): { rows: Row[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  return {
    rows: shown,
    nextCursor: rows.length > limit ? encodeCursor(shown[shown.length - 1]!.id) : null,
  };
}
