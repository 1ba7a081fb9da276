import { Link } from "react-router";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import {
  stateShares,
  totalOf,
  type ParticipantState,
  type StateCounts,
} from "~/modules/cycles/cycle-progress";
import { STATE_SWATCH } from "./cycle-badges";

/**
 * Participants per state as one stacked bar, with the same numbers as a list beside it:
 * the bar is for a glance, the list is what screen readers and colour-blind readers use.
 * Each list entry links to the participants in that state.
 */
export function CycleProgressChart({
  counts,
  stateHref,
  current,
}: {
  counts: StateCounts;
  stateHref: (state: ParticipantState) => string;
  current: ParticipantState | "";
}) {
  const { t } = useTranslation("cycles");
  const f = useFormats();
  const total = totalOf(counts);
  const shares = stateShares(counts);
  return (
    <figure>
      <div
        className="flex h-6 w-full overflow-hidden rounded-md bg-slate-100 dark:bg-slate-800"
        aria-hidden="true"
      >
        {shares
          .filter((share) => share.count > 0)
          .map((share) => (
            <div
              key={share.state}
              className={`${STATE_SWATCH[share.state]} h-full`}
              style={{ width: `${share.percent}%` }}
              title={t("progressChart.segment", {
                state: t(`states.${share.state}`),
                count: share.count,
              })}
            />
          ))}
      </div>
      <figcaption className="sr-only">{t("progressChart.caption", { total })}</figcaption>
      <ul className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
        {shares.map((share) => (
          <li key={share.state} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={`size-3 shrink-0 rounded-sm ${STATE_SWATCH[share.state]}`}
            />
            <Link
              to={stateHref(share.state)}
              className="hover:underline"
              aria-current={current === share.state ? "true" : undefined}
            >
              <span className={current === share.state ? "font-semibold" : undefined}>
                {t(`states.${share.state}`)}
              </span>
            </Link>
            <span className="ms-auto tabular-nums text-slate-700 dark:text-slate-200">
              {`${f.number(share.count)} `}
              <span className="muted">{`(${f.percent(share.percent / 100)})`}</span>
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
