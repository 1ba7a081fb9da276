// A person's own API token, issued on their account page, reads what their own pages show them and
// nothing else: the people whose growth pages they open, their own released outcome and those their
// calibration sessions open to them, the insights of their own organisation; the admin pages' reads
// and writes are refused. Every answer is checked against the OpenAPI document (helpers.ts).
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { issueApiToken } from "~/modules/api/tokens.server";
import { erasePerson } from "~/modules/retention/erasure.server";
import {
  deactivatePerson,
  deactivationPreview,
  reactivatePerson,
} from "~/modules/people/service.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { createScimToken } from "~/modules/identity/scim/tokens.server";
import * as adminRoute from "~/routes/admin.api";
import * as scimRoute from "~/routes/admin.scim";
import * as accountRoute from "~/routes/settings.api";
import { createAdmin, createPerson } from "../../utils/factories";
import {
  answerOf,
  bodyOf,
  routeArgs,
  statusOf,
  thrown,
  withRouteProps,
} from "../../utils/responses";
import { followedWithCookie, signedInRequest } from "../../utils/session";
import { api } from "./helpers";

const READS = ["people:read", "ladders:read", "outcomes:read", "aggregates:read"] as const;

let org: {
  admin: { id: string };
  manager: { id: string };
  report: { id: string };
  second: { id: string };
  peer: { id: string };
  cycleId: string;
  reportOutcome: string;
  secondOutcome: string;
  peerOutcome: string;
};

const ownToken = async (personId: string) =>
  (await issueApiToken(personId, "My sheet", READS, "person")).token;
const ids = (body: { data: { id: string }[] }) => body.data.map((row) => row.id).sort();

beforeAll(async () => {
  const admin = await createAdmin({ name: "Ada Admin" });
  const manager = await createPerson({ name: "Mo Manager", track: "manager", level: "m1" });
  const report = await createPerson({
    name: "Rae Report",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const second = await createPerson({
    name: "Sid Second",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peer = await createPerson({ name: "Pat Peer", track: "ic", level: "ic2" });
  const version = (await servedLadderVersion("engineering"))!.versionId;
  const cycle = await db.reviewCycle.create({
    data: { name: "Spring 2026", startsOn: new Date("2026-01-01"), endsOn: new Date("2026-06-30") },
  });
  // The manager calibrates their own reports; the peer is calibrated in a session the manager has no part in.
  const ours = await db.calibrationSession.create({
    data: {
      name: "Team calibration",
      cycleId: cycle.id,
      facilitatorId: admin.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: version,
      groupFloor: 4,
      calibrators: { create: [{ userId: manager.id }] },
    },
  });
  const theirs = await db.calibrationSession.create({
    data: {
      name: "Other calibration",
      cycleId: cycle.id,
      facilitatorId: admin.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: version,
      groupFloor: 4,
    },
  });
  const entry = (
    sessionId: string,
    personId: string,
    managerId: string | null,
    released: boolean,
  ) =>
    db.calibrationEntry.create({
      data: {
        sessionId,
        personId,
        managerId,
        trackId: "ic",
        levelId: "ic2",
        finalRating: 3,
        finalOutcome: "stay",
        released,
      },
    });
  const reportOutcome = await entry(ours.id, report.id, manager.id, true);
  const secondOutcome = await entry(ours.id, second.id, manager.id, false);
  const peerOutcome = await entry(theirs.id, peer.id, null, true);
  org = {
    admin,
    manager,
    report,
    second,
    peer,
    cycleId: cycle.id,
    reportOutcome: reportOutcome.id,
    secondOutcome: secondOutcome.id,
    peerOutcome: peerOutcome.id,
  };
});

describe("a person's own token", () => {
  test("an engineer's reads themselves and their own released outcome; anyone else is a 404; the admin pages' reads are a 403", async () => {
    const token = await ownToken(org.report.id);
    const people = await api(token, "GET", "/people");
    expect(ids(people.body)).toEqual([org.report.id]);
    // Their growth page shows a place in the organisation, not an email address or roles.
    expect(people.body.data[0]).toEqual({
      id: org.report.id,
      name: "Rae Report",
      active: true,
      team: null,
      manager: { id: org.manager.id, name: "Mo Manager" },
      ladder: null,
      track: "ic",
      level: "ic2",
      sublevel: null,
    });
    for (const other of [org.manager.id, org.peer.id, org.admin.id]) {
      const answer = await api(token, "GET", `/people/${other}`);
      expect(answer.status, other).toBe(404);
      expect(answer.body.error.code).toBe("not_found");
    }
    expect((await api(token, "GET", `/people/${org.report.id}`)).status).toBe(200);
    expect(ids((await api(token, "GET", "/outcomes")).body)).toEqual([org.reportOutcome]);
    expect((await api(token, "GET", "/ladders")).status).toBe(200);
    // No one reports to them: the insights page is not theirs, and neither is its table.
    expect((await api(token, "GET", "/aggregates/outcomes-by-cycle")).status).toBe(404);
    for (const path of ["/teams", "/cycles"]) {
      const refused = await api(token, "GET", path);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error).toMatchObject({
        code: "forbidden",
        message: expect.stringContaining("admin"),
      });
    }
  });

  test("a manager's reads everyone below them and the released outcomes their calibration session opens to them, not another session's", async () => {
    const token = await ownToken(org.manager.id);
    expect(ids((await api(token, "GET", "/people?limit=1")).body)).toHaveLength(1);
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api(
        token,
        "GET",
        `/people?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      all.push(...page.body.data.map((row) => row.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(all.sort()).toEqual([org.manager.id, org.report.id, org.second.id].sort());
    expect((await api(token, "GET", `/people/${org.second.id}`)).status).toBe(200);
    expect((await api(token, "GET", `/people/${org.peer.id}`)).status).toBe(404);
    expect(ids((await api(token, "GET", `/outcomes?cycle=${org.cycleId}`)).body)).toEqual([
      org.reportOutcome,
    ]);
    // Cycles are not a person's token's to list: one nobody has reads as a cycle with nothing of theirs, not a 404
    // that would tell a real one apart. An organisation's token is told.
    expect(await api(token, "GET", "/outcomes?cycle=no-such-cycle")).toMatchObject({
      status: 200,
      body: { data: [], nextCursor: null },
    });
    const organisation = (await issueApiToken(org.admin.id, "The warehouse", READS, "organisation"))
      .token;
    expect((await api(organisation, "GET", "/outcomes?cycle=no-such-cycle")).status).toBe(404);
    const table = await api(token, "GET", "/aggregates/outcomes-by-cycle");
    expect(table.status).toBe(200);
  });

  test("an admin's own token reads as the admin's pages do, and is refused the admin pages' operations all the same", async () => {
    const token = await ownToken(org.admin.id);
    expect(ids((await api(token, "GET", "/people?limit=200")).body)).toEqual(
      [org.admin.id, org.manager.id, org.report.id, org.second.id, org.peer.id].sort(),
    );
    expect(ids((await api(token, "GET", "/outcomes")).body)).toEqual(
      [org.reportOutcome, org.peerOutcome].sort(),
    );
    expect((await api(token, "GET", "/teams")).status).toBe(403);
  });
});

describe("the account page", () => {
  const post = async (personId: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields))
      for (const item of [value].flat()) body.append(key, item);
    return accountRoute.action(
      routeArgs(await signedInRequest("/settings/api", personId, { method: "POST", body })),
    );
  };

  test("issues a read-only token shown once and hashed, lists only the person's own with last use, and revokes only theirs", async () => {
    const writing = await post(org.peer.id, {
      intent: "issue",
      name: "Sneaky",
      scopes: ["people:read", "people:write"],
    });
    expect(statusOf(writing)).toBe(400);
    await expect(
      issueApiToken(org.peer.id, "Sneaky", ["people:write"], "person"),
    ).rejects.toMatchObject({ kind: "invalid" });
    expect(await db.apiToken.count({ where: { name: "Sneaky" } })).toBe(0);

    const issuing = await post(org.peer.id, {
      intent: "issue",
      name: "Pat's sheet",
      scopes: ["people:read"],
    });
    expect(answerOf(issuing)).toEqual({ status: 302, location: "/settings/api" });
    const issued = bodyOf<{ issued: { token: string } }>(
      await accountRoute.loader(routeArgs(await followedWithCookie(issuing, org.peer.id))),
    ).issued.token;
    const row = await db.apiToken.findFirstOrThrow({ where: { name: "Pat's sheet" } });
    expect(row).toMatchObject({ personId: org.peer.id, reach: "person", scopes: "people:read" });
    expect(row.tokenHash).not.toContain(issued);
    expect(ids((await api(issued, "GET", "/people")).body)).toEqual([org.peer.id]);

    const others = await issueApiToken(org.admin.id, "Admin's tool", ["people:read"]);
    const page = bodyOf<{ tokens: { id: string; name: string; lastUsedAt: string | null }[] }>(
      await accountRoute.loader(routeArgs(await signedInRequest("/settings/api", org.peer.id))),
    );
    expect(JSON.stringify(page)).not.toContain(issued);
    expect(page.tokens.map((token) => token.name)).toEqual(["Pat's sheet"]);
    expect(page.tokens[0]!.lastUsedAt).toEqual(expect.any(String));

    expect(
      statusOf(await thrown(() => post(org.peer.id, { intent: "revoke", tokenId: others.id }))),
    ).toBe(404);
    expect((await api(others.token, "GET", "/people?limit=1")).status).toBe(200);
    await post(org.peer.id, { intent: "revoke", tokenId: row.id });
    expect((await api(issued, "GET", "/people")).status).toBe(401);
  });
});

/** A token page rendered on the server with its loader's data, as its viewer reads it, in text. */
async function rendered(
  path: string,
  page: { loader: (args: never) => Promise<unknown>; default: unknown },
  viewerId: string,
): Promise<string> {
  const route = {
    id: "page",
    path,
    loader: async ({ request }: { request: Request }) =>
      bodyOf(await page.loader(routeArgs(request) as never)),
    Component: withRouteProps(page.default as ComponentType<never>),
  };
  const handler = createStaticHandler([route]);
  const context = await handler.query(await signedInRequest(path, viewerId));
  if (context instanceof Response || context.errors)
    throw new Error(
      `the page failed: ${JSON.stringify(context instanceof Response ? context.status : context.errors)}`,
    );
  const html = renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context),
      context,
      hydrate: false,
    }),
  );
  return html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ");
}

describe("the token pages", () => {
  test("the account page, the admins' API page and the SCIM page show one form and one list: each page its own tokens, scopes and last use, and the admins' page everyone's own beneath", async () => {
    const manager = await createPerson({ name: "Max Pages" });
    await issueApiToken(manager.id, "Max's sheet", ["people:read"], "person");
    await issueApiToken(org.admin.id, "Looker", ["aggregates:read"]);
    await createScimToken(org.admin.id, "Okta");

    const account = await rendered("/settings/api", accountRoute, manager.id);
    expect(account).toContain("My API tokens");
    expect(account).toContain("Max's sheet");
    expect(account).toContain("Read people and teams");
    expect(account).not.toContain("Add and change people");
    expect(account).not.toContain("Looker");
    // Not used yet.
    expect(account).toContain("Never");

    const admin = await rendered("/admin/api", adminRoute, org.admin.id);
    expect(admin).toContain("Looker");
    expect(admin).toContain("Add and change people");
    // People's own tokens are a second list under their own heading, each saying whose it is.
    const second = admin.indexOf("People's own tokens");
    expect(second).toBeGreaterThan(admin.indexOf("Looker"));
    expect(admin.slice(0, second)).not.toContain("Max's sheet");
    expect(admin.slice(second)).toContain("Max's sheet Read people and teams");
    expect(admin.slice(second)).toContain("Belongs to Max Pages");

    const scim = await rendered("/admin/scim", scimRoute, org.admin.id);
    expect(scim).toContain("Okta");
    expect(scim).toContain("Create token");
    expect(scim).toContain("Revoke");
  });
});

describe("leaving", () => {
  test("deactivating a person revokes their tokens, so coming back does not revive them; erasing them revokes any left", async () => {
    const leaver = await createPerson({ name: "Lee Leaver" });
    const token = await ownToken(leaver.id);
    expect((await api(token, "GET", "/people")).status).toBe(200);
    expect(await deactivationPreview(leaver.id)).toMatchObject({ apiTokensRevoked: 1 });
    await db.$transaction((tx) => deactivatePerson(tx, { actorId: org.admin.id }, leaver.id));
    expect((await api(token, "GET", "/people")).status).toBe(401);
    await db.$transaction((tx) => reactivatePerson(tx, { actorId: org.admin.id }, leaver.id));
    expect((await api(token, "GET", "/people")).status).toBe(401);

    // A token issued while back, then the person leaves again and is erased.
    const again = await ownToken(leaver.id);
    await db.user.update({
      where: { id: leaver.id },
      data: { deactivatedAt: new Date("2020-01-01") },
    });
    await erasePerson(leaver.id, new Date(), "keep", "request", org.admin.id);
    expect(await db.apiToken.count({ where: { personId: leaver.id, revokedAt: null } })).toBe(0);
    await db.user.update({ where: { id: leaver.id }, data: { deactivatedAt: null } });
    expect((await api(again, "GET", "/people")).status).toBe(401);
  });
});
