import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { startSession } from "~/modules/auth/session.server";
import { finishSingleSignOn } from "~/modules/sso/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Signing in · Rungs" }, { name: "robots", content: "noindex" }];

/**
 * The identity provider sends the browser back here with a code; a refusal is shown with its
 * reason. Not nested under auth.oidc (whose loader starts a new sign-in).
 */
export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const signedIn = await finishSingleSignOn(request);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(signedIn.personId, { idToken: signedIn.idToken }));
  headers.append("Set-Cookie", signedIn.clearCookie);
  return redirect(signedIn.redirectTo, { headers });
});

/** Never shown: the loader always redirects. A page route (not a resource route), so a refusal renders the error page. */
export default function FinishSingleSignOn() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
