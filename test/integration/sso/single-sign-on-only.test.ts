import { afterAll, describe, expect, test, vi } from "vitest";
import { startIdentityProvider, TEST_CLIENT } from "../../utils/identity-provider";

/** An organisation on single sign-on only: passwords off, people added on their first sign-in, a provider without an end-session page. */
const provider = await startIdentityProvider({
  appOrigins: ["http://localhost"],
  accounts: {
    nia: { email: "nia.new@example.com", email_verified: true, name: "Nia New" },
    uma: { email: "uma.unverified@example.com", email_verified: false, name: "Uma Unverified" },
  },
  endSession: false,
});
Object.assign(process.env, {
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: TEST_CLIENT.id,
  OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
  OIDC_CREATE_PEOPLE: "true",
  PASSWORD_LOGIN: "false",
});

const { db } = await import("~/db/client.server");
const { hashPassword } = await import("~/modules/identity/passwords/password.server");
const { createSignInLink } = await import("~/modules/identity/sign-in-links/sign-in-link.server");
const loginRoute = await import("~/routes/login");
const setPasswordRoute = await import("~/routes/set-password.$token");
const startRoute = await import("~/routes/auth.oidc");
const callbackRoute = await import("~/routes/auth.oidc_.callback");
const { createAdmin, createPerson } = await import("../../utils/factories");
const { bodyOf, routeArgs, statusOf, thrown } = await import("../../utils/responses");

afterAll(() => provider.stop());

/** Through the provider's login and consent pages over HTTP, back to Rungs' callback. */
async function signInThroughProvider(login: string): Promise<unknown> {
  const started = (await startRoute.loader(
    routeArgs(new Request("http://localhost/auth/oidc")),
  )) as Response;
  const attempt = started.headers.get("Set-Cookie")!.split(";")[0]!;
  const jar = new Map<string, string>();
  let url = new URL(started.headers.get("Location")!);
  let init: RequestInit = {};
  while (url.origin === provider.issuer) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as object),
        Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get("Location")!, url);
      init = {};
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)![1]!;
    url = new URL(/<form[^>]*action="([^"]+)"/.exec(html)![1]!.replaceAll("&amp;", "&"), url);
    init = {
      method: "POST",
      body: new URLSearchParams(
        prompt === "login"
          ? { prompt, login, password: "x" }
          : ({ prompt } as Record<string, string>),
      ),
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    };
  }
  return callbackRoute.loader(routeArgs(new Request(url, { headers: { Cookie: attempt } })));
}

describe("single sign-on only", () => {
  test("the sign-in page has no password form, and a password is refused even when right", async () => {
    expect(await loginRoute.loader(routeArgs(new Request("http://localhost/login")))).toEqual({
      singleSignOn: { name: "single sign-on" },
      passwordLogin: false,
    });
    const person = await createPerson();
    await db.password.create({
      data: { userId: person.id, hash: await hashPassword("correct horse battery") },
    });
    const request = new Request("http://localhost/login", {
      method: "POST",
      body: new URLSearchParams({ email: person.email, password: "correct horse battery" }),
    });
    const result = await loginRoute.action(routeArgs(request));
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ error: Record<string, string[]> }>(result).error[""]).toEqual([
      "Passwords are turned off here: sign in with single sign-on.",
    ]);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  test("only admins' one-time sign-in links work, for when the provider is down", async () => {
    const admin = await createAdmin();
    const engineer = await createPerson({ name: "Eve Engineer" });
    expect(await createSignInLink(admin.id, engineer.id)).toEqual({
      ok: false,
      message: { key: "people:edit.errors.linkPasswordsOff", values: { name: "Eve Engineer" } },
    });
    const link = await createSignInLink(admin.id, admin.id);
    if (!link.ok) throw new Error(link.message.key);
    const load = (token: string) =>
      setPasswordRoute.loader(
        routeArgs(new Request(`http://localhost/set-password/${token}`), { token }),
      );
    expect(await load(link.token)).toMatchObject({ email: admin.email });
    // A link made while passwords were on no longer works for someone who is no admin.
    const old = "o".repeat(43);
    const { hashSignInToken } =
      await import("~/modules/identity/sign-in-links/sign-in-link.server");
    await db.passwordToken.create({
      data: {
        tokenHash: hashSignInToken(old),
        userId: engineer.id,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect(statusOf(await thrown(() => load(old)))).toBe(404);
  });

  test("someone Rungs does not know is added on their first sign-in, as an engineer with no track, in the audit log", async () => {
    expect(statusOf(await signInThroughProvider("nia"))).toBe(302);
    const nia = await db.user.findUniqueOrThrow({ where: { email: "nia.new@example.com" } });
    expect(nia).toMatchObject({
      name: "Nia New",
      isAdmin: false,
      isHiringAdmin: false,
      track: null,
      level: null,
      managerId: null,
      deactivatedAt: null,
    });
    expect(await db.session.count({ where: { userId: nia.id } })).toBe(1);
    const events = await db.auditEvent.findMany({
      where: { subjectId: nia.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(events.map((event) => event.action).sort()).toEqual([
      "person.created",
      "person.signed_in_with_single_sign_on",
    ]);

    // The second time, the same person signs in: nobody else is added.
    expect(statusOf(await signInThroughProvider("nia"))).toBe(302);
    expect(await db.user.count({ where: { email: "nia.new@example.com" } })).toBe(1);
  });

  test("someone refused is told how to sign out at a provider with no end-session page, and offered no password", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const refused = await signInThroughProvider("uma");
    expect(statusOf(refused)).toBe(403);
    expect(bodyOf(refused)).toEqual({
      message: {
        key: "auth:singleSignOn.refusals.unverified",
        values: { email: "uma.unverified@example.com" },
      },
      providerName: "single sign-on",
      providerAddress: provider.issuer,
      signOutUrl: null,
      anotherAccountPath: "/auth/oidc?account=another",
      passwordLogin: false,
    });
  });
});
