import { describe, expect, test } from "vitest";
import { verifyPassword } from "~/modules/identity/passwords/password.server";
import { getSignedIn } from "~/modules/identity/sessions/session.server";
import { hashSignInToken } from "~/modules/identity/sign-in-links/sign-in-link.server";
import * as editRoute from "~/routes/admin.people.$personId";
import * as setPasswordRoute from "~/routes/set-password.$token";
import { db } from "~/db/client.server";
import { inEnglishWords, inWordsOf } from "../../utils/english";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

const password = "correct horse battery staple";

async function createLink(
  adminId: string,
  personId: string,
): Promise<{ url: string; token: string }> {
  const result = await editRoute.action(
    routeArgs(
      await signedInPost(`/admin/people/${personId}`, adminId, { intent: "create-sign-in-link" }),
      { personId },
    ),
  );
  const { link } = bodyOf<{ link: string }>(result);
  const url = new URL(link);
  const token = url.pathname.replace("/set-password/", "");
  return { url: link, token };
}

function load(token: string) {
  return setPasswordRoute.loader(
    routeArgs(new Request(`http://localhost/set-password/${token}`), { token }),
  );
}

function submit(token: string, fields: Record<string, string>) {
  const request = new Request(`http://localhost/set-password/${token}`, {
    method: "POST",
    body: new URLSearchParams(fields),
  });
  return setPasswordRoute.action(routeArgs(request, { token }));
}

describe("sign-in links", () => {
  test("an admin creates a link; only its hash is stored; it expires in 7 days", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    const { url, token } = await createLink(admin.id, person.id);
    expect(url).toMatch(/^http:\/\/localhost\/set-password\/[A-Za-z0-9_-]{43}$/);
    const stored = await db.passwordToken.findMany({ where: { userId: person.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashSignInToken(token));
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(stored[0]!.createdById).toBe(admin.id);
    const days = (stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    expect(
      await db.auditEvent.count({
        where: { subjectId: person.id, action: "person.sign_in_link_created" },
      }),
    ).toBe(1);
  });

  test("the person sets a password once: signed in, other sessions ended, the link then 404s", async () => {
    const admin = await createAdmin();
    const person = await createPerson({ name: "Link User" });
    await signedInRequest("/", person.id);
    const { token } = await createLink(admin.id, person.id);

    expect(await load(token)).toEqual({ name: "Link User", email: person.email });

    const mismatch = await submit(token, { password, confirm: "something else entirely" });
    expect(statusOf(mismatch)).toBe(400);
    expect(bodyOf<{ error: Record<string, string[]> }>(mismatch).error.confirm).toEqual([
      "people:passwordFields.errors.mismatch",
    ]);
    const short = await submit(token, { password: "short", confirm: "short" });
    const [tooShort, ...others] = bodyOf<{ error: Record<string, string[]> }>(short).error
      .password!;
    expect(others).toEqual([]);
    // The page words it in the reader's language, with the number the rule holds.
    expect(inEnglishWords(tooShort!)).toBe("Use at least 12 characters.");
    expect(inWordsOf("de", tooShort!)).toBe("Verwenden Sie mindestens 12 Zeichen.");

    const response = await submit(token, { password, confirm: password });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    const cookie = (response as Response).headers.get("Set-Cookie")!;
    const signedIn = await getSignedIn(
      new Request("http://localhost/", { headers: { Cookie: cookie.split(";")[0]! } }),
    );
    expect(signedIn?.viewer.id).toBe(person.id);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(1);
    const hash = (await db.password.findUniqueOrThrow({ where: { userId: person.id } })).hash;
    expect(await verifyPassword(hash, password)).toBe(true);

    expect(statusOf(await thrown(() => load(token)))).toBe(404);
    expect(
      statusOf(
        await thrown(() =>
          submit(token, { password: "another long password", confirm: "another long password" }),
        ),
      ),
    ).toBe(404);
    expect(
      await verifyPassword(
        (await db.password.findUniqueOrThrow({ where: { userId: person.id } })).hash,
        password,
      ),
    ).toBe(true);
  });

  test("a new link revokes the earlier unused one", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    const first = await createLink(admin.id, person.id);
    const second = await createLink(admin.id, person.id);
    expect(statusOf(await thrown(() => load(first.token)))).toBe(404);
    expect(await load(second.token)).toMatchObject({ email: person.email });
  });

  test("an expired link, an unknown token and a deactivated person's link all 404", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    const { token } = await createLink(admin.id, person.id);
    await db.passwordToken.updateMany({
      where: { userId: person.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(statusOf(await thrown(() => load(token)))).toBe(404);
    expect(statusOf(await thrown(() => submit(token, { password, confirm: password })))).toBe(404);
    expect(await db.password.findUnique({ where: { userId: person.id } })).toBeNull();

    expect(statusOf(await thrown(() => load("not-a-real-token-at-all-abcdefghijkl")))).toBe(404);
    expect(statusOf(await thrown(() => load("../../etc")))).toBe(404);

    const leaver = await createPerson();
    const leaverLink = await createLink(admin.id, leaver.id);
    await editRoute.action(
      routeArgs(
        await signedInPost(`/admin/people/${leaver.id}`, admin.id, { intent: "deactivate" }),
        { personId: leaver.id },
      ),
    );
    expect(statusOf(await thrown(() => load(leaverLink.token)))).toBe(404);
    const refused = await editRoute.action(
      routeArgs(
        await signedInPost(`/admin/people/${leaver.id}`, admin.id, {
          intent: "create-sign-in-link",
        }),
        { personId: leaver.id },
      ),
    );
    expect(statusOf(refused)).toBe(400);
  });
});
