import { redirect } from "react-router";
import type { Route } from "./+types/auth.oidc";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { metaT } from "~/i18n/meta";
import { startSingleSignOn } from "~/modules/identity/single-sign-on/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:singleSignOn.title") },
  { name: "robots", content: "noindex" },
];

/**
 * The sign-in page's single sign-on link: the browser goes on to the identity provider. A link,
 * not a form, so the page's form-action policy needs no provider in it for signing in.
 * `account=another` (from a refused sign-in) has the provider ask which account to use.
 */
export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  const params = url.searchParams;
  const { location, cookie } = await startSingleSignOn(
    request,
    params.get("redirectTo") ?? undefined,
    { anotherAccount: params.get("account") === "another" },
  );
  return redirect(location, { headers: { "Set-Cookie": cookie } });
});

/** Never shown: the loader always redirects. A page route (not a resource route), so a refusal renders the error page. */
export default function StartSingleSignOn() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
