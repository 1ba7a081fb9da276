import type { Route } from "./+types/insights.$file";
import { requireUser } from "~/modules/identity/permissions.server";
import { insightsCsv } from "~/modules/insights/insights.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

/** `/insights/<table>.csv`: one table of the insights page, over the same people, for admins and managers. */
export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    const { filename, body } = await insightsCsv(viewer, params.file ?? "", {
      cycleId: url.searchParams.get("cycle"),
      language: languageOf(context),
    });
    return csvResponse(filename, body);
  },
);
