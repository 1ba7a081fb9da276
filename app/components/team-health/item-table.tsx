import { ScrollRegion } from "~/components/ui/data-table";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { ItemFigures } from "~/modules/team-health/figures";
import { REVERSED_ITEMS, SCALE_POINTS } from "~/modules/team-health/items";
import { isReversedItem, ItemText, type OwnWords } from "./item-text";

/** Each item's released figures (answers, mean, interval, distribution), or why it is not shown: the team's page and a live check-in's room. */
export function ItemTable({
  items,
  own,
}: {
  items: readonly { item: string; figures: ItemFigures | null; withheld: boolean }[];
  /** The organisation's own items the check-in asked, worded for the reader. */
  own: OwnWords;
}) {
  const { t } = useTranslation("teamHealth");
  const f = useFormats();
  const n = (value: number) => f.number(value, 1);
  const view = { items };
  return (
    <>
      <h2 id="items-heading" className="sr-only">
        {t("results.item")}
      </h2>
      {/* Each item is a row group: its statement on a row of its own, its figures on the row under
          it, so the figures fit a phone's width beside each other and a statement is never squeezed
          into a narrow column. */}
      <ScrollRegion labelledBy="items-heading" className="mb-6">
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="pe-3 text-start align-bottom">
                {t("results.n")}
              </th>
              <th scope="col" className="pe-3 text-start align-bottom">
                {t("results.meanInterval")}
              </th>
              <th scope="col" className="text-start align-bottom">
                {t("results.distribution")}
              </th>
            </tr>
          </thead>
          {view.items.map((row) => (
            <tbody key={row.item} className="border-t border-slate-200 dark:border-slate-700">
              <tr>
                <th scope="rowgroup" colSpan={3} className="pt-2 text-start font-medium">
                  <ItemText item={row.item} own={own} />
                  {isReversedItem(row.item, own, REVERSED_ITEMS) ? (
                    <span className="muted block text-xs font-normal">{t("results.reversed")}</span>
                  ) : null}
                </th>
              </tr>
              <tr>
                {row.figures ? (
                  <>
                    <td className="pe-3 pb-2 tabular-nums">{row.figures.n}</td>
                    <td className="pe-3 pb-2 whitespace-nowrap tabular-nums">
                      {row.figures.unscoredInterval
                        ? `${n(row.figures.mean)} (${n(row.figures.unscoredInterval[0])}–${n(row.figures.unscoredInterval[1])})`
                        : n(row.figures.mean)}
                    </td>
                    <td className="pb-2">
                      <ol className="flex gap-0.5" aria-label={t("results.distribution")}>
                        {SCALE_POINTS.map((point, index) => (
                          <li
                            key={point}
                            className="min-w-5 rounded bg-slate-100 px-0.5 text-center tabular-nums dark:bg-slate-800"
                            title={t("results.distributionBar", {
                              count: row.figures!.distribution[index]!,
                              point,
                            })}
                          >
                            <span className="sr-only">
                              {t("results.distributionBar", {
                                count: row.figures!.distribution[index]!,
                                point,
                              })}
                            </span>
                            <span aria-hidden="true">{row.figures!.distribution[index]}</span>
                          </li>
                        ))}
                      </ol>
                    </td>
                  </>
                ) : (
                  <td colSpan={3} className="muted pb-2">
                    {row.withheld ? t("results.tooAlike") : t("results.notYet")}
                  </td>
                )}
              </tr>
            </tbody>
          ))}
        </table>
      </ScrollRegion>
    </>
  );
}
