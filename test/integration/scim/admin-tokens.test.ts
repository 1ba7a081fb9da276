import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as auditRoute from "~/routes/admin.audit";
import * as tokensRoute from "~/routes/admin.scim";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { followedWithCookie, signedInPost, signedInRequest } from "../../utils/session";
import { scim } from "./helpers";

type Created = { created: { name: string; token: string } | null };

async function post(adminId: string, fields: Record<string, string>) {
  return tokensRoute.action(routeArgs(await signedInPost("/admin/scim", adminId, fields)));
}

describe("the admins' SCIM token page", () => {
  test("only admins may read it or change anything on it", async () => {
    const engineer = await createPerson();
    expect(
      statusOf(
        await thrown(async () =>
          tokensRoute.loader(routeArgs(await signedInRequest("/admin/scim", engineer.id))),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(await thrown(() => post(engineer.id, { intent: "create", name: "Sneaky" }))),
    ).toBe(403);
    expect(await db.scimToken.count({ where: { name: "Sneaky" } })).toBe(0);
  });

  test("a named token is shown once, works for SCIM, shows when it was last used, and stops working when revoked; all audited", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    // Created, it is carried once to the page the answer redirects to (decision 154).
    const creating = await post(admin.id, { intent: "create", name: "Okta production" });
    expect(answerOf(creating)).toEqual({ status: 302, location: "/admin/scim" });
    const created = bodyOf<Created>(
      await tokensRoute.loader(routeArgs(await followedWithCookie(creating, admin.id))),
    );
    const token = created.created!.token;
    expect(token).toMatch(/^rungs_scim_/);
    const row = await db.scimToken.findFirstOrThrow({ where: { name: "Okta production" } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toHaveLength(64);

    const page = bodyOf<{ tokens: Record<string, unknown>[]; baseUrl: string }>(
      await tokensRoute.loader(routeArgs(await signedInRequest("/admin/scim", admin.id))),
    );
    expect(page.baseUrl).toBe("http://localhost/scim/v2");
    expect(page.tokens).toEqual([
      expect.objectContaining({
        name: "Okta production",
        createdBy: "Ada Admin",
        lastUsedAt: null,
        revokedAt: null,
      }),
    ]);
    expect(JSON.stringify(page)).not.toContain(token);

    expect((await scim(token, "GET", "/ServiceProviderConfig")).status).toBe(200);
    const provisioned = await scim(token, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "via.okta@example.com",
    });
    expect(provisioned.status).toBe(201);
    const log = bodyOf<{
      events: {
        action: string;
        actor: unknown;
        scimToken: { name: string } | null;
        subjectId: string | null;
      }[];
    }>(await auditRoute.loader(routeArgs(await signedInRequest("/admin/audit", admin.id))));
    expect(log.events.find((event) => event.subjectId === provisioned.body.id)).toMatchObject({
      action: "person.created",
      actor: null,
      scimToken: { name: "Okta production" },
    });
    const used = bodyOf<{ tokens: { lastUsedAt: string | null }[] }>(
      await tokensRoute.loader(routeArgs(await signedInRequest("/admin/scim", admin.id))),
    );
    expect(used.tokens[0]!.lastUsedAt).not.toBeNull();

    expect(answerOf(await post(admin.id, { intent: "revoke", tokenId: row.id }))).toEqual({
      status: 302,
      location: "/admin/scim?done=revoked",
    });
    expect((await scim(token, "GET", "/ServiceProviderConfig")).status).toBe(401);
    const after = bodyOf<{ tokens: { revokedAt: string | null }[] }>(
      await tokensRoute.loader(routeArgs(await signedInRequest("/admin/scim", admin.id))),
    );
    expect(after.tokens[0]!.revokedAt).not.toBeNull();

    const events = await db.auditEvent.findMany({
      where: { subjectId: row.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, detail: true },
    });
    expect(events).toEqual([
      { action: "scim.token_created", actorId: admin.id, detail: { name: "Okta production" } },
      { action: "scim.token_revoked", actorId: admin.id, detail: { name: "Okta production" } },
    ]);
  });

  test("a blank name is refused with a message and nothing is made; an unknown token to revoke is a 404", async () => {
    const admin = await createAdmin();
    const before = await db.scimToken.count();
    const answer = await post(admin.id, { intent: "create", name: "   " });
    expect(statusOf(answer)).toBe(400);
    expect(JSON.stringify(bodyOf(answer))).toContain("admin:scim.errors.tokenNameRequired");
    expect(await db.scimToken.count()).toBe(before);
    expect(
      statusOf(await thrown(() => post(admin.id, { intent: "revoke", tokenId: "nope" }))),
    ).toBe(404);
  });
});
