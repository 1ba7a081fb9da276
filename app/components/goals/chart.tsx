import { useId } from "react";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";
import {
  figureWords,
  keyResultFigure,
  type KeyResultKind,
  type Point,
} from "~/modules/goals/progress";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = 8;

function at(point: Point): string {
  const x = PAD + point.x * (WIDTH - 2 * PAD);
  const y = HEIGHT - PAD - point.y * (HEIGHT - 2 * PAD);
  return `${x.toFixed(1)},${y.toFixed(1)}`;
}

/** A key result's value in the reader's language (keyResultFigure): "3,087.5 ms", "Done". */
export function useKeyResultFigure(): (
  value: number,
  keyResult: { kind: KeyResultKind; unit: string },
) => string {
  const f = useFormats();
  const { t } = useTranslation("goals");
  const words = figureWords(t, f.measure);
  return (value, keyResult) => keyResultFigure(value, keyResult, words);
}

/**
 * A key result's path against the straight line from its start to its target over the period,
 * drawn on the server as SVG: a title and description for screen readers, and the check-ins'
 * table beside it (KeyResultHistory) as the figures themselves.
 */
export function KeyResultChart({
  title,
  start,
  target,
  latest,
  count,
  chart,
}: {
  title: string;
  start: string;
  target: string;
  latest: string;
  count: number;
  chart: { ideal: [Point, Point]; path: Point[] };
}) {
  const { t } = useTranslation("goals");
  const id = useId();
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-32 w-full max-w-md text-slate-700 dark:text-slate-200"
    >
      <title id={`${id}-title`}>{t("objective.chart.title", { title })}</title>
      <desc id={`${id}-desc`}>{t("objective.chart.desc", { start, target, count, latest })}</desc>
      <rect
        x="0"
        y="0"
        width={WIDTH}
        height={HEIGHT}
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.2"
      />
      <polyline
        points={chart.ideal.map(at).join(" ")}
        fill="none"
        stroke="currentColor"
        strokeOpacity="0.5"
        strokeDasharray="4 4"
      />
      <polyline
        points={chart.path.map(at).join(" ")}
        fill="none"
        stroke="#2563eb"
        strokeWidth="2"
      />
      {chart.path.slice(1).map((point, index) => {
        const [x, y] = at(point).split(",");
        return <circle key={index} cx={x} cy={y} r="3" fill="#2563eb" />;
      })}
    </svg>
  );
}

/** The check-ins as a table: the chart's figures for anyone who cannot read the chart. */
export function KeyResultHistory({
  checkIns,
  keyResult,
}: {
  checkIns: {
    id: string;
    value: number;
    confidence: string;
    note: string;
    at: Date | string;
    by: string;
    token: string | null;
  }[];
  keyResult: { kind: KeyResultKind; unit: string };
}) {
  const { t } = useTranslation("goals");
  const f = useFormats();
  const figure = useKeyResultFigure();
  return (
    <div className="mt-2">
      <DataTable
        plain
        showCaption
        caption={t("objective.history")}
        headings={[
          t("objective.historyColumns.day"),
          t("objective.historyColumns.value"),
          t("objective.historyColumns.confidence"),
          t("objective.historyColumns.note"),
          t("objective.historyColumns.by"),
        ]}
      >
        {checkIns.map((checkIn) => (
          <tr key={checkIn.id}>
            <td className={`${tdClass} whitespace-nowrap`}>{f.day(checkIn.at)}</td>
            <td className={`${tdClass} whitespace-nowrap`}>{figure(checkIn.value, keyResult)}</td>
            <td className={tdClass}>{t("confidence", { confidence: checkIn.confidence })}</td>
            <td className={`${tdClass} min-w-40 whitespace-pre-line`}>{checkIn.note}</td>
            <td className={tdClass}>
              {checkIn.token
                ? t("objective.byToken", { name: checkIn.by, token: checkIn.token })
                : checkIn.by}
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
