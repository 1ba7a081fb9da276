import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { startSingleSignOn } from "~/modules/sso/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Signing in · Rungs" }, { name: "robots", content: "noindex" }];

/**
 * The sign-in page's single sign-on link: the browser goes on to the identity provider. A link,
 * not a form, so the page's form-action policy needs no provider in it for signing in.
 */
export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? undefined;
  const { location, cookie } = await startSingleSignOn(request, redirectTo);
  return redirect(location, { headers: { "Set-Cookie": cookie } });
});

/** Never shown: the loader always redirects. A page route (not a resource route), so a refusal renders the error page. */
export default function StartSingleSignOn() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
