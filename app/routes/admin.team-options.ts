import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/modules/identity/permissions.server";
import { suggestTeams } from "~/modules/people/service.server";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

/** Team names matching `q`, for team fields that suggest as people type (admins only). */
export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requireRole(request, "admin");
  const teams = await suggestTeams(textParam(new URL(request.url).searchParams, "q"));
  return Response.json({ suggestions: teams.map((team) => team.name) }, { headers: { "Cache-Control": "private, no-store" } });
});
