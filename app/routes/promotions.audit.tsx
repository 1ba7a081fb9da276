import type { Route } from "./+types/promotions.audit";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuditIntro, EquityAuditSections } from "~/components/insights/equity-audit-section";
import { NineBoxGaps } from "~/components/promotions/nine-box-gaps";
import { BackLink, PageHeader } from "~/components/ui/page";
import { metaT } from "~/i18n/meta";
import { useTranslation } from "~/i18n/use-translation";
import { requireUser } from "~/modules/identity/permissions.server";
import { promotionAuditView } from "~/modules/promotions/audit.server";
import { WINDOW_DIMENSION, type PromotionAuditStage } from "~/modules/promotions/audit-units";
import type { CareerAuditStage } from "~/modules/promotions/career-audit-units";
import { withDomainErrors } from "~/utils/http.server";
import { languageOf } from "~/i18n/i18n.server";
import { plainHtml } from "~/utils/page-scripts";

// Works whole as HTML: sent without the app's scripts (decision 134).
export const handle = plainHtml;

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: metaT(matches)("promotionsAudit:title") },
];

export const loader = withDomainErrors(async ({ request, context }: Route.LoaderArgs) => {
  const viewer = await requireUser(request);
  return promotionAuditView(viewer, {
    language: languageOf(context),
    all: new URL(request.url).searchParams.get("all"),
  });
});

export default function PromotionAudit({ loaderData }: Route.ComponentProps) {
  const view = loaderData;
  const { t } = useTranslation("promotionsAudit");
  return (
    <>
      <BackLink to="/promotions">{t("back")}</BackLink>
      <PageHeader title={t("heading")} description={t(`scope.${view.scope}`)} />
      <AuditIntro
        lines={[t("intro.what", { day: view.asOf }), t("intro.windows")]}
        floor={view.floor}
      />
      <EquityAuditSections
        entries={view.audits}
        words={(id) => ({ heading: t(`audits.${id}.heading`), explain: t(`audits.${id}.explain`) })}
        floor={view.floor}
        stageName={(id) => t(`stages.${id as PromotionAuditStage}`)}
        dimensionName={(id) => (id === WINDOW_DIMENSION ? t("dimension.window") : null)}
        groupLink={(dimension, value) =>
          dimension === WINDOW_DIMENSION ? `/promotions/windows/${value}/audit` : null
        }
        comparisons={(count) => t("comparisons", { count })}
      />
      <h2 className="mb-2 mt-12 text-2xl font-semibold">{t("timeToPromotion.heading")}</h2>
      <p className="mb-6 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
        {t("timeToPromotion.intro")}
      </p>
      <EquityAuditSections
        entries={view.timeToPromotion}
        words={(id) => ({ heading: t(`audits.${id}.heading`), explain: t(`audits.${id}.explain`) })}
        floor={view.floor}
        stageName={(id) => t(`stages.${id as CareerAuditStage}`)}
        comparisons={(count) => t("ownComparisons", { count })}
      />
      <h2 className="mb-2 mt-12 text-2xl font-semibold">{t("nineBox.heading")}</h2>
      <div className="mb-6 max-w-3xl space-y-2 text-sm text-slate-700 dark:text-slate-300">
        <p>{t("nineBox.intro")}</p>
        <p>{t("nineBox.research")}</p>
      </div>
      <EquityAuditSections
        entries={view.nineBox.audits}
        words={(id) => ({ heading: t(`audits.${id}.heading`), explain: t(`audits.${id}.explain`) })}
        floor={view.floor}
        stageName={(id) => t(`stages.${id as CareerAuditStage}`)}
        comparisons={(count) => t("ownComparisons", { count })}
      />
      <NineBoxGaps gaps={view.nineBox.gaps} floor={view.floor} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
