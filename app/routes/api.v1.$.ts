import type { Route } from "./+types/api.v1.$";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";
import { answerApi } from "~/modules/api/api.server";
import { jsonBody } from "~/utils/http.server";

/**
 * The API (app/modules/api, decision 088): every method on every path under /api/v1, authorised by
 * an API token in the module, answered as JSON. Its OpenAPI document is /api/v1/openapi.json.
 */
async function api({ request, context }: Route.LoaderArgs | Route.ActionArgs): Promise<Response> {
  const t = translatorOf(context);
  const answer = await answerApi({
    method: request.method,
    url: request.url,
    authorization: request.headers.get("Authorization"),
    body: () => jsonBody(request),
    say: (message) => wordsOf(t, message),
  });
  const body =
    answer.status === 204 || request.method === "HEAD" ? null : JSON.stringify(answer.body);
  return new Response(body, { status: answer.status, headers: answer.headers });
}

export const loader = api;
export const action = api;
