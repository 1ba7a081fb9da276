import type { ReactNode } from "react";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

type Estimate = { estimate: number; interval: readonly [number, number] };

/**
 * The scale's score with its 95% interval, or why it is hidden, and (where given) the change since
 * the last check-in: the team's page and a live check-in's room.
 */
export function HealthScore({
  score,
  change,
}: {
  score: Estimate | null;
  /** Left out where the page shows no change (a live room). */
  change?: Estimate | null;
}) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const n = (value: number) => f.number(value, 1);
  const bounds = (figure: Estimate) => ({
    low: n(figure.interval[0]),
    high: n(figure.interval[1]),
  });
  return (
    <div className="mb-4">
      <p className="mb-1 font-medium">
        {score
          ? t("results.score", { score: n(score.estimate), ...bounds(score) })
          : t("results.scoreHidden")}
      </p>
      {change === undefined ? null : (
        <p className="text-sm">
          {change
            ? t("results.change", { change: n(change.estimate), ...bounds(change) })
            : t("results.noChange")}
        </p>
      )}
    </div>
  );
}

/** How many answered of how many asked, against the floor, as of the last release; then `children`. */
export function ReleasedAsOf({
  release,
  children,
}: {
  release: { answers: number; asked: number; floor: number; releasedAt: Date | string | null };
  children?: ReactNode;
}) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  return (
    <p className="mb-1 text-sm">
      {t("results.asOf", {
        answers: release.answers,
        asked: release.asked,
        floor: release.floor,
        date: release.releasedAt ? f.dateTime(release.releasedAt) : "",
      })}
      {children ? <> {children}</> : null}
    </p>
  );
}
