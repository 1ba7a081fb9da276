import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { endSession } from "~/modules/identity/sessions/session.server";
import { endSessionUrl } from "~/modules/identity/single-sign-on/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

/** Ends Rungs' session; one begun with single sign-on goes on to the provider's end-session page where it has one. */
export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const { cookie, idToken } = await endSession(request);
  return redirect((await endSessionUrl(request, idToken)) ?? "/login", {
    headers: { "Set-Cookie": cookie },
  });
});
