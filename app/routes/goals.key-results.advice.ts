import type { Route } from "./+types/goals.key-results.advice";
import { requireUser } from "~/modules/identity/permissions.server";
import { TITLE_LIMIT, UNIT_LIMIT } from "~/modules/goals/forms";
import { checkKeyResult } from "~/modules/goals/output-check";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

/**
 * The outcomes-not-outputs check of a key result being written (`title`, `unit`), for the page's one
 * script in a document sent without the app's (decision 162): `{ advice: ["output"] }` when it
 * reads as a task or an output. Advice only, the same pure check the form runs once the app's
 * scripts hold it and the server runs on save.
 */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireUser(request);
  const check = checkKeyResult(
    textParam(url.searchParams, "title", TITLE_LIMIT),
    textParam(url.searchParams, "unit", UNIT_LIMIT),
  );
  return Response.json(
    { advice: check.flagged ? ["output"] : [] },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
