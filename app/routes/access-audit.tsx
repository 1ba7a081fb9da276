import type { Route } from "./+types/access-audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuditIntro, EquityAuditSections } from "~/components/insights/equity-audit-section";
import { PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { accessAuditView } from "~/modules/access-audit/access-audit.server";
import type { AccessStage } from "~/modules/access-audit/units";
import { requireUser } from "~/modules/identity/permissions.server";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("accessAudit:title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return accessAuditView(viewer, {
    language: languageOf(context),
    all: new URL(request.url).searchParams.get("all"),
  });
});

export default function AccessAudit({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("accessAudit");
  return (
    <>
      <PageHeader title={t("heading")} description={t(`scope.${view.scope}`)} />
      <AuditIntro lines={[t("intro.what", { day: view.asOf })]} floor={view.floor} />
      <EquityAuditSections
        entries={view.audits}
        words={(id) => ({ heading: t(`audits.${id}.heading`), explain: t(`audits.${id}.explain`) })}
        floor={view.floor}
        stageName={(id) => t(`stages.${id as AccessStage}`)}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
