import { redirect } from "react-router";
import type { Route } from "./+types/theme";
import { InvalidError } from "~/modules/errors";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { safeRedirectPath } from "~/utils/redirect-target";
import { setTheme, themeSchema } from "~/utils/theme.server";

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const form = await formOf(request);
  const theme = themeSchema.safeParse(form.get("theme"));
  if (!theme.success) throw new InvalidError({ key: "common:theme.choose" });
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": await setTheme(theme.data) },
  });
});
