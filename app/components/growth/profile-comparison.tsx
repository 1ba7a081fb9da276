import { DataTable, tdClass } from "~/components/ui/data-table";
import type { Agreement, ComparedSide, ComparisonCounts, ComparisonRow } from "~/modules/growth/comparison";
import { plural } from "~/utils/plural";

const rowTone: Record<Agreement, string> = {
  same: "",
  differs: "bg-amber-50 dark:bg-amber-950/50",
  "strongly-differs": "bg-red-50 dark:bg-red-950/60",
  incomplete: "",
};

const badgeTone: Record<Agreement, string> = {
  same: "border-emerald-300 text-emerald-900 dark:border-emerald-700 dark:text-emerald-200",
  differs: "border-amber-400 bg-amber-100 text-amber-950 dark:border-amber-600 dark:bg-amber-900 dark:text-amber-50",
  "strongly-differs": "border-red-500 bg-red-100 font-semibold text-red-950 dark:border-red-500 dark:bg-red-900 dark:text-red-50",
  incomplete: "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300",
};

/** Words and a symbol carry the meaning; colour only repeats it. */
export function agreementText(row: Pick<ComparisonRow, "agreement" | "difference">): { symbol: string; text: string } {
  switch (row.agreement) {
    case "same":
      return { symbol: "=", text: "Agree" };
    case "differs":
      return { symbol: "≠", text: `Differs by 1 (manager ${row.difference! > 0 ? "higher" : "lower"})` };
    case "strongly-differs":
      return { symbol: "‼", text: `Differs by ${Math.abs(row.difference!)} (manager ${row.difference! > 0 ? "higher" : "lower"})` };
    case "incomplete":
      return { symbol: "–", text: "Not rated by both" };
  }
}

export function AgreementBadge({ row }: { row: Pick<ComparisonRow, "agreement" | "difference"> }) {
  const { symbol, text } = agreementText(row);
  return (
    <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs ${badgeTone[row.agreement]}`}>
      <span aria-hidden="true">{symbol}</span>
      {text}
    </span>
  );
}

function Rating({ side }: { side: ComparedSide | null }) {
  if (!side || side.rating === null) return <span className="text-slate-600 dark:text-slate-300">Not rated</span>;
  return (
    <span>
      <span className="font-semibold tabular-nums">{side.rating}</span> {side.label}
    </span>
  );
}

function Notes({ side }: { side: ComparedSide | null }) {
  if (!side) return null;
  return (
    <>
      {side.notes ? <p className="mt-1 whitespace-pre-line text-slate-700 dark:text-slate-300">{side.notes}</p> : null}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        {side.rating === null ? "" : side.evidenceCount === 0 ? "No evidence" : plural(side.evidenceCount, "# piece of evidence")}
      </p>
    </>
  );
}

/** Beside a competency rated outside the level compared: shown, not counted. */
export function OutsideLevelNote({ outsideLevel }: { outsideLevel: boolean }) {
  if (!outsideLevel) return null;
  return <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">Not part of this level: not counted</span>;
}

/** "1 differs", "3 differ". */
const differ = (count: number) => plural(count, "# differs");

export function ComparisonSummary({ counts }: { counts: ComparisonCounts }) {
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {counts.same} of {plural(counts.total, "# competency")} {plural(counts.same, "agrees")}; {differ(counts.differs)} by one point;{" "}
      <strong>{differ(counts["strongly-differs"])} by two or more</strong>
      {counts.incomplete ? `; ${counts.incomplete} not rated by both` : ""}
      {counts.outsideLevel ? `; ${counts.outsideLevel} more rated outside this level, not counted` : ""}.
    </p>
  );
}

/**
 * Self-assessment and manager review side by side; disagreements highlighted by words, a symbol
 * and a tint. On a phone the four columns do not fit, so each competency becomes a card with
 * both sides and the agreement one under the other (the table is hidden there, not squeezed).
 */
export function ComparisonTable({ rows, caption }: { rows: readonly ComparisonRow[]; caption: string }) {
  return (
    <>
      <ul aria-label={caption} className="space-y-3 sm:hidden print:hidden">
        {rows.map((row) => (
          <li key={row.competencyId} className={`rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700 ${rowTone[row.agreement]}`} data-agreement={row.agreement}>
            <p className="font-medium">
              {row.name}
              <OutsideLevelNote outsideLevel={row.outsideLevel} />
            </p>
            <div className="mt-1">
              <AgreementBadge row={row} />
            </div>
            <dl className="mt-2 space-y-2">
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">Self-assessment</dt>
                <dd>
                  <Rating side={row.self} />
                  <Notes side={row.self} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">Manager review</dt>
                <dd>
                  <Rating side={row.manager} />
                  <Notes side={row.manager} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <ComparisonGrid rows={rows} caption={caption} />
    </>
  );
}

function ComparisonGrid({ rows, caption }: { rows: readonly ComparisonRow[]; caption: string }) {
  return (
    <div className="hidden sm:block print:block">
      <DataTable plain caption={caption} headings={["Competency", "Self-assessment", "Manager review", "Agreement"]}>
        {rows.map((row) => (
          <tr key={row.competencyId} className={`break-inside-avoid ${rowTone[row.agreement]}`} data-agreement={row.agreement}>
            <th scope="row" className={`${tdClass} font-medium`}>
              {row.name}
              <OutsideLevelNote outsideLevel={row.outsideLevel} />
            </th>
            <td className={tdClass}>
              <Rating side={row.self} />
              <Notes side={row.self} />
            </td>
            <td className={tdClass}>
              <Rating side={row.manager} />
              <Notes side={row.manager} />
            </td>
            <td className={tdClass}>
              <AgreementBadge row={row} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
