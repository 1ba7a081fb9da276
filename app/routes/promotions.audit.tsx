import type { Route } from "./+types/promotions.audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EquityAuditSection } from "~/components/insights/equity-audit-section";
import { BackLink, Card, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { promotionAuditView } from "~/modules/promotions/audit.server";
import { WINDOW_DIMENSION, type PromotionAuditStage } from "~/modules/promotions/audit-units";
import { withDomainErrors } from "~/utils/http.server";

export const meta: Route.MetaFunction = ({ matches }) => [{ title: metaT(matches)("promotionsAudit:title") }];

export const loader = withDomainErrors(async ({ request }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return promotionAuditView(viewer);
});

export default function PromotionAudit({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("promotionsAudit");
  const { t: figures } = useTranslation("accessAudit");
  return (
    <>
      <BackLink to="/promotions">{t("back")}</BackLink>
      <PageHeader title={t("heading")} description={t(`scope.${view.scope}`)} />
      <Card className="mb-8">
        <div className="space-y-2 text-sm text-slate-700 dark:text-slate-300">
          <p>{t("intro.what", { day: view.asOf })}</p>
          <p>{t("intro.windows")}</p>
          <p>{figures("intro.rates")}</p>
          <p>{figures("intro.fourFifths")}</p>
          <p>{figures("intro.hidden", { floor: view.floor })}</p>
        </div>
      </Card>
      {view.audits.map((entry) => (
        <EquityAuditSection
          key={entry.id}
          id={entry.id}
          heading={t(`audits.${entry.id}.heading`)}
          explain={t(`audits.${entry.id}.explain`)}
          steps={entry.steps}
          audit={entry.audit}
          floor={view.floor}
          stageName={(id) => t(`stages.${id as PromotionAuditStage}`)}
          dimensionName={(id) => (id === WINDOW_DIMENSION ? t("dimension.window") : null)}
          groupLink={(dimension, value) => (dimension === WINDOW_DIMENSION ? `/promotions/windows/${value}/audit` : null)}
          comparisons={t("comparisons", { count: entry.audit.comparisons })}
        />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
