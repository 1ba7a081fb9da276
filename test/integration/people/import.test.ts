import { describe, expect, test } from "vitest";
import { importPeople } from "~/modules/people/import.server";
import * as importRoute from "~/routes/admin.people.import";
import { db } from "~/db/client.server";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInPost } from "../../utils/session";

const header = "name,email,manager_email,team,track,level";

async function post(adminId: string, intent: "check" | "import", csv: string) {
  return importRoute.action(
    routeArgs(await signedInPost("/admin/people/import", adminId, { intent, csv })),
  );
}

/** A unique prefix so each test's people and teams are its own in the shared per-file database. */
function scope() {
  return uniqueEmail("s").split("@")[0]!.replace(/\./g, "-");
}

describe("importing people from CSV through the admin page", () => {
  test("a file with a bad row is refused with line and field, and nothing is written", async () => {
    const admin = await createAdmin();
    const s = scope();
    const csv = [
      header,
      `Boss,${s}-boss@example.com,,${s} Core,manager,m2`,
      `Ana,${s}-ana@example.com,${s}-boss@example.com,${s} Core,ic,ic2`,
      `Bo,${s}-bo@example.com,${s}-nobody@example.com,${s} Core,ic,ic2`,
    ].join("\n");
    const before = {
      users: await db.user.count(),
      teams: await db.team.count(),
      events: await db.auditEvent.count(),
    };

    for (const intent of ["check", "import"] as const) {
      const result = await post(admin.id, intent, csv);
      expect(statusOf(result)).toBe(400);
      expect(bodyOf<{ errors: unknown[] }>(result).errors).toEqual([
        {
          line: 4,
          field: "manager_email",
          message: `no person with email ${s}-nobody@example.com in the file or in Rungs`,
        },
      ]);
      // What was typed comes back, so the page keeps it.
      expect(
        bodyOf<{ result: { initialValue: { csv: string } } }>(result).result.initialValue.csv,
      ).toBe(csv);
    }
    expect({
      users: await db.user.count(),
      teams: await db.team.count(),
      events: await db.auditEvent.count(),
    }).toEqual(before);
  });

  test("a junk file: the first problems and a count, and the file itself is not sent back", async () => {
    const admin = await createAdmin();
    const s = scope();
    const junk = Array.from(
      { length: 19_000 },
      (_, index) => `Junk ${index} ${"x".repeat(20)}\u0007,${s}-${index}@example.com,,,,`,
    );
    const csv = [header, ...junk.slice(0, 19_000)].join("\n");
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const result = await post(admin.id, "check", csv);
    expect(statusOf(result)).toBe(400);
    const body = bodyOf<{
      errors: { line: number }[];
      errorCount: number;
      result: { initialValue?: { csv?: string } | null };
    }>(result);
    expect(body.errorCount).toBe(19_000);
    expect(body.errors).toHaveLength(50);
    expect(body.errors[0]).toEqual({
      line: 2,
      field: "name",
      message: "has a control character (U+0007); remove it",
    });
    expect(body.result.initialValue?.csv).toBeUndefined();
    expect(JSON.stringify(body).length).toBeLessThan(20_000);
  }, 60_000);

  test("check previews without writing; import writes every row, new teams and one audit event", async () => {
    const admin = await createAdmin();
    const s = scope();
    const existing = await createPerson({
      name: "Old Name",
      email: `${s}-old@example.com`,
      track: "ic",
      level: "ic1",
    });
    const csv = [
      header,
      `Ana,${s}-ana@example.com,${s}-boss@example.com,${s} Core,ic,ic2`,
      `Boss,${s}-boss@example.com,,${s} Leads,manager,m2`,
      `New Name,${s}-old@example.com,${s}-boss@example.com,${s} Core,ic,ic2`,
    ].join("\n");

    const checked = await post(admin.id, "check", csv);
    expect(statusOf(checked)).toBe(200);
    const preview = bodyOf<{
      status: string;
      summary: unknown;
      creates: { email: string; trackName: string | null; levelTitle: string | null }[];
      changes: { id: string; changes: unknown[] }[];
      newTeams: string[];
    }>(checked);
    expect(preview.status).toBe("checked");
    expect(preview.summary).toEqual({ rows: 3, created: 2, changed: 1, unchanged: 0, newTeams: 2 });
    expect(preview.creates.map((row) => row.email)).toEqual([
      `${s}-boss@example.com`,
      `${s}-ana@example.com`,
    ]);
    // Tracks and levels in words, not the file's ids.
    expect(preview.creates.map((row) => [row.trackName, row.levelTitle])).toEqual([
      ["Engineering manager", "Senior Engineering Manager"],
      ["Individual contributor", "Engineer II"],
    ]);
    expect(preview.changes).toEqual([
      expect.objectContaining({
        id: existing.id,
        changes: [
          { field: "name", from: "Old Name", to: "New Name" },
          { field: "manager_email", from: null, to: `${s}-boss@example.com` },
          { field: "team", from: null, to: `${s} Core` },
          { field: "level", from: "ic1", to: "ic2" },
        ],
      }),
    ]);
    expect(await db.user.count({ where: { email: { startsWith: s } } })).toBe(1);
    expect(await db.team.count({ where: { name: { startsWith: s } } })).toBe(0);

    const imported = await post(admin.id, "import", csv);
    expect(statusOf(imported)).toBe(200);
    expect(bodyOf<{ status: string }>(imported).status).toBe("imported");

    const people = await db.user.findMany({
      where: { email: { startsWith: s } },
      select: {
        name: true,
        email: true,
        track: true,
        level: true,
        team: { select: { name: true } },
        manager: { select: { email: true } },
      },
      orderBy: { email: "asc" },
    });
    expect(people).toEqual([
      {
        name: "Ana",
        email: `${s}-ana@example.com`,
        track: "ic",
        level: "ic2",
        team: { name: `${s} Core` },
        manager: { email: `${s}-boss@example.com` },
      },
      {
        name: "Boss",
        email: `${s}-boss@example.com`,
        track: "manager",
        level: "m2",
        team: { name: `${s} Leads` },
        manager: null,
      },
      {
        name: "New Name",
        email: `${s}-old@example.com`,
        track: "ic",
        level: "ic2",
        team: { name: `${s} Core` },
        manager: { email: `${s}-boss@example.com` },
      },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "people.imported", actorId: admin.id },
    });
    expect(event.detail).toMatchObject({
      created: 2,
      changed: 1,
      newTeamNames: [`${s} Core`, `${s} Leads`],
    });
    // The changed level is in the person's level history; people created by the import start at their createdAt.
    expect(
      await db.levelChange.findMany({
        where: { person: { email: { startsWith: s } } },
        select: { personId: true, fromLevelId: true, toLevelId: true, source: true },
      }),
    ).toEqual([
      { personId: existing.id, fromLevelId: "ic1", toLevelId: "ic2", source: "imported" },
    ]);
    // So is the changed manager, in their manager history; people created with one start with them at their createdAt.
    const boss = await db.user.findUniqueOrThrow({ where: { email: `${s}-boss@example.com` } });
    expect(
      await db.managerChange.findMany({
        where: { person: { email: { startsWith: s } } },
        select: { personId: true, fromManagerId: true, toManagerId: true },
      }),
    ).toEqual([{ personId: existing.id, fromManagerId: null, toManagerId: boss.id }]);
    // And the changed team, in their team and attribute history.
    const core = await db.team.findUniqueOrThrow({ where: { name: `${s} Core` } });
    expect(
      await db.groupChange.findMany({
        where: { person: { email: { startsWith: s } } },
        select: { personId: true, kind: true, fromValue: true, toValue: true },
      }),
    ).toEqual([{ personId: existing.id, kind: "team", fromValue: null, toValue: core.id }]);

    // Importing the same file again changes nothing.
    const again = await post(admin.id, "check", csv);
    expect(bodyOf<{ summary: unknown }>(again).summary).toEqual({
      rows: 3,
      created: 0,
      changed: 0,
      unchanged: 3,
      newTeams: 0,
    });
  });

  test("an import that makes many teams names the first in its audit event and counts them all", async () => {
    const { LISTED_AT_MOST } = await import("~/modules/audit/events");
    const admin = await createAdmin();
    const s = scope();
    const teams = Array.from(
      { length: LISTED_AT_MOST + 5 },
      (_, index) => `${s} Team ${String(index).padStart(2, "0")}`,
    );
    const csv = [
      header,
      ...teams.map((team, index) => `P${index},${s}-p${index}@example.com,,${team},ic,ic2`),
    ].join("\n");
    expect(statusOf(await post(admin.id, "import", csv))).toBe(200);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "people.imported", actorId: admin.id },
    });
    expect(event.detail).toMatchObject({ created: teams.length, newTeams: teams.length });
    expect((event.detail as { newTeamNames: string[] }).newTeamNames).toHaveLength(LISTED_AT_MOST);
  });

  test("a file that would close a reporting loop with existing people is refused", async () => {
    const admin = await createAdmin();
    const s = scope();
    const top = await createPerson({ email: `${s}-top@example.com` });
    await createPerson({ email: `${s}-mid@example.com`, managerId: top.id });
    const csv = `${header}\nTop,${s}-top@example.com,${s}-mid@example.com,,,\n`;
    const result = await post(admin.id, "import", csv);
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ errors: unknown[] }>(result).errors).toEqual([
      {
        line: 2,
        field: "manager_email",
        message: `reporting cycle: ${s}-top@example.com → ${s}-mid@example.com → ${s}-top@example.com`,
      },
    ]);
    expect((await db.user.findUniqueOrThrow({ where: { id: top.id } })).managerId).toBeNull();
  });

  test("an empty submission is a field error on the CSV", async () => {
    const admin = await createAdmin();
    const result = await post(admin.id, "check", "");
    expect(statusOf(result)).toBe(400);
    expect(
      bodyOf<{ result: { error: Record<string, string[]> } }>(result).result.error.csv,
    ).toEqual(["people:import.errors.csvRequired"]);
  });
});

describe("importPeople", () => {
  test("imports 5,000 people with a deep management tree in one go", async () => {
    const s = scope();
    const lines = [header, `Root,${s}-0@example.com,,${s} T0,manager,m4`];
    for (let index = 1; index < 5000; index++) {
      // Each person's manager is someone earlier in the file or later: order must not matter.
      const manager = index < 10 ? 0 : Math.floor(index / 10);
      lines.push(
        `Person ${index},${s}-${index}@example.com,${s}-${manager}@example.com,${s} T${index % 25},ic,ic${(index % 6) + 1}`,
      );
    }
    // Reverse the data rows so reports come before their managers in the file.
    const csv = [lines[0], ...lines.slice(1).reverse()].join("\n");

    const result = await importPeople(csv, { actorId: null, dryRun: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.summary).toEqual({
      rows: 5000,
      created: 5000,
      changed: 0,
      unchanged: 0,
      newTeams: 25,
    });
    expect(await db.user.count({ where: { email: { startsWith: `${s}-` } } })).toBe(5000);
    const sample = await db.user.findUniqueOrThrow({
      where: { email: `${s}-4321@example.com` },
      select: { manager: { select: { email: true } }, team: { select: { name: true } } },
    });
    expect(sample).toEqual({
      manager: { email: `${s}-432@example.com` },
      team: { name: `${s} T21` },
    });
    expect(
      await db.auditEvent.count({ where: { action: "people.imported", actorId: null } }),
    ).toBeGreaterThanOrEqual(1);

    // A second pass that moves everyone to one team is applied as a few batched updates.
    const moved = [
      header.replace(",team,track,level", ",team"),
      ...lines.slice(1).map((line) => line.split(",").slice(0, 3).join(",") + `,${s} One`),
    ].join("\n");
    const second = await importPeople(moved, { actorId: null, dryRun: false });
    expect(second.ok && second.summary).toMatchObject({ created: 0, changed: 5000, newTeams: 1 });
    expect(await db.user.count({ where: { team: { name: `${s} One` } } })).toBe(5000);
  }, 180_000);

  test("a dry run writes nothing", async () => {
    const s = scope();
    const before = await db.user.count();
    const result = await importPeople(`${header}\nDry,${s}@example.com,,${s} Dry,,\n`, {
      actorId: null,
      dryRun: true,
    });
    expect(result.ok && result.summary.created).toBe(1);
    expect(await db.user.count()).toBe(before);
    expect(await db.team.count({ where: { name: `${s} Dry` } })).toBe(0);
  });
});

describe("optional attributes", () => {
  test("are written with new people, merged into existing people's, and a file with a bad row writes none", async () => {
    const s = scope();
    const first = await importPeople(
      `name,email,attribute:location,attribute:employment\nAttr,${s}@example.com,Berlin,full-time\n`,
      { actorId: null, dryRun: false },
    );
    expect(first.ok).toBe(true);
    const stored = async () =>
      JSON.parse(
        (await db.user.findUniqueOrThrow({ where: { email: `${s}@example.com` } })).attributes,
      ) as Record<string, string>;
    expect(await stored()).toEqual({ employment: "full-time", location: "Berlin" });
    // Only location is in this file: employment stays.
    expect(
      (
        await importPeople(`name,email,attribute:location\nAttr,${s}@example.com,Lisbon\n`, {
          actorId: null,
          dryRun: false,
        })
      ).ok,
    ).toBe(true);
    expect(await stored()).toEqual({ employment: "full-time", location: "Lisbon" });
    // An empty cell removes the attribute.
    expect(
      (
        await importPeople(`name,email,attribute:employment\nAttr,${s}@example.com,\n`, {
          actorId: null,
          dryRun: false,
        })
      ).ok,
    ).toBe(true);
    expect(await stored()).toEqual({ location: "Lisbon" });
    // Each change of an existing person's attribute is in their team and attribute history; the first file's, made with the person, is not.
    expect(
      await db.groupChange.findMany({
        where: { person: { email: `${s}@example.com` } },
        orderBy: { id: "asc" },
        select: { kind: true, attribute: true, fromValue: true, toValue: true },
      }),
    ).toEqual([
      { kind: "attribute", attribute: "location", fromValue: "Berlin", toValue: "Lisbon" },
      { kind: "attribute", attribute: "employment", fromValue: "full-time", toValue: null },
    ]);
    const refused = await importPeople(
      `name,email,attribute:location\nAttr,${s}@example.com,Porto\nBad,not-an-email,Oslo\n`,
      { actorId: null, dryRun: false },
    );
    expect(refused.ok).toBe(false);
    expect(await stored()).toEqual({ location: "Lisbon" });
  });

  test("a malformed stored value counts as none: the import replaces it with the file's attributes", async () => {
    const s = scope();
    const person = await createPerson({ email: `${s}@example.com`, attributes: "not json" });
    const result = await importPeople(
      `name,email,attribute:location\nAttr,${s}@example.com,Berlin\n`,
      { actorId: null, dryRun: false },
    );
    expect(
      result.ok && result.plan.changes.find((change) => change.id === person.id)?.changes,
    ).toContainEqual({ field: "attribute:location", from: null, to: "Berlin" });
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).attributes).toBe(
      '{"location":"Berlin"}',
    );
  });

  test("a check writes nothing, and the page's preview lists new people's attributes and changes to them", async () => {
    const admin = await createAdmin();
    const s = scope();
    await importPeople(`name,email,attribute:location\nOld,${s}-old@example.com,Berlin\n`, {
      actorId: null,
      dryRun: false,
    });
    const csv = `name,email,attribute:location,attribute:employment\nOld,${s}-old@example.com,Lisbon,\nNew,${s}-new@example.com,Porto,part-time\n`;
    const body = bodyOf<{
      attributeColumns: string[];
      creates: { email: string; attributes: Record<string, string | null> }[];
      changes: { email: string; changes: unknown[] }[];
    }>(await post(admin.id, "check", csv));
    expect(body.attributeColumns).toEqual(["location", "employment"]);
    expect(body.creates).toEqual([
      expect.objectContaining({
        email: `${s}-new@example.com`,
        attributes: { location: "Porto", employment: "part-time" },
      }),
    ]);
    expect(body.changes).toEqual([
      expect.objectContaining({
        email: `${s}-old@example.com`,
        changes: [{ field: "attribute:location", from: "Berlin", to: "Lisbon" }],
      }),
    ]);
    expect(
      (await db.user.findUniqueOrThrow({ where: { email: `${s}-old@example.com` } })).attributes,
    ).toBe('{"location":"Berlin"}');
    expect(await db.user.count({ where: { email: `${s}-new@example.com` } })).toBe(0);
  });
});

describe("the import page's words", () => {
  /** The import page rendered after the form was posted, as the admin reads it. */
  async function renderAfter(
    adminId: string,
    intent: "check" | "import",
    csv: string,
  ): Promise<string> {
    const { createElement } = await import("react");
    const { renderToString } = await import("react-dom/server");
    const { createStaticHandler, createStaticRouter, StaticRouterProvider } =
      await import("react-router");
    const { withRouteProps } = await import("../../utils/responses");
    const route = {
      id: "page",
      path: "/admin/people/import",
      loader: async ({ request }: { request: Request }) =>
        bodyOf(await importRoute.loader(routeArgs(request))),
      action: async ({ request }: { request: Request }) =>
        bodyOf(await importRoute.action(routeArgs(request))),
      Component: withRouteProps(importRoute.default as never),
    };
    const handler = createStaticHandler([route]);
    const context = await handler.query(
      await signedInPost("/admin/people/import", adminId, { intent, csv }),
    );
    if (context instanceof Response)
      throw new Error(`expected a page, got a ${context.status} response`);
    const router = createStaticRouter(handler.dataRoutes, context);
    return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }))
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
  }

  test("a change of track and level is said with the ladder's names, and one problem is 'it', not 'they'", async () => {
    const admin = await createAdmin();
    const s = scope();
    const existing = await createPerson({
      name: "Mia Moved",
      email: `${s}-mia@example.com`,
      track: "manager",
      level: "m2",
    });
    const checked = await post(
      admin.id,
      "check",
      [header, `Mia Moved,${s}-mia@example.com,,,ic,ic2`].join("\n"),
    );
    const preview = bodyOf<{ changes: { id: string; described: string[] }[] }>(checked);
    expect(preview.changes.find((change) => change.id === existing.id)?.described).toEqual([
      "track: Engineering manager → Individual contributor",
      "level: Senior Engineering Manager → Engineer II",
    ]);
    expect(
      await renderAfter(
        admin.id,
        "check",
        [header, `Mia Moved,${s}-mia@example.com,,,ic,ic2`].join("\n"),
      ),
    ).toContain("level: Senior Engineering Manager → Engineer II");

    const one = await renderAfter(
      admin.id,
      "check",
      [header, `Bo,${s}-bo@example.com,${s}-nobody@example.com,,ic,ic2`].join("\n"),
    );
    expect(one).toContain("1 problem in the file. Nothing will be imported until it is fixed.");
    const two = await renderAfter(
      admin.id,
      "check",
      [
        header,
        `Bo,${s}-bo@example.com,${s}-nobody@example.com,,ic,ic2`,
        `Cy,${s}-cy@example.com,${s}-nobody@example.com,,ic,ic2`,
      ].join("\n"),
    );
    expect(two).toContain("2 problems in the file. Nothing will be imported until they are fixed.");
  });
});
