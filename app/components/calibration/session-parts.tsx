import { DataTable, tdClass } from "~/components/ui/data-table";
import type { ManagerLeniency } from "~/modules/calibration/leniency";
import { ENTRY_FLAG_LABELS, type EntryFlag } from "~/modules/calibration/entries";
import { plural } from "~/utils/plural";

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
  const most = Math.max(1, ...proposed.counts.map((c) => c.count), ...final.counts.map((c) => c.count));
  const bar = (count: number, tone: string, label: string) => (
    <div className="flex items-center gap-2">
      <span className="w-16 shrink-0 text-xs text-slate-600 dark:text-slate-300">{label}</span>
      <div className="h-5 flex-1 rounded-sm bg-slate-100 dark:bg-slate-800">
        <div className={`h-5 rounded-sm ${tone}`} style={{ width: `${(count / most) * 100}%` }} />
      </div>
      <span className="w-8 shrink-0 text-right text-xs font-semibold tabular-nums">{count}</span>
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
            {bar(proposed.counts[index]?.count ?? 0, "bg-slate-400 dark:bg-slate-500", "Proposed")}
            {bar(final.counts[index]?.count ?? 0, "bg-brand-600", "Final")}
          </div>
        ))}
      </div>
      <table className="sr-only">
        <caption>Proposed and final ratings</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Proposed</th>
            <th scope="col">Final</th>
          </tr>
        </thead>
        <tbody>
          {scale.map((point, index) => (
            <tr key={point.value}>
              <th scope="row">
                {point.value} {point.label}
              </th>
              <td>{proposed.counts[index]?.count ?? 0}</td>
              <td>{final.counts[index]?.count ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption id="distribution-caption" className="mt-2 text-xs text-slate-600 dark:text-slate-300">
        Proposed and final ratings; {proposed.notRated} without a proposal you can see, {final.notRated} without a final rating yet.
      </figcaption>
    </figure>
  );
}

export function FlagList({ flags }: { flags: readonly EntryFlag[] }) {
  if (!flags.length) return <span className="muted">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {flags.map((flag) => (
        <li key={flag} className="flag">
          {ENTRY_FLAG_LABELS[flag]}
        </li>
      ))}
    </ul>
  );
}

const signed = (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toFixed(2)}`;

/** Per-manager leniency: figures only where enough people stand behind them, flagged only where the interval excludes zero. */
export function LeniencyTable({
  managers,
  floor,
}: {
  managers: readonly (ManagerLeniency & { name: string })[];
  floor: number;
}) {
  if (!managers.length) return <p className="text-sm text-slate-600 dark:text-slate-300">No proposals you can see yet.</p>;
  return (
    <DataTable plain caption="Each manager's proposals against the rest of the session" headings={["Manager", "People", "Mean proposal (spread)", "Against the rest (95% interval)"]}>
      {managers.map((manager) => (
        <tr key={manager.managerId}>
          <th scope="row" className={`${tdClass} font-medium`}>
            {manager.name}
          </th>
          <td className={`${tdClass} tabular-nums`}>{manager.n}</td>
          <td className={`${tdClass} tabular-nums`}>{manager.suppressed || manager.mean === null ? "—" : `${manager.mean.toFixed(2)}${manager.sd === null ? "" : ` (sd ${manager.sd.toFixed(2)})`}`}</td>
          <td className={tdClass}>
            {manager.suppressed || manager.difference === null || !manager.interval ? (
              <span className="text-slate-600 dark:text-slate-300">Not compared: fewer than {floor} proposals on one side</span>
            ) : (
              <span className={manager.flagged ? "font-semibold text-amber-900 dark:text-amber-200" : ""}>
                <span className="tabular-nums">
                  {signed(manager.difference)} ({signed(manager.interval[0])} to {signed(manager.interval[1])})
                </span>
                {` against ${plural(manager.othersN, "# other")}`}
                {manager.flagged ? (manager.difference > 0 ? " · proposes higher than the rest" : " · proposes lower than the rest") : " · within noise"}
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
export function NineBoxTable({ dimension, points, proposed, final }: { dimension: string; points: readonly { value: number; label: string }[]; proposed: Box; final: Box }) {
  const bands = ["Low", "Medium", "High"];
  const rows = [...points].reverse();
  return (
    <div>
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="mb-2 text-left text-xs text-slate-600 dark:text-slate-300">
          {dimension} (up) by performance (across, the rating scale in thirds). Each box: proposed · final.
        </caption>
        <thead>
          <tr>
            <td className="w-28" />
            {bands.map((band) => (
              <th key={band} scope="col" className="px-2 py-1 text-xs font-medium">
                {band} performance
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((point) => (
            <tr key={point.value}>
              <th scope="row" className="px-2 py-1 text-left text-xs font-medium">
                {point.label} {dimension.toLowerCase()}
              </th>
              {bands.map((band, index) => {
                const p = proposed.cells[index]?.[point.value - 1] ?? 0;
                const f = final.cells[index]?.[point.value - 1] ?? 0;
                return (
                  <td key={band} className="h-16 border border-slate-300 px-2 py-1 text-center tabular-nums dark:border-slate-600">
                    <span className="text-slate-700 dark:text-slate-300">{p}</span>
                    <span aria-hidden="true"> · </span>
                    <span className="sr-only"> proposed, </span>
                    <strong>{f}</strong>
                    <span className="sr-only"> final</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {proposed.unplaced || final.unplaced ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-300">
          Not placed (a rating without {dimension.toLowerCase()}, or the reverse): {proposed.unplaced} proposed, {final.unplaced} final.
        </p>
      ) : null}
    </div>
  );
}
