// Admins, the deployment's security officers, see every person's own API token that still works
// (whose, its name and scopes, never its secret) and revoke any of them on the admins' API page;
// its person is told by email, in their language, read back from a real SMTP server. Nobody else
// revokes a token that is not theirs.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { issueApiToken, overseenPersonTokens } from "~/modules/api/tokens.server";
import { deliverQueued } from "~/modules/notifications/outbox.server";
import * as adminRoute from "~/routes/admin.api";
import * as accountRoute from "~/routes/settings.api";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { startSmtpSink } from "../../utils/smtp-sink";
import { api } from "./helpers";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let org: {
  admin: { id: string; name: string };
  owner: { id: string; email: string };
  colleague: { id: string };
};

beforeAll(async () => {
  sink = await startSmtpSink();
  const admin = await createAdmin({ name: "Ada Admin" });
  const owner = await createPerson({
    name: "Otto Owner",
    track: "ic",
    level: "ic2",
    language: "de",
  });
  const colleague = await createPerson({ name: "Cleo Colleague", track: "ic", level: "ic2" });
  org = { admin, owner, colleague };
});
afterAll(async () => {
  await sink.close();
});

const post = async (
  route: { action: (args: never) => Promise<unknown> },
  path: string,
  personId: string,
  fields: Record<string, string>,
) =>
  route.action(
    routeArgs(
      await signedInRequest(path, personId, { method: "POST", body: new URLSearchParams(fields) }),
    ) as never,
  );

const deliver = () => deliverQueued(sink.transport(), "Rungs <rungs@example.com>");

describe("an admin oversees people's own tokens", () => {
  test("lists every one that still works with whose it is, never its secret, and revokes it: the tool is refused, the audit log names the owner, and the owner is told in German", async () => {
    const issued = await issueApiToken(
      org.owner.id,
      "Ottos Tabelle",
      ["people:read", "ladders:read"],
      "person",
    );
    const gone = await issueApiToken(org.owner.id, "Old script", ["people:read"], "person");
    await post(accountRoute, "/settings/api", org.owner.id, { intent: "revoke", tokenId: gone.id });
    expect((await api(issued.token, "GET", "/people")).status).toBe(200);

    const page = bodyOf<{
      personTokens: {
        id: string;
        name: string;
        issuedBy: string;
        scopes: string[];
        lastUsedAt: string | null;
      }[];
    }>(await adminRoute.loader(routeArgs(await signedInRequest("/admin/api", org.admin.id))));
    expect(page.personTokens).toEqual([
      expect.objectContaining({
        id: issued.id,
        name: "Ottos Tabelle",
        issuedBy: "Otto Owner",
        scopes: ["people:read", "ladders:read"],
        lastUsedAt: expect.any(String),
      }),
    ]);
    const hash = (await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).tokenHash;
    expect(JSON.stringify(page)).not.toContain(issued.token);
    expect(JSON.stringify(page)).not.toContain(hash);

    const before = sink.received.length;
    const revoked = await post(adminRoute, "/admin/api", org.admin.id, {
      intent: "revoke",
      tokenId: issued.id,
    });
    expect(answerOf(revoked)).toEqual({ status: 302, location: "/admin/api?done=revoked" });
    expect((await api(issued.token, "GET", "/people")).status).toBe(401);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "api.token_revoked", subjectId: issued.id },
      select: { actorId: true, detail: true },
    });
    expect(event.actorId).toBe(org.admin.id);
    expect(event.detail).toEqual({ name: "Ottos Tabelle", reach: "person", ownerId: org.owner.id });

    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    const mail = sink.received
      .slice(before)
      .filter((message) => message.to.includes(org.owner.email));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.mail.subject).toBe("Ihr API-Token „Ottos Tabelle“ wurde widerrufen");
    expect(mail[0]!.mail.text).toContain(
      "Ada Admin, Admin von Rungs, hat Ihr API-Token „Ottos Tabelle“ am",
    );
    expect(mail[0]!.mail.text).toContain("http://rungs.test/settings/api");
    expect(String(mail[0]!.mail.html)).toContain('<html lang="de">');
    // A security notice is not a choice the person can turn off.
    expect(mail[0]!.mail.headers.get("list-unsubscribe")).toBeUndefined();

    // Revoked once, told once: a second press changes nothing.
    await post(adminRoute, "/admin/api", org.admin.id, { intent: "revoke", tokenId: issued.id });
    expect(await db.outboxMessage.count({ where: { userId: org.owner.id } })).toBe(1);
  });

  test("a person who revokes their own token gets no email about it", async () => {
    const own = await issueApiToken(org.colleague.id, "Cleo's sheet", ["people:read"], "person");
    await post(accountRoute, "/settings/api", org.colleague.id, {
      intent: "revoke",
      tokenId: own.id,
    });
    expect((await api(own.token, "GET", "/people")).status).toBe(401);
    expect(await db.outboxMessage.count({ where: { userId: org.colleague.id } })).toBe(0);
  });

  test("anyone else who is not an admin finds no such token, and it keeps working; the admins' list is not theirs", async () => {
    const others = await issueApiToken(org.owner.id, "Ottos zweites", ["people:read"], "person");
    expect(
      statusOf(
        await thrown(() =>
          post(accountRoute, "/settings/api", org.colleague.id, {
            intent: "revoke",
            tokenId: others.id,
          }),
        ),
      ),
    ).toBe(404);
    expect((await api(others.token, "GET", "/people")).status).toBe(200);
    expect(
      await db.apiToken.findUniqueOrThrow({
        where: { id: others.id },
        select: { revokedAt: true },
      }),
    ).toEqual({ revokedAt: null });
    expect(
      statusOf(
        await thrown(async () =>
          adminRoute.loader(routeArgs(await signedInRequest("/admin/api", org.colleague.id))),
        ),
      ),
    ).toBe(403);
    await expect(overseenPersonTokens({ isAdmin: false })).rejects.toMatchObject({
      kind: "not-found",
    });
  });
});
