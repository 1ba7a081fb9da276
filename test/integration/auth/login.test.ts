import { contextWith } from "~/utils/server-facts";
import { describe, expect, test } from "vitest";
import { hashPassword } from "~/modules/identity/passwords/password.server";
import { getSignedIn } from "~/modules/identity/sessions/session.server";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { db } from "~/db/client.server";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";

const PASSWORD = "correct horse battery";

async function personWithPassword(overrides: Parameters<typeof createPerson>[0] = {}) {
  const person = await createPerson(overrides);
  await db.password.create({ data: { userId: person.id, hash: await hashPassword(PASSWORD) } });
  return person;
}

function loginRequest(email: string, password: string, redirectTo = "", cookie = "") {
  return new Request("http://localhost/login", {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo }),
    headers: cookie ? { Cookie: cookie } : {},
  });
}

function login(
  email: string,
  password: string,
  { address = "10.0.0.1", redirectTo = "", cookie = "" } = {},
) {
  return loginAction({
    ...routeArgs(loginRequest(email, password, redirectTo, cookie)),
    context: contextWith({ clientAddress: address }),
  });
}

/** The device cookie a successful sign-in set, as a browser would send it back. */
function deviceCookieOf(response: unknown): string {
  const header = (response as Response).headers.get("Set-Cookie") ?? "";
  const match = /rungs_device=[^;,]+/.exec(header);
  if (!match) throw new Error(`no device cookie in ${header}`);
  return match[0];
}

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

describe("signing in", () => {
  test("the right password starts a server-side session with a safe cookie", async () => {
    const person = await personWithPassword();
    const response = (await login(person.email, PASSWORD, { redirectTo: "/ladders" })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ladders");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^rungs_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(1);

    const signedIn = await getSignedIn(
      new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } }),
    );
    expect(signedIn?.viewer.id).toBe(person.id);
  });

  test("a redirect to another site is ignored", async () => {
    const person = await personWithPassword();
    const response = (await login(person.email, PASSWORD, {
      redirectTo: "//evil.example.com",
    })) as Response;
    expect(response.headers.get("Location")).toBe("/");
  });

  test("a wrong password is refused with status 400, keeps the email and starts no session", async () => {
    const person = await personWithPassword();
    const result = await login(person.email, "wrong password");
    expect(statusOf(result)).toBe(400);
    const reply = bodyOf<Reply>(result);
    expect(reply.error?.[""]).toEqual(["That email and password do not match an active account."]);
    expect(reply.initialValue?.email).toBe(person.email);
    expect(reply.initialValue?.password).toBeUndefined();
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });

  test("an unknown email gets the same answer as a wrong password", async () => {
    const result = await login("nobody@example.com", "whatever");
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<Reply>(result).error?.[""]).toEqual([
      "That email and password do not match an active account.",
    ]);
  });

  test("a malformed email is a field error", async () => {
    const result = await login("not-an-email", "x");
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<Reply>(result).error?.email).toEqual(["auth:login.errors.emailInvalid"]);
  });

  test("five failures from one address lock the account from that address, even for the right password, with a clear message; from elsewhere it signs in", async () => {
    const person = await personWithPassword();
    for (let i = 0; i < 5; i++)
      expect(statusOf(await login(person.email, `wrong ${i}`, { address: "10.0.1.1" }))).toBe(400);
    const locked = await login(person.email, PASSWORD, { address: "10.0.1.1" });
    expect(statusOf(locked)).toBe(429);
    expect(bodyOf<Reply>(locked).error?.[""]?.[0]).toMatch(
      /^Too many failed sign-in attempts\. Try again in 15 minutes/,
    );
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    // The owner, in a new browser elsewhere, is not locked out by someone else's failures.
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.0.2.1" }))).toBe(302);
  });

  test("guessing one account's password from many addresses is still bounded: twenty failures lock it for new browsers everywhere", async () => {
    const person = await personWithPassword();
    for (let i = 0; i < 20; i++)
      expect(statusOf(await login(person.email, `guess ${i}`, { address: `10.0.3.${i}` }))).toBe(
        400,
      );
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.0.4.1" }))).toBe(429);
  });

  test("failures on other accounts from one address (an office behind one NAT) do not lock out someone signing in correctly from it", async () => {
    const person = await personWithPassword();
    for (let i = 0; i < 30; i++)
      await login(`someone${i}@example.com`, "guess", { address: "10.9.9.9" });
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.9.9.9" }))).toBe(302);
  });

  test("someone failing on another person's email cannot lock them out of a browser they have signed in from", async () => {
    const person = await personWithPassword();
    const signedIn = await login(person.email, PASSWORD, { address: "10.3.0.1" });
    expect(statusOf(signedIn)).toBe(302);
    const device = deviceCookieOf(signedIn);
    expect((signedIn as Response).headers.get("Set-Cookie")).toMatch(
      /rungs_device=[^;]+; Path=\/; Max-Age=31536000; HttpOnly; SameSite=Lax/,
    );

    // An attacker fails twenty times from four addresses, which locks the account for new browsers everywhere.
    for (let i = 0; i < 20; i++)
      expect(
        statusOf(await login(person.email, `guess ${i}`, { address: `10.3.1.${i % 4}` })),
      ).toBe(400);
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.3.2.1" }))).toBe(429);
    // A made-up device cookie is no better than none.
    expect(
      statusOf(
        await login(person.email, PASSWORD, {
          address: "10.3.2.2",
          cookie: "rungs_device=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        }),
      ),
    ).toBe(429);
    // The person's own browser still signs in, from anywhere.
    expect(
      statusOf(await login(person.email, PASSWORD, { address: "10.3.9.9", cookie: device })),
    ).toBe(302);
  });

  test("a known browser has its own count: five failures there lock it, not the account", async () => {
    const person = await personWithPassword();
    const device = deviceCookieOf(await login(person.email, PASSWORD, { address: "10.4.0.1" }));
    for (let i = 0; i < 5; i++)
      expect(
        statusOf(await login(person.email, `typo ${i}`, { address: "10.4.0.1", cookie: device })),
      ).toBe(400);
    expect(
      statusOf(await login(person.email, PASSWORD, { address: "10.4.0.1", cookie: device })),
    ).toBe(429);
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.4.0.2" }))).toBe(302);
  });

  test("a device cookie of another account does not count as known for this one", async () => {
    const person = await personWithPassword();
    const attacker = await personWithPassword();
    const attackersDevice = deviceCookieOf(
      await login(attacker.email, PASSWORD, { address: "10.5.0.1" }),
    );
    for (let i = 0; i < 5; i++)
      await login(person.email, `guess ${i}`, { address: "10.5.0.1", cookie: attackersDevice });
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.5.0.1" }))).toBe(429);
  });

  test("when every client shares one address (a proxy not trusted), failures on an account lock its new browsers through that address, never its known browsers", async () => {
    const person = await personWithPassword();
    const device = deviceCookieOf(await login(person.email, PASSWORD, { address: "10.6.6.6" }));
    for (let i = 0; i < 30; i++)
      await login(`stranger${i}@example.com`, "guess", { address: "10.6.6.6" });
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.6.6.6" }))).toBe(302);
    for (let i = 0; i < 5; i++) await login(person.email, `guess ${i}`, { address: "10.6.6.6" });
    expect(statusOf(await login(person.email, PASSWORD, { address: "10.6.6.6" }))).toBe(429);
    expect(
      statusOf(await login(person.email, PASSWORD, { address: "10.6.6.6", cookie: device })),
    ).toBe(302);
  });

  test("a deactivated person cannot sign in, and their open sessions stop working", async () => {
    const person = await personWithPassword();
    const response = (await login(person.email, PASSWORD)) as Response;
    const cookie = response.headers.get("Set-Cookie")!.split(";")[0]!;
    await db.user.update({ where: { id: person.id }, data: { deactivatedAt: new Date() } });
    expect(statusOf(await login(person.email, PASSWORD))).toBe(400);
    expect(
      await getSignedIn(new Request("http://localhost/", { headers: { Cookie: cookie } })),
    ).toBeNull();
  });
});

describe("signing out", () => {
  test("deletes the session row and clears the cookie", async () => {
    const person = await personWithPassword();
    const cookie = ((await login(person.email, PASSWORD)) as Response).headers
      .get("Set-Cookie")!
      .split(";")[0]!;
    const response = (await logoutAction(
      routeArgs(
        new Request("http://localhost/logout", { method: "POST", headers: { Cookie: cookie } }),
      ),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/login");
    expect(response.headers.get("Set-Cookie")).toMatch(/rungs_session=;/);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
  });
});

describe("sessions", () => {
  test("an expired session is not accepted", async () => {
    const person = await personWithPassword();
    const cookie = ((await login(person.email, PASSWORD)) as Response).headers
      .get("Set-Cookie")!
      .split(";")[0]!;
    await db.session.updateMany({
      where: { userId: person.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      await getSignedIn(new Request("http://localhost/", { headers: { Cookie: cookie } })),
    ).toBeNull();
  });

  test("a session past half its life is extended and the cookie re-sent (sliding renewal)", async () => {
    const person = await personWithPassword();
    const cookie = ((await login(person.email, PASSWORD)) as Response).headers
      .get("Set-Cookie")!
      .split(";")[0]!;
    const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    await db.session.updateMany({ where: { userId: person.id }, data: { expiresAt: soon } });
    const signedIn = await getSignedIn(
      new Request("http://localhost/", { headers: { Cookie: cookie } }),
    );
    expect(signedIn?.refreshCookie).toMatch(/^rungs_session=/);
    const session = await db.session.findFirstOrThrow({ where: { userId: person.id } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  });
});
