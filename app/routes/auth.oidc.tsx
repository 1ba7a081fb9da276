import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { startSingleSignOn } from "~/modules/sso/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

/**
 * The sign-in page's single sign-on link: the browser goes on to the identity provider. A link,
 * not a form, so the page's form-action policy needs no provider in it for signing in.
 */
export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? undefined;
  const { location, cookie } = await startSingleSignOn(request, redirectTo);
  return redirect(location, { headers: { "Set-Cookie": cookie } });
});
