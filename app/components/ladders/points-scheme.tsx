import type { pointsView } from "~/modules/ladders/views";
import { useTranslation } from "~/i18n/use-translation";
import { wordsOf } from "~/i18n/messages";

type Points = NonNullable<ReturnType<typeof pointsView>>;

const cell = "py-1 pe-4 align-top";

/**
 * How points place people on a ladder that takes levels from points (docs/ladders.md, "Points"):
 * what each rating is worth, the bands of the total and the titles over ranges of it. The card's
 * heading and body (the page gives the card); `marked` names the bands and titles that are the
 * page's own level, so a reader sees how that level is earned.
 */
export function PointsScheme({
  points,
  marked = { bands: [], titles: [] },
}: {
  points: Points;
  marked?: { bands: readonly string[]; titles: readonly string[] };
}) {
  const { t } = useTranslation("ladders");
  // A space of its own, so the mark is read (and copied) as a word apart, not run into the range.
  const mark = (own: boolean) =>
    own ? (
      <>
        {" "}
        <span className="text-xs font-medium text-brand-700 dark:text-brand-100">
          {t("points.thisLevel")}
        </span>
      </>
    ) : null;
  return (
    <>
      <h2 className="mb-1 text-lg font-semibold">{t("points.heading")}</h2>
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{t("points.intro")}</p>
      <div className="grid gap-6 text-sm md:grid-cols-3">
        <table>
          <caption className="mb-1 text-start font-semibold">{t("points.perRating")}</caption>
          <tbody>
            {points.perRating.map((point) => (
              <tr key={point.value}>
                <th scope="row" className={`${cell} text-start font-normal`}>
                  {point.label}
                </th>
                <td className={cell}>{t("points.points", { count: point.points })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption className="mb-1 text-start font-semibold">{t("points.bands")}</caption>
          <tbody>
            {points.bands.map((band) => (
              <tr
                key={band.label}
                className={marked.bands.includes(band.label) ? "font-semibold" : undefined}
              >
                <th scope="row" className={`${cell} text-start font-normal`}>
                  {band.label}
                </th>
                <td className={cell}>
                  {wordsOf(t, band.range)}
                  {mark(marked.bands.includes(band.label))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {points.titles.length ? (
          <table>
            <caption className="mb-1 text-start font-semibold">{t("points.titles")}</caption>
            {points.titles.map((track) => (
              <tbody key={track.trackId}>
                {points.titles.length > 1 ? (
                  <tr>
                    <th scope="rowgroup" colSpan={2} className={`${cell} text-start`}>
                      {track.trackName}
                    </th>
                  </tr>
                ) : null}
                {track.ranges.map((range) => (
                  <tr
                    key={range.title}
                    className={marked.titles.includes(range.title) ? "font-semibold" : undefined}
                  >
                    <th scope="row" className={`${cell} text-start font-normal`}>
                      {range.title}
                    </th>
                    <td className={cell}>
                      {wordsOf(t, range.range)}
                      {mark(marked.titles.includes(range.title))}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        ) : null}
      </div>
    </>
  );
}
