import type { Route } from "./+types/admin.team-options";
import { requireRole } from "~/modules/identity/permissions.server";
import { suggestTeams } from "~/modules/people/service.server";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

/** Team names matching `q`, for team fields that suggest as people type (admins only). */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const teams = await suggestTeams(textParam(url.searchParams, "q"));
  return Response.json(
    { suggestions: teams.map((team) => ({ value: team.name })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
