import { describe, expect, test } from "vitest";
import * as auditRoute from "~/routes/admin.audit";
import * as editRoute from "~/routes/admin.people.$personId";
import * as importRoute from "~/routes/admin.people.import";
import * as listRoute from "~/routes/admin.people._index";
import * as newRoute from "~/routes/admin.people.new";
import * as peopleOptionsRoute from "~/routes/admin.people-options";
import * as teamsRoute from "~/routes/admin.teams";
import { db } from "~/db/client.server";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { answerOf, bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { renderPage, type PageModule } from "../../utils/render-page";
import { signedInPost, signedInRequest } from "../../utils/session";

type FormReply = { status?: string; error?: Record<string, string[] | null> };

async function editAction(adminId: string, personId: string, fields: Record<string, string>) {
  const request = await signedInPost(`/admin/people/${personId}`, adminId, fields);
  return editRoute.action(routeArgs(request, { personId }));
}

function personFields(person: { name: string; email: string }, extra: Record<string, string> = {}) {
  return { intent: "update", name: person.name, email: person.email, ...extra };
}

describe("only admins", () => {
  test("every admin loader and action answers 403 to someone who is not an admin", async () => {
    const engineer = await createPerson();
    const other = await createPerson();
    const calls: [string, (request: Request) => Promise<unknown>, "GET" | "POST"][] = [
      ["/admin/people", (request) => listRoute.loader(routeArgs(request)), "GET"],
      [
        `/admin/people/${other.id}`,
        (request) => editRoute.loader(routeArgs(request, { personId: other.id })),
        "GET",
      ],
      [
        `/admin/people/${other.id}`,
        (request) => editRoute.action(routeArgs(request, { personId: other.id })),
        "POST",
      ],
      ["/admin/people/new", (request) => newRoute.loader(routeArgs(request)), "GET"],
      [
        "/admin/people-options?q=a",
        (request) => peopleOptionsRoute.loader(routeArgs(request)),
        "GET",
      ],
      ["/admin/people/new", (request) => newRoute.action(routeArgs(request)), "POST"],
      ["/admin/people/import", (request) => importRoute.loader(routeArgs(request)), "GET"],
      ["/admin/people/import", (request) => importRoute.action(routeArgs(request)), "POST"],
      ["/admin/teams", (request) => teamsRoute.loader(routeArgs(request)), "GET"],
      ["/admin/teams", (request) => teamsRoute.action(routeArgs(request)), "POST"],
      ["/admin/audit", (request) => auditRoute.loader(routeArgs(request)), "GET"],
    ];
    for (const [url, call, method] of calls) {
      const request =
        method === "GET"
          ? await signedInRequest(url, engineer.id)
          : await signedInPost(url, engineer.id, { intent: "deactivate", name: "x", csv: "x" });
      expect(statusOf(await thrown(() => call(request))), `${method} ${url}`).toBe(403);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).deactivatedAt).toBeNull();
  });

  test("someone signed out is sent to sign in", async () => {
    const response = await thrown(() =>
      listRoute.loader(routeArgs(new Request("http://localhost/admin/people"))),
    );
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(
      "/login?redirectTo=%2Fadmin%2Fpeople",
    );
  });
});

describe("manager suggestions", () => {
  test("offer active people whose name or email matches, each email with its name, to admins only", async () => {
    const admin = await createAdmin();
    const tag = uniqueEmail("s").replace(/\W/g, "");
    const ada = await createPerson({ name: `Ada ${tag}`, email: `ada.${tag}@example.com` });
    const bo = await createPerson({ name: `Bo ${tag}`, email: `bo.${tag}@example.com` });
    const left = await createPerson({ name: `Cy ${tag}`, email: `cy.${tag}@example.com` });
    await db.user.update({ where: { id: left.id }, data: { deactivatedAt: new Date() } });
    const suggest = async (viewerId: string, q: string) =>
      (await peopleOptionsRoute.loader(
        routeArgs(
          await signedInRequest(`/admin/people-options?${new URLSearchParams({ q })}`, viewerId),
        ),
      )) as Response;
    const byName = await suggest(admin.id, tag.toUpperCase());
    expect(byName.headers.get("Cache-Control")).toContain("no-store");
    expect(await byName.json()).toEqual({
      suggestions: [
        { value: ada.email, label: ada.name },
        { value: bo.email, label: bo.name },
      ],
    });
    expect(await (await suggest(admin.id, `bo.${tag}`)).json()).toEqual({
      suggestions: [{ value: bo.email, label: bo.name }],
    });
    expect(await (await suggest(admin.id, "  ")).json()).toEqual({ suggestions: [] });
    expect(statusOf(await thrown(async () => suggest(ada.id, tag)))).toBe(403);
  });
});

describe("people list", () => {
  test("searches by name or email and filters by team, status and role", async () => {
    const admin = await createAdmin({ name: "Zed Admin" });
    const team = await db.team.create({ data: { name: `Search team ${uniqueEmail()}` } });
    const manager = await createPerson({
      name: "Quentin Searchable",
      teamId: team.id,
      track: "manager",
      level: "m1",
    });
    await createPerson({
      name: "Rita Report",
      email: uniqueEmail("rita.searchable"),
      managerId: manager.id,
      teamId: team.id,
      track: "ic",
      level: "ic2",
    });
    await createPerson({ name: "Sam Gone Searchable", teamId: team.id, deactivatedAt: new Date() });

    const load = async (query: string) =>
      listRoute.loader(routeArgs(await signedInRequest(`/admin/people?${query}`, admin.id)));

    const bySearch = await load("q=Searchable");
    expect(bySearch.people.map((person) => person.name)).toEqual([
      "Quentin Searchable",
      "Rita Report",
    ]);
    expect(bySearch.people[1]).toMatchObject({
      manager: { id: manager.id, name: "Quentin Searchable" },
      team: { id: team.id },
    });

    expect(
      (await load(`team=${team.id}&status=deactivated`)).people.map((person) => person.name),
    ).toEqual(["Sam Gone Searchable"]);
    expect((await load(`team=${team.id}&status=all`)).total).toBe(3);
    expect(
      (await load(`team=${team.id}&role=manager`)).people.map((person) => person.name),
    ).toEqual(["Quentin Searchable"]);
    expect(
      (await load(`team=${team.id}&track=ic&level=ic2`)).people.map((person) => person.name),
    ).toEqual(["Rita Report"]);
    expect((await load("role=admin&q=Zed")).people.map((person) => person.id)).toEqual([admin.id]);
  });

  test("finds names whatever their case, on either database", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Case team ${uniqueEmail()}` } });
    const person = await createPerson({ name: "Wilhelmina Casefold", teamId: team.id });
    const load = async (query: string) =>
      listRoute.loader(routeArgs(await signedInRequest(`/admin/people?${query}`, admin.id)));
    for (const typed of ["wilhelmina casefold", "CASEFOLD", "Casefold"]) {
      expect(
        (await load(`team=${team.id}&q=${encodeURIComponent(typed)}`)).people.map(
          (found) => found.id,
        ),
        typed,
      ).toEqual([person.id]);
    }
    expect((await load(`team=${team.id}&q=casefolds`)).people).toEqual([]);
  });

  test("filters by a team typed by name (the field suggests names); a name of no team is the field's error, not someone else's list; each person's active reports are counted", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Typed team ${uniqueEmail()}` } });
    const lead = await createPerson({ name: "Teodora Typed", teamId: team.id });
    await createPerson({ name: "Report One", managerId: lead.id });
    await db.user.update({
      where: { id: (await createPerson({ name: "Report Gone", managerId: lead.id })).id },
      data: { deactivatedAt: new Date() },
    });
    await createPerson({ name: "Elsewhere Person" });
    const load = async (query: string) =>
      listRoute.loader(routeArgs(await signedInRequest(`/admin/people?${query}`, admin.id)));
    const typed = await load(`teamName=${encodeURIComponent(team.name.toUpperCase())}`);
    expect(typed.people.map((person) => [person.name, person.reportCount])).toEqual([
      ["Teodora Typed", 1],
    ]);
    expect(typed).toMatchObject({ team: { id: team.id, name: team.name }, teamUnknown: false });
    const unknown = await load("teamName=No%20such%20team%20anywhere");
    expect(unknown).toMatchObject({ team: null, teamUnknown: true });
    expect(unknown.team).toBeNull();
    expect(unknown.typedTeam).toBe("No such team anywhere");
    // By id, as links give it: the field shows the team's name.
    expect((await load(`team=${team.id}`)).team).toEqual({ id: team.id, name: team.name });
  });

  test("pages through many people", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Paging ${uniqueEmail()}` } });
    await db.user.createMany({
      data: Array.from({ length: 60 }, (_, index) => ({
        name: `Pager ${String(index).padStart(2, "0")}`,
        email: uniqueEmail("pager"),
        teamId: team.id,
      })),
    });
    const first = await listRoute.loader(
      routeArgs(await signedInRequest(`/admin/people?team=${team.id}`, admin.id)),
    );
    const second = await listRoute.loader(
      routeArgs(await signedInRequest(`/admin/people?team=${team.id}&page=2`, admin.id)),
    );
    expect(first).toMatchObject({ total: 60, page: 1, pageCount: 3 });
    expect(first.people).toHaveLength(25);
    expect(second.people.map((person) => person.name)).toEqual(
      Array.from({ length: 25 }, (_, index) => `Pager ${25 + index}`),
    );
  });
});

describe("the count of people", () => {
  test("follows every change of a person, read after read (it is kept between reads)", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Counted ${uniqueEmail()}` } });
    const total = async () =>
      (
        await listRoute.loader(
          routeArgs(await signedInRequest(`/admin/people?team=${team.id}`, admin.id)),
        )
      ).total;
    const first = await createPerson({ teamId: team.id });
    await createPerson({ teamId: team.id });
    expect(await total()).toBe(2);
    expect(await total()).toBe(2);
    await createPerson({ teamId: team.id });
    expect(await total()).toBe(3);
    await editAction(admin.id, first.id, { intent: "deactivate" });
    expect(await total()).toBe(2);
    const moved = await createPerson({ teamId: team.id });
    expect(await total()).toBe(3);
    await db.user.update({ where: { id: moved.id }, data: { teamId: null } });
    expect(await total()).toBe(2);
  });
});

describe("editing a person", () => {
  test("an unknown person id is 404 for the loader and the action", async () => {
    const admin = await createAdmin();
    const loaded = await thrown(async () =>
      editRoute.loader(
        routeArgs(await signedInRequest("/admin/people/nope", admin.id), { personId: "nope" }),
      ),
    );
    expect(statusOf(loaded)).toBe(404);
    for (const intent of ["update", "deactivate", "sign-out-everywhere", "create-sign-in-link"]) {
      const result = await thrown(() =>
        editAction(admin.id, "nope", { intent, name: "", email: "" }),
      );
      expect(statusOf(result), intent).toBe(404);
    }
  });

  test("saves name, email, team, manager, track, level and roles, with an audit event", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Edit team ${uniqueEmail()}` } });
    const manager = await createPerson();
    const person = await createPerson({ name: "Before" });
    const newEmail = uniqueEmail("after");
    const result = await editAction(
      admin.id,
      person.id,
      personFields(
        { name: "After", email: newEmail.toUpperCase() },
        {
          teamId: team.id,
          managerEmail: manager.email,
          track: "ic",
          level: "ic3",
          isHiringAdmin: "on",
        },
      ),
    );
    expect(statusOf(result)).toBe(200);
    const saved = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(saved).toMatchObject({
      name: "After",
      email: newEmail,
      teamId: team.id,
      managerId: manager.id,
      track: "ic",
      level: "ic3",
      isAdmin: false,
      isHiringAdmin: true,
    });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { subjectId: person.id, action: "person.updated" },
    });
    expect(event.actorId).toBe(admin.id);
    expect(event.detail).toMatchObject({
      name: { from: "Before", to: "After" },
      manager: { from: null, to: manager.email },
      team: { from: null, to: team.name },
      isHiringAdmin: { from: false, to: true },
    });
    // The level change is in the person's level history, dated with the edit.
    expect(
      await db.levelChange.findMany({
        where: { personId: person.id },
        select: {
          fromTrackId: true,
          fromLevelId: true,
          toTrackId: true,
          toLevelId: true,
          source: true,
        },
      }),
    ).toEqual([
      { fromTrackId: null, fromLevelId: null, toTrackId: "ic", toLevelId: "ic3", source: "edited" },
    ]);
    // So is the change of manager, in their manager history.
    expect(
      await db.managerChange.findMany({
        where: { personId: person.id },
        select: { fromManagerId: true, toManagerId: true },
      }),
    ).toEqual([{ fromManagerId: null, toManagerId: manager.id }]);
    // And the change of team, in their team and attribute history.
    expect(
      await db.groupChange.findMany({
        where: { personId: person.id },
        select: { kind: true, attribute: true, fromValue: true, toValue: true },
      }),
    ).toEqual([{ kind: "team", attribute: null, fromValue: null, toValue: team.id }]);
  });

  test("a reporting cycle is rejected with a field error and nothing changes", async () => {
    const admin = await createAdmin();
    const top = await createPerson({ name: "Top" });
    const middle = await createPerson({ name: "Middle", managerId: top.id });
    const bottom = await createPerson({ name: "Bottom", managerId: middle.id });

    const result = await editAction(
      admin.id,
      top.id,
      personFields(top, { managerEmail: bottom.email }),
    );
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(result).result.error?.managerEmail).toEqual([
      expect.stringContaining("reporting cycle"),
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: top.id } })).managerId).toBeNull();

    const self = await editAction(admin.id, top.id, personFields(top, { managerEmail: top.email }));
    expect(bodyOf<{ result: FormReply }>(self).result.error?.managerEmail).toEqual([
      "A person cannot be their own manager.",
    ]);
  });

  test("field errors: invalid input, taken email, unknown manager, level off the track", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    const other = await createPerson();

    const invalid = await editAction(admin.id, person.id, {
      intent: "update",
      name: "",
      email: "not-an-email",
    });
    expect(statusOf(invalid)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(invalid).result.error).toMatchObject({
      name: ["people:form.errors.nameRequired"],
      email: ["people:form.errors.emailInvalid"],
    });

    const taken = await editAction(
      admin.id,
      person.id,
      personFields(
        { name: "X", email: other.email },
        { managerEmail: "ghost@example.com", track: "ic", level: "m2" },
      ),
    );
    expect(statusOf(taken)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(taken).result.error).toMatchObject({
      email: ["Another person already has this email address."],
      managerEmail: ["No person in Rungs has the email ghost@example.com."],
      level: [expect.stringContaining('Level "m2" is not on the ic track')],
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe(person.name);
  });

  test("a deactivated manager may stay while other fields change, but cannot be newly chosen", async () => {
    const admin = await createAdmin();
    const gone = await createPerson({ name: "Gone Manager", deactivatedAt: new Date() });
    const report = await createPerson({ managerId: gone.id });
    const other = await createPerson();

    const kept = await editAction(
      admin.id,
      report.id,
      personFields({ name: "Renamed Report", email: report.email }, { managerEmail: gone.email }),
    );
    expect(statusOf(kept)).toBe(200);
    expect(await db.user.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      name: "Renamed Report",
      managerId: gone.id,
    });

    const chosen = await editAction(
      admin.id,
      other.id,
      personFields(other, { managerEmail: gone.email }),
    );
    expect(statusOf(chosen)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(chosen).result.error?.managerEmail).toEqual([
      "Gone Manager is deactivated. Choose an active manager.",
    ]);
  });

  test("an admin cannot remove their own admin role or deactivate themselves", async () => {
    const admin = await createAdmin();
    const demote = await editAction(admin.id, admin.id, personFields(admin));
    expect(statusOf(demote)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(demote).result.error?.isAdmin).toEqual([
      expect.stringContaining("your own admin role"),
    ]);
    const deactivate = await editAction(admin.id, admin.id, { intent: "deactivate" });
    expect(statusOf(deactivate)).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deactivatedAt).toBeNull();
  });
});

describe("deactivating and signing out", () => {
  test("deactivating ends every session and keeps the person; reactivating restores sign-in", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    const theirRequest = await signedInRequest("/", person.id);
    await signedInRequest("/", person.id);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(2);

    expect(statusOf(await editAction(admin.id, person.id, { intent: "deactivate" }))).toBe(200);
    const after = await db.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.deactivatedAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    // Their old cookie no longer works.
    expect(statusOf(await thrown(() => listRoute.loader(routeArgs(theirRequest))))).toBe(302);
    expect(
      await db.auditEvent.count({
        where: { subjectId: person.id, action: "person.deactivated", actorId: admin.id },
      }),
    ).toBe(1);

    expect(statusOf(await editAction(admin.id, person.id, { intent: "reactivate" }))).toBe(200);
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: person.id } })).deactivatedAt,
    ).toBeNull();
    expect(
      await db.auditEvent.count({ where: { subjectId: person.id, action: "person.reactivated" } }),
    ).toBe(1);
  });

  test("sign out everywhere ends all of a person's sessions", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    await signedInRequest("/", person.id);
    await signedInRequest("/", person.id);
    const result = await editAction(admin.id, person.id, { intent: "sign-out-everywhere" });
    expect(bodyOf<{ message: string }>(result).message).toBe("Ended 2 sessions.");
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(
      await db.auditEvent.count({
        where: { subjectId: person.id, action: "person.signed_out_everywhere" },
      }),
    ).toBe(1);
  });
});

describe("adding a person", () => {
  test("creates the person and redirects to their page", async () => {
    const admin = await createAdmin();
    const email = uniqueEmail("new");
    const response = await newRoute.action(
      routeArgs(
        await signedInPost("/admin/people/new", admin.id, {
          name: "New Person",
          email,
          track: "tech-lead",
          level: "tl2",
        }),
      ),
    );
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    expect(created).toMatchObject({
      name: "New Person",
      track: "tech-lead",
      level: "tl2",
      isAdmin: false,
    });
    expect(statusOf(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/admin/people/${created.id}`);
    expect(
      await db.auditEvent.count({ where: { subjectId: created.id, action: "person.created" } }),
    ).toBe(1);
  });

  test("a duplicate email is a field error", async () => {
    const admin = await createAdmin();
    const existing = await createPerson();
    const result = await newRoute.action(
      routeArgs(
        await signedInPost("/admin/people/new", admin.id, { name: "Dup", email: existing.email }),
      ),
    );
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<FormReply>(result).error?.email).toEqual([
      "Another person already has this email address.",
    ]);
  });
});

describe("teams", () => {
  test("create, refuse a duplicate name, rename, refuse deleting a team with people, delete an empty one", async () => {
    const admin = await createAdmin();
    const post = async (fields: Record<string, string>) =>
      teamsRoute.action(routeArgs(await signedInPost("/admin/teams", admin.id, fields)));
    const name = `Platform ${uniqueEmail()}`;

    // Sent as HTML (decision 157): each change redirects with what it did, which the page says,
    // naming the team from the list; a refused name comes back as a document with what was typed.
    const created = await post({ intent: "create", name });
    const team = await db.team.findUniqueOrThrow({ where: { name } });
    expect(answerOf(created)).toEqual({
      status: 302,
      location: `/admin/teams?done=created&team=${team.id}`,
    });
    const teamsPage = (path: string, posted?: URLSearchParams) =>
      renderPage(teamsRoute as unknown as PageModule, "/admin/teams", path, admin.id, posted);
    expect((await teamsPage(`/admin/teams?done=created&team=${team.id}`)).html).toContain(
      `Team ${name} created.`,
    );
    expect((await teamsPage(`/admin/teams?done=created&team=nope`)).html).not.toContain("created.");
    const duplicate = await post({ intent: "create", name: name.toUpperCase() });
    expect(statusOf(duplicate)).toBe(400);
    expect(bodyOf<{ result: FormReply }>(duplicate).result.error?.name).toEqual([
      `There is already a team called ${name.toUpperCase()}.`,
    ]);
    const refusedPage = await teamsPage(
      "/admin/teams",
      new URLSearchParams({ intent: "create", name: name.toUpperCase() }),
    );
    expect(refusedPage.status).toBe(400);
    expect(refusedPage.html).toContain(`value="${name.toUpperCase()}"`);

    expect(
      answerOf(await post({ intent: "rename", teamId: team.id, name: `${name} renamed` })),
    ).toEqual({ status: 302, location: `/admin/teams?done=renamed&team=${team.id}` });
    expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).toBe(
      `${name} renamed`,
    );
    expect((await teamsPage(`/admin/teams?done=renamed&team=${team.id}`)).html).toContain(
      `Renamed to ${name} renamed.`,
    );

    const member = await createPerson({ teamId: team.id, deactivatedAt: new Date() });
    const refused = await post({ intent: "delete", teamId: team.id });
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toContain(
      "still has 1 person (1 deactivated)",
    );

    await db.user.update({ where: { id: member.id }, data: { teamId: null } });
    expect(answerOf(await post({ intent: "delete", teamId: team.id }))).toEqual({
      status: 302,
      location: "/admin/teams?done=deleted",
    });
    expect(await db.team.findUnique({ where: { id: team.id } })).toBeNull();

    const actions = await db.auditEvent.findMany({
      where: { subjectId: team.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((event) => event.action)).toEqual([
      "team.created",
      "team.renamed",
      "team.deleted",
    ]);

    expect(
      statusOf(await thrown(() => post({ intent: "rename", teamId: "nope", name: "X" }))),
    ).toBe(404);
  });

  test("the list counts active and deactivated members", async () => {
    const admin = await createAdmin();
    const team = await db.team.create({ data: { name: `Counted ${uniqueEmail()}` } });
    await createPerson({ teamId: team.id });
    await createPerson({ teamId: team.id, deactivatedAt: new Date() });
    const { teams } = await teamsRoute.loader(
      routeArgs(await signedInRequest("/admin/teams", admin.id)),
    );
    expect(teams.find((entry) => entry.id === team.id)).toMatchObject({
      members: 2,
      activeMembers: 1,
    });
  });
});

describe("audit log", () => {
  test("lists events newest first, with actor and subject names, in pages", async () => {
    const admin = await createAdmin({ name: "Audit Admin" });
    const person = await createPerson({ name: "Audited Person" });
    await editAction(admin.id, person.id, { intent: "deactivate" });
    await editAction(admin.id, person.id, { intent: "reactivate" });
    const page = await auditRoute.loader(
      routeArgs(await signedInRequest("/admin/audit", admin.id)),
    );
    expect(page.events.slice(0, 2)).toMatchObject([
      {
        action: "person.reactivated",
        actor: { id: admin.id, name: "Audit Admin" },
        subjectName: "Audited Person",
      },
      { action: "person.deactivated", subjectId: person.id },
    ]);
    expect(page.page).toBe(1);
    const beyond = await auditRoute.loader(
      routeArgs(await signedInRequest("/admin/audit?page=999", admin.id)),
    );
    expect(beyond.page).toBe(beyond.pageCount);
  });
});
