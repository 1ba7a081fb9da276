import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
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

export const meta: MetaFunction = () => [{ title: "Unsubscribe · Rungs" }];

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get("token") ?? "";
}

export const loader = withDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const { label } = await readUnsubscribeLink(tokenOf(request));
  return { label };
});

export const action = withDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const { label } = await unsubscribe(tokenOf(request));
  return { done: true as const, label };
});

export default function Unsubscribe() {
  const { label } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
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
