import * as scimRoute from "~/routes/scim.v2.$";
import { createScimToken } from "~/modules/identity/scim/tokens.server";
import { routeArgs } from "../../utils/responses";

export type ScimReply = { status: number; body: Record<string, any>; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A token as an admin would make one for an identity provider. */
export async function providerToken(name = "Okta") {
  return (await createScimToken(null, name)).token;
}

/** One SCIM request through the route, as an identity provider sends it. */
export async function scim(
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<ScimReply> {
  const headers = new Headers({ Accept: "application/scim+json" });
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (body !== undefined) headers.set("Content-Type", "application/scim+json");
  const request = new Request(`http://localhost/scim/v2${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response =
    method === "GET"
      ? await scimRoute.loader(routeArgs(request, { "*": path.slice(1) }))
      : await scimRoute.action(routeArgs(request, { "*": path.slice(1) }));
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  };
}
