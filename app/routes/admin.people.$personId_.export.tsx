import { Form, redirect } from "react-router";
import type { Route } from "./+types/admin.people.$personId_.export";
import { ExportList, useRefreshWhile } from "~/components/data-rights/export-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Button } from "~/components/ui/button";
import { Alert, BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { exportsOf, startExport } from "~/modules/data-rights/exports.server";
import { requireRole } from "~/modules/identity/permissions.server";
import { withDomainErrors, withFormRefusals } from "~/utils/http.server";
import { useSubmitting } from "~/components/ui/use-submitting";

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  { title: metaT(matches)("exports:admin.title", { name: loaderData?.person.name ?? "" }) },
];

/** An admin starts a person's export for a request received elsewhere and follows where it stands; the archive goes to the person. */
export const loader = withDomainErrors(async ({ request, params }: Route.LoaderArgs) => {
  const viewer = await requireRole(request, "admin");
  return exportsOf(viewer, params.personId ?? "");
});

export const action = withFormRefusals(async ({ request, params }: Route.ActionArgs) => {
  const viewer = await requireRole(request, "admin");
  const personId = params.personId ?? "";
  await startExport(viewer, personId);
  return redirect(`/admin/people/${personId}/export`);
});

export default function AdminPersonalExport({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("exports");
  const sending = useSubmitting();
  const { person, exports, refreshing } = loaderData;
  useRefreshWhile(refreshing);
  return (
    <>
      <BackLink to={`/admin/people/${person.id}`}>{person.name}</BackLink>
      <PageHeader
        title={t("admin.heading", { name: person.name })}
        description={t("admin.description")}
      />
      {actionData && "error" in actionData ? (
        <Alert tone="warning">{actionData.error}</Alert>
      ) : null}
      {refreshing ? <Alert tone="info">{t("admin.started", { name: person.name })}</Alert> : null}
      <Card className="max-w-2xl">
        <Form method="post">
          <Button type="submit" disabled={sending || refreshing}>
            {t("admin.start", { name: person.name })}
          </Button>
        </Form>
        {exports.length ? <ExportList exports={exports} downloadable={false} /> : null}
      </Card>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
