// Experience by group (decision 126) against a real database, through the services and the
// organisation page's loader: an answer is also written to its groups' stores with no team and no
// person; a group too small in the organisation is not stored at all; a group's figures appear only
// once a whole batch of its floor is in and never move by one late answer; a group that one team's
// people make up is never shown; only admins read the section, and its data is what the page shows.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { experienceSection } from "~/modules/team-health/by-group.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { startCheckIn, submitAnswer } from "~/modules/team-health/team-health.server";
import * as organisationRoute from "~/routes/team-health.organisation";
import {
  answerText,
  bodyOf,
  routeArgs,
  statusOf,
  thrown,
  withRouteProps,
} from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { createPerson, type Person } from "../../utils/factories";
import { all } from "./fixtures";

const T0 = new Date("2026-10-05T09:00:00Z");
const FIRST_NAMES = ["Ari", "Bea", "Cem", "Dov", "Eli", "Fay", "Gus", "Hal"];

let admin: Person, manager: Person;
let alpha: Person[], beta: Person[], gamma: Person[];
let checkInId: string;

/** A team of `size`, all reporting to the manager: the first half senior and the rest junior engineers, or designers with no level. */
async function team(name: string, size: number, track: "engineering" | "design") {
  const teamId = (await db.team.create({ data: { name } })).id;
  const members: Person[] = [];
  for (const [index, first] of FIRST_NAMES.slice(0, size).entries())
    members.push(
      await createPerson({
        name: `${first} ${name}`,
        teamId,
        managerId: manager.id,
        track,
        level: track === "design" ? null : index < size / 2 ? "senior" : "junior",
        // Two people in Berlin in the whole organisation: fewer than the floor.
        attributes: name === "Alpha" && index < 2 ? JSON.stringify({ location: "Berlin" }) : "{}",
      }),
    );
  return { teamId, members };
}

const answer = (person: Person, value: number) =>
  submitAnswer(
    person,
    checkInId,
    { values: { ...all(value), dependability: value }, comment: "" },
    new Date(T0.getTime() + 3_600_000),
  );

const section = async () => (await experienceSection(admin))!;
const groupOf = async (dimension: string, label: string) =>
  (await section()).dimensions
    .find((entry) => entry.id === dimension)
    ?.groups.find((group) => group.label === label);

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  manager = await createPerson({ name: "Maya Manager" });
  const teams = [
    await team("Alpha", 8, "engineering"),
    await team("Beta", 8, "engineering"),
    await team("Gamma", 4, "design"),
  ];
  [alpha, beta, gamma] = [teams[0]!.members, teams[1]!.members, teams[2]!.members];
  checkInId = await startCheckIn(
    admin,
    {
      teamIds: teams.map((entry) => entry.teamId),
      libraryItems: ["dependability"],
      askComment: false,
      days: 7,
    },
    T0,
  );
});

describe("the store of answers by group", () => {
  test("an answer is written to each of its groups' stores with no team, no person and only the seven items; a group below the floor is not stored", async () => {
    await answer(alpha[0]!, 2);
    const stores = await db.teamHealthGroupStore.findMany({
      orderBy: { dimension: "asc" },
      select: { period: true, dimension: true, group: true, floor: true, answers: true },
    });
    // Ari is in Berlin too, with one other person in the organisation: not stored.
    expect(stores).toEqual([
      { period: "2026-Q4", dimension: "level", group: "senior", floor: 4, answers: 1 },
      { period: "2026-Q4", dimension: "track", group: "engineering", floor: 4, answers: 1 },
    ]);
    const rows = await db.teamHealthGroupAnswer.findMany();
    expect(rows).toHaveLength(2);
    const teamRow = await db.teamHealthResponse.findFirstOrThrow({ select: { id: true } });
    for (const row of rows) {
      // Nothing but its place in the store and the values: no team, no person, no time, no link.
      expect(Object.keys(row).sort()).toEqual(["batch", "id", "storeId", "values"]);
      expect(row.batch).toBe(0);
      expect(row.id).not.toBe(teamRow.id);
      expect(Object.keys(JSON.parse(row.values) as object)).toEqual([...EDMONDSON_ITEMS]);
    }
  });

  test("a group's figures appear only once a whole batch of its floor is in, and a late answer moves nothing", async () => {
    // Seniors: Ari answered 2; three more from Alpha make the first batch of four.
    await answer(alpha[1]!, 3);
    await answer(alpha[2]!, 5);
    expect(await groupOf("level", "senior")).toEqual({ label: "senior", shown: false });
    await answer(alpha[3]!, 6);
    const senior = await groupOf("level", "senior");
    expect(senior).toMatchObject({ shown: true, answers: 4 });
    // Every item from 2, 3, 5 and 6: a mean of 4 as answered and as scored (8 − answer).
    expect(senior!.shown && senior!.score!.estimate).toBeCloseTo(4, 12);
    // Juniors: a batch of four from Alpha.
    for (const [index, value] of [4, 5, 6, 3].entries()) await answer(alpha[4 + index]!, value);
    const before = await section();
    expect(before.comparisons).toBeGreaterThan(0);
    // A late senior answer from Beta: in the store, and in no figure.
    await answer(beta[0]!, 7);
    expect(
      await db.teamHealthGroupStore.findFirstOrThrow({
        where: { dimension: "level", group: "senior" },
        select: { answers: true },
      }),
    ).toEqual({ answers: 5 });
    expect(await section()).toEqual(before);
  });

  test("a group that one team's people make up is never shown, even with a whole batch in", async () => {
    for (const [index, value] of [1, 3, 5, 7].entries()) await answer(gamma[index]!, value);
    expect(await db.teamHealthGroupAnswer.count({ where: { store: { group: "design" } } })).toBe(4);
    expect(await groupOf("track", "design")).toEqual({ label: "design", shown: false });
  });
});

describe("answers at once", () => {
  test("take one place each in a group's store, so every batch holds the floor's number of answers", async () => {
    // A second check-in of the quarter for Alpha and Beta: the two teams' answers come at once and meet in the track's store.
    const second = await startCheckIn(
      admin,
      {
        teamIds: [alpha[0]!.teamId!, beta[0]!.teamId!],
        libraryItems: [],
        askComment: false,
        days: 7,
      },
      new Date(T0.getTime() + 86_400_000),
    );
    const before = (
      await db.teamHealthGroupStore.findFirstOrThrow({
        where: { dimension: "track", group: "engineering" },
        select: { answers: true },
      })
    ).answers;
    await Promise.all(
      [...alpha.slice(0, 4), ...beta.slice(4, 8)].map((person, index) =>
        submitAnswer(
          person,
          second,
          { values: all((index % 7) + 1), comment: "" },
          new Date(T0.getTime() + 2 * 86_400_000),
        ),
      ),
    );
    const batches = await db.teamHealthGroupAnswer.groupBy({
      by: ["batch"],
      where: { store: { dimension: "track", group: "engineering" } },
      _count: { _all: true },
      orderBy: { batch: "asc" },
    });
    const sizes = batches.map((row) => row._count._all);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(before + 8);
    expect(sizes.slice(0, -1).every((size) => size === 4)).toBe(true);
    expect(sizes.at(-1)).toBe((before + 8) % 4 || 4);
  });
});

/** The organisation page's text as the server renders it for the viewer, tags taken out. */
async function pageText(viewer: Person): Promise<string> {
  const route = {
    id: "routes/team-health.organisation",
    path: "/team-health/organisation",
    loader: async ({ request }: { request: Request }) =>
      bodyOf(await organisationRoute.loader(routeArgs(request))),
    Component: withRouteProps(organisationRoute.default),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(
    await signedInRequest("/team-health/organisation", viewer.id),
  );
  if (context instanceof Response) throw new Error(`a ${context.status} response`);
  if (context.errors) throw new Error(`the page failed: ${JSON.stringify(context.errors)}`);
  return renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  )
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

describe("who reads experience by group", () => {
  test("the page shows an admin each dimension's groups, a group not shown as too few; a manager's page has no such section", async () => {
    const text = await pageText(admin);
    expect(text).toContain("Experience by group");
    expect(text).toContain("By track");
    expect(text).toContain("By level");
    expect(text).toMatch(/design Too few answers to show\./);
    expect(text).toMatch(/senior 8 /);
    expect(text).toContain("in this section, adjusted together (Holm)");
    expect(await pageText(manager)).not.toContain("Experience by group");
  });

  const read = async (viewer: Person) =>
    organisationRoute.loader(
      routeArgs(await signedInRequest("/team-health/organisation", viewer.id)),
    );

  test("an admin reads it; a manager reads the organisation view without it; a member gets a 404", async () => {
    const admins = bodyOf<{ byGroup: { dimensions: unknown[] } | null }>(await read(admin));
    expect(admins.byGroup?.dimensions.length).toBeGreaterThan(0);
    const managers = bodyOf<{ teams: number; byGroup: unknown }>(await read(manager));
    expect(managers.teams).toBe(3);
    expect(managers.byGroup).toBeNull();
    expect(statusOf(await thrown(() => read(alpha[0]!)))).toBe(404);
    expect(await experienceSection(manager)).toBeNull();
  });

  test("the page's data carries no team, no person, no answer and nothing of a group not shown", async () => {
    const text = await answerText(
      organisationRoute.loader,
      await signedInRequest("/team-health/organisation", admin.id),
    );
    for (const word of ["Alpha", "Beta", "Gamma", "Ari", "Maya", "Berlin"])
      expect(text).not.toContain(word);
    expect(text).not.toMatch(/"(values|batch|distribution|floor|se|df|n)"/);
    const design = bodyOf<{
      byGroup: { dimensions: { id: string; groups: { label: string }[] }[] };
    }>(await organisationRoute.loader(routeArgs(await signedInRequest("/", admin.id))))
      .byGroup.dimensions.find((dimension) => dimension.id === "track")!
      .groups.find((group) => group.label === "design");
    expect(design).toEqual({ label: "design", shown: false });
  });
});
