import type { Route } from "./+types/admin.cycles.$cycleId.export";
import { requireRole } from "~/modules/identity/permissions.server";
import { cycleExport } from "~/modules/cycles/cycles.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";

/** The cycle as a CSV download, for admins only; streamed so a large cycle starts at once. */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const { filename, body } = await cycleExport(viewer, params.cycleId ?? "");
  return csvResponse(filename, body);
});
