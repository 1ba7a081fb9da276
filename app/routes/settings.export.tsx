import { Form, redirect } from "react-router";
import type { Route } from "./+types/settings.export";
import { ExportList, useRefreshWhile } from "~/components/data-rights/export-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { EXPORT_SCHEMA_PATH } from "~/platform/export-document";
import { exportsOf, startExport } from "~/modules/data-rights/exports.server";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("exports:page.title") },
];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  const { exports, refreshing } = await exportsOf(viewer, viewer.id);
  return { exports, refreshing };
});

export const action = withFormRefusals(async ({ request }: Route.ActionArgs) => {
  const viewer = await requireUser(request);
  await startExport(viewer, viewer.id);
  return redirect("/settings/export");
});

export default function PersonalExport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("exports");
  const sending = useSubmitting();
  useRefreshWhile(loaderData.refreshing);
  return (
    <>
      <PageHeader title={t("page.heading")} description={t("page.description")} />
      {actionData && "error" in actionData ? (
        <Alert tone="warning">{actionData.error}</Alert>
      ) : null}
      {loaderData.refreshing ? <Alert tone="info">{t("page.started")}</Alert> : null}
      <Card className="max-w-2xl">
        <Form method="post">
          <Button type="submit" disabled={sending || loaderData.refreshing}>
            {t("page.start")}
          </Button>
        </Form>
        <h2 className="mt-6 text-lg font-semibold">{t("page.listHeading")}</h2>
        {loaderData.exports.length ? (
          <ExportList exports={loaderData.exports} downloadable />
        ) : (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">{t("page.none")}</p>
        )}
        <p className="mt-4 text-sm">
          <a
            className="text-brand-600 hover:underline dark:text-brand-100"
            href={EXPORT_SCHEMA_PATH}
          >
            {t("page.schema")}
          </a>
        </p>
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
