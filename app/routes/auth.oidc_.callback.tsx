import { Link, data, redirect } from "react-router";
import type { Route } from "./+types/auth.oidc_.callback";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { buttonClass } from "~/components/ui/button";
import { Card } from "~/components/ui/page";
import { wordsOf } from "~/i18n/messages";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { startSession } from "~/modules/identity/sessions/session.server";
import { finishSingleSignOn } from "~/modules/identity/single-sign-on/single-sign-on.server";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:singleSignOn.title") },
  { name: "robots", content: "noindex" },
];

/**
 * The identity provider sends the browser back here with a code. A refusal is shown with its
 * reason and the ways out of it: the provider still has the person signed in, so "sign in"
 * alone would bring the same account back. Not nested under auth.oidc (whose loader starts a
 * new sign-in).
 */
export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const finished = await finishSingleSignOn(request);
  if (finished.kind === "refused")
    return data(finished.refusal, { status: 403, headers: { "Set-Cookie": finished.clearCookie } });
  const headers = new Headers();
  headers.append(
    "Set-Cookie",
    await startSession(finished.personId, { idToken: finished.idToken }),
  );
  headers.append("Set-Cookie", finished.clearCookie);
  return redirect(finished.redirectTo, { headers });
});

/** Shown only for a refused sign-in: a successful one redirects. */
export default function RefusedSingleSignOn({ loaderData }: Route.ComponentProps) {
  const refusal = loaderData;
  const { t } = useTranslation("auth");
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="text-2xl font-semibold">{t("singleSignOn.refused.heading")}</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">{wordsOf(t, refusal.message)}</p>
      <Card className="mt-6 space-y-4">
        <h2 className="text-lg font-semibold">{t("singleSignOn.refused.anotherAccount")}</h2>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("singleSignOn.refused.stillSignedIn")}
        </p>
        <div className="flex flex-wrap gap-2">
          {/* Document navigations: the browser goes on to the identity provider. */}
          <a href={refusal.anotherAccountPath} className={buttonClass("primary")}>
            {t("singleSignOn.refused.tryAnother")}
          </a>
          {refusal.signOutUrl ? (
            <a href={refusal.signOutUrl} className={buttonClass("secondary")}>
              {t("singleSignOn.refused.signOutOf", { provider: refusal.providerName })}
            </a>
          ) : null}
        </div>
        {refusal.signOutUrl ? null : (
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {t("singleSignOn.refused.noSignOut", { address: refusal.providerAddress })}
          </p>
        )}
        {refusal.passwordLogin ? (
          <p className="text-sm">
            <Link to="/login" className="text-brand-600 underline dark:text-brand-100">
              {t("singleSignOn.refused.withPassword")}
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
