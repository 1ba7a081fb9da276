import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import {
  startIdentityProvider,
  TEST_CLIENT,
  type TestAccount,
} from "../../utils/identity-provider";
import type { Message } from "~/i18n/messages";

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
Object.assign(process.env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.id,
  OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
  OIDC_NAME: "Test IdP",
});

const { db } = await import("~/db/client.server");
const { getSignedIn } = await import("~/modules/identity/sessions/session.server");
const startRoute = await import("~/routes/auth.oidc");
const callbackRoute = await import("~/routes/auth.oidc_.callback");
const logoutRoute = await import("~/routes/logout");
const loginRoute = await import("~/routes/login");
const { createPerson } = await import("../../utils/factories");
const { bodyOf, routeArgs, statusOf, thrown } = await import("../../utils/responses");
const { signedInRequest } = await import("../../utils/session");

afterAll(() => provider.stop());

type Started = { location: URL; cookie: string };
type Refusal = {
  message: Message;
  providerName: string;
  signOutUrl: string | null;
  anotherAccountPath: string;
  passwordLogin: boolean;
  providerAddress: string;
};

/** Presses "Sign in with …" (or follows a link to /auth/oidc): Rungs answers with the provider's authorization URL and its attempt cookie. */
async function start(
  redirectTo = "/ladders",
  path = `/auth/oidc?${new URLSearchParams({ redirectTo })}`,
): Promise<Started> {
  const response = (await startRoute.loader(
    routeArgs(new Request(new URL(path, "http://localhost"))),
  )) as Response;
  expect(response.status).toBe(302);
  return {
    location: new URL(response.headers.get("Location")!),
    cookie: response.headers.get("Set-Cookie")!.split(";")[0]!,
  };
}

type Jar = Map<string, string>;

/**
 * Signs in at the provider's own pages (login, then consent, as they come) and returns where it
 * sends the browser back to. A browser's cookies at the provider are `jar`; the pages it showed
 * are added to `shown`. Forms the provider submits by script are submitted, and its sign-out
 * page is confirmed, as a browser and its user would.
 */
async function signInAtProvider(
  location: URL,
  login: string,
  jar: Jar = new Map(),
  shown: string[] = [],
): Promise<URL> {
  let url = location;
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    if (url.origin !== provider.issuer) return url;
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as object),
        Cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; "),
      },
    });
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
    const form = /<form[^>]*>/.exec(html)?.[0] ?? "";
    const action = /action="([^"]+)"/.exec(form)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const hidden = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"\/>/g)].map((match) => [
        match[1]!,
        match[2]!,
      ]),
    );
    let fields: Record<string, string>;
    if (prompt) {
      shown.push(prompt);
      fields = prompt === "login" ? { prompt, login, password: "any password" } : { prompt };
    } else if (form.includes('id="op.logoutForm"')) {
      shown.push("sign-out");
      fields = { ...hidden, logout: "yes" };
    } else if (html.includes("document.forms[0].submit()")) {
      fields = hidden;
    } else {
      throw new Error(
        `The provider showed no form Rungs' tests know at ${url}: ${html.slice(0, 300)}`,
      );
    }
    url = new URL(action!.replaceAll("&amp;", "&"), url);
    init = {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    };
  }
  throw new Error("The provider never sent the browser back");
}

function callback(url: URL, cookie: string) {
  return callbackRoute.loader(routeArgs(new Request(url, { headers: { Cookie: cookie } })));
}

async function messageOf(
  run: () => Promise<unknown>,
): Promise<{ status: number; message: string }> {
  const error = await thrown(run);
  return { status: statusOf(error), message: bodyOf<{ message: string }>(error).message };
}

let ada: { id: string };
let uma: { id: string };
beforeAll(async () => {
  ada = await createPerson({ name: "Ada Lovelace", email: "ada.lovelace@example.com" });
  uma = await createPerson({ name: "Uma Unverified", email: "uma.unverified@example.com" });
  await createPerson({
    name: "Dora Deactivated",
    email: "dora.deactivated@example.com",
    deactivatedAt: new Date(),
  });
});

describe("single sign-on with OpenID Connect", () => {
  test("a provider that cannot be reached gets a clear page and a log line, not a 500", async () => {
    await provider.stop();
    const errors = vi.mocked(console.error).mockImplementation(() => {});
    try {
      const refused = await messageOf(() =>
        startRoute.loader(routeArgs(new Request("http://localhost/auth/oidc"))),
      );
      expect(refused).toEqual({
        status: 503,
        message:
          "Rungs could not reach your identity provider to sign you in. Try again in a few minutes; if it keeps happening, tell your admin.",
      });
      expect(errors).toHaveBeenCalledWith(
        `Single sign-on: the identity provider at ${provider.issuer} could not be reached (discovery):`,
        expect.any(String),
      );
    } finally {
      await provider.resume();
    }
  });

  test("the sign-in page offers the provider by name beside passwords", async () => {
    expect(await loginRoute.loader(routeArgs(new Request("http://localhost/login")))).toEqual({
      singleSignOn: { name: "Test IdP" },
      passwordLogin: true,
    });
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
    for (const parameter of ["state", "nonce", "code_challenge"])
      expect(location.searchParams.get(parameter)).toMatch(/^[A-Za-z0-9_-]{22,}$/);
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
    const signedIn = await getSignedIn(
      new Request("http://localhost/", { headers: { Cookie: sessionCookie } }),
    );
    expect(signedIn?.viewer.id).toBe(ada.id);
    const events = await db.auditEvent.findMany({
      where: { subjectId: ada.id },
      select: { action: true, actorId: true, detail: true },
    });
    expect(events).toEqual([
      {
        action: "person.signed_in_with_single_sign_on",
        actorId: ada.id,
        detail: { issuer: provider.issuer, subject: "ada" },
      },
    ]);

    // The same code and state again (a replay) are refused, and start no session.
    const sessions = await db.session.count();
    const replay = await messageOf(() => callback(back, cookie));
    expect(replay.status).toBe(400);
    expect(replay.message).toMatch(/^This sign-in could not be completed/);
    expect(await db.session.count()).toBe(sessions);

    const logout = (await logoutRoute.action(
      routeArgs(
        new Request("http://localhost/logout", {
          method: "POST",
          headers: { Cookie: sessionCookie },
        }),
      ),
    )) as Response;
    const endSession = new URL(logout.headers.get("Location")!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/login");
    expect(endSession.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(
      await getSignedIn(new Request("http://localhost/", { headers: { Cookie: sessionCookie } })),
    ).toBeNull();
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
      message:
        "Rungs could not verify this sign-in with your identity provider, so it did not sign you in. Start again from the sign-in page.",
    });
    expect(await db.session.count()).toBe(sessions);
  });

  test("the provider's refusal text is shown only when the state is the sign-in's own", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const refusal = (state: string) =>
      new URL(
        `http://localhost/auth/oidc/callback?${new URLSearchParams({ error: "access_denied", error_description: "Your account is locked. Call +1-555-0100", state, iss: provider.issuer })}`,
      );

    // Someone else's link, opened while a sign-in is in progress: their text is not Rungs' to show.
    const forged = await start();
    const shown = await messageOf(() => callback(refusal("WRONG"), forged.cookie));
    expect(shown).toEqual({
      status: 400,
      message:
        "Rungs could not verify this sign-in with your identity provider, so it did not sign you in. Start again from the sign-in page.",
    });

    const { location, cookie } = await start();
    const own = await callback(refusal(location.searchParams.get("state")!), cookie);
    expect(statusOf(own)).toBe(403);
    expect(bodyOf<Refusal>(own).message).toEqual({
      key: "auth:singleSignOn.refusals.byProvider",
      values: { reason: "Your account is locked. Call +1-555-0100" },
    });
    // No ID token to hint with: the provider's sign-out page is offered without one.
    const signOut = new URL(bodyOf<Refusal>(own).signOutUrl!);
    expect(Object.fromEntries(signOut.searchParams)).toEqual({
      post_logout_redirect_uri: "http://localhost/login",
      client_id: TEST_CLIENT.id,
    });
  });

  test("a callback from another browser (no attempt cookie) is refused", async () => {
    const { location } = await start();
    const back = await signInAtProvider(location, "ada");
    expect((await messageOf(() => callback(back, ""))).status).toBe(400);
  });

  test("an unverified email, an unknown email and a deactivated person are refused with their reason and the ways out", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const sessions = await db.session.count();
    const people = await db.user.count();
    const refusals: Record<string, Message> = {
      uma: {
        key: "auth:singleSignOn.refusals.unverified",
        values: { email: "uma.unverified@example.com" },
      },
      nobody: {
        key: "auth:singleSignOn.refusals.unknown",
        values: { email: "nobody@example.com" },
      },
      dora: {
        key: "auth:singleSignOn.refusals.deactivated",
        values: { email: "dora.deactivated@example.com" },
      },
    };
    for (const [login, message] of Object.entries(refusals)) {
      const { location, cookie } = await start();
      const back = await signInAtProvider(location, login);
      const refused = await callback(back, cookie);
      expect(statusOf(refused)).toBe(403);
      const refusal = bodyOf<Refusal>(refused);
      expect(refusal).toMatchObject({
        message,
        providerName: "Test IdP",
        anotherAccountPath: "/auth/oidc?redirectTo=%2Fladders&account=another",
        passwordLogin: true,
      });
      // The provider's own end-session page, with the refused sign-in's ID token as the hint, back to the sign-in page.
      const signOut = new URL(refusal.signOutUrl!);
      expect(signOut.origin).toBe(provider.issuer);
      expect(signOut.searchParams.get("id_token_hint")).toMatch(/^ey/);
      expect(signOut.searchParams.get("post_logout_redirect_uri")).toBe("http://localhost/login");
    }
    expect(await db.session.count()).toBe(sessions);
    expect(await db.user.count()).toBe(people);
    expect(await db.auditEvent.count({ where: { subjectId: uma.id } })).toBe(0);
  });

  test("someone refused is not stuck: the provider asks for another account, or signs them out and back to the sign-in page", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const browser: Jar = new Map();
    const shown: string[] = [];
    const first = await start();
    const refusal = bodyOf<Refusal>(
      await callback(await signInAtProvider(first.location, "uma", browser, shown), first.cookie),
    );
    expect(shown).toEqual(["login", "consent"]);

    // Signing in again as before: the provider, still signed in as Uma, sends her straight back, and she is refused again.
    shown.length = 0;
    const again = await start();
    expect(
      statusOf(
        await callback(await signInAtProvider(again.location, "ada", browser, shown), again.cookie),
      ),
    ).toBe(403);
    expect(shown).toEqual([]);

    // "Try another account": the provider asks for credentials, and Ada's sign her in.
    const another = await start(undefined, refusal.anotherAccountPath);
    expect(another.location.searchParams.get("prompt")).toBe("login");
    const signedIn = (await callback(
      await signInAtProvider(another.location, "ada", browser, shown),
      another.cookie,
    )) as Response;
    expect(shown).toEqual(["login", "consent"]);
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("Location")).toBe("/ladders");
    const session = /rungs_session=[^;]+/.exec(signedIn.headers.get("Set-Cookie")!)![0];
    expect(
      (await getSignedIn(new Request("http://localhost/", { headers: { Cookie: session } })))
        ?.viewer.id,
    ).toBe(ada.id);

    // "Sign out of Test IdP", from another refusal: the provider confirms, ends its session and sends the browser to Rungs' sign-in page.
    const other: Jar = new Map();
    const third = await start();
    const signOut = new URL(
      bodyOf<Refusal>(
        await callback(await signInAtProvider(third.location, "uma", other), third.cookie),
      ).signOutUrl!,
    );
    shown.length = 0;
    expect((await signInAtProvider(signOut, "", other, shown)).href).toBe("http://localhost/login");
    expect(shown).toEqual(["sign-out"]);
    // Signed out there, the next sign-in asks who it is.
    shown.length = 0;
    const fourth = await start();
    expect(
      (
        (await callback(
          await signInAtProvider(fourth.location, "ada", other, shown),
          fourth.cookie,
        )) as Response
      ).status,
    ).toBe(302);
    expect(shown[0]).toBe("login");
  });

  test("a provider that goes down before the code is exchanged gets a clear page and a log line", async () => {
    const { location, cookie } = await start();
    const back = await signInAtProvider(location, "ada");
    await provider.stop();
    const errors = vi.mocked(console.error).mockImplementation(() => {});
    try {
      expect((await messageOf(() => callback(back, cookie))).status).toBe(503);
      expect(errors).toHaveBeenCalledWith(
        `Single sign-on: the identity provider at ${provider.issuer} could not be reached (token exchange):`,
        expect.any(String),
      );
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
