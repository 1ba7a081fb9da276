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
      <ScrollRegion labelledBy="items-heading" className="mb-6">
        <table className="w-full text-sm">
          <thead>
            <tr className="text-start">
              <th scope="col" className="text-start">
                {t("results.item")}
              </th>
              <th scope="col">{t("results.n")}</th>
              <th scope="col">{t("results.mean")}</th>
              <th scope="col">{t("results.interval")}</th>
              <th scope="col">{t("results.distribution")}</th>
            </tr>
          </thead>
          <tbody>
            {view.items.map((row) => (
              <tr key={row.item} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 text-start font-normal">
                  <ItemText item={row.item} own={own} />
                  {isReversedItem(row.item, own, REVERSED_ITEMS) ? (
                    <span className="muted block text-xs">{t("results.reversed")}</span>
                  ) : null}
                </th>
                {row.figures ? (
                  <>
                    <td className="text-center">{row.figures.n}</td>
                    <td className="text-center">{n(row.figures.mean)}</td>
                    <td className="text-center">
                      {row.figures.unscoredInterval
                        ? `${n(row.figures.unscoredInterval[0])}–${n(row.figures.unscoredInterval[1])}`
                        : ""}
                    </td>
                    <td>
                      <ol className="flex gap-1" aria-label={t("results.distribution")}>
                        {SCALE_POINTS.map((point, index) => (
                          <li
                            key={point}
                            className="min-w-6 rounded bg-slate-100 px-1 text-center dark:bg-slate-800"
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
                  <td colSpan={4} className="muted">
                    {row.withheld ? t("results.tooAlike") : t("results.notYet")}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
