// Everyone under a manager is read from each person's kept reporting line (User.linePath,
// lineDepth). The people module keeps it in the same transaction as every change of
// manager; these check each write path against the line walked from the managers.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { importPeople } from "~/modules/people/import.server";
import {
  managerChain,
  rebuildReportingLine,
  reportsUnder,
} from "~/modules/people/reporting-line.server";
import * as editRoute from "~/routes/admin.people.$personId";
import * as newRoute from "~/routes/admin.people.new";
import { TEAM_PAGE_SIZE } from "~/modules/team/overview.server";
import * as teamRoute from "~/routes/team";
import { createAdmin, createPerson, uniqueEmail } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

/** The kept line of a person must be the chain walked from the managers, top first. */
async function expectLineKept(personId: string) {
  const person = await db.user.findUniqueOrThrow({
    where: { id: personId },
    select: { linePath: true, lineDepth: true },
  });
  const chain = (await managerChain(personId)).reverse();
  expect(person).toEqual({
    linePath: chain.length ? `/${chain.join("/")}/` : "/",
    lineDepth: chain.length,
  });
}

async function teamOf(viewerId: string): Promise<string[]> {
  const page = await teamRoute.loader(routeArgs(await signedInRequest("/team", viewerId)));
  return page.hasReports
    ? page.groups.flatMap((group) => group.members.map((member) => member.name)).sort()
    : [];
}

describe("the kept reporting line", () => {
  test("moving a manager to another manager moves their whole team, in the overview too", async () => {
    const admin = await createAdmin();
    const left = await createPerson({ name: "Lee Left", track: "manager", level: "m2" });
    const right = await createPerson({ name: "Rae Right", track: "manager", level: "m2" });
    const mid = await createPerson({
      name: "Mo Middle",
      track: "manager",
      level: "m1",
      managerId: left.id,
    });
    const ann = await createPerson({ name: "Ann", track: "ic", level: "ic2", managerId: mid.id });
    expect(await teamOf(left.id)).toEqual(["Ann", "Mo Middle"]);
    expect(await teamOf(right.id)).toEqual([]);

    const request = await signedInPost(`/admin/people/${mid.id}`, admin.id, {
      intent: "update",
      name: mid.name,
      email: mid.email,
      managerEmail: right.email,
      track: "manager",
      level: "m1",
    });
    await editRoute
      .action(routeArgs(request, { personId: mid.id }))
      .catch((redirect: unknown) => redirect);
    expect((await db.user.findUniqueOrThrow({ where: { id: mid.id } })).managerId).toBe(right.id);

    for (const person of [left, right, mid, ann]) await expectLineKept(person.id);
    expect(await teamOf(left.id)).toEqual([]);
    expect(await teamOf(right.id)).toEqual(["Ann", "Mo Middle"]);
    expect((await reportsUnder(right.id)).sort()).toEqual([mid.id, ann.id].sort());
  });

  test("a person added with a manager is under that manager's line", async () => {
    const admin = await createAdmin();
    const boss = await createPerson({ name: "Bo Boss", track: "manager", level: "m2" });
    const email = uniqueEmail("new");
    const request = await signedInPost("/admin/people/new", admin.id, {
      name: "Nia New",
      email,
      managerEmail: boss.email,
      track: "ic",
      level: "ic1",
    });
    await newRoute.action(routeArgs(request)).catch((redirect: unknown) => redirect);
    const created = await db.user.findUniqueOrThrow({ where: { email } });
    await expectLineKept(created.id);
    expect(await teamOf(boss.id)).toEqual(["Nia New"]);
  });

  test("an import that changes managers moves people and everyone under them", async () => {
    const s = uniqueEmail("imp").split("@")[0]!.replace(/\W/g, "");
    const header = "name,email,manager_email,team,track,level";
    const row = (name: string, manager: string) =>
      `${name},${s}-${name.toLowerCase()}@example.com,${manager ? `${s}-${manager.toLowerCase()}@example.com` : ""},,ic,ic2`;
    const first = await importPeople(
      [header, row("Top", ""), row("Other", ""), row("Mid", "Top"), row("Low", "Mid")].join("\n"),
      { actorId: null, dryRun: false },
    );
    expect(first.ok).toBe(true);
    const id = async (name: string) =>
      (
        await db.user.findUniqueOrThrow({
          where: { email: `${s}-${name.toLowerCase()}@example.com` },
        })
      ).id;
    expect((await reportsUnder(await id("Top"))).length).toBe(2);

    const second = await importPeople(
      [header, row("Top", ""), row("Other", ""), row("Mid", "Other"), row("Low", "Mid")].join("\n"),
      { actorId: null, dryRun: false },
    );
    expect(second.ok).toBe(true);
    for (const name of ["Top", "Other", "Mid", "Low"]) await expectLineKept(await id(name));
    expect(await reportsUnder(await id("Top"))).toEqual([]);
    expect((await reportsUnder(await id("Other"))).sort()).toEqual(
      [await id("Mid"), await id("Low")].sort(),
    );
  });
});

describe("the overview of a large line pages through its layers", () => {
  test("pages follow the layers below the viewer in order, each person once", async () => {
    const boss = await createPerson({ name: "Layered Boss", track: "manager", level: "m3" });
    const managers = [];
    for (const letter of ["C", "A", "B"])
      managers.push(
        await createPerson({
          name: `Manager ${letter}`,
          track: "manager",
          level: "m1",
          managerId: boss.id,
        }),
      );
    for (const manager of managers) {
      await db.user.createMany({
        data: Array.from({ length: 10 }, (_, index) => ({
          name: `${manager.name} report ${index}`,
          email: uniqueEmail("layer"),
          managerId: manager.id,
          track: "ic",
          level: "ic1",
        })),
      });
    }
    await rebuildReportingLine(db);

    const names = async (query: string) => {
      const page = await teamRoute.loader(
        routeArgs(await signedInRequest(`/team${query}`, boss.id)),
      );
      if (!page.hasReports) throw new Error("expected reports");
      return {
        page,
        names: page.groups.flatMap((group) => group.members.map((member) => member.name)),
      };
    };
    const first = await names("");
    expect(first.page).toMatchObject({
      total: 33,
      reports: 33,
      direct: 3,
      pageCount: Math.ceil(33 / TEAM_PAGE_SIZE),
    });
    expect(first.names.slice(0, 4)).toEqual([
      "Manager A",
      "Manager B",
      "Manager C",
      "Manager A report 0",
    ]);
    expect(first.names).toHaveLength(TEAM_PAGE_SIZE);
    const everyone = [...first.names];
    for (let page = 2; page <= first.page.pageCount; page++)
      everyone.push(...(await names(`?page=${page}`)).names);
    expect(new Set(everyone).size).toBe(33);
    expect(everyone.slice(3)).toEqual(
      ["A", "B", "C"].flatMap((letter) =>
        Array.from({ length: 10 }, (_, index) => `Manager ${letter} report ${index}`),
      ),
    );
  });
});

describe.runIf(process.env.DATABASE_URL?.startsWith("postgres"))("on PostgreSQL", () => {
  test("reporting lines are kept in byte order, so the index answers a manager's range instead of every person being read", async () => {
    const [column] = await db.$queryRaw<{ collation: string | null }[]>`
      SELECT collation_name AS collation FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'linePath'`;
    expect(column?.collation).toBe("C");
  });
});
