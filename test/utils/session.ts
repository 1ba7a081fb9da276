import { startSession } from "~/modules/identity/sessions/session.server";

/** A request from a signed-in person: a real session row and its cookie, as the browser would send it. */
export async function signedInRequest(
  url: string,
  userId: string,
  init: RequestInit = {},
): Promise<Request> {
  const setCookie = await startSession(userId);
  const cookie = setCookie.split(";")[0]!;
  const headers = new Headers(init.headers);
  headers.set("Cookie", cookie);
  return new Request(new URL(url, "http://localhost").toString(), { ...init, headers });
}

/** A signed-in form post; `fields` become an application/x-www-form-urlencoded body. */
export async function signedInPost(
  url: string,
  userId: string,
  fields: Record<string, string>,
): Promise<Request> {
  return signedInRequest(url, userId, { method: "POST", body: new URLSearchParams(fields) });
}

/**
 * The GET a browser makes when an answer redirects and sets a cookie for the page it names (a token
 * carried once, decision 154): the person's session and that cookie.
 */
export async function followedWithCookie(answer: unknown, userId: string): Promise<Request> {
  const response = answer as Response;
  const carried = response.headers.get("Set-Cookie")!.split(";")[0]!;
  const request = await signedInRequest(response.headers.get("Location")!, userId);
  const headers = new Headers(request.headers);
  headers.set("Cookie", `${request.headers.get("Cookie")}; ${carried}`);
  return new Request(request.url, { headers });
}
