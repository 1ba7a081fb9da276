import { useTranslation } from "~/i18n/use-translation";
import type { PointsStanding } from "~/modules/ladders/points";

/** Where ratings stand on a ladder's points, in the page's language: "142 points: band 3.2, Senior Engineer / Engineering Manager". */
export function PointsStandingText({ standing }: { standing: PointsStanding }) {
  const { t } = useTranslation("assessments");
  const points = standing.band ? t("points.inBand", { total: standing.total, band: standing.band.label }) : t("points.belowBands", { total: standing.total });
  const titles = standing.titles.map((title) => title.title).join(" / ");
  return <>{titles ? t("points.withTitles", { standing: points, titles }) : points}</>;
}
