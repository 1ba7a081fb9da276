// Experience by group against a real database, through the services and the organisation page's
// loader. Decision 126 built it; decision 128 withheld it: the generated attack over team and group
// figures (test/unit/team-health/group-attack.test.ts) pins one person's answer under its release.
// Now no answer is stored by group, and nobody reads the section, admins included; the organisation
// view itself is unchanged.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { experienceSection } from "~/modules/team-health/by-group.server";
import { startCheckIn, submitAnswer } from "~/modules/team-health/team-health.server";
import * as organisationRoute from "~/routes/team-health.organisation";
import { bodyOf, routeArgs, statusOf, thrown, withRouteProps } from "../../utils/responses";
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

describe("experience by group, withheld (decision 128)", () => {
  test("no answer is written to a group's store, whatever the group's size", async () => {
    for (const [index, person] of [...alpha, ...beta, ...gamma].entries())
      await answer(person, 1 + (index % 7));
    expect(await db.teamHealthResponse.count()).toBe(20);
    expect(await db.teamHealthGroupStore.count()).toBe(0);
    expect(await db.teamHealthGroupAnswer.count()).toBe(0);
  });

  const read = async (viewer: Person) =>
    organisationRoute.loader(
      routeArgs(await signedInRequest("/team-health/organisation", viewer.id)),
    );

  test("nobody reads it, admins included; admins and managers still read the organisation view, a member gets a 404", async () => {
    expect(await experienceSection(admin)).toBeNull();
    expect(await experienceSection(manager)).toBeNull();
    const admins = bodyOf<{ teams: number; byGroup: unknown }>(await read(admin));
    expect(admins.teams).toBe(3);
    expect(admins.byGroup).toBeNull();
    const managers = bodyOf<{ teams: number; byGroup: unknown }>(await read(manager));
    expect(managers.teams).toBe(3);
    expect(managers.byGroup).toBeNull();
    expect(statusOf(await thrown(() => read(alpha[0]!)))).toBe(404);
  });

  test("the admin's page shows no section by group", async () => {
    const text = await pageText(admin);
    expect(text).not.toContain("Experience by group");
    expect(text).not.toContain("By level");
  });
});
