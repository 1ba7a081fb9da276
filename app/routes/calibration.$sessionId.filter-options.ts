import type { Route } from "./+types/calibration.$sessionId.filter-options";
import { requireUser } from "~/modules/identity/permissions.server";
import { filterSuggestions } from "~/modules/calibration/session-view.server";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam, textParam } from "~/utils/search-params";

/** Team or manager names of a session matching `q`, for the session page's typed filters (the session's viewers only; 404 for anyone else). */
export const loader = withDomainErrors(async ({ request, url, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const search = url.searchParams;
  const kind =
    choiceParam(search, "kind", ["team", "manager"] as const, "kind of filter") || "team";
  const suggestions = await filterSuggestions(
    viewer,
    params.sessionId ?? "",
    kind,
    textParam(search, "q"),
  );
  return Response.json(
    { suggestions: suggestions.map((value) => ({ value })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
