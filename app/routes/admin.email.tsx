import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.email";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireRole } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { OUTBOX_STATUSES } from "~/modules/notifications/outbox";
import { outboxPage, resendMessage } from "~/modules/notifications/outbox.server";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { choiceParam, pageParam } from "~/utils/search-params";
import { useSubmitting } from "~/components/ui/use-submitting";
import { useDoneMessage } from "~/components/ui/use-done-message";
import { plainHtml } from "~/utils/page-scripts";

/** Sent as HTML (decision 157): a message sent again redirects to its tab with `?done=resent`. */
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("admin:outbox.title") },
];

export const loader = withDomainErrors(async ({ request, url }: Route.LoaderArgs) => {
  await requireRole(request, "admin");
  const params = url.searchParams;
  return outboxPage(choiceParam(params, "status", OUTBOX_STATUSES) || "queued", pageParam(params));
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const form = await formOf(request);
  const messageId = form.get("messageId");
  if (form.get("intent") !== "resend" || typeof messageId !== "string" || !messageId)
    throw new InvalidError({ key: "admin:outbox.errors.chooseMessage" });
  await resendMessage(viewer.id, messageId);
  // Back to the tab and page the message was sent again from, saying so.
  const back = new URL(request.url);
  back.searchParams.set("done", "resent");
  return redirect(`${back.pathname}${back.search}`);
});

const STATUS_LABELS = {
  queued: "outbox.status.queued",
  sent: "outbox.status.sent",
  failed: "outbox.status.failed",
} as const;

export default function EmailOutbox({ loaderData, actionData }: Route.ComponentProps) {
  const outbox = loaderData;
  const sending = useSubmitting();
  const { t } = useTranslation("admin");
  const f = useFormats();
  const resent = useDoneMessage({ resent: t("outbox.resent") }, actionData);
  return (
    <>
      <PageHeader title={t("outbox.heading")} description={t("outbox.description")} />
      {outbox.emailOn ? null : (
        <Alert tone="warning" title={t("outbox.off.title")}>
          {t("outbox.off.body")}
        </Alert>
      )}
      {resent ? <Alert tone="success">{resent}</Alert> : null}
      <nav aria-label={t("outbox.statusNav")} className="mb-4 flex flex-wrap gap-2">
        {OUTBOX_STATUSES.map((status) => (
          <Link
            key={status}
            to={`?status=${status}`}
            aria-current={status === outbox.status ? "page" : undefined}
            className={`rounded-md border px-3 py-1.5 text-sm font-medium ${status === outbox.status ? "border-brand-600 bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-white" : "border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"}`}
          >
            {t("outbox.tab", { label: t(STATUS_LABELS[status]), count: outbox.counts[status] })}
          </Link>
        ))}
      </nav>
      {outbox.messages.length ? (
        <DataTable
          caption={t("outbox.caption", {
            status: outbox.status,
            page: outbox.page,
            pageCount: outbox.pageCount,
          })}
          headings={[
            t("outbox.queuedAt"),
            t("outbox.to"),
            t("outbox.subject"),
            t("outbox.attempts"),
            outbox.status === "sent" ? t("outbox.sentAt") : t("outbox.reason"),
            "",
          ]}
        >
          {outbox.messages.map((message) => (
            <tr key={message.id}>
              <td className={`${tdClass} whitespace-nowrap tabular-nums`}>
                {f.dateTime(message.createdAt)}
              </td>
              <td className={tdClass}>{message.toAddress}</td>
              <th scope="row" className={`${tdClass} font-normal`}>
                {message.subject}
              </th>
              <td className={`${tdClass} tabular-nums`}>{f.number(message.attempts)}</td>
              <td className={`${tdClass} max-w-md break-words`}>
                {message.status === "sent" && message.sentAt ? (
                  f.dateTime(message.sentAt)
                ) : message.failure ? (
                  <>
                    {message.status === "queued"
                      ? t("outbox.nextTry", {
                          reason: t(`outbox.failure.${message.failure.kind}`, {
                            count: message.attempts,
                          }),
                          when: f.dateTime(message.nextAttemptAt),
                        })
                      : t(`outbox.failure.${message.failure.kind}`, { count: message.attempts })}
                    <span className="mt-1 block text-xs text-slate-600 dark:text-slate-300">
                      {t("outbox.answer", { detail: message.failure.detail })}
                    </span>
                  </>
                ) : null}
              </td>
              <td className={tdClass}>
                {message.status === "queued" ? null : (
                  <Form method="post">
                    <input type="hidden" name="messageId" value={message.id} />
                    <Button
                      type="submit"
                      name="intent"
                      value="resend"
                      variant="secondary"
                      disabled={sending}
                      aria-label={t("outbox.sendAgainLabel", {
                        subject: message.subject,
                        to: message.toAddress,
                      })}
                    >
                      {t("outbox.sendAgain")}
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {t("outbox.empty", { status: outbox.status })}
        </p>
      )}
      <Pagination page={outbox.page} pageCount={outbox.pageCount} label={t("outbox.pages")} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
