import type { Route } from "./+types/hiring.loops.$loopId.export";
import { requireUser } from "~/modules/identity/permissions.server";
import { csvRow } from "~/utils/csv";
import { loopExport } from "~/modules/hiring/loops.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";

/** The loop's scorecards as CSV: exactly the cards the viewer may read (an interviewer whose card is not in gets only their own). */
export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { filename, rows } = await loopExport(viewer, params.loopId ?? "", languageOf(context));
  return csvResponse(filename, rows.map(csvRow).join(""));
});
