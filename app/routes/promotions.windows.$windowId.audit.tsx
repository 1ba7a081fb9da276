import type { Route } from "./+types/promotions.windows.$windowId.audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuditIntro, EquityAuditSections } from "~/components/insights/equity-audit-section";
import { Alert, BackLink, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { windowAuditView } from "~/modules/promotions/audit.server";
import type { PromotionAuditStage } from "~/modules/promotions/audit-units";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ loaderData, matches }) => [
  { title: metaT(matches)("promotionsAudit:windowTitle", { name: loaderData?.window.name ?? "" }) },
];

export const loader = withDomainErrors(async ({ request, params, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return windowAuditView(viewer, params.windowId ?? "", {
    language: languageOf(context),
    all: new URL(request.url).searchParams.get("all"),
  });
});

export default function WindowAudit({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("promotionsAudit");
  return (
    <>
      <BackLink to={view.readsAcross ? "/promotions/audit" : "/promotions"}>
        {view.readsAcross ? t("acrossWindows") : t("back")}
      </BackLink>
      <PageHeader
        title={t("windowHeading", { name: view.window.name })}
        description={t(`scope.${view.chair ? "chair" : view.scope}`)}
      />
      {view.chair ? (
        <Alert tone="info" title={t("chairStep.title")}>
          {t("chairStep.body")}
        </Alert>
      ) : null}
      <AuditIntro
        lines={[t("intro.window", { day: view.asOf })]}
        floor={view.floor}
        className="mb-8 mt-4"
      />
      <EquityAuditSections
        entries={view.audits}
        words={(id) => ({ heading: t(`audits.${id}.heading`), explain: t(`audits.${id}.explain`) })}
        floor={view.floor}
        stageName={(id) => t(`stages.${id as PromotionAuditStage}`)}
        comparisons={(count) => t("comparisons", { count })}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
