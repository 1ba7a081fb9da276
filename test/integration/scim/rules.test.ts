import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { revokeScimToken } from "~/modules/identity/scim/tokens.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { providerToken, scim } from "./helpers";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const RUNGS = "urn:ietf:params:scim:schemas:extension:rungs:2.0:User";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

function user(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName,
    name: { givenName: userName.split("@")[0], familyName: "Test" },
    active: true,
    ...extra,
  };
}

function managerPatch(ref: string | null) {
  return {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [
      ref
        ? { op: "replace", path: `${ENTERPRISE}:manager`, value: { value: ref } }
        : { op: "remove", path: `${ENTERPRISE}:manager` },
    ],
  };
}

async function snapshot() {
  const [people, teams, events] = await Promise.all([
    db.user.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        managerId: true,
        teamId: true,
        linePath: true,
        deactivatedAt: true,
        scimManagerRef: true,
        level: true,
      },
    }),
    db.team.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return { people, teams, events };
}

describe("who may call", () => {
  test("without a token, with a wrong one or a revoked one: 401 with a SCIM error body and nothing read", async () => {
    const admin = await createAdmin();
    const token = await providerToken("Soon revoked");
    expect((await scim(token, "GET", "/Users")).status).toBe(200);
    const tokenRow = await db.scimToken.findFirstOrThrow({ where: { name: "Soon revoked" } });
    expect(tokenRow.lastUsedAt).not.toBeNull();
    await revokeScimToken(admin.id, tokenRow.id);
    for (const candidate of [null, "rungs_scim_not-a-token", token]) {
      const answer = await scim(candidate, "GET", "/Users");
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: "401" });
      expect(answer.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
    expect((await scim(null, "POST", "/Users", user("nobody@example.com"))).status).toBe(401);
    expect(await db.user.count({ where: { email: "nobody@example.com" } })).toBe(0);
  });
});

describe("errors are SCIM error bodies with the right status, and change nothing", () => {
  test("404 for an unknown user or group and for a path Rungs does not serve", async () => {
    const token = await providerToken();
    for (const [method, path, body] of [
      ["GET", "/Users/nope", undefined],
      ["PUT", "/Users/nope", user("x@example.com")],
      ["PATCH", "/Users/nope", managerPatch(null)],
      ["DELETE", "/Users/nope", undefined],
      ["GET", "/Groups/nope", undefined],
      ["DELETE", "/Groups/nope", undefined],
      ["GET", "/Bulk", undefined],
    ] as const) {
      const answer = await scim(token, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: "404" });
    }
  });

  test("409 uniqueness for a userName, email or externalId someone has", async () => {
    const token = await providerToken();
    await createPerson({ email: "made.in.rungs@example.com" });
    expect(
      (await scim(token, "POST", "/Users", user("first@example.com", { externalId: "ext-1" })))
        .status,
    ).toBe(201);
    const before = await snapshot();
    for (const body of [
      user("FIRST@example.com"),
      user("made.in.rungs@example.com"),
      user("other@example.com", { externalId: "ext-1" }),
    ]) {
      const answer = await scim(token, "POST", "/Users", body);
      expect(answer.status).toBe(409);
      expect(answer.body).toMatchObject({
        schemas: [ERROR],
        status: "409",
        scimType: "uniqueness",
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  test("400 invalidValue for a bad value, 400 invalidFilter for a filter Rungs cannot answer", async () => {
    const token = await providerToken();
    const before = await snapshot();
    for (const body of [
      { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], name: { givenName: "No" } },
      user("not-an-email"),
      user("typed@example.com", { active: "maybe" }),
      user("levelled@example.com", { [RUNGS]: { track: "ic", level: "ic99" } }),
      // A name that would display as another ("Cand \u202Egnp.exe" shows as "Cand exe.png") is refused, as in every name field.
      user("mirrored@example.com", { displayName: "Cand \u202Egnp.exe" }),
      user("departed@example.com", { [ENTERPRISE]: { department: "Pay\u202Ements" } }),
    ]) {
      const answer = await scim(token, "POST", "/Users", body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: "400" });
    }
    expect((await scim(token, "POST", "/Users", "{not json")).status).toBe(400);
    const group = await scim(token, "POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"],
      displayName: "Team \u2066hidden",
    });
    expect(group.status).toBe(400);
    expect(group.body).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidValue" });
    for (const filter of [
      "userName eq",
      'userName eq "a',
      'name.familyName eq "x"',
      'userName sw "a"',
      '(userName eq "a"',
      "foo",
    ]) {
      const answer = await scim(token, "GET", `/Users?filter=${encodeURIComponent(filter)}`);
      expect(answer.status, filter).toBe(400);
      expect(answer.body).toMatchObject({
        schemas: [ERROR],
        status: "400",
        scimType: "invalidFilter",
      });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("reporting lines", () => {
  test("a patch that would make a reporting cycle is refused with a SCIM error and changes nothing", async () => {
    const token = await providerToken();
    const top = (await scim(token, "POST", "/Users", user("top@example.com"))).body.id as string;
    const middle = (
      await scim(
        token,
        "POST",
        "/Users",
        user("middle@example.com", { [ENTERPRISE]: { manager: { value: top } } }),
      )
    ).body.id as string;
    const bottom = (
      await scim(
        token,
        "POST",
        "/Users",
        user("bottom@example.com", { [ENTERPRISE]: { manager: { value: middle } } }),
      )
    ).body.id as string;
    expect((await db.user.findUniqueOrThrow({ where: { id: bottom } })).linePath).toBe(
      `/${top}/${middle}/`,
    );
    const before = await snapshot();
    for (const [subject, manager] of [
      [top, bottom],
      [top, top],
      [middle, bottom],
    ]) {
      const answer = await scim(token, "PATCH", `/Users/${subject}`, managerPatch(manager!));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ schemas: [ERROR], scimType: "invalidValue" });
      expect(answer.body.detail).toMatch(/reporting cycle/);
    }
    expect(await snapshot()).toEqual(before);
  });

  test("a manager named by externalId before Rungs has them is kept, and becomes the manager when they arrive", async () => {
    const token = await providerToken();
    const report = await scim(
      token,
      "POST",
      "/Users",
      user("early@example.com", {
        [ENTERPRISE]: { manager: { value: "boss-ext" }, department: "Platform" },
      }),
    );
    expect(report.status).toBe(201);
    expect(report.body[ENTERPRISE]).toMatchObject({
      manager: { value: "boss-ext" },
      department: "Platform",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: report.body.id } })).toMatchObject({
      managerId: null,
      scimManagerRef: "boss-ext",
      linePath: "/",
    });
    const boss = await scim(
      token,
      "POST",
      "/Users",
      user("boss@example.com", { externalId: "boss-ext" }),
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: report.body.id } })).toMatchObject({
      managerId: boss.body.id,
      scimManagerRef: null,
      linePath: `/${boss.body.id}/`,
    });
    const events = await db.auditEvent.findMany({
      where: { subjectId: report.body.id },
      orderBy: { createdAt: "asc" },
      select: { action: true, detail: true },
    });
    expect(events.at(-1)).toMatchObject({
      action: "person.updated",
      detail: { manager: { from: null, to: "boss@example.com" } },
    });
    // Their manager history dates the manager's arrival; creating them with a manager Rungs did not have yet set none.
    expect(
      await db.managerChange.findMany({
        where: { personId: report.body.id },
        select: { fromManagerId: true, toManagerId: true },
      }),
    ).toEqual([{ fromManagerId: null, toManagerId: boss.body.id }]);
  });

  test("each change of manager by a patch is in the person's manager history; a patch naming the same manager adds nothing", async () => {
    const token = await providerToken();
    const first = (await scim(token, "POST", "/Users", user("first-boss@example.com"))).body
      .id as string;
    const second = (await scim(token, "POST", "/Users", user("second-boss@example.com"))).body
      .id as string;
    const person = (
      await scim(
        token,
        "POST",
        "/Users",
        user("moving@example.com", { [ENTERPRISE]: { manager: { value: first } } }),
      )
    ).body.id as string;
    const history = () =>
      db.managerChange.findMany({
        where: { personId: person },
        orderBy: { id: "asc" },
        select: { fromManagerId: true, toManagerId: true },
      });
    // A person's first manager dates from their arrival: creating them writes no change.
    expect(await history()).toEqual([]);
    for (const ref of [second, second, first])
      expect([200, 204]).toContain(
        (await scim(token, "PATCH", `/Users/${person}`, managerPatch(ref))).status,
      );
    expect(await history()).toEqual([
      { fromManagerId: first, toManagerId: second },
      { fromManagerId: second, toManagerId: first },
    ]);
  });

  test("the Rungs extension sets ladder, track and level; a replace without it keeps them", async () => {
    const token = await providerToken();
    const created = await scim(
      token,
      "POST",
      "/Users",
      user("placed@example.com", { [RUNGS]: { track: "ic", level: "ic2" } }),
    );
    expect(created.status).toBe(201);
    expect(created.body[RUNGS]).toMatchObject({ ladder: "engineering", track: "ic", level: "ic2" });
    const replaced = await scim(
      token,
      "PUT",
      `/Users/${created.body.id}`,
      user("placed@example.com", { displayName: "Placed Person" }),
    );
    expect(replaced.status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: created.body.id } })).toMatchObject({
      name: "Placed Person",
      track: "ic",
      level: "ic2",
    });
    expect(await db.levelChange.count({ where: { personId: created.body.id } })).toBe(0);
    const moved = await scim(
      token,
      "PUT",
      `/Users/${created.body.id}`,
      user("placed@example.com", {
        displayName: "Placed Person",
        [RUNGS]: { track: "ic", level: "ic3" },
      }),
    );
    expect(moved.status).toBe(200);
    expect(
      await db.levelChange.findMany({
        where: { personId: created.body.id },
        select: { fromLevelId: true, toLevelId: true, source: true },
      }),
    ).toEqual([{ fromLevelId: "ic2", toLevelId: "ic3", source: "provisioned" }]);
  });
});

describe("lists", () => {
  test("startIndex and count page through everyone in a stable order, with totalResults", async () => {
    const token = await providerToken();
    for (let index = 0; index < 5; index++)
      await scim(token, "POST", "/Users", user(`page${index}@example.com`));
    const total = await db.user.count();
    const first = await scim(token, "GET", "/Users?startIndex=1&count=2");
    const second = await scim(token, "GET", "/Users?startIndex=3&count=2");
    expect(first.body).toMatchObject({ totalResults: total, startIndex: 1, itemsPerPage: 2 });
    expect(second.body).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    const all = await scim(token, "GET", `/Users?startIndex=1&count=${total}`);
    expect(
      [...first.body.Resources, ...second.body.Resources].map((r: { id: string }) => r.id),
    ).toEqual(all.body.Resources.slice(0, 4).map((r: { id: string }) => r.id));
    expect(
      (await scim(token, "GET", "/Users?filter=active%20eq%20true&count=0")).body,
    ).toMatchObject({ totalResults: total, Resources: [] });
  });
});
