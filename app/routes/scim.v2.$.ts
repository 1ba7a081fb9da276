import type { Route } from "./+types/scim.v2.$";
import { answerScim } from "~/modules/identity/scim/scim.server";
import { jsonBody } from "~/utils/http.server";

/**
 * SCIM 2.0 provisioning (app/modules/identity/scim): every method on every path under /scim/v2,
 * authorised by a SCIM bearer token in the module. Answers are application/scim+json.
 */
async function scim({ request }: Route.LoaderArgs | Route.ActionArgs): Promise<Response> {
  const answer = await answerScim({
    method: request.method,
    url: request.url,
    authorization: request.headers.get("Authorization"),
    body: () => jsonBody(request),
  });
  const headers = new Headers({
    "Content-Type": "application/scim+json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  if (answer.location) headers.set("Location", new URL(answer.location, request.url).toString());
  if (answer.authenticate) headers.set("WWW-Authenticate", 'Bearer realm="Rungs SCIM"');
  return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers,
  });
}

export const loader = scim;
export const action = scim;
