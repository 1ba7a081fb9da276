import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, data, redirect } from "react-router";
import type { Route } from "./+types/admin.webhooks._index";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { ErrorList, Field } from "~/components/ui/field";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { InvalidError } from "~/modules/errors";
import { addEndpoint, addedEndpointFor, listEndpoints } from "~/modules/webhooks/endpoints.server";
import { KIND_LABELS, WEBHOOK_EVENT_KINDS } from "~/modules/webhooks/events";
import { AddEndpointSchema } from "~/modules/webhooks/form";
import { withDomainErrors, formOf } from "~/utils/http.server";
import { usePendingForm } from "~/components/ui/use-submitting";
import { plainHtml } from "~/utils/page-scripts";
import { carryOnce, shownOnPage } from "~/utils/shown-once.server";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("webhooks:title") },
];

// Sent as HTML (decision 154): its form posts and redirects, a new endpoint's secret carried to it once.
export const handle = plainHtml;

const PATH = "/admin/webhooks";

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const [endpoints, { shown: added, headers }] = await Promise.all([
    listEndpoints(viewer),
    shownOnPage(request, PATH, (secret, carried) =>
      addedEndpointFor(viewer, carried.endpointId, secret),
    ),
  ]);
  return data({ endpoints, added }, { headers });
});

export const action = withDomainErrors(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  const formData = await formOf(request);
  if (formData.get("intent") !== "add")
    throw new InvalidError({ key: "webhooks:errors.unknownAction" });
  const submission = parseWithZod(formData, { schema: AddEndpointSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const added = await addEndpoint(viewer, submission.value);
  if (!added.ok)
    return data({ result: submission.reply({ fieldErrors: added.fieldErrors }) }, { status: 400 });
  // Its secret is shown once, on the page the answer redirects to.
  return redirect(PATH, {
    headers: {
      "Set-Cookie": await carryOnce(PATH, { token: added.secret, endpointId: added.id }),
    },
  });
});

export default function Webhooks({ loaderData, actionData }: Route.ComponentProps) {
  const { endpoints, added } = loaderData;
  const pendingForm = usePendingForm();
  const { t } = useTranslation("webhooks");
  const f = useFormats();
  const [form, fields] = useForm({
    id: "add-webhook",
    lastResult: actionData?.result,
    constraint: getZodConstraint(AddEndpointSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddEndpointSchema }),
  });
  const adding = pendingForm?.get("intent") === "add";
  const chosen = new Set([fields.events.initialValue ?? []].flat());

  return (
    <>
      <PageHeader title={t("heading")} description={t("description")} />
      {added ? (
        <Alert tone="success" title={t("added", { url: added.url })}>
          <p className="mb-2">{t("copySecretNow")}</p>
          <CopyField label={t("secret")} value={added.secret} />
          <p className="mt-2">
            <Link to={`/admin/webhooks/${added.id}`} className="font-medium underline">
              {t("openLog")}
            </Link>
          </p>
        </Alert>
      ) : null}

      <Card className="mb-6 max-w-2xl">
        <h2 className="mb-3 text-lg font-semibold">{t("newEndpoint")}</h2>
        <Form method="post" className="space-y-4" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="add" />
          <Field
            label={t("url")}
            hint={t("urlHint")}
            errors={fields.url.errors}
            {...getInputProps(fields.url, { type: "url" })}
          />
          <fieldset
            aria-describedby={fields.events.errors?.length ? fields.events.errorId : undefined}
          >
            <legend className="mb-1 text-sm font-medium">{t("events")}</legend>
            <ul className="grid gap-1 sm:grid-cols-2">
              {WEBHOOK_EVENT_KINDS.map((kind) => (
                <li key={`${form.key}-${kind}`}>
                  <label className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="checkbox"
                      name={fields.events.name}
                      value={kind}
                      defaultChecked={chosen.has(kind)}
                    />
                    <span>{t(KIND_LABELS[kind])}</span>
                    <code className="muted text-xs" dir="ltr">
                      {kind}
                    </code>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={fields.events.errorId} errors={fields.events.errors} />
          </fieldset>
          <Button type="submit" disabled={adding}>
            {adding ? t("adding") : t("add")}
          </Button>
        </Form>
      </Card>

      {endpoints.length ? (
        <DataTable
          caption={t("endpoints")}
          headings={[t("url"), t("events"), t("createdAt"), t("deliveries")]}
        >
          {endpoints.map((endpoint) => (
            <tr key={endpoint.id}>
              <th scope="row" className={`${tdClass} font-medium`}>
                <Link
                  to={`/admin/webhooks/${endpoint.id}`}
                  className="break-all hover:underline"
                  dir="ltr"
                >
                  {endpoint.url}
                </Link>
              </th>
              <td className={tdClass}>
                {f.list(endpoint.events.map((kind) => t(KIND_LABELS[kind])))}
              </td>
              <td className={tdClass}>{f.dateTime(endpoint.createdAt)}</td>
              <td className={tdClass}>
                {t("counts", {
                  delivered: endpoint.counts.delivered,
                  queued: endpoint.counts.queued,
                  failed: endpoint.counts.failed,
                })}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <Card>
          <p>{t("noEndpoints")}</p>
        </Card>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
