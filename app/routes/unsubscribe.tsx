import { Form, useNavigation } from "react-router";
import type { Route } from "./+types/unsubscribe";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { readUnsubscribeLink, unsubscribe } from "~/modules/notifications/preferences.server";
import { withDomainErrors } from "~/utils/http.server";

/**
 * One-click unsubscribe (RFC 8058), without signing in: the link in every email carries a
 * signed token naming the person and the kinds of message it brought (one, or each kind an
 * email told at once, decision 061). Opening it only asks (mail scanners open links); the
 * POST, from this page's button or straight from the mail provider
 * ("List-Unsubscribe=One-Click"), turns those kinds off. The cross-site check lets this
 * path's POSTs through (server/cross-site.ts): they come from mail providers.
 */

export const meta: Route.MetaFunction = () => [{ title: "Unsubscribe · Rungs" }];

function tokenOf(url: URL): string {
  return url.searchParams.get("token") ?? "";
}

export const loader = withDomainErrors(async ({ url }: Route.LoaderArgs) => {
  const { label } = await readUnsubscribeLink(tokenOf(url));
  return { label };
});

export const action = withDomainErrors(async ({ url }: Route.ActionArgs) => {
  const { label } = await unsubscribe(tokenOf(url));
  return { done: true as const, label };
});

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { label } = loaderData;
  const done = actionData;
  const navigation = useNavigation();
  return (
    <>
      <PageHeader title="Unsubscribe" />
      <Card className="max-w-xl space-y-4">
        {done ? (
          <Alert tone="success">You will no longer get email about {done.label}. Other emails you chose are unchanged.</Alert>
        ) : (
          <>
            <p>Stop emails about {label}? Nothing else you chose changes.</p>
            <Form method="post">
              <Button type="submit" disabled={navigation.state === "submitting"}>
                Unsubscribe
              </Button>
            </Form>
          </>
        )}
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Signed in, you can choose every kind of email under <a href="/settings/email" className="text-brand-600 underline dark:text-brand-100">Email settings</a>.
        </p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
