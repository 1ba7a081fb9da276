import { Form, Link, useNavigation } from "react-router";
import type { Route } from "./+types/admin.email";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { OUTBOX_STATUSES } from "~/modules/notifications/outbox";
import { outboxPage, resendMessage } from "~/modules/notifications/outbox.server";
import { withDomainErrors } from "~/utils/http.server";
import { choiceParam, pageParam } from "~/utils/search-params";

export const meta: Route.MetaFunction = () => [{ title: "Email outbox · Rungs" }];

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const params = url.searchParams;
  return outboxPage(choiceParam(params, "status", OUTBOX_STATUSES) || "queued", pageParam(params));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const form = await request.formData();
  const messageId = form.get("messageId");
  if (form.get("intent") !== "resend" || typeof messageId !== "string" || !messageId) throw new InvalidError("Choose a message to send again.");
  await resendMessage(viewer.id, messageId);
  return { resent: true };
});

const STATUS_LABELS = { queued: "Queued", sent: "Sent", failed: "Failed" } as const;
const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default function EmailOutbox({ loaderData, actionData }: Route.ComponentProps) {
  const outbox = loaderData;
  const navigation = useNavigation();
  return (
    <>
      <PageHeader
        title="Email outbox"
        description="Every reminder Rungs emails goes through here, once per person, item and kind. Temporary SMTP failures are retried with growing waits; permanent ones are marked failed with the server's answer."
      />
      {outbox.emailOn ? null : (
        <Alert tone="warning" title="Email is off">
          Rungs sends no email: set SMTP_URL and MAIL_FROM (see the README) and restart. Until then nothing is queued.
        </Alert>
      )}
      {actionData?.resent ? <Alert tone="success">Queued to send again.</Alert> : null}
      <nav aria-label="Outbox status" className="mb-4 flex flex-wrap gap-2">
        {OUTBOX_STATUSES.map((status) => (
          <Link
            key={status}
            to={`?status=${status}`}
            aria-current={status === outbox.status ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm font-medium ${status === outbox.status ? "border-brand-600 bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`}
          >
            {STATUS_LABELS[status]} ({outbox.counts[status]})
          </Link>
        ))}
      </nav>
      {outbox.messages.length ? (
        <DataTable caption={`${STATUS_LABELS[outbox.status]} messages, page ${outbox.page} of ${outbox.pageCount}`} headings={["Queued (UTC)", "To", "Subject", "Attempts", outbox.status === "sent" ? "Sent (UTC)" : "Reason", ""]}>
          {outbox.messages.map((message) => (
            <tr key={message.id}>
              <td className={`${tdClass} whitespace-nowrap tabular-nums`}>{dateFormat.format(new Date(message.createdAt))}</td>
              <td className={tdClass}>{message.toAddress}</td>
              <th scope="row" className={`${tdClass} font-normal`}>
                {message.subject}
              </th>
              <td className={`${tdClass} tabular-nums`}>{message.attempts}</td>
              <td className={`${tdClass} max-w-md break-words`}>
                {message.status === "sent" && message.sentAt
                  ? dateFormat.format(new Date(message.sentAt))
                  : message.lastError
                    ? `${message.lastError}${message.status === "queued" ? ` (next try ${dateFormat.format(new Date(message.nextAttemptAt))})` : ""}`
                    : ""}
              </td>
              <td className={tdClass}>
                {message.status === "queued" ? null : (
                  <Form method="post">
                    <input type="hidden" name="messageId" value={message.id} />
                    <Button type="submit" name="intent" value="resend" variant="secondary" disabled={navigation.state === "submitting"} aria-label={`Send again: ${message.subject} to ${message.toAddress}`}>
                      Send again
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">No {outbox.status} messages.</p>
      )}
      <Pagination page={outbox.page} pageCount={outbox.pageCount} label="Outbox pages" />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
