import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";
import { describeStanding, type PointsStanding } from "~/modules/ladders/points";

/** Where ratings stand on a ladder's points, in the page's language: "142 points: band 3.2, Senior Engineer / Engineering Manager". */
export function PointsStandingText({ standing }: { standing: PointsStanding }) {
  const { t } = useTranslation("ladders");
  return <>{wordsOf(t, describeStanding(standing))}</>;
}
