import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/identity/permissions.server";
import { insightsCsv } from "~/modules/insights/insights.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";

/** `/insights/<table>.csv`: one table of the insights page, over the same people, for admins and managers. */
export const loader = withDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const viewer = await requireUser(request);
  const { filename, body } = await insightsCsv(viewer, params.file ?? "", { cycleId: new URL(request.url).searchParams.get("cycle") });
  return csvResponse(filename, body);
});
