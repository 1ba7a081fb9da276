import type { Route } from "./+types/admin.cycles.$cycleId.export";
import { requireRole } from "~/modules/identity/permissions.server";
import { cycleExport } from "~/modules/cycles/cycles.server";
import { feedbackCountsForExport } from "~/modules/feedback/feedback.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

/** The cycle as a CSV download, for admins only; streamed so a large cycle starts at once. */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  const cycleId = params.cycleId ?? "";
  const { filename, body } = await cycleExport(
    viewer,
    cycleId,
    await feedbackCountsForExport(viewer, cycleId),
    undefined,
    languageOf(context),
  );
  return csvResponse(filename, body);
});
