import type { Route } from "./+types/ladders.$ladderId[.json]._index";
import { requireUser } from "~/modules/identity/permissions.server";
import { ladderJson } from "~/modules/ladders/ladder-json";
import { requireLadder } from "~/modules/ladders/registry.server";
import { jsonEndpoint } from "~/utils/http.server";

/**
 * The ladder as JSON for other tools (docs/ladders.md, "Publishing your ladders"). Like every
 * ladder page it needs a signed-in person: the ladders are the company's, and publishing them
 * is the operator's choice (npm run ladders:site), not the app's.
 */
export const loader = jsonEndpoint(async ({ request, params }: Route.LoaderArgs) => {
  await requireUser(request);
  const { ladder } = await requireLadder(params.ladderId);
  return { status: 200, body: ladderJson(ladder) };
});
