import { createCookie } from "react-router";
import { getEnv } from "./env.server";

/**
 * A secret an answer shows once (an API token: Rungs keeps only its hash), carried across the
 * redirect that follows its form to the page that shows it (decision 154). The cookie goes only to
 * that page, only from this site, for two minutes at most; the page reads it once and drops it, so
 * a reload neither posts the form again nor shows the secret again. It is not signed (Rungs has no
 * key of its own unless `SECRETS_KEYS` is set): what it names is checked against the database
 * before it is shown, as the caller's policy says.
 */
const NAME = "rungs_shown_once";
const shownOnceCookie = createCookie(NAME, {
  httpOnly: true,
  sameSite: "strict",
  maxAge: 120,
});

/** The `Set-Cookie` that carries `value` to the page at `path`, for the answer that redirects there. */
export function carryOnce(path: string, value: Record<string, string>): Promise<string> {
  return shownOnceCookie.serialize(value, { path, secure: getEnv().secureCookies });
}

/**
 * What the request carries for the page at `path`, and the `Set-Cookie` that drops it (null when
 * it carries nothing).
 */
export async function takeOnce(
  request: Request,
  path: string,
): Promise<{ value: Record<string, unknown> | null; drop: string | null }> {
  const header = request.headers.get("Cookie");
  if (!header?.includes(`${NAME}=`)) return { value: null, drop: null };
  const value: unknown = await shownOnceCookie.parse(header);
  const drop = await shownOnceCookie.serialize("", {
    path,
    maxAge: 0,
    secure: getEnv().secureCookies,
  });
  return {
    value: value && typeof value === "object" ? (value as Record<string, unknown>) : null,
    drop,
  };
}
