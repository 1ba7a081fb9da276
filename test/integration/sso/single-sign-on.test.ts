import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { startIdentityProvider, TEST_CLIENT, type TestAccount } from "../../utils/identity-provider";

/**
 * Single sign-on against a real OpenID provider (oidc-provider on a loopback port): Rungs'
 * routes start the sign-in, the provider's own login and consent pages are filled in over
 * HTTP, and the provider's redirect comes back to Rungs' callback.
 */
const accounts: Record<string, TestAccount> = {
  ada: { email: "Ada.Lovelace@example.com", email_verified: true, name: "Ada Lovelace" },
  uma: { email: "uma.unverified@example.com", email_verified: false, name: "Uma Unverified" },
  nobody: { email: "nobody@example.com", email_verified: true, name: "No Body" },
  dora: { email: "dora.deactivated@example.com", email_verified: true, name: "Dora Deactivated" },
};
const provider = await startIdentityProvider({ appOrigins: ["http://localhost"], accounts });
// Before any app module reads the environment.
Object.assign(process.env, { OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: TEST_CLIENT.id, OIDC_CLIENT_SECRET: TEST_CLIENT.secret, OIDC_NAME: "Test IdP" });

const { db } = await import("~/db/client.server");
const { getSignedIn } = await import("~/modules/auth/session.server");
const startRoute = await import("~/routes/auth.oidc");
const callbackRoute = await import("~/routes/auth.oidc_.callback");
const logoutRoute = await import("~/routes/logout");
const loginRoute = await import("~/routes/login");
const { createPerson } = await import("../../utils/factories");
const { bodyOf, routeArgs, statusOf, thrown } = await import("../../utils/responses");
const { signedInRequest } = await import("../../utils/session");

afterAll(() => provider.stop());

type Started = { location: URL; cookie: string };

/** Presses "Sign in with …": Rungs answers with the provider's authorization URL and its attempt cookie. */
async function start(redirectTo = "/ladders"): Promise<Started> {
  const response = (await startRoute.loader(routeArgs(new Request(`http://localhost/auth/oidc?${new URLSearchParams({ redirectTo })}`)))) as Response;
  expect(response.status).toBe(302);
  return { location: new URL(response.headers.get("Location")!), cookie: response.headers.get("Set-Cookie")!.split(";")[0]! };
}

/** Signs in at the provider's own pages (login, then consent) and returns where it sends the browser back to. */
async function signInAtProvider(location: URL, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = location;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin !== provider.issuer) return url;
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as object), Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") } });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("Location")!, url);
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`The provider showed no login or consent form at ${url}: ${html.slice(0, 300)}`);
    url = new URL(action.replaceAll("&amp;", "&"), url);
    const fields: Record<string, string> = prompt === "login" ? { prompt, login, password: "any password" } : { prompt };
    init = { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded" } };
  }
  throw new Error("The provider never sent the browser back");
}

function callback(url: URL, cookie: string) {
  return callbackRoute.loader(routeArgs(new Request(url, { headers: { Cookie: cookie } })));
}

async function messageOf(run: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  const error = await thrown(run);
  return { status: statusOf(error), message: bodyOf<{ message: string }>(error).message };
}

let ada: { id: string };
let uma: { id: string };
beforeAll(async () => {
  ada = await createPerson({ name: "Ada Lovelace", email: "ada.lovelace@example.com" });
  uma = await createPerson({ name: "Uma Unverified", email: "uma.unverified@example.com" });
  await createPerson({ name: "Dora Deactivated", email: "dora.deactivated@example.com", deactivatedAt: new Date() });
});

describe("single sign-on with OpenID Connect", () => {
  test("a provider that cannot be reached gets a clear page and a log line, not a 500", async () => {
    await provider.stop();
    const errors = vi.mocked(console.error).mockImplementation(() => {});
    try {
      const refused = await messageOf(() => startRoute.loader(routeArgs(new Request("http://localhost/auth/oidc"))));
      expect(refused).toEqual({ status: 503, message: "Rungs could not reach your identity provider to sign you in. Try again in a few minutes; if it keeps happening, tell your admin." });
      expect(errors).toHaveBeenCalledWith(`Single sign-on: the identity provider at ${provider.issuer} could not be reached (discovery):`, expect.any(String));
    } finally {
      await provider.resume();
    }
  });

  test("the sign-in page offers the provider by name beside passwords", async () => {
    expect(await loginRoute.loader(routeArgs(new Request("http://localhost/login")))).toEqual({ singleSignOn: { name: "Test IdP" }, passwordLogin: true });
  });

  test("the authorization request uses the code flow with PKCE, a state and a nonce", async () => {
    const { location, cookie } = await start();
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: "code",
      client_id: TEST_CLIENT.id,
      redirect_uri: "http://localhost/auth/oidc/callback",
      scope: "openid email profile",
      code_challenge_method: "S256",
    });
    for (const parameter of ["state", "nonce", "code_challenge"]) expect(location.searchParams.get(parameter)).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(cookie).toMatch(/^rungs_sso=[A-Za-z0-9_-]{43}$/);
    // Only the attempt id's hash is stored.
    expect(await db.singleSignOnAttempt.count({ where: { idHash: cookie.split("=")[1] } })).toBe(0);
  });

  test("a person with a verified email signs in, once; signing out ends the session here and at the provider", async () => {
    const { location, cookie } = await start("/ladders");
    const back = await signInAtProvider(location, "ada");
    expect(back.pathname).toBe("/auth/oidc/callback");

    const response = (await callback(back, cookie)) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ladders");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/rungs_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/rungs_sso=; Path=\/auth\/oidc; Max-Age=0/);
    const sessionCookie = /rungs_session=[^;]+/.exec(setCookie)![0];
    const signedIn = await getSignedIn(new Request("http://localhost/", { headers: { Cookie: sessionCookie } }));
    expect(signedIn?.viewer.id).toBe(ada.id);
    const events = await db.auditEvent.findMany({ where: { subjectId: ada.id }, select: { action: true, actorId: true, detail: true } });
    expect(events).toEqual([{ action: "person.signed_in_with_single_sign_on", actorId: ada.id, detail: { issuer: provider.issuer, subject: "ada" } }]);

    // The same code and state again (a replay) are refused, and start no session.
    const sessions = await db.session.count();
    const replay = await messageOf(() => callback(back, cookie));
    expect(replay.status).toBe(400);
    expect(replay.message).toMatch(/^This sign-in could not be completed/);
    expect(await db.session.count()).toBe(sessions);

    const logout = (await logoutRoute.action(routeArgs(new Request("http://localhost/logout", { method: "POST", headers: { Cookie: sessionCookie } })))) as Response;
    const endSession = new URL(logout.headers.get("Location")!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/login");
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await getSignedIn(new Request("http://localhost/", { headers: { Cookie: sessionCookie } }))).toBeNull();
    const atProvider = await fetch(endSession, { redirect: "manual" });
    expect(atProvider.status).toBe(200);
  });

  test("a tampered state is refused and signs nobody in", async () => {
    const { location, cookie } = await start();
    const back = await signInAtProvider(location, "ada");
    back.searchParams.set("state", "tampered-state-value-0123456789");
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const sessions = await db.session.count();
    expect(await messageOf(() => callback(back, cookie))).toEqual({
      status: 400,
      message: "Rungs could not verify this sign-in with your identity provider, so it did not sign you in. Start again from the sign-in page.",
    });
    expect(await db.session.count()).toBe(sessions);
  });

  test("the provider's refusal text is shown only when the state is the sign-in's own", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const refusal = (state: string) =>
      new URL(`http://localhost/auth/oidc/callback?${new URLSearchParams({ error: "access_denied", error_description: "Your account is locked. Call +1-555-0100", state, iss: provider.issuer })}`);

    // Someone else's link, opened while a sign-in is in progress: their text is not Rungs' to show.
    const forged = await start();
    const shown = await messageOf(() => callback(refusal("WRONG"), forged.cookie));
    expect(shown).toEqual({ status: 400, message: "Rungs could not verify this sign-in with your identity provider, so it did not sign you in. Start again from the sign-in page." });

    const { location, cookie } = await start();
    const own = await messageOf(() => callback(refusal(location.searchParams.get("state")!), cookie));
    expect(own).toEqual({ status: 403, message: "Your identity provider did not sign you in (Your account is locked. Call +1-555-0100)." });
  });

  test("a callback from another browser (no attempt cookie) is refused", async () => {
    const { location } = await start();
    const back = await signInAtProvider(location, "ada");
    expect((await messageOf(() => callback(back, ""))).status).toBe(400);
  });

  test("an unverified email, an unknown email and a deactivated person are refused with their reason", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const sessions = await db.session.count();
    const people = await db.user.count();
    const refusals: Record<string, string> = {
      uma: "Your identity provider has not verified uma.unverified@example.com, so Rungs cannot sign you in with it. Verify it there, or ask your admin.",
      nobody: "Nobody with the email nobody@example.com is in Rungs yet. Ask an admin to add you.",
      dora: "The account for dora.deactivated@example.com is deactivated in Rungs. Ask an admin if you should still have access.",
    };
    for (const [login, message] of Object.entries(refusals)) {
      const { location, cookie } = await start();
      const back = await signInAtProvider(location, login);
      expect(await messageOf(() => callback(back, cookie))).toEqual({ status: 403, message });
    }
    expect(await db.session.count()).toBe(sessions);
    expect(await db.user.count()).toBe(people);
    expect(await db.auditEvent.count({ where: { subjectId: uma.id } })).toBe(0);
  });

  test("a provider that goes down before the code is exchanged gets a clear page and a log line", async () => {
    const { location, cookie } = await start();
    const back = await signInAtProvider(location, "ada");
    await provider.stop();
    const errors = vi.mocked(console.error).mockImplementation(() => {});
    try {
      expect((await messageOf(() => callback(back, cookie))).status).toBe(503);
      expect(errors).toHaveBeenCalledWith(`Single sign-on: the identity provider at ${provider.issuer} could not be reached (token exchange):`, expect.any(String));
    } finally {
      await provider.resume();
    }
  });

  test("an admin's session without single sign-on signs out to the sign-in page", async () => {
    const request = await signedInRequest("/logout", ada.id, { method: "POST" });
    const logout = (await logoutRoute.action(routeArgs(request))) as Response;
    expect(logout.headers.get("Location")).toBe("/login");
  });
});
