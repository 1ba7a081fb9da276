import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as auditRoute from "~/routes/admin.audit";
import * as scimPage from "~/routes/admin.scim";
import { createAdmin, createPerson } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import * as entra from "../../fixtures/scim/entra";
import * as okta from "../../fixtures/scim/okta";
import { providerToken, scim } from "./helpers";
import { inEnglishDeep } from "../../utils/english";

const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

function group(displayName: string, memberIds: string[] = []) {
  return { schemas: [GROUP], displayName, members: memberIds.map((value) => ({ value })) };
}

async function teamOf(personId: string): Promise<string | null> {
  return (
    (
      await db.user.findUniqueOrThrow({
        where: { id: personId },
        select: { team: { select: { name: true } } },
      })
    ).team?.name ?? null
  );
}

/** The page's answer to a choice saved: back to it, saying so (decision 154). */
const SAVED = { status: 302, location: "/admin/scim?done=groupsSaved" };

async function chooseGroupsAsTeams(adminId: string, fields: Record<string, string>) {
  return scimPage.action(
    routeArgs(await signedInPost("/admin/scim", adminId, { intent: "groups", ...fields })),
  );
}

async function eventsFor(subjectId: string) {
  return db.auditEvent.findMany({
    where: { subjectId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, detail: true, actorId: true, scimTokenId: true },
  });
}

describe("the admins' choice on the SCIM page", () => {
  test("only admins choose; a prefix choice without a prefix is refused and changes nothing; the page lists the groups", async () => {
    const engineer = await createPerson();
    expect(
      statusOf(await thrown(() => chooseGroupsAsTeams(engineer.id, { groupsAsTeams: "all" }))),
    ).toBe(403);
    const admin = await createAdmin();
    const refused = await chooseGroupsAsTeams(admin.id, {
      groupsAsTeams: "prefix",
      teamPrefix: " ",
    });
    expect(statusOf(refused)).toBe(400);
    expect(await db.scimSettings.count()).toBe(0);

    const token = await providerToken("Okta");
    const eve = await createPerson({ name: "Eve" });
    await scim(token, "POST", "/Groups", group("Everyone", [eve.id]));
    const page = bodyOf<{ groupsAsTeams: unknown; groups: unknown[] }>(
      await scimPage.loader(routeArgs(await signedInRequest("/admin/scim", admin.id))),
    );
    expect(page.groupsAsTeams).toEqual({ kind: "none" });
    expect(page.groups).toEqual([
      expect.objectContaining({ displayName: "Everyone", members: 1, team: null }),
    ]);
  });
});

describe("pushed groups that are no team", () => {
  test("by default a pushed group moves nobody, and reads back with its members as sent", async () => {
    const token = await providerToken("Okta");
    const payments = await db.team.create({ data: { name: "Payments" } });
    const pia = await createPerson({ name: "Pia Payments", teamId: payments.id });
    const ben = await createPerson({ name: "Ben" });

    const created = await scim(token, "POST", "/Groups", group("Guild Frontend", [pia.id]));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      displayName: "Guild Frontend",
      members: [{ value: pia.id, display: "Pia Payments" }],
    });
    expect(await teamOf(pia.id)).toBe("Payments");
    expect(await db.team.count({ where: { name: "Guild Frontend" } })).toBe(0);

    expect(
      (await scim(token, "PATCH", `/Groups/${id}`, okta.changeMembers(pia.id, ben.id))).status,
    ).toBe(204);
    expect((await scim(token, "GET", `/Groups/${id}`)).body).toMatchObject({
      id,
      displayName: "Guild Frontend",
      members: [{ value: ben.id, display: "Ben" }],
    });
    expect([await teamOf(pia.id), await teamOf(ben.id)]).toEqual(["Payments", null]);
    expect(
      (
        await scim(
          token,
          "GET",
          `/Groups?filter=${encodeURIComponent('displayName eq "guild frontend"')}`,
        )
      ).body,
    ).toMatchObject({ totalResults: 1, Resources: [{ id }] });
    const events = await eventsFor(id);
    expect(events.map((event) => event.action)).toEqual([
      "scim.group_created",
      "scim.group_members_changed",
      "scim.group_members_changed",
    ]);
    expect(await eventsFor(pia.id)).toEqual([]);
  });

  test("Entra ID's group sequence is answered the same whether or not the group is a team", async () => {
    const token = await providerToken("Entra ID");
    const gil = await createPerson({ name: "Gil" });
    const created = await scim(token, "POST", "/Groups", entra.createGroup);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const found = await scim(token, "GET", `/Groups?${entra.lookUpGroupQuery}`);
    expect(found.body).toMatchObject({
      totalResults: 1,
      Resources: [
        { id, displayName: "displayName", externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159" },
      ],
    });
    expect(found.body.Resources[0]).not.toHaveProperty("members");
    expect((await scim(token, "PATCH", `/Groups/${id}`, entra.addMember(gil.id))).status).toBe(204);
    expect((await scim(token, "GET", `/Groups/${id}`)).body.members).toEqual([
      { value: gil.id, display: "Gil", type: "User" },
    ]);
    expect((await scim(token, "PATCH", `/Groups/${id}`, entra.removeMember(gil.id))).status).toBe(
      204,
    );
    expect((await scim(token, "GET", `/Groups/${id}`)).body.members ?? []).toEqual([]);
    expect((await scim(token, "DELETE", `/Groups/${id}`)).status).toBe(204);
    expect((await scim(token, "GET", `/Groups/${id}`)).status).toBe(404);
    expect(await teamOf(gil.id)).toBeNull();
  });
});

describe("pushed groups that are teams", () => {
  test("a group named like a team no group follows yet is that team: linked, not refused, its members moved in and audited", async () => {
    const admin = await createAdmin();
    expect(answerOf(await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "all" }))).toEqual(SAVED);
    const token = await providerToken("Okta");
    const ledger = await db.team.create({ data: { name: "Ledger" } });
    const platform = await db.team.create({ data: { name: "Platform" } });
    const pia = await createPerson({ name: "Pia", teamId: ledger.id });

    const created = await scim(token, "POST", "/Groups", group("platform", [pia.id]));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: "platform", members: [{ value: pia.id }] });
    expect(await teamOf(pia.id)).toBe("Platform");
    expect(await db.team.count({ where: { name: { in: ["Platform", "platform"] } } })).toBe(1);
    expect(await eventsFor(pia.id)).toEqual([
      {
        action: "person.updated",
        actorId: null,
        scimTokenId: expect.any(String),
        detail: {
          team: { from: "Ledger", to: "Platform" },
          group: "platform",
          via: "SCIM token Okta",
        },
      },
    ]);
    expect((await eventsFor(created.body.id)).map((event) => [event.action, event.detail])).toEqual(
      [
        ["scim.group_created", { name: "platform", via: "SCIM token Okta" }],
        [
          "scim.group_team_set",
          { group: "platform", team: { from: null, to: "Platform" }, via: "SCIM token Okta" },
        ],
        [
          "scim.group_members_changed",
          { group: "platform", added: 1, removed: 0, via: "SCIM token Okta" },
        ],
      ],
    );

    // A second group of that name is refused: names are unique among groups, as Okta expects.
    const again = await scim(token, "POST", "/Groups", group("Platform"));
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      scimType: "uniqueness",
      detail: "There is already a group called Platform.",
    });

    // The audit page shows the move with the teams before and after.
    const page = inEnglishDeep(
      bodyOf<{ events: { actionLabel: string; detail: string; subjectName: string | null }[] }>(
        await auditRoute.loader(routeArgs(await signedInRequest("/admin/audit", admin.id))),
      ),
    );
    // (PostgreSQL keeps a detail's fields in an order of its own.)
    expect(page.events).toContainEqual(
      expect.objectContaining({
        actionLabel: "admin:audit.actions.personUpdated",
        subjectName: "Pia",
        detail: expect.stringContaining("team: Ledger → Platform"),
      }),
    );
    expect(page.events).toContainEqual(
      expect.objectContaining({
        actionLabel: "admin:audit.actions.scimGroupTeamSet",
        detail: expect.stringContaining("team: none → Platform"),
      }),
    );
    expect(platform.id).toBe((await db.user.findUniqueOrThrow({ where: { id: pia.id } })).teamId);
  });

  test("with a prefix only groups named with it are teams, named without it; the others move nobody", async () => {
    const admin = await createAdmin();
    await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "prefix", teamPrefix: "Team " });
    const token = await providerToken("Okta");
    const ann = await createPerson({ name: "Ann" });

    const teamGroup = await scim(token, "POST", "/Groups", group("Team Billing", [ann.id]));
    expect(teamGroup.status).toBe(201);
    expect(await teamOf(ann.id)).toBe("Billing");
    const design = await scim(token, "POST", "/Groups", group("Guild Design", [ann.id]));
    expect(design.status).toBe(201);
    expect(await teamOf(ann.id)).toBe("Billing");

    // Renamed out of the prefix: no longer a team (the team stays, with its people); renamed into it: a team.
    const renamed = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", value: { displayName: "Billing people" } }],
    };
    expect((await scim(token, "PATCH", `/Groups/${teamGroup.body.id}`, renamed)).status).toBe(204);
    expect(
      await db.scimGroup.findUniqueOrThrow({ where: { id: teamGroup.body.id } }),
    ).toMatchObject({ displayName: "Billing people", teamId: null });
    expect(await teamOf(ann.id)).toBe("Billing");
    const intoPrefix = {
      schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
      Operations: [{ op: "replace", value: { displayName: "Team Design" } }],
    };
    expect((await scim(token, "PATCH", `/Groups/${design.body.id}`, intoPrefix)).status).toBe(204);
    expect(await teamOf(ann.id)).toBe("Design");
  });

  test("changing which groups are teams applies to the groups already pushed, moves audited under the admin", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const token = await providerToken("Okta");
    const checkout = await db.team.create({ data: { name: "Checkout" } });
    const pia = await createPerson({ name: "Pia", teamId: checkout.id });
    await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "all" });
    const guild = await scim(token, "POST", "/Groups", group("Guild Backend", [pia.id]));
    expect(await teamOf(pia.id)).toBe("Guild Backend");

    // Only "Team …" groups from now on: the guild no longer moves anyone (Pia is moved back by hand).
    expect(
      answerOf(
        await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "prefix", teamPrefix: "Team " }),
      ),
    ).toEqual(SAVED);
    expect(
      (await db.scimGroup.findUniqueOrThrow({ where: { id: guild.body.id } })).teamId,
    ).toBeNull();
    expect((await eventsFor(guild.body.id)).at(-1)).toMatchObject({
      action: "scim.group_team_set",
      actorId: admin.id,
      detail: { group: "Guild Backend", team: { from: "Guild Backend", to: null } },
    });
    await db.user.update({ where: { id: pia.id }, data: { teamId: checkout.id } });
    const ben = await createPerson({ name: "Ben" });
    await scim(token, "PATCH", `/Groups/${guild.body.id}`, okta.changeMembers(pia.id, ben.id));
    expect([await teamOf(pia.id), await teamOf(ben.id)]).toEqual(["Checkout", null]);

    // Every group a team again: the guild's members move in, in the admin's name.
    await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "all" });
    expect(await teamOf(ben.id)).toBe("Guild Backend");
    expect((await eventsFor(ben.id)).at(-1)).toMatchObject({
      action: "person.updated",
      actorId: admin.id,
      detail: { team: { from: null, to: "Guild Backend" }, group: "Guild Backend" },
    });
    const setting = await db.auditEvent.findFirstOrThrow({
      where: { action: "scim.groups_as_teams_set" },
      orderBy: { createdAt: "desc" },
    });
    expect(setting).toMatchObject({
      actorId: admin.id,
      detail: { groupsAsTeams: "all" },
    });
  });

  test("deleting a group that is a team takes its members out of the team, and the team goes once nobody is in it", async () => {
    const admin = await createAdmin();
    await chooseGroupsAsTeams(admin.id, { groupsAsTeams: "all" });
    const token = await providerToken("Okta");
    const kim = await createPerson({ name: "Kim" });
    const made = await scim(token, "POST", "/Groups", group("Search", [kim.id]));
    expect(await teamOf(kim.id)).toBe("Search");
    expect((await scim(token, "DELETE", `/Groups/${made.body.id}`)).status).toBe(204);
    expect(await teamOf(kim.id)).toBeNull();
    expect(await db.team.count({ where: { name: "Search" } })).toBe(0);

    // A team with people placed in Rungs too stays when its group goes.
    const data = await db.team.create({ data: { name: "Data" } });
    const dan = await createPerson({ name: "Dan", teamId: data.id });
    const lia = await createPerson({ name: "Lia" });
    const linked = await scim(token, "POST", "/Groups", group("Data", [lia.id]));
    expect((await scim(token, "DELETE", `/Groups/${linked.body.id}`)).status).toBe(204);
    expect([await teamOf(dan.id), await teamOf(lia.id)]).toEqual(["Data", null]);
  });
});
