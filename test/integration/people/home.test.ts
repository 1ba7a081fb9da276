import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { countStatements } from "~/db/statement-count.server";
import { loader } from "~/routes/_index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type Home = {
  me: {
    name: string;
    track: string | null;
    level: string | null;
    team: { name: string } | null;
    manager: { name: string } | null;
  };
  reports: { id: string; name: string; levelTitle: string | null; _count: { reports: number } }[];
  reportCount: number;
  organisation: { people: number; teams: number } | null;
};

async function home(viewerId: string): Promise<{ page: Home; statements: number }> {
  const request = await signedInRequest("/", viewerId);
  // The ladder registry reads the database once; count a warm page.
  await loader(routeArgs(request));
  const { result, statements } = await countStatements<unknown>(() => loader(routeArgs(request)));
  return { page: bodyOf<Home>(result), statements: statements.length };
}

describe("home page", () => {
  test("shows the person's team and manager, and their active reports by name with how many report to each", async () => {
    const team = await db.team.create({ data: { name: "Home Platform" } });
    const director = await createPerson({ name: "Dana Director" });
    const manager = await createPerson({
      name: "Max Manager",
      managerId: director.id,
      teamId: team.id,
      track: "manager",
      level: "m2",
    });
    const bea = await createPerson({
      name: "Bea Lead",
      managerId: manager.id,
      track: "ic",
      level: "ic4",
    });
    await createPerson({ name: "Ann Engineer", managerId: manager.id, track: "ic", level: "ic2" });
    await createPerson({
      name: "Cal Gone",
      managerId: manager.id,
      deactivatedAt: new Date("2026-01-01T00:00:00Z"),
    });
    await createPerson({ managerId: bea.id });
    await createPerson({ managerId: bea.id });

    const { page, statements } = await home(manager.id);
    expect(page.me).toEqual({
      name: "Max Manager",
      track: "manager",
      level: "m2",
      team: { name: "Home Platform" },
      manager: { name: "Dana Director" },
    });
    expect(page.reports.map((report) => [report.name, report._count.reports])).toEqual([
      ["Ann Engineer", 0],
      ["Bea Lead", 2],
    ]);
    // Levels by their titles, not their ids.
    expect(page.reports.map((report) => report.levelTitle)).toEqual([
      "Engineer II",
      "Staff Engineer",
    ]);
    expect(page.reportCount).toBe(2);
    expect(page.organisation).toBeNull();
    // The session, the person, their reports, one statement for every to-do provider's probe
    // (reviews, whether they take part in hiring, mentorship, career conversations, feedback,
    // stretch opportunities, sponsorship, promotions' nominations and committees, goals and team
    // health: none finds a row here), and calibration's, which has none: however many reports.
    expect(statements).toBe(5);
  });

  test("a manager of many sees the first of their reports by name and how many they have; the team page has them all", async () => {
    const { HOME_REPORTS_SHOWN } = await import("~/modules/people/home.server");
    const manager = await createPerson({ name: "Mo Many", track: "manager", level: "m2" });
    const names = Array.from(
      { length: HOME_REPORTS_SHOWN + 3 },
      (_, index) => `Report ${String(index).padStart(2, "0")}`,
    );
    for (const name of [...names].reverse())
      await createPerson({ name, managerId: manager.id, track: "ic", level: "ic2" });
    const { page, statements } = await home(manager.id);
    expect(page.reports.map((report) => report.name)).toEqual(names.slice(0, HOME_REPORTS_SHOWN));
    expect(page.reportCount).toBe(HOME_REPORTS_SHOWN + 3);
    expect(statements).toBe(5);
  });

  test("someone with no team, manager or reports; an admin also sees the organisation's size", async () => {
    const admin = await createAdmin({ name: "Ada Alone" });
    const { page, statements } = await home(admin.id);
    expect(page.me).toEqual({
      name: "Ada Alone",
      track: null,
      level: null,
      team: null,
      manager: null,
    });
    expect(page.reports).toEqual([]);
    expect(page.reportCount).toBe(0);
    expect(page.organisation).toEqual({
      people: await db.user.count({ where: { deactivatedAt: null } }),
      teams: await db.team.count(),
    });
    // One more for the organisation's size; what an admin owes is in the same to-do statements.
    expect(statements).toBe(6);
  });

  test("an admin's organisation size follows people joining and leaving, and teams made", async () => {
    const admin = await createAdmin({ name: "Ada Counting" });
    const size = async () => (await home(admin.id)).page.organisation;
    const before = await size();
    // Later than anything written so far, as each write is in a running organisation.
    const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);
    const joined = await createPerson({ name: "Jo Joined", updatedAt: later(1) });
    expect(await size()).toEqual({ people: before!.people + 1, teams: before!.teams });
    await db.user.update({
      where: { id: joined.id },
      data: { deactivatedAt: new Date(), updatedAt: later(2) },
    });
    await db.team.create({ data: { name: "Counted Team" } });
    expect(await size()).toEqual({ people: before!.people, teams: before!.teams + 1 });
  });
});
