import { describe, expect, test } from "vitest";

/** Behind a proxy, the address people and identity providers use is PUBLIC_URL, not the one requests arrive at. */
process.env.PUBLIC_URL = "https://rungs.example.com/";

const tokensRoute = await import("~/routes/admin.scim");
const { createAdmin } = await import("../../utils/factories");
const { bodyOf, routeArgs } = await import("../../utils/responses");
const { signedInRequest } = await import("../../utils/session");
const { providerToken, scim } = await import("./helpers");
const okta = await import("../../fixtures/scim/okta");

describe("SCIM under PUBLIC_URL", () => {
  test("meta.location and the Location header are absolute URLs under the public address", async () => {
    const token = await providerToken("Okta");
    const created = await scim(token, "POST", "/Users", okta.createUser);
    expect(created.status).toBe(201);
    const location = `https://rungs.example.com/scim/v2/Users/${created.body.id}`;
    expect(created.body.meta.location).toBe(location);
    expect(created.headers.get("Location")).toBe(location);
    expect((await scim(token, "GET", `/Users/${created.body.id}`)).body.meta.location).toBe(
      location,
    );

    const group = await scim(token, "POST", "/Groups", okta.createGroup);
    expect(group.body.meta.location).toBe(
      `https://rungs.example.com/scim/v2/Groups/${group.body.id}`,
    );
    const listed = await scim(token, "GET", "/Groups");
    expect(
      listed.body.Resources.map(
        (resource: { meta: { location: string } }) => resource.meta.location,
      ),
    ).toEqual([`https://rungs.example.com/scim/v2/Groups/${group.body.id}`]);
    const types = await scim(token, "GET", "/ResourceTypes/User");
    expect(types.body.meta.location).toBe("https://rungs.example.com/scim/v2/ResourceTypes/User");
  });

  test("the admins' SCIM page gives providers the public base URL", async () => {
    const admin = await createAdmin();
    const page = bodyOf<{ baseUrl: string }>(
      await tokensRoute.loader(
        routeArgs(await signedInRequest("http://127.0.0.1:3000/admin/scim", admin.id)),
      ),
    );
    expect(page.baseUrl).toBe("https://rungs.example.com/scim/v2");
  });
});
