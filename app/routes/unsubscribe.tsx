import { Form } from "react-router";
import type { Route } from "./+types/unsubscribe";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { MessageKind } from "~/modules/notifications/preferences";
import { readUnsubscribeLink, unsubscribe } from "~/modules/notifications/preferences.server";
import { withDomainErrors } from "~/utils/http.server";
import { plainHtml } from "~/utils/page-scripts";
import { useSubmitting } from "~/components/ui/use-submitting";

/**
 * One-click unsubscribe (RFC 8058), without signing in: the link in every email carries a
 * signed token naming the person and the kinds of message it brought (one, or each kind an
 * email told at once, decision 061). Opening it only asks (mail scanners open links); the
 * POST, from this page's button or straight from the mail provider
 * ("List-Unsubscribe=One-Click"), turns those kinds off. The cross-site check lets this
 * path's POSTs through (server/cross-site.ts): they come from mail providers.
 */

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("auth:unsubscribe.title") },
];

function tokenOf(url: URL): string {
  return url.searchParams.get("token") ?? "";
}

export const loader = withDomainErrors(async ({ url }: Route.LoaderArgs) => {
  const { kinds } = await readUnsubscribeLink(tokenOf(url));
  return { kinds };
});

export const action = withDomainErrors(async ({ url }: Route.ActionArgs) => {
  const { kinds } = await unsubscribe(tokenOf(url));
  return { done: true as const, kinds };
});

/** How the page names each kind of message, after "email about". */
const KIND_KEYS = {
  digest: "unsubscribe.kinds.digest",
  "nudge-new": "unsubscribe.kinds.nudgeNew",
  "nudge-due-soon": "unsubscribe.kinds.nudgeDueSoon",
  "nudge-overdue": "unsubscribe.kinds.nudgeOverdue",
  "nudge-scorecard": "unsubscribe.kinds.nudgeScorecard",
  invitation: "unsubscribe.kinds.invitation",
} as const satisfies Record<MessageKind, string>;

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const done = actionData;
  const sending = useSubmitting();
  const { t } = useTranslation("auth");
  const f = useFormats();
  const kinds = f.list((done ?? loaderData).kinds.map((kind) => t(KIND_KEYS[kind])));
  return (
    <>
      <PageHeader title={t("unsubscribe.heading")} />
      <Card className="max-w-xl space-y-4">
        {done ? (
          <Alert tone="success">{t("unsubscribe.done", { kinds })}</Alert>
        ) : (
          <>
            <p>{t("unsubscribe.ask", { kinds })}</p>
            <Form method="post">
              <Button type="submit" disabled={sending}>
                {t("unsubscribe.submit")}
              </Button>
            </Form>
          </>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("unsubscribe.settings")}{" "}
          <a href="/settings/email" className="text-brand-600 underline dark:text-brand-100">
            {t("unsubscribe.settingsLink")}
          </a>
        </p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
