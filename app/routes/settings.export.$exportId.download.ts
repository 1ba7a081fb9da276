import type { Route } from "./+types/settings.export.$exportId.download";
import { downloadExport } from "~/modules/data-rights/exports.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, zipResponse } from "~/utils/http.server";

/** The person's archive, once: taking it deletes it (exports.server.ts). */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { filename, archive } = await downloadExport(viewer, params.exportId ?? "");
  return zipResponse(filename, archive);
});
