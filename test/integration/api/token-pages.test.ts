// The pages that show a secret once (a person's and the admins' API tokens, the admins' SCIM tokens,
// a new webhook endpoint's signing secret) are sent as HTML (decision 154): the secret is carried
// once to the page its form redirects to, a revocation is worded from the address, and a refused
// form comes back as a document with what was typed and chosen.
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import * as adminRoute from "~/routes/admin.api";
import * as scimRoute from "~/routes/admin.scim";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import * as accountRoute from "~/routes/settings.api";
import { carryOnce } from "~/utils/shown-once.server";
import { appBuild, serveForFile } from "../../utils/app-server";
import { createAdmin, createPerson } from "../../utils/factories";

// The webhook endpoint below is on this machine (the tests' receivers are).
vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
});

const app = serveForFile(
  appBuild({
    "routes/admin-api": { path: "admin/api", module: adminRoute },
    "routes/account-api": { path: "settings/api", module: accountRoute },
    "routes/admin-scim": { path: "admin/scim", module: scimRoute },
    "routes/admin-webhooks": { path: "admin/webhooks", module: webhooksRoute },
  }),
);

let admin: { id: string };
let person: { id: string };
beforeAll(async () => {
  admin = await createAdmin({ name: "Tia Tokens" });
  person = await createPerson({ name: "Pia Pages", track: "ic", level: "ic2" });
});

const sessionOf = async (personId: string) => (await startSession(personId)).split(";")[0]!;
const moduleScript = /<script[^>]*type="module"|modulepreload|__reactRouterContext/;
const tokenIn = (html: string) => /rungs_api_[A-Za-z0-9_-]{40,}/.exec(html)?.[0] ?? null;

const get = (path: string, cookie: string) =>
  app.server.send("GET", path, { Cookie: cookie, "Accept-Language": "en" });
/** The cookie an answer sets to carry its secret to the page it redirects to. */
const carriedBy = (answer: { headers: { "set-cookie"?: string[] } }) =>
  (answer.headers["set-cookie"] ?? []).find((line) => line.startsWith("rungs_shown_once="))!;

async function post(path: string, session: string, fields: [string, string][]) {
  return app.server.send(
    "POST",
    path,
    {
      Cookie: session,
      Origin: app.server.origin,
      "Content-Type": "application/x-www-form-urlencoded",
      "Accept-Language": "en",
    },
    new URLSearchParams(fields).toString(),
  );
}

describe.each([
  { page: "a person's own", path: "/settings/api", scope: "people:read", who: () => person },
  { page: "the admins'", path: "/admin/api", scope: "aggregates:read", who: () => admin },
])("$page API token page", ({ path, scope, who }) => {
  test("is sent without the app's scripts; a token issued is shown once on the page the form redirects to", async () => {
    const session = await sessionOf(who().id);
    const page = await get(path, session);
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(moduleScript);

    const issued = await post(path, session, [
      ["intent", "issue"],
      ["name", `Sheet of ${path}`],
      ["scopes", scope],
    ]);
    expect(issued.status).toBe(302);
    expect(issued.headers.location).toBe(path);
    const carried = carriedBy(issued);
    expect(carried).toContain(`Path=${path.slice(0, path.lastIndexOf("/"))};`);
    const shown = await get(path, `${session}; ${carried.split(";")[0]}`);
    expect(shown.body).toContain(`Token “Sheet of ${path}” issued`);
    const token = tokenIn(shown.body);
    expect(token).not.toBeNull();
    const reloaded = await get(path, session);
    expect(tokenIn(reloaded.body)).toBeNull();
    expect(await db.apiToken.count({ where: { name: `Sheet of ${path}` } })).toBe(1);

    const row = await db.apiToken.findFirstOrThrow({ where: { name: `Sheet of ${path}` } });
    const revoked = await post(path, session, [
      ["intent", "revoke"],
      ["tokenId", row.id],
    ]);
    expect(revoked.status).toBe(302);
    expect(revoked.headers.location).toBe(`${path}?done=revoked`);
    const worded = await get(`${path}?done=revoked`, session);
    expect(worded.body).toContain("Token revoked: calls with it are refused from now on.");
  });

  test("a refused form is a document with the name typed and the scopes chosen, and issues nothing", async () => {
    const session = await sessionOf(who().id);
    const noName = await post(path, session, [
      ["intent", "issue"],
      ["name", ""],
      ["scopes", scope],
    ]);
    expect(noName.status).toBe(400);
    expect(noName.body).toContain("Give the token a name.");
    expect(noName.body).toMatch(
      new RegExp(`<input(?=[^>]*value="${scope}")(?=[^>]*checked="")[^>]*>`),
    );
    const noScope = await post(path, session, [
      ["intent", "issue"],
      ["name", "Typed before a scope was chosen"],
    ]);
    expect(noScope.status).toBe(400);
    expect(noScope.body).toContain('value="Typed before a scope was chosen"');
    expect(await db.apiToken.count({ where: { name: "Typed before a scope was chosen" } })).toBe(0);
  });
});

describe("the admins' SCIM token page", () => {
  test("is sent without the app's scripts; a token created is shown once, to the admin who created it", async () => {
    const session = await sessionOf(admin.id);
    const page = await get("/admin/scim", session);
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(moduleScript);
    const created = await post("/admin/scim", session, [
      ["intent", "create"],
      ["name", "Okta, from the page"],
    ]);
    expect(created.status).toBe(302);
    expect(created.headers.location).toBe("/admin/scim");
    const carried = carriedBy(created).split(";")[0]!;
    const scimToken = (html: string) => /rungs_scim_[A-Za-z0-9_-]{40,}/.exec(html)?.[0] ?? null;
    // Another admin holding the cookie is shown nothing: it is the creator's to copy.
    const other = await createAdmin({ name: "Oda Other" });
    const asOther = await get("/admin/scim", `${await sessionOf(other.id)}; ${carried}`);
    expect(asOther.status).toBe(200);
    expect(scimToken(asOther.body)).toBeNull();
    const shown = await get("/admin/scim", `${session}; ${carried}`);
    expect(shown.body).toContain("Token “Okta, from the page” created");
    expect(scimToken(shown.body)).not.toBeNull();
    const reloaded = await get("/admin/scim", session);
    expect(scimToken(reloaded.body)).toBeNull();
  });
});

describe("the admins' webhooks page", () => {
  test("is sent without the app's scripts; a new endpoint's secret is shown once, only with the endpoint's own secret carried", async () => {
    const session = await sessionOf(admin.id);
    const page = await get("/admin/webhooks", session);
    expect(page.status).toBe(200);
    expect(page.body).not.toMatch(moduleScript);
    const added = await post("/admin/webhooks", session, [
      ["intent", "add"],
      ["url", "http://127.0.0.1:9/hooks"],
      ["events", "person.left"],
    ]);
    expect(added.status).toBe(302);
    expect(added.headers.location).toBe("/admin/webhooks");
    const carried = carriedBy(added).split(";")[0]!;
    const secretIn = (html: string) => /whsec_[A-Za-z0-9_-]{40,}/.exec(html)?.[0] ?? null;
    const shown = await get("/admin/webhooks", `${session}; ${carried}`);
    const secret = secretIn(shown.body)!;
    expect(secret).not.toBeNull();
    const reloaded = await get("/admin/webhooks", session);
    expect(secretIn(reloaded.body)).toBeNull();
    // A cookie naming the endpoint with another secret shows nothing.
    const { id } = await db.webhookEndpoint.findFirstOrThrow({ select: { id: true } });
    const madeUp = (
      await carryOnce("/admin/webhooks", { token: `whsec_${"y".repeat(43)}`, endpointId: id })
    ).split(";")[0]!;
    const withMadeUp = await get("/admin/webhooks", `${session}; ${madeUp}`);
    expect(withMadeUp.status).toBe(200);
    expect(secretIn(withMadeUp.body)).toBeNull();
  });
});
