import { useId } from "react";
import { useFormats } from "~/i18n/use-formats";
import { useTranslation } from "~/i18n/use-translation";

/**
 * Insights charts (decision 005's approach): small SVGs drawn in currentColor, so they follow
 * the theme and print in black, with line patterns rather than colours, a <title> and <desc>,
 * and a table beside each that says the same in text.
 */

const MONTH = 30.4375;

type InsightsT = ReturnType<typeof useTranslation<"insights">>["t"];

/**
 * A Kaplan–Meier curve: the share still at the level (up the side) by months at the level,
 * its 95% band shaded, a dotted line at one half and the median marked where it crosses.
 * `points`: [day, survival, lower, upper] at each step.
 */
export function SurvivalChart({
  title,
  points,
  median,
  maxDays,
}: {
  title: string;
  points: readonly [number, number, number | null, number | null][];
  median: number | null;
  maxDays: number;
}) {
  const id = useId();
  const { t } = useTranslation("insights");
  const f = useFormats();
  const width = 280;
  const height = 150;
  const left = 34;
  const bottom = 22;
  const plotWidth = width - left - 16;
  const plotHeight = height - bottom - 8;
  const span = Math.max(maxDays, MONTH);
  const x = (days: number) => left + (Math.min(days, span) / span) * plotWidth;
  const y = (share: number) => 8 + (1 - share) * plotHeight;
  // Step functions: flat until the next step, then down.
  const step = (value: (point: (typeof points)[number]) => number | null) => {
    let path = `M${x(0)},${y(1)}`;
    for (const point of points) {
      const current = value(point);
      if (current === null) break;
      path += ` H${x(point[0]).toFixed(1)} V${y(current).toFixed(1)}`;
    }
    return `${path} H${x(points.at(-1)?.[0] ?? 0).toFixed(1)}`;
  };
  // The band's two edges, as steps, up to the last step that has a band (none once nobody is left).
  const upperEdge = [`${x(0)},${y(1)}`];
  const lowerEdge = [`${x(0)},${y(1)}`];
  let lastUpper = 1;
  let lastLower = 1;
  for (const [day, , lower, upper] of points) {
    if (lower === null || upper === null) break;
    upperEdge.push(
      `${x(day).toFixed(1)},${y(lastUpper).toFixed(1)}`,
      `${x(day).toFixed(1)},${y(upper).toFixed(1)}`,
    );
    lowerEdge.push(
      `${x(day).toFixed(1)},${y(lastLower).toFixed(1)}`,
      `${x(day).toFixed(1)},${y(lower).toFixed(1)}`,
    );
    lastUpper = upper;
    lastLower = lower;
  }
  const years = Math.floor(span / 365.25);
  const ticks =
    years >= 1
      ? Array.from({ length: years }, (_, index) => (index + 1) * 365.25)
      : [span / 2, span];
  const tickLabel = (days: number) =>
    years >= 1
      ? t("chart.tickYears", { count: Math.round(days / 365.25) })
      : t("chart.tickMonths", { count: Math.round(days / MONTH) });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      className="h-auto w-full max-w-sm text-slate-800 dark:text-slate-100"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>
        {median === null
          ? t("chart.survivalNoMedian")
          : t("chart.survivalMedian", { time: formatDays(t, median) })}
      </desc>
      <g className="text-slate-300 dark:text-slate-600" stroke="currentColor" strokeWidth="1">
        <line x1={left} y1={y(0)} x2={left + plotWidth} y2={y(0)} />
        <line x1={left} y1={y(0)} x2={left} y2={y(1)} />
      </g>
      <g fill="currentColor" fontSize="9" className="text-slate-600 dark:text-slate-300">
        <text x={left - 4} y={y(1) + 3} textAnchor="end">
          {f.percent(1)}
        </text>
        <text x={left - 4} y={y(0.5) + 3} textAnchor="end">
          {f.percent(0.5)}
        </text>
        <text x={left - 4} y={y(0) + 3} textAnchor="end">
          {f.percent(0)}
        </text>
        {ticks.map((tick, index) => (
          <text
            key={tick}
            x={x(tick)}
            y={height - 8}
            textAnchor={index === ticks.length - 1 ? "end" : "middle"}
          >
            {tickLabel(tick)}
          </text>
        ))}
      </g>
      <path
        d={`M${upperEdge.join(" L")} L${[...lowerEdge].reverse().join(" L")} Z`}
        fill="currentColor"
        opacity="0.12"
        stroke="none"
      />
      <path
        d={`M${upperEdge.join(" L")}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1"
        strokeDasharray="2 2"
        opacity="0.7"
      />
      <path
        d={`M${lowerEdge.join(" L")}`}
        fill="none"
        stroke="currentColor"
        strokeWidth="1"
        strokeDasharray="2 2"
        opacity="0.7"
      />
      <line
        x1={left}
        x2={left + plotWidth}
        y1={y(0.5)}
        y2={y(0.5)}
        stroke="currentColor"
        strokeDasharray="1 3"
        opacity="0.6"
      />
      <path d={step((point) => point[1])} fill="none" stroke="currentColor" strokeWidth="2" />
      {median !== null ? <circle cx={x(median)} cy={y(0.5)} r="3.5" fill="currentColor" /> : null}
    </svg>
  );
}

/** Days as people say them, in `t`'s language: months under two years, else years with a decimal. */
export function formatDays(t: InsightsT, days: number): string {
  if (days < 730) return t("chart.months", { count: Math.max(0, Math.round(days / MONTH)) });
  return t("chart.years", { years: days / 365.25 });
}

/**
 * One figure with its interval on a shared axis, for a row of a table (a forest plot read
 * down the column): a dot at the estimate, a bar across the interval, and a reference line
 * (zero, or the whole population's figure).
 */
export function IntervalBar({
  estimate,
  interval,
  domain,
  reference,
  label,
}: {
  estimate: number;
  interval: [number, number];
  domain: [number, number];
  reference?: number;
  label: string;
}) {
  const width = 160;
  const height = 18;
  const x = (value: number) =>
    4 +
    ((Math.min(Math.max(value, domain[0]), domain[1]) - domain[0]) / (domain[1] - domain[0] || 1)) *
      (width - 8);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      className="text-slate-800 dark:text-slate-100"
    >
      {reference !== undefined ? (
        <line
          x1={x(reference)}
          x2={x(reference)}
          y1={1}
          y2={height - 1}
          stroke="currentColor"
          strokeDasharray="2 2"
          opacity="0.5"
        />
      ) : null}
      <line
        x1={x(interval[0])}
        x2={x(interval[1])}
        y1={height / 2}
        y2={height / 2}
        stroke="currentColor"
        strokeWidth="2"
      />
      <line
        x1={x(interval[0])}
        x2={x(interval[0])}
        y1={height / 2 - 4}
        y2={height / 2 + 4}
        stroke="currentColor"
      />
      <line
        x1={x(interval[1])}
        x2={x(interval[1])}
        y1={height / 2 - 4}
        y2={height / 2 + 4}
        stroke="currentColor"
      />
      <circle cx={x(estimate)} cy={height / 2} r="4" fill="currentColor" />
    </svg>
  );
}
