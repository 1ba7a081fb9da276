import type { Route } from "./+types/calibration.$sessionId.export";
import { requireUser } from "~/modules/identity/permissions.server";
import { sessionExport } from "~/modules/calibration/export.server";
import { InvalidError } from "~/modules/errors";
import { languageOf, translatorOf } from "~/i18n/i18n.server";
import { csvResponse, withDomainErrors } from "~/utils/http.server";

/** `?what=outcomes` or `?what=history`: the session as CSV, for its facilitator and admins. */
export const loader = withDomainErrors(
  async ({ request, url, params, context }: Route.LoaderArgs) => {
    const viewer = await requireUser(request);
    const what = url.searchParams.get("what");
    if (what !== "outcomes" && what !== "history")
      throw new InvalidError({ key: "calibration:errors.exportWhat" });
    const { filename, body } = await sessionExport(
      viewer,
      params.sessionId ?? "",
      what,
      translatorOf(context),
      languageOf(context),
    );
    return csvResponse(filename, body);
  },
);
