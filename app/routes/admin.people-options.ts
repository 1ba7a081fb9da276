import type { Route } from "./+types/admin.people-options";
import { requireRole } from "~/modules/identity/permissions.server";
import { suggestPeople } from "~/modules/people/service.server";
import { withDomainErrors } from "~/utils/http.server";
import { textParam } from "~/utils/search-params";

/** Active people whose name or email matches `q`, their emails named, for a manager's email field (admins only). */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const people = await suggestPeople(textParam(url.searchParams, "q", 200));
  return Response.json(
    { suggestions: people.map((person) => ({ value: person.email, label: person.name })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
