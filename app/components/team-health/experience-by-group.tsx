import { Link } from "react-router";
import { dimensionInSentence } from "~/components/calibration/outcome-grid";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import type { ItemKey } from "~/modules/team-health/items";

type Estimate = { estimate: number; interval: readonly [number, number] };
type Compared = Estimate & { pValue: number; adjustedP: number; flagged: boolean };

export type ExperienceSectionData = {
  periods: string[];
  period: string | null;
  comparisons: number;
  dimensions: {
    id: string;
    groups: (
      | { label: string; shown: false }
      | {
          label: string;
          shown: true;
          answers: number;
          score: Estimate | null;
          scoreDifference: Compared | null;
          items: {
            item: string;
            mean: number | null;
            interval: readonly [number, number] | null;
            difference: Compared | null;
          }[];
        }
    )[];
  }[];
};

const muted = "text-slate-600 dark:text-slate-300";

/**
 * The organisation view's "Experience by group" (decision 126): per dimension (track, level, an
 * imported attribute), each group's score and items' means with 95% intervals against the rest of
 * the shown groups, adjusted together (Holm); a group not shown says so and nothing measured.
 */
export function ExperienceByGroup({ section }: { section: ExperienceSectionData }) {
  const { t, i18n } = useTranslation("teamHealth");
  const f = useFormats();
  const n = (value: number) => f.number(value, 1);
  const estimate = (figure: Estimate) =>
    t("byGroup.estimate", {
      value: n(figure.estimate),
      low: n(figure.interval[0]),
      high: n(figure.interval[1]),
    });
  const compared = (difference: Compared | null) =>
    difference ? (
      <>
        {t("byGroup.difference", {
          value: f.number(difference.estimate, 2),
          low: f.number(difference.interval[0], 2),
          high: f.number(difference.interval[1], 2),
          p: difference.adjustedP,
        })}
        {difference.flagged ? <strong className="ms-1">{t("byGroup.flagged")}</strong> : null}
      </>
    ) : (
      <span className={muted}>{t("byGroup.noComparison")}</span>
    );
  const dimensionName = (id: string) =>
    id === "track" || id === "level"
      ? t(`byGroup.dimension.${id}`)
      : dimensionInSentence(id.slice("attribute:".length), i18n.language);
  return (
    <section aria-labelledby="by-group-heading" className="mt-8 max-w-4xl">
      <h2 id="by-group-heading" className="mb-2 text-lg font-semibold">
        {t("byGroup.heading")}
      </h2>
      <p className="mb-2 text-sm">{t("byGroup.intro")}</p>
      {section.period === null ? (
        <p className="text-sm">{t("byGroup.none")}</p>
      ) : (
        <>
          <p className="mb-2 text-sm">
            {t("byGroup.quarter", { quarter: section.period })}{" "}
            {t("byGroup.comparisons", { count: section.comparisons })}
          </p>
          {section.periods.length > 1 ? (
            <nav aria-label={t("byGroup.quarters")} className="mb-4 text-sm">
              <ul className="flex flex-wrap gap-3">
                {section.periods.map((period) => (
                  <li key={period}>
                    {period === section.period ? (
                      <span aria-current="page" className="font-semibold">
                        {period}
                      </span>
                    ) : (
                      <Link to={`?quarter=${period}`} className="link">
                        {period}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {section.dimensions.map((dimension) => (
            <div key={dimension.id} className="mb-6">
              <DataTable
                caption={t("byGroup.caption", { dimension: dimensionName(dimension.id) })}
                showCaption
                headings={[
                  t("byGroup.group"),
                  t("byGroup.answers"),
                  t("byGroup.score"),
                  t("byGroup.against"),
                ]}
              >
                {dimension.groups.map((group) =>
                  group.shown ? (
                    <tr key={group.label}>
                      <th scope="row" className={tdClass}>
                        {group.label}
                      </th>
                      <td className={tdClass}>{group.answers}</td>
                      <td className={tdClass}>
                        {group.score ? (
                          estimate(group.score)
                        ) : (
                          <span className={muted}>{t("byGroup.scoreHidden")}</span>
                        )}
                      </td>
                      <td className={tdClass}>{compared(group.scoreDifference)}</td>
                    </tr>
                  ) : (
                    <tr key={group.label}>
                      <th scope="row" className={tdClass}>
                        {group.label}
                      </th>
                      <td className={tdClass} colSpan={3}>
                        <span className={muted}>{t("byGroup.tooFew")}</span>
                      </td>
                    </tr>
                  ),
                )}
              </DataTable>
              {dimension.groups.map((group) =>
                group.shown ? (
                  <details key={group.label} className="mt-2 text-sm">
                    <summary>{t("byGroup.items", { group: group.label })}</summary>
                    <DataTable
                      caption={t("byGroup.items", { group: group.label })}
                      headings={[t("results.item"), t("results.mean"), t("byGroup.against")]}
                    >
                      {group.items.map((row) => (
                        <tr key={row.item}>
                          <th scope="row" className={tdClass}>
                            {t(`items.${row.item as ItemKey}`)}
                          </th>
                          <td className={tdClass}>
                            {row.mean !== null && row.interval ? (
                              estimate({ estimate: row.mean, interval: row.interval })
                            ) : (
                              <span className={muted}>{t("results.tooAlike")}</span>
                            )}
                          </td>
                          <td className={tdClass}>{compared(row.difference)}</td>
                        </tr>
                      ))}
                    </DataTable>
                  </details>
                ) : null,
              )}
            </div>
          ))}
          <p className={`text-sm ${muted}`}>{t("byGroup.scored")}</p>
          <p className={`text-sm ${muted}`}>{t("byGroup.leftOut")}</p>
        </>
      )}
    </section>
  );
}
