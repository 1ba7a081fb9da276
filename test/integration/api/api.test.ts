// The API under /api/v1 as a tool calls it: its document is valid OpenAPI 3.1, and every answer the
// tests receive is checked against it (helpers.ts); tokens are scoped, revocable, rate-limited and
// act for the admin who issued them; lists page by cursors; writes go through the admins' checks
// and are audited.
import { beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.API_RATE_LIMIT = "25";
});

import { Validator } from "@seriousme/openapi-schema-validator";
import { db } from "~/db/client.server";
import { openApiDocument } from "~/modules/api/openapi";
import { API_SCOPES } from "~/modules/api/scopes";
import { revokeApiToken } from "~/modules/api/tokens.server";
import { createScimToken, revokeScimToken } from "~/modules/identity/scim/tokens.server";
import * as adminRoute from "~/routes/admin.api";
import * as apiRoute from "~/routes/api.v1.$";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { followedWithCookie, signedInPost, signedInRequest } from "../../utils/session";
import { api, tokenFor } from "./helpers";

let admin: Awaited<ReturnType<typeof createAdmin>>;
let reader: string;
let people: Awaited<ReturnType<typeof createPerson>>[];

beforeAll(async () => {
  admin = await createAdmin({ name: "Ada Admin" });
  const team = await db.team.create({ data: { name: "Payments" } });
  people = await Promise.all(
    ["Bo", "Cy", "Di", "Ed", "Flo"].map((name) =>
      createPerson({ name: `${name} Engineer`, teamId: team.id, track: "ic", level: "ic2" }),
    ),
  );
  reader = (
    await tokenFor(admin.id, ["people:read", "ladders:read", "outcomes:read", "aggregates:read"])
  ).token;
});

describe("the OpenAPI document", () => {
  test("is served without a token and is a valid OpenAPI 3.1 document", async () => {
    const response = await apiRoute.loader(
      routeArgs(new Request("http://localhost/api/v1/openapi.json"), { "*": "openapi.json" }),
    );
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served).toEqual(openApiDocument());
    const validator = new Validator();
    const result = await validator.validate(served);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // Team health's reads (decision 113) are in the validated document.
    expect(Object.keys(served.paths)).toEqual(
      expect.arrayContaining([
        "/team-health/results",
        "/team-health/check-ins/{checkInId}/teams/{teamId}",
      ]),
    );
  });
});

describe("addresses", () => {
  test("one the API does not have is a JSON 404 that points to the document; a method an address does not take, a 405 with Allow", async () => {
    const send = async (method: string, path: string) => {
      const request = new Request(`http://localhost/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${reader}` },
      });
      const args = routeArgs(request, { "*": path.slice(1) });
      return method === "GET" ? apiRoute.loader(args) : apiRoute.action(args);
    };
    const missing = await send("GET", "/reviews");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: {
        status: 404,
        code: "not_found",
        message: expect.stringContaining("/api/v1/openapi.json"),
      },
    });
    const wrongMethod = await send("DELETE", "/people");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("Allow")).toBe("GET, POST");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
  });
});

describe("tokens", () => {
  test("no token, or one Rungs did not issue, is a 401 that says how to authenticate", async () => {
    const none = await api(null, "GET", "/people");
    expect(none.status).toBe(401);
    expect(none.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect((await api("rungs_api_madeup", "GET", "/people")).status).toBe(401);
  });

  test("a token reads what its scopes allow and gets a 403 naming the scope for anything else", async () => {
    const laddersOnly = (await tokenFor(admin.id, ["ladders:read"])).token;
    const ladders = await api(laddersOnly, "GET", "/ladders");
    expect(ladders.status).toBe(200);
    expect(ladders.body.data.map((ladder: { id: string }) => ladder.id)).toContain("engineering");
    const refused = await api(laddersOnly, "GET", "/people");
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("insufficient_scope");
    expect(refused.headers.get("WWW-Authenticate")).toContain('scope="people:read"');
    expect(
      (await api(laddersOnly, "POST", "/people", { name: "Nope", email: "nope@example.com" }))
        .status,
    ).toBe(403);
    expect(await db.user.count({ where: { email: "nope@example.com" } })).toBe(0);
  });

  test("a token acts for its person as their pages would: not an admin any more, 403; left, 401", async () => {
    const former = await createAdmin({ name: "Fay Former" });
    const { token } = await tokenFor(former.id, ["people:read"]);
    expect((await api(token, "GET", "/people")).status).toBe(200);
    await db.user.update({ where: { id: former.id }, data: { isAdmin: false } });
    const notAdmin = await api(token, "GET", "/people");
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.error.code).toBe("forbidden");
    await db.user.update({ where: { id: former.id }, data: { deactivatedAt: new Date() } });
    expect((await api(token, "GET", "/people")).status).toBe(401);
  });

  test("a revoked token is a 401 from then on", async () => {
    const { id, token } = await tokenFor(admin.id, ["people:read"]);
    expect((await api(token, "GET", "/people?limit=1")).status).toBe(200);
    await revokeApiToken(admin, id);
    const after = await api(token, "GET", "/people?limit=1");
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("unauthenticated");
  });

  test("each token has its calls a minute; beyond them a 429 with Retry-After, and other tokens go on", async () => {
    const { token } = await tokenFor(admin.id, ["ladders:read"]);
    for (let call = 0; call < 25; call++)
      expect((await api(token, "GET", "/ladders")).status).toBe(200);
    const limited = await api(token, "GET", "/ladders");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await api(reader, "GET", "/ladders")).status).toBe(200);
  });
});

describe("lists", () => {
  test("page by opaque cursors through a set larger than one page, each row once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/people?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await api(reader, "GET", query);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((person: { id: string }) => person.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(
      (await db.user.findMany({ select: { id: true } })).map((row) => row.id).sort(),
    );
  });

  test("a cursor the API did not give, or a limit out of range, is a 422 naming the parameter", async () => {
    const cursor = await api(reader, "GET", "/people?cursor=not-ours");
    expect(cursor.status).toBe(422);
    expect(Object.keys(cursor.body.error.fields)).toEqual(["cursor"]);
    const limit = await api(reader, "GET", "/teams?limit=1000");
    expect(limit.status).toBe(422);
    expect(Object.keys(limit.body.error.fields)).toEqual(["limit"]);
  });

  test("one person, teams with their active members; an unknown id is a 404", async () => {
    const one = await api(reader, "GET", `/people/${people[0]!.id}`);
    expect(one.body).toMatchObject({
      id: people[0]!.id,
      name: "Bo Engineer",
      active: true,
      team: { name: "Payments" },
      track: "ic",
      level: "ic2",
    });
    expect((await api(reader, "GET", "/people/nobody")).status).toBe(404);
    const teams = await api(reader, "GET", "/teams");
    expect(teams.body.data).toEqual([
      expect.objectContaining({ name: "Payments", activeMembers: 5 }),
    ]);
  });
});

describe("writing people", () => {
  test("adds and changes people through the admins' checks, audited with the token's name", async () => {
    const { id: tokenId, token } = await tokenFor(
      admin.id,
      ["people:write", "people:read"],
      "Workday sync",
    );
    const bad = await api(token, "POST", "/people", {
      name: "",
      email: "not-an-email",
      unknown: 1,
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["body", "email", "name"].sort());
    const taken = await api(token, "POST", "/people", {
      name: "Bo Again",
      email: people[0]!.email,
    });
    expect(taken.status).toBe(422);
    expect(Object.keys(taken.body.error.fields)).toEqual(["email"]);

    const created = await api(token, "POST", "/people", {
      name: "Gus Joiner",
      email: "gus.joiner@example.com",
      managerEmail: admin.email,
      track: "ic",
      level: "ic1",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Gus Joiner",
      manager: { id: admin.id },
      track: "ic",
      level: "ic1",
      active: true,
    });
    expect(created.headers.get("Location")).toBe(
      `http://localhost/api/v1/people/${created.body.id}`,
    );

    const changed = await api(token, "PATCH", `/people/${created.body.id}`, {
      name: "Gus Joyner",
      managerEmail: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      name: "Gus Joyner",
      manager: null,
      track: "ic",
      level: "ic1",
      email: "gus.joiner@example.com",
    });
    expect((await api(token, "PATCH", "/people/nobody", { name: "X" })).status).toBe(404);

    const events = await db.auditEvent.findMany({
      where: { OR: [{ subjectId: created.body.id }, { subjectId: tokenId }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { action: true, actorId: true, detail: true },
    });
    expect(events.map((event) => event.action)).toEqual([
      "api.token_issued",
      "person.created",
      "api.person_created",
      "person.updated",
      "api.person_updated",
    ]);
    expect(events.every((event) => event.actorId === admin.id)).toBe(true);
    expect(events[4]!.detail).toEqual({
      token: "Workday sync",
      personId: created.body.id,
      fields: ["name", "managerEmail"],
    });
  });

  test("no token gives or takes a person's rights, whatever its scopes: a body naming them is refused and changes nothing", async () => {
    const { token } = await tokenFor(admin.id, [...API_SCOPES], "HR sync");
    const before = await db.user.count();
    for (const rights of [{ isAdmin: true }, { isHiringAdmin: true }, { isAdmin: false }]) {
      const made = await api(token, "POST", "/people", {
        name: "Eve Escalate",
        email: "eve.escalate@example.com",
        ...rights,
      });
      expect(made.status).toBe(422);
      expect(made.body.error.fields).toEqual(
        Object.fromEntries(Object.keys(rights).map((field) => [field, [expect.any(String)]])),
      );
    }
    expect(await db.user.count()).toBe(before);

    const target = people[1]!;
    const admins = await db.user.findMany({
      where: { OR: [{ isAdmin: true }, { isHiringAdmin: true }] },
      select: { id: true, isAdmin: true, isHiringAdmin: true },
    });
    for (const [person, body] of [
      [target.id, { isAdmin: true }],
      [target.id, { isHiringAdmin: true, name: "Renamed" }],
      // Taking rights is a change of rights too: null would have meant "none".
      [admin.id, { isAdmin: null }],
      [admin.id, { isAdmin: false }],
    ] as const) {
      const answer = await api(token, "PATCH", `/people/${person}`, body);
      expect(answer.status).toBe(422);
      expect(Object.keys(answer.body.error.fields)).toEqual(
        Object.keys(body).filter((field) => field.startsWith("is")),
      );
    }
    expect(
      await db.user.findMany({
        where: { OR: [{ isAdmin: true }, { isHiringAdmin: true }] },
        select: { id: true, isAdmin: true, isHiringAdmin: true },
      }),
    ).toEqual(admins);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(target.name);
    // The document says so: neither write takes rights.
    const { schemas } = (
      openApiDocument() as {
        components: { schemas: Record<string, { properties: Record<string, unknown> }> };
      }
    ).components;
    for (const input of ["PersonInput", "PersonPatch"]) {
      const fields = Object.keys(schemas[input]!.properties);
      expect(fields).toContain("name");
      expect(fields).not.toContain("isAdmin");
      expect(fields).not.toContain("isHiringAdmin");
    }
  });

  test("are refused while an identity provider keeps people through SCIM", async () => {
    const { token } = await tokenFor(admin.id, ["people:write"]);
    const scim = await createScimToken(admin.id, "Okta");
    const refused = await api(token, "POST", "/people", {
      name: "Hal Shadow",
      email: "hal.shadow@example.com",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("scim_in_use");
    expect(await db.user.count({ where: { email: "hal.shadow@example.com" } })).toBe(0);
    await revokeScimToken(admin.id, scim.id);
    expect(
      (await api(token, "POST", "/people", { name: "Hal Shadow", email: "hal.shadow@example.com" }))
        .status,
    ).toBe(201);
  });
});

describe("the admins' API token page", () => {
  const post = async (personId: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const item of [value].flat()) body.append(key, item);
    return adminRoute.action(
      routeArgs(await signedInRequest("/admin/api", personId, { method: "POST", body })),
    );
  };

  test("issues a token shown once, lists it with its scopes and last use, revokes it; engineers get a 403", async () => {
    const engineer = people[1]!;
    expect(
      statusOf(
        await thrown(async () =>
          adminRoute.loader(routeArgs(await signedInRequest("/admin/api", engineer.id))),
        ),
      ),
    ).toBe(403);
    expect(
      statusOf(
        await thrown(async () =>
          adminRoute.action(
            routeArgs(
              await signedInPost("/admin/api", engineer.id, {
                intent: "issue",
                name: "Sneaky",
                scopes: "people:read",
              }),
            ),
          ),
        ),
      ),
    ).toBe(403);

    const noScope = await post(admin.id, { intent: "issue", name: "Metabase" });
    expect(statusOf(noScope)).toBe(400);
    expect(JSON.stringify(bodyOf(noScope))).toContain("api:errors.scopesRequired");
    expect(await db.apiToken.count({ where: { name: "Metabase" } })).toBe(0);

    // Issued, it is carried once to the page the answer redirects to (decision 154).
    const issuing = await post(admin.id, {
      intent: "issue",
      name: "Metabase",
      scopes: ["aggregates:read", "people:read"],
    });
    expect(answerOf(issuing)).toEqual({ status: 302, location: "/admin/api" });
    const issued = bodyOf<{ issued: { token: string } }>(
      await adminRoute.loader(routeArgs(await followedWithCookie(issuing, admin.id))),
    ).issued.token;
    expect(issued).toMatch(/^rungs_api_/);
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "Metabase" } });
    expect(row.tokenHash).toHaveLength(64);
    expect(row.tokenHash).not.toContain(issued);
    expect((await api(issued, "GET", "/teams")).status).toBe(200);

    const page = bodyOf<{
      tokens: { name: string; scopes: string[]; issuedBy: string; lastUsedAt: string | null }[];
    }>(await adminRoute.loader(routeArgs(await signedInRequest("/admin/api", admin.id))));
    expect(JSON.stringify(page)).not.toContain(issued);
    expect(page.tokens.find((token) => token.name === "Metabase")).toMatchObject({
      scopes: ["people:read", "aggregates:read"],
      issuedBy: "Ada Admin",
      lastUsedAt: expect.any(String),
    });

    expect(answerOf(await post(admin.id, { intent: "revoke", tokenId: row.id }))).toEqual({
      status: 302,
      location: "/admin/api?done=revoked",
    });
    expect((await api(issued, "GET", "/teams")).status).toBe(401);
    expect(
      statusOf(await thrown(() => post(admin.id, { intent: "revoke", tokenId: "nope" }))),
    ).toBe(404);
  });
});
