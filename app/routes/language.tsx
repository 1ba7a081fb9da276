import { redirect } from "react-router";
import type { Route } from "./+types/language";
import { requireUser } from "~/modules/identity/permissions.server";
import { choosePersonLanguage } from "~/modules/people/language.server";
import { formOf, withDomainErrors } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/redirect-target";

/**
 * The header's language switch: the person's own choice, as on their settings page, then the page
 * they were on. Posted in the page (no new document), so every field keeps what was typed.
 */
export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const form = await formOf(request);
  await choosePersonLanguage(viewer.id, String(form.get("language") ?? ""));
  return redirect(safeRedirectPath(form.get("redirectTo")));
});
