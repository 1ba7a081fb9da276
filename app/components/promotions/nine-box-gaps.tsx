import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { NineBoxGap } from "~/modules/promotions/career-audit-units";

type Gaps = {
  total: NineBoxGap;
  dimensions: { id: string; groups: { value: string; label: string; gap: NineBoxGap }[] }[];
};

const muted = "text-slate-600 dark:text-slate-300";

/**
 * Each group's share placed high on performance beside its share placed high on potential, and the
 * gap between them in percentage points, where both shares are shown (each is the equity audit's,
 * through the disclosure check); a group either hides shows that it is hidden and nothing more.
 */
export function NineBoxGaps({ gaps, floor }: { gaps: Gaps; floor: number }) {
  const { t, i18n } = useTranslation("promotionsAudit");
  const { t: figures } = useTranslation("accessAudit");
  const f = useFormats();
  const dimensionWord = (id: string) =>
    id === "team" || id === "track" || id === "level"
      ? figures(`dimension.${id}`)
      : dimensionInSentence(id.slice("attribute:".length), i18n.language);
  const gapWords = (gap: NonNullable<NineBoxGap>) => {
    const points = f.number(Math.abs(gap.gap) * 100);
    if (points === f.number(0)) return t("nineBox.gap.none");
    return gap.gap > 0
      ? t("nineBox.gap.lowerPotential", { points })
      : t("nineBox.gap.higherPotential", { points });
  };
  const headings = [
    figures("columns.group"),
    t("nineBox.columns.performance"),
    t("nineBox.columns.potential"),
    t("nineBox.columns.gap"),
  ];
  const cells = (gap: NineBoxGap) =>
    gap ? (
      <>
        <td className={tdClass}>{f.percent(gap.performance)}</td>
        <td className={tdClass}>{f.percent(gap.potential)}</td>
        <td className={`${tdClass} font-medium`}>{gapWords(gap)}</td>
      </>
    ) : (
      <td className={`${tdClass} ${muted}`} colSpan={3}>
        {figures("disclosure.hidden", { floor })}
      </td>
    );
  return (
    <section className="mb-10" aria-labelledby="audit-nine-box-gaps">
      <h3 id="audit-nine-box-gaps" className="mb-2 text-lg font-semibold">
        {t("nineBox.gapHeading")}
      </h3>
      <p className={`mb-3 max-w-3xl text-sm ${muted}`}>{t("nineBox.gapExplain")}</p>
      {gaps.total ? (
        <p className="mb-4 text-sm">
          {t("nineBox.everyone", {
            performance: f.percent(gaps.total.performance),
            potential: f.percent(gaps.total.potential),
            gap: gapWords(gaps.total),
          })}
        </p>
      ) : null}
      {gaps.dimensions.map((dimension) =>
        dimension.groups.length ? (
          <div key={dimension.id} className="mb-6">
            <DataTable
              caption={t("nineBox.caption", { dimension: dimensionWord(dimension.id) })}
              showCaption
              headings={headings}
            >
              {dimension.groups.map((group) => (
                <tr key={group.value}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {group.label}
                  </th>
                  {cells(group.gap)}
                </tr>
              ))}
            </DataTable>
          </div>
        ) : null,
      )}
    </section>
  );
}
