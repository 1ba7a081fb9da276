import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/admin.webhooks.$endpointId";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { ConfirmSubmit } from "~/components/ui/confirm-dialog";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { Pagination } from "~/components/ui/pagination";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import {
  endpointLog,
  redeliver,
  removeEndpoint,
  sendTestEvent,
} from "~/modules/webhooks/endpoints.server";
import { kindLabel, KIND_LABELS } from "~/modules/webhooks/events";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { pageParam } from "~/utils/search-params";
import { usePendingForm } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("webhooks:log.title") },
];

export const loader = withDomainErrors(async ({ request, params, url }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return endpointLog(viewer, params.endpointId, pageParam(url.searchParams));
});

export const action = withDomainErrors(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const formData = await formOf(request);
  const intent = formData.get("intent");
  if (intent === "test")
    return { test: await sendTestEvent(viewer, params.endpointId), redelivered: false };
  if (intent === "redeliver") {
    const deliveryId = formData.get("deliveryId");
    if (typeof deliveryId !== "string" || !deliveryId)
      throw new InvalidError({ key: "webhooks:errors.chooseDelivery" });
    await redeliver(viewer, params.endpointId, deliveryId);
    return { test: null, redelivered: true };
  }
  if (intent === "remove") {
    await removeEndpoint(viewer, params.endpointId);
    return redirect("/admin/webhooks");
  }
  throw new InvalidError({ key: "webhooks:errors.unknownAction" });
});

const STATUS_LABELS = {
  queued: "log.status.queued",
  delivered: "log.status.delivered",
  failed: "log.status.failed",
} as const;

export default function WebhookLog({ loaderData, actionData }: Route.ComponentProps) {
  const { endpoint, counts, deliveries, page, pageCount } = loaderData;
  const pendingForm = usePendingForm();
  const { t } = useTranslation("webhooks");
  const f = useFormats();
  const busy = (intent: string) => pendingForm?.get("intent") === intent;
  const test = actionData?.test ?? null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to="/admin/webhooks" className="hover:underline">
          {t("log.back")}
        </Link>
      </p>
      <PageHeader title={t("log.heading")} description={t("log.description")} />
      {test ? (
        <Alert
          tone={test.status === "delivered" ? "success" : "warning"}
          title={t(test.status === "delivered" ? "log.testDelivered" : "log.testNotDelivered")}
        >
          {test.failure ? <p>{t(`log.failure.${test.failure}`)}</p> : null}
        </Alert>
      ) : null}
      {actionData?.redelivered ? <Alert tone="success">{t("log.redelivered")}</Alert> : null}

      <Card className="mb-6">
        <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          <dt className="font-medium">{t("url")}</dt>
          <dd className="break-all" dir="ltr">
            {endpoint.url}
          </dd>
          <dt className="font-medium">{t("events")}</dt>
          <dd>{f.list(endpoint.events.map((kind) => t(KIND_LABELS[kind])))}</dd>
          <dt className="font-medium">{t("createdAt")}</dt>
          <dd>{f.dateTime(endpoint.createdAt)}</dd>
          <dt className="font-medium">{t("deliveries")}</dt>
          <dd>
            {t("counts", {
              delivered: counts.delivered,
              queued: counts.queued,
              failed: counts.failed,
            })}
          </dd>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="intent" value="test" />
            <Button type="submit" disabled={busy("test")}>
              {busy("test") ? t("log.sendingTest") : t("log.sendTest")}
            </Button>
          </Form>
          <Form method="post">
            <ConfirmSubmit
              label={t("log.remove")}
              title={t("log.removeTitle")}
              tickLabel={t("log.removeTick")}
              name="intent"
              value="remove"
              variant="danger"
              disabled={busy("remove")}
            >
              <p>{t("log.removeConsequence")}</p>
            </ConfirmSubmit>
          </Form>
        </div>
      </Card>

      {deliveries.length ? (
        <DataTable
          caption={t("log.deliveries")}
          headings={[
            t("log.event"),
            t("log.occurredAt"),
            t("log.statusHeading"),
            t("log.attempts"),
            t("log.lastAnswer"),
            { key: "again", label: <span className="sr-only">{t("log.deliverAgain")}</span> },
          ]}
        >
          {deliveries.map((delivery) => {
            const label = kindLabel(delivery.kind);
            return (
              <tr key={delivery.id}>
                <th scope="row" className={`${tdClass} font-medium`}>
                  {label ? t(label) : delivery.kind}
                  <code className="muted block text-xs" dir="ltr">
                    {delivery.eventId}
                  </code>
                </th>
                <td className={tdClass}>{f.dateTime(delivery.occurredAt)}</td>
                <td className={tdClass}>
                  {t(STATUS_LABELS[delivery.status])}
                  {delivery.deliveredAt ? (
                    <span className="muted block text-xs">{f.dateTime(delivery.deliveredAt)}</span>
                  ) : null}
                  {delivery.nextAttemptAt ? (
                    <span className="muted block text-xs">
                      {t("log.nextAttempt", { when: f.dateTime(delivery.nextAttemptAt) })}
                    </span>
                  ) : null}
                </td>
                <td className={tdClass}>{f.number(delivery.attempts)}</td>
                <td className={tdClass}>
                  {delivery.failure
                    ? t(`log.failure.${delivery.failure}`)
                    : delivery.lastStatus === null
                      ? ""
                      : t("log.httpStatus", { status: delivery.lastStatus })}
                </td>
                <td className={tdClass}>
                  {delivery.status === "failed" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="redeliver" />
                      <input type="hidden" name="deliveryId" value={delivery.id} />
                      <Button
                        type="submit"
                        variant="ghost"
                        aria-label={t("log.deliverAgainLabel", { id: delivery.eventId })}
                      >
                        {t("log.deliverAgain")}
                      </Button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : (
        <Card>
          <p>{t("log.none")}</p>
        </Card>
      )}
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
