import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { setGroupsAsTeams } from "~/modules/identity/scim/groups.server";
import { createAdmin, createPerson } from "../../utils/factories";
import * as entra from "../../fixtures/scim/entra";
import * as okta from "../../fixtures/scim/okta";
import { providerToken, scim } from "./helpers";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

async function eventsFor(subjectId: string) {
  return db.auditEvent.findMany({
    where: { subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorId: true, detail: true, scimToken: { select: { name: true } } },
  });
}

describe("Okta's published sequence", () => {
  test("look up, create, read, replace with PUT, deactivate with PATCH: each answered as Okta expects and audited under the token", async () => {
    const token = await providerToken("Okta");
    const lookUp = await scim(token, "GET", `/Users?${okta.lookUpQuery}`);
    expect(lookUp.status).toBe(200);
    expect(lookUp.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim(token, "POST", "/Users", okta.createUser);
    expect(created.status).toBe(201);
    expect(created.headers.get("Content-Type")).toMatch(/^application\/scim\+json/);
    const id = created.body.id as string;
    expect(created.headers.get("Location")).toBe(`http://localhost/scim/v2/Users/${id}`);
    expect(created.body).toMatchObject({
      userName: "test.user@okta.local",
      externalId: "00ujl29u0le5T6Aj10h7",
      active: true,
      displayName: "Test User",
    });
    expect(created.body).not.toHaveProperty("password");
    const person = await db.user.findUniqueOrThrow({ where: { id } });
    expect(person).toMatchObject({
      name: "Test User",
      email: "test.user@okta.local",
      deactivatedAt: null,
    });

    expect((await scim(token, "GET", `/Users?${okta.lookUpQuery}`)).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id }],
    });
    expect((await scim(token, "GET", `/Users/${id}`)).body).toMatchObject({
      id,
      userName: "test.user@okta.local",
    });

    const replaced = await scim(token, "PUT", `/Users/${id}`, okta.replaceUser(id));
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id, displayName: "Another Excited User", active: true });

    const session = await startSession(id);
    expect(session).toBeTruthy();
    const deactivated = await scim(token, "PATCH", `/Users/${id}`, okta.deactivateUser);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ id, active: false });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).deactivatedAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: id } })).toBe(0);

    const events = await eventsFor(id);
    expect(events.map((event) => event.action)).toEqual([
      "person.created",
      "person.updated",
      "person.deactivated",
    ]);
    for (const event of events)
      expect(event).toMatchObject({ actorId: null, scimToken: { name: "Okta" } });
    expect(events[1]!.detail).toMatchObject({
      name: { from: "Test User", to: "Another Excited User" },
    });
    expect(events[2]!.detail).toMatchObject({ endedSessions: 1 });
  });

  test("a pushed group that is a team: created, renamed with the group's own id in the value, members moved in and out", async () => {
    await setGroupsAsTeams((await createAdmin()).id, { kind: "all" });
    const token = await providerToken("Okta groups");
    const ann = await createPerson({ name: "Ann" });
    const ben = await createPerson({ name: "Ben" });
    const group = await scim(token, "POST", "/Groups", {
      ...okta.createGroup,
      members: [{ value: ann.id }],
    });
    expect(group.status).toBe(201);
    const groupId = group.body.id as string;
    const { teamId } = await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } });
    expect(await db.team.findUniqueOrThrow({ where: { id: teamId! } })).toMatchObject({
      name: "Test SCIMv2",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).teamId).toBe(teamId);

    expect(
      (await scim(token, "PATCH", `/Groups/${groupId}`, okta.renameGroup(groupId))).status,
    ).toBe(204);
    expect(
      (await scim(token, "PATCH", `/Groups/${groupId}`, okta.changeMembers(ann.id, ben.id))).status,
    ).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: ann.id } })).teamId).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: ben.id } })).teamId).toBe(teamId);
    expect((await scim(token, "GET", `/Groups/${groupId}`)).body).toMatchObject({
      displayName: "Test SCIMv2",
      members: [{ value: ben.id, display: "Ben" }],
    });
    expect((await eventsFor(ben.id)).map((event) => [event.action, event.scimToken?.name])).toEqual(
      [["person.updated", "Okta groups"]],
    );
    // Each move in and out of the group's team is in the person's team history.
    const history = (personId: string) =>
      db.groupChange.findMany({
        where: { personId },
        orderBy: { id: "asc" },
        select: { kind: true, fromValue: true, toValue: true },
      });
    expect(await history(ann.id)).toEqual([
      { kind: "team", fromValue: null, toValue: teamId },
      { kind: "team", fromValue: teamId, toValue: null },
    ]);
    expect(await history(ben.id)).toEqual([{ kind: "team", fromValue: null, toValue: teamId }]);
  });
});

describe("Microsoft Entra ID's published sequence", () => {
  test('create, query, PATCH with Replace in capitals and a work-email path, manager as a bare id, disable with "False", delete', async () => {
    const token = await providerToken("Entra ID");
    const created = await scim(token, "POST", "/Users", entra.createUser);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      name: "givenName familyName",
      email: "test_user_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com",
      scimUserName: "test_user_00aa00aa-bb11-cc22-dd33-44ee44ee44ee",
    });
    expect((await scim(token, "GET", `/Users?${entra.lookUpQuery}`)).body).toMatchObject({
      totalResults: 1,
      Resources: [{ id }],
    });
    expect((await scim(token, "GET", `/Users?${entra.lookUpNobodyQuery}`)).body).toMatchObject({
      totalResults: 0,
      Resources: [],
      startIndex: 1,
    });
    expect(
      (
        await scim(
          token,
          "GET",
          `/Users?filter=${encodeURIComponent('emails[type eq "work"].value eq "test_user_11bb11bb-cc22-dd33-ee44-55ff55ff55ff@testuser.com"')}`,
        )
      ).body.totalResults,
    ).toBe(1);

    const multi = await scim(token, "PATCH", `/Users/${id}`, entra.updateMultiValued);
    expect(multi.status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      email: "updatedemail@microsoft.com",
      name: "givenName updatedFamilyName",
    });
    expect((await scim(token, "PATCH", `/Users/${id}`, entra.updateSingleValued)).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).scimUserName).toBe(
      "5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com",
    );

    const manager = await createPerson({ name: "Mona Manager" });
    const moved = await scim(token, "PATCH", `/Users/${id}`, entra.replaceAttributes(manager.id));
    expect(moved.status).toBe(200);
    expect(moved.body[ENTERPRISE]).toMatchObject({
      department: "Human Resources US",
      manager: { value: manager.id },
    });
    const person = await db.user.findUniqueOrThrow({ where: { id }, include: { team: true } });
    expect(person).toMatchObject({
      name: "Pvlo",
      email: "testbcwqnm@test.microsoft.com",
      scimExternalId: "Eqpj",
      managerId: manager.id,
      linePath: `/${manager.id}/`,
      lineDepth: 1,
    });
    expect(person.team?.name).toBe("Human Resources US");
    // The move into the department's team is in their team history; creating them set none.
    expect(
      await db.groupChange.findMany({
        where: { personId: id },
        select: { kind: true, fromValue: true, toValue: true },
      }),
    ).toEqual([{ kind: "team", fromValue: null, toValue: person.teamId }]);

    await startSession(id);
    const disabled = await scim(token, "PATCH", `/Users/${id}`, entra.disableUser);
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect(await db.session.count({ where: { userId: id } })).toBe(0);

    await db.user.update({ where: { id }, data: { deactivatedAt: null } });
    expect((await scim(token, "DELETE", `/Users/${id}`)).status).toBe(204);
    const kept = await db.user.findUniqueOrThrow({ where: { id } });
    expect(kept.deactivatedAt).not.toBeNull();
    expect((await scim(token, "GET", `/Users/${id}`)).body.active).toBe(false);

    const events = await eventsFor(id);
    expect(events.map((event) => event.action)).toEqual([
      "person.created",
      "person.updated",
      "person.updated",
      "person.updated",
      "person.deactivated",
      "person.deactivated",
    ]);
    for (const event of events) expect(event.scimToken?.name).toBe("Entra ID");
    expect(events[3]!.detail).toMatchObject({
      manager: { from: null, to: manager.email },
      team: { from: null, to: "Human Resources US" },
    });
  });

  test("groups that are teams: create with Microsoft's extra schema, find by displayName without members, add and remove a member", async () => {
    const token = await providerToken("Entra groups");
    const person = await createPerson({ name: "Gil" });
    await setGroupsAsTeams((await createAdmin()).id, { kind: "all" });
    const created = await scim(token, "POST", "/Groups", entra.createGroup);
    expect(created.status).toBe(201);
    const groupId = created.body.id as string;
    const { teamId } = await db.scimGroup.findUniqueOrThrow({ where: { id: groupId } });
    const found = await scim(token, "GET", `/Groups?${entra.lookUpGroupQuery}`);
    expect(found.body).toMatchObject({
      totalResults: 1,
      Resources: [
        {
          id: groupId,
          displayName: "displayName",
          externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
        },
      ],
    });
    expect(found.body.Resources[0]).not.toHaveProperty("members");
    expect(
      (await scim(token, "PATCH", `/Groups/${groupId}`, entra.addMember(person.id))).status,
    ).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).teamId).toBe(teamId);
    expect(
      (await scim(token, "PATCH", `/Groups/${groupId}`, entra.removeMember(person.id))).status,
    ).toBe(204);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).teamId).toBeNull();
    expect((await scim(token, "DELETE", `/Groups/${groupId}`)).status).toBe(204);
    expect(await db.team.findUnique({ where: { id: teamId! } })).toBeNull();
  });
});

describe("discovery", () => {
  test("ServiceProviderConfig, Schemas and ResourceTypes answer, with the enterprise and Rungs extensions", async () => {
    const token = await providerToken("Discovery");
    const config = await scim(token, "GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const schemas = await scim(token, "GET", "/Schemas");
    expect(schemas.body.Resources.map((schema: { id: string }) => schema.id)).toEqual(
      expect.arrayContaining([
        "urn:ietf:params:scim:schemas:core:2.0:User",
        "urn:ietf:params:scim:schemas:core:2.0:Group",
        ENTERPRISE,
        "urn:ietf:params:scim:schemas:extension:rungs:2.0:User",
      ]),
    );
    expect(
      (
        await scim(token, "GET", "/Schemas/urn:ietf:params:scim:schemas:extension:rungs:2.0:User")
      ).body.attributes.map((a: { name: string; type: string }) => [a.name, a.type]),
    ).toEqual([
      ["ladder", "string"],
      ["track", "string"],
      ["level", "string"],
      ["levelSince", "dateTime"],
    ]);
    const types = await scim(token, "GET", "/ResourceTypes");
    expect(types.body.Resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: "User", endpoint: "/Users" }),
        expect.objectContaining({ id: "Group", endpoint: "/Groups" }),
      ]),
    );
  });
});

describe("a patch that clears the manager", () => {
  let made = 0;
  async function created(token: string, name: string, enterprise?: Record<string, unknown>) {
    const email = `${name}-${++made}@example.com`;
    const answer = await scim(token, "POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ...(enterprise ? [ENTERPRISE] : [])],
      userName: email,
      emails: [{ primary: true, type: "work", value: email }],
      displayName: email.split("@")[0],
      active: true,
      ...(enterprise ? { [ENTERPRISE]: enterprise } : {}),
    });
    expect(answer.status).toBe(201);
    return answer.body.id as string;
  }

  const shapes = [
    ["Okta's remove", okta.removeManager],
    ["Okta's replace with an empty value", okta.replaceManagerWithNothing],
    ["Entra's Remove", entra.removeManager],
    ["Entra's Replace with an empty id", entra.replaceManagerWithNothing],
  ] as const;

  test.each(shapes)(
    "%s leaves the person without a manager, in their line, their history and the audit",
    async (_, patch) => {
      const token = await providerToken("Provider");
      const boss = await created(token, "boss");
      const id = await created(token, "report", { manager: { value: boss } });
      expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
        managerId: boss,
        linePath: `/${boss}/`,
      });

      const cleared = await scim(token, "PATCH", `/Users/${id}`, patch);
      expect(cleared.status).toBe(200);
      expect(cleared.body).not.toHaveProperty(ENTERPRISE);
      expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
        managerId: null,
        scimManagerRef: null,
        linePath: "/",
        lineDepth: 0,
      });
      expect(
        await db.managerChange.findMany({
          where: { personId: id },
          select: { fromManagerId: true, toManagerId: true },
        }),
      ).toEqual([{ fromManagerId: boss, toManagerId: null }]);
      expect((await eventsFor(id)).at(-1)).toMatchObject({
        action: "person.updated",
        detail: { manager: { from: expect.stringMatching(/^boss-/), to: null } },
      });
    },
  );

  test.each(shapes)("%s beside a department keeps the department", async (_, patch) => {
    const token = await providerToken("Provider");
    const boss = await created(token, "boss");
    const id = await created(token, "report", { manager: { value: boss }, department: "Platform" });
    expect((await scim(token, "PATCH", `/Users/${id}`, patch)).status).toBe(200);
    const person = await db.user.findUniqueOrThrow({ where: { id }, include: { team: true } });
    expect(person).toMatchObject({ managerId: null, linePath: "/" });
    expect(person.team?.name).toBe("Platform");
  });

  test("a manager named but not yet in Rungs is forgotten too", async () => {
    const token = await providerToken("Provider");
    const id = await created(token, "report", { manager: { value: "not-here-yet" } });
    expect((await scim(token, "PATCH", `/Users/${id}`, entra.removeManager)).status).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id } })).toMatchObject({
      managerId: null,
      scimManagerRef: null,
    });
    expect(await db.managerChange.count({ where: { personId: id } })).toBe(0);
  });
});

describe("the interface's language from the provider", () => {
  test("Okta's locale on create, Entra's preferredLanguage on a patch: the person reads Rungs in it", async () => {
    const token = await providerToken("Okta");
    const someoneElse = {
      userName: "uwe@okta.local",
      externalId: "00uLanguage",
      emails: [{ primary: true, value: "uwe@okta.local", type: "work" }],
    };
    const created = await scim(token, "POST", "/Users", {
      ...okta.createUser,
      ...someoneElse,
      locale: "de_DE",
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await db.user.findUniqueOrThrow({ where: { id } })).language).toBe("de");
    expect(created.body).toMatchObject({ preferredLanguage: "de" });

    const entraToken = await providerToken("Entra");
    const patched = await scim(entraToken, "PATCH", `/Users/${id}`, {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "Replace", path: "preferredLanguage", value: "ar-SA" }],
    });
    expect(patched.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id } })).language).toBe("ar");
    const events = await eventsFor(id);
    expect(events.at(-1)).toMatchObject({
      action: "person.updated",
      detail: { language: { from: "de", to: "ar" } },
    });
  });

  test("Entra's create with a preferredLanguage Rungs does not speak leaves the choice to the person's browser", async () => {
    const token = await providerToken("Entra");
    const someoneElse = {
      userName: "yuki@entra.local",
      externalId: "entra-language",
      emails: [{ primary: true, type: "work", value: "yuki@entra.local" }],
    };
    const created = await scim(token, "POST", "/Users", {
      ...entra.createUser,
      ...someoneElse,
      preferredLanguage: "ja-JP",
    });
    expect(created.status).toBe(201);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: created.body.id as string } })).language,
    ).toBeNull();
  });
});
