// Team health through the API (decision 113), every answer checked against the OpenAPI document: a
// token reads the results its person reads on the team health pages (the team, whoever was asked,
// the managers above and admins; a 404 for anyone else), and no more than those pages: whole
// batches only (a late answer moves nothing, a partial batch's comment is never sent), no
// "answered" flag, nobody's id, nothing per person.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { PERSON_TOKEN_SCOPES } from "~/modules/api/policy";
import type { ApiScope } from "~/modules/api/scopes";
import { issueApiToken } from "~/modules/api/tokens.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import { startCheckIn, submitAnswer, teamResults } from "~/modules/team-health/team-health.server";
import * as indexRoute from "~/routes/team-health._index";
import { answerText } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";
import { api, received, tokenFor } from "./helpers";

type Person = Awaited<ReturnType<typeof createPerson>>;

const RELEASED = "HEALTH-API-RELEASED-2b7e";
const PARTIAL = "HEALTH-API-PARTIAL-8f3a";

const all = (value: number) => Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, value]));

let admin: Person, director: Person, manager: Person, outsider: Person, otter: Person;
let falcons: Person[];
let falconsId: string, checkInId: string;
const path = () => `/team-health/check-ins/${checkInId}/teams/${falconsId}`;

const ownToken = async (person: Person, scopes: readonly ApiScope[] = PERSON_TOKEN_SCOPES) =>
  (await issueApiToken(person.id, "My dashboard", scopes, "person")).token;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  director = await createPerson({ name: "Dana Director" });
  manager = await createPerson({ name: "Maya Manager", managerId: director.id });
  outsider = await createPerson({ name: "Oona Outsider" });
  falconsId = (await db.team.create({ data: { name: "Falcons" } })).id;
  const ottersId = (await db.team.create({ data: { name: "Otters" } })).id;
  falcons = [];
  for (const name of ["Ari", "Bea", "Cem", "Dov", "Eli", "Fay"])
    falcons.push(
      await createPerson({ name: `${name} Falcon`, teamId: falconsId, managerId: manager.id }),
    );
  otter = await createPerson({ name: "Ira Otter", teamId: ottersId });
  checkInId = await startCheckIn(manager, {
    teamIds: [falconsId],
    libraryItems: [],
    askComment: true,
    days: 7,
  });
  // One whole batch (the floor is four), with a comment.
  for (const [index, value] of [2, 4, 5, 6].entries())
    await submitAnswer(falcons[index]!, checkInId, {
      values: all(value),
      comment: index === 0 ? `We ship ${RELEASED}` : "",
    });
});

describe("who reads a team's results through the API", () => {
  test("the team, the managers above and admins, by their own tokens and an admin's; a 404 for anyone else", async () => {
    const readers = [falcons[5]!, falcons[0]!, manager, director, admin];
    for (const person of readers) {
      const token = await ownToken(person);
      const one = await api(token, "GET", path());
      expect(one.status, person.name).toBe(200);
      expect(one.body.team).toEqual({ id: falconsId, name: "Falcons" });
      const list = await api(token, "GET", "/team-health/results");
      expect(list.body.data.map((row: { checkInId: string }) => row.checkInId)).toEqual([
        checkInId,
      ]);
    }
    const organisation = (await tokenFor(admin.id, ["team-health:read"])).token;
    expect((await api(organisation, "GET", path())).status).toBe(200);
    for (const person of [outsider, otter]) {
      const token = await ownToken(person);
      const one = await api(token, "GET", path());
      expect(one.status, person.name).toBe(404);
      expect(JSON.stringify(one.body)).not.toContain("Falcon");
      expect((await api(token, "GET", "/team-health/results")).body.data).toEqual([]);
    }
    // An unknown check-in or team is the same 404.
    const token = await ownToken(manager);
    expect((await api(token, "GET", `/team-health/check-ins/nope/teams/${falconsId}`)).status).toBe(
      404,
    );
    expect((await api(token, "GET", `/team-health/check-ins/${checkInId}/teams/nope`)).status).toBe(
      404,
    );
  });

  test("a token without the scope is refused, naming it; an admin's token whose person is no longer an admin is refused", async () => {
    const noScope = await ownToken(manager, ["goals:read"]);
    const refused = await api(noScope, "GET", path());
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("insufficient_scope");
    const former = await createPerson({ name: "Former Admin", isAdmin: true });
    const token = (await tokenFor(former.id, ["team-health:read"])).token;
    await db.user.update({ where: { id: former.id }, data: { isAdmin: false } });
    expect((await api(token, "GET", "/team-health/results")).status).toBe(403);
  });
});

describe("what a read carries", () => {
  test("the page's figures and nothing more: no partial batch, no answered flag, nobody's id", async () => {
    const token = await ownToken(manager);
    const before = (await api(token, "GET", path())).body;
    expect(before.answers).toBe(4);
    expect(before.asked).toBe(6);
    expect(before.items[0].shown.distribution).toEqual([0, 1, 0, 1, 1, 1, 0]);
    expect(before.comments).toEqual([`We ship ${RELEASED}`]);
    // A late answer, with a comment, moves nothing: its batch is not whole (and never will be).
    await submitAnswer(falcons[4]!, checkInId, { values: all(7), comment: `Late ${PARTIAL}` });
    const after = (await api(token, "GET", path())).body;
    expect(after).toEqual(before);

    // The page (its loader reads this service) shows the same figures as the API sends.
    const page = await teamResults(manager, checkInId, falconsId);
    expect(after.answers).toBe(page.answers);
    expect(after.score.estimate).toBe(page.score!.estimate);
    expect(after.score.interval).toEqual(page.score!.interval);
    for (const [index, row] of after.items.entries()) {
      expect(row.shown.distribution).toEqual(page.items[index]!.figures!.distribution);
      expect(row.shown.mean).toBe(page.items[index]!.figures!.mean);
      expect(row.shown.interval).toEqual(page.items[index]!.figures!.interval);
    }
    expect(after.comments).toEqual(page.comments);

    // Every body any token received, readers' and refused alike.
    const everything = received.join("\n");
    expect(everything).not.toContain(PARTIAL);
    expect(everything).not.toMatch(/answered"|"batch|"se"|scaleRows|"personId"/);
    for (const person of falcons) expect(everything).not.toContain(person.id);
    expect(JSON.stringify(after.items.map((row: { shown: { n: number } }) => row.shown.n))).toBe(
      JSON.stringify(EDMONDSON_ITEMS.map(() => 4)),
    );
  });

  test("the list carries no more than the page's list: not the person's own answered flag either", async () => {
    const home = await answerText(
      indexRoute.loader,
      await signedInRequest("/team-health", falcons[0]!.id),
    );
    expect(home).toMatch(/"answered":true/);
    const list = await api(await ownToken(falcons[0]!), "GET", "/team-health/results");
    expect(Object.keys(list.body.data[0]).sort()).toEqual(
      ["checkInId", "closesAt", "open", "releasedAt", "startedAt", "team"].sort(),
    );
    expect(JSON.stringify(list.body)).not.toMatch(/answered/);
  });
});
