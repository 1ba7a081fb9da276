import { useTranslation } from "~/i18n/use-translation";
import { DataTable, tdClass } from "~/components/ui/data-table";
import type {
  Agreement,
  ComparedSide,
  ComparisonCounts,
  ComparisonRow,
} from "~/modules/growth/comparison";

const rowTone: Record<Agreement, string> = {
  same: "",
  differs: "bg-amber-50 dark:bg-amber-950/50",
  "strongly-differs": "bg-red-50 dark:bg-red-950/60",
  incomplete: "",
};

const badgeTone: Record<Agreement, string> = {
  same: "border-emerald-300 text-emerald-900 dark:border-emerald-700 dark:text-emerald-200",
  differs:
    "border-amber-400 bg-amber-100 text-amber-950 dark:border-amber-600 dark:bg-amber-900 dark:text-amber-50",
  "strongly-differs":
    "border-red-500 bg-red-100 font-semibold text-red-950 dark:border-red-500 dark:bg-red-900 dark:text-red-50",
  incomplete: "border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-300",
};

/** Words and a symbol carry the meaning; colour only repeats it. */
function useAgreementText() {
  const { t } = useTranslation("growth");
  return (
    row: Pick<ComparisonRow, "agreement" | "difference">,
  ): { symbol: string; text: string } => {
    switch (row.agreement) {
      case "same":
        return { symbol: "=", text: t("comparison.agree") };
      case "differs":
      case "strongly-differs":
        return {
          symbol: row.agreement === "differs" ? "≠" : "‼",
          text: t("comparison.differsBy", {
            points: Math.abs(row.difference!),
            manager: row.difference! > 0 ? "higher" : "lower",
          }),
        };
      case "incomplete":
        return { symbol: "–", text: t("comparison.notRatedByBoth") };
    }
  };
}

export function AgreementBadge({ row }: { row: Pick<ComparisonRow, "agreement" | "difference"> }) {
  const { symbol, text } = useAgreementText()(row);
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded border px-2 py-0.5 text-xs ${badgeTone[row.agreement]}`}
    >
      <span aria-hidden="true">{symbol}</span>
      {text}
    </span>
  );
}

function Rating({ side }: { side: ComparedSide | null }) {
  const { t } = useTranslation("growth");
  if (!side || side.rating === null)
    return <span className="text-slate-600 dark:text-slate-300">{t("comparison.notRated")}</span>;
  return (
    <span>
      <span className="font-semibold tabular-nums">{side.rating}</span> {side.label}
    </span>
  );
}

function Notes({ side }: { side: ComparedSide | null }) {
  const { t } = useTranslation("growth");
  if (!side) return null;
  return (
    <>
      {side.notes ? (
        <p className="mt-1 whitespace-pre-line text-slate-700 dark:text-slate-300">{side.notes}</p>
      ) : null}
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        {side.rating === null
          ? ""
          : side.evidenceCount === 0
            ? t("comparison.noEvidence")
            : t("comparison.evidenceCount", { count: side.evidenceCount })}
      </p>
    </>
  );
}

/** Beside a competency rated outside the level compared: shown, not counted. */
export function OutsideLevelNote({ outsideLevel }: { outsideLevel: boolean }) {
  const { t } = useTranslation("growth");
  if (!outsideLevel) return null;
  return (
    <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
      {t("comparison.outsideLevel")}
    </span>
  );
}

/** The counts in one sentence, the strong disagreements in bold: three messages, since the bold part sits in the middle. */
export function ComparisonSummary({ counts }: { counts: ComparisonCounts }) {
  const { t } = useTranslation("growth");
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300">
      {t("comparison.summary", { same: counts.same, total: counts.total, differs: counts.differs })}{" "}
      <strong>{t("comparison.stronglyDiffer", { count: counts["strongly-differs"] })}</strong>
      {t("comparison.summaryEnd", { incomplete: counts.incomplete, outside: counts.outsideLevel })}
    </p>
  );
}

/**
 * Self-assessment and manager review side by side; disagreements highlighted by words, a symbol
 * and a tint. On a phone the four columns do not fit, so each competency becomes a card with
 * both sides and the agreement one under the other (the table is hidden there, not squeezed).
 */
export function ComparisonTable({
  rows,
  caption,
}: {
  rows: readonly ComparisonRow[];
  caption: string;
}) {
  const { t } = useTranslation("growth");
  return (
    <>
      <ul aria-label={caption} className="space-y-3 sm:hidden print:hidden">
        {rows.map((row) => (
          <li
            key={row.competencyId}
            className={`rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700 ${rowTone[row.agreement]}`}
            data-agreement={row.agreement}
          >
            <p className="font-medium">
              {row.name}
              <OutsideLevelNote outsideLevel={row.outsideLevel} />
            </p>
            <div className="mt-1">
              <AgreementBadge row={row} />
            </div>
            <dl className="mt-2 space-y-2">
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
                  {t("comparison.self")}
                </dt>
                <dd>
                  <Rating side={row.self} />
                  <Notes side={row.self} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">
                  {t("comparison.manager")}
                </dt>
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
  const { t } = useTranslation("growth");
  return (
    <div className="hidden sm:block print:block">
      <DataTable
        plain
        caption={caption}
        headings={[
          t("comparison.competency"),
          t("comparison.self"),
          t("comparison.manager"),
          t("comparison.agreement"),
        ]}
      >
        {rows.map((row) => (
          <tr
            key={row.competencyId}
            className={`break-inside-avoid ${rowTone[row.agreement]}`}
            data-agreement={row.agreement}
          >
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
