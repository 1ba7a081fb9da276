// Goals through the API (decision 097), every answer checked against the OpenAPI document: a token
// issued from a key result's page checks in on that key result only, recorded as its person's with
// the token named; the rule "no token widens what anyone may do" holds at every call (a person
// removed from the key result, or a closed period, stops the token); the objectives a token reads
// are those its person's goals page shows.
import { beforeAll, describe, expect, test } from "vitest";
import { issueCheckInToken } from "~/modules/api/goals.server";
import { dateToDay } from "~/modules/days";
import { db } from "~/db/client.server";
import {
  addKeyResult,
  closePeriod,
  createObjective,
  createPeriod,
  objectivePage,
} from "~/modules/goals/goals.server";
import { quarterOf } from "~/modules/goals/progress";
import { issueApiToken } from "~/modules/api/tokens.server";
import * as clock from "~/platform/clock.server";
import * as adminTokensRoute from "~/routes/admin.api";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { followedWithCookie, signedInPost } from "../../utils/session";
import { api } from "./helpers";

type Person = Awaited<ReturnType<typeof createPerson>>;
const MARK = "MARK-api-goal-3c7e";
let admin: Person, lena: Person, omar: Person, otto: Person;
let periodId: string, objectiveId: string, keyResultId: string, otherKeyResultId: string;

beforeAll(async () => {
  admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const manager = await createPerson({ name: "Sam Manager" });
  lena = await createPerson({ name: "Lena Engineer", managerId: manager.id });
  omar = await createPerson({ name: "Omar Engineer", managerId: manager.id });
  otto = await createPerson({ name: "Otto Outsider" });
  const quarter = quarterOf(clock.now());
  periodId = await createPeriod(admin, {
    name: quarter.name,
    startsOn: dateToDay(quarter.startsOn),
    endsOn: dateToDay(quarter.endsOn),
  });
  objectiveId = await createObjective(admin, {
    periodId,
    level: "company",
    teamId: null,
    title: "Ship safely",
    why: "",
    commitment: "committed",
    parentId: null,
  });
  keyResultId = (
    await addKeyResult(admin, objectiveId, {
      title: "Change failure rate",
      kind: "percent",
      unit: "%",
      direction: "decrease",
      startValue: 20,
      targetValue: 10,
      ownerEmail: lena.email,
      contributorEmails: omar.email,
    })
  ).id;
  otherKeyResultId = (
    await addKeyResult(admin, objectiveId, {
      title: "Lead time",
      kind: "metric",
      unit: "hours",
      direction: "decrease",
      startValue: 48,
      targetValue: 24,
      ownerEmail: lena.email,
    })
  ).id;
  await createObjective(omar, {
    periodId,
    level: "person",
    teamId: null,
    title: `Omar's ${MARK}`,
    why: "",
    commitment: "aspirational",
    parentId: null,
  });
});

describe("checking in by API token", () => {
  test("a token from the key result's page checks in on it, recorded as its person's with the token named", async () => {
    const { token, name } = await issueCheckInToken(lena, keyResultId);
    const reply = await api(token, "POST", `/key-results/${keyResultId}/check-ins`, {
      value: 15,
      confidence: "onTrack",
      note: "From CI",
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ keyResultId, value: 15, confidence: "onTrack" });
    const page = await objectivePage(lena, objectiveId);
    expect(page.keyResults[0]!.checkIns.at(-1)).toMatchObject({
      value: 15,
      by: "Lena Engineer",
      token: name,
    });
    expect(page.keyResults[0]!.progress).toBe(0.5);
  });

  test("only on the key results it names", async () => {
    const { token } = await issueCheckInToken(lena, keyResultId);
    const reply = await api(token, "POST", `/key-results/${otherKeyResultId}/check-ins`, {
      value: 30,
    });
    expect(reply.status).toBe(403);
  });

  test("never for someone who may not check in on it: no token is issued, and a token naming it anyway is refused", async () => {
    await expect(issueCheckInToken(otto, keyResultId)).rejects.toMatchObject({ kind: "forbidden" });
    // A token naming the key result for someone not on it (as if written by hand): still refused.
    const forged = await issueApiToken(otto.id, "Forged", ["goals:check-in"], "person", [
      keyResultId,
    ]);
    const reply = await api(forged.token, "POST", `/key-results/${keyResultId}/check-ins`, {
      value: 12,
    });
    expect(reply.status).toBe(403);
  });

  test("checked at each call: removed from the key result, the contributor's token stops", async () => {
    const { token } = await issueCheckInToken(omar, keyResultId);
    expect(
      (await api(token, "POST", `/key-results/${keyResultId}/check-ins`, { value: 14 })).status,
    ).toBe(201);
    await db.keyResultContributor.deleteMany({ where: { keyResultId, personId: omar.id } });
    expect(
      (await api(token, "POST", `/key-results/${keyResultId}/check-ins`, { value: 13 })).status,
    ).toBe(403);
  });

  test("a bad body is a 422, an unknown key result a 404, a token without the scope a 403", async () => {
    const { token } = await issueCheckInToken(lena, keyResultId);
    expect(
      (await api(token, "POST", `/key-results/${keyResultId}/check-ins`, { value: "high" })).status,
    ).toBe(422);
    expect((await api(token, "POST", `/key-results/nope/check-ins`, { value: 1 })).status).toBe(
      404,
    );
    const reader = await issueApiToken(lena.id, "Reader", ["goals:read"], "person");
    expect(
      (await api(reader.token, "POST", `/key-results/${keyResultId}/check-ins`, { value: 1 }))
        .status,
    ).toBe(403);
  });
});

describe("reading objectives by API token", () => {
  test("as the person's goals page shows them: a private objective only to those who may read it", async () => {
    const lenaToken = await issueApiToken(lena.id, "Dashboard", ["goals:read"], "person");
    const seen = await api(lenaToken.token, "GET", "/objectives");
    expect(seen.status).toBe(200);
    expect(seen.body.objectives.map((objective: { title: string }) => objective.title)).toContain(
      "Ship safely",
    );
    expect(JSON.stringify(seen.body)).not.toContain(MARK);
    const omarToken = await issueApiToken(omar.id, "Dashboard", ["goals:read"], "person");
    expect(JSON.stringify((await api(omarToken.token, "GET", "/objectives")).body)).toContain(MARK);
    expect((await api(lenaToken.token, "GET", `/objectives?period=nope`)).status).toBe(404);
  });
});

describe("a closed period", () => {
  test("stops check-ins by token", async () => {
    const { token } = await issueCheckInToken(lena, otherKeyResultId);
    await closePeriod(admin, periodId);
    expect(
      (await api(token, "POST", `/key-results/${otherKeyResultId}/check-ins`, { value: 30 }))
        .status,
    ).toBe(403);
  });
});

describe("the check-in scope on the admins' token form", () => {
  test("allows nothing, as its words say: such a token names no key results, so it is refused even on one its admin owns", async () => {
    // The quarter above was closed by the tests before: a period of its own, a year on.
    const day = (days: number) => dateToDay(new Date(clock.now().getTime() + days * 86_400_000));
    const laterId = await createPeriod(admin, {
      name: "Later",
      startsOn: day(365),
      endsOn: day(455),
    });
    const ownId = await createObjective(admin, {
      periodId: laterId,
      level: "company",
      teamId: null,
      title: "Recover quickly",
      why: "",
      commitment: "committed",
      parentId: null,
    });
    const own = (
      await addKeyResult(admin, ownId, {
        title: "Time to restore",
        kind: "metric",
        unit: "minutes",
        direction: "decrease",
        startValue: 90,
        targetValue: 30,
      })
    ).id;
    const issuing = await adminTokensRoute.action(
      routeArgs(
        await signedInPost("/admin/api", admin.id, {
          intent: "issue",
          name: "CI pipeline",
          scopes: "goals:check-in",
        }),
      ),
    );
    const issued = bodyOf<{ issued: { token: string } }>(
      await adminTokensRoute.loader(routeArgs(await followedWithCookie(issuing, admin.id))),
    ).issued.token;
    const reply = await api(issued, "POST", `/key-results/${own}/check-ins`, { value: 60 });
    expect(reply.status).toBe(403);
    // From the key result's page, its owner's token checks in on it.
    const { token } = await issueCheckInToken(admin, own);
    expect((await api(token, "POST", `/key-results/${own}/check-ins`, { value: 60 })).status).toBe(
      201,
    );
  });
});
