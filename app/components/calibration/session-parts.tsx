import { largest } from "~/utils/extremes";
import { useTranslation } from "~/i18n/use-translation";
import { DataTable, tdClass } from "~/components/ui/data-table";
import type { Formats } from "~/i18n/format";
import { useFormats } from "~/i18n/use-formats";
import type { ManagerLeniency } from "~/modules/calibration/leniency";
import type { EntryFlag } from "~/modules/calibration/entries";

type Count = { value: number; count: number };

/**
 * Proposed and final ratings side by side, one pair of bars per scale point. The numbers are
 * printed on the bars and the same figures are in a table for screen readers, so the chart
 * is never the only way to read them.
 */
export function DistributionChart({
  scale,
  proposed,
  final,
}: {
  scale: readonly { value: number; label: string }[];
  proposed: { counts: Count[]; notRated: number };
  final: { counts: Count[]; notRated: number };
}) {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const most = largest(
    [...proposed.counts, ...final.counts].map((c) => c.count),
    1,
  );
  const bar = (count: number, tone: string, label: string) => (
    <div className="flex items-center gap-2">
      <span className="w-16 shrink-0 text-xs text-slate-600 dark:text-slate-300">{label}</span>
      <div className="h-5 flex-1 rounded-sm bg-slate-100 dark:bg-slate-800">
        <div className={`h-5 rounded-sm ${tone}`} style={{ width: `${(count / most) * 100}%` }} />
      </div>
      <span className="w-8 shrink-0 text-end text-xs font-semibold tabular-nums">
        {f.number(count)}
      </span>
    </div>
  );
  return (
    <figure aria-labelledby="distribution-caption">
      <div aria-hidden="true" className="space-y-3">
        {scale.map((point, index) => (
          <div key={point.value}>
            <p className="mb-1 text-sm font-medium">
              {point.value} {point.label}
            </p>
            {bar(
              proposed.counts[index]?.count ?? 0,
              "bg-slate-400 dark:bg-slate-500",
              t("distribution.proposed"),
            )}
            {bar(final.counts[index]?.count ?? 0, "bg-brand-600", t("distribution.final"))}
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>{t("distribution.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("distribution.rating")}</th>
            <th scope="col">{t("distribution.proposed")}</th>
            <th scope="col">{t("distribution.final")}</th>
          </tr>
        </thead>
        <tbody>
          {scale.map((point, index) => (
            <tr key={point.value}>
              <th scope="row">
                {point.value} {point.label}
              </th>
              <td>{f.number(proposed.counts[index]?.count ?? 0)}</td>
              <td>{f.number(final.counts[index]?.count ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption
        id="distribution-caption"
        className="mt-2 text-xs text-slate-600 dark:text-slate-300"
      >
        {t("distribution.figcaption", {
          proposedNotRated: proposed.notRated,
          finalNotRated: final.notRated,
        })}
      </figcaption>
    </figure>
  );
}

export function FlagList({ flags }: { flags: readonly EntryFlag[] }) {
  const { t } = useTranslation("calibration");
  if (!flags.length) return <span className="muted">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <li key={flag} className="flag">
          {t(`flag.${flag}`)}
        </li>
      ))}
    </ul>
  );
}

const signed = (f: Formats, value: number) =>
  `${value > 0 ? "+" : value < 0 ? "−" : "±"}${f.number(Math.abs(value), 2)}`;

/** Per-manager leniency: figures only where enough people stand behind them, flagged only where the interval excludes zero. */
export function LeniencyTable({
  managers,
  floor,
}: {
  managers: readonly (ManagerLeniency & { name: string })[];
  floor: number;
}) {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  if (!managers.length)
    return <p className="text-sm text-slate-600 dark:text-slate-300">{t("leniency.none")}</p>;
  return (
    <DataTable
      plain
      caption={t("leniency.caption")}
      headings={[
        t("leniency.manager"),
        t("leniency.people"),
        t("leniency.mean"),
        t("leniency.against"),
      ]}
    >
      {managers.map((manager) => (
        <tr key={manager.managerId}>
          <th scope="row" className={`${tdClass} font-medium`}>
            {manager.name}
          </th>
          <td className={`${tdClass} tabular-nums`}>{f.number(manager.n)}</td>
          <td className={`${tdClass} tabular-nums`}>
            {manager.suppressed || manager.mean === null
              ? "—"
              : manager.sd === null
                ? f.number(manager.mean, 2)
                : t("leniency.meanWithSpread", {
                    mean: f.number(manager.mean, 2),
                    sd: f.number(manager.sd, 2),
                  })}
          </td>
          <td className={tdClass}>
            {manager.suppressed || manager.difference === null || !manager.interval ? (
              <span className="text-slate-600 dark:text-slate-300">
                {t("leniency.notCompared", { floor })}
              </span>
            ) : (
              <span
                className={
                  manager.flagged ? "font-semibold text-amber-900 dark:text-amber-200" : ""
                }
              >
                {t("leniency.comparison", {
                  difference: signed(f, manager.difference),
                  low: signed(f, manager.interval[0]),
                  high: signed(f, manager.interval[1]),
                  count: manager.othersN,
                  verdict: manager.flagged
                    ? manager.difference > 0
                      ? "higher"
                      : "lower"
                    : "noise",
                })}
              </span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

type Box = { cells: number[][]; unplaced: number; placed: number };

/**
 * The 9-box: performance (a third of the rating scale each) across, the session's second
 * dimension up. A table, so a screen reader reads it as one: each box gives the proposed and the
 * final count.
 */
export function NineBoxTable({
  dimension,
  points,
  proposed,
  final,
}: {
  dimension: string;
  points: readonly { value: 1 | 2 | 3 }[];
  proposed: Box;
  final: Box;
}) {
  const { t } = useTranslation("calibration");
  const f = useFormats();
  const bands = [1, 2, 3] as const;
  const rows = [...points].reverse();
  return (
    <div>
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="mb-2 text-start text-xs text-slate-600 dark:text-slate-300">
          {t("nineBox.caption", { dimension })}
        </caption>
        <thead>
          <tr>
            <td className="w-28" />
            {bands.map((band) => (
              <th key={band} scope="col" className="px-2 py-1 text-xs font-medium">
                {t(`nineBox.band.${band}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((point) => (
            <tr key={point.value}>
              <th scope="row" className="px-2 py-1 text-start text-xs font-medium">
                {t("nineBox.row", { dimension, point: t(`second.${point.value}`) })}
              </th>
              {bands.map((band, index) => {
                const p = proposed.cells[index]?.[point.value - 1] ?? 0;
                const settled = final.cells[index]?.[point.value - 1] ?? 0;
                return (
                  <td
                    key={band}
                    className="h-16 border border-slate-300 px-2 py-1 text-center tabular-nums dark:border-slate-600"
                  >
                    <span aria-hidden="true">
                      <span className="text-slate-700 dark:text-slate-300">{f.number(p)}</span> ·{" "}
                      <strong>{f.number(settled)}</strong>
                    </span>
                    <span className="sr-only">
                      {t("nineBox.cell", { proposed: p, final: settled })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {proposed.unplaced || final.unplaced ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          {t("nineBox.unplaced", { dimension, proposed: proposed.unplaced, final: final.unplaced })}
        </p>
      ) : null}
    </div>
  );
}
