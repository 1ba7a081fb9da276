import { createCookie } from "react-router";
import { getEnv } from "./env.server";

/**
 * A secret an answer shows once (an API token: Rungs keeps only its hash), carried across the
 * redirect that follows its form to the page that shows it (decision 154). The cookie names that
 * page and goes only to its folder (where the page's `.data` answers are too, for a browser running
 * the app's scripts), only from this site, for two minutes at most; the page reads it once and
 * drops it, so a reload neither posts the form again nor shows the secret again. It is not signed
 * (Rungs has no key of its own unless `SECRETS_KEYS` is set): what it names is checked against the
 * database before it is shown, as the caller's policy says.
 */
const NAME = "rungs_shown_once";
const shownOnceCookie = createCookie(NAME, {
  httpOnly: true,
  sameSite: "strict",
  maxAge: 120,
});

/** `/settings/api` → `/settings`: a path covering both the page and its `.data` answer. */
const folderOf = (page: string) => page.slice(0, page.lastIndexOf("/")) || "/";

/** The `Set-Cookie` that carries `value` to the page at `page`, for the answer that redirects there. */
export function carryOnce(page: string, value: Record<string, string>): Promise<string> {
  return shownOnceCookie.serialize(
    { ...value, page },
    { path: folderOf(page), secure: getEnv().secureCookies },
  );
}

/**
 * What the request carries for the page at `page`, and the `Set-Cookie` that drops it (null when
 * it carries nothing for this page).
 */
async function takeOnce(
  request: Request,
  page: string,
): Promise<{ value: Record<string, unknown> | null; drop: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(`${NAME}=`)) return { value: null, drop: null };
  const value: unknown = await shownOnceCookie.parse(header);
  if (!value || typeof value !== "object" || (value as { page?: unknown }).page !== page)
    return { value: null, drop: null };
  const drop = await shownOnceCookie.serialize("", {
    path: folderOf(page),
    maxAge: 0,
    secure: getEnv().secureCookies,
  });
  return { value: value as Record<string, unknown>, drop };
}

/**
 * The secret the request carries for `page` (its `token`, with whatever else was carried beside
 * it), if `find` (asking the caller's policy) lets the viewer see it, and the headers of the answer
 * that shows the page, dropping what was carried.
 */
export async function shownOnPage<Shown>(
  request: Request,
  page: string,
  find: (secret: string, carried: Record<string, unknown>) => Promise<Shown | null>,
): Promise<{ shown: Shown | null; headers: { "Set-Cookie": string } | undefined }> {
  const carried = await takeOnce(request, page);
  const secret = carried.value?.token;
  return {
    shown: typeof secret === "string" ? await find(secret, carried.value!) : null,
    headers: carried.drop ? { "Set-Cookie": carried.drop } : undefined,
  };
}
